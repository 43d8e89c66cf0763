"""checkworthiness_eval as other tools run it: a separate process, a scratch database, one JSON line."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.checkworthiness.test_model import UNSEEN_NOT, UNSEEN_WORTHY

ROOT = Path(__file__).resolve().parents[2]

# Our own sentences, split like the research files: train rows replayed, test rows scored.
EXTRA_WORTHY = [
    "أعلنت الهيئة أن عدد المسافرين عبر المطار بلغ 12 مليون مسافر في 2024.",
    "قالت الشرطة إنها أوقفت 30 شخصا بتهمة الاحتيال الإلكتروني.",
    "انخفضت صادرات القطن بنسبة 18% خلال الموسم الماضي.",
    "أطلقت الحكومة منصة رقمية لتسجيل العقارات في أبريل.",
]
EXTRA_NOT = [
    "صباح الورد على الجميع.",
    "يا رب تكون سنة خير علينا.",
    "من يعرف مطعما جيدا في المدينة؟",
    "أحببت الرواية كثيرا وأنصح بها.",
]


def rows() -> list[dict]:
    train = [(t, 1) for t in UNSEEN_WORTHY] + [(t, 0) for t in UNSEEN_NOT]
    test = [(t, 1) for t in EXTRA_WORTHY] + [(t, 0) for t in EXTRA_NOT]
    return [
        {"id": f"{split}-{i}", "text": text, "checkworthy": label, "split": split}
        for split, part in (("train", train), ("dev_test", test))
        for i, (text, label) in enumerate(part)
    ]


def test_it_replays_retrains_and_prints_the_scores_on_a_scratch_database(tmp_path):
    data = tmp_path / "labelled.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows()), encoding="utf-8")
    real_db = tmp_path / "real.sqlite3"
    # A broker nobody listens on: the command must not need one.
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{real_db}", "REDIS_URL": "redis://127.0.0.1:1/0"}
    done = subprocess.run(
        [sys.executable, "manage.py", "checkworthiness_eval", str(data), "--train-split", "train",
         "--test-split", "dev_test", "--json"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert set(result) == {"n_train", "n_test", "precision", "recall", "f1", "auc"}
    assert (result["n_train"], result["n_test"]) == (20, 8)
    assert result["auc"] >= 0.75
    assert "replayed 20 decisions" in done.stderr
    assert not real_db.exists(), "the real database was touched"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": 1, "text": "نص"}\n', "checkworthy"),
        ("not json\n", "labelled.jsonl:1"),
        ('{"id": 1, "text": "نص", "checkworthy": 1, "split": "train"}\n', "no rows in split"),
    ],
)
def test_bad_files_get_a_clear_error(tmp_path, content, message):
    data = tmp_path / "labelled.jsonl"
    data.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("checkworthiness_eval", str(data), "--json")


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="absent.jsonl"):
        call_command("checkworthiness_eval", str(tmp_path / "absent.jsonl"))
