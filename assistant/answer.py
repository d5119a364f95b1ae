"""Answer: pick the clause that carries the fact, state it first, quote it, or abstain.

No language model: every answer is built from verbatim clauses of the corpus. A question is
answered only when the best clause is on topic and states the kind of thing asked for (an
amount, a duration, a list of materials...); otherwise the answer says the corpus does not
cover it and shows the nearest clauses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .chunk import Chunk, title_end
from .cite import Citation, cite
from .counted import counted_as_asked, names_counted
from .expand import expand_query, spell_out
from .neighbours import figure_phrases, names_asked_kind, other_kind
from .figures import Figure, figures_left_out, find_figure, whole_of
from .index import Index
from .ingest import Document
from .lexical import STOPWORDS, segment
from .question import (ADJACENT, FIRST_PERSON, LOCATE, NEEDS, Ask, Parsed, analyse, asked_sentence, parse, quoted_phrase,
                       standard_mandarin)
from .reply import Answer, with_sources
from .retrieve import EXAMPLE_OPENERS, Hit, Retriever
from .scope import (NEED_EVIDENCE, OFF_TOPIC, ONLINE_ASK, PERSON_NEEDS, PLACE_ONLINE, about_other_place, abstain_message,
                    between_places, defined_elsewhere, district_share, only_baseline, other_document, other_period, same_title,
                    unknown_name, unnamed_item)
from .script import ENGLISH, has_cjk, to_script, to_simplified
from .structure import Structure, defines
from .topic import (FUNCTION_CHARS, class_letters, coverage, spelled_topic, topic_grams, topic_of, topic_text, topic_weights,
                    topic_words)

__all__ = ["Answer", "Answerer"]


_DISCOUNT_ASKED = re.compile(r"打折|折扣|几折|免费|优惠")
_DISCOUNT_WORDS = re.compile(r"打几折|几折|多少折|打折|折扣|优惠|免费|便宜|有没有|或者|或|能不能|可以|吗|呢|要是|如果|假如|的话|\d+(\.\d+)?折")
CURRENT = re.compile(r"目前|已经|已有|现有|截至")
_NOW_OR_HERE = re.compile(r"目前|已经|已有|现有|截至|现在|当前|如今|眼下|至今|成都|我市|本市|全市|成都市")
PER_UNIT = re.compile(r"每(户|家|人|个人|名)|人均|户均|/人|/户|·月|/月|元/")

# "when will it be done": a target's deadline, which the whole policy may give as its period
# when a task is to be done; "哪一年以前建成的小区" asks when something was built, a definition
COMPLETION = re.compile(r"(?<!以前|之前|以后|之后)(完成|实现|建成|达到|做到|落实|到位|搞完|弄好)|"
                        r"\b(done|completed?|finished|achieved|built)\b", re.I)

# how a candidate clause is scored: dense similarity, topic cover, its chunk's rank score, and a
# bonus for stating a figure of the asked kind
CLAUSE_WEIGHTS = (0.35, 0.45, 0.2, 0.15)

STRONG_DENSE = 0.30  # best-sentence cosine above which an on-topic paraphrase is trusted
QA_REPLY_CHARS = 160  # a reply under a question heading this short is quoted whole
QA_HEADING_CHARS = 400  # how far back the question heading above a reply is looked for
SHORT_REPLY = 4  # a reply this short ("不能。", "可以。") ...
SHORT_REPLY_COVER = 0.3  # ... is a candidate only when the question matches its heading this well
TITLE_CHARS = 20  # an item's opening sentence this short that repeats its heading is a title
NO_COVER = 0.05  # below this a Chinese question shares no words with the clause
MIN_COVER = 0.15  # share of the question's topic words (IDF-weighted) the best clause covers
VALUE_COVER = 0.15  # a stated figure must sit in a clause about the asked topic
VALUE_DENSE = 0.30
CANDIDATE_CHUNKS = 8  # clauses are looked for in this many top-ranked chunks
VALUE_CANDIDATES = 30  # ... and, for a figure, in chunks this far down that state one of its kind
FAR_COVER = 0.2  # ... when they cover this share of the question's topic words
RUNNER_UP_MARGIN = 0.1  # a second clause is quoted when it scores nearly as well
FIGURE_FIT = 0.3  # bonus for a figure whose own phrase names the question's words
FIGURE_EXACT = 0.2  # bonus for a figure of the asked kind over one of a fallback kind
NEED_COVER = 0.6  # the share of the question's topic bigrams the answering chunk must hold, for
#                   materials/place/time... questions
ENGLISH_NEED_COVER = 0.3  # English matches the chunk only through the glossary's terms
NAME_NEED_COVER = 0.4  # "叫啥名": the quoted name is the evidence; the topic may be paraphrased
CLAUSE_NEED_COVER = 0.35  # ... or an amount stated in a clause this much about the question
NAME_CLAUSE_COVER = 0.3  # ... or a quoted name in a clause this much about it
TIME_CLAUSE_SHARE = 0.5  # a date or period is about the question when its clause covers this share of the best one
FOCUS_COVER = 0.5  # a follow-up's answer covers its own words at least half as well as the best
FOLLOW_UP_NEED = 0.8  # ... a follow-up's chunk covers this share of that (its topic includes the last turn)
MONEY_COVER = 0.2  # the share of topic words an amount's clause must cover
CURRENT_COVER = 0.3  # ... and a clause stating where things stand now ("目前…已经筹集")
CASE_FACTS = 2  # a question stating this many facts of a worked example asks about that case
PER_UNIT_COVER = 0.25  # a per-person figure's clause names at least this much of what is asked
LISTED_ELSEWHERE_COVER = 0.5  # a clause this much about the question holds its list in its own document
NAMED_STRETCH = 6  # a list question naming a clause's own term this long asks for that clause
TURN_COVER = 0.45  # "…，那臭氧浓度是多少": the clause must be about what follows the turn this much
STATED_TERM = 4  # a term this long of the clause stating the question's figure names what is asked
SUBJECT_STRETCH = 6  # a stretch of the question this long that a document holds names its subject
SUBJECT_COVER = 0.5  # ... which a figure's clause covering less of the question than this must hold
SUBJECT_MARGIN = 0.1  # ... unless the clauses naming it cover the question no better than this
FAQ_STRETCH = 8  # a question sharing this many characters with a heading (in runs of three or more) asks what it asks
STATED_AGAIN = 8  # a question repeating this much of a figure-less clause asks beyond it
ONLY_ELSEWHERE_IDF = 3.0  # a question word this rare (IDF) names one document's subject

_NOTICE = re.compile(r"公示\s*$")
_NOTICE_ASKED = re.compile(r"公示(?!\s*(完|后|以后|之后|结束|期满))")  # "公示完以后多久到账" asks what follows
# "其中已经开通的", "光算建成的": a part of a figure that counts two things together ("开通运营及在建")
_ONLY_PART = re.compile(r"其中|光算|只算|单算|不算|不含|不包括|除去|刨去|扣除")
_JOINT = re.compile(r"[\u4e00-\u9fff]及[\u4e00-\u9fff]|[\u4e00-\u9fff]和[\u4e00-\u9fff]|以及|加上")
# "新增的养老床位里，认知障碍照护型床位有多少张": a part (group 2) of a whole (group 1)
_PART_ASKED = re.compile(r"([\u4e00-\u9fff\d]{2,14})(?:(?:里面|里头|里边|当中|之中)[，,]?|里[，,])\s*([\u4e00-\u9fff]{2,14}?)(?:有|占|是|能有)?(?:多少|几)")
# what happens once a stated limit is reached ("住满7天以后", "第8天开始", "after the free period")
_BEYOND = re.compile(r"(住满|用满|满|超过|超出|过了)\s*\d+\s*(天|个月|年|平方米|平米|平)\s*(以后|之后|后|了)|"
                     r"第\s*\d+\s*(天|个月|年)\s*(开始|起)|到期\s*(以后|之后|后)|续住|"
                     r"\d+\s*(天|个月|年)\s*(以后|之后|后)\s*(还|再|继续)")
_BEYOND_EN = re.compile(r"\bafter the (free|first) (period|\d+ (days|months|nights))\b|\bafter the \d+ free (days|nights)\b|\bbeyond the (limit|cap)\b|"
                        r"\bextend (my|the) stay\b", re.I)
_AFTER_LIMIT = re.compile(r"超过|超出|以上部分|不再|终止|停发|届满|期满|到期|续|自行|之后|以后")
# a unit of measure the question asks its figure in ("多少吨"), not a mere counter (个, 家)
_ASKED_UNIT = re.compile(r"(?:多少|几)(?:万|亿|百|千)?\s*(吨|公斤|千克|斤|升|立方米|千瓦|度电|头|只|辆|架|艘|棵|株|栋|层楼|节课|节(?=[?？，,。]|$)|部(?![门分])|分(?![钟种之别期批类])|平方公里)")
_ASKED_UNIT_EN = re.compile(r"\bhow many (tonnes|tons|kilograms|kilos|litres|liters)\b", re.I)
_EN_UNITS = {"tonnes": "吨", "tons": "吨", "kilograms": "公斤", "kilos": "公斤", "litres": "升", "liters": "升"}
_ASKED_COUNTER = re.compile(r"(?:多少|几)(?:万|亿)?(个|所|家|户|套|张|条|座|处|名|项|辆|床)")
# counters that name what is counted (households, people, beds), unlike 个; 名 and 人 count alike
_STRICT_COUNTERS = {"户": ("户",), "名": ("名", "人"), "张": ("张",), "辆": ("辆",), "套": ("套", "套(间)", "套（间）")}
_COUNTER_END = re.compile(r"[个所家户套张条座处名项辆床人间]\)?）?$")
_DOC_NUMBER = re.compile(r"[〔\[（(]\s*\d{4}\s*[〕\]）)]\s*\d+\s*号")
# a figure an earlier answer gave, with its unit ("23个", "2.5平方米")
_SAID = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*(?:万|亿)?\s*(?:[个所张家户套条座处名人项辆元天年折%]|公里|平方米)")
# a figure with its unit, as a question states it to say what it is about ("8.5折", "850公里")
_STATED = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*(?:折|公里|万套|万个|万平方米|亿元|万元|个百分点)")


def _bare_figure(text: str) -> str:
    return re.sub(r"\s+", "", text)

# "A是多少，那B呢": the question turns to a new subject (not "那个", "那些": that one, those)
_TURN = re.compile(r"[，,]\s*那(?:么)?(?![个些种位里边])([^，,。？?]+)")
# "人才公寓享受8.5折，要交满几年社保": a stated fact with its figure, then what is asked
_AFTER_FACT = re.compile(r"[^，,。？?]*\d+(?:\.\d+)?\s*(?:折|天|个|万|%|公里|米|平方米|元|所|家|套|张)[^，,。？?]*[，,]\s*"
                         r"([^，,。？?]*(?:多少|几|什么|哪)[^，,。？?]*)")

_ASKS_ITSELF = re.compile(r"有没有|有无|是不是|能不能|会不会|吗|么[，,]")

_NUMBER_ASKED = re.compile(r"(几|多少)(?!.{0,6}(水平|程度))")
# "保持在全国主要城市的什么水平": the level is asked, though the question repeats the rest of the clause
_LEVEL_ASKED = re.compile(r"(什么|哪个|哪种|怎样的?|啥)(水平|程度|位置)")
# "有补贴吗", "is there a subsidy for…": whether the policy pays for something
_SUBSIDY_ASKED = re.compile(r"(有没有|有无|给不给|补不补|有)[^，。？?]{0,6}(补贴|补助)|(补贴|补助)有?(吗|么|不|没有)|"
                            r"\b(is|are) there (an? |any )?([\w-]+ ){0,3}(subsid|allowance|grant)|\bsubsid(y|ies) for\b", re.I)
_WH = re.compile(r"哪|什么|怎么|多少|几|如何|\b(which|what|how|where|when)\b", re.I)  # not a yes/no question
_PAYS = re.compile(r"补贴|补助|资助|奖励|奖补|\d+(?:\.\d+)?\s*(?:万元|亿元|元)")
_SUBSIDY_NOUNS = ("补贴", "补助", "津贴")
# a question about the text itself, which its closing attribution ("来源:成都日报") answers
_ABOUT_THE_TEXT = re.compile(r"文件|意见|文章|这篇|全文|原文|文本|文末|末尾|结尾|最后|媒体|报|出处|新闻|刊|注明|标注|转载|"
                             r"\b(source|publish|published|newspaper|outlet|daily|article|document|text)\b", re.I)
# "各领一份补贴", "都领补贴": how many, or the verb, names no kind
_HOW_MANY_SHARES = re.compile(r"[一二两三几各每多\d]|[份个项笔种次领拿发给享要报有]$")
_RENT_WORDS = re.compile(r"^(租房|优租|房租|租赁|住房租金)$")
_TOGETHER = re.compile(r"同时|一起|叠加|兼得|重复享受|重复领|都能(拿|领|享受)|两个都|两份|\bboth\b|\bcombine|\bat the same time\b", re.I)
# what says nothing of the kind: "有没有专项补贴", "政府补贴", "这个补贴"
_GENERIC_SUBSIDY = frozenset({"什么", "哪些", "专项", "专门", "相关", "这个", "那个", "这种", "这项", "政府", "财政", "国家",
                              "其他", "其它", "同类", "一些", "方面", "人才", "现金", "额外", "特别", "发放", "有没有"})
_SUBSIDY_WORDS = frozenset({"补贴", "补助", "资助", "成都", "政府", "政策", "文件", "市里", "本市", "我市"})
_VALIDITY_STATED = re.compile(r"有效期\s*\d|\d+\s*年(内)?有效|\d{4}年\d{1,2}月\d{1,2}日(起|至)")
_VALIDITY_ASKED = re.compile(r"有效期|多久有效|\bvalid (for|until)\b|\bvalidity\b|\bexpires?\b|"
                             r"\b(take|takes|taking) effect\b.{0,30}\bhow long\b|\bin (force|effect) for how long\b", re.I)
_PHRASE_BREAK = re.compile(r"[,，；;。]")
# a target set as a direction, with no size ("持续下降", "明显提升")
_DIRECTION_ONLY = re.compile(r"(持续|稳步|明显|显著|有效|大幅|进一步|不断|逐步)(下降|提升|提高|增长|解决|改善|减少|缩小|降低|增强)")
# parts of the city a figure may be set for; the 县市新城 (简阳…蒲江) are outside the central city
_SCOPES = {"中心城区": re.compile(r"中心城区|主城区?|\bcentral (city|urban area)", re.I),
           "农村": re.compile(r"农村|乡村|乡下|郊县|郊区|县城|新城|简阳|都江堰|彭州|邛崃|崇州|金堂|大邑|蒲江|"
                            r"\b(suburb|suburban|rural|countryside|outlying)", re.I)}
_OUTSIDE_CENTRE = re.compile(r"\boutside (of )?the central (city|urban area)|中心城区以外|中心城区外", re.I)


_KIN = re.compile(r"儿子|女儿|孩子|娃|老公|老婆|爱人|爸|妈|爷爷|奶奶|外公|外婆|孙子|孙女")  # the asker's family
_ASKS = re.compile(r"吗|么|多少|几|什么|啥|哪|怎么|咋|如何|有没有|有没|提了没|管不管|[？?]$")


def _asked_tail(text: str, corpus_s: str) -> str:
    """The last comma-separated part of a Chinese question when it alone asks and what comes
    before only tells of the asker ("我妈岁数大了，家庭医生那个签约服务文件提了没" → the part after the
    comma); "" otherwise."""
    parts = re.split(r"[，,；;]|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", text.strip())
    if len(parts) < 2 or not has_cjk(text):
        return ""
    head, tail = "".join(parts[:-1]), parts[-1].strip()
    # only the asker's own case is told ("我妈岁数大了"), not the subject ("人才公寓打8.5折，")
    head_s = standard_mandarin(to_simplified(head))
    # the asker's family is their case when nothing else the documents speak of is named
    # ("儿子明年中考"), not in "送孩子去托育机构"
    family = _KIN.search(head) and not any(len(w) >= 2 and w in corpus_s for w in segment(_KIN.sub(" ", head_s)))
    told = (FIRST_PERSON.search(head) or family) and not re.search(r"\d", head) and not _ASKS.search(head_s)
    if not told or not _ASKS.search(tail) or len(_CJK.findall(tail)) < 5:
        return ""
    return tail


def _kinds_of_subsidy(q_s: str) -> list[str]:
    """The kinds of subsidy a question names, by the word before 补贴 ("社保补贴" → 社保; "安家补贴和
    人才租金补贴" → 安家, 租金)."""
    words = segment(q_s)
    kinds = []
    for before, word in zip([""] + words, words):
        kind = word[:-2] if len(word) > 2 and word.endswith(_SUBSIDY_NOUNS) else before if word in _SUBSIDY_NOUNS else ""
        if len(kind) >= 2 and kind not in _GENERIC_SUBSIDY and not _HOW_MANY_SHARES.search(kind):
            kind = _RENT_WORDS.sub("租金", kind)  # 租房补贴, 优租补贴 and 租金补贴 are one kind
            if kind not in kinds:
                kinds.append(kind)
    return kinds


def _other_scope(q_s: str, clause_s: str) -> bool:
    """A figure set for one part of the city (中心城区) asked about for another (郊县农村)."""
    q_s = _OUTSIDE_CENTRE.sub("郊区", q_s)
    asked = {k for k, pattern in _SCOPES.items() if pattern.search(q_s)}
    stated = {k for k, pattern in _SCOPES.items() if pattern.search(clause_s)}
    return bool(asked and stated and not asked & stated)


_SUBSIDY = re.compile(r"(生活|安家|租金|租房|引才|创业|托育|购房|交通|医疗|养老|就业)\s*补贴")  # kinds of subsidy
_FULL_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月|\d{1,2}\s*月\s*\d{1,2}\s*日")
_MONTHLY_ASKED = re.compile(r"每月|每个月|一个月|按月|月补|\bmonthly\b|\bper month\b|\ba month\b|\beach month\b", re.I)
_MONTHLY = re.compile(r"每月|每个月|/月|·月|/人·月")
_MINIMUM_ASKED = re.compile(r"最低|至少|最少|下限|\bminimum\b|\bat least\b", re.I)
_MAXIMUM = re.compile(r"上限|最高|不超过|不得超过|以内|最多|封顶")
_EN_WHOLE = re.compile(r"\b(?:of|out of|among) (?:the |these |those )?([\d.]+)\b[^?]{0,60}\bhow many\b", re.I)
_PER_AREA = re.compile(r"\s*(/|每)\s*(平方米|平米|㎡|m²)")
_PER_ITEM_ASKED = re.compile(r"每(个|座|处|所|家|间|栋|套)(?!人)")  # 每个人 is per person
_PER_AREA_ASKED = re.compile(r"每平|/平|一平|单价|per (square|m²|m2|sq)", re.I)
_PRICE_MOVE = re.compile(r"价[格钱位]?[^，。？?]{0,6}(降|涨|下降|上涨|便宜|低|少)[^，。？?]{0,3}(多少|几)|"
                         r"(房租|租金)[^。？?、）)]{0,12}(涨|降)[^，。？?]{0,6}(多少|几)")
_TENS_OF_THOUSANDS = re.compile(r"(多少|几)万(?![元块])")
_MEASURES = frozenset({"年龄", "岁数", "年纪", "时间", "期限", "年限", "时长", "面积", "金额", "比例", "标准"})
_INDICATOR_ENDS = ("率", "比", "数", "度", "量")  # how indicators are named: 优良率, 房价收入比, 满意度
_GRADE = re.compile(r"([一二三四五六七八九])(?:类|级)(?!别)")


def _other_grade(q_s: str, clause_s: str) -> bool:
    """A figure for one numbered class or grade (一类) asked about for another (二类)."""
    asked, stated = set(_GRADE.findall(q_s)), set(_GRADE.findall(clause_s))
    return bool(asked and stated and not asked & stated)


def _lead_in(c: "Clause") -> str:
    """The words before a clause's figure, back to the previous separator: what it counts."""
    at = c.simplified.find(c.value) if c.value else -1
    if at < 0:
        return ""
    return re.split(r"[，,；;。：:]", c.simplified[:at])[-1]


def _asked_part(q_s: str) -> str:
    """The part of a question that asks, when an earlier part states a fact or a figure; "" else."""
    turn = _TURN.search(q_s)
    if turn:
        return turn.group(1)
    fact = _AFTER_FACT.match(q_s)
    if fact and _ASKS_ITSELF.search(q_s[:fact.start(1)]):
        return ""  # "家附近800米有没有地铁站，覆盖率是多少": the first part asks too, it states nothing
    return fact.group(1) if fact else ""


@dataclass(frozen=True)
class Clause:
    """A candidate sentence that may answer the question."""

    chunk: Chunk
    start: int
    end: int
    text: str
    simplified: str
    dense: float
    cover: float
    rank_score: float
    figure: Figure | None

    @property
    def value(self) -> str | None:
        return self.figure.text if self.figure else None

    @property
    def score(self) -> float:
        w = CLAUSE_WEIGHTS
        return w[0] * self.dense + w[1] * self.cover + w[2] * self.rank_score + (w[3] if self.value else 0.0)


# ------------------------------------------------------------------ helpers

def _is_example(c: "Clause") -> bool:
    chunk_text = c.chunk.text.lstrip()
    return chunk_text.startswith(EXAMPLE_OPENERS) or c.text.lstrip().startswith(EXAMPLE_OPENERS)


def _shared_stretch(a: str, b: str) -> str:
    """The longest run of Chinese characters two texts share."""
    best = ""
    for i in range(len(a)):
        for j in range(i + len(best) + 1, len(a) + 1):
            if not _CJK.fullmatch(a[j - 1]) or a[i:j] not in b:
                break
            best = a[i:j]
    return best


def _member_asked(q_s: str) -> str:
    """The thing a question asks to be counted in ("县市新城包括哪些？都江堰算不算" → 都江堰), or "":
    a list naming it answers whether it is a member."""
    m = re.search(r"([\u4e00-\u9fff]{2,8})(?:算不算|属不属于|是否属于)", q_s)
    item = re.sub(r"^(那|那么|我们|咱们|像)", "", m.group(1)) if m else ""
    return item if len(item) >= 2 else ""


def _shared_runs(a: str, b: str, shortest: int = 3) -> int:
    """How many Chinese characters two texts share in runs of at least `shortest`
    ("补贴中途断了几个月，之后还能…" shares 补贴中途断了 and ，之后还能 with the heading)."""
    total = 0
    while len(run := _shared_stretch(a, b)) >= shortest:
        total += len(run)
        a, b = a.replace(run, "\0", 1), b.replace(run, "\1", 1)
    return total


@lru_cache(maxsize=256)
def _case_facts(q_s: str) -> frozenset[str]:
    """What a question sets out about its own case: classes of person and figures with their
    unit's first character ("E类人才租60平米、月租30块" → E类, 60平, 30元), in either language.
    Cached: the evidence check, the value check and the composer each ask for it."""
    q = q_s.replace("块", "元")
    q = re.sub(r"(\d+)\s*(?:m²|m2|sq\.? ?m\b|square met(?:re|er)s?)", r"\1平", q, flags=re.I)
    q = re.sub(r"(\d+)\s*(?:yuan|rmb)\b", r"\1元", q, flags=re.I)
    q = re.sub(r"\b([A-F])-?(?:category|class)\b|\b(?:category|class) ([A-F])\b", r"\1\2类", q)
    return frozenset(class_letters(q)) | {m.group(1) + m.group(2) for m in re.finditer(r"(\d+(?:\.\d+)?)\s*([\u4e00-\u9fff])", q)}


def _case_match(facts: frozenset[str], example_s: str) -> int:
    """How many of a question's case facts a worked example states."""
    letters = class_letters(example_s)
    return sum(f in letters or f in example_s for f in facts)


def _figure_score(c: Clause) -> float:
    """A clause's score as the answer to "how much": its figure should be of the asked kind
    and its own phrase should name what was asked (城乡收入比1.8:1, not 收入增幅7.5%)."""
    f = c.figure
    return c.score + FIGURE_FIT * f.fit + (FIGURE_EXACT if f.exact else 0.0)


# ------------------------------------------------------------------ the answerer

class Answerer:
    """Turns a parsed question and retrieval results into a grounded Answer."""

    def __init__(self, index: Index, retriever: Retriever, docs: list[Document], top_k: int = 8):
        self.index = index
        self.retriever = retriever
        self.docs = {d.id: d for d in docs}
        self.top_k = top_k
        self._units_by_chunk: dict[int, list[int]] = {}
        for i, u in enumerate(index.units):
            self._units_by_chunk.setdefault(u.chunk, []).append(i)
        # Simplified text is the same length as the original, so it is sliced, not converted
        self._doc_s = {d.id: to_simplified(d.text) for d in docs}
        self._doc_unspaced = {d: text.replace(" ", "") for d, text in self._doc_s.items()}  # "5 年" states 5年
        self._path_s = [to_simplified(" ".join(c.section_path) + " " + self.docs[c.doc_id].title)
                        for c in index.chunks]
        self._titles_s = [to_simplified(d.title) for d in docs]
        self.structure = Structure(index, self.docs, self._doc_s, top_k)
        self._chunk_s = self.structure.chunk_s
        self._position = self.structure.position

    # -- entry point
    def answer(self, p: Parsed, query_vector=None) -> Answer:
        """Answer a parsed question; `query_vector` is its encoding when already computed."""
        qv = query_vector
        if qv is None and self.retriever.encoder is not None:
            qv = self.retriever.encoder.encode([to_simplified(p.query)])[0]
        hits = self.retriever.search(p.query, k=max(self.top_k, VALUE_CANDIDATES), query_vector=qv)
        p = self.structure.name_section(p)
        read_off = next((a for a in self._structural(p, hits, qv) if a is not None), None)
        answer = read_off if read_off is not None else self._answer_from_clauses(p, hits, qv)
        tail = _asked_tail(p.asked, self.structure.corpus_s) if not answer.answered and answer.reason == "off-topic" \
            and p.leans_on is None else ""
        if tail:
            # "我妈岁数大了，家庭医生那个签约服务文件提了没": what is told before the comma is the
            # asker's case, and its words are no clause's; the part that asks is answered alone
            again = self.answer(parse(tail, None, len(tail)))
            if again.answered:
                again.question, again.notices = p.asked, p.notices
                return again
        return answer

    def _structural(self, p: Parsed, hits: list[Hit], qv):
        """Answers read off the documents' structure or the conversation, tried in order (lazily);
        each yields None when it does not apply."""
        yield self.structure.answer_prefixed(p, hits)
        if p.previous_answer and p.ask.kind != "locate" and LOCATE.search(to_simplified(p.asked)):
            # "这句在哪一条下面？": where the sentence just quoted comes from
            yield self.structure.answer_locate(p, hits, self.structure.quoted_before(p))
        if p.previous_answer and ADJACENT.search(p.asked):
            yield self.structure.answer_adjacent(p, hits)
        if other_document(to_simplified(p.asked), self._titles_s):
            yield self._abstain(p, hits[:max(self.top_k, 5)], self._clauses(p, hits, qv), "other-document")
        if p.ask.kind == "document":
            yield self.structure.answer_document(p, hits)
        if p.ask.kind == "locate":
            yield self.structure.answer_locate(p, hits)
        if p.ask.section and self.structure.missing(p.ask.section):
            # "二(六)6的标题是什么": 二(六) has five items; say so rather than quote something else
            yield self._abstain(p, hits[:max(self.top_k, 5)], [], "no-section")
        if p.ask.section and "definition" not in p.ask.needs:
            # "二(七)营造的“五个一样”分别是哪五个": the clause spelling the term out, not the section
            yield self.structure.answer_section(p, hits)
        if p.ask.kind == "benefits" and "family" not in p.ask.needs \
                and not about_other_place(to_simplified(asked_sentence(p.asked))):
            # "配偶随迁落户有什么政策" asks about the spouse, not what the talent gets; "重庆的老旧
            # 小区改造有哪些政策" asks about another city
            yield self.structure.answer_benefits(p, hits)

    # -- everything else: pick the clause that carries the fact
    def _clauses(self, p: Parsed, hits: list[Hit], qv) -> list[Clause]:
        weights = topic_weights(topic_words(topic_text(p)), self.retriever)
        anchors = list(weights)
        own: list[str] = []
        if p.leans_on is not None:
            # "农村的呢" after a question about towns: 农村…8.6%, not 城镇…7.5%, in the same clause
            own = list(topic_weights(topic_words(topic_text(p, p.asked)), self.retriever))
            anchors = 2 * own + anchors
        out = []
        # "老旧小区改造6100个，其中2022年度完成多少个": a figure the question states is not the answer,
        # unless the question states it to have it confirmed ("是打8.5折吧")
        q_s = standard_mandarin(to_simplified(p.asked))
        given = figures_left_out(q_s)
        whole = whole_of(q_s) if given else None  # "新增的30万个学位里，高中学位有多少个": a smaller part
        candidates = hits[:CANDIDATE_CHUNKS]
        classes = class_letters(to_simplified(p.asked))
        # "when does it take effect": a clause giving a full date ("2026年1月1日起施行"), not "每年"
        shown = [_FULL_DATE if n == "time" else NEED_EVIDENCE[n] for n in p.ask.needs if n in NEED_EVIDENCE]
        for h in hits[CANDIDATE_CHUNKS:VALUE_CANDIDATES]:
            # a figure of the asked kind may sit a little further down ("C类…补贴比例70%"
            # below the clauses that repeat the question's housing words), and so may the
            # clause about the class of person asked about ("F类人才" → 县市新城), or one showing
            # what the question needs (a date, an amount)
            text_s = self._chunk_s[h.position]
            if h.chunk.kind != "text" or coverage(weights, text_s) < FAR_COVER:
                continue
            if p.ask.kind == "value" and find_figure(p.ask.value, text_s, []) is not None \
                    or classes & class_letters(text_s) \
                    or any(x.search(text_s) for x in shown) and coverage(weights, text_s) >= CLAUSE_NEED_COVER:
                candidates.append(h)
        for rank, h in enumerate(candidates):
            c = h.chunk
            if c.kind == "section" or (c.kind == "heading" and rank > 0):
                continue
            path_s = self._path_s[h.position]
            units = self._units_by_chunk.get(h.position, [])
            spans = [(self.index.units[u].start, self.index.units[u].end, u) for u in units]
            if c.kind == "heading":
                spans = [(c.start, title_end(c), units[0] if units else -1)]
            for s, e, u in spans:
                text = self.docs[c.doc_id].text[s:e]
                if text.rstrip().endswith(("？", "?")):
                    continue  # a question-and-answer document's question answers nothing
                text_s = self._doc_s[c.doc_id][s:e]
                if text_s.startswith("来源") and not _ABOUT_THE_TEXT.search(q_s + " " + p.asked):
                    continue  # the newspaper the text came from says nothing of where food comes from
                dense = float(self.index.vectors[u] @ qv) if (qv is not None and u >= 0) else 0.0
                cover = coverage(weights, text_s + " " + path_s)
                figure = find_figure(p.ask.value, text_s, anchors, given, whole) \
                    if p.ask.kind == "value" and (whole is None or whole.text in self._chunk_s[h.position]) else None
                mine = find_figure(p.ask.value, text_s, own, given, whole) if figure is not None and own else None
                if mine is not None and mine.fit == 0:
                    # "PM2.5呢？" after a share was asked: the follow-up's subject states a figure of
                    # its own kind (38微克), not the earlier subject's 80%
                    named = find_figure("count", text_s, own, given)
                    figure = named if named is not None and named.fit > 0 else figure
                if len(_CJK.findall(text)) <= SHORT_REPLY and cover < SHORT_REPLY_COVER:
                    continue  # "不能。": its similarity is its heading's; it answers only that question
                if c.kind == "heading" or (s == c.start and e - s <= TITLE_CHARS and c.section_path
                                           and text.strip("。 ") in c.section_path[-1]):
                    cover *= 0.5  # a bare heading or item title rarely answers; what follows does
                out.append(Clause(c, s, e, text, text_s, dense, cover, h.score, figure))
        return out

    def _answer_from_clauses(self, p: Parsed, hits: list[Hit], qv) -> Answer:
        clauses = self._clauses(p, hits, qv)
        retrieved = hits[:max(self.top_k, 5)]
        q_s = standard_mandarin(to_simplified(p.asked))
        if not clauses:
            return self._abstain(p, retrieved, [], "empty")
        # what the writer tells about themselves ("我是韩国人…", "做宠物食品") is no scope
        outside = self._outside(p, asked_sentence(p.asked), hits)
        if isinstance(outside, Answer):
            return outside
        if outside:
            return self._abstain(p, retrieved, clauses, outside)
        anchor = self._anchored_document(q_s)
        if anchor:
            # "人才公寓能打8.5折，那要交满几年社保": the figure it states ties it to one document;
            # another document's 6个月社保 is about something else
            clauses = [c for c in clauses if c.chunk.doc_id == anchor]
            if not clauses:
                return self._abstain(p, retrieved, [], "value")
        elif p.leans_on is not None and p.previous_answer:
            # "那要交满几年社保才能买" after "…人才公寓…8.5折": the earlier answer's figure ties
            # the conversation to its document (not the urgent-talent rules' 6个月社保)
            earlier = self._anchored_document(to_simplified(p.previous_answer.strip().split("\n")[0]))
            clauses = [c for c in clauses if c.chunk.doc_id == earlier] or clauses
        if has_cjk(p.asked) and p.leans_on is None and topic_words(to_simplified(topic_text(p))):
            # a Chinese question is not answered by a clause that uses none of its words (nor
            # their policy terms) on similarity alone: the encoder matches 政策 to 政策
            clauses = [c for c in clauses if c.cover >= NO_COVER] or clauses
            if max(c.cover for c in clauses) < NO_COVER:
                return self._abstain(p, retrieved, clauses, "off-topic")
        best = max(clauses, key=lambda c: c.score)
        if not (best.cover >= MIN_COVER or best.dense >= STRONG_DENSE):
            return self._abstain(p, retrieved, clauses, "off-topic")
        # (segmenting the question only when it asks about things together: this runs for every question)
        if _TOGETHER.search(q_s) and len(kinds := _kinds_of_subsidy(q_s)) >= 2:
            # "安家补贴和人才租金补贴能不能同时拿": only a clause naming both says whether they add up
            both = [c for c in clauses if all(self._names_subsidy(k, c) for k in kinds)]
            if not both:
                return self._abstain(p, retrieved, clauses, "combined")
            clauses, best = both, max(both, key=lambda c: c.score)
        if p.ask.kind == "statement" and _SUBSIDY_ASKED.search(q_s) \
                and not _WH.search(q_s) and not any(n in NEED_EVIDENCE for n in p.ask.needs):
            # "在成都买新能源汽车有补贴吗": the talents' 安家补贴 says nothing about cars, and a
            # clause about meal services that pays nothing says nothing about a subsidy for them
            own = [w for w in topic_words(to_simplified(topic_text(p))) if len(w) >= 2 and w not in _SUBSIDY_WORDS]
            paying = [c for c in clauses if self._names_what_is_subsidised(p, own, c)]
            if not paying or self._unknown_subsidy(q_s):
                return self._abstain(p, retrieved, clauses, "subsidy")
            clauses, best = paying, max(paying, key=lambda c: c.score)
        needs = p.ask.needs
        if p.leans_on is not None or p.ask.value == "discount":
            # "要是买的话有优惠吗" after the talent station: the earlier turn names what is bought;
            # "能打几折": the discount asked is checked as a figure
            needs = tuple(n for n in needs if n != "concession")
        if "current" in needs and (p.ask.kind in ("value", "statement") or "money" in needs):
            # the policy sets targets; only a clause that says where things stand now
            # ("目前，我市已经筹集…22.6万套") answers a question about today
            now = [c for c in clauses if CURRENT.search(c.simplified) and c.cover >= CURRENT_COVER]
            # "成都地铁目前开通了几条线路": a clause's 目前 and 我市 are no cover of what is counted now
            subject = {w: x for w, x in topic_weights(topic_words(to_simplified(topic_text(p))), self.retriever).items()
                       if not _NOW_OR_HERE.fullmatch(w)}
            now = [c for c in now if not subject or coverage(subject, c.simplified) >= CURRENT_COVER]
            if not now:
                return self._abstain(p, retrieved, clauses, "current")
            clauses = now
            best = max(clauses, key=lambda c: c.score)
        if p.ask.kind == "list":
            listed = self.structure.answer_list(p, hits)
            named = _shared_stretch(q_s, best.simplified)
            given = figures_left_out(q_s)
            if listed is not None and given and listed.citations and not any(
                    g in self._doc_unspaced[d] for g in given for d, doc in self.docs.items()
                    if doc.source == listed.citations[0].source):
                listed = None  # "新增的100条接驳公交线路是哪几条": not the items of a document without 100条
            if listed is not None and listed.citations and listed.citations[0].source != best.chunk.source \
                    and best.cover >= LISTED_ELSEWHERE_COVER:
                listed = None  # "高峰快线有哪几条": not the items of a document that never names them
            if listed is not None and not (len(named) >= NAMED_STRETCH and named not in to_simplified(listed.answer)):
                # "创业全生命周期金融服务体系包括哪几块": the clause naming that system lists them,
                # not the items of the project it sits in
                return listed
        pool = self._follow_up_focus(p, clauses)
        if p.ask.section:
            # "二(七)营造的“五个一样”分别是哪五个": the named section's clauses, when it has any here
            # (an article's code carries its chapter, 第七章第二十一条; the article is the best
            # clause's document's: "第三条里博物馆…" means the policy's part 三, not the rules' article)
            article = re.fullmatch(r"第.+条", p.ask.section) is not None
            pool = [c for c in pool if c.chunk.code.startswith(p.ask.section)
                    or article and p.ask.section in c.chunk.code and c.chunk.doc_id == best.chunk.doc_id] or pool
        classes = class_letters(q_s)
        if classes and p.leans_on is None:
            # "F类人才能享受吗", "我是C类人才…按多少比例": the clauses about that class of person
            # (A、B、C类…70%, not the 90% cap on all rents), when there are any; when none of them
            # states a figure of the asked kind, the figure for every class ("E类人才…最多能领多久": 36个月)
            classed = [c for c in pool if classes & class_letters(self._chunk_s[self._position[c.chunk.id]])]
            if p.ask.kind != "value" or any(c.figure for c in classed):
                pool = classed or pool
        if pool is not clauses and p.ask.kind == "value" and not any(c.figure for c in pool) \
                and analyse(p.asked).kind == "statement":
            # "那燃气这块呢？" after a "how much" question: the new topic may state no figure
            p = replace(p, ask=Ask("statement", needs=p.ask.needs))
        if "definition" in needs:
            # "“十有四清”具体是指什么": a clause must spell the term out, not just name it
            term = to_simplified(quoted_phrase(p.asked))
            if term not in self.structure.corpus_s and p.script == ENGLISH:
                # "What do the ten 'haves' and four 'clears' of 十有四清 stand for": the Chinese term it names
                term = next((t for t in _CJK_RUN.findall(to_simplified(p.asked)) if t in self.structure.corpus_s), term)
            if term and term in self.structure.corpus_s:
                pool = [c for c in pool if defines(term, c.simplified)]
                if not pool:
                    return self._abstain(p, retrieved, clauses, "definition")
            needs = tuple(n for n in needs if n != "names")  # the spelled-out items are the names
        fitting = self._with_evidence(p, q_s, pool, needs, best, retrieved)
        if isinstance(fitting, Answer):
            return fitting
        if isinstance(fitting, str):
            return self._abstain(p, retrieved, clauses, fitting)
        if _BEYOND.search(q_s) or _BEYOND_EN.search(p.asked):
            # "住满7天以后还能续住吗", "第8天开始每晚收多少钱": the policy gives the limit; only a
            # clause about what follows it (超过、不再、终止…) says what happens after
            fitting = [c for c in fitting if _AFTER_LIMIT.search(c.simplified)
                       and (c.cover >= CLAUSE_NEED_COVER or p.leans_on is not None)]
            if not fitting:
                return self._abstain(p, retrieved, clauses, "value")
        if p.ask.kind == "value":
            return self._answer_value(p, q_s, fitting, clauses, best, retrieved)
        if not _case_facts(q_s):
            # "补贴金额从哪天开始算": a worked example's months are its case's, not the rule
            fitting = [c for c in fitting if not self._in_worked_example(c)] or fitting
        # "补贴中途断了，之后还能接着领吗": a question-and-answer heading that asks what the
        # question asks ("补贴中途断了，之后还能继续享受吗？") is answered under it
        asked_there = [c for c in fitting if _asks_what_heading_asks(q_s, self._heading_s(c))]
        best = max(asked_there or fitting, key=lambda c: c.score)
        if self._discount_of_another(p, q_s, best):
            return self._abstain(p, retrieved, clauses, "value")
        return self._compose(p, best, clauses, retrieved)

    def _outside(self, p: Parsed, asked: str, hits: list[Hit]) -> "str | Answer":
        """Why the question is outside what the corpus covers, from the question alone: an
        abstention reason, "" when none, or the answer to a misremembered period.

        Args:
            asked: the sentence that asks, without what the writer first tells about themselves
        """
        corpus_s = self.structure.corpus_s
        q_s = standard_mandarin(to_simplified(asked))
        if about_other_place(q_s):
            return "other-place"
        if OFF_TOPIC.search(q_s) or OFF_TOPIC.search(asked):
            return "off-topic"
        named = re.findall(r"\d+\s*号线|\d+\s*路公交|\d+\s*路车|line \d+|PM\s*\d+(?:\.\d+)?", q_s, re.I)
        named = [n.replace(" ", "").upper() if n[:2].lower() == "pm" else n.replace(" ", "") for n in named]
        if any(n not in corpus_s for n in named):
            return "off-topic"  # "地铁19号线" is not in the policy
        if re.search(r"吧|对吗|对不对|是不是|没错", q_s) and re.search(r"十[一二三四五六七八九]五", q_s) \
                and other_period(asked, q_s, corpus_s):
            # "十大工程是“十五五”期间搞的吧？": a period misremembered; the document's own period
            period = self.structure.answer_document(replace(p, ask=Ask("document", value="period")), hits)
            if period is not None:
                return period
        unit = _ASKED_UNIT.search(q_s)
        unit = unit.group(1) if unit else _EN_UNITS.get((_ASKED_UNIT_EN.search(asked) or [None, ""])[1].lower(), "")
        if unit and not re.search(rf"\d\s*(万|亿)?\s*{unit}(?![钟之])", corpus_s):  # 分 of points, not 分钟
            return "value"  # "猪肉储备有多少吨", "how many tonnes of pork": no figure in tonnes anywhere
        docno = _DOC_NUMBER.search(q_s)
        if docno and re.sub(r"\s+", "", docno.group(0)) not in corpus_s.replace(" ", ""):
            return "other-document"  # "按已经废止的旧办法（成人社发〔2022〕177号）"
        for reason, outside in (("other-period", lambda: other_period(asked, q_s, corpus_s)),
                                ("baseline", lambda: only_baseline(q_s, corpus_s)),
                                ("district", lambda: district_share(asked, q_s)),
                                ("between-places", lambda: between_places(q_s)),
                                ("other-document", lambda: other_document(q_s, self._titles_s)
                                 or defined_elsewhere(q_s, corpus_s)),
                                ("unknown-name", lambda: unknown_name(q_s, corpus_s)),
                                ("unnamed-item", lambda: unnamed_item(q_s, corpus_s))):
            if outside():
                return reason
        return ""

    def _with_evidence(self, p: Parsed, q_s: str, pool: list[Clause], needs: tuple[str, ...], best: Clause,
                       retrieved) -> "list[Clause] | str | Answer":
        """The clauses that show what the question needs (an amount, a place, a date...): the
        clauses, or the need none shows (to abstain on), or the document's period for "when"."""
        classes = class_letters(q_s)
        facts = _case_facts(q_s)
        checked = [n for n in needs if n in NEED_EVIDENCE]
        if checked and p.script == ENGLISH:
            # "…through the 'talent loan' (人才贷) product": the Chinese name the question gives
            # is what the clause's document must speak of, not only the glossary's looser terms
            pool = [c for c in pool if self._in_named_document(q_s, c)]
            if not pool:
                return checked[0]
        top_cover = max((c.cover for c in pool), default=0.0)
        for need in checked:
            pattern = PLACE_ONLINE if need == "place" and ONLINE_ASK.search(p.asked + " " + q_s) else NEED_EVIDENCE[need]
            # "通过哪个APP推送": a quoted name is an app's only if it reads like one, and the project
            # heading the clause sits under (智慧韧性安全城市建设工程) names no app
            app_asked = need == "name" and _APP_ASKED.search(q_s) is not None
            if app_asked:
                pattern = _APP_NAMED
            if need == "time" and _VALIDITY_ASKED.search(q_s):
                pattern = _VALIDITY_STATED  # "细则有效期到哪一年": 次年度 is when it pays, not until when
            cover_needed = (ENGLISH_NEED_COVER if not has_cjk(p.asked)
                            else NAME_NEED_COVER if need in ("name", "names") else NEED_COVER)
            if p.leans_on is not None:
                cover_needed *= FOLLOW_UP_NEED  # the earlier turn's words are the topic, not all its wording
            member = _member_asked(q_s) if need == "conditions" else ""
            fitting = [c for c in pool if (pattern.search(c.simplified) or need == "name" and not app_asked and _named_by_heading(c)
                                           or member and member in c.simplified)
                       and not (need == "conditions" and self._conditions_elsewhere(c.simplified))
                       # "when will the Giant Panda National Park open": 每年 sits in the clause about
                       # park scenes beside it, not in the one naming the park
                       and not (need == "time" and c.cover < TIME_CLAUSE_SHARE * top_cover)
                       and (self._chunk_cover(p, c, NEEDS[need] if need in PERSON_NEEDS else "") >= cover_needed
                            or need in ("money", "free", "concession") and c.cover >= CLAUSE_NEED_COVER
                            # "十大工程的钱从哪来": the clause most about the question says who pays;
                            # the city's funds for the ten projects do not pay for 微型消防站
                            or need == "funder" and c is best
                            or need == "name" and c.cover >= NAME_CLAUSE_COVER
                            or member and member in c.simplified
                            or classes & class_letters(c.simplified) and c.cover >= CLAUSE_NEED_COVER
                            or self._works_through(facts, c))]
            if not fitting and need == "time" and len(needs) == 1 and best.cover >= 0.5 \
                    and COMPLETION.search(to_simplified(p.asked)):
                period = self.structure.document_period(p, self._cite(best), retrieved)
                if period is not None:
                    return period
            if not fitting:
                return need
            pool = fitting
        return pool

    def _answer_value(self, p: Parsed, q_s: str, pool: list[Clause], clauses: list[Clause], best: Clause,
                      retrieved) -> Answer:
        """A figure first, from the clause that states one of the asked kind about the asked
        subject; or an abstention saying the figure is not stated."""
        with_value = [c for c in pool if c.value]
        # a worked example's figures answer only a question about such a case, and a question
        # that sets out a case ("E类人才租60平米、月租30块") is answered by the example that
        # works through most of it (its result, after "=")
        facts = _case_facts(q_s)
        case = {c.chunk.id: _case_match(facts, self._chunk_s[self._position[c.chunk.id]])
                for c in with_value if _is_example(c)}
        with_value = [c for c in with_value if c.chunk.id not in case or case[c.chunk.id]]
        closest = max(case.values(), default=0)
        if closest >= CASE_FACTS:
            with_value = [c for c in with_value if case.get(c.chunk.id) == closest]
            with_value = [c for c in with_value if "=" in c.simplified] or with_value
        if "per-unit" in p.ask.needs:
            # "每户摊多少": a city-wide total does not answer a per-household question
            # ... and one about something else ("安置房每人能分几平方米": not the sports grounds' 人均2.5平方米)
            with_value = [c for c in with_value if PER_UNIT.search(c.simplified)
                          and (c.cover >= PER_UNIT_COVER or p.previous_answer is not None)]
            if not with_value:
                return self._abstain(p, retrieved, clauses, "per-unit")
        if _TENS_OF_THOUSANDS.search(q_s):
            # "常住人口控制在多少万以内": a figure counted in 万, not 千人口床位's 9.5张
            with_value = [c for c in with_value if "万" in c.value]
        counted = _ASKED_COUNTER.search(q_s)
        if counted and any(g.endswith(counted.group(1)) for g in figures_left_out(q_s)):
            # "6100个老旧小区改造，2021年计划完成多少个": counted in the unit it states (个, not 10000户)
            with_value = [c for c in with_value if c.value.endswith(counted.group(1))]
        if counted and counted.group(1) in _STRICT_COUNTERS:
            # "多少户签字同意": households are not the 6100个 compounds renovated
            fits = _STRICT_COUNTERS[counted.group(1)]
            with_value = [c for c in with_value if c.value.endswith(fits) or not _COUNTER_END.search(c.value)]
        if not has_cjk(p.asked):
            # "How many new Grade-3A hospitals": the clause naming them, not 78 health projects
            with_value = [c for c in with_value if names_counted(p.asked, c.simplified, c.value)]
        if p.ask.value == "money" and p.leans_on is None:
            # "C类人才安家补贴每月多少": the 安家补贴's 3000元, not the same class's 企业引才补贴 3万元
            with_value = [c for c in with_value if not self._other_subsidy(p, c)] or with_value
        with_value = _of_the_asked_sense(p, q_s, with_value)
        if not with_value and p.ask.value == "duration" and best.cover >= 0.5 \
                and COMPLETION.search(to_simplified(p.asked)):
            period = self.structure.document_period(p, self._cite(best), retrieved)  # "这个要多少年完成"
            if period is not None:
                return period
        if not with_value:
            return self._abstain(p, retrieved, clauses, "value" if best.cover >= 0.5 else "off-topic")
        if p.previous_answer and with_value:
            # "人均面积至少多少" after "规划建设一类应急避难场所23个": the clause the earlier answer
            # quoted goes on to say it (2平方米), before the sports grounds' 2.5平方米
            line = to_simplified(p.previous_answer.strip().split("\n")[0])
            said = _SAID.findall(line)
            # the one figure it gave (not one of several, in whatever units)
            said = _bare_figure(said[0]) if len(said) == 1 and len(re.findall(r"\d+(?:\.\d+)?", line)) == 1 else ""
            top = max(c.cover for c in with_value)
            same = [c for c in with_value
                    if said and re.search(r"(?<![\d.])" + re.escape(said), _bare_figure(c.simplified))
                    and _bare_figure(c.value) != said and c.cover >= FOCUS_COVER * top]
            with_value = same or with_value
        # "臭氧浓度的目标是多少": 38微克 is PM2.5's; "注册护士数": 9.5张 counts beds; a PhD's
        # allowance is the clause naming 博士, not the one naming 硕士 and 本科
        best_v = max(with_value, key=_figure_score)
        if _of_another_kind(q_s, best_v):
            phrase = figure_phrases(best_v.simplified, to_simplified(best_v.value))[0]
            own_kind = [c for c in with_value if names_asked_kind(q_s, c.simplified, phrase, best_v.simplified)
                        and not _of_another_kind(q_s, c)]
            if not own_kind and p.leans_on is not None and _KIND_CONFIRMED.search(q_s):
                # "乡村社区呢，也是步行吗": the clause about the conversation's subject says which kind
                return self._compose(p, best_v, clauses, retrieved)
            if not own_kind:
                return self._abstain(p, retrieved, clauses, "neighbour")
            best_v = max(own_kind, key=_figure_score)
        if best_v.cover < VALUE_COVER and best_v.dense < VALUE_DENSE:
            return self._abstain(p, retrieved, clauses, "value")
        quoted = re.search(r"[“\"「]([\u4e00-\u9fff]{2,10})[”\"」]", q_s)
        if quoted and quoted.group(1).endswith(_INDICATOR_ENDS) and spell_out(quoted.group(1)) not in self.structure.corpus_s:
            # "学生体质健康的“优秀率”目标是多少": the policy names no such indicator (its 50% is the 优良率);
            # a quoted everyday name ("人才房") is still looked up
            return self._abstain(p, retrieved, clauses, "value")
        if quoted and quoted.group(1) in self.structure.corpus_s \
                and quoted.group(1) not in best_v.simplified + self._path_s[self._position[best_v.chunk.id]] \
                and not any(c.value for c in clauses if quoted.group(1) in c.simplified):
            # "8.5折的那个“政策面积”是多少平方米": the clauses using the quoted term state no figure
            # (a heading quoted, "“山更绿”的森林覆盖率", names the clauses under it)
            return self._abstain(p, retrieved, clauses, "value")
        if self._indicator_unknown(q_s, best_v) or self._counted_unknown(q_s):
            # "农村自来水普及率要达到多少": no document names a 普及率; 98% is the water sources' 达标率
            return self._abstain(p, retrieved, clauses, "value")
        # (a discount is no indicator: "人才公寓打几折？是房价打折吗" does not ask the 房价收入比)
        stated = _named_without_figure(expand_query(to_simplified(asked_sentence(p.asked))), pool, best_v) \
            if p.ask.value != "discount" else None
        if stated is not None and p.leans_on is None and len(_shared_stretch(q_s, stated.simplified)) >= STATED_AGAIN \
                and not _LEVEL_ASKED.search(q_s):
            # "房价收入比保持较低水平，具体控制在几比几": the question already says what the clause says
            return self._abstain(p, retrieved, clauses, "value")
        if stated is not None and p.leans_on is None:
            if _NUMBER_ASKED.search(q_s):
                # "房价收入比具体要控制在几倍以内": a number asked, and the clause gives none
                return self._abstain(p, retrieved, clauses, "value")
            # "房价收入比控制在什么水平": the one clause naming that indicator says "较低水平";
            # 城乡收入比1.8:1 is another indicator's figure
            return self._compose(p, stated, clauses, retrieved)
        if p.leans_on is None and best_v.cover < SUBJECT_COVER and self._subject_without_figure(q_s, clauses, best_v):
            # "集体经营性建设用地入市，农民能分到几成": the clause naming it states no share; 7% is
            # how fast property income grows, in a clause about little else the question says
            return self._abstain(p, retrieved, clauses, "value")
        if _NOTICE.search(best_v.simplified[:best_v.simplified.find(best_v.value)]) \
                and not _NOTICE_ASKED.search(q_s + " " + topic_text(p)):
            # "公示5个工作日" is how long a list is posted, not how long processing or payment takes
            return self._abstain(p, retrieved, clauses, "value")
        # the clause most about the question may rank below the figure's on similarity
        # ("创业孵化器的场地租金减免几个月": the rent subsidy's 36个月 ranks above 孵化器's clause)
        if self._counts_something_else(p, q_s, (best, max(clauses, key=lambda c: c.cover)), best_v):
            return self._abstain(p, retrieved, clauses, "value")
        asked = _asked_part(q_s)
        if asked and p.leans_on is None and not self._works_through(facts, best_v) \
                and self._covers(asked, best_v) < TURN_COVER:
            # "PM2.5是要小于38微克，那臭氧浓度的目标是多少", "买人才公寓享受8.5折，要交满几年社保":
            # the figure asked is the new subject's, not the stated fact's
            return self._abstain(p, retrieved, clauses, "value")
        if asked and p.leans_on is None and self._asked_of_stated_clause(q_s, asked, clauses, best_v):
            return self._abstain(p, retrieved, clauses, "value")
        if self._discount_of_another(p, q_s, best_v):
            return self._abstain(p, retrieved, clauses, "value")
        if self._trend_without_figure(p, best_v):
            # "刑事案件总量要下降多少": the clause says it keeps falling (持续下降); its 20% is how
            # much shorter civil lawsuits get
            return self._abstain(p, retrieved, clauses, "value")
        if _other_scope(asked or q_s, best_v.simplified):
            # "郊县农村用户的供电可靠率": 99.9% is the central city's
            return self._abstain(p, retrieved, clauses, "value")
        valid_of = re.search(r"([\u4e00-\u9fff]{2,6}?)的?有效期", q_s)
        if valid_of and valid_of.group(1) not in best_v.simplified \
                and not re.search(r"办法|细则|政策|文件|意见|规定|措施|这|本|该", valid_of.group(1)):
            # "租赁码的有效期是多久": 有效期5年 is the urgent-talent rules' own term, not the code's
            return self._abstain(p, retrieved, clauses, "value")
        if _VALIDITY_ASKED.search(q_s) and "有效" not in best_v.simplified:
            # "人才优租行动实施细则有效期是几年": 36个月 is how long the subsidy is paid
            return self._abstain(p, retrieved, clauses, "value")
        if p.script == ENGLISH and not self._in_named_document(q_s, best_v):
            # "How many years is the rule (人才优租行动实施细则) valid for": not the urgent-talent rules' 5年
            return self._abstain(p, retrieved, clauses, "value")
        # a worked example's amount is about the case its whole passage sets out
        example = "例如" in self._chunk_s[self._position[best_v.chunk.id]]
        cover = max(best_v.cover, self._chunk_cover(p, best_v)) if example else best_v.cover
        if p.ask.value == "days" and not re.search(r"[天日晚]", best_v.value):
            # "合同签订后几天内要登记": days asked, and the labour contract's 3年 counts years
            return self._abstain(p, retrieved, clauses, "value")
        if p.ask.value in ("money", "age") and cover < MONEY_COVER:
            # an amount or an age belongs to whoever its clause is about: the 2000元 for talents
            # does not answer "托育补贴补多少", nor life expectancy's 82.4岁 "助餐要满多少岁"
            return self._abstain(p, retrieved, clauses, "value")
        return self._compose(p, best_v, clauses, retrieved)

    def _discount_of_another(self, p: Parsed, q_s: str, c: Clause) -> bool:
        """"老年人坐地铁有免费或打折吗": a discount asked about, and the clause's discount
        (the talent apartments' 8.5折) belongs to something the question does not name."""
        if not (p.ask.value == "discount" or _DISCOUNT_ASKED.search(q_s)):
            return False
        # "那租人才公寓呢，租金也打折吗": 8.5折 is for buying one, not for renting
        renting = re.search(r"租", to_simplified(p.asked)) and re.search(r"购买|买", c.simplified) and "租" not in c.simplified
        return bool(renting) or not self._names_subject(p, c)

    def _follow_up_focus(self, p: Parsed, clauses: list[Clause]) -> list[Clause]:
        """For a follow-up, the clauses about its own new words ("那燃气这块呢？" → 燃气),
        when any candidate covers them; otherwise all candidates."""
        if p.leans_on is None:
            return clauses
        weights = topic_weights(topic_words(topic_text(p, p.asked)), self.retriever)
        if not weights:
            # "药呢？": a one-character topic still decides which clause is meant
            weights = {ch: 1.0 for ch in _CJK.findall(to_simplified(p.asked))
                       if ch not in FUNCTION_CHARS and ch not in STOPWORDS and ch not in "呢吗么啊吧"}
            if not weights:
                return clauses
        own = [coverage(weights, c.simplified + " " + self._path_s[self._position[c.chunk.id]])
               for c in clauses]
        top = max(own, default=0.0)
        if top < FOCUS_COVER / 2:
            return clauses
        # as close to the best as the glossary's alternatives allow (农村 or 乡村 or 城乡)
        return [c for c, x in zip(clauses, own) if x >= FOCUS_COVER * top]

    def _heading_s(self, c: Clause) -> str:
        """The whole heading line a clause sits under, in Simplified (a question-and-answer
        heading runs on past the comma its section path stops at)."""
        head = self._position.get(c.chunk.id.split("/p")[0], self._position[c.chunk.id])
        return self._chunk_s[head].split("\n")[0]

    def _in_worked_example(self, c: Clause) -> bool:
        """Whether a clause is part of a worked example, which may run over several paragraphs
        of its section after "例如：…" ("第一段2月至6月补贴金额为…")."""
        head = self._position.get(c.chunk.id.split("/p")[0])
        start = self.index.chunks[head].start if head is not None else c.chunk.start
        return _is_example(c) or any(o in self.docs[c.chunk.doc_id].text[start:c.start] for o in EXAMPLE_OPENERS)

    def _replies_to_question(self, chunk) -> bool:
        """Whether a chunk is the reply under a question heading (a FAQ's "九、…是连续计算还是
        可以间断？…" — its path keeps the heading only up to the first comma)."""
        if not chunk.section_path:
            return False
        # the line before the chunk (a heading is short: no need to copy the document up to it)
        text = self.docs[chunk.doc_id].text
        heading = text[max(0, chunk.start - QA_HEADING_CHARS):chunk.start].rstrip().rsplit("\n", 1)[-1]
        return heading.endswith(("？", "?")) and heading.startswith(chunk.section_path[-1].strip()[:8])

    def _cite(self, c: Clause) -> Citation:
        return cite(self.docs[c.chunk.doc_id], c.chunk, c.start, c.end)

    def _names_subject(self, p: Parsed, c: Clause) -> bool:
        """Whether a clause names what the question asks about, leaving out the words that only
        ask for the figure (打几折, 优惠, 免费) and the glossary's terms for them."""
        subject = _DISCOUNT_WORDS.sub(" ", standard_mandarin(to_simplified(p.asked)))
        weights = topic_weights(topic_words(topic_of(subject)), self.retriever)
        if not weights or p.leans_on is not None:
            return True  # "打几折？", "要是买的话能打几折": the conversation names the subject
        at = self._position[c.chunk.id]
        return coverage(weights, self._chunk_s[at] + " " + self._path_s[at], partial=False) > 0

    def _conditions_elsewhere(self, text_s: str) -> bool:
        """Whether a clause's conditions are another document's ("满足《成都市人才分类目录》A类条件"):
        the criteria themselves are not in the corpus."""
        named = re.findall(r"《([^》]{2,40})》[^，。；]{0,24}条件", text_s)
        return bool(named) and not re.search(r"以下条件|下列条件|须同时|年满", text_s) \
            and all(not any(same_title(n, t) for t in self._titles_s) for n in named)

    def _anchored_document(self, q_s: str) -> str:
        """The one document holding every figure the question states ("8.5折", "850公里"), when
        only one does; "" when it states none or several documents hold them."""
        stated = {_bare_figure(m.group(0)) for m in _STATED.finditer(q_s)}
        if not stated:
            return ""
        holding = [d for d, text in self._doc_unspaced.items() if all(x in text for x in stated)]
        return holding[0] if len(holding) == 1 else ""

    def _counts_something_else(self, p: Parsed, q_s: str, about: tuple[Clause, ...], best_v: Clause) -> bool:
        """Whether the figure found counts something other than what the question asks about.

        Args:
            about: the clauses most about the question (best ranked, best covering);
            best_v: the clause whose figure was found
        """
        part = _PART_ASKED.search(q_s)
        return bool(
            # "其中已经开通运营的是多少公里": 850公里 counts lines running and under construction
            _ONLY_PART.search(q_s) and _JOINT.search(_lead_in(best_v))
            # "新增的养老床位里，认知障碍照护型床位有多少张": 10000张 is all the new beds
            or part and p.leans_on is None and not self._names_part(part, best_v)
            # "the maximum start-up subsidy for a young graduate": 800元 is a living subsidy (生活补贴)
            or p.ask.value == "money" and p.leans_on is None and self._other_subsidy(p, best_v)
            # "菜市场标准化改造每家补贴多少钱": 菜市场 is the ten projects' word, the urgent-talent
            # rules' 10万元 per company is about something else; "租赁码有效期多久": not their 5年
            or p.ask.value in ("money", "duration", "days", "percent", "date") and any(
                best.chunk.doc_id != best_v.chunk.doc_id and best.cover > best_v.cover
                and self._only_elsewhere(p, q_s, best, best_v) for best in about)
            # "How many elderly canteens…": 10000张 counts beds; "how many metro lines": not 850公里
            or not has_cjk(p.asked) and not counted_as_asked(p.asked, best_v.value)
            # "二类应急避难场所呢，建多少个": 23个 are the first-class ones
            or _other_grade(q_s, best_v.simplified))

    def _asked_of_stated_clause(self, q_s: str, asked: str, clauses: list[Clause], c: Clause) -> bool:
        """"人才公寓享受8.5折，政策面积上限是多少平方米": what is asked (政策面积) is a term of the
        clause stating the question's own figure, which gives no such figure; a figure from
        another clause (体育场地面积2.5平方米) is about something else."""
        stated = {_bare_figure(m.group(0)) for m in _STATED.finditer(q_s)}
        for x in clauses:
            if x.chunk.id != c.chunk.id and any(f in _bare_figure(x.simplified) for f in stated):
                term = _shared_stretch(asked, x.simplified)
                if len(term) >= STATED_TERM and term not in c.simplified:
                    return True
        return False

    def _in_named_document(self, q_s: str, c: Clause) -> bool:
        """Whether a clause's document uses every Chinese name an English question gives
        ("the 'talent loan' (人才贷) product") that the corpus knows."""
        named = [t for t in re.findall(r"[\u4e00-\u9fff]{2,}", q_s) if t in self.structure.corpus_s]
        return all(t in self._doc_unspaced[c.chunk.doc_id] for t in named)

    def _names_subsidy(self, kind: str, c: Clause) -> bool:
        """Whether a clause names a kind of subsidy, itself or as "本办法规定的补贴" of a document paying it."""
        text = c.simplified + self._path_s[self._position[c.chunk.id]]
        return kind in text or bool(re.search(r"本(办法|细则)规定的补贴", text)) and kind in self._doc_unspaced[c.chunk.doc_id]

    def _unknown_subsidy(self, q_s: str) -> bool:
        """Whether the question names a kind of subsidy ("社保补贴") no document pays under that name."""
        for kind in _kinds_of_subsidy(q_s):
            if _SUBSIDY.fullmatch(kind + "补贴"):
                continue
            paid = re.compile(re.escape(kind) + r"[^，。；]{0,6}(补贴|补助|资助|奖励|津贴)")
            if not any(paid.search(text) for text in self._doc_unspaced.values()):
                return True
        return False

    def _names_what_is_subsidised(self, p: Parsed, own: list[str], c: Clause) -> bool:
        """Whether a clause's chunk pays something and names what the question asks a subsidy
        for; an English question whose object the glossary does not know names nothing the
        corpus has.

        Args:
            own: the question's words other than 补贴, 成都, 政府…
        """
        at = self._position[c.chunk.id]
        text = self._chunk_s[at] + " " + self._path_s[at]
        if not _PAYS.search(text):
            return False
        return any(w in text for w in own) if own else has_cjk(p.asked)

    def _trend_without_figure(self, p: Parsed, c: Clause) -> bool:
        """Whether the question is about a target its clause sets as a direction only
        ("刑事案件总量…持续下降") beside the figure found, which belongs to another target."""
        weights = {w: x for w, x in topic_weights(topic_words(to_simplified(topic_text(p, p.asked))),
                                             self.retriever).items() if len(w) >= 2}
        parts = _PHRASE_BREAK.split(c.simplified)
        own = next((s for s in parts if c.value and c.value in s), None)
        if not weights or own is None:
            return False
        def named(s):
            return sum(x for w, x in weights.items() if w in s)
        trends = [s for s in parts if s is not own and _DIRECTION_ONLY.search(s) and not re.search(r"\d", s)]
        top = max(trends, key=named, default="")
        return bool(top) and named(top) > named(own) and named(top) >= 0.5 * sum(weights.values())

    def _other_subsidy(self, p: Parsed, c: Clause) -> bool:
        """Whether the question names a kind of subsidy the policy has (创业补贴, 安家补贴) and the
        clause pays other kinds (…生活补贴) without naming it."""
        words = topic_words(to_simplified(topic_text(p)))
        # named whole ("创业补贴") or as a word beside 补贴 ("start-up subsidy" → 创业 补贴)
        asked = {m.group(1) for m in _SUBSIDY.finditer(" ".join(words))} | {
            w for w in words if _SUBSIDY.fullmatch(w + "补贴")}
        # the article's title says what it pays when its clause does not ("第七条 企业引才补贴")
        named = c.simplified + " " + self._path_s[self._position[c.chunk.id]]
        paid = {m.group(1) for m in _SUBSIDY.finditer(named)}
        return bool(asked) and bool(paid) and not asked & paid and not any(w in named for w in asked)

    def _names_part(self, part: "re.Match", c: Clause) -> bool:
        """Whether a clause names the part a question asks of a whole ("X里，Y有多少" → Y's own words)."""
        whole = set(topic_words(part.group(1)))
        # "申请门槛里，年龄要满几岁" asks a measure of the whole, not a part of it
        own = [w for w in topic_words(part.group(2)) if w not in whole and len(w) >= 2 and w not in _MEASURES]
        # the words around the figure name it ("邻里人家”50个" is no 便利店), and a glossary term
        # the whole already names is not the part (便利店 → 社区连锁店)
        text = figure_phrases(c.simplified, to_simplified(c.value))[0] \
            if c.value and whole_of(part.string) is not None else c.simplified
        return not own or any(w in text or expand_query(w) != w and any(
            x in text and x not in part.group(1) for x in expand_query(w).split()) for w in own)

    def _only_elsewhere(self, p: Parsed, q_s: str, about: Clause, c: Clause) -> bool:
        """Whether the question names a distinctive word of a clause (`about`) that the
        document of another clause (`c`) never uses."""
        own = self._doc_unspaced[c.chunk.doc_id]
        # English names its words through the glossary's policy terms
        weights = topic_weights(topic_words(q_s if has_cjk(p.asked) else topic_text(p)), self.retriever)
        return any(weight >= ONLY_ELSEWHERE_IDF and w in about.simplified and w not in own
                   for w, weight in weights.items())

    def _works_through(self, facts: frozenset[str], c: Clause) -> bool:
        """Whether a clause belongs to a worked example of the case a question sets out."""
        return _is_example(c) and _case_match(facts, self._chunk_s[self._position[c.chunk.id]]) >= CASE_FACTS

    def _subject_without_figure(self, q_s: str, clauses: list[Clause], best_v: Clause) -> bool:
        """Whether the longest stretch of the question the documents hold (of SUBJECT_STRETCH
        characters or more) is missing from the figure's clause and its path, while the candidate
        clauses that hold it state no figure and are more about the question."""
        size = SUBJECT_STRETCH
        subject = ""
        for i in range(len(q_s)):
            while i + size <= len(q_s) and _CJK_RUN.fullmatch(q_s[i:i + size]) \
                    and q_s[i:i + size] in self.structure.corpus_s:
                subject, size = q_s[i:i + size], size + 1
        if not subject or subject in best_v.simplified + self._path_s[self._position[best_v.chunk.id]]:
            return False
        naming = [c for c in clauses if subject in c.simplified]
        return bool(naming) and not any(c.value for c in naming) \
            and max(c.cover for c in naming) >= best_v.cover + SUBJECT_MARGIN

    def _indicator_unknown(self, q_s: str, c: Clause) -> bool:
        """Whether the question names an indicator (…率), or an amount no document names (年薪), that
        the figure's clause does not: neither the term, its stem nor its ending (受理率 is covered by
        "受理、回访率达…")."""
        for m in re.finditer(r"([\u4e00-\u9fff]{2})率|([\u4e00-\u9fff])(薪|资|息|金|费|价|税)(?=(?:要求|要|需要|得)?(?:达到|是|为|有)?(?:多少|几))", q_s):
            term = m.group(0)
            if m.group(2) and term not in segment(q_s):
                continue  # "市场价多少": 场价 is half of a word, not an amount
            # 追溯 → 溯源, 可溯源; an amount's glossary terms (房租 → 租金)
            stems = re.findall(r"[\u4e00-\u9fff]+", expand_query(m.group(1))) if m.group(1) \
                else [t for t in re.findall(r"[\u4e00-\u9fff]+", expand_query(term)) if t != term]
            # an indicator the documents name elsewhere is another subject's (食品…合格率 is not 可溯源率)
            if (m.group(1) or term not in self.structure.corpus_s) and term[-2:] not in c.simplified \
                    and not any(stem in c.simplified for stem in stems):
                return True
        return False

    def _counted_unknown(self, q_s: str) -> bool:
        """Whether what a count asks for is said in a word no document uses ("多少户签字同意":
        no document counts signatures)."""
        for m in _ASKED_COUNTER.finditer(q_s):
            if m.group(1) == "个" or re.search(r"[们这那]$", q_s[:m.start()]):
                continue  # 个 counts anything ("几个百分点"); "我们几个退休老师" is no count asked
            after = [w for w in segment(q_s[m.end():]) if w.strip()]
            word = after[0] if after else ""
            if len(word) >= 2 and has_cjk(word) and word not in STOPWORDS and word not in self.structure.corpus_s \
                    and not any(t in self.structure.corpus_s for t in re.findall(r"[\u4e00-\u9fff]{2,}", expand_query(word)[len(word):])):
                return True
        return False

    def _covers(self, text: str, c: Clause) -> float:
        """Share of a text's topic words (IDF-weighted) that a clause and its path cover (1.0
        when the text has none: "具体多少个" names nothing to cover)."""
        weights = topic_weights(topic_words(topic_of(text)), self.retriever)
        if not weights:
            return 1.0
        return coverage(weights, c.simplified + " " + self._path_s[self._position[c.chunk.id]])

    def _chunk_cover(self, p: Parsed, c: Clause, without: str = "") -> float:
        """Share of the question's topic bigrams found in the clause's chunk and its path.

        Bigrams, not words: "市民卡" is not covered by a text that only says "市民".
        Args:
            without: a pattern for words of the question left out (the kind of person asked
                about, which the clause itself must name in its own words: 户口 → 户籍)
        """
        # what the writer first tells about themselves ("我女儿刚生二胎。") is not for the chunk to hold
        own = spelled_topic(p.searched if p.leans_on is not None else asked_sentence(p.asked))
        if not topic_grams(own):
            # "I want to rent 保障性租赁住房. What's the minimum age?": the topic was said before
            own = spelled_topic(p.asked)
        topic = re.sub(without, " ", own) if without else own
        words = topic_words(topic)
        grams = topic_grams(topic)
        if not grams:
            return 0.0
        at = self._position[c.chunk.id]
        text = self._chunk_s[at] + " " + self._path_s[at]
        by_gram = sum(g in text for g in grams) / len(grams)
        by_word = coverage(topic_weights(words, self.retriever), text, partial=False)
        return min(by_gram, by_word)

    def _compose(self, p: Parsed, best: Clause, clauses: list[Clause], retrieved) -> Answer:
        doc = self.docs[best.chunk.doc_id]
        citations = [self._cite(best)]
        if best.chunk.kind == "text" and self._replies_to_question(best.chunk) \
                and best.chunk.end - best.chunk.start <= QA_REPLY_CHARS and p.ask.kind != "value":
            # a question-and-answer document: its short reply reads whole ("不能。…终止发放。")
            citations = [cite(doc, best.chunk, best.chunk.start, best.chunk.end)]
        if best.text.rstrip().endswith(("：", ":")):
            for x in self.structure.following_items(best.chunk):
                end = x.end if x.kind != "heading" else title_end(x)
                citations.append(cite(self.docs[x.doc_id], x, x.start, end))
        # a second clause when it is nearly as good and says something else
        runner = [c for c in clauses if c is not best and c.score >= best.score - RUNNER_UP_MARGIN
                  and (c.value or p.ask.kind != "value") and c.text not in best.text]
        if _is_example(best) and self._works_through(_case_facts(to_simplified(p.asked)), best):
            # a worked example's result reads with the sentence setting out its case
            runner = [c for c in clauses if c.chunk.id == best.chunk.id and c.start < best.start
                      and c.text.lstrip().startswith(EXAMPLE_OPENERS)] or runner
        if runner and p.ask.kind in ("statement", "value") and len(citations) == 1:
            r = max(runner, key=lambda c: c.score)
            citations.append(self._cite(r))
        clause_text = to_script(citations[0].quote, p.script)
        if p.ask.kind == "value" and best.value:
            lead = to_script(best.value, p.script)
        else:
            lead = clause_text
        if p.script == ENGLISH:
            lead_line = _english_lead(p.ask, best.value, citations[0])
            body = lead_line + "\n" + "\n".join(f"“{c.quote}”" for c in citations)
        else:
            quotes = "\n".join(f"“{to_script(c.quote, p.script)}”" for c in citations)
            body = (f"{lead}。\n{quotes}" if lead != clause_text else quotes)
        text = with_sources(body, citations, p.script)
        retrieved = self.structure.pinned(self.structure.positions_of(citations[:1]), retrieved)
        return Answer(p.asked, True, text, citations, retrieved, p.searched, p.script, lead=lead,
                      notices=p.notices)

    def _abstain(self, p: Parsed, retrieved, clauses: list[Clause], reason: str) -> Answer:
        near = sorted(clauses, key=lambda c: c.score, reverse=True)
        citations, seen = [], set()
        for c in near:
            if c.chunk.id in seen or reason in ("off-topic", "other-place") and c.score < 0.3:
                continue
            seen.add(c.chunk.id)
            citations.append(self._cite(c))
            if len(citations) == 3:
                break
        message = abstain_message(reason, p.script)
        if citations:
            related = "\n".join(f"- “{to_script(c.quote, p.script)}”（{to_script(c.section, p.script)}）"
                                if p.script != ENGLISH else f"- “{c.quote}” ({c.section})" for c in citations)
            head = "最相关的条款：" if p.script != ENGLISH else "Nearest related clauses:"
            message += "\n" + to_script(head, p.script) + "\n" + related
        return Answer(p.asked, False, message, citations, retrieved, p.searched, p.script,
                      reason=reason, notices=p.notices)


# ------------------------------------------------------------------ text

_CJK = re.compile(r"[\u4e00-\u9fff]")


_KIND_CONFIRMED = re.compile(r"(也|还|都)?是[^，。？?]{1,6}(吗|么|吧)[？?]?$")


def _asks_what_heading_asks(q_s: str, heading_s: str) -> bool:
    """Whether a question-and-answer heading (one ending in a question mark) shares a long
    stretch of the question's words."""
    return heading_s.rstrip().endswith(("？", "?")) and _shared_runs(q_s, heading_s) >= FAQ_STRETCH


def _of_the_asked_sense(p: Parsed, q_s: str, with_value: list[Clause]) -> list[Clause]:
    """The candidate figures that answer in the sense asked: an amount paid (not a price per
    square metre), a month's amount, a minimum (not an upper limit), a part of a stated whole,
    a price's move."""
    if p.ask.value in ("money", "count") and any("元" in c.value for c in with_value) \
            and not _PER_AREA_ASKED.search(q_s + " " + p.asked):
        # "how much monthly subsidy does Xiao Wang get": 月租金30元/平方米 is the rent the worked
        # example starts from, not an amount paid; and a month's amount (750元) is asked, not
        # the year's (7000元)
        with_value = [c for c in with_value if not _PER_AREA.match(
            c.simplified[c.simplified.find(c.value) + len(c.value):])] or with_value
        if _MONTHLY_ASKED.search(q_s + " " + p.asked):
            with_value = [c for c in with_value if "元" in c.value and _MONTHLY.search(c.simplified)] or with_value
    if _MINIMUM_ASKED.search(q_s + " " + p.asked):
        # "至少要租多少平方米才能领": 补贴面积上限50平方米 is a maximum, not a minimum
        with_value = [c for c in with_value if not any(
            _MAXIMUM.search(ph) for ph in figure_phrases(c.simplified, to_simplified(c.value)))]
    whole = _EN_WHOLE.search(p.asked)
    if whole and not has_cjk(p.asked):
        # "Of the 400 new or expanded schools, how many are kindergartens": a part, not the 400
        # ... and the part is stated beside its whole, if at all
        with_value = [c for c in with_value if re.match(r"[\d.]+", _bare_figure(c.value)).group(0) != whole.group(1)
                      and re.search(rf"(?<![\d.]){re.escape(whole.group(1))}(?![\d.])", c.simplified)]
    if _PER_ITEM_ASKED.search(q_s):
        # "“运动角”每个要建多大面积": 人均体育场地面积2.5平方米 is per person, not per item
        with_value = [c for c in with_value if "人均" not in figure_phrases(c.simplified, to_simplified(c.value))[0]]
    if _PRICE_MOVE.search(q_s):
        # "菜市场改造完菜价能降多少": how far a price moves, not how many markets (400家)
        with_value = [c for c in with_value
                      if any(re.search(r"价|租金|费", ph) for ph in figure_phrases(c.simplified, to_simplified(c.value)))]
    return with_value


def _of_another_kind(q_s: str, c: Clause) -> bool:
    """Whether a clause's figure is for another kind of the thing asked (PM2.5, asked of ozone)."""
    return all(other_kind(q_s, phrase, c.simplified) for phrase in figure_phrases(c.simplified, to_simplified(c.value)))


def _named_without_figure(q_s: str, pool: list[Clause], best_v: Clause) -> Clause | None:
    """The one candidate clause that names the question's indicator (a term of four or more
    characters ending in 比/率/指数) when it states no figure and the figure's clause does not
    name that indicator."""
    for size in range(8, 3, -1):
        for i in range(len(q_s) - size + 1):
            term = q_s[i:i + size]
            if not _CJK_RUN.fullmatch(term) or not term.endswith(("比", "率", "指数", "面积")) \
                    or term in best_v.simplified:
                continue
            naming = {c.simplified: c for c in pool if term in c.simplified}
            if len(naming) == 1:
                clause = next(iter(naming.values()))
                return None if clause.figure else clause
    return None


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def _named_by_heading(c: "Clause") -> bool:
    """Whether the clause sits under a heading that names a project, system or plan."""
    return any(re.search(r"(工程|体系|行动|计划|平台|系统|机制|专栏)$", to_simplified(part).rstrip("。"))
               for part in c.chunk.section_path)


_APP_ASKED = re.compile(r"(?<![a-z])apps?(?![a-z])|软件|小程序|公众号", re.I)
_APP_NAMED = re.compile(r"[“《]?[\u4e00-\u9fffA-Za-z]{1,10}(云|办|通|APP|App|app)[”》]")


_UNIT_GLOSS = [("折", lambda v: f" (you pay {float(v[:-1]) * 10:g}% of the price)"),
               ("天", lambda v: " (days)"), ("分钟", lambda v: " (minutes)"),
               ("万", lambda v: " (万 = 10,000)"), ("公里", lambda v: " (km)")]


def _english_lead(ask: Ask, value: str | None, c: Citation) -> str:
    if value:
        gloss = ""
        for unit, fn in _UNIT_GLOSS:
            if unit in value:
                try:
                    gloss = fn(value)
                except ValueError:
                    gloss = ""
                break
        return f"The policy states {value}{gloss} — see the quoted clause ({c.section})."
    return f"The policy addresses this in {c.section}; the clause reads:"
