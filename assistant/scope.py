"""Scope: what the corpus does not cover, and what a clause must show to answer.

The answer stage asks these questions of a question and its best clauses: does the clause state
the kind of thing asked for (an amount, a place, a date, materials...); is the question about
another place, a district's share or a named school the corpus never mentions (places), a year or
plan period it does not cover (periods), what another document says (other documents), or no policy
at all. Each "no" has its own message (what the answer says).
"""

from __future__ import annotations

import re

from .expand import ENGLISH as ENGLISH_TERMS, expand_query
from .lexical import STOPWORDS, name_tag, segment
from .question import YES_NO
from .script import ENGLISH, has_cjk, to_script


# What a clause must show to answer a question that asks for more than a statement.
NEED_EVIDENCE = {
    "money": re.compile(r"\d+(?:\.\d+)?\s*(?:万元|亿元|元)"),
    # where a thing is: a place the text names ("龙泉山城市森林公园璀璨“绿心”"), not a website
    "place": re.compile(r"新城|区域(?![^，。]{0,3}医疗|性)|[市县]、.{2,4}[市县]|地址|窗口|大厅|位于|(?<![〕\]\d])\d+号|[\u4e00-\u9fff]山(?!水)|公园|街道|乡镇|认定地|行政区域范围|所在地|地下空间|边角余料"),
    "address": re.compile(r"地址|(?<![〕\]\d])\d+号|[路街巷]\d+"),
    "hours": re.compile(r"\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*点|开放时间|营业时间"),
    "time": re.compile(r"\d{4}年|\d+月|\d+日|每年|每月|每周|十四五|十三五|次年|次月|当月|之日起"),
    "deadline": re.compile(r"\d+\s*月|截止|截至"),
    "materials": re.compile(r"材料|证件|复印件|证明|承诺书|执照|申请表"),
    "procedure": re.compile(r"申请|申报|登记|报名|登录|提交|流程|步骤|程序"),
    "contact": re.compile(r"电话|热线|网址|https?://|邮箱|\d{3,4}-\d{7,8}"),
    "phone": re.compile(r"电话|热线|\d{3,4}-\d{7,8}|\b1\d{10}\b|12345"),
    # two quoted names, or items listed with their count ("市民观察员、专业观察员、媒体观察员三支队伍")
    "names": re.compile(r"[“《][^”》]{2,24}[”》]\s*[、,，]?\s*[“《][^”》]{2,24}[”》]|"
                        r"[\u4e00-\u9fff]{2,8}(、[\u4e00-\u9fff]{2,8})+[两三四五六七八九十](支|类|个|项|种|所|家)"),
    "name": re.compile(r"[“《][^”》]{2,24}[”》]"),
    "processing": re.compile(r"工作日|日内|个月内办结|办结|时限"),
    "interest": re.compile(r"利率|利息|年化|基点|LPR"),
    "collateral": re.compile(r"抵押|担保|质押|信用贷"),
    "batch": re.compile(r"第[一二三四五六七八九十\d]+批|分批|批次"),
    "concession": re.compile(r"\d+(?:\.\d+)?\s*折|优惠|免费|减免|免收|半价"),
    # which office does it (人社局, not 布局); a 重点单位, 培养单位 or 工作单位 is what it is done for or at
    "department": re.compile(r"(?<![布格结大全当开胜出])局|委员会|人社|财政(?!资金)|住建|部门|(?<!重点|培养|文保|工作|事业)单位"),
    "payday": re.compile(r"\d+月[^，。；]{0,20}(发放|拨付|到账)|(发放|拨付|到账)[^，。；]{0,20}\d+月"),
    "operator": re.compile(r"公司|集团|银行"),  # who runs or pays for it: a named company or bank
    "person": re.compile(r"同志|(?<!城)市长|书记|主任"),  # a named official
    "appeal": re.compile(r"申诉|复议|复核|异议"),
    "penalty": re.compile(r"罚"),  # a fine
    "sanction": re.compile(r"罚|追回|不得申报|取消|诚信档案|追究"),  # what happens to who breaks the rules
    "budget": re.compile(r"投资|投入|预算|资金|经费"),
    "tax": re.compile(r"税"),
    "funder": re.compile(r"财政|资金|出资|经费|投资|投入|筹集"),
    "education": re.compile(r"学历|学位|本科|硕士|博士|大专|专科|毕业"),
    "reservation": re.compile(r"预约|预订|即来即享|随到随"),
    "capital": re.compile(r"注册资本|注册资金"),
    "sale-price": re.compile(r"售价|销售价格|购买价格|购房价格"),
    "return-period": re.compile(r"年一遇|重现期"),
    "former": re.compile(r"原标准|调整前|此前|原来"),
    "rank": re.compile(r"第[一二三四五六七八九十百\d]+名|前\d+名?|排名"),
    "sport": re.compile(r"足球|篮球|排球|乒乓|羽毛球|网球|马拉松|游泳|田径|棋"),
    "free": re.compile(r"免费|免收|免除|减免|不收|\d+(?:\.\d+)?\s*(?:万元|亿元|元)"),
    "foreigner": re.compile(r"外籍|外国|境外|港澳台"),
    "hukou": re.compile(r"户籍|户口"),
    "age": re.compile(r"\d+\s*周?岁|年满|年龄"),
    "retiree": re.compile(r"退休"),
    "disabled": re.compile(r"残疾|残障"),
    "family": re.compile(r"配偶|子女|家属|随迁"),
    "districts": re.compile(r"[\u4e00-\u9fff]{2,4}[区县市]、[\u4e00-\u9fff]{2,4}[区县市]"),
    "issued": re.compile(r"\d{4}年\d{1,2}月\d{1,2}日"),
    "docno": re.compile(r"[〔\[（(]\s*\d{4}\s*[〕\]）)]\s*\d+\s*号"),
    "conditions": re.compile(r"以下条件|下列条件|条件之一|须同时|应当具备|须满足|需满足|符合以下|须为|年满|只需|认定地|不得"),
}

