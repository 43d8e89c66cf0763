"""Digits and number words that are not figures: one module, used by extraction and by matching.

Public API (all on folded text, see normalize.py, except `is_marked_verb`):

- `is_name_digits(norm, start, end)`: the digits at norm[start:end] belong to a name: glued to letters
  (`H100`, `4o`), after a Latin word and a hyphen (`GPT-4`), after a Latin name that is not an English
  function word (`LLaMA 3`, `Windows 11`), in a list of Latin names (`Baidu و Alibaba و 360`), or after a
  product, brand or competition word of name_words.txt (`ويندوز 11`, `شركة 360`, `خليجي 23`) or a brand of
  brand_words.txt, article allowed (`سناب دراجون 810`, `الآيفون 6`), a service number after `الرقم` and contact
  words (`مركز خدمة العملاء على الرقم 959`, `بالرقم 920 أو 966590000959`), after a noun of designation_nouns.tsv
  with nothing counted after it (`القرار 2199 الذي`, `الرحلة 370 قد`, `الفرقة 30 مشاة`), after a word and a
  hyphen outside a sign context (`اتفاق سالت - 1.`, `(شمال غرب -2)`), in a formula
  or a group's name (`5 + 1`), alone in quotes (`العقد " 29 "`), or the number of a list item at the start of its
  line (`5 – ...`) or after the item numbered one less (`8- جريدة الرياض 9- فايسبوك 10.`).
- `is_quoted_alone(norm, start, end)`: a number, in digits or words, alone in quotes (`العدد «صفر»`).
- `is_model_size(norm, start)`: a Latin-suffixed size after a Latin name (`Llama 3.1 405B`).
- `is_name_year(norm, start)`: the year of a plan (`رؤية 2030`) or of a numbered act (`رقم 194 لسنة 2020`).
- `is_identifier(digits)`: a phone number or an identifier, written with a leading zero (`0504610646`).
- `is_adjective_number(norm, start, end)`: `واحد`/`واحدة` after a noun (`جلسة واحدة`), not after a unit
  (`شهر واحد` is a duration).
- `reserved_spans(norm)`: spans no recogniser reads a figure in: URLs, e-mails, hashtags, handles, and the
  idioms of idioms.txt (`ألف مبروك`, `ثاني أكسيد الكربون`).
- `is_marked_verb(original)`: a word of the original text that its shadda makes a verb (`وألّف`).
- `is_name_spelling(original)`: a count written as a family name spelled like a number word (`الفي`, not `ألفي`).
- `is_inside_names(text, start, names)`: the figure starting at text[start] lies inside one of `names`
  written in `text` (original text: the matcher's names of the reference library, `ديب سيك في 3`,
  `رؤية 2030`), the rule for names the engine cannot know by itself.
"""

from __future__ import annotations

import re
import unicodedata

from claims.extraction.lexicon import DATA_DIR, lexicon, phrase_pattern, read_raw_rows, read_roles, read_words
from claims.extraction.normalize import normalize
from claims.extraction.numbers import IDIOMS, NUMBER_WORDS
from claims.extraction.tokens import ANY_PREFIX, PREFIXES, lam_forms, readings, words_back

