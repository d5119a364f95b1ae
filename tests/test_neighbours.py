import pytest

from assistant.neighbours import figure_phrases, names_asked_kind, other_kind

AIR = "空气质量优良天数比例达80%以上,pm2.5年平均浓度小于38微克/立方米,基本消除重污染天气"
HEALTH = "全市千人口床位数达9.5张、千人口医师数达4.5人,居民人均期望寿命达82.4岁"
TRANSIT = "通勤时段轨道站点与公交站点换乘时间不超过5分钟,公交平均候车时间降低至5分钟以内"


def test_a_figures_phrase_runs_back_to_the_comma_and_keeps_a_list_whole():
    assert figure_phrases(AIR, "38微克") == ["pm2.5年平均浓度小于38微克"]
    assert figure_phrases(HEALTH, "4.5人") == ["全市千人口床位数达9.5张、千人口医师数达4.5人"]
    # a figure written twice has a phrase for each time
    assert figure_phrases(TRANSIT, "5分钟") == ["通勤时段轨道站点与公交站点换乘时间不超过5分钟", "公交平均候车时间降低至5分钟"]


@pytest.mark.parametrize("q, phrase, expected", [
    ("臭氧浓度的目标是多少", "pm2.5年平均浓度小于38微克", ("臭氧", "pm2.5")),
    ("what annual ozone concentration target", "pm2.5年平均浓度小于38微克", ("ozone", "pm2.5")),
    ("每千人口注册护士数要达到多少", "全市千人口床位数达9.5张", ("护士", "床位")),
    ("政府采购授予民营企业合同的比例", "政府采购授予中小企业合同比例达80%", ("民营企业", "中小企业")),
    ("地铁发车间隔要缩短到几分钟", "公交平均候车时间降低至5分钟", ("发车间隔", "候车")),
])
def test_a_kind_asked_beside_the_kind_stated_is_another(q, phrase, expected):
    assert other_kind(q, phrase) == expected


@pytest.mark.parametrize("q, phrase", [
    ("pm2.5浓度要低于多少", "pm2.5年平均浓度小于38微克"),  # the same kind
    ("细颗粒物浓度目标", "pm2.5年平均浓度小于38微克"),  # another name for it
    ("公交候车时间多久", "公交平均候车时间降低至5分钟"),
    ("how many businesses get loans", "公交平均候车时间降低至5分钟"),  # "bus" is not in "business"
    ("空气质量目标是多少", "pm2.5年平均浓度小于38微克"),  # the question names no kind
])
def test_the_same_kind_or_none_named_is_not_another(q, phrase):
    assert other_kind(q, phrase) is None


def test_a_kind_the_clause_names_elsewhere_is_not_another():
    clause = "新增普惠性养老床位10000张,护理型床位占比超过60%"
    assert other_kind("护理型床位占多少", "新增普惠性养老床位10000张", clause) is None
    assert other_kind("认知障碍照护床位新增多少张", "新增普惠性养老床位10000张", clause) == ("认知障碍", "普惠性养老床位")


def test_a_doctor_is_not_a_postdoc_and_the_clause_says_which_when_the_phrase_does_not():
    clause = "取得全日制博士学历学位证书后一年内引进的人才,给予2000元/人·月的新引进人才安家补贴"
    assert other_kind("博士后资助一年多少钱", "给予2000元", clause) == ("博士后", "博士")
    assert other_kind("博士安家补贴多少", "给予2000元", clause) is None


def test_a_clause_naming_the_asked_kind_can_stand_in():
    assert names_asked_kind("千人口医师数", HEALTH, "全市千人口床位数达9.5张", HEALTH)
    assert not names_asked_kind("注册护士数", HEALTH, "全市千人口床位数达9.5张", HEALTH)
