"""Programmes, concepts, documents and events from real sentences of union
texts (the sample corpus and other papers), one row each."""

import pytest

from extract.normalise import normalise
from extract.recognisers import concepts, documents, events, programmes


def _labels(mod, text, *args):
    n = normalise(text)
    return {m.label for m in (mod.find(n, *args) if args else mod.find(n))}


@pytest.mark.parametrize("text, expected", [
    ("深入开展“安康杯”竞赛活动，推进群众性安全生产。", {"安康杯竞赛"}),
    ("坚持实行工会窗口单位“七天工作机制”，“12351”职工服务热线24小时畅通。",
     {"七天工作机制", "12351职工服务热线"}),
    ("深入开展“当好主人翁、建功新时代”劳动和技能竞赛。", {"当好主人翁、建功新时代劳动和技能竞赛"}),
    ("推出服务职工的“吉工·贴心”项目。", {"吉工·贴心项目"}),
    ("创新打造“工会+法院”“工会+人社”调处劳动争议模式。",
     {"工会+法院调处劳动争议模式", "工会+人社调处劳动争议模式"}),
    ("设立就业服务专项基金，举办职工科技节。", {"就业服务专项基金", "职工科技节"}),
    ("开展培训活动和各类帮扶活动。", set()),
])
def test_programmes_quoted_and_headed(text, expected):
    assert _labels(programmes, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("打造工会女职工工作品牌，让女职工普法宣传月、工会爱心托育托管、“玫瑰书香”、“会聚良缘”、女职工健康关爱等品牌常做常新。",
     {"工会女职工工作品牌", "女职工普法宣传月", "工会爱心托育托管", "玫瑰书香", "会聚良缘", "女职工健康关爱"}),
    ("通过双15工程、“司机之家”等有效措施，认真加以解决。", {"双15工程", "司机之家"}),
    # the noun must end the phrase: no list of programmes here
    ("健全完善省总机关干部选拔任用、交流轮岗、遴选录用等措施办法。", set()),
    ("开展生活救助、子女助学和医疗救助等项目帮扶。", set()),
])
def test_programmes_listed_before_a_programme_noun(text, expected):
    assert _labels(programmes, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("广泛深入持久开展劳动和技能竞赛、职工创业创新大赛等。", {"职工创业创新大赛"}),
    ("深化“送教到基层”，提升培训实效。", {"送教到基层"}),
    ("围绕“中国梦·劳动美——永远跟党走”主题，采取各种形式。", {"中国梦·劳动美——永远跟党走"}),
    ("以“加强区域工会就业协作”为主题。", set()),
    ("推进“两个统一”，回答好“我是谁”。", set()),
    ("投身三大攻坚战，助力脱贫攻坚，加强工会对口援疆援藏工作，围绕实施“中国制造2025”。",
     {"三大攻坚战", "脱贫攻坚", "对口援疆援藏", "中国制造2025"}),
])
def test_programmes_verb_items_themes_and_national(text, expected):
    assert _labels(programmes, text) == expected


def test_programmes_numbered_set_members():
    text = ("通过大力实施“六项行动”，推动各项工作再上新台阶。大力实施“建功立业行动”。大力实施“普惠服务行动”。"
            "大力实施“权益保障行动”。大力实施“素质提升行动”。大力实施“智慧工会行动”。大力实施“强基固本行动”。")
    ms = programmes.find(normalise(text))
    members = {m.label for m in ms if m.attr("part_of") == "六项行动"}
    assert members == {"建功立业行动", "普惠服务行动", "权益保障行动", "素质提升行动", "智慧工会行动", "强基固本行动"}


def test_programmes_enumerated_set():
    text = "实施“凝心聚力、建功立业、暖心关爱、固本强基、强身健体”五大工程。"
    ms = programmes.find(normalise(text))
    assert {m.label for m in ms} >= {"五大工程", "凝心聚力工程", "强身健体工程"}
    assert all(m.attr("part_of") == "五大工程" for m in ms if m.label != "五大工程")


@pytest.mark.parametrize("text, expected", [
    ("推动工会组织增强“三性”，去除“四化”。", {"增强政治性、先进性、群众性", "四化"}),
    ("增强政治性、先进性、群众性。", {"增强政治性、先进性、群众性"}),
    ("牢固树立“四个意识”，坚定“四个自信”，做到“两个维护”。", {"四个意识", "四个自信", "两个维护"}),
    ("大力弘扬劳模精神、劳动精神、工匠精神。", {"劳模精神", "劳动精神", "工匠精神"}),
    ("坚持走中国特色社会主义工会发展道路。", {"中国特色社会主义工会发展道路"}),
    ("紧扣“创新型、服务型、实力型”工会建设目标。", {"创新型、服务型、实力型"}),
    ("回答好“我是谁”“为了谁”的问题，打通“最后一公里”。", set()),
])
def test_concepts_formulas_and_lexicon(text, expected):
    assert _labels(concepts, text, []) == expected


