import pytest

from assistant.errors import BadQuestionError
from assistant.question import analyse, asked_sentence, clean_question, parse, section_ref


@pytest.mark.parametrize("raw", ["", "   ", "\n\t", "\x00\x07"])
def test_empty_questions_are_refused(raw):
    with pytest.raises(BadQuestionError, match="empty"):
        clean_question(raw)


def test_control_characters_are_stripped():
    assert clean_question("人才\x00公寓\u200b打几折\x1b？").text == "人才公寓打几折？"


def test_long_questions_are_truncated_with_a_notice():
    c = clean_question("问" * 2500, max_chars=2000)
    assert len(c.text) == 2000
    assert "2000" in c.notices[0]


@pytest.mark.parametrize("q,code", [
    ("二(八)4 原文是什么", "二(八)4"), ("二、（八）4原文", "二(八)4"), ("第九项工程叫什么", "二(九)"),
    ("(三)有哪几条", "二(三)"), ("保障措施第（二）条讲什么", "三(二)"), ("第五条讲什么", "第五条"),
    ("第十二条", "第十二条"), ("What is the ninth project called?", "二(九)"), ("人才公寓打几折", ""),
    ("保障措施第四条叫什么？", "三(四)"), ("总体要求下面第一条讲的是啥", "一(一)"),
    ("项目三叫什么名字？", "二(三)"), ("项目7的全称", "二(七)"), ("第五个项目讲什么", "二(五)"),
    ("卫生健康项目78个是哪些", ""), ("十大工程中排第二的是哪个工程？", "二(二)"),
    ("智慧韧性安全城市建设工程第2项任务标题是什么", ""),  # item 2 of the project named, not project 2
    ("十大工程具体是哪十个？帮我列一下。", "二"), ("十大工程最后一项叫什么？", "二(十)"),
    ("第十个工程的第3点讲的是照顾哪类人？", "二(十)3"), ("What is project (4) of the main tasks called?", "二(四)"), ("十大工程分别是哪十个？", "二"), ("(一)居民收入工程第3条叫什么", "二(一)3"),
    ("第三部分的(三)叫什么？", "三(三)"), ("第一部分下面的（二）讲什么", "一(二)"),  # a part's item, not a project
])
def test_section_references(q, code):
    assert section_ref(q) == code