LEX = lexicon()
_CUES = LEX.cues
_ARTICLE = phrase_pattern(_CUES["article"])
# Every alternative starts with a literal, so `re` can skip ahead to h, w, # or @ in C.
_URL = re.compile(r"(?:https?://|www\.|#|@)\S+")
_URL_LEADS = ("http", "www.", "#", "@")  # a substring test for each, in C, before the pattern scans the page
_IDIOM = re.compile(rf"(?<!\w){ANY_PREFIX}(?P<idiom>{phrase_pattern(IDIOMS)})(?!\w)")
_LATIN_NAME_BEFORE = re.compile(r"(?<![\w])([a-z][a-z0-9]*)(?: ?[-‐–] ?| )\Z")
_AND = phrase_pattern(_CUES["and"])
# "Baidu و Alibaba و 360", "Baidu, Alibaba, 360": a number coordinated with a Latin name is one too.
_LATIN_LIST_BEFORE = re.compile(rf"(?<![\w])([a-z][a-z0-9]*) ?(?:{_AND}|[,،]) ?\Z")
# "Llama 3.1 405B", "Ascend 910B": a Latin-suffixed number after a Latin name is a model size or a part number.
_LATIN_MODEL_BEFORE = re.compile(r"(?<![\w])([a-z][a-z0-9.-]*)(?: \d+(?:\.\d+)*)? \Z")
_PLAN_BEFORE = re.compile(rf"(?<!\w){PREFIXES}(?:{phrase_pattern(_CUES['article'])})?"
                          rf"(?:{phrase_pattern(LEX.plan_words)})(?: [^\W\d]+){{0,2}} \Z")
