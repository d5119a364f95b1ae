"""Query expansion: map everyday and English wording onto the policy's own vocabulary.

Only the lexical side uses the expansion; the dense encoder sees the question as asked.
The table is a domain glossary (terms a resident or an English speaker uses for things the
policy names differently), not a list of questions.
"""

from __future__ import annotations

import re

# everyday Chinese wording → policy wording (Simplified)
COLLOQUIAL = {
    "打几折": "折 优惠", "打折": "折 优惠", "折扣": "折 优惠", "便宜": "优惠 价格",
    "免费住": "免费入住", "白住": "免费入住", "住几天": "免费入住 天", "落脚": "驿站 入住",
    "大学生": "青年 大学生", "毕业生": "青年 高校毕业生", "刚毕业": "青年 大学生", "年轻人": "青年",
    "老人": "老年人 养老", "爸妈": "老年人 养老", "父母": "老年人 养老", "养老院": "养老 机构 床位",
    "小孩": "儿童", "孩子": "儿童 学校", "娃": "儿童", "上学": "学校 教育", "幼儿园": "幼儿园 学前教育",
    "看病": "医疗 医院 健康", "医生": "医疗 卫生", "坐地铁": "地铁 轨道", "上下班": "通勤",
    "上班路上": "通勤", "堵车": "交通 拥堵", "加电梯": "加装电梯", "电梯": "加装电梯",
    "残疾": "残疾人", "买房": "住房 购买", "租房补贴": "租金补贴", "补多少": "补贴", "能补": "补贴", "补几": "补贴", "给补": "补贴",
    "补不补": "补贴", "有补": "补贴", "两个人都领": "同住人 累加", "都能领": "累加", "室友": "同住人", "租房": "租赁 住房", "房租": "租赁 住房 租金",
    "找工作": "就业 岗位", "工作机会": "就业 岗位", "开公司": "创业 企业", "办企业": "企业 营商环境",
    "贷款": "贷款 借款", "借钱": "借款 贷款", "空气": "大气 空气质量", "雾霾": "大气 空气质量",
    "绿地": "公园 绿道", "公园": "公园 绿道", "跑步": "运动 体育 绿道", "健身": "运动 体育",
    "停车": "停车位", "菜价": "价格 民生商品", "买菜": "菜市场 生活服务", "工资": "工资性收入 收入",
    "挣钱": "收入", "赚钱": "收入", "农民": "农村居民", "村里": "农村", "城里人": "城镇居民",
    "穷人": "低收入群体 困难群众", "低保": "低收入群体 救助", "失业": "就业", "安全感": "安全",
    "治安": "社会环境 刑事案件", "地震": "地震 灾害", "停电": "供电", "火灾": "消防",
    "办事": "办事环境 政务服务", "跑腿": "办事", "证明": "证明事项", "投诉": "诉求 民意",
    "第几项": "工程", "第一项": "(一)", "第二项": "(二)", "第三项": "(三)", "第四项": "(四)",
    "第五项": "(五)", "第六项": "(六)", "第七项": "(七)", "第八项": "(八)", "第九项": "(九)",
    "第十项": "(十)", "奖励": "激励 奖补", "奖金": "奖励 激励", "表彰": "激励", "户口": "户籍 常住人口",
    "外地人": "常住人口 新市民", "新来的": "新市民", "上班的": "就业", "没工作": "就业 零就业",
    "个体户": "个体工商户", "小卖部": "个体工商户", "开店": "个体工商户 小店", "手机": "智能 信息化",
    "上网": "信息化 网络", "走路": "步行", "骑车": "骑行", "公交车": "公交", "车库": "停车场 地下",
    "被淹": "内涝 水淹", "淹水": "内涝 水淹", "下大雨": "内涝 排水", "煤气": "燃气", "天然气": "燃气",
    "吃饭": "助餐", "食堂": "助餐", "体检": "健康", "打针": "疫苗 医疗", "学费": "教育 免费",
    "托儿所": "托育", "带娃": "托育 儿童", "考核": "目标绩效", "领导": "组织领导", "保租房": "保障性租赁住房", "林子": "森林", "活到": "预期寿命", "寿命": "预期寿命", "活多久": "预期寿命", "城里": "城市 城镇", "城乡差距": "城乡收入比", "挣的钱": "收入", "差距": "比", "乡下": "乡村 农村", "种树": "森林 绿化", "东边": "东部 城市森林", "公租房": "公租房 住房保障",
}

