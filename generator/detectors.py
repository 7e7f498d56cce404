"""Personal-data detectors of the privacy stage: what identifies a reporter in free text.

Each detector is a regular expression that proposes candidates and, where the
format allows, a check that keeps only real ones: NIK/KK numbers must carry a
province code and a birth or issue date, telephone numbers must be numbers
Indonesia's numbering plan knows (Google's libphonenumber metadata, via
``phonenumbers``). ``find`` returns the spans; nothing here logs or prints a
match, and ``mask`` is the only way a match leaves this module in a message.

Deliberately not detected, to avoid false alarms (docs/architecture.md):
money, dates and times, distances, RT/RW, letter and queue numbers, tracking IDs;
an NISN or BPJS number without its label (they are opaque numbers, like a letter's);
vehicle plates (complaints name the trucks, buses and official cars they are
about; a plate identifies a vehicle, not who reported it); NIP, the 18-digit
civil-servant number, which officials sign official answers with, unless a
reporter writes "NIP saya"; official ``.go.id`` e-mail addresses.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import phonenumbers

from . import cardnumbers

# BPS/Kemendagri province codes: the first two digits of every NIK and KK number.
PROVINCES = frozenset(
    {11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61}
    | {62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97}
)

# Types of number that reach a person or a household; toll-free, premium-rate,
# shared-cost and universal (e.g. 1500-xxx) numbers belong to organisations.
_PERSONAL_LINES = frozenset(
    (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
        phonenumbers.PhoneNumberType.VOIP,
        phonenumbers.PhoneNumberType.PERSONAL_NUMBER,
    )
)

_MOBILE_LINES = frozenset(
    (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)
)

# Characters that change how text is shown without being text: C0 and C1 controls
# (NUL, escape, …; tab and line breaks stay), bidi embeddings, overrides, isolates
# and marks (a "Trojan Source" title reads differently from its bytes), zero-width
# characters and the BOM. They are removed before the scan, so none can hide a
# number from a detector ("0812\u200b3456…") or reorder the page around it.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)


def _fold_table() -> dict[int, str]:
    """One character for one: every decimal digit to its ASCII digit, every space and
    line break to " ", dashes to "-", fullwidth + ( ) . @ to ASCII. Spans found in the
    folded text are the same spans in the original."""
    table: dict[int, str] = {}
    for code in (*range(0x80, 0x10000), *range(0x1D7CE, 0x1D800)):
        char = chr(code)
        if unicodedata.category(char) == "Nd":
            table[code] = str(unicodedata.digit(char))
        elif unicodedata.category(char) == "Zs":
            table[code] = " "
    table.update({ord(c): " " for c in "\t\n\r\x0b\x0c"})
    table.update(dict.fromkeys((*range(0x2010, 0x2016), 0x2212, 0xFE58, 0xFE63, 0xFF0D), "-"))
    table.update({0xFF0B: "+", 0xFF08: "(", 0xFF09: ")", 0xFF0E: ".", 0xFF20: "@"})
    return table


# "０８１２–３４５６" (fullwidth digits, en dashes, no-break spaces) is a number too.
FOLD = _fold_table()


@dataclass(frozen=True)
class Detector:
    kind: str  # what it finds, in Indonesian, for the message
    pattern: re.Pattern
    # The length of the match's leading part that is personal data; 0 drops a false alarm.
    accept: Callable[[str], int] | None = None
    prefilter: re.Pattern | None = None  # a cheap test a cell must pass first
    masker: Callable[[str], str] | None = None  # how a match is shown; default: digits
    # For a detector that finds several kinds: the match's kind and the length of its
    # value that is personal data, or None to drop it (used instead of ``accept``).
    judge: Callable[[re.Match], tuple[str, int] | None] | None = None


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _nik_like(text: str) -> int:
    """NIK and KK numbers: province, regency, district, then a date (day +40 for women)
    and a serial number that is never 0000."""
    digits = _digits(text)
    province, day, month = int(digits[:2]), int(digits[6:8]), int(digits[8:10])
    real = (
        province in PROVINCES
        and (1 <= day <= 31 or 41 <= day <= 71)
        and 1 <= month <= 12
        and digits[12:] != "0000"
    )
    return len(text) if real else 0


_GROUP_END = re.compile(r"\d(?=[ ().-]+\d)")


def _personal_phone(text: str, lines: frozenset = _PERSONAL_LINES) -> int:
    """The longest leading part of ``text`` that is a number Indonesia's numbering plan
    knows, of a kind that reaches a person (one of ``lines``); 0 if there is none.

    The candidate pattern is greedy, so "0812-3456-7890 2 orang" arrives whole;
    dropping trailing digit groups finds the number in it.
    """
    ends = [len(text)] + [m.end() for m in reversed(list(_GROUP_END.finditer(text)))]
    for end in ends:
        if len(_digits(text[:end])) < 8:
            break
        try:
            number = phonenumbers.parse(text[:end], "ID")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in lines:
            return end
    return 0


def _private_email(text: str) -> int:
    """Official government addresses (…go.id) are an agency's public contact."""
    tail = re.sub(r"\s*(?:\[dot\]|\(dot\)|\bdot\b)\s*", ".", text.lower())
    return 0 if re.search(r"\.go\.id$", tail.replace(" ", "")) else len(text)