_ACT_BEFORE = re.compile(
    rf"(?<!\w)(?:{phrase_pattern(_CUES['act_number'])}) \d+ (?:{phrase_pattern(_CUES['act_year'])}) \Z"
)
_NAME_WORD_BEFORE = re.compile(rf"(?<!\w){ANY_PREFIX}(?:{phrase_pattern(LEX.name_words)}) ?[-(]? ?\Z")
# "سناب دراجون 810", "الآيفون 6": a brand or product line in Arabic letters (brand_words.txt), article allowed.
_BRAND_WORD_BEFORE = re.compile(
    rf"(?<!\w){ANY_PREFIX}(?:{phrase_pattern(_CUES['article'])})?(?:{phrase_pattern(read_words('brand_words.txt'))})"
    rf" ?[-(]? ?\Z"
)
# "القرار 2199 الذي", "الرحلة 370 قد", "رقم معاملة 37403", "الفرقة 30 مشاة": a number that designates one thing
# after a noun of designation_nouns.tsv (or after it and "رقم"), with nothing counted after it.
_DESIGNATIONS = read_roles("designation_nouns.tsv")
# "مقرا للفرقة 30 في": the nouns with the article are also read after ل, which drops the article's alef.
_DESIGNATION_BEFORE = re.compile(
    rf"(?<!\w)(?:{ANY_PREFIX}(?:{phrase_pattern(_DESIGNATIONS['noun'])})|"
    rf"(?:{phrase_pattern(lam_forms(_DESIGNATIONS['noun']))}))"
    rf"(?: (?:{phrase_pattern(_CUES['contact_number'])}))? ?[(«\"]? ?\Z"
)
_DESIGNATION_AFTER = re.compile(
    rf" ?[)»\"]? (?:(?:{phrase_pattern(_DESIGNATIONS['after'])})(?!\w)|{PREFIXES}{_ARTICLE}[^\W\d]{{2,}})"
)
# "مستشفى 57357 من": an institution named by a number of four digits or more, nothing counted after it.
_INSTITUTION_BEFORE = re.compile(rf"(?<!\w){ANY_PREFIX}(?:{phrase_pattern(_DESIGNATIONS['institution'])}) ?\Z")
# "العادة (5) ابتعد", "الخطوة (3):", "القاعدة 2 -": the number of a list item after a label noun (label_nouns.txt).
_LABEL_BEFORE = re.compile(
    rf"(?<!\w){PREFIXES}(?:{phrase_pattern(read_words('label_nouns.txt'))})"
    rf"(?: (?:{phrase_pattern(_CUES['contact_number'])}))? ?(?P<open>\()? ?\Z"
)
_LABEL_MARK_AFTER = re.compile(r" ?[:\-–—]")
# '«جنيف 2»', '«فوستوك 3»': a number ending the quotes it shares with one or two words names the thing.
_QUOTED_NAME_BEFORE = re.compile(r"[«“\"] ?(?:[^\W\d]+ ){0,1}([^\W\d]{2,}) \Z")
_CLOSING_AFTER = re.compile(r" ?[)»\"]")
_DASH_TO_NUMBER = re.compile(r" ?[-‐–] ?\d")
_DEFINITE_AFTER = re.compile(rf" {PREFIXES}{_ARTICLE}[^\W\d]{{2,}}")
# "اتفاق سالت - 1.", "الكشف (نيدوكو شمال غرب -2)": a hyphen after a word, the number bare after it, names a
# thing (a treaty, a well, a programme); a minus sign follows a number word, a comparison or a measure context
# (cues.tsv sign_context: "الحرارة -2", "انخفض إلى -2").
_DASH_NAME_BEFORE = re.compile(r"(?<![\w-])([\u0621-\u064a]{2,}) [-‐–] ?\Z")
_SIGN_CONTEXT = phrase_pattern(_CUES["sign_context"])
_SIGN_CONTEXT_BEFORE = re.compile(rf"(?<!\w){ANY_PREFIX}(?:{_SIGN_CONTEXT})(?!\w)")
# "8- جريدة الرياض 9- فايسبوك 10.": the number after the item numbered one less, in a list of items numbered
# "N- text", is the next item's number (its text may be lost).
_LIST_NEXT = re.compile(r" ?(?:[-–—.)](?: |\Z)|[-–—]?\Z)")
_LIST_REACH = 200  # characters back to the previous item's number
_ADJECTIVE_NUMBERS = read_words("adjective_numbers.txt")
_WORD_BEFORE = re.compile(r"(?<!\w)([\u0621-\u064a]{2,}) \Z")
_SHADDA = "\u0651"
_PLUS_BEFORE = re.compile(r"\d ?\+ ?\Z")
_PLUS_AFTER = re.compile(r" ?\+ ?\d")
_LIST_ITEM = re.compile(r" ?[-–—.)] ")
# "1 / ضرورة الاستفادة": a slash after a small number opening a line, before a word, numbers a list item too
_LIST_ITEM_SLASH = re.compile(r" ?/ ?(?=[\u0621-\u064a])")
_QUOTED_ALONE = re.compile(r"[\"«“'] ?\Z")
_QUOTE_CLOSE = re.compile(r" ?[\"»”']")
_CUE_WORDS = frozenset().union(*LEX.cues.values())
# "احتفالات مهرجان الربيع 12"، "فعاليات صيف الشمال 9 في المدينة": the edition of an event after one to three
# words of its name.
_EVENT_BEFORE = re.compile(
    rf"(?<!\w){ANY_PREFIX}(?:{phrase_pattern(read_words('event_words.txt'))})(?: [\"«“]?[^\W\d]+){{1,3}} \Z"
)
# "أرسل رسالة فارغة إلى 70707", "الاتصال على 8001245": a phone number or a short code.
_CONTACT_WORDS = phrase_pattern(read_words("contact_words.txt"))
_CONTACT_BEFORE = re.compile(
    rf"(?<!\w){ANY_PREFIX}(?:{_CONTACT_WORDS})(?: \S+){{0,6}} "
    rf"{ANY_PREFIX}(?:{phrase_pattern(_CUES['contact_to'])}) ?\Z"
)
# "رقم الرسائل النصية (600700)": five digits or more right after a contact word and at most two more words.
_CONTACT_NEAR = re.compile(rf"(?<!\w){ANY_PREFIX}(?:{_CONTACT_WORDS})(?: [^\W\d]+){{0,2}} ?\(? ?\Z")
_CONTACT_AFTER = re.compile(rf" ?(?:{phrase_pattern(_CUES['contact_after'])})(?!\w)")
# "مركز خدمة المشتركين على الرقم 959", "اتصل بالرقم 920 أو 966590000959": a number named a number ("الرقم") after
# contact words, or before "أو" and a phone number.
_SERVICE_NUMBER_BEFORE = re.compile(
    rf"(?<!\w)(?:{ANY_PREFIX}(?:{phrase_pattern(_CUES['contact_to'])}) )?{ANY_PREFIX}"
    rf"(?:{phrase_pattern(_CUES['contact_number'])}) ?\(? ?\Z"
)
_SERVICE_PURPOSE_AFTER = re.compile(rf" ?\)? (?:{phrase_pattern(_CUES['service_purpose'])})(?!\w)")
_CONTACT_WORD_BEFORE = re.compile(rf"(?<!\w){ANY_PREFIX}(?:{_CONTACT_WORDS})(?!\w)")
_OR_PHONE_AFTER = re.compile(rf" ?\)? (?:{phrase_pattern(_CUES['or'])}) \+?\d{{5,}}")
_SERVICE_OR_BEFORE = re.compile(rf"(?<![\d.])(\d+) ?\)? (?:{phrase_pattern(_CUES['or'])}) \+?\Z")
_LETTER_NAME_BEFORE = re.compile(
    rf"(?<!\w)(?:{phrase_pattern(read_words('latin_letter_names.txt'))})(?: ?[-‐–] ?| )?\Z"
)
_LETTER_NAME_AFTER = re.compile(rf" ?(?:{phrase_pattern(read_words('latin_letter_names.txt'))})(?!\w)")
_COLON_BEFORE = re.compile(r": ?\Z")  # "وللنجاح شرطان: 1- الصبر": a list opened after a colon
_CODE_LETTER_BEFORE = re.compile(r"(?<!\w)[\u0621-\u064a] ?/ ?\Z")
_GLUED_WORD_BEFORE = re.compile(r"[\u0621-\u064a]+\Z")
_PREFIX_LETTERS = re.compile(
    rf"{PREFIXES}(?:{phrase_pattern(_CUES['article'])}|{phrase_pattern(_CUES['preposition_prefix'])})?"
)
_COUNT_LEAD = re.compile(rf"(?<!\w){ANY_PREFIX}(?:{phrase_pattern(_CUES['count_lead'])})(?!\w)")
_DEFINITE_BEFORE_BRACKET = re.compile(rf"(?<!\w)({next(iter(_CUES['article']))}[\u0621-\u064a]{{2,}}) ?\( ?\Z")
_BARE_AFTER = re.compile(r" ?(?:[\"»”)،,.:؛;!?-]|\Z)")
_WORD_AFTER = re.compile(r" ([^\W\d]+)")


