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
    "上班路上": "通勤", "堵车": "交通 堵点", "加电梯": "加装电梯", "电梯": "加装电梯",
    "残疾": "残疾人", "买房": "住房 购买", "租房补贴": "租金补贴", "补多少": "补贴", "能补": "补贴", "补几": "补贴", "给补": "补贴",
    "补不补": "补贴", "有补": "补贴", "两个人都领": "同住人 累加", "都能领": "累加", "室友": "同住人", "租房": "租赁 住房", "房租": "租赁 住房 租金",
    "找工作": "就业 岗位", "工作机会": "就业 岗位", "开公司": "创业 企业", "办企业": "企业 营商环境",
    "贷款": "贷款 借款", "借钱": "借款 贷款", "空气": "大气 空气质量", "雾霾": "大气 空气质量",
    "绿地": "公园 绿道", "公园": "公园 绿道", "跑步": "运动 体育 绿道", "健身": "运动 体育",
    "停车": "停车场 停车设施", "菜价": "价格 民生商品", "买菜": "菜市场 生活服务", "工资": "工资性收入 收入",
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
    "被淹": "内涝 水淹", "淹水": "内涝 水淹", "下大雨": "内涝 排水", "煤气": "燃气 天然气", "天然气": "燃气", "燃气": "天然气",
    "吃饭": "助餐", "食堂": "助餐", "体检": "健康", "打针": "疫苗 医疗", "学费": "教育 免费",
    "托儿所": "托育", "带娃": "托育 儿童", "考核": "目标绩效", "领导": "组织领导", "保租房": "保障性租赁住房", "租出去": "住房租赁市场", "没人上班": "零就业", "上班的都没有": "零就业",
    "没人工作": "零就业", "为了谁": "以人民为中心", "为谁": "以人民为中心", "林子": "森林", "活到": "期望寿命", "寿命": "期望寿命", "活多久": "期望寿命", "城里": "城市 城镇", "城乡差距": "城乡收入比", "挣的钱": "收入", "差距": "比", "乡下": "乡村 农村", "种树": "森林 绿化", "东边": "东部 城市森林", "公租房": "公租房 住房保障",
    # --- glossary by policy section: everyday wording → the policy's own terms ---
    # (一) 居民收入
    "到手的钱": "可支配收入", "收房租": "出租房屋 财产性收入", "涨工资": "工资性收入 增长", "养老金": "养老保险 社保待遇", "退休金": "养老保险 社保待遇",
    "中产": "中等收入群体", "民企": "民营经济",
    # (二) 公共服务: 教育
    "上小学": "义务教育 中小学", "初中": "义务教育 中小学", "入学难": "新增学位 学校", "课后托管": "延时服务", "放学后": "延时服务",
    "私立": "民办教育", "技校": "职业学校 职业技术院校", "职校": "职业学校 职业技术院校", "老师": "教师",
    # (二) 公共服务: 健康
    "大医院": "三甲医疗机构 三级医疗机构", "中医院": "中医医院", "社区医生": "家庭医生", "医保报销": "医保支付", "防疫": "疾控中心 传染病 疫情",
    "病床": "床位", "长护险": "长期照护保险",
    # (二) 公共服务: 文旅、体育
    "看展": "美术展览 博物馆", "音乐会": "音乐厅 音乐演出", "景区": "景点 旅游", "体育馆": "体育场地 一场一馆", "游泳": "一池 体育设施",
    "球场": "体育场地 运动角", "锻炼": "运动 健身", "健身房": "健身 运动 体育设施", "大学生运动会": "大运会",
    # (三) 生活成本
    "房价高": "房价收入比 住房", "买不起房": "房价收入比 住房", "廉租房": "公租房 住房保障", "人才房": "人才公寓 人才住房",
    "物价": "价格 民生商品 保供稳价", "商场": "购物中心", "菜场": "菜市场", "网购": "数字消费 电商", "外卖": "无接触配送", "理发店": "洗衣理发",
    "便利店": "社区连锁店 便民服务", "步行15分钟": "15分钟 步行 生活圈",
    # (四) 通勤
    "离公司近": "职住平衡", "上班远": "通勤距离 职住平衡", "过马路": "过街设施", "单车": "自行车 骑行", "车位": "停车设施 停车资源",
    "地铁站": "轨道站点", "等车": "候车时间", "转车": "换乘", "早晚高峰": "高峰 通勤时段", "拥堵": "堵点 交通管理", "修路": "施工占道",
    "回家路上": "回家的路",
    # (五) 城市更新、老旧小区
    "老小区": "老旧小区", "危楼": "危房", "电梯年审": "电梯年检", "水管": "地下管网 管网改造", "物业费": "物业服务", "业委会": "业主 小区自治组织",
    "拆迁": "棚户区改造 城中村改造", "棚改": "棚户区改造", "旧改": "老旧小区改造 城市有机更新", "口袋公园": "小游园 街头绿地 公园",
    "暴雨": "内涝 防洪排涝",
    # (六) 生态
    "空气好": "空气质量优良天数", "尾气": "移动源 交通运输", "野生动物": "生物多样性 栖息地", "臭水沟": "黑臭水体", "自来水": "饮用水 水源",
    "扔垃圾": "生活垃圾分类", "废品回收": "废旧物资循环利用", "土壤污染": "受污染地块 受污染耕地", "屋顶绿化": "立体绿化",
    # (七) 营商环境
    "跑好几趟": "一件事一次办", "网上办": "网上可办 一网通办", "不用见面": "不见面 审批", "找关系": "办事不求人 有无熟人一个样",
    "托关系": "办事不求人 有无熟人一个样", "开证明": "证明事项 告知承诺制", "办执照": "经营许可 审批", "热线": "接诉即办 诉求", "罚款": "行政处罚",
    "专利": "知识产权", "垄断": "排除和限制市场竞争", "国企": "国有企业",
    # (八) 青年创新创业就业
    "创业大赛": "创新创业赛会", "不用还": "无偿资助", "免息": "无息借款", "风投": "天使投资", "办公场地": "场地 众创空间 双创载体",
    "上市": "登陆 科创板 创业板 资本市场", "招聘": "人才招引 就业", "相亲": "婚恋社交", "青旅": "人才驿站",
    # (九) 智慧韧性安全
    "救护车": "智慧急救", "摄像头": "智慧安防", "洪水": "防洪排涝", "避难所": "应急避难场所", "断电": "供电", "加油站": "成品油零售网络",
    "着火": "消防 灭火", "地沟油": "食品安全", "小偷": "违法犯罪 刑事案件 警情", "诈骗": "违法犯罪 刑事案件", "隐私": "个人信息安全",
    # (十) 全龄友好
    "带孩子": "托育 儿童", "早教": "婴幼儿 托育", "婴儿": "婴幼儿 托育", "游乐场": "儿童运动场 公共空间", "心理咨询": "心理辅导室 心理健康",
    "敬老院": "养老机构 集中供养", "居家养老": "居家社区养老服务", "老年食堂": "老年人助餐 助餐", "痴呆": "认知障碍照护型", "临终关怀": "安宁疗护型",
    "老年大学": "老年教育", "孤寡老人": "特困老人 集中供养", "老人家里改造": "适老化改造 老年人", "轮椅": "无障碍", "特殊教育": "特殊少年儿童 免费教育",
    "志愿者": "公益 社会公益组织",
    # 三、保障措施
    "谁负责": "组织领导 责任", "谁出钱": "财政专项资金 资金",
    # related: 人才租金补贴
    "房补": "租金补贴", "住房补贴": "租金补贴 租赁补贴", "补多久": "累计发放 36个月", "换房子": "换房 补贴重登", "续租": "续约",
    "名下有房": "自有产权住房", "合租": "同住人 累加", "重复领": "重复享受",
    # related: 急需紧缺人才
    "安家费": "安家补贴", "博士生": "博士", "硕士生": "硕士", "名牌大学": "软科世界大学学术排名 前150名高校", "应届生": "应届毕业生",
    "海归": "海外高校毕业生 留学", "五险一金": "社保 参保", "跳槽": "转换工作单位 解除劳动关系", "离职": "解除劳动关系 转换工作单位",
    "个税": "个人所得税",
}

