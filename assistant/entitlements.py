"""Entitlements register: what a person or business can get, and every quantified target.

Derived from the corpus by rules, never typed by hand, so it follows any document added:

* every number with a unit (``QTY_RE``: digits incl. decimals, ranges, ``7×24``, ratios such as
  ``1.8:1``, percent, ``折`` and Chinese units/measure words) is located in the Simplified form of
  the text (``to_simplified`` keeps offsets), then placed in its comma clause and, when a clause
  lists several figures (``A、B`` / ``A和B``), in its own list segment;
* each figure that states a fact becomes one ``Entitlement`` row — kind ``entitlement`` when the
  clause offers something (免费/优惠/补贴/给予/享受 …), otherwise ``target``;
* clauses that offer something without a figure (免申即享, 无息借款, 集中供养 …) are rows too;
* figures in worked examples, questions, eligibility conditions, application procedure and
  penalties are not rows of their own (a condition is kept in the quote and ``condition`` of
  the entitlement it qualifies); ``coverage`` lists every figure and whether a row holds it.

Quotes are verbatim spans of the original document: ``doc.text[start:end] == quote``.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field, replace

from .chunk import Chunk, chunk_document, classify, split_sentences
from .ingest import Document
from .script import to_simplified

# ---------------------------------------------------------------------------------------------
# The row

ENTITLEMENT = "entitlement"
TARGET = "target"

CATEGORIES = ("housing", "work", "start-up", "education", "health", "care", "transport",
              "environment", "services", "income", "other")
ALL_RESIDENTS = "全体市民"


@dataclass(frozen=True)
class Entitlement:
    """One entitlement or quantified target, with the verbatim clause that states it."""

    id: str  # chunk id + ":" + ordinal within the chunk
    kind: str  # "entitlement" | "target"
    category: str
    beneficiaries: tuple[str, ...]
    what: str  # short description, Simplified
    value: str  # "8.5", "10000", "1.8:1", "8-10", "" for an entitlement without a figure
    unit: str  # "折", "天", "%", "万个", "元/人·月", "" for ratios and figure-less rows
    qualifier: str  # 以上 / 以内 / 不低于 / 力争突破 / 新增 … joined with "、"
    condition: str  # who qualifies, e.g. 符合条件的来蓉青年 (Simplified)
    period: str  # 十四五末期 / 每年 / 从引进的次月起3年内 …
    section: str  # section path joined with " > "
    code: str  # section code, e.g. 二(八)4
    quote: str  # verbatim source text[start:end]
    source: str  # repo-relative path of the document, e.g. corpus/chengdu-ten-projects.txt
    start: int
    end: int
    doc_id: str = ""

    @property
    def amount(self) -> str:
        """Value and unit as written together: 8.5折, 10000张, 1.8:1."""
        return f"{self.value}{self.unit}"

    def to_json(self) -> dict:
        d = asdict(self)
        d["beneficiaries"] = list(self.beneficiaries)
        return d

    @classmethod
    def from_json(cls, d: dict) -> "Entitlement":
        d = dict(d)
        d["beneficiaries"] = tuple(d.get("beneficiaries", ()))
        return cls(**d)


# ---------------------------------------------------------------------------------------------
# Numbers with units

_DIGIT = r"\d+(?:\.\d+)?"
_UNITS = [
    "微克/立方米", "万平方米", "平方米", "立方米", "平米", "㎡", "公顷", "公里", "千米", "米", "亩",
    "个工作日", "工作日", "分钟", "小时", "个月", "周岁", "岁", "天", "日", "周", "年", "月",
    "元", "个", "套", "所", "家", "张", "人", "名", "项", "处", "条", "场", "户", "座", "间", "辆",
    "次", "位", "件", "台", "类", "级", "星", "倍", "期", "届", "批", "床", "支", "部", "篇",
]
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_PER = r"(?:/(?:人[·•・]月|人[·•・]年|人|户|月|年|天|平方米|平米|㎡))?"
_ALT_UNIT = r"(?:[(（][间套户个所][)）])?"  # 22.6万套（间）
QTY_RE = re.compile(
    rf"(?<![A-Za-z\d.．])(?P<num>{_DIGIT}(?:\s*[×*]\s*{_DIGIT})?(?:\s*[-~～—–至]\s*{_DIGIT})?)"
    rf"\s*(?P<unit>%|％|‰|折|[万亿千百]?(?:{_UNIT_ALT}){_PER}{_ALT_UNIT}|[万亿])"
)
RATIO_RE = re.compile(rf"(?<![A-Za-z\d.．])(?P<num>{_DIGIT}\s*[:：]\s*{_DIGIT})(?![\d:：])")
_POST_QUAL_RE = re.compile(r"^(?:[(（]含[)）])?(及以上|以上|以内|以下|左右|内)")


@dataclass(frozen=True)
class Quantity:
    start: int  # offsets in the document text
    end: int  # end of the unit (post-qualifiers such as 以上 excluded)
    value: str
    unit: str
    excluded: str = ""  # "date" / "ordinal": not counted as a number with unit

    @property
    def text(self) -> str:
        return f"{self.value}{self.unit}"


def find_quantities(simp: str, base: int = 0, *, keep_excluded: bool = False) -> list[Quantity]:
    """Numbers with units in a (Simplified) text, offsets shifted by `base`.

    A number with unit is digits (decimals, ranges 8-10, products 7×24) followed by %, 折 or a
    unit/measure word (元, 万个, 平方米, 元/人·月 …), or a ratio such as 1.8:1. Calendar dates
    (2026年, 5月, 1日) and ordinals (第2) are not counted.
    """
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in RATIO_RE.finditer(simp):
        value = re.sub(r"\s", "", m.group("num")).replace("：", ":")
        found.append(Quantity(base + m.start(), base + m.end(), value, ""))
        taken.append((m.start(), m.end()))
    for m in QTY_RE.finditer(simp):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        num = re.sub(r"\s", "", m.group("num")).replace("*", "×")
        unit = m.group("unit").replace("％", "%")
        excluded = ""
        if unit == "年" and re.fullmatch(r"(19|20)\d\d", num):
            excluded = "date"
        elif unit in ("月", "日"):
            excluded = "date"
        elif simp[max(0, m.start() - 1):m.start()] == "第":
            excluded = "ordinal"
        if excluded and not keep_excluded:
            continue
        found.append(Quantity(base + m.start(), base + m.end(), num, unit, excluded))
    return sorted(found, key=lambda q: q.start)


# ---------------------------------------------------------------------------------------------
# Keyword tables (Simplified)

BENEFICIARY_GROUPS: list[tuple[str, tuple[str, ...]]] = [
    ("青年人才/高校毕业生", ("青年", "蓉漂", "大学生", "毕业生", "年轻人", "硕士", "博士", "本科")),
    ("人才", ("人才",)),
    ("新市民", ("新市民", "来蓉")),
    ("老年人", ("老年", "老人", "养老", "适老", "一老")),
    ("儿童", ("儿童", "幼儿", "婴幼儿", "托育", "孩子", "少年", "未成年", "学生", "中小学", "一小",
             "学位", "义务教育")),
    ("残疾人", ("残疾", "无障碍", "助残", "特殊少年", "特殊人群", "特殊群体")),
    ("低收入群体", ("低收入", "特困", "兜底", "救助", "零就业", "困难群众")),
    ("中小微企业", ("中小企业", "小微企业", "中小微企业", "个体工商户", "民营经济")),
    ("企业", ("企业", "市场主体", "惠企", "涉企")),
    ("创业者", ("创业", "双创", "孵化", "众创")),
    ("求职者", ("就业", "求职", "岗位", "职业技能", "技能培训", "实习", "见习")),
    ("农村居民", ("农村", "农民", "乡村", "城乡居民", "城乡收入")),
    ("城镇居民", ("城镇居民", "城乡居民", "城乡收入")),
    ("患者", ("患者", "病人", "精神障碍")),
]
_NOT_CHILD = re.compile(r"大学生|研究生|毕业生|留学生|学历学位|学位证书")
_NOT_ELDERLY = re.compile(r"养老保险")
_BUSINESS = ("企业", "中小微企业")

CATEGORY_KEYWORDS: list[tuple[str, tuple[str, ...]]] = [
    ("income", ("收入", "可支配", "工资", "财产性", "经营性", "转移性")),
    ("housing", ("住房", "公寓", "租赁", "租金", "租房", "优租", "住宅", "房价", "房子", "驿站", "入住",
                 "安家", "棚户区", "城中村", "老旧小区", "电梯", "物业", "补贴面积")),
    ("transport", ("通勤", "地铁", "轨道", "公交", "交通", "出行", "停车", "道路", "自行车",
                   "换乘", "候车", "TOD")),
    ("education", ("学校", "教育", "学位", "幼儿园", "中小学", "高校", "教师", "研究生", "高职",
                   "学生")),
    ("health", ("医疗", "医院", "卫生", "医师", "疾控", "传染病", "中医", "寿命", "千人口床位", "健康",
                "体质", "食品", "药品", "三甲", "医学", "临床", "专科")),
    ("care", ("养老", "老年", "老人", "托育", "儿童", "残疾", "救助", "照护", "托养", "康养", "供养",
              "无障碍", "助餐", "兜底", "低收入", "患者", "康复", "特殊人群")),
    ("start-up", ("创业", "孵化", "众创", "双创", "创新平台", "科创", "创新", "科研", "技术",
                  "中小企业", "中小微企业", "小微企业", "放款", "信贷", "贷")),
    ("work", ("就业", "岗位", "职业", "技能", "人力资源", "实习", "见习", "劳动", "引才", "引进人才",
              "紧缺人才", "工匠")),
    ("environment", ("生态", "空气", "大气", "污染", "水质", "水体", "水源", "森林", "绿道", "公园",
                     "绿化", "垃圾", "废物", "耕地", "花卉", "熊猫", "河湖", "蓝网", "蓝天", "岸线",
                     "见绿", "见园", "增绿")),
    ("services", ("公共服务", "生活服务", "便民服务", "政务", "办事", "事项", "审批", "文化", "体育",
                  "运动", "社区商业", "便民", "生活圈", "服务机构", "服务综合体", "回访", "受理",
                  "消费", "商业", "博物馆", "书店", "赛事", "菜市场", "购物", "诉求", "供电", "消防",
                  "应急", "避难", "安全", "地震", "案件", "采购", "文艺", "演出", "旅游", "保供",
                  "政府", "惠企", "免申即享")),
]

# Offer markers: a clause with one of these gives something to someone.
_BENEFIT = re.compile(r"免费|优惠|补贴|补助|资助|无息|减免|即来即享|免申即享|给予|可享受|享受|享有|"
                      r"人才贷|成果贷|集中供养|可申请")
_RATE = re.compile(r"率|比例|占比")
_CAP_FOR_TENANT = re.compile(r"租金.*不得?超过|不得?超过.*租金")
# Figure-less entitlements: a benefit noun together with an offer verb.
_FREE_NOUN = re.compile(r"免费|优惠|补贴|补助|资助|无息借款|信用贷款|人才贷|免申即享|即来即享|"
                        r"集中供养|助餐|家庭照护床位|托养服务|延时服务|家庭医生签约|长期照护保险|"
                        r"心理辅导|就业援助|保障性租赁住房|人才公寓|公租房")
_OFFER_VERB = re.compile(r"提供|给予|享受|享有|可享|即享|即来即享|实现|设立|推出|完善|推进|"
                         r"可申请|即可申请|开展|健全|加强")
_NOT_OFFER = re.compile(r"不能|不可|不重复|不累加|终止|停发|追回|放弃|不含|不得申报|视为|负责|报备|"
                        r"拨付|财力|扣缴|职责|审核|资金|影响|进行发放|发放时|所需")

# No row of their own (the figure is a condition, a procedure step, a penalty or an example).
_SKIP_RULES: list[tuple[str, re.Pattern]] = [
    ("penalty", re.compile(r"不得申报|追回|诚信档案|追究|骗取")),
    ("termination", re.compile(r"终止发放|终止补贴|停发|也将终止")),
    ("procedure", re.compile(r"公示|申报材料|提交|证明材料|认定证书|认证报告|社保证明|申请表|须提供")),
    ("policy term", re.compile(r"有效期|起施行|废止")),
    ("period of another figure", re.compile(r"^\s*从[^，,；;。]{0,12}起\d+(?:个月|年)内\s*$")),
    ("eligibility condition", re.compile(r"签订.{0,12}合同|参保|毕业于|学术排名|紧缺度|年满|首次|"
                                         r"间隔|所称|条件之一")),
]
_SENTENCE_WIDE_SKIPS = ("penalty", "termination", "policy term")

_CONDITION_RES = [
    re.compile(r"只需(?P<c>[^；;。]{2,80}?)[，,]?即可"),
    re.compile(r"(?P<c>(?:符合|满足|具备)(?:[^；;。，,]|[，,](?=或|且|并|以及))*?的[A-Za-z\u4e00-\u9fff]{0,12}?)"
               r"(?=[，,]|购买|可|享|全面|建档|获得|申请|租住|从|给予|提供|实现|参照|按|$)"),
    re.compile(r"对(?P<c>[^；;。]{2,80}?的[^，,；;。]{0,16}?(?:人才|人员|企业|老人|群体|家庭|儿童|青年|"
               r"毕业生|残疾人|患者))[，,]"),
]
_GROUP_NOUN = (r"人才|青年|青年人|毕业生|老人|老年人|儿童|残疾人|企业|居民|家庭|患者|群体|人员|"
               r"新市民")
_GROUP_PREFIX_RE = re.compile(rf"^([^，,；;。]{{0,40}}(?:{_GROUP_NOUN}))")
_VERB_START = re.compile(r"^(?:升级|优化|建设|推动|推进|完善|实施|打造|提供|加快|构建|设立|建立|开展|引进|"
                         r"培育|发展|实现|鼓励|支持|新增|新建|健全|加强|探索|依托|促进|深化|强化|全面|"
                         r"积极|大力|持续|规范|按照|根据|通过|若|如)")
_PERIOD_CLAUSE = re.compile(r"^从[^，,；;。]{0,12}起(?:\d+(?:个月|年)内)?$")

_QUAL_ADJACENT = ["最长", "最高", "最多", "最低", "力争突破", "力争达到", "力争达", "不低于", "不少于", "不超过", "不超", "不高于",
                  "不得超过", "提升到", "提高到", "提升至", "缩小到", "缩减到", "降低至", "降低到",
                  "保持在", "控制在", "上限为", "突破", "超过", "高于", "低于", "小于", "大于", "至少",
                  "达到", "达", "年满", "约", "前"]
_QUAL_ADJ_RE = re.compile("(?:" + "|".join(map(re.escape, _QUAL_ADJACENT)) + r")[“”\s]*$")
_QUAL_SCOPE_RE = re.compile(r"力争|新增|累计|新建|最长|最高|最多")
_LEAD_VERB_RE = re.compile(r"^(?:新建和改扩建|引进培育|标准化改造|新增|新建|建成|建设|完成|培育|打造|引进|"
                           r"发展|实现|创作生产|规划建设|推出|举办|开展|构建)")
_RESPECTIVELY = re.compile(r"分别|各")
_PAIRS = {"城乡": ("城镇", "农村"), "新旧": ("新", "旧"), "男女": ("男", "女"), "中外": ("中", "外")}
_DOC_PERIOD_RE = re.compile(r"“?(十[一二三四五六七八九]五)”?(时期|期间)")
_UNTIL_RE = re.compile(r"到“?(十[一二三四五六七八九]五)”?末期?|到(20\d\d)年(?:底|末)?")
_PERIOD_PATTERNS = [
    (re.compile(r"从[^，,；;。]{0,12}起\d+(?:个月|年)内"), None),
    (re.compile(r"每个年度|每年度|年度"), "每年"),
    (re.compile(r"每年"), "每年"),
    (re.compile(r"每月|每个月"), "每月"),
    (re.compile(r"次年度?"), "次年"),
    (re.compile(r"逐年"), "逐年"),
]
_HEAD_MARK_RE = re.compile(r"^\s*(?:[一二三四五六七八九十百]+、|第[一二三四五六七八九十百\d]+[章条]\s*|"
                           r"[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.．、](?!\d)|——)\s*")
_CLAUSE_PUNCT = "，,；;"
_OPEN, _CLOSE = "（(“‘《[【〔", "）)”’》]】〕"
_QUOTE_MARKS = re.compile(r"[“”‘’\"《》]")


# ---------------------------------------------------------------------------------------------
# Text helpers


def _split_at(text: str, base: int, seps: str) -> list[tuple[int, int]]:
    """Spans of `text` cut at `seps` outside brackets and quotes (absolute offsets)."""
    spans, depth, begin = [], 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in seps and depth == 0:
            if ch == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
                continue
            spans.append((begin, i))
            begin = i + 1
    spans.append((begin, len(text)))
    out = []
    for a, b in spans:
        while a < b and (text[a].isspace() or text[a] in "。"):
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in "。"):
            b -= 1
        if b > a:
            out.append((base + a, base + b))
    return out


def _cjk_count(s: str) -> int:
    return sum(1 for c in s if "\u4e00" <= c <= "\u9fff")


def _clean(s: str) -> str:
    s = _QUOTE_MARKS.sub("", s)
    s = re.sub(r"\s+", " ", s).strip(" ，,、；;：:。")
    return s


def _strip_head_marker(simp: str, a: int, b: int) -> int:
    m = _HEAD_MARK_RE.match(simp[a:b])
    return a + m.end() if m else a


def _title_core(title: str) -> str:
    found = classify(title)
    core = title[len(found[2]):] if found else title
    return core.strip()


def _groups_in(text: str) -> list[str]:
    child_text = _NOT_CHILD.sub("", text)
    out = []
    for label, keys in BENEFICIARY_GROUPS:
        hay = child_text if label == "儿童" else _NOT_ELDERLY.sub("", text) if label == "老年人" else text
        if any(k in hay for k in keys):
            out.append(label)
    return out


def _category(texts_weights: list[tuple[str, float]]) -> str:
    scores = {c: 0.0 for c in CATEGORIES}
    for text, weight in texts_weights:
        for cat, keys in CATEGORY_KEYWORDS:
            scores[cat] += weight * sum(text.count(k) for k in keys)
    best = max(CATEGORIES, key=lambda c: (scores[c], -CATEGORIES.index(c)))
    return best if scores[best] > 0 else "other"


def _enumeration(text: str, n: int) -> tuple[str, list[str]] | None:
    """The last list of exactly `n` parallel items in `text` (A、B、C类 / 硕士或本科 / 城乡)."""
    if n == 2:
        for pair, items in _PAIRS.items():
            if pair in text:
                return pair, list(items)
    chains = re.compile(r"[A-Za-z\u4e00-\u9fff]+(?:[、或和与及][A-Za-z\u4e00-\u9fff]+)+")
    best = None
    for m in chains.finditer(text):
        parts = re.split(r"[、或和与及]", m.group())
        if len(parts) != n:
            continue
        if n >= 3:
            k = min(len(p) for p in parts[1:-1])
        else:
            k = 1 if parts[0][-1:].isascii() and parts[1][:1].isascii() else 2
        if len(parts[0]) < k or len(parts[-1]) < k:
            continue
        items = [parts[0][-k:]] + parts[1:-1] + [parts[-1][:k]]
        start = m.start() + len(parts[0]) - k
        end = m.end() - (len(parts[-1]) - k)
        best = (text[start:end], items)
    return best


# ---------------------------------------------------------------------------------------------
# Building the register


@dataclass
class _Ctx:
    doc: Document
    simp: str
    doc_period: str = ""
    title: str = ""
    code_period: dict[str, str] = field(default_factory=dict)
    example_codes: set[str] = field(default_factory=set)


def _doc_period(simp: str) -> str:
    m = _DOC_PERIOD_RE.search(simp[:800])
    return f"{m.group(1)}时期" if m else ""


def _until(text: str) -> str:
    m = _UNTIL_RE.search(text)
    if not m:
        return ""
    return f"{m.group(1)}末期" if m.group(1) else f"{m.group(2)}年"


def _period(ctx: _Ctx, chunk: Chunk, seg: str, sentence: str, kind: str) -> str:
    for pat, label in _PERIOD_PATTERNS:
        m = pat.search(seg)
        if m:
            return label or m.group()
    m = _PERIOD_PATTERNS[0][0].search(sentence)
    if m:
        return m.group()
    until = _until(sentence) or _until(ctx.simp[chunk.start:chunk.end])
    if until:
        return until
    for code, p in sorted(ctx.code_period.items(), key=lambda kv: -len(kv[0])):
        if chunk.code.startswith(code):
            return p
    return ctx.doc_period if kind == TARGET else ""


def _skip_reason(ctx: _Ctx, chunk: Chunk, sentence: str, segment: str, *,
                 title: str = "", with_conditions: bool = True) -> str:
    """Why a figure in `segment` is not a row of its own ("" when it is)."""
    if chunk.code in ctx.example_codes or "=" in sentence or "例如" in sentence:
        return "worked example"
    if sentence.rstrip().endswith(("？", "?")):
        return "question"
    offered = bool(_BENEFIT.search(segment) or _BENEFIT.search(title))
    for reason, pat in _SKIP_RULES:
        if reason == "eligibility condition" and not with_conditions:
            continue
        if pat.search(segment):
            return reason
        if pat.search(sentence) and (reason in _SENTENCE_WIDE_SKIPS or not offered):
            return reason
    return ""


def _find_condition(sentence: str, s_a: int, lo: int, hi: int) -> tuple[str, int]:
    """(who qualifies, its absolute offset) for a condition starting within [lo, hi), or ("", -1)."""
    for pat in _CONDITION_RES:
        best = None
        for m in pat.finditer(sentence):
            if lo <= s_a + m.start() < hi:
                best = m
        if best:
            text = _clean(best.group("c"))
            return re.sub(r"^(?:对|为)", "", text), s_a + best.start()
    return "", -1


def _kind(segment: str, clause: str, unit: str, title: str = "") -> str:
    if unit == "%" and _RATE.search(segment) and not re.search(r"补贴|优惠", segment):
        return TARGET
    if unit == "折" or _BENEFIT.search(segment) or _CAP_FOR_TENANT.search(segment):
        return ENTITLEMENT
    if (_BENEFIT.search(clause) or _BENEFIT.search(title)) and not _RATE.search(segment):
        return ENTITLEMENT
    return TARGET


_NEEDS_SUBJECT_START = re.compile(r"^(?:免费|可享受|享受|给予|力争|均|分别|其中|即|总和|合计|并|且|但)")
_QUAL_WORDS = re.compile("|".join(map(re.escape, _QUAL_ADJACENT)) + r"|力争|每人|每家|每年|约|分别|均")


def _needs_subject(prefix: str) -> bool:
    p = _clean(prefix)
    if _NEEDS_SUBJECT_START.match(p):
        return True
    return _cjk_count(_QUAL_WORDS.sub("", p)) < 2


def _runs(qs: list[Quantity], simp: str) -> list[list[Quantity]]:
    """Figures listed one after the other with 、 (…分别为100%、70%、50%) form one run."""
    runs: list[list[Quantity]] = []
    for q in qs:
        if runs:
            gap = simp[runs[-1][-1].end:q.start]
            post = _POST_QUAL_RE.match(gap)
            if post:
                gap = gap[post.end():]
            if gap.strip() == "、":
                runs[-1].append(q)
                continue
        runs.append([q])
    return runs


def _segments(simp: str, a: int, b: int, runs: list[list[Quantity]]) -> list[tuple[int, int, list]]:
    """Cut a clause into list segments (at 、, and at 和/及/与 right after a figure), each with
    the runs it states; items without a figure join the next segment."""
    inside = [(r[0].start, r[-1].end) for r in runs if len(r) > 1]
    cuts = [a]
    depth = 0
    for i in range(a, b):
        ch = simp[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and not any(s < i < e for s, e in inside):
            if ch == "、":
                cuts.append(i + 1)
            elif ch in "和及与" and any(
                    r[-1].end <= i and _POST_QUAL_RE.sub("", simp[r[-1].end:i]) == "" for r in runs):
                cuts.append(i + 1)
    cuts.append(b + 1)
    segs: list[tuple[int, int, list]] = []
    pending = None
    for k in range(len(cuts) - 1):
        s, e = cuts[k], cuts[k + 1] - 1
        rs = [r for r in runs if s <= r[0].start < e]
        if not rs:
            pending = s if pending is None else pending
            continue
        segs.append((pending if pending is not None else s, e, rs))
        pending = None
    return segs


def _row_runs(simp: str, seg_end: int, runs: list[list[Quantity]]) -> list[tuple[list[Quantity], bool]]:
    """(run, terminal) for the runs that state the segment's fact: those that end it (or come
    before 和/及), else the last one, which then qualifies the words after it."""
    terminal = []
    for r in runs:
        tail = simp[r[-1].end:seg_end]
        post = _POST_QUAL_RE.match(tail)
        if post:
            tail = tail[post.end():]
        tail = _QUOTE_MARKS.sub("", tail).strip()
        if tail == "" or tail[:1] in "和及与":
            terminal.append((r, True))
    return terminal or [(runs[-1], False)]


def _qualifier(simp: str, seg_start: int, q_start: int, q_end: int, seg_end: int,
               lead: str) -> tuple[str, int]:
    """(qualifier, start of the comparator right before the figure)."""
    prefix = simp[seg_start:q_start]
    quals: list[str] = []
    adj_start = q_start
    for m in _QUAL_SCOPE_RE.finditer(lead + prefix):
        if m.group() not in quals:
            quals.append(m.group())
    m = _QUAL_ADJ_RE.search(prefix)
    if m:
        word = _QUOTE_MARKS.sub("", m.group()).strip()
        for w in (["力争", "突破"] if word == "力争突破" else [word]):
            if w not in quals:
                quals.append(w)
        adj_start = seg_start + m.start()
    post = _POST_QUAL_RE.match(simp[q_end:seg_end])
    if post and post.group(1) not in quals:
        quals.append(post.group(1))
    return "、".join(quals), adj_start


def _doc_rows(doc: Document) -> list[Entitlement]:
    simp = to_simplified(doc.text)
    if len(simp) != len(doc.text):  # offsets must stay valid
        simp = doc.text
    ctx = _Ctx(doc=doc, simp=simp, doc_period=_doc_period(simp), title=to_simplified(doc.title))
    chunks = chunk_document(doc)
    for ch in chunks:
        if "/p" in ch.id:
            u = _until(simp[ch.start:ch.end])
            if u:
                ctx.code_period.setdefault(ch.code, u)
    rows: list[Entitlement] = []
    for ch in _own_text(chunks):
        if re.match(r"\s*例如", simp[ch.start:ch.end]):
            ctx.example_codes.add(ch.code)
        rows.extend(_chunk_rows(ctx, ch))
    return rows


def _own_text(chunks: list[Chunk]) -> list[Chunk]:
    """Chunks cut to the text that is theirs: a heading chunk that spans its sub-sections keeps
    only the text before the first of them, so that every offset is read once."""
    starts = sorted({c.start for c in chunks})
    out = []
    for c in chunks:
        inner = [s for s in starts if c.start < s < c.end]
        if inner:
            end = inner[0]
            while end > c.start and c.text[end - c.start - 1].isspace():
                end -= 1
            if end <= c.start:
                continue
            c = replace(c, text=c.text[: end - c.start], end=end)
        out.append(c)
    return out


class _RowMaker:
    """Builds the rows of one chunk, numbering them."""

    def __init__(self, ctx: _Ctx, ch: Chunk):
        self.ctx, self.ch, self.ordinal = ctx, ch, 0
        self.titles = [to_simplified(_title_core(t)) for t in ch.section_path]
        self.section = " > ".join(ch.section_path)

    def __call__(self, kind, what, value, unit, qual, cond, period, qa, qb, seg) -> Entitlement:
        ctx, ch = self.ctx, self.ch
        self.ordinal += 1
        titles = self.titles
        texts = [what, cond, seg] + titles + ([ctx.doc.text[qa:qb]] if kind == ENTITLEMENT else [])
        groups = _groups_in(to_simplified(" ".join(texts)))
        # a business benefits when the row is about it, not when an eligible person works in one
        named = _groups_in(" ".join([what, seg] + titles))
        groups = [g for g in groups if g not in _BUSINESS or g in named] or [ALL_RESIDENTS]
        tw: list[tuple[str, float]] = [(what, 3), (cond, 1), (seg, 1), (ctx.title, 1)]
        if titles:
            tw.append((titles[-1], 2))
            tw.extend((t, 0.5) for t in titles[:-1])
        return Entitlement(
            id=f"{ch.id}:{self.ordinal}", kind=kind, category=_category(tw),
            beneficiaries=tuple(groups), what=what, value=value, unit=unit, qualifier=qual,
            condition=cond, period=period, section=self.section, code=ch.code,
            quote=ctx.doc.text[qa:qb], source=ctx.doc.source, start=qa, end=qb, doc_id=ctx.doc.id)


def _entitlement_scope(simp: str, sentence: str, s_a: int, clauses: list[tuple[int, int]], ci: int,
                       q_a: int, seg_end: int) -> tuple[str, int]:
    """Who an entitlement is for and where its quote should start to include them."""
    c_a, c_b = clauses[ci]
    cond, at = _find_condition(sentence, s_a, s_a, seg_end)
    if cond:
        if at < q_a and c_b - at <= 160:
            q_a = at
        return cond, q_a
    first_a, first_b = clauses[0]
    first = simp[first_a:first_b]
    gm = _GROUP_PREFIX_RE.match(_QUOTE_MARKS.sub(lambda x: " " * len(x.group()), first))
    if gm and not _VERB_START.match(first) and c_b - first_a <= 160:
        parts = [re.sub(r"^(?:对|为)", "", _clean(gm.group(1)))]
        if ci > 0 and first_b - first_a == gm.end():  # the whole first clause names them
            parts += [_clean(simp[a:b]) for a, b in clauses[1:ci]
                      if _clean(simp[a:b]).endswith("的") and not _PERIOD_CLAUSE.match(_clean(simp[a:b]))]
        return "，".join(parts), min(q_a, first_a)
    if ci > 0 and c_b - first_a <= 160:
        pre = [(a, b) for a, b in clauses[:ci] if not _PERIOD_CLAUSE.match(_clean(simp[a:b]))]
        pre_text = _clean("，".join(simp[a:b] for a, b in pre))
        if pre and pre_text.endswith("的") and len(pre_text) <= 80 and not _VERB_START.match(pre_text):
            return pre_text, min(q_a, first_a)
    return "", q_a


def _chunk_rows(ctx: _Ctx, ch: Chunk) -> list[Entitlement]:
    simp = ctx.simp
    make = _RowMaker(ctx, ch)
    title = make.titles[-1] if make.titles else ""
    rows: list[Entitlement] = []
    for sent in split_sentences(simp[ch.start:ch.end], ch.start):
        s_a = _strip_head_marker(simp, sent.start, sent.end)
        sentence = simp[s_a:sent.end]
        clauses = _split_at(sentence, s_a, _CLAUSE_PUNCT)
        qs_all = find_quantities(sentence, s_a)
        with_rows: set[int] = set()
        for ci, (c_a, c_b) in enumerate(clauses):
            qs = [q for q in qs_all if c_a <= q.start < c_b]
            if not qs:
                continue
            clause = simp[c_a:c_b]
            prev = None  # (before, after, qualifier, terminal) of the previous row in this clause
            segs = _segments(simp, c_a, c_b, _runs(qs, simp))
            first_lead = ""
            for si, (g_a, g_b, seg_runs) in enumerate(segs):
                segment = simp[g_a:g_b]
                if si == 0:
                    lm = _LEAD_VERB_RE.match(_clean(segment))
                    first_lead = lm.group() if lm else ""
                if _skip_reason(ctx, ch, sentence, segment, title=title):
                    continue
                for run, terminal in _row_runs(simp, g_b, seg_runs):
                    new_rows, prev = _run_rows(ctx, make, sentence, s_a, clauses, ci, clause, g_a,
                                               g_b, si, segment, run, terminal, first_lead, prev)
                    rows.extend(new_rows)
                    with_rows.add(ci)
        # entitlements stated without a figure
        for ci, (c_a, c_b) in enumerate(clauses):
            clause = simp[c_a:c_b]
            if ci in with_rows or not (_FREE_NOUN.search(clause) and _OFFER_VERB.search(clause)):
                continue
            if _NOT_OFFER.search(clause) or find_quantities(clause) or _skip_reason(
                    ctx, ch, sentence, clause, title=title, with_conditions=False):
                continue
            q_a = c_a
            if ci > 0 and _NEEDS_SUBJECT_START.match(_clean(clause)):
                q_a = clauses[ci - 1][0]
            cond, q_a = _entitlement_scope(simp, sentence, s_a, clauses, ci, q_a, c_b)
            q_a = _strip_head_marker(simp, q_a, c_b)
            what = _clean(clause)
            if cond:
                what = re.sub(r"^(?:对|为)?" + re.escape(cond), "", what)
            what = re.sub(r"^(?:即可|可|并|但|且)", "", _clean(what))
            rows.append(make(ENTITLEMENT, _clean(what), "", "", "", cond,
                             _period(ctx, ch, clause, sentence, ENTITLEMENT), q_a, c_b, clause))
    return rows


def _run_rows(ctx: _Ctx, make: _RowMaker, sentence: str, s_a: int, clauses: list[tuple[int, int]],
              ci: int, clause: str, g_a: int, g_b: int, si: int, segment: str, run: list[Quantity],
              terminal: bool, first_lead: str, prev):
    """The rows for one run of figures (one per figure), and the template the next row may reuse."""
    simp = ctx.simp
    c_a, c_b = clauses[ci]
    r_a, r_b = run[0].start, run[-1].end
    lead = first_lead if si > 0 else ""
    qual, adj = _qualifier(simp, g_a, r_a, r_b, g_b, lead)
    post = _POST_QUAL_RE.match(simp[r_b:g_b])
    r_tail = r_b + (post.end() if post else 0)
    before = simp[g_a:adj] if terminal else simp[g_a:r_a]
    after = simp[r_tail:g_b] if terminal else simp[r_b:g_b]
    kind = _kind(segment, clause, run[0].unit, make.titles[-1] if make.titles else "")
    head = simp[c_a:_clause_first_figure(clauses, ci, simp)]  # the clause up to its first figure
    if _cjk_count(_QUAL_WORDS.sub("", _clean(simp[g_a:r_a]) + _clean(after))) == 0 and prev:
        before, after, qual, terminal = prev
    elif si > 0 and not _clean(before).lstrip("和及与"):
        before = _clean(head) + _clean(before).lstrip("和及与")  # 市场主体诉求100%受理、100%回访
    elif si > 0 and lead and not _LEAD_VERB_RE.match(_clean(before)):
        before = lead + _clean(before).lstrip("和及与")
    template = (before, after, qual, terminal)

    # the quote: the clause, widened back to its subject and, for an entitlement, to who gets it
    q_a, q_b = c_a, c_b
    subject = ""
    if si == 0 and _needs_subject(simp[c_a:r_a]):
        k = ci
        while k > 0:
            k -= 1
            ka, kb = clauses[k]
            if _PERIOD_CLAUSE.match(_clean(simp[ka:kb])):
                continue
            subject = _subject_text(simp[ka:kb])
            break
        q_a = clauses[k][0]
        if kind == TARGET and _BENEFIT.search(simp[q_a:c_b]) and not _RATE.search(segment):
            kind = ENTITLEMENT
    if kind == ENTITLEMENT:
        cond, q_a = _entitlement_scope(simp, sentence, s_a, clauses, ci, q_a, g_b)
        if cond:
            subject = ""
    else:
        cond, _ = _find_condition(sentence, s_a, c_a, g_b)
    q_a = _strip_head_marker(simp, q_a, q_b)
    period = _period(ctx, make.ch, segment if si == 0 else head + segment, sentence, kind)
    labels = None
    if len(run) > 1 and _RESPECTIVELY.search(simp[s_a:r_a]):
        labels = _enumeration(simp[s_a:r_a], len(run))
    out = []
    for qi, q in enumerate(run):
        b_txt, a_txt, c_txt = before, after, cond
        if labels:
            span, items = labels
            b_txt = b_txt.replace(span, items[qi], 1)
            c_txt = c_txt.replace(span, items[qi], 1)
        what = _what(kind, subject, b_txt, a_txt, c_txt, q, terminal, make.titles)
        out.append(make(kind, what, q.value, q.unit, qual, c_txt, period, q_a, q_b, segment))
    return out, template


def _clause_first_figure(clauses: list[tuple[int, int]], ci: int, simp: str) -> int:
    """Offset of the first figure of clause `ci` (its start when it has none)."""
    c_a, c_b = clauses[ci]
    qs = find_quantities(simp[c_a:c_b], c_a)
    return qs[0].start if qs else c_a


def _subject_text(clause: str) -> str:
    qs = find_quantities(clause)
    if qs:
        clause = clause[:qs[0].start]
    s = _QUAL_ADJ_RE.sub("", _clean(clause))
    s = re.sub(r"(年均增幅|年均增长|增幅|增长率?)$", "", _clean(s))
    return _clean(s)


def _what(kind: str, subject: str, before: str, after: str, cond: str, q: Quantity, terminal: bool,
          titles: list[str]) -> str:
    """A short Simplified description of the row."""
    b, a = _clean(before), _clean(after)
    if cond:
        for c in (cond, "对" + cond, "为" + cond):
            if b.startswith(c):
                b = _clean(b[len(c):])
                break
    if kind == ENTITLEMENT or not terminal:
        core = f"{b}{q.text}{a}"
        core = re.sub(r"分别(?=为|达|给予|是)", "", core)
        core = re.sub(r"^(?:即可|可|并|但|且|为)", "", core)
    else:
        b = re.sub(r"(?:分别|均|各)$", "", _QUAL_ADJ_RE.sub("", b).rstrip())
        core = f"{b}{a}"
    core = _clean(core)
    if subject and (not core or _needs_subject(b)):
        core = f"{subject}：{core}" if core else subject
    if kind == ENTITLEMENT and not _FREE_NOUN.search(core) and not _BENEFIT.search(core):
        for t in reversed(titles):
            if t.endswith(("？", "?")):
                continue
            t = _clean(re.sub(r"^第[一二三四五六七八九十百\d]+[章条]\s*", "", t))
            if _BENEFIT.search(t) or _FREE_NOUN.search(t):
                core = f"{t}：{core}"
                break
    return _clean(core)


def build_register(docs: list[Document]) -> list[Entitlement]:
    """One row per entitlement and per quantified target, in document order."""
    rows: list[Entitlement] = []
    for d in docs:
        rows.extend(_doc_rows(d))
    return rows


# ---------------------------------------------------------------------------------------------
# Coverage


@dataclass(frozen=True)
class Occurrence:
    source: str
    start: int
    end: int
    text: str  # the figure as written in the source
    context: str  # a little of the source around it
    captured: bool
    reason: str = ""  # why it has no row (worked example, eligibility condition, …)


@dataclass
class Coverage:
    """Every number with a unit in the corpus and whether a register row holds it."""

    occurrences: list[Occurrence]

    @property
    def total(self) -> int:
        return len(self.occurrences)

    @property
    def captured(self) -> int:
        return sum(o.captured for o in self.occurrences)

    @property
    def ratio(self) -> float:
        return self.captured / self.total if self.total else 1.0

    @property
    def missed(self) -> list[Occurrence]:
        return [o for o in self.occurrences if not o.captured]

    def for_source(self, source: str) -> "Coverage":
        return Coverage([o for o in self.occurrences if o.source == source])

    def __str__(self) -> str:
        return f"{self.captured} / {self.total} ({self.ratio:.1%})"

    def summary(self) -> str:
        """captured / total overall and per document, and why the rest has no row."""
        lines = [f"coverage: {self}"]
        for src in dict.fromkeys(o.source for o in self.occurrences):
            lines.append(f"  {src}: {self.for_source(src)}")
        reasons: dict[str, int] = {}
        for o in self.missed:
            reasons[o.reason or "?"] = reasons.get(o.reason or "?", 0) + 1
        if reasons:
            lines.append("  not captured: " + ", ".join(f"{k} {v}" for k, v in reasons.items()))
        return "\n".join(lines)

    def report(self) -> str:
        """The summary, then every figure not captured with its context."""
        lines = [self.summary()]
        for o in self.missed:
            lines.append(f"  not captured [{o.reason or '?'}] {o.source}:{o.start} {o.text}  …{o.context}…")
        return "\n".join(lines)


def coverage(docs: list[Document], rows: list[Entitlement]) -> Coverage:
    """List every number-with-unit occurrence in `docs` and whether it lies inside a row's quote."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for r in rows:
        spans.setdefault(r.source, []).append((r.start, r.end))
    occ: list[Occurrence] = []
    for d in docs:
        simp = to_simplified(d.text)
        if len(simp) != len(d.text):
            simp = d.text
        mine = spans.get(d.source, [])
        reasons = _reasons(d, simp)
        for q in find_quantities(simp):
            hit = any(a <= q.start and q.end <= b for a, b in mine)
            ctx = d.text[max(0, q.start - 20):q.end + 12].replace("\n", " ")
            occ.append(Occurrence(d.source, q.start, q.end, d.text[q.start:q.end], ctx, hit,
                                  "" if hit else reasons.get(q.start, "")))
    return Coverage(occ)


