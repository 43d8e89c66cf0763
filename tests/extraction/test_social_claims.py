"""Claims in short social and news texts: actors named as hashtags, countries, cities and organisations, verbs
of an act in the headline's present tense, a figure among hashtags, links and @mentions. Every sentence here
was written for these tests."""

import pytest

from claims.extraction import claims, extract, normalize
from claims.extraction.claims import acted_by_actor, names_actor, plain_words, said_by_heading
from claims.extraction.lexicon import DATA_DIR, read_words

ACTOR_NAMES = sorted(read_words("actor_names.txt"))
ACTION_VERBS = sorted(read_words("action_verbs.txt"))
ADVERT_MARKERS = sorted(read_words("advert_markers.txt"))


_SCANS = {"actor_names.txt": "names_actor", "action_verbs.txt": "any_verb", "advert_markers.txt": "advertises"}


@pytest.mark.parametrize("name", sorted(_SCANS))
def test_every_entry_of_the_data_is_found_by_its_scan_once_folded(name):
    """Entries are written as people write them and folded at load: each, folded, is found by the scan that reads it."""
    raw = [line.strip() for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
           if line.strip() and not line.startswith("#")]
    scan = getattr(claims, _SCANS[name])
    assert [entry for entry in raw if not scan(" " + normalize(entry) + " ")] == []


@pytest.mark.parametrize("name", ACTOR_NAMES)
def test_every_actor_name_is_found_alone_and_with_a_clitic(name):
    assert names_actor(name) and names_actor("و" + name) and names_actor("وصلت الأنباء من " + name + " اليوم")


@pytest.mark.parametrize("name", ACTOR_NAMES)
def test_an_actor_name_inside_a_longer_word_is_not_an_actor(name):
    assert not names_actor("س" + name + "ات")


@pytest.mark.parametrize("verb", ACTION_VERBS)
def test_every_action_verb_attributes_with_its_actor_before_or_after_it(verb):
    assert acted_by_actor(f"الوزاره {verb} القرار") and acted_by_actor(f"{verb} الوزاره القرار")
    assert acted_by_actor(f"و{verb} امس رسميا الحكومه القرار")


@pytest.mark.parametrize("verb", ACTION_VERBS)
def test_an_action_verb_without_an_actor_near_it_attributes_nothing(verb):
    assert not acted_by_actor(f"الناس {verb} القرار")
    # the actor is more than three words away: it is not the verb's subject
    assert not acted_by_actor(f"في مقر الشركه كان الجميع سعداء حين {verb} القرار")


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("#وزارة_الصحة تعلن", " وزارة الصحة تعلن"),
        ("قال @user_1 إن", "قال   إن"),
        ("الخبر https://t.co/AbC9 هنا", "الخبر   هنا"),
        ("نص بلا وسوم", "نص بلا وسوم"),
    ],
)
def test_plain_words_drop_links_and_mentions_and_read_hashtags_as_words(text, plain):
    assert plain_words(text) == plain
    assert len(plain_words(text)) <= len(text)