# Needs about who may get something: the clause itself must speak of that kind of person
# (户籍人口, 3岁以下); its chunk need not repeat the rest of the question.
PERSON_NEEDS = frozenset({"foreigner", "hukou", "age", "retiree", "family", "disabled"})

# Where to apply, report or look something up: a platform or website is a place too.
ONLINE_ASK = re.compile(r"申请|办理|报名|注册|登录|登陆|查询|查到|查看|(去|在|到)哪(里|儿)?查|系统|下载|反映|提意见|投诉|打到|到账|提交|预约|"
                        r"\b(apply|register|sign up|report|check|download|paid)\b", re.I)
PLACE_ONLINE = re.compile(NEED_EVIDENCE["place"].pattern + r"|平台|系统|网站|网址|https?://|小程序|APP|App|账户")


# ------------------------------------------------------------------ places

# Places other than Chengdu: the corpus speaks for Chengdu only.
OTHER_PLACES = re.compile(
    r"北京|上海|天津|重庆|广州|深圳|杭州|南京|武汉|(?<!东)西安(?!全)|苏州|长沙|郑州|青岛|厦门|合肥|济南|昆明|贵阳|"
    r"沈阳|大连|哈尔滨|长春|福州|南宁|海口|三亚|兰州|西宁|银川|乌鲁木齐|拉萨|呼和浩特|石家庄|太原|南昌|"
    r"宁波|无锡|东莞|佛山|珠海|香港|澳门|台湾|台北|台中|台南|高雄|新竹|绵阳|德阳|乐山|宜宾|南充|泸州|自贡|眉山|雅安|"
    r"遂宁|内江|广元|广安|达州|巴中|攀枝花|资阳|"
    r"国家层面|国家政策|中央政策|全国性|全国的|national (level|policy|policies)|\bnationwide\b|美国|日本|英国|\b(Beijing|Shanghai(?![- ]?Ranking)|Shenzhen|Guangzhou|Hangzhou|Chongqing|Wuhan|Nanjing|Tianjin|Xi'an|Hong Kong)\b",
    re.I)


def about_other_place(q_s: str) -> bool:
    """"上海的人才公寓打几折", "重庆是不是也有十大工程": another place is what is asked about.

    Coming from another place ("我从上海来成都，…") is not.
    """
    if not OTHER_PLACES.search(q_s):
        return False
    if "成都" not in q_s and "蓉" not in q_s:
        # unless each place named is where the asker comes from ("我是台湾的供应商，…要新建多少家")
        return not all(re.search(r"(我是|我们是|来自|我从)[^，,]{0,2}$", q_s[:m.start()])
                       for m in OTHER_PLACES.finditer(q_s))
    for part in re.split(r"[，,。；;!！]", q_s):
        m = OTHER_PLACES.search(part)
        # where the asker comes from is context ("我是台湾的供应商，…要新建多少家")
        if m and not re.search(r"(从|来自|在|离开|回|我是|我们是)[^，,]{0,2}$", part[:m.start()]) \
                and re.search(r"是不是|有没有|是否|多少|几|吗|呢|还是|比起来|相比|哪个(多|少|长|短|高|低|好)|"
                              r"(跟|和|与)[^，,]{0,6}比|怎么样|what|how|does|is there|compare", part, re.I):
            return True
    return False


