"""Simplified/Traditional handling: one searchable form, answers in the asker's script.

Conversion is done character by character where OpenCC's phrase rules would change the
length, so that offsets in a converted text still point at the same characters of the
original.
"""

from __future__ import annotations

import re
from functools import lru_cache

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")

SIMPLIFIED = "simplified"
TRADITIONAL = "traditional"
ENGLISH = "english"


@lru_cache(maxsize=2)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def _convert(text: str, config: str) -> str:
    out = _converter(config).convert(text)
    if len(out) == len(text):
        return out
    # Keep positions aligned: fall back to per-character conversion.
    conv = _converter(config)
    return "".join(c if len(o := conv.convert(c)) != 1 else o for c in text)


# OpenCC gives 帳 → 帐, but mainland text writes an account 账户 (the rules' 社会保障卡金融账户)
_ACCOUNT = re.compile(r"帐(?=户|号|单|目)|(?<=到|对|记|算|转|入)帐")


def to_simplified(text: str) -> str:
    """Traditional → Simplified, same length as the input."""
    return _ACCOUNT.sub("账", _convert(text, "t2s.json"))


def to_traditional(text: str) -> str:
    """Simplified → Traditional, same length as the input."""
    return _convert(text, "s2t.json")


def detect_script(text: str) -> str:
    """Return 'english', 'traditional' or 'simplified' for a question."""
    cjk = _CJK.findall(text)
    if not cjk:
        return ENGLISH if _LATIN_WORD.search(text) else SIMPLIFIED
    latin = len(_LATIN_WORD.findall(text))
    if latin >= 3 and latin > len(cjk) / 2:  # an English sentence naming a Chinese term ("… (天府市民云) app?")
        return ENGLISH
    joined = "".join(cjk)
    trad_only = sum(a != b for a, b in zip(joined, to_simplified(joined)))
    simp_only = sum(a != b for a, b in zip(joined, to_traditional(joined)))
    return TRADITIONAL if trad_only > simp_only else SIMPLIFIED


def to_script(text: str, script: str) -> str:
    """Render text for a reader of the given script (English readers see the original)."""
    if script == SIMPLIFIED:
        return to_simplified(text)
    if script == TRADITIONAL:
        return to_traditional(text)
    return text


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))
