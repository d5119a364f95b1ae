"""Kinds the policy names beside each other, so that a figure for one is not read as the other's.

The policy sets a target for PM2.5 and none for ozone, one for doctors per thousand people and
none for nurses, one for contracts going to small and medium firms and none for private firms.
Residents ask about the neighbour; word overlap and sentence similarity cannot tell them apart
(浓度, 千人口…数, 合同比例 are shared), so this table names the kinds that exclude each other.
Each group lists kinds of one thing; each kind is a list of the ways it is written, Simplified
Chinese and lower-case English.
"""

from __future__ import annotations

import re
from functools import lru_cache

GROUPS: list[list[tuple[str, ...]]] = [
    # air pollutants
    [("pm2.5", "细颗粒物"), ("pm10", "可吸入颗粒物"), ("臭氧", "ozone"), ("二氧化硫", "sulfur dioxide", "sulphur dioxide"),
     ("二氧化氮", "nitrogen dioxide"), ("一氧化碳", "carbon monoxide"), ("氮氧化物", "nitrogen oxides"),
     ("油烟", "cooking fumes", "kitchen fumes"), ("扬尘", "dust")],
    # health resources counted per thousand people
    [("床位", "hospital bed", "beds per"), ("医师", "医生", "doctor", "physician"), ("护士", "护理人员", "nurse"), ("托位", "托育位", "childcare place"),
     ("药师", "pharmacist")],
    # kinds of firm
    [("中小企业", "中小微企业", "小微企业", "中小微", "small and medium", "sme", "small business"),
     ("民营企业", "民企", "私营企业", "民营经济", "private enterprise", "private firm", "private company",
      "private companies", "private sector"),
     ("国有企业", "国企", "state-owned"), ("外资企业", "外企", "外商投资", "foreign-invested", "foreign firm", "foreign company",
      "foreign companies")],
    # how long a public-transport trip waits
    [("换乘", "transfer time"), ("候车", "等车", "waiting time", "wait for"), ("发车间隔", "班次间隔", "发车频率", "headway", "frequency", "interval"),
     ("急救", "救护车", "120", "ambulance"), ("消防", "fire engine")],
    # how people travel
    [("绿色交通", "green transport", "green travel"), ("公共交通", "公交", "public transport", "bus"),
     ("轨道交通", "地铁", "轨道", "metro", "subway", "rail"), ("步行", "walking"), ("自行车", "骑行", "单车", "cycling", "bicycle", "bike"),
     ("私家车", "小汽车", "自驾", "private car"), ("出租车", "网约车", "taxi")],
    # kinds of housing
    [("人才公寓", "talent apartment", "talent flat"), ("保障性租赁住房", "保租房", "租赁住房", "rental housing"),
     ("公租房", "公共租赁住房", "public rental"), ("共有产权", "shared ownership"), ("商品房", "commercial housing"),
     ("安置房", "resettlement housing")],
    # kinds of care bed
    [("普惠性养老床位", "养老床位", "elderly care bed"), ("护理型床位", "nursing bed"), ("家庭照护床位", "home care bed"),
     ("认知障碍", "失智", "dementia")],
    # degrees and posts of the talents' rules
    [("博士后", "postdoc", "post-doctoral", "postdoctoral"), ("博士(?!后)", "phd", "doctoral degree", "doctorate"),
     ("硕士", "master's", "masters"), ("本科", "bachelor", "undergraduate"), ("大专", "专科", "junior college")],
    # fire service
    [("消防队站", "消防站", "fire station"), ("消防员", "消防队员", "firefighter", "fire fighter"),
     ("消防车", "fire engine", "fire truck")],
    # what becomes of waste and land
    [("分类覆盖率", "sorting coverage"), ("回收利用率", "回收率", "recycling rate"), ("无害化处理率", "harmless"),
     ("安全利用率", "safe use"), ("综合利用率", "comprehensive use")],
    # water bodies
    [("重点湖泊", "湖泊", "lake"), ("饮用水水源", "饮用水", "drinking water"), ("地表水", "surface water"),
     ("地下水", "groundwater")],
    # helpers per thousand residents
    [("社区健康师", "community health"), ("社会体育指导员", "体育指导员", "social sports instructor")],
    # space per head
    [("体育场地", "sports ground", "sports facilit"), ("公园绿地", "绿地面积", "park space", "green space per"),
     ("应急避难场所", "emergency shelter"), ("住房面积", "居住面积", "living space", "floor space per")],
    # hospitals by grade
    [("三甲", "三级甲等", "grade-a tertiary", "top-tier hospital"), ("二甲", "二级甲等", "二级医院", "secondary hospital"),
     ("社区卫生服务中心", "社区医院", "community health centre", "community health center")],
    # places to visit
    [("全域旅游示范区", "all-for-one tourism"), ("旅游度假区", "resort"), ("5a", "a级景区", "a级旅游景区", "scenic spot")],
    # shops
    [("购物中心", "商场", "shopping mall", "shopping centre", "shopping center"), ("菜市场", "菜场", "wet market", "food market"),
     ("生鲜超市", "超市", "supermarket"), ("首店", "flagship store", "first store"), ("体验店", "experience store"),
     ("连锁店", "chain store"), ("特色小店", "small shop"), ("夜市", "night market")],
    # venues
    [("博物馆", "图书馆", "美术馆", "剧场", "音乐厅", "museum", "librar", "theatre", "theater", "concert hall"),
     ("书店", "阅读空间", "bookstore", "bookshop", "reading space"), ("电影院", "影院", "cinema", "movie theater")],
    # jobs on offer
    [("实习见习", "实习岗位", "见习岗位", "internship", "traineeship"), ("新职业", "new occupation", "new-type job"),
     ("公益性岗位", "public welfare job", "public-welfare job")],
    # utilities
    [("供电", "电力", "停电", "power supply", "electricity"), ("供水", "停水", "自来水", "water supply", "tap water"),
     ("供气", "燃气", "天然气", "gas supply")],
    # what is checked for safety
    [("食品", "food"), ("药品", "基本药物", "medicine", "drug"), ("化妆品", "cosmetic"), ("农产品", "farm produce")],
    # town and country: the policy sets a figure for one and not always for the other
    [("城市社区", "城镇社区", "urban communit", "city communit"), ("乡村社区", "农村社区", "rural communit", "village communit")],
    # students' health
    [("优良率", "体质健康", "physical fitness"), ("近视率", "近视", "myopia"), ("肥胖率", "肥胖", "obesity")],
    # what residents earn and spend per head
    [("可支配收入", "disposable income"), ("消费支出", "消费性支出", "consumption expenditure", "consumer spending",
                                             "spending per")],
    # green cover
    [("森林覆盖率", "forest cover"), ("绿化覆盖率", "green cover"), ("湿地", "wetland"), ("草地", "草原", "grassland")],
]