_AT = re.compile(r"@|\[at\]|\(at\)|\s+at\s+", re.IGNORECASE)


def mask(text: str) -> str:
    """Hide the middle of a match: keep a few leading and trailing characters only."""
    parts = _AT.split(text, maxsplit=1)
    if len(parts) == 2:
        local, domain = parts
        return f"{local[:1]}***@***{domain[-4:] if len(domain) > 4 else ''}"
    if text.isalnum() and not text.isdigit():  # a card's code: "C4KX8Y"
        return text[0] + "*" * (len(text) - 2) + text[-1]
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    keep = 4 if len(digits) >= 12 else 2
    hidden = set(digits[keep:-keep]) if len(digits) > 2 * keep else set(digits[1:])
    return "".join("*" if i in hidden else ch for i, ch in enumerate(text))


_LABEL_WORDS = frozenset(
    {"nama", "saya", "bernama", "pelapor", "lengkap", "adalah", "alamat", "rumah", "tinggal"}
    | {"di", "ada", "jl", "jln", "jalan", "gg", "gang", "perum", "perumahan", "komplek"}
    | {"kompleks", "no", "nomor", "blok"}
)


def mask_words(text: str) -> str:
    """A labelled name or address: the label, and each other word's first letter only."""

    def hide(word: re.Match) -> str:
        w = word.group()
        return w if w.lower() in _LABEL_WORDS else w[0] + "*" * (len(w) - 1)

    return re.sub(r"\w+", hide, text)


# No digit, slash or decimal part just before a number, none just after: a
# number inside a letter number (045.2/123/II/2025), a date or a longer number
# is not a telephone number.
_START = r"(?<![\d/])(?<!\d[.,-])"
_END = r"(?![\d/])(?![.,-]\d)"

