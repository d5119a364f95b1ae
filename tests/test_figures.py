"""Picking the figure a question asks for out of a clause (Simplified text)."""

from assistant.figures import find_figure, find_value, given_figures, whole_of


def test_the_figure_whose_own_phrase_names_the_topic():
    text = "开发新职业新工种,新增实习见习岗位10万个、新职业岗位25万个,就业人员和就业机会比例达1:2。"
    assert find_value("count", text, ["新职业", "岗位"]) == "25万个"
    assert find_value("count", text, ["实习", "见习"]) == "10万个"


def test_a_fallback_kind_is_marked_as_such():
    exact = find_figure("ratio", "城乡收入比缩小到1.8:1以内。", ["收入比"])
    fallback = find_figure("ratio", "城镇居民人均可支配收入年均增幅7.5%。", ["收入"])
    assert exact.text == "1.8:1" and exact.exact
    assert fallback.text == "7.5%" and not fallback.exact


def test_respectively_lists_pick_the_asked_item():
    text = "成都市市级a、b、c、d、e类人才补贴比例分别为100%、100%、70%、50%、50%".upper()
    assert find_value("percent", text, ["C类"]) == "70%"
    assert find_value("percent", text, ["E类"]) == "50%"


def test_ages_months_and_areas_are_their_own_kinds():
    text = "只需年满18周岁,补贴累计不超过36个月,每年5月至7月受理,补贴面积上限为50平方米。"
    assert find_value("age", text, []) == "18周岁"
    assert find_value("duration", text, []) == "36个月"  # not the 18周 of 18周岁
    assert find_value("date", text, []) == "5月至7月"
    assert find_value("area", text, []) == "50平方米"


def test_levels_in_chinese_numerals_and_full_coverage():
    assert find_value("level", "建立市、区(市)县两级财政专项资金和奖补机制", []) == "两级"
    assert find_value("percent", "电梯年检实现全覆盖。", ["电梯", "覆盖"]) == "全覆盖"
    # a share asked in other words is not answered by "全覆盖" ("几成业主同意")
    assert find_value("percent", "推进物业服务全覆盖。", ["业主", "同意"]) is None


def test_an_amount_is_answered_by_a_subsidy_share_only():
    assert find_value("money", "补贴比例为70%。", []) == "70%"
    assert find_value("money", "义务教育优质学校覆盖率达70%。", []) is None


def test_figures_the_question_states_are_left_out():
    given = given_figures("E类人才租了60平米、每平米月租30块的保租房，一个月能补多少钱？")
    assert given == {"60平米", "30元"}
    text = "其补贴面积按50平方米上限计算，补贴比例50%，故每月补贴金额为：30元/㎡×50㎡×50%=750元。"
    assert find_figure("money", text, [], given).text == "750元"
    assert find_figure("count", "完成老旧小区分类提升改造6100个。", [], given_figures("改造6100个，其中今年多少个")) is None


def test_a_range_is_one_figure():
    assert find_value("units", "新增研究生培养单位4-6所", []) == "4-6所"
    assert find_value("length", "平均通勤距离保持在8-10公里范围", []) == "8-10公里"
    assert find_value("duration", "在2021-2025年实施", []) is None  # years are dates, not durations


def test_a_part_of_a_stated_whole_is_smaller_and_counted_alike():
    whole = whole_of("新增的30万个学位里，高中学位有多少个")
    assert whole.text == "30万个" and whole.amount == 300000 and whole.unit == "个"
    assert whole.holds("10万个") and not whole.holds("400所") and not whole.holds("30万个")
    assert whole_of("老旧小区改造6100个，其中2022年度完成多少个").text == "6100个"
    assert whole_of("人才公寓打几折") is None
    assert find_figure("units", "新建和改扩建幼儿园、中小学400所,新增学位30万个", [], frozenset({"30万个"}),
                       whole) is None