# Districts and counties of Chengdu: the policy sets city-wide targets, not each district's share.
DISTRICTS = re.compile(
    r"锦江区|青羊区|金牛区|武侯区|成华区|龙泉驿|青白江|新都区|温江|双流|郫都|新津|"
    r"高新区|天府新区|东部新区|\b(Wuhou|Jinjiang|Qingyang|Jinniu|Chenghua|Longquanyi|Qingbaijiang|"
    r"Xindu|Wenjiang|Shuangliu|Pidu|Xinjin|Gaoxin|Tianfu New Area|(Chengdu )?Hi-?Tech Zone|High-?Tech Zone|"
    r"Eastern New Area)\b",
    re.I)


_SHARE = re.compile(r"分到|分得|分配|分给|落到|摊到|轮到")


def between_places(q_s: str) -> bool:
    """"从天府新区到高新区平均通勤要多少分钟": a trip between two places the question names; the
    policy's commuting figures are city-wide averages."""
    for part in re.split(r"[，,。？?；;!！]", q_s):
        found = list(DISTRICTS.finditer(part))
        if len(found) >= 2 and re.search(r"到|\bto\b", part[found[0].end():found[1].start()]) \
                and re.search(r"多少|几|多久|多长|好久|how (long|many|much|far)", part, re.I):
            return True
    return False


def district_share(asked: str, q_s: str) -> bool:
    """"武侯区要建几个避难场所": a district's own share of a city-wide target.

    A district the asker lives in ("我住武侯区，人才公寓打几折") does not count.
    """
    if re.search(r"(都江堰|彭州|邛崃|崇州|简阳|金堂|大邑|蒲江)[市县]?(自己|本地|单独)的", q_s):
        return True  # "都江堰市自己的优良天数目标": a county-level city's own target
    for part in re.split(r"[，,。？?；;!！]", q_s):
        m = DISTRICTS.search(part)
        if not m:
            # "我住高新区，我们区分到的改造任务是多少个": the asker's district, named before
            if re.search(r"(我们|咱们|咱)(这个)?[区县]里?[^，。？?]{0,2}(分到|分得|分配|摊到|轮到|的?任务)", part) \
                    and re.search(r"多少|几", part):
                return True
            continue
        before = part[:m.start()]
        # where the asker lives or works is context; "我们高新区能分到几个" asks for the district's share
        # ("有多少所在天府新区" asks the district's share: 在 follows the count)
        if re.search(r"(住|在|来|去|到|从)[^，,]{0,3}$", before) and not _SHARE.search(part) \
                and not re.search(r"(多少|几)[^，,]{0,3}(在|到)[^，,]{0,3}$", before) \
                or re.search(r"\b(i|we)\b[^,.]{0,20}\b(live|living|stay|staying|moved?|from)\b[^,.]{0,8}$", before, re.I):
            continue
        if re.search(r"多少|几|好多(?!人)|哪些|哪里|在哪|有没有|是否|会不会|能不能|吗|how many|how much|which|where|share|"
                     r"\b(will|are|is|does|do) (any|there|it|they)\b", part, re.I):
            return True
    # "各区（市）县分别分到多少套": every district's share
    # (a level every district is to reach, "各区县的中医医院要达到几级", is no share)
    return bool(re.search(r"各(个)?区[（(]?市?[)）]?县?[^，。？?]{0,16}(多少|几(?!级))", q_s))


# A named school, hospital, neighbourhood or lake ("成都七中", "华西医院", "玉林小区"): a proper name
# (jieba's place/organisation/abbreviation tags) before one of these words, or ending in one.
_PLACE_WORDS = frozenset({"医院", "小区", "湖", "中学", "小学", "大学", "校区", "公园", "街道", "社区", "路", "街",
                          "学校", "幼儿园"})
_NAME_ENDS = ("大学", "学院", "医院", "公司", "银行", "交大")
# whose school it is ("孙女学校会不会开心理健康课") is no name
_KIN = frozenset({"孙女", "孙子", "外孙", "外孙女", "女儿", "儿子", "孩子", "小孩", "娃娃", "闺女", "侄女", "侄子", "外甥"})
_EN_NAME = re.compile(r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)*)\s(?:University|Hospital|Middle School|High School|Primary School|"
                      r"Lake|Road|Street|Bank|Company)\b")
_NAME_CUE = re.compile("|".join(_PLACE_WORDS | set(_NAME_ENDS)) + r"|[一二三四五六七八九十]中(?![心国央期小等医])")