# English → policy wording (Simplified); matched on word boundaries, case-insensitive
ENGLISH = {
    "talent apartment": "人才公寓", "talent apartments": "人才公寓", "talent housing": "人才公寓",
    "apartment": "公寓", "station": "驿站", "hostel": "驿站", "talent station": "人才驿站 蓉漂",
    "rongpiao": "蓉漂", "free stay": "免费入住", "free accommodation": "免费入住", "stay": "入住",
    "discount": "折 优惠", "young": "青年", "youth": "青年", "graduate": "大学生 高校毕业生",
    "graduates": "大学生 高校毕业生", "startup": "创业", "start-up": "创业", "entrepreneur": "创业",
    "entrepreneurs": "创业者", "business": "企业 创业", "loan": "贷款 借款", "loans": "贷款 借款",
    "interest-free": "无息借款", "angel": "天使投资", "subsidy": "补贴 资助", "subsidies": "补贴 资助",
    "grant": "无偿资助", "job": "就业 岗位", "jobs": "就业 岗位", "employment": "就业",
    "internship": "实习 见习", "internships": "实习 见习", "training": "培训", "skills": "技能",
    "school": "学校", "schools": "学校", "kindergarten": "幼儿园", "kindergartens": "幼儿园",
    "preschool": "学前教育", "education": "教育", "university": "高校 大学", "hospital": "医院",
    "hospitals": "医院", "health": "健康 卫生", "medical": "医疗", "doctor": "医生", "elderly": "老年人 养老",
    "senior": "老年人", "seniors": "老年人", "old people": "老年人", "aged care": "养老",
    "elderly care": "养老", "beds": "床位", "bed": "床位", "children": "儿童", "child": "儿童",
    "kids": "儿童", "disabled": "残疾人", "disability": "残疾人", "low-income": "低收入",
    "housing": "住房", "house": "住房", "rent": "租赁 租金", "rental": "租赁", "commute": "通勤",
    "commuting": "通勤", "metro": "地铁 轨道", "subway": "地铁", "rail": "轨道", "bus": "公交",
    "traffic": "交通", "transport": "交通", "parking": "停车", "old neighborhoods": "老旧小区",
    "old neighbourhoods": "老旧小区", "old residential": "老旧小区", "renovation": "改造",
    "renovate": "改造", "elevator": "电梯", "elevators": "电梯", "lift": "电梯", "air": "空气 大气",
    "water": "水", "river": "河", "park": "公园", "parks": "公园", "greenway": "绿道",
    "greenways": "绿道", "green": "绿", "forest": "森林", "panda": "大熊猫", "soil": "土壤",
    "pollution": "污染", "business environment": "营商环境", "income": "收入", "rural": "农村",
    "urban": "城镇", "wage": "工资", "wages": "工资", "salary": "工资", "safety": "安全",
    "fire": "消防", "power": "供电", "electricity": "供电", "emergency": "应急", "disaster": "灾害",
    "earthquake": "地震", "crime": "刑事案件 犯罪", "community": "社区", "communities": "社区",
    "life circle": "生活圈", "15-minute": "15分钟", "sports": "体育 运动", "sport": "体育 运动",
    "culture": "文化", "museum": "博物馆", "museums": "博物馆", "library": "图书馆", "food": "食品",
    "price": "价格", "prices": "价格", "consumer": "消费", "tourism": "文旅 旅游", "smart": "智慧",
    "platform": "平台", "platforms": "平台", "innovation": "创新", "services": "服务",
    "service": "服务", "government": "政府", "funding": "财政 资金", "evaluation": "评价",
    "public opinion": "民意", "shanty": "棚户区", "villages": "城中村", "village": "村",
    "market": "市场", "fair competition": "公平竞争", "policy": "政策", "enterprise": "企业",
    "enterprises": "企业", "companies": "企业", "company": "企业", "listed": "上市 登陆",
    "incubator": "孵化器", "incubators": "孵化器", "mental": "心理", "marriage": "婚恋",
    "social": "社交", "ten projects": "十大工程", "project": "工程", "projects": "工程",
    "days": "天", "minutes": "分钟", "how many days": "天", "percent": "%", "ratio": "比",
    "talent": "人才", "talents": "人才", "talented": "人才", "stock ownership": "持股",
    "employee": "员工", "employees": "员工", "supply": "供给", "resources": "资源", "shops": "店",
    "shop": "店", "stores": "店", "store": "店", "small shops": "小店", "postgraduate": "研究生",
    "institutions": "机构", "institution": "机构", "principles": "原则", "principle": "原则",
    "property management": "物业", "long-term rental": "长租房", "financial": "金融",
    "fintech": "科技金融", "products": "产品", "product": "产品", "events": "赛事 活动",
    "sporting events": "体育赛事", "international": "国际", "world": "世界", "global": "全球",
    "advanced": "先进", "city": "城市", "cities": "城市", "citizens": "市民", "citizen": "市民",
    "residents": "居民 市民", "resident": "居民", "people-centered": "以人民为中心",
    "snow mountains": "雪山", "snow mountain": "雪山", "blue sky": "蓝天", "blue skies": "蓝天",
    "media": "媒体", "channel": "频道", "market access": "市场准入", "universal": "普惠",
    "apply": "申请", "application": "申请", "take effect": "施行", "valid": "有效期",
    "validity": "有效期", "floor area": "面积", "area": "面积", "maximum": "上限",
    "rent subsidy": "租金补贴", "class": "类", "months": "个月", "month": "月", "monthly": "每月",
    "year": "年", "years": "年", "annual": "年度", "each year": "每年", "every year": "每年",
    "industrial structure": "产业结构", "industry": "产业", "high-end": "高端",
    "labour": "劳动", "labor": "劳动", "remuneration": "报酬", "distribution": "分配",
    "middle-income": "中等收入", "property income": "财产性收入", "household": "居民",
    "migrant": "新市民", "newcomers": "新市民", "registered residence": "户籍", "hukou": "户籍",
    "permanent residents": "常住人口", "nursing": "护理", "care": "照护 照料", "meal": "助餐",
    "day care": "日间照料", "mental health": "心理健康", "students": "学生", "student": "学生",
    "teachers": "教师", "teacher": "教师", "obstacle-free": "无障碍", "barrier-free": "无障碍",
    "accessible": "无障碍", "accessibility": "无障碍", "toilets": "厕所", "toilet": "厕所",
    "gas": "燃气", "drainage": "排水", "flooding": "内涝", "waterlogging": "内涝", "shelter": "避难场所",
    "shelters": "避难场所", "food safety": "食品安全", "traceability": "追溯", "drug": "药品",
    "police": "警情", "court": "诉讼", "lawsuits": "诉讼", "government services": "政务服务",
    "one-stop": "一网通办", "online": "网上 线上", "approval": "审批", "permits": "许可",
    "credit": "信用", "loans for": "贷款", "financing": "融资", "venture": "创业 投资",
    "patent": "专利", "technology": "科技 技术", "research": "科研", "laboratory": "实验室",
    "open": "开放", "opening": "开放", "jobs per": "就业机会", "job seekers": "就业人员",
    "vertical greening": "立体绿化", "greening": "绿化", "wetland": "湿地", "wetlands": "湿地",
    "trees": "树", "flowers": "花卉", "pm2.5": "PM2.5", "clean": "清洁", "energy": "能源",
    "vehicles": "汽车", "electric": "电动 新能源", "charging": "充电", "bike": "自行车",
    "bicycle": "自行车", "cycling": "骑行 自行车", "walking": "步行", "pedestrian": "步行 人行",
    "tram": "有轨电车", "waiting time": "候车时间", "transfer": "换乘", "stations": "站点",
    "neighborhood": "社区", "neighbourhood": "社区", "compound": "小区", "compounds": "小区",
    "residential": "小区 住宅", "rebuild": "改造", "shantytown": "棚户区", "urban villages": "城中村",
    "heritage": "历史文化", "historic": "历史", "festival": "节", "concerts": "演出",
    "performances": "演出", "reading": "阅读", "bookstores": "书店", "fitness": "健身",
    "stadiums": "体育场馆", "marathon": "马拉松", "observer": "观察员", "observers": "观察员",
    "budget": "财政 资金", "fiscal": "财政", "assessment": "评估 考核", "incentives": "激励",
    "reward": "激励 奖励", "rewards": "激励 奖励", "lead": "引领", "goal": "目标", "aim": "目标",
    "target": "目标", "targets": "目标", "kilometers": "公里", "kilometres": "公里", "km": "公里",
    "meters": "米", "metres": "米", "pipes": "管网", "pipelines": "管网", "underground": "地下",
    "round-the-clock": "7×24小时", "24/7": "7×24小时", "24 hours": "24小时", "employer": "单位 企业",
    "employers": "单位 企业", "settling-in": "安家", "allowance": "补贴", "market rent": "市场租金",
    "market rents": "市场租金", "life expectancy": "预期寿命", "expected to live": "预期寿命", "live on average": "预期寿命", "live": "生活", "flat": "住房",
    "roommate": "同住人", "roommates": "同住人", "share": "比例", "proportion": "比例", "slogan": "", "disposable income": "可支配收入",
}

_EN_PATTERNS = sorted(ENGLISH, key=len, reverse=True)
_EN_RE = re.compile(r"\b(" + "|".join(re.escape(k) for k in _EN_PATTERNS) + r")\b", re.IGNORECASE)
_CN_RE = re.compile("|".join(re.escape(k) for k in sorted(COLLOQUIAL, key=len, reverse=True)))


def expand_query(question: str) -> str:
    """The question followed by the policy terms its wording maps to."""
    extra = [ENGLISH[m.group(1).lower()] for m in _EN_RE.finditer(question)]
    extra += [COLLOQUIAL[m.group(0)] for m in _CN_RE.finditer(question)]
    if not extra:
        return question
    return question + " " + " ".join(extra)
