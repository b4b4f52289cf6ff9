"""Parse the numeral part of a quantity: Arabic, Chinese, mixed multipliers, pairs of adjacent digits.

Input is normalised text (half-width digits, simplified script). These functions never raise on
malformed input: they return ``None`` so a caller can drop the candidate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

CN_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
# financial forms (壹 伍 拾 …) are left out on purpose: 伍 and 拾 occur in ordinary words (队伍, 拾起)
CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
MULTIPLIERS = {**CN_SMALL_UNITS, **CN_BIG_UNITS}

#: every character that may form part of a Chinese numeral
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS) + "".join(CN_BIG_UNITS)

#: capital (financial) numerals of notices and accounts, read only before 元/圆 (人民币伍万元整); 萬 and 億 are
#: 万 and 亿 after normalisation
CAPITAL_NUMERALS = {"零": "零", "壹": "一", "贰": "二", "叁": "三", "肆": "四", "伍": "五", "陆": "六", "柒": "七",
                    "捌": "八", "玖": "九", "拾": "十", "佰": "百", "仟": "千"}
CAPITAL_NUMERAL_CHARS = "".join(ch for ch in CAPITAL_NUMERALS if ch != "零")
_CAPITAL_TABLE = str.maketrans(CAPITAL_NUMERALS)


@dataclass(frozen=True, slots=True)
class Number:
    """A parsed numeral: ``value`` and, for 四五万 / 三五百 style pairs, ``value_max``."""

    value: float
    value_max: float | None = None


def multiplier_value(text: str) -> float | None:
    """Value of a run of multiplier characters (千万 → 1e7, 万 → 1e4); ``None`` if any char is not one."""
    if not text:
        return 1.0
    total = 1.0
    for ch in text:
        m = MULTIPLIERS.get(ch)
        if m is None:
            return None
        total *= m
    return total


_NO_SPACES = str.maketrans("", "", " \u00a0\u2009\u202f")


def parse_arabic(text: str) -> float | None:
    """``1,300`` → 1300.0, ``6 000`` → 6000.0, ``50.67`` → 50.67; ``None`` when not a plain decimal."""
    try:
        value = float(text.replace(",", "").translate(_NO_SPACES))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _parse_section(text: str) -> float | None:
    """A Chinese numeral below 10000 (no 万/亿): 三千零五, 十五, 两百, 百 (a leading unit reads as one).

    A last digit written right after 百 or 千, with no 零 between, is the next lower place (一百一 → 110,
    三千五 → 3500), as people say and write figures; 一百零一 is 101."""
    total, digit, last_unit = 0, None, 0
    for ch in text:
        if ch in CN_DIGITS:
            if digit:  # two non-zero digits in a row are not positional (pairs are handled elsewhere)
                return None
            digit = CN_DIGITS[ch]
            if digit == 0:
                last_unit = 0
        elif ch in CN_SMALL_UNITS:
            if digit is None:
                if total:
                    return None
                digit = 1
            last_unit = CN_SMALL_UNITS[ch]
            total += digit * last_unit
            digit = None
        else:
            return None
    if digit and last_unit >= 100:
        return float(total + digit * last_unit // 10)
    return float(total + (digit or 0))


def parse_chinese_int(text: str) -> float | None:
    """Chinese integer numerals: 三十 → 30, 一千三百 → 1300, 十五万 → 150000, 二〇二二 → 2022."""
    if not text:
        return None
    if len(text) >= 4 and all(ch in CN_DIGITS for ch in text):
        # digit-by-digit reading (二〇二二) — a year or code rather than a quantity, but still a number;
        # shorter runs of bare digits are reduplication (一一对应) or lists (一二三产业), not numbers
        return float("".join(str(CN_DIGITS[ch]) for ch in text))
    total = 0.0
    rest = text
    for big_char, big in (("亿", CN_BIG_UNITS["亿"]), ("万", CN_BIG_UNITS["万"])):
        if big_char in rest:
            head, _, rest = rest.partition(big_char)
            if big_char in rest:
                return None
            head_value = parse_chinese_int(head) if head else 1.0
            if head_value is None:
                return None
            total += head_value * big
            if len(rest) == 1 and rest in CN_DIGITS and rest not in "零〇":
                return total + CN_DIGITS[rest] * big / 10  # 一万五 → 15000, 两亿三 → 230000000
    section = _parse_section(rest)
    if section is None:
        return None
    return total + section


def parse_chinese(text: str) -> Number | None:
    """Chinese numeral, with decimals (零点五, 三点五) and adjacent-digit pairs (四五万 → 40000–50000)."""
    if not text:
        return None
    if "点" in text:
        whole, _, frac = text.partition("点")
        if not frac or not all(ch in CN_DIGITS for ch in frac):
            return None
        whole_value = parse_chinese_int(whole) if whole else 0.0
        if whole_value is None:
            return None
        return Number(float(f"{int(whole_value)}." + "".join(str(CN_DIGITS[c]) for c in frac)))
    pair = _adjacent_pair(text)
    if pair is not None:
        return pair
    value = parse_chinese_int(text)
    return None if value is None else Number(value)


def _adjacent_pair(text: str) -> Number | None:
    """四五 / 六七千 / 三五百 / 十五六万: two neighbouring digits mean an approximate range."""
    for i in range(len(text) - 1):
        a, b = text[i], text[i + 1]
        if a in CN_DIGITS and b in CN_DIGITS and a not in "零〇" and b not in "零〇":
            da, db = CN_DIGITS[a], CN_DIGITS[b]
            if not (db == da + 1 or (da, db) == (3, 5)):
                return None
            tail = text[i + 2:]
            head = text[:i]
            if tail and not all(ch in MULTIPLIERS for ch in tail):
                return None
            scale = multiplier_value(tail) or 1.0
            base = 0.0
            if head:
                # 十五六万: the head carries the tens; the pair fills the units
                if head not in ("十", "一十"):
                    return None
                base = 10.0
            return Number((base + da) * scale, (base + db) * scale)
    return None


def parse_capital(text: str) -> float | None:
    """Capital numerals: 伍万 → 50000, 壹仟玖佰 → 1900, 肆佰叁拾万 → 4300000."""
    return parse_chinese_int(text.translate(_CAPITAL_TABLE))


def parse_number(numeral: str, multiplier: str = "") -> Number | None:
    """Parse an Arabic or Chinese numeral followed by an optional multiplier run (万, 千万, 亿).

    >>> parse_number("8", "千万").value
    80000000.0
    >>> parse_number("一千三百", "万").value
    13000000.0
    """
    scale = multiplier_value(multiplier)
    if scale is None:
        return None
    if numeral and numeral[0].isascii() and numeral[0].isdigit():
        value = parse_arabic(numeral)
        if value is None:
            return None
        if "." in numeral and scale > 1 and value * scale < 1e18:
            # 145.98亿 is 14598000000, not 14597999999.999998: scale the written decimal exactly
            digits = numeral.replace(",", "").translate(_NO_SPACES)
            return Number(float(Decimal(digits) * int(scale)))
        return Number(value * scale)
    if not numeral:
        # a bare multiplier is itself the number: 近万 → 10000, 百余 → 100
        return Number(scale) if multiplier else None
    parsed = parse_chinese(numeral)
    if parsed is None:
        return None
    return Number(
        parsed.value * scale,
        None if parsed.value_max is None else parsed.value_max * scale,
    )