# "Android4.2.3", "الإصدار 4.2.3": three or more digit groups joined by points, glued to a Latin name or after a
# version word, are a version number (an address "192.168.1.2" alone keeps its numbers, as the recognisers read
# them); the group sizes of thousands (every group after the first of three digits) are left to the number reader.
_DOTTED_CHAIN_BEFORE = re.compile(r"(?<![\d.])(?:\d+\.)+\Z")
_DOTTED_CHAIN_AFTER = re.compile(r"(?:\.\d+)+(?![\d])")
_THOUSANDS_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_DECIMAL_ONLY = re.compile(r"\d+\.\d+")
# "بنسخة 4.2", "version 2.0": a decimal number right after a version word (cues.tsv version_word), perhaps with
# a Latin product name between ("بنسخة Android 4.2").
_VERSION_WORD_BEFORE = re.compile(
    rf"(?<!\w){ANY_PREFIX}(?:{phrase_pattern(_CUES['version_word'])})(?: [a-z]+)? \Z")


def is_version(norm: str, start: int, end: int) -> bool:
    """True when the number at norm[start:end] is a version number: a group of a chain of three or more digit
    groups joined by points ("Android4.2.3", "الإصدار 4.2.3"; not the thousands "1.234.567"), or a decimal number
    right after a version word with nothing counted after it ("الإصدار 4.2 من")."""
    before = _DOTTED_CHAIN_BEFORE.search(norm, max(0, start - 24), start) if start and norm[start - 1] == "." else None
    after = _DOTTED_CHAIN_AFTER.match(norm, end)
    chain_start = before.start() if before else start
    chain_end = after.end() if after else end
    chain = norm[chain_start:chain_end]
    if chain.count(".") >= 2:  # glued to a product's Latin name ("android4.2.3") or after a version word
        return _THOUSANDS_GROUPS.fullmatch(chain) is None and (
            chain_start > 0 and norm[chain_start - 1].isascii() and norm[chain_start - 1].isalpha()
            or _VERSION_WORD_BEFORE.search(norm, max(0, chain_start - 30), chain_start) is not None)
    return (_DECIMAL_ONLY.fullmatch(norm, start, end) is not None and _bare(norm, end)
            and _VERSION_WORD_BEFORE.search(norm, max(0, start - 30), start) is not None)


