"""Dates and numbers on Arabic pages the way Arabic newsrooms write them: day, month name, year
("2 ديسمبر 2026"), 24-hour times, and the Arabic decimal and thousands separators when localised."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y، H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "Y/m/d"
SHORT_DATETIME_FORMAT = "Y/m/d H:i"
FIRST_DAY_OF_WEEK = 6  # Saturday
