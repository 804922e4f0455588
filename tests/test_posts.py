"""Officials, bodies and posts as a careful reader finds them (issue 3).

Each case is a sentence of the kind real union texts carry; the expected
posts are (person, body, title) triples.
"""

import pytest

from extract.corpus import SourceText
from extract.pipeline import extract


def _run(text: str, doc: str = "t.txt"):
    return extract(SourceText(doc, None, text, "utf-8"))


def posts(text: str) -> set[tuple[str, str, str]]:
    r = _run(text)
    return {(f.source[1], f.target[1], dict(f.attrs)["title"]) for f in r.facts if f.type == "HOLDS_POST"}


def people(text: str) -> set[str]:
    return {m.label for m in _run(text).mentions if m.type == "Person"}


BODY = "\n\n工会要团结引导广大职工听党话、跟党走，为实现中国梦而奋斗。\n"


@pytest.mark.parametrize("text, expected", [
    # a chain across two bodies, the name after it (003 byline)
    ("河北省人大常委会党组副书记、副主任、省总工会主席 王晓东" + BODY,
     {("王晓东", "河北省人大常委会", "党组副书记"), ("王晓东", "河北省人大常委会", "副主任"),
      ("王晓东", "河北省总工会", "主席")}),
    # the name before the chain (000 byline)
    ("杨忠林 辽宁省人大常委会副主任、省总工会主席" + BODY,
     {("杨忠林", "辽宁省人大常委会", "副主任"), ("杨忠林", "辽宁省总工会", "主席")}),
    # a chain within one body, inline before the name
    ("湖北省总工会党组书记、常务副主席董永祥在会上讲话。",
     {("董永祥", "湖北省总工会", "党组书记"), ("董永祥", "湖北省总工会", "常务副主席")}),
    # a CPPCC chain
    ("吉林省政协副主席、党组副书记、省总工会主席 李龙熙" + BODY,
     {("李龙熙", "吉林省政协", "副主席"), ("李龙熙", "吉林省政协", "党组副书记"),
      ("李龙熙", "吉林省总工会", "主席")}),
    # a town's party committee, the name running on into the verb (004)
    ("诸暨市赵家镇党委书记俞燕表示，赵家镇将以此为契机。",
     {("俞燕", "诸暨市赵家镇党委", "书记")}),
])
def test_posts_title_chains_across_and_within_bodies(text, expected):
    assert posts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("全国总工会权益保障部部长 栗斌" + BODY, {("栗斌", "中华全国总工会", "权益保障部部长")}),
    ("会议由杭州市委常委、统战部部长王东明主持。",
     {("王东明", "杭州市委", "常委"), ("王东明", "杭州市委", "统战部部长")}),
])
def test_posts_department_stays_in_the_title(text, expected):
    assert posts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("中国机械冶金建材工会主席 陈杰平" + BODY, {("陈杰平", "中国机械冶金建材工会", "主席")}),
    ("中国中铁股份有限公司工会主席李刚介绍了经验。", {("李刚", "中国中铁股份有限公司工会", "主席")}),
    ("浙江省快递行业工会联合会主席张明表示，要维护快递员权益。",
     {("张明", "浙江省快递行业工会联合会", "主席")}),
])
def test_posts_enterprise_and_industry_unions(text, expected):
    assert posts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("2019年10月，中国华电集团有限公司原党组副书记、总经理云公民涉嫌严重违纪违法。",
     {("云公民", "中国华电集团有限公司", "原党组副书记"), ("云公民", "中国华电集团有限公司", "原总经理")}),
])
def test_posts_former_posts_are_marked(text, expected):
    r = _run(text)
    got = {(f.source[1], f.target[1], dict(f.attrs)["title"]) for f in r.facts if f.type == "HOLDS_POST"}
    assert got == expected
    assert all(dict(f.attrs).get("former") for f in r.facts if f.type == "HOLDS_POST")


