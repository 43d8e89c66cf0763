"""Reference records (interfaces §2) written for these tests (Arabic sentences composed here)."""

import json

ARAMCO_PROFIT = {
    "key": "aramco-net-profit-2023",
    "statement": "بلغ صافي أرباح شركة أرامكو السعودية 121 مليار دولار في عام 2023.",
    "statement_en": "Saudi Aramco's net profit was $121 billion in 2023.",
    "language": "ar",
    "subject": "أرامكو",
    "metric": "صافي الأرباح",
    "value": "121000000000",
    "unit": "USD",
    "qualifier": "exact",
    "as_of": "2023",
    "aliases": ["أرامكو السعودية", "Aramco"],
    "source_title": "التقرير السنوي لأرامكو 2023",
    "source_url": "https://example.org/aramco-2023",
    "publisher": "أرامكو السعودية",
    "published": "2024-03-10",
}
NILE_LENGTH = {
    "key": "nile-length",
    "statement": "يبلغ طول نهر النيل نحو 6650 كيلومترا، وهو من أطول أنهار العالم.",
    "subject": "نهر النيل",
    "aliases": ["النيل"],
    "metric": "الطول",
    "value": "6650",
    "unit": "km",
    "qualifier": "approx",
    "source_title": "موسوعة الأنهار",
}
VISITORS = {
    "key": "museum-visitors-2022",
    "statement": "استقبل المتحف الوطني 800 ألف زائر خلال عام 2022.",
    "subject": "المتحف الوطني",
    "metric": "عدد الزوار",
    "value": "800000",
    "as_of": "2022",
}


def jsonl(*records) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n"


def records_from(path) -> list[dict]:
    """The records of a JSON-lines reference file, blank lines left out."""
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]
