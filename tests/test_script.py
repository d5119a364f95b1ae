from assistant.script import ENGLISH, SIMPLIFIED, TRADITIONAL, detect_script, to_simplified, to_traditional


def test_conversion_keeps_length_so_offsets_survive():
    trad = "符合條件的來蓉青年購買人才公寓可享受政策面積8.5折優惠,采購 示范 不低于 關于"
    simp = to_simplified(trad)
    assert simp.startswith("符合条件的来蓉青年购买人才公寓可享受政策面积8.5折优惠")
    assert len(simp) == len(trad)
    assert to_simplified(to_traditional(simp)) == simp


def test_detect_script():
    assert detect_script("人才公寓打几折？") == SIMPLIFIED
    assert detect_script("人才公寓購買打幾折？") == TRADITIONAL
    assert detect_script("How many days can I stay for free?") == ENGLISH
    assert detect_script("Which company operates the Tianfu Citizen Cloud (天府市民云) app?") == ENGLISH
    assert detect_script("我想问一下TOD综合开发示范点有几个") == SIMPLIFIED
    assert detect_script("8.5") == SIMPLIFIED


def test_an_account_is_written_as_mainland_text_writes_it():
    # OpenCC turns 帳戶 into 帐户; the rules say 社会保障卡金融账户
    assert to_simplified("錢打到哪個帳戶，到帳了嗎") == "钱打到哪个账户，到账了吗"
    assert to_simplified("帳篷") == "帐篷"