def _reasons(doc: Document, simp: str) -> dict[int, str]:
    """Why a figure got no row, by its start offset."""
    ctx = _Ctx(doc=doc, simp=simp, doc_period="")
    out: dict[int, str] = {}
    for ch in _own_text(chunk_document(doc)):
        if re.match(r"\s*例如", simp[ch.start:ch.end]):
            ctx.example_codes.add(ch.code)
        title = to_simplified(_title_core(ch.section_path[-1])) if ch.section_path else ""
        for sent in split_sentences(simp[ch.start:ch.end], ch.start):
            sentence = simp[sent.start:sent.end]
            for c_a, c_b in _split_at(sentence, sent.start, _CLAUSE_PUNCT):
                clause = simp[c_a:c_b]
                reason = _skip_reason(ctx, ch, sentence, clause, title=title) or "no rule matched"
                for q in find_quantities(clause, c_a):
                    out[q.start] = reason
    return out


# ---------------------------------------------------------------------------------------------
# Filtering and personas

PERSONAS: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
    # (words in the question, Simplified or lower-case English) → beneficiary labels
    (("大学生", "毕业生", "刚毕业", "应届", "年轻人", "青年", "蓉漂", "研究生", "硕士", "博士", "本科", "留学生",
      "graduate", "student", "young", "youth"), ("青年人才/高校毕业生",)),
    (("人才", "talent"), ("人才", "青年人才/高校毕业生")),
    (("新市民", "外地来", "刚来成都", "newcomer"), ("新市民",)),
    (("老人", "老年", "爸妈", "父母", "长辈", "退休", "爷爷", "奶奶", "外公", "外婆", "养老",
      "elderly", "senior", "retire", "old people", "parents"), ("老年人",)),
    (("孩子", "小孩", "儿童", "宝宝", "婴幼儿", "娃", "子女", "少年", "child", "kid", "baby"),
     ("儿童",)),
    (("残疾", "残障", "盲人", "聋", "disab", "handicap"), ("残疾人",)),
    (("低收入", "困难", "低保", "特困", "穷", "low-income", "low income", "poor"), ("低收入群体",)),
    (("小微企业", "中小企业", "中小微", "个体工商户", "个体户", "小企业", "小店", "sme", "small business"),
     ("中小微企业", "企业")),
    (("企业", "公司", "company", "business", "firm"), ("企业",)),
    (("创业", "开公司", "创客", "startup", "start-up", "entrepreneur", "founder"), ("创业者",)),
    (("找工作", "求职", "失业", "就业", "job", "unemployed"), ("求职者",)),
    (("农民", "农村", "村民", "farmer", "rural", "village"), ("农村居民",)),
    (("城镇居民", "城里", "urban"), ("城镇居民",)),
    (("病人", "患者", "patient"), ("患者",)),
    (("市民", "居民", "everyone", "resident", "citizen"), (ALL_RESIDENTS,)),
]
_ENGLISH_GROUPS = {
    "graduate": "青年人才/高校毕业生", "student": "青年人才/高校毕业生", "youth": "青年人才/高校毕业生",
    "young": "青年人才/高校毕业生", "talent": "人才", "elderly": "老年人", "senior": "老年人",
    "old": "老年人", "child": "儿童", "children": "儿童", "kid": "儿童", "disabled": "残疾人",
    "disability": "残疾人", "low-income": "低收入群体", "poor": "低收入群体", "sme": "中小微企业",
    "small business": "中小微企业", "business": "企业", "company": "企业", "enterprise": "企业",
    "entrepreneur": "创业者", "startup": "创业者", "start-up": "创业者", "jobseeker": "求职者",
    "job seeker": "求职者", "rural": "农村居民", "farmer": "农村居民", "urban": "城镇居民",
    "patient": "患者", "everyone": ALL_RESIDENTS, "all": ALL_RESIDENTS, "resident": ALL_RESIDENTS,
    "newcomer": "新市民",
}
_CATEGORY_ALIASES = {
    "住房": "housing", "住": "housing", "房": "housing", "就业": "work", "工作": "work",
    "创业": "start-up", "startup": "start-up", "教育": "education", "上学": "education",
    "医疗": "health", "健康": "health", "养老": "care", "照护": "care", "托育": "care",
    "交通": "transport", "出行": "transport", "环境": "environment", "生态": "environment",
    "服务": "services", "收入": "income", "其他": "other",
}
PERSONA_QUESTION_RE = re.compile(
    r"能享受什么|可以享受|能享受|能享有|可享受|有什么福利|有哪些福利|有啥福利|有什么政策|有哪些政策|"
    r"有什么优惠|有哪些优惠|有什么支持|有哪些支持|有什么补贴|有哪些补贴|有什么帮助|有哪些帮扶|"
    r"能得到什么|可以得到什么|能获得什么|可以获得什么|能领什么|可以领什么|有什么好处|"
    r"what can (?:i|we|they|he|she) get|what benefits?|which benefits?|what support|"
    r"what am i entitled|what (?:am i|are we) eligible|entitled to")


