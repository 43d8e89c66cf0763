"""Template filters of the review desk: ratings in the page's language, digits the Arabic way."""

from django import template

from claims import display

register = template.Library()


@register.filter
def rating_label(rating: str | None) -> str:
    return display.rating_label(rating)


@register.filter
def digits(value) -> str:
    return display.digits("" if value is None else value)