def is_name_digits(norm: str, start: int, end: int) -> bool:
    """True when the digits at norm[start:end] are part of a name (see the module docstring)."""
    before = norm[start - 1] if start else " "
    after = norm[end] if end < len(norm) else " "
    if before.isalpha() and before.isascii() or after.isalpha():
        return True
    if before.isalpha() and (glued := _GLUED_WORD_BEFORE.search(norm, max(0, start - 20), start)):
        word = glued.group()
        if not _PREFIX_LETTERS.fullmatch(word) and len(word) > 2 and word not in LEX.not_count_nouns:
            return True  # "ألفا360": a name's word glued to its digits ("بـ500", "ل29" are prefixes, "هو٠" a typo)
    if before in "-_/" and start >= 2 and norm[start - 2].isalpha():
        return True
    if _PLUS_BEFORE.search(norm, max(0, start - 4), start) or _PLUS_AFTER.match(norm, end):
        return True  # "5 + 1": a formula or a group's name
    if is_quoted_alone(norm, start, end):
        return True  # 'والعقد " 29 "': a number alone in quotes names or codes something
    if _is_footnote(norm, start, end):
        return True  # "في كتابه الرحلة (12) هنا": a note's number after the name it annotates
    listed = _LIST_ITEM.match(norm, end)
    if listed and (_at_line_start(norm, start) or _COLON_BEFORE.search(norm, max(0, start - 2), start)):
        return True  # "5 – تكثيف الرقابة": the number of a list item at the start of its line
    if end - start <= 2 and _LIST_ITEM_SLASH.match(norm, end) and _at_line_start(norm, start):
        return True  # "1 / ضرورة الاستفادة": the same with a slash, at a line's start only
    if end - start <= 3 and _is_next_list_item(norm, start, end):
        return True  # "8- جريدة الرياض 9- فايسبوك 10.": the number of a list item
    if end - start <= 2 and _is_label(norm, start, end):
        return True  # "العادة (5) ابتعد": the number of a list item after its label noun
    if end - start <= 3 and _is_quoted_name(norm, start, end):
        return True  # '«جنيف 2»': a name in quotes ending with its number (a year stays a date: «التقرير 2015»)
    head = words_back(norm, start, 4)
    if end - start >= 4 and _INSTITUTION_BEFORE.search(norm, head, start) and _bare(norm, end):
        return True  # "مستشفى 57357 من": an institution's name
    head = words_back(norm, start, 4)
    if _is_designation(norm, start, end, head) or _is_dash_name(norm, start, end):
        return True
    latin = _LATIN_NAME_BEFORE.search(norm, head, start) or _LATIN_LIST_BEFORE.search(norm, head, start)
    if latin and latin.group(1) not in LEX.latin_function_words:
        return True
    if _NAME_WORD_BEFORE.search(norm, head, start) is not None or _BRAND_WORD_BEFORE.search(norm, head, start):
        return True
    if (_LETTER_NAME_BEFORE.search(norm, max(0, start - 8), start) or _LETTER_NAME_AFTER.match(norm, end)
            or _CODE_LETTER_BEFORE.search(norm, max(0, start - 4), start)):
        return True  # "جي500", "إف-16", "إف بي 7 جي", "5 جي", "رقم (ب/ 44)": a model's letters, a code's letter
    bare = _bare(norm, end)
    if bare and end - start <= 3 and _EVENT_BEFORE.search(norm, words_back(norm, start, 5), start):
        return True  # the edition of an event (a year stays a date)
    if end - start >= 4 and (bare or _CONTACT_AFTER.match(norm, end) is not None) and _is_contact(norm, start, end):
        return True
    if end - start >= 5 and (previous := _SERVICE_OR_BEFORE.search(norm, max(0, start - 40), start)):
        return _is_service_number(norm, previous.start(1), previous.end(1))  # "الرقم 959 أو 966590000959"
    return _is_service_number(norm, start, end)


