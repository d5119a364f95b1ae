"""Lexical side of retrieval: tokens for Simplified text and a small BM25.

Tokens are jieba words plus character bigrams (prefixed with ``#``): words carry meaning,
bigrams survive segmentation differences between a colloquial question and policy prose.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_ASCII_WORD = re.compile(r"[A-Za-z]{2,}")
# talent classes and grades: "A类", "A、B、C类" → A, B, C
CLASS_LETTER = re.compile(r"(?<![A-Za-z])([A-Fa-f])(?=\s*[类類级級、,，])")
CLASS_WORD = re.compile(r"(?<![A-Za-z])[A-Fa-f]\s*[类類级級]")

# Words that say how a question is asked, not what it is about.
STOPWORDS = frozenset("""
的 了 是 在 和 与 及 或 等 把 被 让 给 对 为 从 向 到 于 以 之 其 这 那 哪 吗 呢 吧 啊 呀 么 嘛 哦 噢
我 你 他 她 它 我们 你们 他们 咱 咱们 自己 有 没 没有 会 能 能够 可 可以 要 想 应该 需要 请问 请 问
什么 怎么 怎样 如何 多少 几 哪些 哪个 哪里 哪儿 为什么 是否 是不是 有没有 能不能 可不可以 一下 一些
这个 那个 这些 那些 这里 那里 就 都 也 还 又 再 很 太 更 最 个 上 下 里 中 吗 么 啥 咋 吗 多 该 怎么办
""".split())


_BASE_VERSION = "jieba-f20-3"


def _glossary_words() -> list[str]:
    """Everyday words the glossary knows, kept whole by jieba ("保租房", "蓉易贷")."""
    from .expand import COLLOQUIAL

    return sorted(w for w in COLLOQUIAL if 2 <= len(w) <= 4 and _CJK_RUN.fullmatch(w))


def _version() -> str:
    import hashlib

    # the glossary's words change how text is cut into words, so they are part of the version
    digest = hashlib.sha256("\n".join(_glossary_words()).encode()).hexdigest()[:8]
    return f"{_BASE_VERSION}-{digest}"


TOKENIZER_VERSION = _version()
_MIN_FREQ = 20  # jieba's full dictionary costs ~65 MiB in memory; common words are enough


def _small_dictionary() -> str:
    """jieba's dictionary without its rarest words, written once to the temp folder.

    Rare compounds are still found by jieba's HMM and by the bigram tokens, and the full
    dictionary would be the largest part of the assistant's memory.
    """
    import os
    import tempfile

    import jieba

    source = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    target = os.path.join(tempfile.gettempdir(),
                          f"policy-assistant-{_BASE_VERSION}-{os.path.getsize(source)}.txt")
    if not os.path.exists(target):
        with open(source, encoding="utf-8") as f:
            keep = [line for line in f if len(parts := line.split()) >= 2 and int(parts[1]) >= _MIN_FREQ]
        partial = f"{target}.{os.getpid()}.tmp"
        with open(partial, "w", encoding="utf-8") as f:
            f.writelines(keep)
        os.replace(partial, target)
    return target


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer(dictionary=_small_dictionary())
    tokenizer.initialize()
    # everyday words the glossary knows stay whole ("想租保租房" → 想/租/保租房, not 租保/租房)
    for word in _glossary_words():
        tokenizer.add_word(word, freq=_WORD_FREQ)
    return tokenizer


_WORD_FREQ = 2000  # high enough that jieba keeps an added word whole


def named_terms(text: str) -> list[str]:
    """The policy's own quoted names (“蓉易贷”, “一件事一次办”), to be kept whole as words."""
    return sorted({m for m in re.findall(r"[“\"]([\u4e00-\u9fff]{2,8})[”\"]", text)})


def add_words(words) -> None:
    """Teach the tokenizer words it should not split (the corpus's named terms)."""
    jieba = _jieba()
    for word in words:
        if word not in jieba.FREQ or not jieba.FREQ[word]:
            jieba.add_word(word, freq=_WORD_FREQ)


NAME_TAGS = ("ns", "nr", "nz", "nt", "j")  # jieba's tags for places, people, other names, organisations, abbreviations


@lru_cache(maxsize=1)
def _name_tags() -> dict[str, str]:
    # read from the dictionary file rather than through jieba.posseg, whose tables would add
    # ~50 MiB to the assistant's memory for a check a few questions need
    tags = {}
    with open(_small_dictionary(), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and parts[2] in NAME_TAGS:
                tags[parts[0]] = parts[2]
    return tags


def name_tag(word: str) -> str:
    """jieba's tag for a word that is a proper name ("ns" for 西南, "nt" for 四川大学), else ""."""
    return _name_tags().get(word, "")


def segment(text: str) -> list[str]:
    """jieba's words of a (Simplified) text, stopwords included."""
    return _jieba().lcut(text)


def tokenize(text: str) -> list[str]:
    """Lexical tokens of (already Simplified) text."""
    jieba = _jieba()
    tokens: list[str] = []
    for run in _CJK_RUN.findall(text):
        words = [w for w in jieba.lcut_for_search(run) if w not in STOPWORDS]
        tokens.extend(words)
        tokens.extend("#" + run[i:i + 2] for i in range(len(run) - 1))
    tokens.extend(_NUMBER.findall(text))
    tokens.extend(w.lower() for w in _ASCII_WORD.findall(text))
    tokens.extend(m.upper() + "类" for m in CLASS_LETTER.findall(text))
    return tokens


def content_words(text: str) -> list[str]:
    """The meaningful words of a (Simplified) question: no stopwords, no bigrams."""
    jieba = _jieba()
    out = []
    # "F类人才能享受": the class is its own word (added below), so jieba does not cut 类人/才能
    for run in _CJK_RUN.findall(CLASS_WORD.sub(" ", text)):
        out.extend(w for w in jieba.lcut(run) if w not in STOPWORDS)
    out.extend(_NUMBER.findall(text))
    out.extend(m.upper() + "类" for m in CLASS_LETTER.findall(text))
    return out


class BM25:
    """Okapi BM25 over pre-tokenised documents."""

    def __init__(self, docs_tokens: list[list[str]], k1: float = 1.2, b: float = 0.5):
        self.k1, self.b = k1, b
        self.tf = [Counter(t) for t in docs_tokens]
        self.len = [len(t) for t in docs_tokens]
        self.avg = (sum(self.len) / len(self.len)) if self.len else 0.0
        df: Counter = Counter()
        for c in self.tf:
            df.update(c.keys())
        n = len(docs_tokens)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.postings: dict[str, list[int]] = {}
        for i, c in enumerate(self.tf):
            for t in c:
                self.postings.setdefault(t, []).append(i)

    def scores(self, query_tokens: list[str]) -> list[float]:
        out = [0.0] * len(self.tf)
        for t, qf in Counter(query_tokens).items():
            idf = self.idf.get(t)
            if idf is None:
                continue
            for i in self.postings[t]:
                f = self.tf[i][t]
                norm = self.k1 * (1 - self.b + self.b * self.len[i] / (self.avg or 1))
                out[i] += idf * f * (self.k1 + 1) / (f + norm) * (1 + 0.5 * (qf - 1))
        return out