# English → policy wording (Simplified); matched on word boundaries (plural -s/-es included), case-insensitive
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
    "greenways": "绿道", "green": "绿", "forest": "森林", "panda": "大熊猫", "soil": "受污染地块 耕地",
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
    "shelters": "避难场所", "food safety": "食品安全", "traceability": "溯源", "drug": "药品",
    "police": "警情", "court": "诉讼", "lawsuits": "诉讼", "government services": "政务服务",
    "one-stop": "一网通办", "online": "网上 线上", "approval": "审批", "permits": "许可",
    "credit": "信用", "loans for": "贷款", "financing": "融资", "venture": "创业 投资",
    "patent": "知识产权", "technology": "科技 技术", "research": "科研", "laboratory": "实验室",
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
    "stadiums": "体育场地", "marathon": "马拉松", "observer": "观察员", "observers": "观察员",
    "budget": "财政 资金", "fiscal": "财政", "assessment": "评估 考核", "incentives": "激励",
    "reward": "激励 奖励", "rewards": "激励 奖励", "lead": "引领", "goal": "目标", "aim": "目标",
    "target": "目标", "targets": "目标", "kilometers": "公里", "kilometres": "公里", "km": "公里",
    "meters": "米", "metres": "米", "pipes": "管网", "pipelines": "管网", "underground": "地下",
    "round-the-clock": "7×24小时", "24/7": "7×24小时", "24 hours": "24小时", "employer": "单位 企业",
    "employers": "单位 企业", "settling-in": "安家", "allowance": "补贴", "market rent": "市场租金",
    "market rents": "市场租金", "life expectancy": "期望寿命", "expected to live": "期望寿命", "live on average": "期望寿命", "live": "生活", "flat": "住房",
    "roommate": "同住人", "roommates": "同住人", "share": "比例", "proportion": "比例", "slogan": "", "disposable income": "可支配收入",
    # --- glossary by policy section: English → the policy's own terms ---
    # (一) 居民收入
    "wage income": "工资性收入", "pension": "养老保险 社保待遇", "social insurance": "社保 参保",
    "common prosperity": "共同富裕", "small business": "小微企业 个体工商户", "self-employed": "个体工商户",
    "middle class": "中等收入群体",
    # (二) 公共服务
    "compulsory education": "义务教育", "primary school": "义务教育 中小学", "high school": "普通高中",
    "after-school": "延时服务", "private school": "民办教育", "vocational school": "职业学校",
    "family doctor": "家庭医生", "tertiary hospital": "三甲医疗机构 三级医疗机构", "epidemic": "传染病 疫情",
    "chinese medicine": "中医", "medical insurance": "医保", "long-term care": "长期照护保险",
    "art gallery": "美术馆", "exhibition": "展览", "gym": "健身 体育设施",
    # (三) 生活成本
    "house prices": "房价收入比", "affordable housing": "保障性租赁住房 公租房", "public rental housing": "公租房",
    "cost of living": "生活成本", "living costs": "生活成本", "groceries": "菜市场 生鲜超市", "supermarket": "超市",
    "mall": "购物中心", "cross-border": "跨境电商", "e-commerce": "电商", "delivery": "配送", "doorstep": "家门口",
    # (四) 通勤
    "commute time": "通勤时间", "jobs-housing": "职住平衡", "expressway": "快速路", "sidewalk": "人行道",
    "bike lane": "自行车道", "parking lot": "停车场 停车设施", "metro station": "轨道站点", "rush hour": "高峰 通勤时段",
    "congestion": "堵点 交通管理",
    # (五) 城市更新、老旧小区
    "urban renewal": "城市有机更新", "dilapidated": "危房", "homeowner": "业主", "slum": "棚户区",
    "elevator inspection": "电梯年检",
    # (六) 生态
    "air quality": "空气质量 优良天数", "smog": "重污染天气 大气污染", "ozone": "臭氧", "biodiversity": "生物多样性",
    "forest coverage": "森林覆盖率", "drinking water": "饮用水 水源", "water quality": "水质",
    "pesticide": "农药", "recycling": "废旧物资循环利用", "hazardous waste": "危险废物", "garbage": "生活垃圾分类",
    # (七) 营商环境
    "red tape": "办事不求人 审批", "business license": "经营许可 营业执照", "hotline": "接诉即办 诉求",
    "complaint": "诉求", "procurement": "政府采购", "sme": "中小企业 中小微企业", "state-owned": "国有",
    # (八) 青年创新创业就业
    "technology transfer": "技术交易 成果转化", "coworking": "众创空间", "ipo": "登陆 科创板 资本市场",
    "headhunting": "城市猎头", "job fair": "职业推介", "dating": "婚恋社交",
    # (九) 智慧韧性安全
    "city brain": "城市大脑", "surveillance": "智慧安防", "ambulance": "智慧急救", "early warning": "预警",
    "flood": "防洪排涝", "power outage": "供电", "natural gas": "天然气 供气", "hazardous chemicals": "危险化学品",
    "fire station": "消防队站", "privacy": "个人信息安全",
    # (十) 全龄友好
    "childcare": "托育", "daycare": "托育", "infant": "婴幼儿", "child-friendly": "儿童友好型城市",
    "playground": "儿童运动场", "counseling": "心理辅导室 心理健康", "home-based care": "居家社区养老服务",
    "dementia": "认知障碍照护型", "hospice": "安宁疗护型", "nursing home": "养老机构", "age-friendly": "适老化改造",
    "elderly-friendly": "适老化改造", "caregiver": "养老服务人才 护理", "wheelchair": "无障碍",
    "special education": "特殊少年儿童 免费教育", "rehabilitation": "康复 康养",
    # 三、保障措施
    "leadership": "组织领导", "supervision": "监督",
    # related rules
    "urgently needed": "急需紧缺人才", "housing allowance": "安家补贴 租金补贴", "living allowance": "生活补贴",
    "hiring subsidy": "企业引才补贴", "phd": "博士", "master's": "硕士", "bachelor's": "本科",
    "undergraduate": "本科", "top 150": "前150名高校 软科世界大学学术排名", "fresh graduate": "应届毕业生",
    "overseas": "海外高校", "labor contract": "劳动合同", "income tax": "个人所得税",
    "social security card": "社会保障卡", "spouse": "同住人",
}

_EN_PATTERNS = sorted(ENGLISH, key=len, reverse=True)
# a key also matches its plural ("nursing home" → "nursing homes", "tax" → "taxes")
_EN_RE = re.compile(r"\b(" + "|".join(re.escape(k) for k in _EN_PATTERNS) + r")(?:e?s)?\b", re.IGNORECASE)
_CN_RE = re.compile("|".join(re.escape(k) for k in sorted(COLLOQUIAL, key=len, reverse=True)))


def expand_query(question: str) -> str:
    """The question followed by the policy terms its wording maps to."""
    extra = [ENGLISH[m.group(1).lower()] for m in _EN_RE.finditer(question)]
    extra += [COLLOQUIAL[m.group(0)] for m in _CN_RE.finditer(question)]
    if not extra:
        return question
    return question + " " + " ".join(extra)
