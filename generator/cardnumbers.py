"""Card and membership numbers of social programmes and banks, for the personal-data scan.

LAPOR! reports about health cover, school aid and social assistance quote the
reporter's (or their child's) card: KIS/BPJS Kesehatan (JKN card, 13 digits,
mostly starting 000), BPJS Ketenagakerjaan (KPJ, 11 digits), NISN (a pupil's
10-digit number), KKS (the family welfare card, a bank debit card of 16 digits),
KIP (the pupils' card: a 6-character code on the card, or the bank card behind it).

Most of these numbers have no inner structure: an NISN is an opaque 10-digit
number, like a letter or invoice number. So they are recognised by the label a
reporter writes before them ("NISN", "No.KIS", "kartu KKS sy", "no. peserta"),
and the length the label promises (one digit more or less is still flagged, as
for the other labelled numbers). Two shapes are specific enough to stand alone:
a 13-digit number starting 000 (the JKN card numbering) and a 16-digit bank
card number that passes the Luhn check every card number carries (ISO/IEC 7812).

These functions are the privacy stage's; ``detectors`` turns them into detectors.
"""

from __future__ import annotations

import re

KIS = "nomor kartu KIS/BPJS Kesehatan"
BPJS_TK = "nomor BPJS Ketenagakerjaan"
NISN = "NISN"
KKS = "nomor kartu KKS"
KIP = "nomor kartu KIP"
CARD = "nomor kartu"
PARTICIPANT = "nomor peserta"
BANK_CARD = "nomor kartu ATM/debit"

# The word that says what the number is; "No.KIS", "nisn:", "NISN0081…" included.
_KEY = (
    r"nisn|kis|jkn(?:[ -]?kis)?|bpjs|kpj|jamsostek|kks|kip|noka"
    r"|no(?:mor|mr|mer)?\.?\s*(?:kartu|peserta)|kartu\s+(?:atm|debit)"
    # The same, written out.
    r"|(?:no(?:mor)?\.?\s*)?induk\s+siswa(?:\s+nasional)?|kartu\s+indonesia\s+(?:sehat|pintar)"
    r"|kartu\s+keluarga\s+sejahtera"
)
# Words that may stand between the key and the number: whose card, which card.
_FILLER = (
    r"saya|sy|anak|istri|suami|ibu|bapak|bpk|ayah|kami|adik|kakak|no|nomor|nmr|nomer"
    r"|kartu|kesehatan|kes|ketenagakerjaan|naker|tk|jht|kuliah|peserta|kis|jkn|pbi|an|a\.n"
    r"|pkh|bpnt|yg|yang|lama|baru|atas|nama|yaitu|adalah|ialah|dgn|dengan"
)
LABELLED = re.compile(
    # The lookahead lets the engine skip positions no key starts at (5x faster).
    r"(?i)\b(?=[bijkn])(?P<label>(?:" + _KEY + r")(?:\s*nya)?(?![a-z])"
    r"(?:[\s.:]*(?:" + _FILLER + r")(?![a-z])){0,5})"
    r"[\s.:=]*"
    # Digits with single spaces or dashes (a dot groups money: "KIP 1.000.000"), or
    # the 6-character code printed on a KIP card.
    r"(?P<value>\d(?:[ -]?\d){7,18}(?!\d)|(?-i:[A-Z0-9]{6})(?![A-Za-z0-9]))"
)

# A date or a range of years after a label is not a card number: "KIS 01-02-2025".
_DATE_LIKE = re.compile(
    r"\d{1,2}[- ]\d{1,2}[- ]\d{2,4}|\d{4}[- ]\d{1,2}[- ]\d{1,2}|(?:19|20)\d\d[- ](?:19|20)\d\d"
)
_TK_WORDS = re.compile(r"(?i)\b(?:kpj|jamsostek|ketenagakerjaan|naker|tk|jht)\b")
_KES_WORDS = re.compile(r"(?i)\b(?:kis|jkn|noka|kesehatan|kes|sehat|pbi)\b")
_GROUP_END = re.compile(r"\d(?=[ -]\d)")


def _lengths(label: str, digits: int) -> tuple[str, int, range]:
    """The kind a label names, with the number of digits it promises and the range
    still accepted as a mistyped one."""
    key = label.lower()
    if key.startswith("nisn") or "induk" in key:
        return NISN, 10, range(9, 12)
    if "atm" in key or "debit" in key:
        return BANK_CARD, 16, range(15, 20)
    if key.startswith("kks") or "sejahtera" in key:
        return KKS, 16, range(15, 20)
    if key.startswith("kip") or "pintar" in key:
        return KIP, 16, range(10, 20)
    if _TK_WORDS.search(key):
        return BPJS_TK, 11, range(10, 13)
    if _KES_WORDS.search(key):
        return KIS, 13, range(12, 15)
    if key.startswith("bpjs"):  # which BPJS is told by the length
        return (BPJS_TK, 11, range(9, 12)) if digits <= 11 else (KIS, 13, range(12, 15))
    if "peserta" in key:
        return PARTICIPANT, 13, range(8, 20)
    return CARD, 16, range(10, 20)


def judge_labelled(match: re.Match) -> tuple[str, int] | None:
    """The kind of a labelled number and how much of the value is the number,
    or None when the value is no card number (a date, a wrong length, a word)."""
    value, label = match.group("value"), match.group("label")
    if re.search(r"[A-Za-z]", value) or sum(c.isdigit() for c in value) < 8:
        # The KIP card's code mixes capitals and digits, two of each at least; a school
        # ("KIP SMPN12"), six digits ("KIS 123456") or another label's code is none.
        code = (
            len(re.findall(r"\d", value)) >= 2
            and len(re.findall(r"[A-Z]", value)) >= 2
            and not re.match(r"SD|SMP|SMA|SMK|MTS", value)
        )
        # Single spaces only: detectors.SUSPECT_WORDS must have kept the cell.
        kip = label.lower().startswith(("kip", "kartu indonesia pintar"))
        return (KIP, len(value)) if kip and code else None
    if _DATE_LIKE.fullmatch(value):
        return None
    # "KIS 0001234567890 2 orang": the greedy value may carry a following number;
    # the longest prefix of whole groups with the promised length wins.
    ends = [len(value)] + [m.end() for m in reversed(list(_GROUP_END.finditer(value)))]
    counts = [(end, sum(c.isdigit() for c in value[:end])) for end in ends]
    kind_of = [(end, n, _lengths(label, n)) for end, n in counts]
    for end, n, (kind, expected, _) in kind_of:
        if n == expected:
            return _kind(kind, value[:end]), end
    for end, n, (kind, _, accepted) in kind_of:
        if n in accepted:
            return _kind(kind, value[:end]), end
    return None


def _kind(kind: str, value: str) -> str:
    """A card or participant number with the JKN card's shape is a KIS/BPJS Kesehatan
    number."""
    digits = re.sub(r"\D", "", value)
    jkn = len(digits) == 13 and digits.startswith("000")
    return KIS if kind in (PARTICIPANT, CARD) and jkn else kind


def bank_card(text: str) -> int:
    """A 16-digit number that passes the Luhn check of card numbers; 0 otherwise."""
    # Imported on first use: importing stdnum takes about 50 ms, and most inputs hold
    # no number shaped like a card's.
    from stdnum import luhn

    return len(text) if luhn.is_valid(re.sub(r"\D", "", text)) else 0