# "改造包不包括外墙保温", "包括加装电梯吗": whether a named item is included
_INCLUDES = re.compile(r"包不包括|含不含|会不会(?=[^，。？?]{0,8}(装|安装|加装|设置|配备|配置|增设|新建|修建)[^，。？?]{2,})(?:[^，。？?]{0,8}?(?:装|安装|加装|设置|配备|配置|增设|新建|修建))|(包括|包含)(?![^，。？?]{0,3}(哪|什么|啥))(?=[^，。？?]{2,16}(吗|么|不|没有?)[？?]?$)")


def unnamed_item(q_s: str, corpus_s: str) -> str:
    """The words of an item a question asks to be included ("包不包括外墙保温和屋面防水") that no
    document names, nor the glossary knows; "" when the item is named or none is asked.

    Args:
        q_s: the question in Simplified; corpus_s: all documents in Simplified.
    """
    m = _INCLUDES.search(q_s)
    if not m:
        return ""
    unknown = [w for w in segment(q_s[m.end():]) if len(w) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w)
               and w not in corpus_s and w not in STOPWORDS and expand_query(w) == w]
    return "、".join(unknown)


# a kind of school or hospital the policy may never name: its new schools are 幼儿园、中小学, its
# hospitals 三甲医疗机构 and 中医医院
_SCHOOL_KIND = re.compile(r"(国际|私立|双语|外国语|贵族|寄宿)(学校|幼儿园|小学|中学|高中|学部)|"
                          r"(儿童|妇幼|妇产|口腔|精神|肿瘤|眼科|骨科|康复|传染病|私立|民营)(专科)?医院|"
                          r"\b(international|private|bilingual|boarding) (schools?|kindergartens?)\b|"
                          r"\b(children's|maternity|dental|psychiatric|cancer|eye|private) (specialist )?hospitals?\b", re.I)


def unknown_name(q_s: str, corpus_s: str) -> str:
    """"软科前150的学校里有四川大学吗": a yes/no question about a named school, hospital or
    place that no document mentions; the name, or "" when there is none.

    Args:
        q_s: the question in Simplified; corpus_s: all documents in Simplified.
    """
    kind = _SCHOOL_KIND.search(q_s)
    if kind and kind.group(0) not in corpus_s:
        return kind.group(0)  # "新建几所国际学校": the policy's 400 schools are of no such kind
    named = _EN_NAME.search(q_s)
    if named and not has_cjk(q_s) and expand_query(named.group(1)) == named.group(1) \
            and named.group(0).lower() not in ENGLISH_TERMS:  # ("First Ring Road" is 一环路)
        return named.group(0)  # "Is Sichuan University in the ShanghaiRanking top 150", "near Chunxi Road"
    programme = re.search(r"[“\"「]([\u4e00-\u9fff]{2,14}(工程|行动|计划|专项|平台|系统))[”\"」]", q_s)
    if programme and programme.group(1) not in corpus_s:
        return programme.group(1)  # "“夜间经济繁荣工程”有哪些目标": no such programme
    provision = re.search(r"(?:专门|特别)?(?:给|针对|面向|为)([\u4e00-\u9fff]{2,6})的(?:条款|政策|规定|措施|内容|条文)", q_s)
    if provision and not any(w in corpus_s for w in [provision.group(1)] + segment(provision.group(1)) if len(w) >= 2):
        return provision.group(1)  # "有没有专门给外卖骑手的条款": a group the policy never names a word of
    if not YES_NO.search(q_s) or not _NAME_CUE.search(q_s):
        return ""
    # a proper name, not a kind ("三级医院") nor a group ("针对大学生")
    listed = re.search(r"(?:有没有|包不包括|包括|是不是|算不算|里有|中有)([\u4e00-\u9fff]{2,8}(?:大学|学院|医院))(?!生)", q_s)
    if listed and listed.group(1) not in corpus_s and not re.search(r"针对|面向|给|级|类|些|家|所", listed.group(1)):
        return listed.group(1)  # "前150名的高校里有没有电子科技大学" (jieba cuts 电子科技 + 大学)
    words = segment(q_s)
    for i, w in enumerate(words):
        tag = name_tag(w)
        if tag in ("nt", "j") and w.endswith(_NAME_ENDS) and len(w) >= 4 and w not in corpus_s:
            return w  # 四川大学 (not 中医院: a kind of hospital)
        if not tag or len(w) < (3 if tag == "j" else 2) or w in corpus_s or w in _KIN:
            continue  # (a two-character abbreviation is as often a mis-cut: 开了家小公司 → 家小)
        # 华西+医院, 西南+交大, 西南+交通+大学: a name the policy never uses, then what it names
        for j in range(i + 1, min(i + 3, len(words))):
            end = words[j]
            if end in _PLACE_WORDS or end.endswith(_NAME_ENDS):
                return "".join(words[i:j + 1])
            if not re.fullmatch(r"[\u4e00-\u9fff]+", end) or end in STOPWORDS:
                break
    school = re.search(r"[一二三四五六七八九十]中(?![心国央期小等医])", q_s)  # 成都七中
    return school.group(0) if school and school.group(0) not in corpus_s else ""