def _pattern(word: str) -> str:
    if word.isascii() and word[0].isalpha():
        return rf"(?<![a-z]){re.escape(word)}(s|es)?(?![a-z])"  # "bus", not "business"; "nurses"
    return word if "(?" in word else re.escape(word)  # 博士(?!后): a doctor, not a postdoc


@lru_cache(maxsize=1)
def _compiled() -> list[list[re.Pattern]]:
    return [[re.compile("|".join(_pattern(w) for w in kind)) for kind in group] for group in GROUPS]


# a figure's own phrase: back to the nearest comma or stop, so a list joined by 、 stays whole
# ("义务教育、普通高中优质学校覆盖率提升到70%")
_PHRASE_START = re.compile(r"[，,；;。：:][^，,；;。：:]*$")


def figure_phrases(text_s: str, figure: str) -> list[str]:
    """The parts of a clause that lead up to and state a figure, one for each time it occurs
    ("换乘时间不超过5分钟,公交平均候车时间降低至5分钟")."""
    out = []
    at = text_s.find(figure)
    while at >= 0:
        before = text_s[:at]
        m = _PHRASE_START.search(before)
        out.append((before[m.start() + 1:] if m else before) + figure)
        at = text_s.find(figure, at + 1)
    return out or [text_s]


def _stated(group: list[re.Pattern], phrase: str, clause: str) -> list[re.Pattern]:
    """The kinds of a group a figure is for: those its own phrase names, else its clause's
    ("取得全日制博士学历…给予2000元")."""
    return [k for k in group if k.search(phrase)] or [k for k in group if k.search(clause)]


def other_kind(question_s: str, phrase_s: str, clause_s: str = "") -> tuple[str, str] | None:
    """A kind the question asks about while the figure's phrase names another of its group.

    Args:
        question_s: the question, Simplified (English is matched lower-case)
        phrase_s: the figure's own phrase, Simplified
        clause_s: the figure's whole clause; a kind it names elsewhere ("其中护理型床位占多少" beside
            "养老床位10000张") may be stated there, so it is not another's
    Returns:
        (a word of the asked kind, a word of the stated kind), or None when they agree or the
        table does not know the kinds
    """
    q, phrase, clause = question_s.lower(), phrase_s.lower(), clause_s.lower()
    for group in _compiled():
        stated = _stated(group, phrase, clause)
        asked = [k for k in group if k.search(q)]
        if stated and asked and not set(asked) & set(stated) and not any(k.search(clause) for k in asked):
            return asked[0].search(q).group(0), (stated[0].search(phrase) or stated[0].search(clause)).group(0)
    return None


def names_asked_kind(question_s: str, clause_s: str, phrase_s: str, figure_clause_s: str) -> bool:
    """Whether a clause names the asked kind of the group in which another clause's figure (its
    phrase and clause given) is for another kind: a clause that may answer in its place.

    It must also keep the kinds of other groups that the question and the figure's clause agree
    on: "城市社区的骑行生活圈" is not answered by a 城市社区 clause about children's parks, since
    the 乡村社区 clause was right about 骑行."""
    q, clause, figure_clause = question_s.lower(), clause_s.lower(), figure_clause_s.lower()
    for group in _compiled():
        if any(k.search(q) and k.search(figure_clause) and not k.search(clause) for k in group):
            return False
    for group in _compiled():
        stated = _stated(group, phrase_s.lower(), figure_clause)
        if stated and any(k.search(q) for k in group if k not in stated):
            return any(k.search(q) and k.search(clause) for k in group)
    return False