@pytest.mark.parametrize("q,kind,value,needs", [
    ("人才公寓打几折", "value", "discount", ()),
    ("蓉漂驿站能住几天", "value", "days", ()),
    ("租赁补贴每个月发多少钱？", "value", "money", ("money",)),
    ("人才公寓申请需要提交哪些材料？", "materials", "", ("materials",)),
    ("上海的人才公寓打几折？", "value", "discount", ()),
    ("(八)有哪几条", "list", "", ()),
    ("我是刚毕业来成都的大学生，能享受什么？", "benefits", "", ()),
    ("“6100个”这个数字出自哪一条？", "locate", "", ()),
    ("大运会门票在哪里买？多少钱一张？", "value", "money", ("money", "place")),
    ("这份意见的正式标题怎么写？", "document", "title", ()),
    ("十大工程是谁发的？", "document", "issuer", ()),
    ("十大工程的网络视频专栏叫什么？", "statement", "", ()),
    ("补贴中间断了几个月，之后还能接着领吗", "statement", "", ()),
    ("申请保租房要满多少岁？", "value", "age", ()),
    ("急需紧缺人才补贴每年几月份申报", "value", "date", ()),
    ("每个人能摊到多大面积？", "value", "area", ("per-unit",)),
    ("工资收入每年打算涨几个点？", "value", "percent", ()),
    ("营造环境要做到哪几个“一个样”？", "statement", "", ()),
    ("“十有四清”具体是指哪十有、哪四清", "statement", "", ("definition",)),
    ("为啥要搞这十大工程，文件说意义在哪", "statement", "", ()),
    ("现在孩子上学学位好紧张，政府打算新增多少学位", "value", "count", ()),
    ("今天成都空气质量指数多少？", "value", "count", ("current",)),
    ("我想当市民观察员，咋报名？", "statement", "", ("procedure",)),
    ("没物业的小区怎么办", "statement", "", ()),
    ("家庭医生签约一年要交好多钱？", "value", "money", ("money",)),  # Sichuanese 好多 = 多少
    ("好多人都说好", "statement", "", ()),  # ... but 好多人 is "many people"
    ("人才公寓买的话首付要几成？", "value", "percent", ("budget",)),
    ("How much fiscal funding in total is earmarked for the ten projects?", "value", "money", ("budget",)),
    ("Is there funding for young entrepreneurs?", "statement", "", ()),  # funding is no budget question
    ("棚户区要改多少户？大概要改多久", "value", "units", ()),  # two questions: the first is asked
    ("垃圾没分类会被罚多少钱", "value", "money", ("money", "penalty")),
    ("How many TOD demonstration sites are planned?", "value", "units", ()),  # not the "ratio" in it
    ("Which districts will the new shelters be in?", "statement", "", ("districts",)),
    ("What is Chengdu's current average commute time?", "statement", "", ("current",)),
    ("微型消防站每个要配几名队员？", "value", "people", ()),  # people counted, not stations
    ("分层补贴最高一档能拿多少万？", "value", "money", ()),  # 万 of money, not of 平方米
    ("生态惠民工程下面有几个小标题？都叫啥？", "list", "", ()),
    ("At what age can a senior apply for a family care bed?", "value", "age", ()),
    ("去年PM2.5年平均浓度实际是多少？排全国第几？", "value", "count", ("current",)),  # a rank, not a place in the text
    ("民办学校的学费有没有规定上限？上限是多少？", "value", "money", ()),  # a fee's 多少 is money
    ("保租房租金不得超过同地段同品质市场租金的多少？", "value", "count", ()),  # ... a share of a rent is no money
    ("消防安全重点单位的微型消防站要配几个人？", "value", "people", ()),
    ("民商事案件诉讼周期缩短比例是多少？", "value", "percent", ()),  # a change's 比例, not a ratio like 1.8:1
    ("博士后在成都能拿多少市级资助？", "value", "money", ()),
    ("How much is the yearly tuition at Chengdu's high-level vocational schools?", "value", "money", ()),
    ("When old neighbourhoods are redeveloped, which kinds of heritage are to be protected?", "statement", "", ()),
    ("换了领导以前的承诺还算不算数？", "statement", "", ()),  # 算不算数 asks whether it holds, not conditions
])
def test_what_is_asked(q, kind, value, needs):
    a = analyse(q)
    assert (a.kind, a.value, a.needs) == (kind, value, needs)


@pytest.mark.parametrize("q", ["农村的是不是定得更高一些？", "那燃气这块呢？", "A类呢", "吃的东西呢？能追溯吗",
                               "最多能领多长时间？", "最多能住多长时间？", "钱最后打到哪里？"])
def test_short_and_comparative_questions_are_follow_ups(q):
    history = [{"role": "user", "content": "城镇居民经营性收入年均增幅目标是多少？"}]
    assert parse(q, history).leans_on == history[0]["content"]


def test_follow_up_leans_on_the_earlier_question():
    history = [{"role": "user", "content": "人才公寓打几折"}, {"role": "assistant", "content": "8.5折"}]
    p = parse("那驿站能住几天?", history)
    assert p.leans_on == "人才公寓打几折"
    assert "人才公寓" in p.searched and "驿站" in p.searched
    assert p.ask.value == "days"


def test_a_self_contained_question_ignores_history():
    history = [{"role": "user", "content": "人才公寓打几折"}]
    p = parse("新增普惠性养老床位多少张？", history)
    assert p.leans_on is None and p.searched == "新增普惠性养老床位多少张？"