@pytest.mark.parametrize("text, expected", [
    ("大会选举王东明为中华全国总工会主席。", {("王东明", "中华全国总工会", "主席")}),
    ("会议增补李明为安徽省总工会副主席。", {("李明", "安徽省总工会", "副主席")}),
    ("在随后召开的全委会上，刘伟当选为北京市总工会主席。", {("刘伟", "北京市总工会", "主席")}),
])
def test_posts_elections(text, expected):
    assert posts(text) == expected


def test_posts_author_note_gives_the_signed_author_posts():
    text = ("认真学习《论述摘编》 推动工会工作高质量发展\n\n马璐\n\n" + "我们要把学习贯彻《论述摘编》作为重大政治任务。" * 3 +
            "\n\n（作者系全国总工会副主席、书记处书记、党组成员）\n")
    assert posts(text) == {("马璐", "中华全国总工会", t) for t in ("副主席", "书记处书记", "党组成员")}


def test_posts_unsigned_note_gives_no_person():
    text = ("工会改革永远在路上。各级工会要聚焦保持和增强政治性、先进性、群众性的目标方向。\n\n"
            "（作者系全国总工会党组书记、副主席、书记处第一书记）\n")
    assert posts(text) == set()
    assert people(text) == set()


@pytest.mark.parametrize("text, expected", [
    ("本报讯（记者 刘 璇）全省工会系统迅速掀起学习热潮。", {"刘璇"}),
    ("本报讯(记者朱欣)在全国总工会指导下，活动9月26日启动。", {"朱欣"}),
    ("摄影 彭福宗\n\n职工在车间劳动。", {"彭福宗"}),
    ("本版编辑：兰增干 版式：张 瑜 校对：桂 璐\n", {"兰增干", "张瑜", "桂璐"}),
    ("（记者 陈俊宇 通讯员 王小明）职工技能大赛举行。", {"陈俊宇", "王小明"}),
])
def test_posts_credits_name_people_without_posts(text, expected):
    assert people(text) == expected
    assert posts(text) == set()


def test_posts_bare_body_resolved_from_the_byline_region():
    text = "天津市人大常委会副主任、市总工会主席 梁宝明\n\n市总工会要及时组织各级工会认真学习，市委高度重视。"
    orgs = {m.label for m in _run(text).mentions if m.type == "Organization"}
    assert {"天津市总工会", "天津市委"} <= orgs
    assert "市总工会" not in orgs


def test_posts_bare_body_without_region_keeps_its_form():
    r = _run("省总工会要及时组织各级工会认真学习。")
    orgs = {(m.label, m.qualifier) for m in r.mentions if m.type == "Organization"}
    assert orgs == {("省总工会", "t.txt")}


