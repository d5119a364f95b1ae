"""Figures in policy text: find the amount, duration, share or count a question asks for.

Works on Simplified text (offsets are kept by the same-length script conversion), so a value
found here is read back from the original clause by the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A value of each asked-for kind, matched on Simplified text.
# not the 2.5 of PM2.5; a range is one figure ("4-6所", "8-10公里")
NUM = r"(?<![A-Za-z\d.\-])\d+(?:\.\d+)?(?:\s*[-—~～]\s*\d+(?:\.\d+)?)?"
VALUE_PATTERNS = {
    "discount": rf"{NUM}折",
    "days": rf"{NUM}\s*(?:个工作日|天|日)(?!常)",
    "age": rf"{NUM}\s*周?岁",
    "level": r"[一二两三四五六七八九十\d]+\s*级|(?<![A-Za-z])[A-D]级",
    "area": rf"{NUM}\s*(?:万)?\s*(?:平方米|平米|亩|公顷|平方公里|㎡)",
    "date": rf"{NUM}\s*月\s*(?:[至到\-—~－]\s*{NUM}\s*月)?",
    "duration": rf"{NUM}\s*(?:天|个月|年(?![\d度底末初])|分钟|小时|周(?!岁))|{NUM}\s*年内|“?十四五”?末期?",
    "money": rf"{NUM}\s*(?:万元|亿元|元)",
    "percent": rf"{NUM}\s*%|百分之{NUM}",
    "length": rf"{NUM}\s*(?:万)?\s*(?:公里|千米|米|km)",
    "ratio": rf"{NUM}\s*[:：]\s*{NUM}",
    "count": rf"{NUM}\s*(?:万|亿)?\s*(?:个(?!月|百分点)|所|张|家|公里|平方米|万平方米|亩|户|场|条|座|处|名|人|套|间|项|支|类|次|台|辆|棵|株|千米|米|公顷|平方公里|天|分钟|%|元|万元|亿元|年|批|级|倍|床|微克|周?岁)|{NUM}\s*[:：]\s*{NUM}|{NUM}\s*%|{NUM}折",
}
# Numbers written in Chinese ("未来五年"), tried only when no digits answer the question.
_CN = "[一二两三四五六七八九十百千]+"
# "how many X": a number of things, not a share or a discount
VALUE_PATTERNS["units"] = rf"{NUM}\s*(?:万|亿)?\s*(?:个(?!月|百分点)|所|张|家|户|场|条|座|处|名|人|套|间|项|支|类|次|台|辆|批|床|公里|平方米|亩)"
VALUE_PATTERNS["people"] = rf"{NUM}\s*(?:万)?\s*(?:名|人|位)(?!次)"
VALUE_PATTERNS["count_cn"] = rf"{_CN}(?:万|亿)?(?:个|所|张|家|公里|户|年|条|座|项|支|类|次|倍)(?![一-龥]{{0,1}}样)"
VALUE_PATTERNS["duration_cn"] = rf"{_CN}(?:天|个月|年|分钟|小时|周)"
# "电梯年检要覆盖多少": the policy answers a share with "全覆盖"
VALUE_PATTERNS["full"] = r"全覆盖|全面覆盖"
VALUE_PATTERNS_RE = {k: re.compile(v) for k, v in VALUE_PATTERNS.items()}

_YEAR = re.compile(r"(19|20)\d\d(\s*[-—~～]\s*(19|20)\d\d)?\s*年")  # a year is a date, not an amount
_FALLBACK = {"percent": ("ratio", "full"), "ratio": ("percent",), "days": ("duration",), "money": ("percent",),
             "count": ("count_cn", "full"), "duration": ("duration_cn", "length"),
             "units": ("count_cn",), "length": ("duration",)}  # "多远": 15分钟步行


# "一个月能补多少" is answered by a subsidy's share (补贴比例70%), not by any share (覆盖率70%)
_FALLBACK_PHRASE = {("money", "percent"): re.compile(r"补|报销|资助|奖励|分担|折")}

# "人才公寓是打8.5折吧？": a question that states a figure to have it confirmed
CONFIRMING = re.compile(r"吧|吗|对吗|是不是|对不对|没错|\b(right|correct|is it|isn't it)\b", re.I)


@dataclass(frozen=True)
class Figure:
    """A figure found in a clause, and how well it fits the question."""

    text: str
    exact: bool  # of the asked kind, not of a fallback kind (a share asked, a ratio found)
    fit: float  # share of the question's words that the figure's own phrase names


_SEPARATORS = "，,、；。：:"


def _phrase(text_s: str, m) -> str:
    """The words around a figure up to the nearest separators: its subject and unit."""
    begin = max(text_s.rfind(sep, 0, m.start()) for sep in _SEPARATORS) + 1
    ends = [i for i in (text_s.find(sep, m.end()) for sep in _SEPARATORS) if i >= 0]
    return text_s[begin:min(ends, default=len(text_s))]


def _fit(phrase: str, anchors: list[str]) -> float:
    total = sum(len(a) for a in anchors)
    return sum(len(a) for a in anchors if a in phrase) / total if total else 0.0


@dataclass(frozen=True)
class Whole:
    """A total a question asks a part of: "新增的30万个学位里，高中学位有多少个" → 300000 个."""

    text: str  # as stated ("30万个"), to find the clause that states it
    amount: float
    unit: str

    def holds(self, figure: str) -> bool:
        """Whether a figure can be a part of this total: the same unit, and less."""
        m = _AMOUNT.search(figure)
        return bool(m) and m.group(3) == self.unit and _amount(m) < self.amount


_UNITS = r"个(?!月)|所|张|家|户|套|条|座|处|名|人|项|辆|床|公里|平方米|亩"
_AMOUNT = re.compile(rf"(\d+(?:\.\d+)?)\s*(万|亿)?\s*({_UNITS})")
_WHOLE = re.compile(rf"(\d+(?:\.\d+)?)\s*(万|亿)?\s*({_UNITS})[^，,。？?\d]{{0,12}}?(?:[，,]?\s*其中|里面|里|当中|之中|中)")


def _amount(m) -> float:
    return float(m.group(1)) * {"万": 1e4, "亿": 1e8}.get(m.group(2) or "", 1)


def whole_of(question_s: str) -> Whole | None:
    """The total a (Simplified) question asks a part of, when it states one."""
    m = _WHOLE.search(question_s)
    return Whole(_bare(m.group(0)[:m.end(3) - m.start()]), _amount(m), m.group(3)) if m else None


def _ordinal(text_s: str, m) -> bool:
    """"第二十三条", "第5天": a position, not an amount."""
    return text_s[max(0, m.start() - 1):m.start()] == "第"


def find_figure(kind: str, text_s: str, anchors: list[str], given: frozenset[str] = frozenset(),
                whole: Whole | None = None) -> Figure | None:
    """The value of the asked kind in a Simplified clause: the one whose own phrase says most
    of what the question asks about (新职业岗位25万个, not 实习见习岗位10万个).

    Args:
        given: figures the question itself states ("800米范围覆盖多少"), which are not what it asks
        whole: a total the question asks a part of; only a smaller figure of its unit answers
    """
    pattern = VALUE_PATTERNS_RE.get(kind) or VALUE_PATTERNS_RE["count"]
    found = [m for m in pattern.finditer(text_s) if not _YEAR.match(m.group(0)) and not _ordinal(text_s, m)
             and _bare(m.group(0)) not in given
             and (whole is None or whole.holds(m.group(0)))]
    exact = bool(found)
    for other in _FALLBACK.get(kind, ()):
        if found:
            break
        if other == "full" and not any("覆盖" in a for a in anchors):
            continue  # "几成业主同意" is not answered by 物业服务全覆盖
        found = [m for m in VALUE_PATTERNS_RE[other].finditer(text_s) if not _YEAR.match(m.group(0)) and not _ordinal(text_s, m)
                 and _bare(m.group(0)) not in given and (whole is None or whole.holds(m.group(0))) and ((kind, other) not in _FALLBACK_PHRASE
                      or _FALLBACK_PHRASE[kind, other].search(_phrase(text_s, m)))]
    if not found:
        return None
    picked = _respectively(found, text_s, anchors)
    after_equals = [m for m in found if "=" in text_s[:m.start()]]
    if picked is None and after_equals:  # a worked example: the result after "=" is the answer
        picked = after_equals[-1]
    if picked is not None:  # the figure's subject is named elsewhere in the sentence
        return Figure(picked.group(0).strip("“”"), exact, _fit(text_s, anchors))
    if len(found) == 1 or not anchors:
        picked = found[0]
    else:
        picked = max(found, key=lambda m: (_fit(_phrase(text_s, m), anchors), -m.start()))
    return Figure(picked.group(0).strip("“”"), exact, _fit(_phrase(text_s, picked), anchors))


def given_figures(question_s: str) -> frozenset[str]:
    """The figures a (Simplified) question states itself, to be left out of its answers."""
    question_s = re.sub(r"(\d)\s*块钱?", r"\1元", question_s)  # "每平米30块" states 30元
    question_s = re.sub(r"(\d)\s*平(?![方米])", r"\1平方米", question_s)  # "我租的房子有60平"
    question_s = re.sub(r"(\d)\s*(?:yuan|rmb)\b", r"\1元", question_s, flags=re.I)
    question_s = re.sub(r"(\d)\s*(?:m²|m2|sq\.? ?m\b|square met(?:re|er)s?)", r"\1平方米", question_s, flags=re.I)
    return frozenset(_bare(m.group(0)) for kind in ("count", "area", "money")
                     for m in VALUE_PATTERNS_RE[kind].finditer(question_s))


def figures_left_out(question_s: str) -> frozenset[str]:
    """The figures a question states, which its answer must not repeat (改造6100个，其中今年多少),
    unless it states one to have it confirmed (人才公寓是打8.5折吧)."""
    confirming = list(CONFIRMING.finditer(question_s))
    # "能按60平算吗？最多按多少平？": confirming one figure, then asking for another
    if confirming and not re.search(r"多少|几", question_s[confirming[-1].end():]):
        return frozenset()
    return given_figures(question_s)


def _bare(figure: str) -> str:
    return re.sub(r"\s+", "", figure).strip("“”")


def find_value(kind: str, text_s: str, anchors: list[str]) -> str | None:
    """The text of :func:`find_figure`'s figure, or None."""
    figure = find_figure(kind, text_s, anchors)
    return figure.text if figure else None


