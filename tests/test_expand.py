from assistant.expand import expand_query, spell_out


def test_spelling_out_puts_the_policys_term_for_an_everyday_word():
    assert spell_out("申请保租房有年龄限制吗") == "申请保障性租赁住房有年龄限制吗"
    assert spell_out("人才租金补贴啥时候发钱") == "人才租金补贴啥时候发放"
    # a word the glossary maps onto several terms is left as written
    assert spell_out("房子租出去有什么补贴") == "房子租出去有什么补贴"


def test_expansion_keeps_the_question_and_adds_the_policys_terms():
    assert expand_query("保租房租金多少").startswith("保租房租金多少 保障性租赁住房")
    assert expand_query("What counts as a county-level new town?").endswith("所称 包括 县市新城")


def test_a_hyphenated_compound_also_reads_as_the_glossarys_two_words():
    assert expand_query("What property-management model is promoted?").endswith("物业")
    # a unit in a compound says how something is counted, not what it is about
    assert "平方米" not in expand_query("What is the per-square-metre compensation?")