def test_a_follow_up_asking_what_kind_asks_its_own_thing():
    history = [{"role": "user", "content": "老旧片区要实现多少米见绿？"}, {"role": "assistant", "content": "300米见绿"}]
    assert parse("那农村的呢？", history).ask.value == "length"  # asks what the earlier question asked
    assert parse("那片区里要打造什么样的商业服务圈？", history).ask.kind == "statement"


@pytest.mark.parametrize("q, needs", [
    ("天府綠道甚麼時候全線貫通？", "time"),  # 甚麼, as Taiwan and Hong Kong write it
    ("市财政每年给十大工程安排多少亿元专项资金？", "budget"),
    ("When will the subsidy money arrive in my account?", "payday"),
    ("中小微企业申请蓉易贷需要提供抵押吗？", "collateral"),
    ("Do I need a guarantor for the start-up loan?", "collateral"),
    ("開社區連鎖店有沒有房租減免？", "free"),
    ("Do pensioners get free entry to the museums?", "free"),
    ("Is entry to museums free for pensioners?", "free"),
    ("那我们小区排在第几批？", "batch"),
    ("“熊猫杯”是什么项目的比赛？", "sport"),
    ("特困老人申请集中供养要走什么流程？", "procedure"),
    ("老年人坐地铁有没有乘车优惠？", "concession"),
    ("天府绿道骑行要预约吗？", "reservation"),
    ("Do I need a booking for the youth talent station?", "reservation"),
    ("2021年当年成都改造了多少个老旧小区？", "current"),  # that year's result, not the target
    ("买人才公寓对年龄和学历有什么具体要求？", "education"),
    ("What is the minimum registered capital for a wholly foreign-owned enterprise?", "capital"),
    ("Which government office handles foreign investment registration, and what is its address?", "address"),
    ("目标是35分钟，那目前中心城区的平均通勤时间是多少分钟？", "current"),
    ("“熊猫杯”是哪个运动项目的比赛？", "sport"),
    ("残疾人租保障性租赁住房，有没有额外的租金补贴？", "disabled"),
    ("急需紧缺人才安家补贴在2025年以前的旧标准是每月多少？", "former"),
    ("How much will residents have to pay themselves towards the old-community renovation?", "funder"),
    ("Does the policy name a lead agency to coordinate the Ten Projects?", "department"),
    ("那10所高水平职业学校都是哪些？", "names"),
    ("在天府市民云上怎么给小区报修？具体步骤是什么？", "procedure"),
    ("成都地鐵2025年底實際運營里程係幾多公里？", "current"),  # Cantonese 系几多 is 是多少
])
def test_needs_read_from_variant_and_english_wording(q, needs):
    assert needs in analyse(q).needs


def test_what_the_writer_tells_or_exclaims_first_is_not_the_question():
    assert asked_sentence("房价太高了！文件说住宅用地的比重不低于多少？") == "文件说住宅用地的比重不低于多少？"
    assert asked_sentence("我们这里有条断头路好几年没打通，文件对断头路怎么说？") == "文件对断头路怎么说？"
    assert asked_sentence("人才公寓打几折？") == "人才公寓打几折？"


def test_a_year_asked_is_not_the_count_of_the_thing():
    assert analyse("高品质幼儿园数量以哪一年为基数翻番？").value == ""
    assert "place" not in analyse("高品质幼儿园要在哪一年的基础上翻番").needs
    assert analyse("高品质幼儿园数量要达到多少？").value == "count"


def test_follow_up_item_number_refers_to_the_earlier_project():
    p = parse("它的第三条讲什么？", [{"role": "user", "content": "第七项工程是什么？"}])
    assert p.ask.section == "二(七)3"


def test_full_width_digits_and_letters_are_normalised():
    assert clean_question("Ｃ类人才第５条８.５折？").text == "C类人才第5条8.5折？"