def _is_designation(norm: str, start: int, end: int, head: int) -> bool:
    """"القرار 2199 الذي", "رقم معاملة 37403.", "الفرقة 30 مشاة": digits after a noun of designation_nouns.tsv
    (and "رقم"), with nothing counted after them."""
    if _DESIGNATION_BEFORE.search(norm, head, start) is None or _DASH_TO_NUMBER.match(norm, end):
        return False  # "تستغرق الرحلة 2-3 أيام": the first end of a range, not a flight's number
    return _bare(norm, end) or _CLOSING_AFTER.match(norm, end) is not None or _DESIGNATION_AFTER.match(
        norm, end) is not None


def _is_label(norm: str, start: int, end: int) -> bool:
    """"العادة (5) ابتعد", "الخطوة (3):", "النصيحة رقم 4 -": a number right after a label noun of label_nouns.txt,
    in brackets or before a colon or a dash, numbers a list item."""
    label = _LABEL_BEFORE.search(norm, words_back(norm, start, 3), start)
    if label is None:
        return False
    if label.group("open"):
        return norm.startswith(")", end) or norm.startswith(" )", end)
    return _LABEL_MARK_AFTER.match(norm, end) is not None and not _DASH_TO_NUMBER.match(norm, end)


def _is_quoted_name(norm: str, start: int, end: int) -> bool:
    """'«جنيف 2»', '«فوستوك 3»': digits (at most three) closing quotes right after one or two words, the last
    of which is no unit, currency, number word or function word, name a thing (a conference, a craft, a model)."""
    if _QUOTE_CLOSE.match(norm, end) is None:
        return False
    quoted = _QUOTED_NAME_BEFORE.search(norm, max(0, start - 40), start)
    if quoted is None:
        return False
    word = quoted.group(1)
    return not any(word in words for words in (
        LEX.not_count_nouns, LEX.units, LEX.currencies, NUMBER_WORDS, LEX.hedges_before, LEX.hedge_verbs, _CUE_WORDS))


def _is_dash_name(norm: str, start: int, end: int) -> bool:
    """"اتفاق سالت - 1.", "(نيدوكو شمال غرب -2)": a hyphen after a word that is no function word, with no sign
    context (cues.tsv sign_context) in the four words before, and the number bare or before a definite word."""
    if norm[max(0, start - 2) : start].strip() not in "-‐–" or not norm[start - 2 : start].strip():
        return False
    dash = _DASH_NAME_BEFORE.search(norm, max(0, start - 30), start)
    if dash is None or dash.group(1) in LEX.not_count_nouns or dash.group(1) in _CUE_WORDS:
        return False
    if not (_bare(norm, end) or _CLOSING_AFTER.match(norm, end) or _DEFINITE_AFTER.match(norm, end)):
        return False
    return _SIGN_CONTEXT_BEFORE.search(norm, words_back(norm, dash.start(), 4), dash.end()) is None


def _is_next_list_item(norm: str, start: int, end: int) -> bool:
    """"7- العاب 8- جريدة الرياض 9- فايسبوك 10.": a number followed by a list mark (or ending the text) after the
    item numbered one less, itself written "N- text"."""
    if not norm[start:end].isdigit() or _LIST_NEXT.match(norm, end) is None:
        return False
    number = int(norm[start:end])
    if number < 2:
        return False
    previous = re.compile(rf"(?<![\d.,]){number - 1} ?[-–—.)] [^\W\d]")
    return previous.search(norm, max(0, start - _LIST_REACH), start) is not None