def _resolve_groups(who: str) -> list[str]:
    s = to_simplified(who).strip()
    low = s.lower()
    labels = [label for label, _ in BENEFICIARY_GROUPS] + [ALL_RESIDENTS]
    out = [lab for lab in labels if low and (low in lab or lab in low or
                                            any(part and part == low for part in lab.split("/")))]
    for words, groups in PERSONAS:
        if any(w in low for w in words):
            out.extend(groups)
    for en, group in _ENGLISH_GROUPS.items():
        if re.search(rf"\b{re.escape(en)}s?\b", low):
            out.append(group)
    return list(dict.fromkeys(out))


def _norm_code(s: str) -> str:
    s = to_simplified(s).strip().replace("（", "(").replace("）", ")").replace(" ", "")
    return s.replace("、", "")


def filter_rows(rows: list[Entitlement], for_: str | None = None, section: str | None = None,
                category: str | None = None) -> list[Entitlement]:
    """Rows for a beneficiary (either script, a persona word or English), a section code prefix
    such as 二(八) (or a title word) and a category."""
    out = list(rows)
    if for_:
        groups = set(_resolve_groups(for_))
        out = [r for r in out if groups & set(r.beneficiaries)] if groups else []
    if section:
        s = _norm_code(section)
        simple = re.sub(r"^[一二三四五六七八九十]+(?=\()", "", s)

        def hit(r: Entitlement) -> bool:
            code = _norm_code(r.code)
            if code.startswith(s):
                return True
            if s.startswith("(") and re.sub(r"^[一二三四五六七八九十]+(?=\()", "", code).startswith(simple):
                return True
            return not re.fullmatch(r"[()一二三四五六七八九十\d第章条.—]+", s) and s in to_simplified(r.section)

        out = [r for r in out if hit(r)]
    if category:
        c = category.strip().lower()
        c = _CATEGORY_ALIASES.get(to_simplified(c), c)
        out = [r for r in out if r.category == c]
    return out


