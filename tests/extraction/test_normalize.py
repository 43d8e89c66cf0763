"""normalize(): one comparable form for input, language data and references."""

import pytest

from claims.extraction import normalize
from claims.extraction.lexicon import DATA_DIR
from tests.extraction.offsets import normalize_with_offsets


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("مليونًا", "مليونا"),
        ("أُعلنت إيرادات", "اعلنت ايرادات"),
        ("آذار", "اذار"),
        ("مستشفى", "مستشفي"),
        ("الشركة", "الشركه"),
        ("مسؤول", "مسوول"),
        ("هيئة", "هييه"),
        ("١٠٫٢ ٪", "10٫2 %"),
        ("۱۲۳", "123"),
        ("ﻻ", "لا"),
        ("DeepSeek   V3", "deepseek v3"),
        ("الـــذكاء", "الذكاء"),
        ("25799\u202a,\u202a52", "25799,52"),
    ],
)
def test_it_folds_arabic_text(raw, folded):
    assert normalize(raw) == folded


@pytest.mark.parametrize("raw", ["عُشر الإنتاج  ١٠٫٢\u200f مليون", "ﷲ أكبر", "plain ascii", "", "a\n\n  b"])
def test_it_maps_every_folded_character_back(raw):
    folded, offsets = normalize_with_offsets(raw)
    assert len(offsets) == len(folded) + 1
    assert offsets[-1] == len(raw)
    assert list(offsets) == sorted(offsets)
    for index, char in enumerate(folded):
        if char.isdigit() and raw[offsets[index]].isdigit():
            assert int(char) == int(raw[offsets[index]])


def _data_entries():
    for path in sorted(DATA_DIR.iterdir()):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                yield pytest.param(line.split("\t")[0].strip(), id=f"{path.name}:{line.split(chr(9))[0]}")


@pytest.mark.parametrize("entry", list(_data_entries()))
def test_every_data_entry_survives_normalize(entry):
    folded = normalize(entry)
    assert folded, "an entry must not vanish"
    assert normalize(folded) == folded, "normalize is idempotent"
    assert not any(0xFB50 <= ord(ch) <= 0xFDFF or 0xFE70 <= ord(ch) <= 0xFEFF for ch in folded)
    # the entry, written inside a sentence, is found again by the same normalize
    assert folded in normalize(f"قال التقرير إن {entry} هنا")
