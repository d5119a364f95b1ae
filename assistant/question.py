"""Question analysis: clean the input, resolve follow-ups, and read what is being asked.

What a question asks for (an amount, a duration, a list of materials, a place...) decides
whether a retrieved clause actually answers it: a clause about rental subsidies that states
no amount does not answer "租赁补贴每个月发多少钱".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from .errors import BadQuestionError
from .script import ENGLISH, detect_script, has_cjk, to_simplified

_CONTROL = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f]")


# full-width digits and letters typed by Chinese input methods: "８.５折" is "8.5折"
_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF5B) if chr(c).isalnum()}
_FULL_WIDTH.update({0xFF0E: ord("."), 0xFF05: ord("%")})


@dataclass(frozen=True)
class Cleaned:
    text: str
    notices: tuple[str, ...] = ()


def clean_question(raw: str, max_chars: int = 2000) -> Cleaned:
    """Strip control characters and spaces; refuse empty input; truncate overly long input."""
    if raw is None:
        raise BadQuestionError("the question is empty: type a question, e.g. 人才公寓打几折？")
    text = _CONTROL.sub("", unicodedata.normalize("NFC", str(raw))).translate(_FULL_WIDTH)
    text = re.sub(r"[\t\r\n ]+", " ", text).strip()
    if not text:
        raise BadQuestionError("the question is empty: type a question, e.g. 人才公寓打几折？")
    notices = []
    if len(text) > max_chars:
        text = text[:max_chars]
        notices.append(f"the question was longer than {max_chars} characters; only its first "
                       f"{max_chars} were used")
    return Cleaned(text, tuple(notices))


# ---------------------------------------------------------------- what is asked

@dataclass(frozen=True)
class Ask:
    """What the question wants: a kind of value, a section, a list, or a plain statement."""

    kind: str  # "value", "section", "list", "name", "materials", "procedure", "contact",
    #            "deadline", "eligibility", "benefits", "statement"
    value: str = ""  # for kind=value: "discount", "days", "duration", "money", "percent",
    #                  "ratio", "count"
    section: str = ""  # a section code the question names (二(八)4, 第五条 ...)
    needs: tuple[str, ...] = ()  # every kind of fact the question asks for (see NEEDS)


# Facts a question can ask for beyond a statement; a clause must show each one to answer.
NEEDS = {
    "money": r"\b(need|have) to pay\b|\bwhat('s| is| are) the ((average|typical|usual) )?(monthly|annual|yearly|nightly) (rent|fee|price|charge|salary|wage)s?\b|(?:^|[，,。？?\s])(出|掏|付|交)多少(钱)?|最高限价|限价|(能|可以|最多)?(借|贷)多少|how much .{0,30}\bborrow|\b(maximum|max|most) .{0,20}\bborrow|\bamount .{0,30}\bborrow|\bcompensation\b|收入线|收入标准|收入门槛|收入上限|\bincome (threshold|limit|cap|line|ceiling|requirement)s?\b|收入(要|需要|得)?(低于|不超过|不高于)|\b(maximum|max|highest) ([\w-]+ ){0,2}(subsid|allowance|grant|bonus|reward)|多少钱|多少元|多少块|几块钱|多少个?亿|几个?亿|减税|免税|罚款|罚多少|奖多少|奖励多少|奖几|减多少|交钱|收费|费用|手续费|服务费|管理费|票价|金额(?![^，。？?]{0,2}(从|自)?(哪天|哪一天|什么时候|何时|几时|开始|起算))|报销|门票|(?<![免消])(费|租金|价格)[^，。？?]{0,4}((会不会|要不要|能不能|会|能)(涨|降|便宜)|(涨|降|便宜)(不涨|不降|吗|么|多少|了没|幅))|(租金|房租)[^，。？?]{0,6}涨多少|(按|以)什么(标准|价格|价钱)(收|收费|缴|交|算|计算)|涨多少(房租|租金)|(?<![免消])费.{0,8}(多少|几)|费[^，。？?]{0,10}怎么(收|算)|怎么收费|收多少|交多少(?!个?月|年|天)|(自己|要|得|需要|我|我们)(出|掏|花|付)多少(?!时间|天|分钟|小时|年|个月)|(自己|住户|个人|我们|居民|业主)(要|需要|得)(出|掏|付)钱|(自己|住户|个人|居民|业主)(出|掏|付)钱(吗|么|不)|(要|需要|得)(出|掏|付|交)钱|奖金|\bprize money\b|\b(congestion|parking|entrance|admission|service|road) charges?\b|\bfares?\b|\btolls?\b|\bcash (rewards?|bonus(es)?|prizes?|awards?|allowances?|subsid(y|ies)|benefits?|payments?|grants?|handouts?)\b|(出|掏|花|付)多少钱|\bbudget\b|how much .{0,30}\binvest|各档|几档|每档|税费|税率|交.{0,2}税|缴税|纳税|补偿标准|赔偿|\b(yuan|rmb)\b|(billion|million) yuan|how much money|\bfees?\b|\bride\b.{0,40}\bfor free\b|\bfree (bus|metro|subway|transit|transport|rides?)\b|how much (does|will) .* cost|\bhow much\b.{0,50}\b(contribute|chip in|charges?)\b|\b(subsidy|allowance|grant|pension|benefit) amounts?\b|\bamounts? of (the )?([\w-]+ ){0,2}(subsid|allowance|grant|pension)|\bhow much\b.{0,60}\b(will|would|does|do) cost\b|\b(how much|what)\b.{0,20}\bprices?\b(?![- ]to[- ]income)|\bprices? (of|for|per)\b|\btickets?\b|\bfares?\b|how much (is|are) (a|an) ",
    "place": r"选址|(修|建|通|开|延伸)到[^，。？?]{0,8}哪个?(镇|乡|村|区|县|街道|社区)|哪个(镇|乡|村)|(建|设|落|放)在[^，。？?]{0,6}哪个?(区|县|街道|地方)|哪条(街|路)|哪个(街道|社区|小区)|离[^，。？?]{1,10}最近|最近的是哪|(?<!从)(?<!意义|目的|原因|区别|好处|作用|重点|难点|关键|亮点|特点|不同)在哪(?!(一?个)?(系统|平台|网站|小程序|APP|App|app))(?!(一?个|一)?(时期|阶段|五年|规划|年|次|分配|环节|领域|层面|行业|产业|群体|水平|文件|部分|章|条|项|工程|方面|级|层级)|一条|条|部分)|去哪(?!(一?个)?(系统|平台|网站|小程序|APP|App|app))|(?<!从)(?<!覆盖到)(?<!通到)(?<!连到)哪里(?!来|出)|哪儿|什么地方|哪个位置|位置|地址|\bwhere (can|do|should) i\b|\bwhere (exactly )?(will|would)\b|\bwhere('s| is| are)\b|\bwhere exactly (is|are|will)\b|\bwhich (neighbou?rhoods?|streets?|locations?|(metro |subway )?stations?)\b|\blocated\b",
    # a street address: a district or a 新城 is no address
    "address": r"\b(office|street|postal|exact|physical|mailing) address\b|\bwhat('s| is) (the|its|their) address\b|(?<!web )\baddress of\b|具体地址|地址是(多少|什么|啥)|地址在哪",
    "districts": r"\bwhich (\w+ )?(districts?|counties)\b|哪些区[（(]市[)）]县(有|自己|出台|另有)|(建|盖|设|落|放|布局|位于|在)在?哪(些|几个|个)(区|街道|乡镇|社区)",
    "hours": r"\bbest time (of (the )?day )?to\b|延长运营|运营到(凌晨|半夜|深夜|几点)|末班(车|地铁|公交)|首班(车|地铁|公交)|(?<![×x*])(?<![×x*] )\b24 hours\b(?!')|\ball night\b|通宵|(?<![×x*])24小时(运营|营业|开放|开)|(?<!哪)几点|(?<!不)开门|(?<!不)关门|开放时间|营业时间|opening hours|what time(?! (span|frame|period|scale))|open(ing)? times?",
    "time": r"什么时候|啥时候?|多会儿|何时|哪一?天|哪一?年|几几年|为止|(?<!哪)几点|每周几|几号|截止|^when\b(?![^?]{0,60},)|\b(what|which|on what) date\b|\bwhen (will|does|do|is|can|did)\b|\bwhen\b.{0,40}\b(be held|take place|takes place|open|opens|start|starts|begin|begins)\b|\b(what|which) (dates?|days?|years?)\b|\bdeadline|\b(issue|exact) dates?\b",
    # the last day to apply: a month or a date, not "每年"
    "deadline": r"截止(日期|时间|到)|截至(日期|时间)|最晚(什么时候|哪天|几号)|\bdeadline\b|\blast day to apply\b",
    "materials": r"(?<!假)材料|证件|提交什么|提交哪些|带什么|准备什么|准备哪些|paperwork|documents? (do|are|should|must)",
    "procedure": r"\b(need|have) to (book|reserve|register|sign up)\b|(走|办)?(什么|啥|哪些)(流程|程序|手续)|(怎么|如何|咋)办(理)?[\u4e00-\u9fff]{0,8}(备案|手续|登记|证明)|(怎么|如何|咋)(订阅|开通|下载|绑定)|(向|找|去)哪个部门|(怎么|如何|怎样|咋)(去|才能)?(实名)?(申请|注册|登录|报名|办理|参加|加入|认证|预约|挂号)|(去|在|到)哪(里|儿)?(报名|申请|办理|注册)|申请流程|办理流程|怎么查|如何查|怎么交|具体步骤|操作步骤|(怎么|如何)[^，。？?]{0,6}报修|sign up|how (do|can) i (apply|register)|how to apply|application process",
    "contact": r"联系方式|网址|网站|邮箱|website|contact|\bweb ?address\b|\burl\b",
    "phone": r"(?<!打)(?<!诈骗)(?<!骚扰)(?<!打急救)(?<!打报警)(?<!打求助)(?<!打投诉)电话(?!回访)|热线|号码|客服|\b(tele)?phones?\b(?! (app|use))|hotline",
    "conditions": r"(报名|申请|入选|招募)条件|(?<!这些)(?<!这个)(?<!答应的还)(?<!承诺的还)算不算(?!数)|属不属于|是否属于|什么条件|啥条件|哪些条件|认定标准|评定标准|评选标准|什么学历|学历要求|\bdo i need (a|an)\b|条件是什么|要满足什么|需要满足|符合什么|资格证|什么证书?|证书要求|要考什么证|怎么考|\bcriteria\b|\bwhat qualifies\b|eligibility|who is eligible|am i eligible|are we eligible",
    "names": r"(目录|名单|清单|名录)(里|中|上)(有没有|是否有|包不包括|包括不包括|有)|(配|配备|配置|放)哪些[\u4e00-\u9fff]{0,4}(器材|设备)|哪些[\u4e00-\u9fff]{0,6}楼盘|哪个楼盘|什么楼盘|\bwhich (?!kinds?\b|types?\b|sorts?\b|projects?\b|parts?\b|sections?\b|items?\b|measures?\b)([\w-]+ )?(hospitals?|schools|universities|companies|firms|enterprises|jobs|positions|occupations)\b|"
             r"\bwhich (specific )?(metro |subway )?lines?\b|哪几条[\u4e00-\u9fff]{0,4}线|\bwhich (stadium|venue|arena|gym)s?\b|(分别|具体|都)(是|有)哪些[\u4e00-\u9fff]{0,4}(体育馆|场馆|公园|站点|地铁站|线路|小区)|线路编号|具体是?指哪些(城市|国家|学校|医院|企业|岗位)|包括哪些岗位|有哪些岗位|有清单吗|(都|具体|分别)(有|是)哪(些|几)((所|家|座)|(个|条)?(学校|医院|公司|企业|小区|地方|项目))|哪(个|些|几个)(公园|医院|学校|小区|街道)(是|属于|算|有)|是哪一?(所|家)(学校|院校|高校|医院)?[？?]?$|(学校|医院|大学|高校|公园|企业|公司|景区)[^，。？?]{0,4}(都|具体|分别)(是|有)哪些|名单(?![^，。？?]{0,16}(几|多少))|(指标|清单|名录|目录)[^，。？?]{0,4}(具体)?(有|是)哪些|哪几家|哪几所|具体是哪|which (schools|hospitals|companies)",
    "name": r"叫什么名字|叫啥名|名字叫|(在|用|上|通过)哪个(系统|平台|网站|小程序|APP|App|app)|哪个(App|APP|app|软件|小程序|公众号)|what is it called|what('s| is) the name",
    # the items a numbered slogan stands for: "“十有四清”具体是指哪十有、哪四清"
    "definition": r"[“\"「『][^”\"」』]{0,8}[一二三四五六七八九十百][^”\"」』]{0,8}[”\"」』][^，。？?]{0,8}"
                  r"(具体(是)?指|都?包括|分别(是|指)|是哪(?!一?(个|块)?(工程|项目|部分|方面|块|领域))[一二两三四五六七八九十几](?![级类层年天月])|指哪[一二两三四五六七八九十几]|都是哪些|都有哪些)|stands? for",
    "issued": r"(发布|印发|发文|出台)(日期|时间)|什么时候(发布|印发|出台|发的)|哪一?天(发布|印发|出台)|"
              r"\b(issued|published|released)\b.{0,20}\b(date|when)\b|\b(date|when)\b.{0,70}\b(issued|published|released)\b",
    "docno": r"文号|发文字号|document number|reference number",
    # how long an office takes: "人才认定证书多久能办下来"
    "processing": r"(证|审批|手续|申请|认定|资格|执照|许可|码|补贴|资金)[^。？?]{0,12}(多久(能|可以|才能)?(办|批|审|下来|到账|拿到)|"
                  r"(?<!公示)(几|多少)个?工作日|几天能(办|批|审)|"
                  r"办(理)?(下来|好|完)要?多久|到账[^。？?]{0,6}(多久|多长时间))|审批(时间|时限|要多久)|how long does it take to (get|process|approve)",
    "interest": r"利率|利息|interest rates?|(?<!without )(?<!no )\binterest\b(?!-free)",
    # "老年人坐地铁有没有乘车优惠": whether a concession is given at all
    "concession": r"(有没有|有无|能不能|可不可以|可以|能|会不会)[^，。？?]{0,12}(优惠|打折|折扣)|(优惠|打折|折扣)(吗|么|不)|"
                  r"\b(any|a) (discount|concession)s?\b|\bdiscounted\b",
    # "我们小区排在第几批": the order of a programme's batches
    "batch": r"第几批|哪一?批|几批|批次",
    # "蓉易贷要不要抵押": what a loan is secured by
    "collateral": r"抵押|担保|质押|\bcollateral\b|\bguarantor\b|\bsecurity deposit\b",
    # who pays: "微型消防站由谁出钱建" is not answered by a clause that only says it is built
    "funder": r"谁(来)?(出钱|出资|掏钱|买单|付钱|投钱)|(自己|个人|居民|业主)要?(出资|出钱|掏钱|负担|承担)[^，。？?]{0,4}(多少|几)|(钱|资金|经费|费用)是?(政府|业主|个人|居民|企业)(来)?出还是|(钱|资金|经费|费用)(由|是)谁(来)?(出|承担|负担|支付|保障)|(钱|资金|经费)(从|由)哪(里|儿)?(来|出)|(资金|经费)来源|\bwho (pays|funds|will pay|is paying|finances)\b|\bpaid for by\b|\bfunded by\b|\bsource of (the )?(money|funds?|funding)\b|\bpay (for it )?(themselves|ourselves|myself)\b|\bout of (their|our|my) own pockets?\b|\bout-of-pocket\b",
    "tax": r"契税|个税|所得税|房产税|税收|减税|免税|退税|税率|交.{0,2}税|缴税|纳税|\btax(es)?\b",
    # who may get it: a clause must speak of that kind of person to say yes or no
    "foreigner": r"外国人|外籍|老外|港澳台|台胞|港澳同胞|(香港|澳门|台湾)(居民|同胞|人|户籍|籍|学生|青年|退休)|\b(Hong Kong|Macau|Macao|Taiwan(ese)?) (resident|citizen|student|compatriot)s?\b|\bforeigners?\b|\bforeign (nationals?|citizens?|residents?|workers?|passports?|partners?|wife|husband|spouses?)\b|\bexpats?\b|work permit",
    "hukou": r"把(户口|户籍)(落|迁)|(能不能|可不可以|可以|能)落户|落户(吗|么)|(没有|不是|非)[^，。？?]{0,4}(户口|户籍)|户口不在|外地户口|外地人|非本地|不是成都(的|户)|\bhukou\b|"
             r"(户口|户籍)[^，。？?]{0,8}(能不能|可不可以|能|可以|是否|有没有|要求|限制)",
    "age": r"多大年龄|什么年龄|几个月大|(是|指|算)\s*\d+\s*(周)?岁(以下|以上|以内)|(\d+|[一二三四五六七八九十]+)\s*岁(了|的)?([^，。？?]{0,14}(能|可以|算|行|让)|[^。？?]{0,14}(还能|能不能|还可以|可不可以|算不算|超龄))|\b(over|under|aged?)\s+\d+\b(?!\s*(minutes?|mins?|km|kilomet|met|%|percent|yuan|days?|hours?|square))|\bage (limit|cap|requirement)s?\b|\b(maximum|minimum|upper) age\b|\d+ years old|年龄限制|年龄上限|年龄下限|多大年纪|要在?\s*\d+\s*(周)?岁(以下|以上|以内)",
    # what is arranged for a talent's family: the policy never names spouses or children
    # (the spouse looking for work himself is the one who stays: "我老公刚来成都找工作，驿站能住几天")
    "family": r"(配偶|老婆|老公|家属|子女)的(工作|就业)[^，。？?]{0,8}(安排|安置|帮忙|解决|照顾|管不管)|(配偶|子女|家属|随迁|老婆|老公)(?!的)(?![^，。？?]{0,6}没人照顾)(?![^，。？?]{0,8}找工作)[^，。？?]{0,12}(工作|就业|入学|上学|读书|落户|安置|照顾|安排)|"
              r"(配偶|子女|家属|老婆|老公)(?!的)[^，。？?]{0,6}也[^，。？?]{0,4}(领|享受|拿|申请)|"
              r"\b(cover|include|extend to|apply to)s? (their|my|his|her|the) (spouses?|wife|husband|famil(y|ies)|children)\b|"
              r"(人才|引进)[^。？?]{0,16}(孩子|小孩|娃)[^，。？?]{0,8}(上学|入学|读书|上小学|上幼儿园|上初中|上中学|读小学|择校)|"
              r"\b(spouse|my (wife|husband)|family members?)\b.{0,30}\b(jobs?|work|employment|school|settle)|"
              r"\b(jobs?|employment)\b.{0,20}\bfor (the |my |his |her |their )?(spouses?|wife|husband)\b|"
              r"\b(talents?|recruited|urgent)\b.{0,60}\bchildren\b.{0,20}\b(enrol|school)",
    # a provision for people with disabilities: "残疾人租保租房有没有额外的租金补贴"
    "disabled": r"残疾[^。？?]{0,20}(额外|另外|多给|加发|加倍|优先|特殊照顾|有没有份|算不算|也能|也可以)|"
                r"\b(disabled|wheelchair users?|with disabilit(y|ies))\b.{0,40}\b(extra|additional|eligible|get|qualify|can)\b|\b(extra|additional|special|free)\b.{0,40}\b(disabled|with disabilit(y|ies))\b",
    "retiree": r"退休(人员|的人|老人|职工)?[^，。？?]{0,8}(能不能|可不可以|能|可以|算不算|有没有份|也能)|"
               r"\bretirees?\b[^.?]{0,30}\b(can|get|eligible|qualify)\b|\bcan (a )?retirees?\b",
    "person": r"哪位(市?领导|官员|负责人)?|负责人(是谁|叫什么)|由谁(担任|来当|当)|(组长|负责人|牵头人)(是谁|由谁)|\bwhich official\b|\bwho is the official\b",
    "department": r"(哪个|哪家)(部门|单位|机构|局|委|厅)(?![^，。？?]{0,4}(发|印发|出台|发布|联合))|"
                  r"\bwhich (government |city |municipal )?(department|agency|office|bureau)s?\b(?!.{0,20}\bissued\b)|\b(lead|leading|responsible) (agency|department|body|office|bureau)\b",
    "payday": r"几月份?[^，。？?]{0,6}(到账|打到(银行)?卡|发到(银行)?卡|到(银行)?卡上|发放|发|拨)|(到账|打到(银行)?卡|发到(银行)?卡|到(银行)?卡上|拨到|拨付)[^，。？?]{0,8}几月|"
              r"\b(which|what) month\b.{0,60}\b(paid|pay|arrives?|credited|transferred)\b|\bwhen\b.{0,30}\b(money|subsidy|it) (arrives?|(is |be )?(credited|transferred))\b",
    "operator": r"哪[一几]?家[\u4e00-\u9fff]{0,4}(公司|企业|机构|银行)|哪一?家(养老院|养老机构|敬老院|医院)|哪个(医院|养老院|养老机构|敬老院|福利院)|哪家(公司|企业|银行|机构|单位|养老院|养老机构|敬老院|医院|学校|幼儿园)|哪个(公司|银行)|\bwhich (company|bank|firm|operator|developer|contractor|builder)s?\b|"
                r"\bwho (operates|runs|develops|builds|pays out)\b",
    "appeal": r"申诉|复议|复核|不服|被驳回|被拒|没通过(?!的话)?[^，。？?]{0,6}(怎么办|找谁|去哪)|\bappeal\b|\brejected\b",
    "penalty": r"罚款|罚多少|罚钱|罚金|\bfined?\b|\bfines\b",
    "sanction": r"处罚|罚则|惩罚|处分|追责|\bpenalt|\bpunish|\bsanction",
    # what the city spends: "十大工程总共投多少钱" is not answered by a loan programme's 300亿元
    "budget": r"资金[^，。？?]{0,10}(多少(?![项样种类个])|几个?亿)|多少亿元?[^，。？?]{0,4}资金|\bcost in total\b|\bhow much (money )?[^?]{0,40}\bspend\b|\bspend\b[^?]{0,20}\b(in total|altogether)\b|\btotal cost\b|how many billion yuan|首付|违约金|押金|定金|\bdeposit\b|\bfiscal funding\b|\btotal funding\b|\bfunding in total\b|\bearmarked\b|\bdown payment\b|投多少|(投入|投资|经费)[^，。？?]{0,6}(多少|几)|投了多少|总投资|预算|花多少钱|拨多少|\bbudget(ed|s)?\b|(?<!foreign )\binvest(ment|ing|s)?\b(?! registration)",
    "per-unit": r"按多少[^，。？?]{0,6}配|每多少|每张床?|每台|每部|每套|每间|每所|每户|一户|每条(?!线)|每家|一家(?!企业|公司|单位)|一家(企业|公司|单位)(?=[^，。？?]{0,3}(最多|最高|能|可以|可|多少|几))|每个人|一个人|每人|人均|户均|单个|单户|单家|单笔|每笔|per (person|household|family|company)|\b(a single|one|each|per) (small |micro )?(business|firm|company|enterprise)\b|\beach (new )?[\w-]+ (stations?|schools?|hospitals?|households?|famil(y|ies)|compan(y|ies))\b",
    "current": r"目前[^，。？?]{0,16}(多少|几)|(19|20)\d\d年[^，。？?]{0,16}实际|\bwhat (was|were)\b[^?]{0,80}\b(13th five-year|in 20[0-2]\d)\b|(19|20)\d\d年当年(?![^，。？?]{0,4}计划)|当年[^，。？?]{0,8}(实际|已经|改造了|建成了|完成了)|(19|20)\d\d年[^，。？?]{0,12}(改造|建成|完成|新增|建|修)了[^，。？?]{0,4}(多少|几)|截至.{0,20}(已经|已)|已经[^，。？?]{0,8}(完成|建成|建了|改造了|修了)了?[^，。？?]{0,4}(多少|几)|\bso far\b|\bto date\b|\balready (been )?(built|completed|done)\b|\bha(ve|s) been (built|completed)\b|基准年|基准值|基期|原来是多少|原来有多少|以前是多少|基数是多少|今天|当前|实时|本月|这个月|明年[^，,。？?\s]{0,8}(多少|几|会不会|是否|能不能)|today|next year|今年[^，,。？?\d\s]{0,14}(多少|几|是否|有没有|能不能)|去年|实际是|实际有|实际(已经)?(达到|完成)|实际[^，。？?]{0,4}(降|升|涨)到|实际[^，。？?]{0,10}(是|有)多少|实际已经到|\bactual\b|现在的|目前的|(?<![说讲写])现在[^，,。]*(多少|几)|right now|currently|\bcurrent\b(?!\s+(policy|policies|plan|document|rules?))|at present|this year|last year",
    # which sport an event is for: "“熊猫杯”比的是足球还是篮球"
    # a schooling requirement: "人才公寓8.5折是不是要本科以上学历才行"
    "education": r"(本科|硕士|博士|大专|专科|研究生)(及?以上)?(学历|学位)?[^，。？?]{0,4}(才能|才行|才可以|才算)|学历[^，。？?]{0,8}(要求|门槛|限制)|(什么|啥|哪种|哪些)学历|"
                 r"\b(degree|education(al)?) (requirement|needed|required)|\bdo i need a (bachelor|master|degree)",
    # whether one must book ahead: "天府绿道骑行要预约吗"
    "reservation": r"预约|预订|\b(booking|reservations?)\b|\bbook (a |an |the |it |in advance|ahead)|\breserve (a|an|the) (place|room|bed|spot|seat)",
    # a company's registered capital: "外商独资企业最低注册资本多少"
    "capital": r"注册资本|注册资金|\bregistered capital\b",
    # the price a home is sold at: "人才公寓买的话每平米多少钱"
    "sale-price": r"(买|购买|购房|售)[^，。？?]{0,10}(单价|价格|售价|多少钱一平|每平米?多少钱)|售价|\b(purchase|sale|selling) prices?\b|\bprice per square met",
    # a design standard: "防洪标准是几年一遇"
    "return-period": r"几年一遇|多少年一遇|重现期|\breturn period\b|\b1-in-\d+",
    # a place in a ranking: "进入全球城市排名第几名"
    "rank": r"排名第几|第几名|排在?第几(?![项个条部])|排在?前几名|\bwhat rank\b|\branked\b.{0,20}\b(what|which)\b",
    # a standard before the current one: "安家补贴2025年以前的旧标准是多少"
    "former": r"(旧标准|原标准|老标准|(以前|之前|原来|过去)的(补贴)?标准|调整(以)?前)[^，。？?]{0,8}(多少|几|什么|啥)|"
              r"\b(old|previous|former) (standard|rate|amount)s?\b",
    "sport": r"\b(what|which) (kind of )?sports?\b|比的是(什么|啥|哪)|比(什么|啥|哪个?)项目|(什么|啥|哪个|哪种)(运动|体育)?项目的?(比赛|赛事)|什么(体育|运动)项目|(足球|篮球|排球|网球|乒乓球|羽毛球|田径|游泳|马拉松)(比赛|赛事|项目)?还是(足球|篮球|排球|网球|乒乓球|羽毛球|田径|游泳|马拉松)",
    # whether something costs the user anything: "家庭医生签约是免费的吗", "要不要自己出钱"
    "free": r"免费(的)?(吗|么|不|呢)|是不是免费|是否免费|免不免费|(要不要|需不需要|用不用|得不得)(自己)?(出|掏|付|交|花)钱|"
            r"(自己|个人)(出|掏|付|交)钱(啊|呀|吧)|要钱(吗|么)|要不要钱|收钱(吗|么)|收不收钱|(有没有|有无|能不能|可以|会不会)[^，。？?]{0,6}减免|减免(吗|么|不)|全免|免不免|\bfree of charge\b|\b(is|are) (it|they) free\b|\bcost anything\b|"
            r"\b(get|gets|getting|enjoy|receive|have) (a )?free\b|(?<!-)\bfree (entry|admission|access|entrance|parking)\b|\bfor free\b|"
            r"\b(is|are) [^?,.]{1,40}(?<!-)\bfree\b(?![- ](trade|zone|time))",
}


_VALUE_CUES = [
    # "保租房租金比市场上便宜多少": a share of the market rent (90%), not a 折
    ("percent", r"比[^，。？?]{1,10}便宜(多少|几)"),
    # "诉讼周期缩短比例是多少": how much a figure moves, in per cent (20%), not a ratio like 1.8:1
    ("percent", r"(缩短|下降|提高|增长|减少|降低|上升|增加)的?(比例|幅度)(是|有|为)?多少"),
    ("discount", r"几折|打折|折扣|多少折|优惠多少|便宜(多少|几)|discount"),
    ("money", r"\b(maximum|max|highest) ([\w-]+ ){0,2}(subsid|allowance|grant|bonus|reward|loan)|\b(maximum|max|highest) amount\b|\bwhat('s| is| are) the ([\w-]+ ){0,3}(subsidy|allowance|grant|reward|bonus) amounts?\b|\bwhat('s| is| are) the ((average|typical|usual) )?(monthly|annual|yearly) ([\w-]+ ){0,2}(subsid|allowance|grant|bonus|reward|pension|fee|rent|salary|wage)|how much (is|are) the ([\w-]+ ){0,2}(rent|fees?|prices?|costs?|charges?)\b|how much (does|do|will|would) .{0,40}\bcost\b|多少[\u4e00-\u9fff]{0,4}(补贴|补助|奖励|奖金|资助)|\btuition\b|(津贴|补贴|补助|奖金|工资|房租|租金|押金|学费|年薪|月薪|薪水|薪资|指导价)(是|有|要求?|达到)?多少(?!个?月|年|天|平|%|成|倍)|报销多少|多少个?亿|几个?亿|罚多少|how much\b.{0,40}\b(subsid|allowance|grant|pension|bonus|reward|fund|loan|pay)|(补偿|赔偿|(补贴|补助|收费)标准)(?![^，。？?]{0,3}(会不会|是否|能不能|是不是|有没有|要不要|会|跟|咋|怎么|如何|调))|\b(yuan|rmb)\b|(每个?月|一个月|每人)(能|可以|可|给|发|补|领)?[^，。？?]{0,4}多少|多少钱|多少万?元|注册资本|registered capital|多少万?块|减免多少|免多少|限价|最高价|几块钱|几万块|(补贴|补助|补|给|发)几(元|块)|几万元|金额(?![^，。？?]{0,2}(从|自)?(哪天|哪一天|什么时候|何时|几时|开始|起算))|钱数|补贴[^，。？?]{0,4}(算出来|算下来|计算出来)(是|有)?多少|补(贴)?多少(?![^，。？?]{0,3}(比例|%|成))|(拿|领)多少钱|(拿|领|补|奖|资助|奖励)(到)?多少万(?![个套户人平方亩米])|how much money|how much (is|are|do|does|will)? ?(the )?(subsid|allowance|grant|pay)|\bhow much\b.{0,50}\b(contribute|chip in|charges?)\b|补贴[^。？?]{0,12}(给|发|补)多少(?![个张套所家人名天年月次项条平%成倍]|比例|面积)"),
    ("age", r"多少岁|几岁|多大年纪|年满多少|岁数|寿命|活到|how old|at what age|what age (can|do|does|must|should)|age limit|minimum age|expected to live|life expectancy|live to"),
    ("date", r"几月|哪个月|哪几个月|什么月份|which months?|what months?"),
    # "微型消防站每个要配几名队员": people counted (名, 人, 位), not 20个 stations
    ("people", r"(?<![哪第好])(多少|几)(名|位)(?![额称次])|(?<![哪第好])(多少|几)个人(?![口才次均])"),
    ("units", r"how many|(?<![哪第好])(多少|几)(个(?![“\"「]|字)|所|家|套|张|座|处|名|户|场|项|批|间|支|台|辆|万个|万套|万户|万人|万(?![元块]))"),
    ("days", r"(?<![这那近前])几天|多少天|住多久|免费住多久|住几晚|多少晚|how many (working )?(days|nights)"),
    ("percent", r"(?<![效])率[^，。？?]{0,8}(多少|几)|覆盖[^，。？?]{0,4}多大(面积|范围)|(增幅|增速|增长率|占比|覆盖率)\s*[?？]?\s*$|百分之多少|几个点|多少个点|百分点|几成|百分之几|百分比|比例|占比|比重|达到多少%|多少%|覆盖率|率是多少|率达|percentage|what percent|\brates?\b"),
    ("ratio", r"收入比|比例是多少|差距|\bratios?\b"),
    ("level", r"(?<![哪])几级|什么级别|达到什么级"),
    ("area", r"面积.{0,16}多大|多大面积|多大地方|面积多大|面积是多少|面积有多少|多少平(?!方公里)|几平|多少平方米|how (big|large) an area|floor area|(?<!per )square met"),
    ("length", r"\bhow (close|near)\b|\b(combined |total )?(length|mileage)\b(?! of (stay|time|service|the lease|lease))|多长(?!时间)|多远|(多少|几百?)米(?![^，。？?]{0,6}(面积|范围))|长度|几公里|多少公里|how many (kilometers|km|kilometres)|how far|how long (is|are|will)\b.{0,40}\b(greenways?|roads?|lines?|networks?|tracks?|routes?|rivers?|lanes?|paths?|metro|subway)"),
    ("duration", r"\b(total|maximum|max) period\b|\bnumber of (years|months|days)\b|多久|多长时间|(?<![这那近前九八七六五四三二零好])几年|好几年(?![没了都也还])|(?<!好)几个月|好几个月(?![没了都也还])|期限|时长|多少年|多少个月|几分钟|多少分钟|how long|how many (years|months|minutes)"),
    ("count", r"多少|(?<![哪第好列举说])(几个(?![“\"「]|字)|几所|几家|几条|几项)|几万|几场|几张|几座|几处|几公里|数量|(?<![小大])规模|多大|多长|多高|多远|how many|how much|how big|how large|how long|how far|what number|what share|what proportion|what percentage|what rate|target"),
]
_LIST_CUES = r"(几|多少)个?小标题|小标题(有哪|都(叫|是))|(包括|包含|分为|分成|分|从)哪[几一二三四五六七八九十]+(点|项|条|个|部分|方面|块|大块|类)|小项|子项|下面(的)?[几一二三四五六七八九十]+(个|项|条|小项)|有哪几条|哪几条(?![\u4e00-\u9fff]{0,4}线)|哪几项|哪些方面|哪几个方面|包括哪些|包含哪些|有哪些内容|分为哪|几大|list|what are the (items|parts|tasks)"
_NAME_CUES = r"叫什么|名称|全称|全名|标题|题目|叫啥|是哪个工程|什么工程|哪项工程|title|called|name of"
_MATERIALS = r"(?<!假)材料|证件|证明文件|提交什么|提交哪些|带什么|准备什么|准备哪些|documents? (do|are|should)|paperwork"
_PROCEDURE = r"(向|找|去)哪个部门|哪个部门(负责|办理|受理|申请)|怎么申请|如何申请|怎样申请|申请流程|办理流程|怎么办理|如何办理|去哪申请|在哪申请|在哪里申请|在哪办|哪里办|线上申请|how (do|can) i apply|how to apply|where (do|can) i apply|application process"
_CONTACT = r"电话|热线|联系方式|网址|网站|地址|窗口|邮箱|phone|hotline|website|address|contact"
_DEADLINE = r"截止|截至(?!.*(已经|多少|几))|几号|哪天|什么时候开始申请|申请时间|报名时间|什么时候能申请|deadline|when can i apply"
_BENEFITS = r"能享受什么|可以享受什么|享受哪些|有什么福利|有哪些福利|有什么优惠|有哪些优惠|有什么政策|有哪些政策|能得到什么|有什么好处|有什么支持|有哪些支持|what can i get|what benefits|which benefits|entitled to"

_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_NUM_CN = {v: k for k, v in _CN_DIGIT.items()}
ORDINAL_EN = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
               "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_CN_NUM = "一二三四五六七八九十"
_ENGLISH_NUMBERS = {w: i for i, w in enumerate("one two three four five six seven eight nine ten".split(), 1)}


_PART_NAMES = {"总体要求": "一", "主要任务": "二", "保障措施": "三"}
_PART_NAMES_EN = {"general requirements": "一", "main tasks": "二", "safeguard": "三", "guarantee": "三"}


def section_ref(q: str) -> str:
    """A section code the question names, e.g. 二(八)4, 二(九), 三(二), 第五条; '' if none."""
    s = to_simplified(q)
    for name, part in _PART_NAMES.items():
        m = re.search(rf"{name}\S{{0,6}}?第?\s*[(（]\s*([{_CN_NUM}]+)\s*[)）]", s)
        if m:
            return f"{part}({m.group(1)})"
    low = q.lower()
    part = next((v for k, v in _PART_NAMES_EN.items() if k in low), "")
    m = re.search(r"\bpart\s*([一二三]|[123]|one|two|three)\b", low)
    if m:
        part = {"1": "一", "2": "二", "3": "三", "one": "一", "two": "二", "three": "三"}.get(m.group(1), m.group(1))
    m = re.search(rf"[(（]\s*([{_CN_NUM}]+)\s*[)）]|\bitem\s+(\d)\b|[(（]\s*(\d{{1,2}})\s*[)）]", q)
    if part and m:
        return f"{part}({m.group(1) or _NUM_CN[int(m.group(2) or m.group(3))]})"
    m = re.search(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(safeguard|measure|task|item)", low)
    if part in ("一", "三") and m:  # "the fourth safeguard measure in part three"
        return f"{part}({_NUM_CN[ORDINAL_EN[m.group(1)]]})"
    if part in ("一", "三") and re.search(r"\b(what are|list|name) the (\w+ )?(safeguards?|measures|requirements|parts|items)\b", low):
        return part  # "What are the four safeguard measures in part three?": its items
    m = re.search(rf"({'|'.join(_PART_NAMES)})[^，,。？?]{{0,6}}?第\s*([{_CN_NUM}]+|\d{{1,2}})\s*(?:条|项|小点|小项|小条|小节|点|个|部分)", s)
    if m:  # "保障措施第四条": the fourth numbered item of that part
        n = m.group(2)
        return f"{_PART_NAMES[m.group(1)]}({_NUM_CN.get(int(n), n) if n.isdigit() else n})"
    m = re.search(rf"第\s*([一二三])\s*部分[^，,。？?(（]{{0,4}}?[(（]\s*([{_CN_NUM}]+)\s*[)）]", s)
    if m:  # "第三部分的(三)叫什么": that part's item, not the project 二(三)
        return f"{m.group(1)}({m.group(2)})"
    m = re.search(rf"([一二三])\s*[、.]?\s*[(（]\s*([{_CN_NUM}]+)\s*[)）]\s*(?:第?\s*(\d{{1,2}})\s*(?:条|项|点|小项)?)?", s)
    if m:
        return f"{m.group(1)}({m.group(2)}){m.group(3) or ''}"
    m = re.search(rf"(?<![一二三四五六七八九十\d])[(（]\s*([{_CN_NUM}]+)\s*[)）]\s*(\d{{1,2}})?"
                  rf"(?:[^，,。？?\d()（）]{{0,12}}?第\s*(\d{{1,2}}|[{_CN_NUM}])\s*(?:条|项|点|小项))?", s)
    if m:
        item = m.group(2) or m.group(3) or ""
        return f"二({m.group(1)}){_CN_DIGIT.get(item, item)}"
    m = re.search(rf"第\s*([{_CN_NUM}]+|\d+)\s*(?:项|个|大)\s*(?:工程|任务|项目)|(?:十大工程|十项工程)[^，,。？?]{{0,4}}?"
                  rf"(?:排在|排)?第\s*([{_CN_NUM}]+|\d+)\s*(?:项|个|的|位)"
                  rf"|(?<![\u4e00-\u9fff])(?:项目|工程)\s*([{_CN_NUM}]|10|[1-9])(?![\d{_CN_NUM}万个项条所家])", s)
    if m and m.group(1) and re.search(r"工程", s[:m.start()]) and not re.search(r"十大工程|十项工程", s[:m.start()]):
        m = None  # "智慧韧性安全城市建设工程第2项任务": an item of that project, found by its name
    if m:
        n = m.group(1) or m.group(2) or m.group(3)
        n = _NUM_CN.get(int(n), n) if n.isdigit() else n
        # "第十个工程的第3点": an item of that project
        item = re.match(rf"[^，,。？?第]{{0,4}}第\s*(\d{{1,2}}|[{_CN_NUM}])\s*(?:点|条|项|小项)", s[m.end():])
        return f"二({n})" + (str(_CN_DIGIT.get(item.group(1), item.group(1))) if item else "")
    if re.search(r"(十大工程|十项工程)[^，,。？?]{0,4}最后一(个|项)|^[^，,。？?]{0,4}最后一(个|项)(工程|大工程)", s):
        return "二(十)"
    if re.search(r"(?<!实施)(十大工程|十项工程)(分别|具体|都|到底)?(有|是|包括|指)(哪些|哪几|哪十|什么)个?(工程|项目)?(?=[嘛呢啊呀]?[?？，,。]|$)|"
                 r"哪十(大|项|个)工程|what are the ten (major )?projects|list the ten", s, re.I):
        return "二"
    # "总体要求这一部分分成哪几块"
    m = re.search(rf"({'|'.join(_PART_NAMES)})(这一?部分|这部分|这块)?[^，,。？?]{{0,4}}(一共|共|都|包括|有)?(几条|几项|哪几|哪些|分别)", s)
    if m:
        return _PART_NAMES[m.group(1)]
    m = re.search(rf"第\s*([{_CN_NUM}]+)\s*部分", s)
    if m:
        return m.group(1)
    m = re.search(rf"第\s*([{_CN_NUM}百零]+|\d+)\s*条", s)
    if m:
        n = m.group(1)
        return f"第{_int_to_cn(int(n)) if n.isdigit() else n}条"
    m = re.search(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(major\s+)?project"
                  r"|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) of the ten", q, re.I)
    if m:
        return f"二({_NUM_CN[ORDINAL_EN[(m.group(1) or m.group(3)).lower()]]})"
    m = re.search(r"\bproject\s+(?:no\.?\s*|number\s+|#\s*)?[(（]?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b", q, re.I)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _ENGLISH_NUMBERS[m.group(1).lower()]
        if 1 <= n <= 10:
            return f"二({_NUM_CN[n]})"
    return ""


def _int_to_cn(n: int) -> str:
    if n <= 10:
        return _NUM_CN[n]
    if n < 20:
        return "十" + (_NUM_CN[n - 10] if n > 10 else "")
    tens, ones = divmod(n, 10)
    return _NUM_CN[tens] + "十" + (_NUM_CN[ones] if ones else "")


# Chengdu (Sichuanese) words for what is asked: "补好多钱" is "补多少钱", "咋个报名" is "怎么报名"
_DIALECT = [(re.compile(r"好多(?=个[\u4e00-\u9fff]{0,4}[？?呢哦嘛喃]|个$)|好多(?=钱|亿|万|元|块|平|米|公里|折|[？?呢哦嘛喃]|$)|(?<=[是有要补贴交缴发花给拿领收住改建修装])好多"), "多少"),
            (re.compile(r"咋个|咋子"), "怎么"), (re.compile(r"啥子"), "什么"), (re.compile(r"晓得"), "知道"),
            (re.compile(r"有没得|有莫得|有冇"), "有没有"),
            (re.compile(r"(?<!有)(没得|莫得)"), "没有"),
            (re.compile(r"甚么"), "什么"),  # Taiwan's and Hong Kong's 甚麼 (OpenCC keeps it as 甚么)
            (re.compile(r"(?<!了)好(?=[长久远大高](?:[？?呢哦嘛喃，,]|$))"), "多"),  # not "拖了好久，": it took long  # "总共能领好久？" asks how long
            # Cantonese, as Hong Kong residents write: "夹几多钱", "系边几个", "喺成都睇病"
            (re.compile(r"系(?=边|咪|唔|乜)|(?<=具体|实际)系|(?<![联关体])系(?=几多)"), "是"),
            (re.compile(r"几多"), "多少"), (re.compile(r"边几"), "哪几"), (re.compile(r"边个"), "哪个"),
            (re.compile(r"系?几耐"), "是多久"), (re.compile(r"几时"), "什么时候"),  # "有效期系几耐", "每年几时申报"
            (re.compile(r"喺"), "在"), (re.compile(r"嘅"), "的"), (re.compile(r"唔"), "不"), (re.compile(r"睇"), "看")]


def standard_mandarin(s: str) -> str:
    """A Simplified question with its Sichuanese question words in standard Mandarin."""
    for pattern, standard in _DIALECT:
        s = pattern.sub(standard, s)
    return s


@lru_cache(maxsize=1)
def _needs_compiled() -> dict[str, re.Pattern]:
    return {k: re.compile(p) for k, p in NEEDS.items()}  # compiled once, on first use, not at import


def analyse(question: str) -> Ask:
    """Read what a question asks for."""
    s = standard_mandarin(to_simplified(question))
    low = s.lower()  # English cues; Chinese ones on Simplified text, so 哪個系統 is 哪个系统

    def has(p):
        return re.search(p, s) is not None or re.search(p, low) is not None

    needs = tuple(k for k, p in _needs_compiled().items() if has(p))
    if "place" in needs and re.search(r"(维持|保持|处于|排)在?[^，。？?]{0,12}(什么|哪个)位置|"
                                      r"(打造成|建成|成为|变成)[^，。？?]{0,12}(什么|哪种|怎样的)(地方|城市)", s):
        needs = tuple(n for n in needs if n != "place")  # a rank or level, not a place
    if "foreigner" in needs and has(_SELF_FOREIGN) and not has(_ELIGIBLE):
        needs = tuple(n for n in needs if n != "foreigner")  # "I'm a foreigner…, how many brand stores": context
    ask = _analyse(question, s, has)
    return Ask(ask.kind, ask.value, ask.section, needs)


_SELF_FOREIGN = r"\bi'?m (a|an) (\w+ )?(foreigner|expat)|\bas (a|an) (\w+ )?(foreigner|expat)|我是(外国人|外籍|老外)"
# asking whether someone may get something
_ELIGIBLE = r"能不能|可不可以|可以|能否|是否|能享受|能申请|能住|能领|能(买|租|办|拿|参加|入住|报名)|\b(can|may|could)\b|eligible|allowed|\bapply\b"


_LOCATE = r"第几个工程|第几项工程|排(在)?(?![^，。？?]{0,4}(全国|全省|国内|世界|全球))[^，。？?]{0,8}第几|哪个工程提出|哪个小点|哪一小点|哪一点|哪个点|是第几章|在第几章|哪一章|哪章|是哪个工程|属于哪个工程|在哪个工程|哪个工程里|出自|出处|第几条|第几项|哪一款|哪一条(?![街路线])|哪条(?![街路线])|哪一项|哪一部分|哪个部分|哪部分|在哪里提|哪里提到|哪提到|which (section|item|clause|part|heading)|under which"


def quoted_phrase(question: str) -> str:
    """The quoted words or figure a 'where does X come from' question asks about."""
    s = to_simplified(question)
    m = re.search(r"[“\"「『'‘]([^”\"」』'’]{2,40})[”\"」』'’]", s)
    if m:
        return m.group(1)
    m = re.search(r"\d+(?:\.\d+)?\s*(?:万|亿)?[^\s\d，。？?、,]{0,3}", s)
    return m.group(0) if m else ""


# Questions about the document itself: its title and issuers, or the source named at its end.
_DOC_SUBJECT = r"这份|这个文件|该文件|本文件|文件|意见|这个政策|该政策|本政策|十大工程|\b(policy|document|opinions?|text)\b"
_DOC_FACTS = {
    "title": r"(文件|意见|政策|十大工程|这份|这个|该|本)(的)?(正式|完整|全)?(标题|全称|全名|名称|题目|文件名|叫什么|名字)|"
             r"\btitle\b|full name|what is (it|the (policy|document)|this (policy|document)( document)?) called|\bname of (the|this) (policy|document|opinion)",
    "issuer": r"谁发|谁出台|谁印发|谁制定|谁颁布|哪个部门|哪些部门|哪(两|几)个(单位|部门)|哪(个|家)单位[^，。？?]{0,3}(发|印发|出台|发布)|联合(印)?发|发文单位|发布单位|发文机关|"
              r"\bwho\b(?: \w+){0,2} issued\b|\b(bodies|authorities|organs)\b(?: \w+){0,2} issued\b|issued by|jointly issued|\bissuer\b|which (two |\w+ )?(authority|authorities|body|bodies)",
    "period": r"哪个五年|哪个时期|什么时期|哪几年|哪个规划期|五年规划|which five-year|what period|which period",
    "source": r"(文末|末尾|结尾|最后)[^，。？?]{0,8}来源|来源(是)?(哪|什么)(家|个)?(媒体|报纸|网站)|哪家媒体|哪个媒体|什么媒体|哪个报纸|"
              r"刊登|转载|发表在|news outlet|newspaper|published (in|by)|where (was|is) (this|the) (policy )?(text|document|policy|article) (originally |first )?published|"
              r"\bsource line\b|(note|line) at the (very )?(bottom|end)|(注明|标注|标明)的?来源|来源是(哪里|哪儿|什么)|"
              r"\bwhat source\b|\bsource (is )?(named|given|cited)\b|where does the (text|policy|document)\b[^?]{0,30}\b(come|taken|reproduced|reprinted) from",
}


LOCATE = re.compile(_LOCATE + r"|在哪一?条下面|哪一?条里", re.I)


def locate_phrase(question: str) -> str:
    """The words a "where does X appear" question asks about: quoted, or the phrase it opens
    with ("TOD综合开发示范点出自哪一条"), or a figure."""
    s = to_simplified(question)
    m = re.search(r"[“\"「『'‘]([^”\"」』'’]{2,40})[”\"」』'’]", s)
    if m:
        return m.group(1)
    m = re.match(r"\s*([^，,。？?\s]{3,24}?)(?:这句话|这句|这个说法|这一条|这项)?(?:(?:是|属于)?(?:出自|出处|在)|(?:是|属于)(?=哪))"
                 r"(?=[^，。？?]{0,12}(?:哪|第几))", s)
    if m and not re.search(r"[哪第几]", m.group(1)):
        phrase = re.sub(r"的?(范围|规定|说法|内容|定义|表述|要求)$", "", m.group(1))
        return re.sub(r"(那|这)(段|句|条|部分|一段|一句)话?$", "", phrase)  # "人才公寓打折那段"
    m = re.search(r"(?:讲|写|说|规定)了?([^，,。？?\s的]{2,16})的(?:内容|条款|部分|规定)?(?:是|在)(?=第几|哪)", s)  # "讲经费保障的是第几章"
    if m:
        return m.group(1)
    return quoted_phrase(question)


_SAID_IN_SECTION = r"(里|中|上)[^？?说讲写]{0,14}(说|讲|提到|写|指出)(的|了)?[，,]?[^？?]{4,}(什么|哪|谁|怎么|如何|多少|几)"


def _analyse(question: str, s: str, has) -> Ask:
    if not section_ref(question) and has(_DOC_SUBJECT):
        for fact, pattern in _DOC_FACTS.items():
            # "On what date was this opinion jointly issued by…": a date asked, not the issuers
            if has(pattern) and not (fact == "issuer" and has(NEEDS["time"])):
                return Ask("document", value=fact)
    if has(r"(文末|末尾|结尾|最后)[^，。？?]{0,8}(来源|出处)"):
        return Ask("document", value="source")  # "最后注明的来源是哪里": the document's own last line
    if has(_LOCATE) and locate_phrase(question):
        # "“做实家庭医生签约服务”在二(二)哪一条里": where, within the section if one is named
        return Ask("locate", section=section_ref(question))
    ref = section_ref(question)
    if ref and has(_SAID_IN_SECTION) and not has(_LIST_CUES) \
            and not has(r"(里|中|上)[^，,。？?]{0,4}第\s*[一二三四五六七八九十\d]+\s*(条|项|点|小项|小条)"):
        ref = ""  # "第一部分“重大意义”里说，…是全面贯彻什么发展思想": a clause's content, found by its words
    if ref:
        if has(_LIST_CUES) or has(r"哪[一二三四五六七八九十几]+(项|个|条|方面|部分|大)(任务|工作|内容|方面|工程)?[?？]?$"
                                  r"|一共有?几|共有?几|几条|有几项|有多少(项|条)|分别(叫|是)|分几(项|个|部分|块|条)|各(叫|是)什么"
                                  r"|how many (tasks|items|parts|points|measures|sub-?items|projects)"):
            return Ask("list", section=ref)
        if has(_NAME_CUES) and not has(r"原文|全文|内容"):
            return Ask("name", section=ref)
        value = asked_value(s, question.lower())
        if value:
            return Ask("value", value=value, section=ref)
        return Ask("section", section=ref)
    if has(_BENEFITS):
        return Ask("benefits")
    if has(_MATERIALS):
        return Ask("materials")
    if has(_PROCEDURE):
        return Ask("procedure")
    if has(_CONTACT):
        return Ask("contact")
    if has(_DEADLINE):
        return Ask("deadline")
    if has(_LIST_CUES):
        return Ask("list")
    value = asked_value(s, question.lower())
    if value:
        return Ask("value", value=value)
    return Ask("statement")


# a yes/no question ("…吗？", "有没有…", "算不算…"); 么 ends 什么/怎么 too, which ask something else
YES_NO = re.compile(r"(吗|(?<![什怎这那多])么|嘛)\s*[?？]?\s*$|能不能|可不可以|是不是|是否|会不会|有没有|行不行|"
                    r"算不算|包不包括|在不在|有[^，。？?]{2,12}吗")


def asked_value(simplified: str, lower: str) -> str:
    """The kind of figure asked for: a specific cue (discount, money, days, ratio...) beats the
    generic 多少; among specific cues the one nearest the end wins, ties to the more specific.

    A figure named only as context before a yes/no question ("断了几个月，还能接着领吗")
    is not what is asked."""
    first = re.match(r"[^？?]+[？?](?=\s*\S)", simplified)
    if first:
        # "棚户区要改多少户？大概要改多久": two questions; the first is the one asked
        value, _ = _asked_value(first.group(0), first.group(0).lower())
        if value:
            return value
    value, at = _asked_value(simplified, lower)
    later = re.split(r"[，,；;。]", simplified[at:], maxsplit=1)
    if value and len(later) == 2 and YES_NO.search(later[1]) and not _SAYS_TAIL.fullmatch(later[1].strip()):
        return ""
    if value == "count" and (_YEAR_ASKED.search(simplified) or _YEAR_ASKED.search(lower)):
        return ""  # "高品质幼儿园数量以哪一年为基数翻番": a year, not the 数量
    if value == "count" and _FEE_NAMED.search(simplified) and not _COUNTER_ASKED.search(simplified) \
            and not re.search(r"的(多少|几)", simplified):
        return "money"  # "民办学校的学费有没有上限？上限是多少": a fee's 多少 is an amount of money
    if value == "percent" and re.search(r"哪一?[次种类个][^，。？?]{0,6}(比重|比例)", simplified):
        return ""  # "劳动报酬要在哪一次分配里提高比重": which distribution, not how much
    return value


# "住的地方离公园要多远，有说法吗": asks whether the policy says the figure, not a yes/no of its own
_SAYS_TAIL = re.compile(r"(文件|政策|意见|里面|上面)?(里|上|中)?(有没有|有)(什么)?(说法|规定|说|提|写|讲)(到|过)?(吗|么|没有|没)?\s*[？?]?")
_FEE_NAMED = re.compile(r"(?<![免消经])费(?!率)|票价|门票")
_COUNTER_ASKED = re.compile(r"多少[个家所人名套次项条种户间张位倍年天月]|多少平方|多少万[个家所人名套户]")
_YEAR_ASKED = re.compile(r"哪一?年(?!级)|几几年|什么年份|\b(which|what) year\b")


def _asked_value(simplified: str, lower: str) -> tuple[str, int]:
    best, best_at = "", -1
    for value, pattern in _VALUE_CUES:
        if value == "count" and best:
            break
        for text in (simplified, lower):
            found = [m.end() for m in re.finditer(pattern, text)]
            if found and found[-1] > best_at:
                best, best_at = value, found[-1]
    return best, (best_at if best_at <= len(simplified) else len(simplified))


# ---------------------------------------------------------------- follow-ups

# "下一句呢": the sentence after (or before) the one just quoted
ADJACENT = re.compile(r"(下一句|下句|后一句|后面一句|后面那句|接下来一句|接着的一句|next sentence|next line)|"
                      r"(上一句|前一句|前面一句|previous sentence)", re.I)

_FOLLOW_UP = re.compile(
    r"^(那|那么|那个|那这|那它|还有|另外|这个|这些|它|它们|其中|再问|顺便|那如果|如果是)|呢[?？]?$|"
    # "农村的是不是更高": a noun left out after 的, or a comparison with what was just said
    r"^[\u4e00-\u9fff]{1,4}的(是不是|是否|也|会不会|有没有|要不要|能不能)|"
    r"(更|也|还|一样|同样)(高|低|多|少|长|短|大|小|快|慢|便宜|贵)(一些|一点|吗|么|[?？])|"
    r"^[^，,。？?]{1,8}呢[?？，,]|"  # "吃的东西呢？能追溯吗"
    r"^第[一二三四五六七八九十\d]+(条|项|点)(?![^，。？?]{0,12}(办法|细则|意见|政策|文件))|"  # "第三条具体说了什么" after "保障措施有几条"
    r"^(and|what about|how about|what if|also|then)\b", re.I)


@dataclass(frozen=True)
class Turn:
    role: str
    content: str


def normalise_history(history) -> list[Turn]:
    """Accept [{'role','content'}], [(user, assistant)] pairs or plain strings (user turns)."""
    turns: list[Turn] = []
    for item in history or []:
        if isinstance(item, dict):
            content = item.get("content")
            if isinstance(content, list):  # gradio multimodal content parts
                content = " ".join(str(p.get("text", "")) if isinstance(p, dict) else str(p) for p in content)
            if content:
                turns.append(Turn(str(item.get("role", "user")), str(content)))
        elif isinstance(item, (list, tuple)) and len(item) == 2:
            if item[0]:
                turns.append(Turn("user", str(item[0])))
            if item[1]:
                turns.append(Turn("assistant", str(item[1])))
        elif isinstance(item, str) and item.strip():
            turns.append(Turn("user", item))
    return turns


_PRONOUN = re.compile(r"\b(it|its|they|them|their)\b", re.I)


def is_follow_up(question: str) -> bool:
    q = question.strip()
    if _FOLLOW_UP.search(q):
        return True
    cjk = len(re.findall(r"[\u4e00-\u9fff]", q))
    if has_cjk(q) and cjk <= 6:
        return True
    if not has_cjk(q) and _PRONOUN.search(q):
        # "For how many days is it free?": "it" is the last topic when the question names
        # hardly any policy term of its own
        from .expand import expand_query

        return len(expand_query(q)[len(q):].split()) <= 2
    # "是不是谁都能买？": no word of its own to be about, so it is about the last topic
    from .lexical import content_words

    return has_cjk(q) and not any(len(w) >= 2 and w not in _NO_SUBJECT for w in content_words(to_simplified(q)))


# words that say how much or how long, not what about: "最长能领多少个月" is about the last topic
_NO_SUBJECT = frozenset({"最长", "最多", "最少", "最高", "最低", "最短", "最快", "最晚", "能领", "能拿", "能住", "能享受",
                         "一共", "总共", "要建", "要交", "要等", "时候", "多久", "多长", "那要",
                         "时间", "多长时间", "长时间", "最多能", "最长能", "最后", "哪里", "打到", "到手",
                         # how one gets in, not what: "要提前预约吗，还是来了就能住"
                         "提前", "预约", "提前预约", "要预约", "很久", "还是", "直接"})


def resolve(question: str, history) -> tuple[str, str | None]:
    """(question to search, earlier question it leans on or None)."""
    turns = normalise_history(history)
    previous = [t.content for t in turns if t.role == "user"]
    if not previous or not is_follow_up(question):
        return question, None
    prev = previous[-1]
    # strip the follow-up's leading connective so it doesn't pollute the search
    current = re.sub(r"^(那么|那|还有|另外|再问一下|顺便问一下|and|what about|how about)\s*", "", question, flags=re.I)
    return f"{prev} {current}", prev


def script_of(question: str) -> str:
    return detect_script(question)


def is_english(question: str) -> bool:
    return detect_script(question) == ENGLISH


@dataclass
class Parsed:
    """Everything the answer stage needs to know about a question."""

    asked: str  # the cleaned question as typed
    searched: str  # the question actually searched, as shown to people
    leans_on: str | None
    script: str
    ask: Ask
    notices: list[str] = field(default_factory=list)
    query: str = ""  # what retrieval matches: a follow-up's own words count twice
    previous_answer: str | None = None  # the assistant's last turn, for "下一句呢"

    def __post_init__(self):
        if not self.query:
            self.query = self.searched


_SENTENCE_END = re.compile(r"(?<=[。！!？?；;])|(?<=\.)\s+(?=[A-Z])")


def asked_sentence(text: str) -> str:
    """The part of a message that asks, without what the writer first tells about themselves
    ("我家孩子三岁，摇号没摇上。文件说新建幼儿园多少所？" → "文件说新建幼儿园多少所？"): from the first
    sentence ending in a question mark (or the last sentence) when the sentences before it state."""
    says = _POLICY_SAYS.search(text)
    if says and (says.start() >= CONTEXT_CHARS or says.start() >= 5 and FIRST_PERSON.search(text[:says.start()])) \
            and not (says.group(4) and re.search(r"吗|么|[?？]|什么|哪", text[:says.start()])):
        # "…能享受吗，文件怎么说": both parts ask, and the first says what
        return text[says.end():].strip()  # "有条断头路好几年没打通，文件对断头路怎么说？"
    parts = [x for x in _SENTENCE_END.split(text.strip()) if x and x.strip()]
    if len(parts) < 2:
        return text
    first = next((i for i, x in enumerate(parts) if x.rstrip().endswith(("？", "?"))), len(parts) - 1)
    after = "".join(parts[first + 1:])
    if after and (FIRST_PERSON.search(after) or re.search(r"\b(My|We|Our)\b", after)) and not re.search(r"[?？]|吗|多少|几|什么|怎么|哪|(what|how|which|when|where|who)", after, re.I):
        # "猪肉粮油政府有没有储备？去年猪肉涨得我们都不敢做回锅肉了": a remark after the question
        return asked_sentence("".join(parts[:first + 1]))
    told = "".join(parts[:first])
    # what is told is about the writer, or exclaimed ("房价太高了！")
    exclaimed = told.rstrip().endswith(("！", "!")) and not re.search(r"[?？吗]", told)
    if first == 0 or not (len(told) >= CONTEXT_CHARS and FIRST_PERSON.search(told) or exclaimed and len(told) >= 5):
        return text
    return "".join(parts[first:]).strip()


CONTEXT_CHARS = 8  # a shorter opening sentence is part of the question ("人才公寓。打几折？")
_POLICY_SAYS = re.compile(r"[，,]\s*(?=(这个|这份|该)?(文件|政策|意见)(里|上|中)?(咋个|怎么|咋)?(说|对|提到|规定|有没有(说|提|讲|写)))")
FIRST_PERSON = re.compile(r"我|咱|俺|\b(I|I'm|I've|my|we|our|us)\b")


# "那屋顶绿化我们小区做的话有补贴吗": whether something is paid for, not the earlier figure's kind
_WHETHER_PAID = re.compile(r"(有没有|有无|给不给|补不补)[^，。？?]{0,6}(补贴|补助|奖励|优惠|减免)|(补贴|补助|奖励|优惠|减免)(吗|么|不)[?？]?$")
_OWN_KIND = re.compile(r"什么样|怎样的|哪种|哪类|什么类型|什么形式|\bwhat (kind|type|sort)s? of\b")


def parse(raw: str, history=None, max_chars: int = 2000) -> Parsed:
    cleaned = clean_question(raw, max_chars)
    searched, prev = resolve(cleaned.text, history)
    asked = asked_sentence(cleaned.text)
    ask = analyse(asked)
    whole = analyse(cleaned.text).needs if asked != cleaned.text else ask.needs
    told = tuple(n for n in ("foreigner", "hukou") if n in whole and n not in ask.needs)
    if told:
        # "I'm a foreigner with a work permit. Can I buy a talent apartment?": who asks is told
        # before the question, and only a clause about such a person can say yes
        ask = Ask(ask.kind, ask.value, ask.section, ask.needs + told)
    ordinal = re.fullmatch(rf"(?:那|那么)?\s*第\s*([{_CN_NUM}]|10|[1-9])\s*(个|条|项|点)?\s*(?:呢|是什么|是啥|叫什么|叫啥)?\s*[?？]?",
                           cleaned.text)
    if prev is not None and ordinal:
        # "第二个呢？" after "十大工程第一个叫什么": the earlier question with the new number
        n = ordinal.group(1)
        again = re.sub(rf"第\s*([{_CN_NUM}]|10|[1-9])\s*(?=个|条|项|点)",
                       lambda m: "第" + (str(_CN_DIGIT.get(n, n)) if m.group(1).isdigit() else _NUM_CN.get(int(n), n)
                                        if n.isdigit() else n), prev, count=1)
        if again != prev and analyse(again).section:
            ask = analyse(again)
    if prev is not None and re.fullmatch(r"第.+条", ask.section or ""):
        # "它的第三条讲什么" after a question about 二(七): item 3 of that project
        earlier = section_ref(prev)
        n = _CN_DIGIT.get(ask.section[1:-1])
        sibling = ""
        if n and re.fullmatch(r"二\([一二三四五六七八九十]+\)", earlier):
            sibling = f"{earlier}{n}"  # a project's items are 1., 2., ...
        elif n and re.fullmatch(r"二\([一二三四五六七八九十]+\)\d+", earlier):
            sibling = re.sub(r"\d+$", str(n), earlier)  # "第四条呢" after item 3: item 4
        elif n and re.fullmatch(r"[一三](\([一二三四五六七八九十]+\))?", earlier):
            sibling = f"{earlier[0]}({_NUM_CN[n]})"  # a part's items are (一), (二), ...
        if sibling:
            ask = Ask(ask.kind, ask.value, sibling, ask.needs)
    if prev is not None and ask.kind == "statement" and not ask.needs \
            and not _OWN_KIND.search(to_simplified(cleaned.text).lower()) \
            and not _WHETHER_PAID.search(to_simplified(cleaned.text)):
        # "那农村的呢" asks what the earlier question asked; "都盖在哪些区" and "那片区里要打造什么样的
        # 商业服务圈" ask their own thing
        earlier = analyse(prev)
        if earlier.kind in ("value", "list"):
            ask = Ask(earlier.kind, value=earlier.value)
    script = detect_script(cleaned.text)
    if prev is not None and script != ENGLISH and not has_cjk(cleaned.text):
        script = detect_script(prev)
    query = f"{searched} {cleaned.text}" if prev is not None else searched
    answers = [t.content for t in normalise_history(history) if t.role == "assistant"]
    return Parsed(cleaned.text, searched, prev, script, ask, list(cleaned.notices), query,
                  answers[-1] if answers else None)
