"""Reading report files: UTF-8 first, then GB18030 (which covers GBK and GB2312) when that is what it is.

Offsets in the output index the decoded text, so nothing is stripped or rewritten here (a UTF-8 BOM stays
as U+FEFF at offset 0).
"""

from __future__ import annotations

import regex

# Text decoded as GB18030 by accident (binary data, Latin-1, UTF-16) is full of controls and rare blocks;
# real Chinese text decoded right is mostly CJK, ASCII and punctuation.
_PLAUSIBLE = regex.compile(r"[\p{Han}\p{ASCII}\p{P}\p{Zs}\u3000-\u303f\uff00-\uffef]")
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class NotTextError(ValueError):
    """The bytes are neither UTF-8 nor GB18030/GBK Chinese text."""


def decode_report(data: bytes) -> str:
    """Decode a report's bytes: UTF-8, else GB18030/GBK if the result reads as Chinese text."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and text:
        plausible = len(_PLAUSIBLE.findall(text)) / len(text)
        if plausible >= 0.95 and not _CONTROL.search(text):
            return text
    raise NotTextError(f"not UTF-8 or GB18030/GBK text (invalid UTF-8 byte at offset {utf8_error.start})")


def read_report(path: str) -> str:
    """The text of a report file (see :func:`decode_report`)."""
    with open(path, "rb") as f:
        return decode_report(f.read())