POSITIVES = [
    # (a) the actor is a hashtag, a country, a city, an organisation or a ministry named by its portfolio
    ("#وزارة_الصحة تعلن افتتاح مركز جديد للتطعيم في جدة https://t.co/AbC123", "factual"),
    ("#السعودية تبدأ تطبيق نظام التأشيرة الإلكترونية للزوار #عاجل", "factual"),
    ("#هيئة_الغذاء_والدواء تحذر من منتج تجميل مغشوش في الأسواق", "factual"),
    ("اليابان تعلن إغلاق حدودها أمام السياح الأجانب", "factual"),
    ("ألمانيا تفرض قيودا جديدة على السفر من الدول المجاورة", "factual"),
    ("موسكو تنفي إرسال قوات إضافية إلى الحدود الشمالية", "factual"),
    ("وأعلنت الكويت أمس تمديد العمل بالقرار حتى نهاية الشهر.", "factual"),
    ("وافقت الحكومة اليوم على مشروع قانون العمل عن بعد.", "factual"),
    ("دشنت البلدية بالتعاون مع الأهالي حملة لتشجير الأحياء.", "factual"),
    ("الداخلية تكشف تفاصيل الهجوم على نقطة التفتيش", "factual"),
    ("كشفت دراسة حديثة أن النوم المتقطع يضعف الذاكرة.", "factual"),
    # a headline's attribution by a colon
    ("الخارجية: لا صحة لما تداولته الحسابات عن إغلاق السفارة", "factual"),
    ("روسيا: لن نشارك في المفاوضات قبل انسحاب القوات", "factual"),
    # (b) a figure among hashtags, links and mentions; a small count with an actor's act is still a claim
    ("#عاجل الداخلية تعلن ضبط 12 مطلوبا في حملة أمنية @moi_news https://t.co/Zz9", "numeric"),
    ("@newsdesk مصر تسجل 250 إصابة جديدة بالحمى #صحة", "numeric"),
    ("#الكويت تمنع دخول القادمين من ثلاث دول حتى إشعار آخر https://t.co/k2", "numeric"),
    ("#الصحة تعلن تسجيل (٤٧) حالة جديدة #فيروس https://t.co/Qq7", "factual"),
    ("ارتفاع أسعار الذهب 3% اليوم #اقتصاد #ذهب https://t.co/q1", "numeric"),
    ("منظمة الصحة العالمية: الحصبة عادت إلى 20 دولة هذا العام", "numeric"),
]


@pytest.mark.parametrize(("text", "kind"), POSITIVES)
def test_a_short_social_or_news_text_holds_one_claim_with_its_offsets_in_the_original(text, kind):
    claims = extract(text).claims
    assert [claim.kind for claim in claims] == [kind]
    claim = claims[0]
    assert claim.text == text[claim.start : claim.end]
    # the whole post is one sentence: the dot of a link does not end it
    assert claim.end >= len(text.rstrip(".")) - 1


@pytest.mark.parametrize(
    "text",
    [
        "#السعودية أجمل بلد في العالم ❤️ #اليوم_الوطني",  # opinion
        "هل تعلن وزارة الصحة موعد الجرعة الثالثة؟ #سؤال",  # question
        "صباح الخير يا #الرياض 🌞 جمعة مباركة",  # greeting
        "اللهم احفظ #الكويت وأهلها من كل سوء",  # prayer
        "شكرا #وزارة_الصحة على جهودكم العظيمة",  # thanks
        "احرصوا على غسل اليدين باستمرار #وزارة_الصحة",  # advice, no act
        "عرض خاص 🔥 خصم 50% على جميع العطور اطلب الآن #الرياض #جدة #عروض https://t.co/Ad1",  # advert
        "توصيل مجاني لكل مناطق #الكويت وخصم 20% للطلب الأول",  # advert
        "قال لي أخي إن الفيلم رائع https://t.co/XyZ12",  # a link's letters name no one
        "@ahmed_99 قال إن الجو حار اليوم",  # nor do a mention's
        "بدأت الإجازة أخيرا والجو جميل #سعادة",  # an act without an actor
        "لو تعلن الحكومة الحظر من جديد سنبقى في البيوت",  # a conditional
    ],
)
def test_chatter_around_actors_and_hashtags_is_not_a_claim(text):
    assert extract(text).claims == []


@pytest.mark.parametrize(
    ("folded", "said"),
    [
        ("وزاره الصحه: تسجيل اصابات جديده", True),
        ("المتحدث باسم الجيش: القوات انسحبت", True),
        ("رئيس الشركه احمد علي الكبير: الارباح تضاعفت", True),  # an office holder and a name before the colon
        ("السؤال كان: لماذا تاخر القرار", False),  # no actor before the colon
        ("في الاجتماع الطويل الذي عقدته الوزاره امس: تقرر الاغلاق", False),  # the actor is too far in
        ("الوزاره والهيئه والشركات كلها اعلنت في بيان مشترك طويل جدا امس: تقرر", False),  # so is the colon
    ],
)
def test_a_colon_after_an_actor_in_the_first_words_attributes(folded, said):
    assert said_by_heading(normalize(folded)) is said


@pytest.mark.parametrize("marker", ADVERT_MARKERS)
def test_every_advert_marker_keeps_a_figure_out_of_the_claims(marker):
    text = f"خصم 40% على كل المنتجات {marker}"
    assert extract(text).quantities and extract(text).claims == []