DETECTORS = (
    Detector(
        "alamat e-mail",
        re.compile(
            # The lookbehind starts a match only at a word's start (same matches, ~3x faster).
            r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+\s*(?:@|\[at\]|\(at\))\s*[A-Za-z0-9-]+"
            # A plain dot only without spaces ("gmail.com. Rp" ends at "com"), unless a
            # common top-level domain follows ("gmail . com").
            r"(?:(?:\.|\s*\[dot\]\s*|\s*\(dot\)\s*|\s+\.\s*(?=(?:com|net|org|id|co)\b))"
            r"[A-Za-z0-9-]+)+"
            # "budi at gmail dot com", written out to get past filters.
            r"|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+\s+at\s+[A-Za-z0-9-]+(?:\s+dot\s+[A-Za-z0-9-]+)+",
            re.IGNORECASE,
        ),
        _private_email,
        prefilter=re.compile(r"@|\[at\]|\(at\)|\sdot\s", re.IGNORECASE),
    ),
    Detector(
        "NIK/nomor KK", re.compile(r"(?=\d)" + _START + r"\d(?:[ .-]{0,3}\d){15}" + _END), _nik_like
    ),
    Detector(
        "nomor telepon",
        re.compile(
            # Not money: "Rp 62.500.000" is no number in Indonesia's +62.
            r"(?=[+(06])(?<!Rp)(?<!Rp[ .])(?<!Rp\.\s)"
            + _START
            + r"(?:\+62|62|\(0|0)(?:[ ().-]{0,3}\d){7,13}(?![\d/])"
        ),
        _personal_phone,
    ),
    Detector(
        # Mobile numbers next to a slash: "hp/081…", "081…/085…" (two numbers). Other
        # numbers by a slash are parts of letter numbers and dates (see _START, _END).
        "nomor telepon",
        re.compile(
            r"(?=[+06])(?<!Rp)(?<!Rp[ .])(?<!Rp\.\s)(?<!\d)(?<!\d[.,-])"
            r"(?:\+62|62|0)8[1-9](?:[ .-]{0,3}\d){7,10}(?!\d)(?![.,-]\d)"
            # A slash after it only before another mobile number: not "B/0812…/DPMPTSP/2025".
            r"(?!/(?!\s*(?:\+62|62|0)8))"
        ),
        lambda text: _personal_phone(text, _MOBILE_LINES),
        prefilter=re.compile(r"/\s*(?:\+62|62|0)8"),
    ),
    Detector(
        # A labelled number is a telephone number even when it is mistyped, or
        # written without its 0 ("wa 812-3456-7890").
        "nomor telepon",
        re.compile(
            r"(?i)\b(?=[tfhwnp])(?:telp|tlp|tlpn|telepon|telpon|fax|hp|wa|whatsapp|no\.?\s*hp|ponsel)\.?\s*"
            r"(?:(?:saya|sy)\s*)?:?\s*"
            r"(?P<value>(?:\+62|62|\(?0\d{1,3}\)?|8\d{2})[ .-]?\d(?:[ .-]?\d){4,11})"
        ),
    ),
    Detector(
        # "NISN 0081234567", "No.KIS 0001…", "kartu KKS sy 6013…", "no. peserta …".
        cardnumbers.CARD,
        cardnumbers.LABELLED,
        judge=cardnumbers.judge_labelled,
    ),
    Detector(
        # The JKN (KIS/BPJS Kesehatan) card's numbering: 13 digits starting 000.
        cardnumbers.KIS,
        re.compile(r"(?=000)" + _START + r"000\d(?:[ -]?\d){9}" + _END),
    ),
    Detector(
        # A debit card (KKS and KIP are Himbara debit cards) by its Luhn check digit.
        cardnumbers.BANK_CARD,
        re.compile(r"(?=[456])" + _START + r"[456]\d{3}([ -]?)\d{4}\1\d{4}\1\d{4}" + _END),
        cardnumbers.bank_card,
    ),
    Detector(
        "nomor rekening",
        re.compile(
            # "rek. BRI no. 0021-01-…", "rekening Bank Lampung a.n. Budi 123…": up to three words
            # (bank, "no.", "a.n.", a name) may stand between the word and the number, but not
            # "Rp": "rekening air Rp 1.250.000" is a water bill.
            r"(?i)\b(?=r)rek(?:ening)?\.?(?:\s+(?!rp)[a-z][a-z.]{0,14}){0,3}?"
            r"\s*:?\s*(?P<value>\d(?:[ .-]?\d){6,19})"
        ),
    ),
    Detector(
        # Identity numbers named as such, even with a digit too many or too few.
        "nomor identitas",
        re.compile(
            r"(?i)\b(?=[nkp])(?:nik|no\.?\s*ktp|nomor\s+ktp|ktp|no\.?\s*kk|nomor\s+kk|kartu\s+keluarga"
            r"|npwp|nip\s+saya|no\.?\s*sim|paspor|passport)\b\.?"
            r"(?:\s+(?:saya|istri|suami|anak|ibu|bapak|ayah|kami))?\s*:?\s*"
            r"(?P<value>\d(?:[ .-]?\d){7,})"
        ),
    ),
    Detector(
        # "nama saya Budi Santoso": a reporter naming themselves. Names are capitalised;
        # "nama saya tidak ingin disebut" is not a name.
        "nama pelapor",
        re.compile(
            # Single spaces, as in SUSPECT_WORDS, so that the prefilter never misses one.
            r"(?i:\bnama saya|\bsaya bernama|\bnama pelapor|\bnama lengkap)"
            r"(?:\s+adalah)?\s*:?\s*(?P<value>[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+){0,3})"
        ),
        prefilter=re.compile(r"nama", re.IGNORECASE),
        masker=mask_words,
    ),
    Detector(
        # "rumah saya di Jl. Melati No. 5": a reporter's own address down to the house.
        "alamat rumah",
        re.compile(
            r"(?i:\balamat saya|\brumah saya|\bsaya tinggal)(?:\s+(?:di|ada\s+di))?\s*:?\s*"
            r"(?P<value>(?i:jl|jln|jalan|gg|gang|perum|perumahan|komplek|kompleks)\.?\s+"
            r"[^,;\n]{1,50}?\b(?i:no|nomor|blok)\.?\s*[0-9A-Z]+\b)"
        ),
        prefilter=re.compile(r"alamat|rumah|tinggal", re.IGNORECASE),
        masker=mask_words,
    ),
)