@dataclass
class PersonaAnswer:
    """Rows for the people a "what can I get" question names, grouped by category."""

    personas: tuple[str, ...]  # beneficiary labels, e.g. ("青年人才/高校毕业生",)
    by_category: dict[str, list[Entitlement]]

    @property
    def rows(self) -> list[Entitlement]:
        return [r for rs in self.by_category.values() for r in rs]

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def is_persona_question(question: str) -> bool:
    q = to_simplified(question or "").lower()
    return bool(PERSONA_QUESTION_RE.search(q))


def persona_rows(question: str, rows: list[Entitlement]) -> PersonaAnswer | None:
    """For "我是刚毕业来成都的大学生，能享受什么？"-style questions: the rows for the personas named,
    entitlements first, grouped by category; None for any other question."""
    if not is_persona_question(question):
        return None
    q = to_simplified(question).lower()
    personas: list[str] = []
    for words, groups in PERSONAS:
        if any(w in q for w in words):
            if groups == (ALL_RESIDENTS,) and personas:
                continue
            personas.extend(groups)
    if "大学生" in q or "毕业生" in q:  # 学生 in 大学生 is not a child
        if not re.search(r"孩子|小孩|儿童|child|kid", q):
            personas = [p for p in personas if p != "儿童"]
    personas = list(dict.fromkeys(personas))
    wanted = set(personas)
    if wanted:
        picked = [r for r in rows if wanted & set(r.beneficiaries)]
    else:
        picked = [r for r in rows if r.kind == ENTITLEMENT]
    picked.sort(key=lambda r: (CATEGORIES.index(r.category), r.kind != ENTITLEMENT))
    by_cat: dict[str, list[Entitlement]] = {}
    for r in picked:
        by_cat.setdefault(r.category, []).append(r)
    return PersonaAnswer(tuple(personas), by_cat)