def test_a_question_with_no_topic_of_its_own_leans_on_the_conversation():
    history = [{"role": "user", "content": "买人才公寓有什么优惠？"}]
    assert parse("是不是谁都能买？", history).leans_on == "买人才公寓有什么优惠？"
    assert parse("我是刚毕业的大学生，能享受什么？", history).leans_on is None


def test_the_next_ordinal_repeats_the_earlier_question():
    history = [{"role": "user", "content": "十大工程第一个叫什么？"},
               {"role": "assistant", "content": "（一）居民收入水平提升工程。"}]
    assert parse("第二个呢？", history).ask.section == "二(二)"
    items = [{"role": "user", "content": "二(七)第3条讲什么"}, {"role": "assistant", "content": "…"}]
    assert parse("第四条呢", items).ask.section == "二(七)4"


def test_cantonese_question_words_read_as_mandarin():
    from assistant.question import standard_mandarin
    assert standard_mandarin("老旧小区改造，业主自己要夹几多钱？") == "老旧小区改造，业主自己要夹多少钱？"
    assert standard_mandarin("具体系边几个？") == "具体是哪几个？"
    assert standard_mandarin("惠企政策系统叫什么") == "惠企政策系统叫什么"  # 系统 stays a system
    assert standard_mandarin("乡镇卫生院要新建好多个？") == "乡镇卫生院要新建多少个？"  # Sichuanese 好多个
    assert analyse("保障性租賃住房嘅租約最長可以簽幾多年？").value == "duration"


@pytest.mark.parametrize("q, value, need", [
    ("What's the monthly subsidy for residential care of disabled people?", "money", None),
    ("What is the subsidy amount for replacing old gas facilities?", "money", None),
    ("How much does household electricity cost per kWh?", "money", "money"),
    ("Is there a maximum number of years I can keep renting a flat?", "duration", None),
    ("“蓉易贷”单户企业贷款额度上限是多少万元？", "money", "per-unit"),
    ("Which banks take part in the Rongyidai loan program?", None, "operator"),
    ("What's the income threshold for public rental housing?", None, "money"),
    ("What's the best time of day to see the pandas?", None, "hours"),
    ("How much does each household have to contribute toward the renovation?", "money", "money"),
    ("社区养老服务综合体的运营补贴,每个综合体每年给多少?", "money", None),
    ("B类人才认定要求年薪达到多少？", "money", None),
    ("租金补贴发多少个月", "duration", None),  # months of it, not an amount
])
def test_amounts_terms_and_operators_are_asked_for(q, value, need):
    a = analyse(q)
    assert value is None or (a.kind, a.value) == ("value", value), a
    assert need is None or need in a.needs, a


def test_the_parts_of_a_list_are_no_amount():
    assert analyse("创业全生命周期金融服务体系由哪几块组成？").value != "money"


@pytest.mark.parametrize("q", ["Is the barrier-free access plan finished?", "Are there free trade zone targets?"])
def test_free_in_another_sense_asks_no_price(q):
    assert "free" not in analyse(q).needs


def test_nights_are_counted_in_days():
    assert analyse("How many nights can she stay free at the youth talent station?").value == "days"
    assert analyse("人才驿站能免费住几晚？").value == "days"


def test_which_level_a_quoted_term_belongs_to_asks_no_definition():
    assert "definition" not in analyse("“一场一馆一池两中心”是哪一级要全覆盖的体育设施?").needs
    assert "definition" in analyse("“五个一样”是哪五个").needs


@pytest.mark.parametrize("q, kind, value", [
    ("天府绿道总共要修好长，我周末带娃骑车", "value", "length"),  # Sichuanese 好长 is 多长
    ("我跟供货商打官司拖了好久，民商事案件诉讼周期要缩短多少？", "value", "count"),  # 拖了好久 tells, asks no duration
])
def test_sichuanese_how_long_before_a_comma(q, kind, value):
    a = parse(q).ask
    assert (a.kind, a.value) == (kind, value)
