"""The words a question is about, and how much of them a text covers (IDF-weighted)."""

from __future__ import annotations

import re
from functools import lru_cache

from .expand import expand_query, spell_out
from .lexical import CLASS_LETTER, STOPWORDS, content_words, segment
from .question import Parsed, standard_mandarin
from .retrieve import Retriever
from .script import has_cjk, to_simplified


def topic_weights(words: list[str], retriever: Retriever) -> dict[str, float]:
    """Each word's weight: the mean IDF of its character bigrams in the lexical index."""
    idf = retriever.bm25.idf
    top = max(idf.values()) if idf else 1.0
    out = {}
    for w in words:
        if len(w) == 1 and not w.isdigit():
            continue
        grams = ["#" + w[i:i + 2] for i in range(len(w) - 1)] or [w]
        known = [idf[g] for g in grams if g in idf]
        # a word the corpus never uses weighs like the rarest word it does use
        out[w] = (sum(known) / len(known)) if known else top
    return out


def class_letters(text_s: str) -> set[str]:
    """The classes of talent a text names ("A、B、C类" → A类, B类, C类)."""
    return {m.upper() + "类" for m in CLASS_LETTER.findall(text_s)}


def coverage(weights: dict[str, float], text_s: str, partial: bool = True) -> float:
    """Share of the weighted words a text holds; with `partial`, a long word counts by its bigrams."""
    if not weights:
        return 0.0
    text_s = text_s.replace("区(市)县", "区(市)县 区县")  # "所有区县" names 区(市)县
    got = 0.0
    letters = class_letters(text_s)
    for w, wt in weights.items():
        if w.isdigit() and not _whole_number(w).search(text_s):
            continue  # "我妈80岁" says nothing of a clause's 800元
        if w in text_s or w in letters:
            got += wt
        elif partial and len(w) > 2:
            grams = [w[i:i + 2] for i in range(len(w) - 1)]
            got += wt * sum(g in text_s for g in grams) / len(grams) * 0.8
    return got / sum(weights.values())


@lru_cache(maxsize=256)
def _whole_number(digits: str) -> re.Pattern:
    return re.compile(r"(?<![\d.])" + re.escape(digits) + r"(?![\d.])")


_ASK_WORDS = re.compile(r"一般(?!的)|去哪(里|儿)?查?|起发|起领|起算|[发领]几年|文件说|文件上说|文件里说|哪一年|哪一天|一段|一句|一篇|一首|以后|还是|每人|每个人|结束|我住|我家|我们家|咱们|一个|一些|一下|何时|何地|何处|想(?=[租买办问查])|叫什么名字|叫啥名|名字|属于|能到|这份文件|这个文件|文件里|文件中|这块|那块|这方面|那方面|这边|那边|多长时间|每个月|标准是|管不管|多少钱|能不能|有没有|叫什么|开始|每月|每年|一共|总共|办理|报名|查询|时候|多久|多长|哪天|哪年|几点|哪里|哪儿|在哪|地址|电话|条件|资格|流程|步骤|名单|政策|政府|问题|解决|打算|规定|说法|要求|提到|提出|提交|需要|准备|具体|多少|几折|几天|几年|几个|哪些|什么|怎么|如何|是否|可以|打折|折扣|原文|内容|名称|材料|申请|讲|几")


def topic_text(p: Parsed, text: str | None = None) -> str:
    """The Simplified words a clause should cover: the question plus the policy terms it maps to."""
    return topic_of(p.searched if text is None else text)


@lru_cache(maxsize=256)
def topic_of(text: str) -> str:
    text = re.sub(r"^\s*(那么|那|还有|另外)", "", text)  # a follow-up's connective is no topic
    expanded = expand_query(standard_mandarin(to_simplified(text)))  # the glossary is in Simplified
    # English: only the policy terms it maps to can match Chinese text
    return expanded if has_cjk(text) else expanded[len(text):]


@lru_cache(maxsize=256)
def spelled_topic(text: str) -> str:
    """The topic with each glossary word in the policy's term for it: 保租房 is covered by
    保障性租赁住房, 发钱 by 发放 (once per question, not per candidate clause)."""
    return topic_of(spell_out(to_simplified(text)))


@lru_cache(maxsize=256)
def topic_grams(question_s: str) -> frozenset[str]:
    """Bigrams of the question's content words, plus the bigram joining two content words
    that stand side by side ("市民卡" → 市民, 民卡), so a compound is not matched by half."""
    text = _ASK_WORDS.sub(" ", question_s)
    grams: set[str] = set()
    for run in re.findall(r"[\u4e00-\u9fff]+", text):
        words = segment(run)
        content = [w not in STOPWORDS for w in words]
        for i, w in enumerate(words):
            if content[i]:
                grams.update(w[j:j + 2] for j in range(len(w) - 1))
                if i + 1 < len(words) and content[i + 1]:
                    grams.add(w[-1] + words[i + 1][0])
    # a bigram with a function character is how the question is put ("能查", "查到"), not its topic
    return frozenset(g for g in grams if not FUNCTION_CHARS.intersection(g))


FUNCTION_CHARS = frozenset("能上到在了着过的得地和与及或把被让给对为从向于以之其这那哪吗呢吧啊要会可想用去来还也都就自起")


@lru_cache(maxsize=256)
def topic_words(question_s: str) -> tuple[str, ...]:
    # a quoted term ("“不打烊政府”是啥意思") is one topic, however jieba would cut it
    quoted = re.findall(r"[“\"「『]([\u4e00-\u9fff]{2,12})[”\"」』]", question_s)
    # a pollutant's name is one word: the 2.5 of PM2.5 is no figure to find (2.5平方米)
    pollutants = tuple(m.upper() for m in _POLLUTANT.findall(question_s))
    rest = _POLLUTANT.sub(" ", _ASK_WORDS.sub(" ", question_s))
    return tuple(quoted) + pollutants + tuple(w for w in content_words(rest) if w.strip())


_POLLUTANT = re.compile(r"PM\s*(?:2\.5|10)", re.I)