# ---------------------------------------------------------------------------------------------
# Output

CSV_FIELDS = ["id", "kind", "category", "beneficiaries", "what", "value", "unit", "qualifier",
              "condition", "period", "section", "code", "quote", "source", "start", "end", "doc_id"]


def to_json(rows: list[Entitlement]) -> str:
    return json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=2)


def from_json(text: str) -> list[Entitlement]:
    return [Entitlement.from_json(d) for d in json.loads(text)]


def to_csv(rows: list[Entitlement]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_FIELDS)
    for r in rows:
        d = r.to_json()
        d["beneficiaries"] = ";".join(r.beneficiaries)
        w.writerow([d[k] for k in CSV_FIELDS])
    return buf.getvalue()


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _fit(s: str, width: int) -> str:
    out, w = "", 0
    for c in s:
        cw = _width(c)
        if w + cw > width:
            return out[:-1] + "…" + " " * (width - w) if out else ""
        out += c
        w += cw
    return out + " " * (width - w)


def main_table(rows: list[Entitlement]) -> str:
    """A plain-text table for the CLI: code, kind, what, value+unit (qualifier), beneficiaries."""
    cols = [("section", 14), ("kind", 6), ("what", 40), ("value", 20), ("for", 40)]
    head = "  ".join(_fit(n, w) for n, w in cols).rstrip()
    lines = [head, "-" * _width(head)]
    for r in rows:
        amount = r.amount + (f" ({r.qualifier})" if r.qualifier else "")
        vals = [r.code or "-", "权益" if r.kind == ENTITLEMENT else "目标", r.what, amount or "-",
                "、".join(r.beneficiaries)]
        lines.append("  ".join(_fit(v, w) for v, (_, w) in zip(vals, cols)).rstrip())
    n_ent = sum(r.kind == ENTITLEMENT for r in rows)
    lines.append(f"{len(rows)} rows: {n_ent} entitlements, {len(rows) - n_ent} targets")
    return "\n".join(lines)
