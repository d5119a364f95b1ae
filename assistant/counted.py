"""What an English "how many" counts, and whether a figure's counter and clause fit it.

"How many new parking spaces" is not answered by 6100个 old compounds; "how many beds" is counted in 张.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .expand import expand_query
from .script import to_simplified


# what an English "how many <things>" may be counted in, by the things
_EN_COUNTERS = (
    (re.compile(r"beds?"), "张床"),
    (re.compile(r"(nurses|doctors|physicians|teachers|people|persons|residents|workers|talents|graduates|volunteers|"
                r"observers|members|experts|students|athletes|staff)"), "人名"),
    (re.compile(r"(lines|routes)"), "条"),
    (re.compile(r"(households|families)"), "户"),
    (re.compile(r"(bikes|bicycles|cars|vehicles|buses|trucks)"), "辆"),
    (re.compile(r"(schools|kindergartens|hospitals|stores|shops|canteens|markets|stations|centres|centers|parks|"
                r"sites|spaces|venues|shelters|libraries|museums|theatres|theaters)"), "个所家座处"),
)
_ANY_PLACE = _EN_COUNTERS[-1][1]
_ANY_LINE = "条"  # bus routes and metro lines are both counted in 条
_EN_MEASURES = re.compile(r"(kilomet|km|met(er|re)s|square|hectare|mu\b|days|nights|weeks|months|years|minutes|hours|"
                          r"yuan|rmb|percent|points|times)")
_HOW_MANY = re.compile(r"\b(?:how many|number of)\b((?:\s+[\w-]+){1,5})", re.I)


def counted_as_asked(question: str, value: str) -> bool:
    """Whether a figure's counter fits the things an English "how many" asks about."""
    m = _HOW_MANY.search(question)
    unit = re.sub(r"^[\d.\s万亿-]+", "", value or "")
    if not m or not unit or unit.startswith("%"):
        return True  # "how many people get to work within half an hour": a share answers
    for word in m.group(1).lower().split():
        if _EN_MEASURES.match(word):
            return True  # "how many kilometres of metro lines": a length, whatever it measures
        for things, counters in _EN_COUNTERS:
            if things.fullmatch(word):
                return unit[:1] in counters
    return True


_COUNTED_ENDS = re.compile(r"\b(?:will|are|is|was|were|does|do|did|should|must|can|could|would|has|have|had|to|be|"
                           r"in|on|at|for|of|by|under|the|get|per|each|across|from|with)\b")


@lru_cache(maxsize=256)
def _counted(question: str) -> tuple[str, tuple[str, ...]]:
    """The things an English "how many" counts, and their policy terms ("" when a measure)."""
    m = _HOW_MANY.search(question)
    counted = _COUNTED_ENDS.split(m.group(1).lower())[0].strip() if m else ""
    if not counted or any(_EN_MEASURES.match(w) for w in counted.split()):
        return "", ()
    # a general modifier says nothing of what is counted ("international students": 学生, not the
    # 国际 of 国际赛事20项)
    general = {t for w in counted.split() if w in _GENERAL_MODIFIERS
               for t in re.findall(r"[\u4e00-\u9fff]+", expand_query(w))}
    return counted, tuple(t for t in re.findall(r"[\u4e00-\u9fff]+", expand_query(counted)) if t not in general)


_GENERAL_MODIFIERS = frozenset({"international", "foreign", "global", "overseas", "new", "more", "additional",
                                "major", "big", "large", "small", "local", "public", "young", "senior"})


def names_counted(question: str, clause_s: str, value: str) -> bool:
    """Whether a clause names, in the sentence leading to its figure, the things an English
    "how many" counts, where the glossary knows them ("how many new parking spaces": 6100个
    counts old residential compounds; the parking in that clause is another sentence's)."""
    counted, terms = _counted(question)
    if not counted or not value:
        return True
    unit = re.sub(r"^[\d.\s万亿-]+", "", value)[:1]
    ranked = re.search(rf"[前第]\s*{re.escape(to_simplified(value))}", clause_s)  # 前150名 is a rank, not 150 people
    if not ranked and any(things.fullmatch(w) and unit in counters and counters not in (_ANY_PLACE, _ANY_LINE)
           for w in counted.split() for things, counters in _EN_COUNTERS):
        return True  # "how many households": 户 says what it counts
    at = clause_s.find(to_simplified(value))
    if not terms or at < 0:
        return True
    lead = clause_s[:at + len(value)]
    lead = lead[max(lead.rfind(sep) for sep in "。；;") + 1:]
    # "公交接驳地铁线路新增100条" counts the buses that connect, not the metro lines they reach
    if not any("接驳" in t for t in terms):  # unless the feeder buses are what is counted
        lead = re.sub(r"接驳[\u4e00-\u9fff]{0,6}", "", lead)
    # a compound term's head (its last two characters) names the kind: 体育赛事 → 国际赛事; a
    # general head does not (停车设施 is not any 设施)
    return any(t in lead or len(t) >= 4 and t[-2:] not in _GENERAL_HEADS and t[-2:] in lead for t in terms)


_GENERAL_HEADS = frozenset({"设施", "资源", "服务", "体系", "机构", "建设", "场所", "空间", "项目", "工程", "中心", "平台", "场景"})