def test_concepts_formula_items_join_the_formula():
    text = "提出“一个引领、两个保证、五个重点、十个方案”的工作思路。“一个引领”即对职工群众的政治引领。"
    assert _labels(concepts, text, []) == {"一个引领、两个保证、五个重点、十个方案"}


@pytest.mark.parametrize("text, expected", [
    ("出台《辽宁省总工会关于进一步加强服务振兴发展服务职工群众工作的实施意见》。《实施意见》明确。",
     {"辽宁省总工会关于进一步加强服务振兴发展服务职工群众工作的实施意见"}),
    ("推动出台《陕西省企业工资集体协商条例》。", {"陕西省企业工资集体协商条例"}),
])
def test_documents_titles(text, expected):
    assert _labels(documents, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("中国工会十七大隆重召开。", {"中国工会第十七次全国代表大会"}),
    ("中国工会第十七次代表大会是工人阶级的盛会。", {"中国工会第十七次全国代表大会"}),
    ("深入学习贯彻党的十九大和十九届三中全会精神。", {"党的十九大", "党的十九届三中全会"}),
    ("举办2019年“五一”表彰大会。", {"2019年五一表彰大会"}),
    ("召开的历史上第一次中央党的群团工作会议。", {"中央党的群团工作会议"}),
])
def test_events_numbered_forms_merge(text, expected):
    assert _labels(events, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an honour a body confers keeps the place written before it
    ("大会授予10个优秀女职工班组“杭州市工人先锋号”称号，授予5名职工“杭州市五一劳动奖章”。",
     {"杭州市工人先锋号", "杭州市五一劳动奖章"}),
    ("他们荣获全国“五一”劳动奖章，两家企业获得四川省“五一”劳动奖状。", {"全国五一劳动奖章", "四川省五一劳动奖状"}),
    # unquoted, the count of recipients is not in the name, and an honour
    # with no place says no honour
    ("会议授予20个单位全国模范职工之家、15名个人全国优秀工会工作者称号，还表彰了工会先进集体。",
     {"全国模范职工之家", "全国优秀工会工作者"}),
    ("全年选树“钱塘工匠”50名。", {"钱塘工匠"}),
])
def test_programmes_honours_with_their_place(text, expected):
    assert _labels(programmes, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a numbered name ending in a set head (创建, 服务, 送 …) is a programme
    ('努力把"四创建"工作引向深入。', {"四创建"}),
    # a head opened by 等 closes a list: each quoted name alone
    ('以开展"四服务"、"四季送"和"工会在你身边"等主题活动为载体。', {"四服务", "四季送", "工会在你身边"}),
    # a home for people is a programme, a quality of a home is not
    ("建好“司机之家”，建设“温暖之家”。", {"司机之家"}),
    # a year opens an edition's longer name after the quotes
    ("“情暖职工 欢乐过年”2025年杭州市新春慰问活动在西湖边启动。", {"情暖职工欢乐过年2025年杭州市新春慰问活动"}),
    ("深入开展安康杯知识竞赛。", {"安康杯知识竞赛"}),
    # the place-and-grade form of a name on the same page is that name
    ("命名浙江省示范性职工创新工作室20家，新建职工创新工作室100家。", {"职工创新工作室"}),
    # a noun-verb before a conjunction governs nothing; 和谐 is a word
    ("夯实技能竞赛、成果评选和劳模创新工作室三个平台。", set()),
    ("深化和谐劳动关系创建活动。", {"和谐劳动关系创建活动"}),
    # a union's website, app or account is a programme it runs (GRAPH.md: media or programme)
    ("登录烟台工会网即可申请，关注“苏工惠”微信公众号。", {"烟台工会网", "苏工惠微信公众号"}),
    # an unquoted name launched (正式启动, 上线) after its clause opens or 宣布
    ("会上，副主席宣布杭州市总工会职工互助保障计划正式启动。", {"杭州市总工会职工互助保障计划"}),
])
def test_programmes_list_heads_homes_editions_and_grades(text, expected):
    assert _labels(programmes, text) == expected


def test_programmes_numbered_headings_are_a_sets_actions_and_their_sections_parts():
    text = ("重点实施的“三大行动”\n1 产业工人素质提升行动\n●实施“百万职工技能提升”计划，开展“师徒结对”活动。\n"
            "2 职工服务暖心行动\n●建好职工书屋。\n3 新就业形态劳动者入会行动\n●推进入会。\n")
    parts = {(m.label, m.attr("part_of")) for m in programmes.find(normalise(text)) if m.attr("part_of")}
    assert parts == {("产业工人素质提升行动", "三大行动"), ("职工服务暖心行动", "三大行动"),
                     ("新就业形态劳动者入会行动", "三大行动"), ("百万职工技能提升计划", "产业工人素质提升行动"),
                     ("师徒结对活动", "产业工人素质提升行动"), ("职工书屋", "职工服务暖心行动")}


def test_programmes_long_repeated_list_of_honours_stays_fast():
    import time

    text = "大会授予" + "10个单位全国模范职工之家、" * 4000 + "称号。"
    t = time.perf_counter()
    programmes.find(normalise(text))
    assert time.perf_counter() - t < 10