# Every detector needs seven digits with at most three separator characters between
# them, or one of these marks or words: one cheap pass over all cells leaves the
# detectors a few. Substring tests on a lower-cased copy are much faster than one
# case-insensitive regular expression with these as alternatives (100k reports:
# 0.6 s against 8.6 s), since Python's re tries every alternative at every position.
# \d is any decimal digit, \s any space: the detectors see them folded (FOLD).
SUSPECT_DIGITS = re.compile(
    r"\d(?:[\s().\u2010-\u2015\u2212\ufe58\ufe63\uff08\uff09\uff0d-]{0,3}\d){6}"
)
SUSPECT_WORDS = (
    "@",
    "\uff20",  # fullwidth @
    "kip",  # the KIP card's code has letters: "KIP C4KX8Y", "kartu Indonesia Pintar C4KX8Y"
    "kartu indonesia pintar",
    "[at]",
    "(at)",
    " dot ",
    "nama saya",
    "nama pelapor",
    "nama lengkap",
    "bernama",
    "rumah saya",
    "alamat saya",
    "saya tinggal",
)


def suspects(values: pd.Series) -> pd.Series:
    """Which cells of a text column a detector might match (never misses one).

    The cells are searched as one string joined with NUL, which no pattern
    matches across: one regular-expression pass and one substring search per
    word, then each hit is mapped back to its cell by offset, instead of a call
    per cell and word (100k reports: 1.0 s, against 2.4 s per cell).
    """
    texts = values.tolist()
    joined = "\0".join(texts)
    starts = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])
    hits = [m.start() for m in SUSPECT_DIGITS.finditer(joined)]
    lowered = joined.lower()
    if len(lowered) != len(joined):  # "İ" lower-cases to two characters: offsets shift
        lowered_cells = values.str.lower()
        found = values.str.contains(SUSPECT_DIGITS, regex=True)
        for word in SUSPECT_WORDS:
            found |= lowered_cells.str.contains(word, regex=False)
        return found
    for word in SUSPECT_WORDS:
        at = lowered.find(word)
        while at != -1:
            hits.append(at)
            at = lowered.find(word, at + 1)
    found = np.zeros(len(texts), dtype=bool)
    if hits:
        found[np.searchsorted(starts, hits, side="right") - 1] = True
    return pd.Series(found, index=values.index)


@dataclass(frozen=True)
class Match:
    """One piece of personal data in a text: where it is, what it is, how to show it."""

    start: int
    end: int
    kind: str
    masked: str


def find(text: str) -> list[Match]:
    """Every personal-data match in ``text``, in order; overlapping matches count once
    ("HP 0812-…" is both a mobile number and a "telp/hp" number)."""
    found: list[Match] = []
    text = text.translate(FOLD)  # same length: spans hold for the original text
    for detector in DETECTORS:
        if detector.prefilter is not None and not detector.prefilter.search(text):
            continue
        for match in detector.pattern.finditer(text):
            # A labelled detector's match is its value: "nama saya [disamarkan]".
            start, end = match.span("value" if "value" in match.re.groupindex else 0)
            kind = detector.kind
            if detector.judge is not None:
                verdict = detector.judge(match)
                if verdict is None:
                    continue
                kind, length = verdict
                end = start + length
            elif detector.accept is not None:
                end = start + detector.accept(text[start:end])
                if end == start:
                    continue
            if any(start < m.end and m.start < end for m in found):
                continue
            shown = (detector.masker or mask)(text[start:end])  # folded: "＠" masked as "@"
            found.append(Match(start, end, kind, shown))
    return sorted(found, key=lambda m: m.start)


def mask_all(text: str) -> str:
    """``text`` with every personal-data match masked, for messages that quote a cell."""
    return replace_all(text, None)


def replace_all(text: str, replacement: str | None) -> str:
    """``text`` with every match replaced by ``replacement`` (None: by its masked form)."""
    pieces, last = [], 0
    for m in find(text):
        pieces += [text[last : m.start], m.masked if replacement is None else replacement]
        last = m.end
    return "".join(pieces) + text[last:]
