"""Shared by the pipeline benchmarks: synthetic Arabic articles, an embedded Redis, Celery workers.

The articles are generated from sentence templates written for the benchmark (subjects and metrics
of the demo reference library, so the matcher finds candidates; figures drawn at random, some right,
some slipped), with plain sentences without figures between them, as in a news report.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from factcheck.embedded_redis import EmbeddedRedis  # noqa: E402 - the project's root goes on the path first

FIGURE_SENTENCES = [
    "وقالت الشركة إن تكلفة تدريب نموذج DeepSeek-V3 بلغت نحو {m} مليون دولار في عام {y}.",
    "واحتاج تدريب النموذج إلى {m} مليون ساعة من وحدات معالجة الرسومات H800 بحسب التقرير.",
    "ويضم النموذج ما مجموعه {b} مليار معلمة، وفق ما أعلنه فريق التطوير في {month} {y}.",
    "وارتفعت إيرادات إنفيديا من مراكز البيانات بنسبة {p}% خلال الربع الأخير من عام {y}.",
    "ويتوقع محللون أن يبلغ حجم سوق الذكاء الاصطناعي التوليدي {t} تريليون دولار بحلول عام {y2}.",
    "وأعلن صندوق الاستثمارات العامة ضخ {b} مليار دولار في شركات أشباه الموصلات خلال {n} سنوات.",
    "وبلغت استثمارات مشروع ستارغيت في مراكز البيانات {b} مليار دولار في المرحلة الأولى.",
    "وتستهلك مراكز البيانات في الولايات المتحدة نحو {p}% من الكهرباء المنتجة سنويًا.",
    "وقدّرت الوكالة الدولية للطاقة استهلاك مراكز البيانات عالميًا بنحو {n}{n} تيراواط ساعة في عام {y}.",
    "وتراجع سهم الشركة بنحو {p} في المئة في يوم واحد بعد إطلاق النموذج الجديد.",
    "ووظّفت الشركة أكثر من {k} ألف مهندس في مراكزها البحثية حتى نهاية عام {y}.",
    "وسجّلت صادرات المملكة من الخدمات الرقمية نموًا بنسبة {p}% مقارنة بالعام السابق.",
]
PLAIN_SENTENCES = [
    "ويرى خبراء أن المنافسة بين الشركات الكبرى ستشتد في السنوات المقبلة مع تسارع تبني التقنيات الجديدة.",
    "وأكد المتحدث باسم الشركة أن الخطط الحالية تخضع للمراجعة المستمرة وفق تطورات السوق.",
    "ولم تعلّق الجهات الرسمية على هذه الأرقام حتى وقت نشر هذا التقرير.",
    "وتشير مصادر في القطاع إلى أن المفاوضات مع الموردين ما زالت جارية.",
    "ويأتي ذلك في سياق سباق عالمي على بناء البنية التحتية اللازمة لتدريب النماذج اللغوية الكبيرة.",
    "وأثار الإعلان نقاشًا واسعًا بين الباحثين حول دقة طرق حساب التكاليف المعلنة.",
    "وقال محلل في أحد بنوك الاستثمار إن السوق تبالغ أحيانًا في ردود أفعالها على الأخبار التقنية.",
    "وتعمل الحكومات في المنطقة على تطوير أطر تنظيمية تواكب هذا التحول المتسارع.",
]
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر"]


def figure_sentence(rng: random.Random) -> str:
    return rng.choice(FIGURE_SENTENCES).format(
        m=rng.choice(["5.576", "558", "5.6", "2.788", "6", "55.76"]),
        b=rng.choice(["671", "37", "40", "100", "500", "67"]),
        t=rng.choice(["1.3", "13", "1.8", "2"]),
        p=rng.randint(2, 95),
        n=rng.randint(2, 9),
        k=rng.randint(2, 40),
        y=rng.randint(2019, 2025),
        y2=rng.randint(2028, 2035),
        month=rng.choice(MONTHS),
    )


# Share of sentences holding figures: ~13 claims per 1,500 words, as in real reports (the five seed
# articles of the evaluation set give 6-15 claims per 1,500 words).
FIGURE_SHARE = 0.12


def article_text(seed: int, words: int = 1500) -> str:
    """An Arabic report of about `words` words; about one sentence in eight holds figures."""
    rng = random.Random(seed)
    lines = [f"تقرير اقتصادي رقم {seed}: سباق الذكاء الاصطناعي ومراكز البيانات"]
    count = 0
    paragraph: list[str] = []
    while count < words:
        sentence = figure_sentence(rng) if rng.random() < FIGURE_SHARE else rng.choice(PLAIN_SENTENCES)
        paragraph.append(sentence)
        count += len(sentence.split())
        if len(paragraph) >= 5:
            lines.append(" ".join(paragraph))
            paragraph = []
    lines.append(" ".join(paragraph))
    return "\n".join(line for line in lines if line) + "\n"


def long_article_text(chars: int, seed: int = 1, figure_share: float = 0.02) -> str:
    """One article of at most `chars` characters (a very long report, cut at a sentence end). With the
    default share of figure sentences, 2M characters hold ~500 claims (as the 2M-character article
    of issue 11 did); 0.1 gives ~2,500."""
    rng = random.Random(seed)
    parts, size = ["تقرير مطوّل عن الإنفاق على الذكاء الاصطناعي"], 0
    while size < chars:
        paragraph = " ".join(
            figure_sentence(rng) if rng.random() < figure_share else rng.choice(PLAIN_SENTENCES) for _ in range(6)
        )
        parts.append(paragraph)
        size += len(paragraph) + 1
    text = "\n".join(parts)
    return text[: text.rfind(".", 0, chars - 1) + 1] + "\n"


def start_redis(workdir: Path) -> tuple[subprocess.Popen, str]:
    """An embedded redis-server (factcheck.embedded_redis): its process and URL."""
    server = EmbeddedRedis(workdir).start()
    return server.process, server.url


def start_worker(root: Path, env: dict, concurrency: int, log_path: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "factcheck", "worker", "--concurrency", str(concurrency),
         "--loglevel", "WARNING", "--without-gossip", "--without-mingle", "--without-heartbeat",
         "--hostname", f"bench-{os.getpid()}@%h"],
        cwd=root, env=env, stdout=log_path.open("ab"), stderr=subprocess.STDOUT, start_new_session=True,
    )


def stop(process: subprocess.Popen) -> None:
    import signal

    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def children(pid: int) -> list[int]:
    """Pids of the processes `pid` started (a worker's pool processes)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def rss_kib(pid: int, field: str = "VmRSS") -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def django_setup(root: Path) -> None:
    sys.path.insert(0, str(root))
    os.chdir(root)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
    import django

    django.setup()


def prepare_database(root: Path) -> None:
    """Migrate, load the demo reference library and forget earlier benchmark articles."""
    from django.core.management import call_command

    from claims.models import Article

    call_command("migrate", verbosity=0)
    call_command("import_references", str(root / "claims" / "demo" / "references.jsonl"), verbosity=0)
    Article.objects.filter(source__startswith="bench:").delete()