# ------------------------------------------------------------------ periods

_NUM_CN_SMALL = "零一二三四五六七八九"


def other_period(asked: str, q_s: str, corpus_s: str) -> bool:
    """A year or plan period the corpus never names (2035, 十五五, the 15th Five-Year Plan).

    Args:
        asked: the question as typed; q_s: it in Simplified; corpus_s: all documents in Simplified.
    """
    periods = set(re.findall(r"十[一二三四五六七八九]五", q_s))
    m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)\s+five-year", asked, re.I)
    if m and 1 <= int(m.group(1)) <= 19:
        n = int(m.group(1))
        periods.add(("十" + _NUM_CN_SMALL[n - 10].replace("零", "") if n >= 10 else _NUM_CN_SMALL[n]) + "五")
    if any(x and x not in corpus_s for x in periods):
        return True
    for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", q_s):
        covered = y in corpus_s or ("2021" <= y <= "2025" and "十四五" in corpus_s)
        if not covered:
            return True
    return False


_BASELINE_BEFORE = re.compile(r"(较|比|相比|相较|对比|与|跟)\s*[“\"「『]?$")
_BASELINE_AFTER = re.compile(r"^[”\"」』]?\s*(末期|末|年|年底|年末)?\s*(的)?\s*(基础上|为基数|为基准|相比|比|水平上)")


def _as_baseline(text: str, at: int, period: str) -> bool:
    return bool(_BASELINE_BEFORE.search(text[max(0, at - 4):at])
                or _BASELINE_AFTER.match(text[at + len(period):at + len(period) + 8]))


def only_baseline(q_s: str, corpus_s: str) -> bool:
    """"2020年成都城镇居民收入是多少", "十三五末期中等收入群体占比": a year or plan period the
    corpus names only as a baseline (在2020年基础上, 较“十三五”末期), so no figure for it is stated.

    A question that uses the period as a baseline itself ("比2020年翻番的是什么") is not one.
    """
    periods = [(m.group(1), m.start(1)) for m in re.finditer(r"(?<!\d)((?:19|20)\d\d)(?=\s*年)", q_s)]
    periods += [(m.group(0), m.start()) for m in re.finditer(r"十[一二三四五六七八九]五", q_s)]
    # "What was the PM2.5 concentration in 2020?"
    periods += [(m.group(1), m.start(1)) for m in re.finditer(r"\b(?:in|for|of|by|during)\s+((?:19|20)\d\d)\b", q_s, re.I)]
    # "Chengdu's 2020 baseline figure for…"
    periods += [(m.group(1), m.start(1)) for m in re.finditer(r"\b((?:19|20)\d\d)\s+(?:baseline|base|actual|level)\b", q_s, re.I)]
    for period, at in periods:
        if _as_baseline(q_s, at, period):
            continue
        found = [m.start() for m in re.finditer(re.escape(period) + (r"(?=\s*年)" if period.isdigit() else ""), corpus_s)]
        if found and all(_as_baseline(corpus_s, i, period) for i in found):
            return True
    return False


# ------------------------------------------------------------------ other documents

def same_title(name: str, title: str) -> bool:
    """Whether a document named in a question is this title ("急需紧缺人才办法" for
    "成都市引进急需紧缺人才实施办法"): most of the name's character pairs occur in it."""
    pairs = {name[i:i + 2] for i in range(len(name) - 1)}
    return bool(pairs) and sum(p in title for p in pairs) / len(pairs) >= 0.6


def other_document(q_s: str, titles: list[str]) -> bool:
    """A question about what another document says (《成都市人才分类目录》里…, 按老办法…), which
    the corpus only names; `titles` are the corpus's own titles in Simplified."""
    if re.search(r"(老|旧)办法|废止的[^，。？?]{0,20}(办法|规定|文件)|按(原来|以前|之前)的(办法|规定)|"
                 r"\b(old|previous|former|repealed) (rules|measures|policy|policies|regulations?)\b|"
                 r"\b(listed|included|named) (in|by)\b.{0,40}\b(white paper|catalogue|directory)\b", q_s, re.I):
        return True
    for m in re.finditer(r"《([^》]{2,40})》\s*(?:里|中|里面|当中|第|对)", q_s):
        if not any(same_title(m.group(1), t) for t in titles):
            return True
    for m in re.finditer(r"([\u4e00-\u9fff]{4,30}?(条例|办法|规定|指引|目录|白皮书|细则))\s*(里|中|里面|当中|对)", q_s):
        if not any(same_title(m.group(1), t) for t in titles):
            return True
    return False