def _respectively(found, text_s: str, anchors: list[str]):
    """"A、B、C类…分别为100%、100%、70%": the value in the asked item's position."""
    m = re.search(r"分别(?:为|达|是|达到)?", text_s)
    if not m:
        return None
    after = [f for f in found if f.start() >= m.end()]
    values = []
    for f in after:
        if values and not re.fullmatch(r"\s*(/[^、，,]{1,6})?\s*[、,，]\s*", text_s[values[-1].end():f.start()]):
            break  # "1500元/人·月、800元/人·月" lists two values; anything else ends the list
        values.append(f)
    if len(values) < 2:
        return None
    head = text_s[:m.start()]
    letters = re.findall(r"([A-F])(?=、|类)", head[-40:])
    items = letters if len(letters) == len(values) else None
    if items is None:
        last = re.search(r"([\u4e00-\u9fff]{1,8}(?:、[\u4e00-\u9fff]{1,8})+)[^、]*$", head)
        parts = last.group(1).split("、") if last else []
        items = parts if len(parts) == len(values) else None
    if items is None and len(values) == 2:
        pairs = re.findall(r"([\u4e00-\u9fff]{2})或([\u4e00-\u9fff]{2})", head)  # "硕士或本科毕业生"
        items = list(pairs[-1]) if pairs else None
    if not items:
        return None
    # the item named first among the anchors (a follow-up's own words come first: "本科呢" after 硕士)
    named = [(min(i for i, a in enumerate(anchors) if item + "类" == a or len(item) > 1 and item in a), value)
             for item, value in zip(items, values)
             if any(item + "类" == a or len(item) > 1 and item in a for a in anchors)]
    return min(named, key=lambda x: x[0])[1] if named else None