def _is_service_number(norm: str, start: int, end: int) -> bool:
    """"مركز خدمة العملاء على الرقم 959", "بالرقم 920 أو 966590000959", "تخصص الرقم 19988 لاستقبال الشكاوى":
    digits after "الرقم" with contact words before it, with "أو" and a phone number after them, or with what it is
    dialled for (cues.tsv service_purpose) right after them."""
    named = _SERVICE_NUMBER_BEFORE.search(norm, words_back(norm, start, 4), start)
    if named is None:
        return False
    if _OR_PHONE_AFTER.match(norm, end) or _SERVICE_PURPOSE_AFTER.match(norm, end):
        return True
    if not (_bare(norm, end) or norm.startswith(")", end)):
        return False
    window = words_back(norm, named.start(), 8)
    return (_CONTACT_WORD_BEFORE.search(norm, window, named.start()) is not None
            and not _COUNT_LEAD.search(norm, window, named.start()))


def _is_contact(norm: str, start: int, end: int) -> bool:
    """"أرسل رسالة إلى 70707", "الاتصال على 8001245", "رقم الرسائل النصية (600700)": a phone number or a short
    code, unless a count word ("عدد") comes before the contact words."""
    if end - start >= 5 and _CONTACT_AFTER.match(norm, end):
        return True  # "636250 موبايلي": a number followed by the operator it is dialled on
    contact = _CONTACT_BEFORE.search(norm, words_back(norm, start, 10), start)
    if contact is None and end - start >= 5:
        contact = _CONTACT_NEAR.search(norm, words_back(norm, start, 3), start)
    return contact is not None and not _COUNT_LEAD.search(norm, words_back(norm, contact.start(), 3), start)


def _bare(norm: str, end: int) -> bool:
    """Nothing is counted after norm[:end]: punctuation, the end, or a function word follows."""
    if _BARE_AFTER.match(norm, end):
        return True
    word = _WORD_AFTER.match(norm, end)
    return word is not None and word.group(1) in LEX.not_count_nouns


def _is_footnote(norm: str, start: int, end: int) -> bool:
    """A number of at most three digits alone in brackets right after a definite word (not a count word), with
    nothing counted after it: the number of a note ("في كتابه الرحلة (12) هنا")."""
    if end - start > 3 or not norm.startswith(")", end):
        return False
    before = _DEFINITE_BEFORE_BRACKET.search(norm, max(0, start - 30), start)
    if before is None or _COUNT_LEAD.search(before.group(1)) or before.group(1) in _CUE_WORDS:
        return False
    return _bare(norm, end + 1)


def is_quoted_alone(norm: str, start: int, end: int) -> bool:
    """A number alone in quotes names or codes something: 'العقد " 29 "', 'العدد «صفر» من المجلة'."""
    return bool(_QUOTED_ALONE.search(norm, max(0, start - 3), start) and _QUOTE_CLOSE.match(norm, end))


def _at_line_start(norm: str, start: int) -> bool:
    """True when only spaces and bullets stand between the start of its line and `start`."""
    return not norm[norm.rfind("\n", 0, start) + 1 : start].strip(" •*-–#>·▪●(")


_RESOLUTIONS = read_roles("resolutions.tsv")
_RESOLUTION_CONTEXT = re.compile(rf"(?<!\w){ANY_PREFIX}(?:{phrase_pattern(_RESOLUTIONS['context'])})(?!\w)")


def is_resolution(norm: str, start: int, end: int) -> bool:
    """"بدقة 4K", "تقنية 4K وهي": a display resolution of resolutions.tsv with a resolution word within four words
    before or after it, a name, not 4000."""
    if norm[start:end].replace(" ", "") not in _RESOLUTIONS["name"]:
        return False
    return _RESOLUTION_CONTEXT.search(norm, words_back(norm, start, 4), min(len(norm), end + 40)) is not None