_WHAT_IT_COVERS = re.compile(r"哪些|包括什么|包括哪|具体是什么|具体指|算不算|名单|\bwhich\b|\bwhat (are|is)\b")


def defined_elsewhere(q_s: str, corpus_s: str) -> bool:
    """"紧缺度3星岗位具体包括哪些职业": what a term covers, when the corpus uses the term only as
    another document's (《成都市人才开发指引》中紧缺度3星岗位), which it does not hold."""
    if not _WHAT_IT_COVERS.search(q_s):
        return False
    for size in range(12, 3, -1):
        for i in range(len(q_s) - size + 1):
            term = q_s[i:i + size]
            if not re.fullmatch(r"[\u4e00-\u9fff\d]+", term) or term not in corpus_s:
                continue
            spots = [m.start() for m in re.finditer(re.escape(term), corpus_s)]
            if all("》" in corpus_s[max(0, at - _CITED_WITHIN):at] for at in spots):
                return True
    return False


_CITED_WITHIN = 14  # how close after a document's name (…》中) a term is that document's


# ------------------------------------------------------------------ no policy question at all

# Requests that are not questions about the policy at all.
OFF_TOPIC = re.compile(
    # arrangements residents often ask about that no document here mentions
    r"限行|尾号|摇号|密码|\bpasswords?\b|消费券|划片|疫苗|接种|校车|充电桩|机场|卫生院|除颤|转租|分租|二房东|回迁|夜班公交|夜班车|通宵公交|婚假|产假|陪产假|育儿假|年假|病假|婚姻登记|结婚登记|\b(maternity|paternity|marriage|wedding) leave\b|\bairports?\b|\bAED\b|\bdefibrillators?\b|\bvouchers?\b|\bcoupons?\b|(急救车|救护车)[^，。？?]{0,10}(多久|几分钟|多长时间|多快)|护士[^，。？?]{0,6}(工资|夜班费|待遇|收入|编制)|推荐[^，。？?]{0,10}(餐馆|饭店|餐厅|菜馆|火锅|馆子|酒店|宾馆)|\bvaccin|\bschool bus|积分入学|学区房|中考|高考|身份证[^，。？?]{0,6}(丢|掉|补办|挂失|过期)|补办身份证|"
    r"(?<!污染)(?<!好)天气(?!.{0,6}(天数|优良|空气|日子))|气温|(会不会|明天|今天|要不要)下雨|下不下雨|下雨吗|笑话|讲个故事|请假条|写一首|写首|写一篇|写个|翻译|编程|股票|彩票|算命|星座|"
    r"帮我写|给我写|生日祝福|祝福语|(怎么|咋)(坐车|乘车|走|去)最(快|近|方便)|坐几路|自驾|宠物|(?<!熊)猫|(?<!单身)狗|签证|续签|护照|通行证|驾照|驾驶证|\b(pets?|dogs?|cats?|visa|passport|driving licen[cs]e|driver'?s licen[cs]e)\b|医保卡(丢|掉|补办)|社保卡(丢|掉|补办)|菜谱|怎么做菜|(怎么|咋)做才(好吃|巴适|正宗|地道)|麻婆豆腐|回锅肉|火锅|(?<![停断来])电影(?!响)|游戏|你是谁|你叫什么|你好|谢谢|再见|几点了|今天几号|个税|个人所得税|公积金|房贷|按揭|工伤|GDP|国内生产总值|失业率|通胀|CPI|\bhousing provident fund\b|最低工资|延迟退休|退休年龄|二胎|三胎|二孩|三孩|生育奖励|生育补贴|育儿补贴|(?<!随迁)(?<!没)(?<!未)落户|"
    r"电动车[^，。？?]{0,4}(上牌|牌照)|(允许|能不能|可不可以|可以|能)[^，。？?]{0,4}骑电动车|骑电动车[^，。？?]{0,6}(吗|么)|居留(证|许可)|"
    r"\b(can|could) you recommend\b|\b(get|obtain|apply for|requirements? for)\b[^?]{0,40}\bresidence permits?\b|\b(quickest|fastest) way to (get|go)\b|\bbest (hospitals?|doctors?|surgeons?|clinics?|spots?|places?|parks?|views?)\b|\bnight bus(es)?\b|\bnurses'? (pay|salar|wages?)|\b(hospitals?|doctors?|surgeons?|clinics?)\b.{0,30}\b(is|are) (the )?best\b|\b(weather|joke|poem|translate|write me|write a|recipe|who are you|hello|(?<!employee )stocks?(?! ownership)|lottery|movie|hotpot|restaurants?|cover letter|minimum (monthly )?wage|retirement age|gdp|unemployment rate|inflation|second child)\b",
    re.I)