@pytest.mark.parametrize("text, expected", [
    ("王东明主席强调，要坚持党的领导。", {"王东明"}),
    ("中华全国总工会主席王东明出席会议。东明同志强调，要坚持党的领导。", {"王东明"}),
    ("东明同志强调，要坚持党的领导。", set()),
    ("习近平总书记指出，工人阶级是我国的领导阶级。", {"习近平"}),
])
def test_posts_names_with_honorifics_merge_only_with_a_full_name(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize("text", [
    "大力弘扬劳模精神、劳动精神、工匠精神。",
    "树立劳动最光荣、劳动最崇高的理念，凝聚职工智慧。",
    "汇聚智慧力量，劳动光荣，弘扬正气。",
])
def test_posts_common_words_are_not_people(text):
    assert people(text) == set()


def test_posts_traditional_text_gives_simplified_labels_with_original_aliases():
    text = "遼寧省人大常委會副主任、省總工會主席 楊忠林\n\n遼寧工會在全總和省委的領導下，始終堅持黨的領導，努力開創工會工作新局面。"
    r = _run(text)
    persons = [m for m in r.mentions if m.type == "Person"]
    assert {m.label for m in persons} == {"杨忠林"}
    assert "楊忠林" in persons[0].aliases
    assert posts(text) == {("杨忠林", "辽宁省人大常委会", "副主任"), ("杨忠林", "辽宁省总工会", "主席")}


def test_posts_same_name_in_two_provinces_stays_two_people(tmp_path):
    from kg.build import build_graph

    (tmp_path / "a.txt").write_text("安徽省人大常委会副主任、省总工会主席 李明\n\n" + BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("河北省总工会党组书记、常务副主席李明在会上讲话。" + BODY, encoding="utf-8")
    (tmp_path / "c.txt").write_text("北京市人大常委会副主任、市总工会主席 刘 伟\n\n" + BODY, encoding="utf-8")
    (tmp_path / "d.txt").write_text("本报讯（记者 王明）刘伟主席强调，" + BODY, encoding="utf-8")
    graph, _ = build_graph([tmp_path])
    people = sorted(n for n in graph.nodes if n.startswith("Person:"))
    assert people == ["Person:刘伟", "Person:李明@安徽省", "Person:李明@河北省", "Person:王明"]


def test_posts_writer_recalling_a_post_holds_it_as_former():
    text = ("十年奋斗路\n\n张三丰\n\n回顾担任省总工会主席的十年，我深深体会到，工会工作必须坚持党的领导。"
            "辽宁工会在全总和省委的领导下，努力开创工会工作新局面。\n")
    r = _run(text)
    got = [(f.source[1], dict(f.attrs).get("title"), dict(f.attrs).get("former")) for f in r.facts
           if f.type == "HOLDS_POST"]
    assert got == [("张三丰", "原主席", True)]


# --- issue 14: election lists, 兼职, candidates, unions named through a body,
# titles at enterprises, former chains ---

def _facts(text: str, type_: str):
    return [f for f in _run(text).facts if f.type == type_]


def test_election_list_gives_each_name_the_title_after_its_wei():
    got = posts("会议选举陆志远为海南省总工会主席，王全为常务副主席，郭奕秋、郑有基为专职副主席，"
                "赖泳文为兼职副主席。")
    assert got == {("陆志远", "海南省总工会", "主席"), ("王全", "海南省总工会", "常务副主席"),
                   ("郭奕秋", "海南省总工会", "专职副主席"), ("郑有基", "海南省总工会", "专职副主席"),
                   ("赖泳文", "海南省总工会", "兼职副主席")}


def test_elected_one_after_another_at_one_body():
    got = posts("大荔县工会召开代表大会。王明芳当选为县工会主席、梁秀玲当选为副主席。")
    assert got == {("王明芳", "大荔县总工会", "主席"), ("梁秀玲", "大荔县总工会", "副主席")}


def test_concurrent_post_written_jianzhi():
    assert posts("辽宁省总工会副主席(兼)刘明出席会议。") == {("刘明", "辽宁省总工会", "兼职副主席")}


def test_candidate_holds_nothing():
    assert posts("会议推荐辽宁省总工会主席候选人王明。") == set()


def test_no_body_no_post():
    assert posts("会上，副市长刘明讲话。") == set()


def test_union_named_through_its_company():
    text = "兰州石化公司党委常务副书记、工会主席贾鸿武出席。"
    assert posts(text) == {("贾鸿武", "兰州石化公司", "党委常务副书记"), ("贾鸿武", "兰州石化公司工会", "主席")}
    subs = {(f.source[1], f.target[1]) for f in _facts(text, "SUBORGANIZATION_OF")}
    assert subs == {("兰州石化公司工会", "兰州石化公司")}


def test_team_stays_in_the_title_at_the_enterprise():
    got = posts("其中，攀枝花德铭化工有限公司机修班班长金加明荣获奖章。")
    assert got == {("金加明", "攀枝花德铭化工有限公司", "机修班班长")}


def test_former_heading_a_chain_makes_every_post_former():
    fs = _facts("原中国华电集团有限公司党组副书记、总经理王明出席。", "HOLDS_POST")
    assert {dict(f.attrs)["title"] for f in fs} == {"原党组副书记", "原总经理"}
    assert all(dict(f.attrs).get("former") is True for f in fs)