def is_model_size(norm: str, start: int) -> bool:
    model = _LATIN_MODEL_BEFORE.search(norm, words_back(norm, start, 3), start)
    return model is not None and model.group(1) not in LEX.latin_function_words


def is_name_year(norm: str, start: int) -> bool:
    """"رؤية 2030", "رؤية مصر 2030", "القانون رقم 194 لسنة 2020": the year is part of a name."""
    return (_PLAN_BEFORE.search(norm, words_back(norm, start, 4), start) is not None
            or _ACT_BEFORE.search(norm, words_back(norm, start, 4), start) is not None)


def is_identifier(digits: str) -> bool:
    """A phone number or an identifier: digits with a leading zero, six or more ("0504610646", "00966...");
    no figure is written with a leading zero."""
    return digits.isdigit() and digits[0] == "0" and len(digits) >= 6


def is_adjective_number(norm: str, start: int, end: int) -> bool:
    """"جلسة واحدة", "بصوت واحد": واحد/واحدة right after a noun describes it, it counts nothing."""
    if norm[start:end] not in _ADJECTIVE_NUMBERS:
        return False
    word = _WORD_BEFORE.search(norm, max(0, start - 30), start)
    if word is None:
        return False
    previous = word.group(1)
    return not any(previous in words for words in (
        LEX.not_count_nouns, LEX.units, LEX.currencies, NUMBER_WORDS, LEX.hedges_before, LEX.hedge_verbs, _CUE_WORDS))


def reserved_spans(norm: str, hits: list[tuple[str, int, int, str]] | None = None) -> list[tuple[int, int]]:
    """Spans of the folded text where no figure is read (see the module docstring), sorted. `hits` are the
    ("idiom", start, end, phrase) entries of numbers.scan_page(norm); without them the page is scanned here."""
    spans = [match.span() for match in _URL.finditer(norm)] if any(lead in norm for lead in _URL_LEADS) else []
    if hits is None:
        spans.extend(match.span("idiom") for match in _IDIOM.finditer(norm))
    else:
        spans.extend((start, end) for kind, start, end, _ in hits if kind == "idiom")
    spans.sort()
    return spans


def _marked(word: str) -> str:
    """`word` folded like normalize() but keeping its shadda."""
    return "".join(_SHADDA if char == _SHADDA else normalize(char) for char in word)


_MARKED_VERBS = frozenset(
    _marked(line.strip())
    for line in (DATA_DIR / "verb_homographs.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)


def is_marked_verb(original: str) -> bool:
    """True when a word of `original` (text as written, with its diacritics) is a verb of
    verb_homographs.txt by its shadda: "وألّف" is a verb, "وألف" stays a thousand."""
    if _SHADDA not in original:
        return False
    for word in original.split():
        word = "".join(c for c in word if c == _SHADDA or not unicodedata.combining(c))
        if any(stem in _MARKED_VERBS for _, stem in readings(_marked(word))):
            return True
    return False


_NAME_SPELLINGS = frozenset(row[0] for row in read_raw_rows("name_spellings.txt"))


def is_name_spelling(original: str) -> bool:
    """True when `original` (a count as written) opens with a family name of name_spellings.txt: "الفي" is the
    name Alfi, "ألفي" with its hamza is two thousand."""
    words = original.split(maxsplit=1)
    return bool(words) and "".join(c for c in words[0] if not unicodedata.combining(c)) in _NAME_SPELLINGS


def is_inside_names(text: str, start: int, names) -> bool:
    """The figure starting at text[start] lies inside one of `names` as written in `text`."""
    for name in names:
        found = text.find(name)
        while found >= 0:
            if found <= start < found + len(name):
                return True
            found = text.find(name, found + 1)
    return False