# ------------------------------------------------------------------ what the answer says

ABSTAIN = {
    "value": "政策原文提到了相关内容，但没有写明您问的具体数额或期限，无法给出准确答案。",
    "materials": "政策原文没有列出所需的申请材料。",
    "procedure": "政策原文没有写明具体的申请或办理流程。",
    "contact": "政策原文没有提供联系电话、网址或办理地址。",
    "phone": "政策原文没有提供咨询电话。",
    "deadline": "政策原文没有写明具体的时间或截止日期。",
    "time": "政策原文没有写明具体的时间安排。",
    "address": "政策原文没有写明具体地址。",
    "place": "政策原文没有写明具体的地点或办理场所。",
    "money": "政策原文没有写明具体的金额或收费标准。",
    "subsidy": "政策原文没有提到这项补贴。",
    "combined": "政策原文没有说明这几项补贴能否同时享受。",
    "neighbour": "政策原文的这个数字说的是相邻的另一项指标，您问的这一项没有写明。",
    "conditions": "政策原文没有列出具体的条件。",
    "names": "政策原文没有列出具体的名单或名称。",
    "name": "政策原文没有写出具体的名称。",
    "definition": "政策原文只提到了这个说法，没有解释它具体指什么。",
    "docno": "政策原文没有文号等发文信息。",
    "interest": "政策原文没有写明利率或利息。",
    "collateral": "政策原文没有写明是否需要抵押或担保。",
    "batch": "政策原文没有写明分批安排或批次。",
    "concession": "政策原文没有写明这方面的优惠。",
    "department": "政策原文没有写明由哪个部门负责。",
    "payday": "政策原文没有写明每年具体哪个月发放到账。",
    "operator": "政策原文没有写明由哪家公司、银行或机构承担。",
    "person": "政策原文没有写明具体由哪位负责人牵头。",
    "appeal": "政策原文没有规定申诉或复核的途径。",
    "penalty": "政策原文没有规定罚款或处罚。",
    "sanction": "政策原文没有规定相应的处罚。",
    "issued": "政策原文没有写明印发日期。",
    "budget": "政策原文没有写明投入或预算的金额。",
    "tax": "政策原文没有涉及税收或减免税的规定。",
    "funder": "政策原文没有写明由谁出资。",
    "free": "政策原文没有写明是否收费或免费。",
    "sport": "政策原文没有写明是哪项运动。",
    "former": "政策原文只写了现行标准，没有写明以前的标准。",
    "rank": "政策原文没有写明具体排名。",
    "sale-price": "政策原文没有写明售价。",
    "return-period": "政策原文没有写明设防标准（几年一遇）。",
    "capital": "政策原文没有规定注册资本。",
    "reservation": "政策原文没有写明是否需要预约。",
    "education": "政策原文没有写明学历要求。",
    "foreigner": "政策原文没有关于外籍人员的规定。",
    "hukou": "政策原文没有按户籍作出这方面的规定。",
    "age": "政策原文没有写明这方面的年龄规定。",
    "retiree": "政策原文没有关于退休人员的规定。",
    "disabled": "政策原文没有针对残疾人的专门规定。",
    "family": "政策原文没有关于人才家属（配偶、子女）的安排。",
    "districts": "政策原文没有写明具体在哪些区县。",
    "hours": "政策原文没有写明开放或办公时间。",
    "processing": "政策原文没有写明办理时限。",
    "per-unit": "政策原文只有总体目标，没有写明每户、每人或每家的具体标准。",
    "current": "政策原文只规定目标和举措，没有当前的实际价格或统计数据。",
    "other-place": "现有知识库只收录成都市的政策，无法回答其他地区的问题。",
    "other-period": "政策原文没有涉及您问的年份或规划期，无法给出准确答案。",
    "baseline": "政策原文只把您问的年份或时期作为比较的基数，没有写明当时的数值。",
    "district": "政策原文只规定全市的目标，没有写明各区（市）县的具体安排。",
    "between-places": "政策原文只规定全市平均的通勤目标，没有写明两地之间的通勤时间或线路。",
    "unknown-name": "政策原文没有提到您问的这个具体名称（学校、医院、小区、项目等），无法确认。",
    "unnamed-item": "政策原文没有提到您问的这一项，无法确认是否包括在内。",
    "other-document": "您问的是另一份文件的具体内容，现有知识库没有收录该文件，只有引用它的条款。",
    "no-section": "政策原文没有您说的这一条或这一项，请核对编号。",
    "off-topic": "这个问题不在现有政策文件的范围内，无法根据原文回答。",
    "empty": "知识库中没有可用的内容。",
}
ABSTAIN_EN = {
    "value": "The policy mentions this topic but does not state the specific figure you asked for.",
    "materials": "The policy does not list the application materials.",
    "procedure": "The policy does not describe an application procedure for this.",
    "contact": "The policy gives no phone number, website or address for this.",
    "phone": "The policy gives no phone number for this.",
    "deadline": "The policy does not state a date or deadline for this.",
    "time": "The policy does not state a date or schedule for this.",
    "address": "The policy gives no address for this.",
    "place": "The policy does not name a place or office for this.",
    "money": "The policy does not state an amount or fee for this.",
    "subsidy": "The policy mentions no such subsidy.",
    "combined": "The policy does not say whether these subsidies can be combined.",
    "neighbour": "The policy's figure here is for a neighbouring item; it gives none for the one you asked about.",
    "conditions": "The policy does not list the conditions for this.",
    "names": "The policy does not list the specific names.",
    "name": "The policy does not give the name.",
    "definition": "The policy uses this term but does not spell out what it covers.",
    "docno": "The policy text carries no document number or similar issuing details.",
    "interest": "The policy does not state an interest rate.",
    "collateral": "The policy does not say whether collateral or a guarantee is needed.",
    "batch": "The policy does not set out batches or their order.",
    "concession": "The policy does not state a discount or concession for this.",
    "department": "The policy does not say which department is responsible for this.",
    "payday": "The policy does not state in which month the money is paid.",
    "operator": "The policy does not name the company, bank or institution that does this.",
    "person": "The policy does not name the official in charge.",
    "appeal": "The policy sets out no way to appeal or have a decision reviewed.",
    "penalty": "The policy sets no fines or penalties.",
    "sanction": "The policy sets no penalty for this.",
    "issued": "The policy text does not give its date of issue.",
    "budget": "The policy does not state how much will be invested or budgeted.",
    "tax": "The policy says nothing about taxes or tax relief.",
    "funder": "The policy does not say who pays for it.",
    "free": "The policy does not say whether this is free or what it costs.",
    "sport": "The policy does not say which sport this is.",
    "former": "The policy states the current standard only, not an earlier one.",
    "rank": "The policy states no ranking for this.",
    "sale-price": "The policy states no sale price.",
    "return-period": "The policy sets no design standard (return period) for this.",
    "capital": "The policy sets no registered capital.",
    "reservation": "The policy does not say whether a booking is needed.",
    "education": "The policy states no education requirement for this.",
    "foreigner": "The policy says nothing about foreign nationals.",
    "hukou": "The policy sets no rule by household registration (hukou) for this.",
    "age": "The policy states no age rule for this.",
    "retiree": "The policy says nothing about retirees.",
    "disabled": "The policy makes no specific provision for people with disabilities here.",
    "family": "The policy says nothing about arrangements for a talent's spouse or children.",
    "districts": "The policy does not name the districts or counties for this.",
    "hours": "The policy gives no opening or office hours.",
    "processing": "The policy does not state how long this takes to process.",
    "per-unit": "The policy states overall targets, not an amount per household, person or company.",
    "current": "The policy sets targets and measures; it gives no current prices or statistics.",
    "other-place": "The knowledge base covers Chengdu's policy only; it cannot answer for other places.",
    "other-period": "The policy does not cover the year or plan period you asked about.",
    "baseline": "The policy names that year or period only as a baseline; it does not state the figure for it.",
    "district": "The policy sets city-wide targets; it does not state each district's share.",
    "between-places": "The policy sets city-wide commuting averages; it gives no times or routes between particular places.",
    "unknown-name": "The policy does not mention the specific school, hospital, place or programme you named, so it cannot confirm this.",
    "unnamed-item": "The policy does not mention the item you asked about, so it cannot confirm whether it is included.",
    "other-document": "You are asking what another document says; the knowledge base holds only the clauses that cite it.",
    "no-section": "The policy has no section or item with that number; please check the numbering.",
    "off-topic": "The policy documents do not cover this question, so there is no grounded answer.",
    "empty": "The knowledge base is empty.",
}


def abstain_message(reason: str, script: str) -> str:
    if script == ENGLISH:
        return ABSTAIN_EN.get(reason, ABSTAIN_EN["off-topic"])
    return to_script(ABSTAIN.get(reason, ABSTAIN["off-topic"]), script)
