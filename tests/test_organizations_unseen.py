"""Bodies named in the general ways unseen pages name them (issue 14): a
special administrative region's legislature written bare, offices' unions
(机关工会), Hong Kong and Macau unions named after their trade, a union's
term committees, a body named inside its union's name or with a place word
before it, and a unit named after the body it belongs to. Sentences written
for the test."""

import pytest

from extract.corpus import SourceText
from extract.normalise import normalise
from extract.pipeline import extract
from extract.recognisers import find_mentions


def orgs(text: str) -> dict[str, object]:
    return {m.label: m for m in find_mentions(normalise(text), statistical=False).of("Organization")}


def facts(text: str, type_: str) -> set[tuple[str, str]]:
    r = extract(SourceText("t.txt", None, text, "utf-8"))
    return {(f.source[1], f.target[1]) for f in r.facts if f.type == type_}


@pytest.mark.parametrize("text, label", [
    ("香港工会联合会举行新春酒会。工联会积极参与立法会选举，议席有所增加。", "香港立法会"),
    ("澳门特别行政区举行庆祝活动，立法会主席出席。", "澳门立法会"),
    ("香港工聯會參與立法會選舉。", "香港立法会"),
])
def test_a_bare_legislative_council_is_that_of_the_region_the_page_is_about(text, label):
    found = orgs(text)
    assert label in found
    assert found[label].org.kind == "legislature"
    assert not {"香港立法会", "澳门立法会"} - {label} & set(found)


def test_a_bare_legislative_council_lies_in_its_region():
    located = facts("香港特别行政区举行活动。工联会将继续积极参与立法会选举。", "LOCATED_IN")
    assert ("香港立法会", "香港特别行政区") in located
    assert ("香港工会联合会", "香港特别行政区") in located


@pytest.mark.parametrize("text, label", [
    ("河北省直机关工会主要负责同志汇报了工作。", "河北省直机关工会"),
    ("甘肃省直属机关工会工委副主任出席。", "甘肃省直属机关工会工委"),
    ("成都市教育局机关工会组织职工参加活动。", "成都市教育局机关工会"),
])
def test_an_offices_union_is_an_industry_union(text, label):
    found = orgs(text)
    assert label in found
    assert found[label].org.level == "industry"


def test_a_bare_offices_union_takes_the_province_of_the_page():
    text = "河北省总工会召开会议。各市总工会及省直机关工会主要负责同志汇报了工作。"
    r = extract(SourceText("t.txt", None, text, "utf-8"))
    unions = {m.label: m for m in r.mentions if m.type == "Organization"}
    assert "河北省直机关工会" in unions
    assert unions["河北省直机关工会"].org.level == "industry"
    assert ("河北省直机关工会", "河北省") in facts(text, "LOCATED_IN")


def test_a_bureaus_office_union_is_a_sub_body_of_the_bureau():
    assert ("成都市教育局机关工会", "成都市教育局") in facts("成都市教育局机关工会组织职工参加活动。",
                                                          "SUBORGANIZATION_OF")


@pytest.mark.parametrize("text, label", [
    ("优异团体奖 | 禽畜业职工会 |", "禽畜业职工会"),
    ("香港物理治疗专业人员总会举行周年晚会。", "香港物理治疗专业人员总会"),
    ("社区及公共服务业（九龙东）总工会理事长出席。", "社区及公共服务业（九龙东）总工会"),
    ("澳門飲食及酒店業職工會舉行會員大會。", "澳门饮食及酒店业职工会"),
    ("优秀团体奖香港印刷业总工会 |", "香港印刷业总工会"),
])
def test_a_union_named_after_its_trade_is_an_industry_union(text, label):
    found = orgs(text)
    assert label in found, found
    assert (found[label].org.kind, found[label].org.level) == ("union", "industry")


@pytest.mark.parametrize("text", [
    "要推进快递业职工会组建工作。",
    "本行业职工会员人数增加。",
    "外资企业职工会普遍建立。",
    "各行业职工会要积极作为。",
    "该厂总会计师出席。",
])
def test_a_kind_of_union_or_a_phrase_is_no_trade_union(text):
    assert not [m for m in orgs(text).values() if m.rule == "trade-union"]


@pytest.mark.parametrize("text, label, alias", [
    ("大会通过了关于全总十六届执委会报告的决议。", "中华全国总工会第十六届执行委员会", "全总十六届执委会"),
    ("大会通过了关于全总十六届经审会工作报告的决议。", "中华全国总工会第十六届经费审查委员会", "全总十六届经审会"),
    ("宣布了当选的中华全国总工会第十七届执行委员会主席名单。", "中华全国总工会第十七届执行委员会", ""),
    ("選舉產生廣東省總工會第十四屆經費審查委員會。", "广东省总工会第十四届经费审查委员会", ""),
])
def test_a_unions_committee_of_one_term_is_a_body_of_the_union(text, label, alias):
    found = orgs(text)
    assert label in found, found
    assert not alias or alias in found[label].aliases
    assert (label, label.split("第")[0]) in facts(text, "SUBORGANIZATION_OF")


def test_a_term_committee_in_a_document_title_names_the_document():
    found = orgs("大会通过了《关于广东省总工会第十三届经费审查委员会工作报告的决议》。")
    assert "广东省总工会" in found
    assert not [lab for lab in found if "经费审查委员会" in lab]


def test_the_chair_of_a_term_committee_holds_the_post_at_the_union():
    text = "中华全国总工会第十七届执行委员会主席王东明主持会议。"
    r = extract(SourceText("t.txt", None, text, "utf-8"))
    posts = {(f.source[1], f.target[1]) for f in r.facts if f.type == "HOLDS_POST"}
    assert ("王东明", "中华全国总工会") in posts


def test_a_body_named_with_a_quarter_of_its_city_keeps_the_quarter():
    found = orgs("助学金发放仪式在西郊职工群众便民服务中心举行。")
    assert "西郊职工群众便民服务中心" in found
    assert "便民服务中心" not in found


def test_a_department_union_group_names_its_institution_as_a_body():
    text = "评出先进集体20个，文昌人民医院儿科工会小组等获表彰。"
    found = orgs(text)
    assert {"文昌人民医院", "文昌人民医院儿科工会小组"} <= set(found)
    assert ("文昌人民医院儿科工会小组", "文昌人民医院") in facts(text, "SUBORGANIZATION_OF")


def test_a_trade_union_written_with_its_level_word_takes_the_region_of_the_page():
    text = "甘肃省总工会召开会议。省电力工会主席张明、市教育工会负责人出席。"
    r = extract(SourceText("t.txt", None, text, "utf-8"))
    unions = {m.label: m for m in r.mentions if m.type == "Organization"}
    assert "甘肃省电力工会" in unions
    assert unions["甘肃省电力工会"].org.level == "industry"
    posts = {(f.source[1], f.target[1]) for f in r.facts if f.type == "HOLDS_POST"}
    assert ("张明", "甘肃省电力工会") in posts


@pytest.mark.parametrize("text", [
    "全省教育工会系统要加强自身建设。",
    "社区工会、园区工会要发挥作用。",
    "市属企业工会和市直单位工会参加。",
    "省级产业工会负责人参加。",
    "在市场监管工会工作中。",
])
def test_kinds_of_union_after_a_level_word_are_no_trade_union(text):
    assert not [lab for lab in orgs(text) if lab.endswith("工会")]


def test_county_stems_sharing_a_county_unions_head_are_counties_and_their_unions():
    text = "宜宾市总工会召开会议。江安、长宁、高县总工会和珙县总工会参加。"
    found = orgs(text)
    assert {"江安县总工会", "长宁县总工会"} <= set(found)
    located = facts(text, "LOCATED_IN")
    assert {("江安县总工会", "江安县"), ("长宁县总工会", "长宁县")} <= located


def test_the_corps_union_and_party_committee_are_named_by_their_short_forms():
    found = orgs("兵团总工会党组书记、主席张三出席，兵团党委常委李四讲话。")
    assert found["新疆生产建设兵团总工会"].org.level == "provincial"
    assert found["新疆生产建设兵团党委"].org.kind == "party"


def _proposed(text: str, spans: list[str]) -> set[str]:
    """The bodies the statistical recogniser keeps from the tagger's ``spans``."""
    from extract.recognisers import Scan, organizations
    from extract.recognisers.statistical_orgs import StatisticalOrgsRecogniser
    from extract.tagger import Tagged

    norm = normalise(text)
    scan = Scan(norm, statistical=False)
    scan.__dict__["tags"] = [Tagged(norm.text.index(s), norm.text.index(s) + len(s), "ORG", s) for s in spans]
    scan.found.mentions.extend(organizations.find(norm, [], scan.region_hits))
    return {m.label for m in StatisticalOrgsRecogniser().find(scan).mentions}


@pytest.mark.parametrize("text, span, label", [
    ("活动由市总工会主办，市工人文化宫承办，星河文旅协办。", "星河文旅协办", "星河文旅"),
    ("活动由市总工会主办，星河文旅承办。", "星河文旅", "星河文旅"),
])
def test_a_name_the_tagger_gives_before_its_part_in_an_event_is_a_body(text, span, label):
    assert label in _proposed(text, [span])


def test_a_short_name_before_a_part_in_an_event_is_no_body():
    assert _proposed("活动由市总工会主办，星河承办。", ["星河"]) == set()


@pytest.mark.parametrize("text, label, parent", [
    ("荣获先进集体的有青神县地方税务局汉阳税务所、眉山市中心医院。", "青神县地方税务局汉阳税务所", "青神县地方税务局"),
    ("成都市公安局锦江分局副局长张三出席。", "成都市公安局锦江分局", "成都市公安局"),
])
def test_a_unit_a_bodys_name_runs_on_into_is_the_body(text, label, parent):
    found = orgs(text)
    assert label in found
    assert parent not in found  # the unit takes its body's place, as a branch company does


def test_a_kind_of_unit_after_a_body_is_no_unit():
    found = orgs("青神县地方税务局所属税务所开展培训。")
    assert "青神县地方税务局" in found
    assert not [lab for lab in found if lab.endswith("税务所")]


@pytest.mark.parametrize("text, label", [
    ("福州高新区工会专干黄某参加培训。", "福州高新区工会"),
    ("宁波经开区总工会开展活动。", "宁波经开区总工会"),
])
def test_a_named_parks_union_is_a_body(text, label):
    assert label in orgs(text)


def test_a_plural_of_park_unions_is_no_body():
    assert orgs("各园区工会要积极作为。") == {}


@pytest.mark.parametrize("text, wrong", [
    ("社区党委书记王某主持会议。", "区党委"),
    ("宁波经开区总工会开展活动。", "区总工会"),
    ("园区总工会组织职工参加比赛。", "区总工会"),
])
def test_a_level_word_ending_a_word_is_no_bare_body(text, wrong):
    assert wrong not in orgs(text)


def test_a_bare_body_after_a_word_for_this_place_is_read():
    assert "市总工会" in orgs("我市总工会积极开展活动。")


def test_a_factory_is_a_body_and_a_branch_factory_stays_in_the_title():
    found = orgs("全国劳动模范：张伟，齐齐哈尔第二机床厂工人；李强，中国一重集团有限公司锻造分厂班长。")
    assert {"齐齐哈尔第二机床厂", "中国一重集团有限公司"} <= set(found)
    assert not [lab for lab in found if lab.endswith("分厂")]


def test_a_company_named_straight_after_its_group_is_one_body():
    found = orgs("王刚，国网黑龙江省电力有限公司齐齐哈尔供电公司工人。")
    assert "国网黑龙江省电力有限公司齐齐哈尔供电公司" in found
    assert "齐齐哈尔供电公司" not in found


def test_a_regions_association_written_with_its_level_word_takes_the_page_region():
    text = "泸州市总工会召开会议。市餐饮行业工会联合会主席张某、市烹饪协会秘书长王某出席。"
    r = extract(SourceText("t.txt", None, text, "utf-8"))
    labels = {m.label for m in r.mentions if m.type == "Organization"}
    assert {"泸州市餐饮行业工会联合会", "泸州市烹饪协会"} <= labels
    posts = {(f.source[1], f.target[1]) for f in r.facts if f.type == "HOLDS_POST"}
    assert ("张某", "泸州市餐饮行业工会联合会") in posts


def test_a_branch_of_a_unions_clinic_is_a_sub_body_named_with_the_union():
    text = "香港工会联合会举行颁奖礼。获奖单位：工联会工人医疗所观塘分所 |"
    found = orgs(text)
    assert "香港工会联合会工人医疗所观塘分所" in found
    assert "工联会工人医疗所观塘分所" == found["香港工会联合会工人医疗所观塘分所"].surface
    assert ("香港工会联合会工人医疗所观塘分所", "香港工会联合会") in facts(text, "SUBORGANIZATION_OF")


def test_a_number_of_district_unions_is_no_body():
    assert "区总工会" not in orgs("连线全市的10个区总工会分会场。")


@pytest.mark.parametrize("text, label", [
    ("来源：东南网 编辑：张三", "东南网"),
    ("泸州饭店总经理张某出席。", "泸州饭店"),
])
def test_a_credited_source_and_a_hotel_are_bodies(text, label):
    assert label in orgs(text)


def test_a_department_written_with_its_level_word_takes_the_page_region():
    text = "黑龙江省总工会召开会议。省总工会、省工信厅和省科技厅联合启动活动。"
    r = extract(SourceText("t.txt", None, text, "utf-8"))
    labels = {m.label for m in r.mentions if m.type == "Organization"}
    assert {"黑龙江省工信厅", "黑龙江省科技厅"} <= labels


@pytest.mark.parametrize("text", ["市各局要抓好落实。", "市直各局负责人参加。", "全市各局要抓好落实。"])
def test_a_plural_of_departments_is_no_body(text):
    assert not [lab for lab in orgs(text) if lab.endswith("局")]


def test_a_tagger_span_running_past_a_company_into_its_mine_gives_the_mine():
    got = _proposed("荣获表彰的有星河矿业集团有限公司王家沟煤矿综采队。", ["星河矿业集团有限公司王家"])
    assert "星河矿业集团有限公司王家沟煤矿" in got


def test_counties_listed_by_their_stems_before_a_shared_body_are_bodies_each():
    text = "宜宾市总工会召开会议，江安、长宁、屏山等县总工会参加。"
    found = orgs(text)
    assert {"江安县总工会", "长宁县总工会", "屏山县总工会"} <= set(found)
    assert "县总工会" not in found and not [lab for lab in found if lab.startswith("宜宾市") and lab != "宜宾市总工会"]
    assert ("长宁县总工会", "长宁县") in facts(text, "LOCATED_IN")


def test_a_list_of_words_before_a_level_body_is_no_list_of_counties():
    assert not [lab for lab in orgs("坚持和平、发展等市委要求。") if "县" in lab]


def test_a_bare_union_on_a_page_naming_no_region_takes_the_province_of_its_licence():
    r = extract(SourceText("t.txt", None, "省总工会召开会议，部署热线工作。\n版权所有 鲁ICP备05012345号", "utf-8"))
    assert "山东省总工会" in {m.label for m in r.mentions if m.type == "Organization"}


def test_a_region_the_page_names_outranks_its_licence():
    text = "江苏省召开会议。省总工会部署热线工作。\n京ICP备05012345号"
    r = extract(SourceText("t.txt", None, text, "utf-8"))
    assert "江苏省总工会" in {m.label for m in r.mentions if m.type == "Organization"}


def test_a_trade_union_named_without_its_region_lies_in_the_territory_of_the_page():
    text = "香港工会联合会举行颁奖礼。获奖属会：香港邮务职工会 | 禽畜业职工会 |"
    assert ("禽畜业职工会", "香港特别行政区") in facts(text, "LOCATED_IN")


def test_a_national_industry_unions_national_committee_is_the_union():
    found = orgs("中国海员建设工会全国委员会副主席王丽出席开幕式。")
    assert "中国海员建设工会" in found
    assert "中国海员建设工会全国委员会" in found["中国海员建设工会"].aliases
    assert found["中国海员建设工会"].org.level == "industry"


def test_an_industry_unions_provincial_committee_is_one_body_in_its_province_not_a_party_committee():
    text = "会议由中国教育工会湖北省委员会主席陈立主持。"
    found = orgs(text)
    assert "中国教育工会湖北省委员会" in found
    assert "湖北省教育工会" in found["中国教育工会湖北省委员会"].aliases
    assert "湖北省委" not in found
    assert ("中国教育工会湖北省委员会", "湖北省") in facts(text, "LOCATED_IN")
    assert ("陈立", "中国教育工会湖北省委员会") in facts(text, "HOLDS_POST")


def test_a_party_committee_written_in_full_stays_a_party_committee():
    found = orgs("中共湖北省委员会召开全会。")
    assert found["湖北省委"].org.kind == "party"


def test_a_national_bodys_school_union_is_the_schools_not_an_industry_union():
    found = orgs("中国科学院大学工会开展活动。")
    assert "中国科学院大学工会" in found
    assert found["中国科学院大学工会"].org.level == "grassroots"
    assert "中国科学院大学" in found


@pytest.mark.parametrize("text, branch, union", [
    ("中国电信股份有限公司江苏分公司工会主席出席。", "中国电信股份有限公司江苏分公司", "中国电信股份有限公司江苏分公司工会"),
    ("中国人民银行南京分行工会举办活动。", "中国人民银行南京分行", "中国人民银行南京分行工会"),
    ("中国建设银行北京市分行营业部工会开展活动。", "中国建设银行北京市分行营业部", "中国建设银行北京市分行营业部工会"),
])
def test_a_companys_or_banks_branch_is_one_body_and_the_union_after_it_is_the_branchs(text, branch, union):
    found = orgs(text)
    assert branch in found and union in found
    assert found[union].org.parent == (found[branch].start, found[branch].end)
    assert not {label for label in found if label not in (branch, union)}


def test_a_unit_a_company_owns_through_a_block_word_is_no_branch_of_it():
    found = orgs("中国电信股份有限公司所属分公司开展活动。")
    assert "中国电信股份有限公司" in found
    assert not any(label.endswith("所属分公司") for label in found)


@pytest.mark.parametrize("text, label", [
    ("上海交通大学医学院附属瑞金医院党委书记出席。", "上海交通大学医学院附属瑞金医院"),
    ("华中师范大学附属小学工会开展活动。", "华中师范大学附属小学"),
])
def test_an_institution_affiliated_to_a_school_is_one_body_named_with_the_school(text, label):
    found = orgs(text)
    assert label in found
    assert "瑞金医院" not in found and "华中师范大学" not in found


@pytest.mark.parametrize("text, label", [
    ("福州新锐电气有限公司工会成立。", "福州新锐电气有限公司工会"),
    ("他在南京华美服饰有限公司工作。", "南京华美服饰有限公司"),
])
def test_a_firm_named_place_trade_name_trade_form_starts_at_its_place_whatever_its_trade_name(text, label):
    assert label in orgs(text)


def test_a_firm_name_does_not_run_back_over_a_verb_to_a_place():
    found = orgs("福州市总工会走访新锐电气有限公司。")
    assert "福州市总工会" in found
    assert not any(label.startswith("福州") and label.endswith("有限公司") for label in found)


def test_a_union_written_with_its_committee_word_is_named_as_written():
    found = orgs("中国农业银行工会委员会组织职工学习。")
    assert "中国农业银行工会委员会" in found
    assert "中国农业银行工会" in found["中国农业银行工会委员会"].aliases
    assert not orgs("召开工会委员会议，研究工作。")


@pytest.mark.parametrize("text, label, kind", [
    ("市总工会联合市文明办举办活动。", "市文明办", "party"),
    ("广州市人民政府办公室印发通知。", "广州市人民政府办公室", "state"),
    ("省侨联、省文联共同主办。", "省文联", "other"),
])
def test_common_offices_and_peoples_organisations_are_bodies_of_their_region(text, label, kind):
    found = orgs(text)
    assert label in found
    assert found[label].org.kind == kind


def test_a_province_written_before_a_city_body_is_not_part_of_its_name_with_the_tagger_on():
    found = {m.label for m in find_mentions(normalise("湖北黄石市总工会副调研员周建明参加。"), statistical=True)
             .of("Organization")}
    assert found == {"黄石市总工会"}


def test_divisions_listed_before_their_number_and_level_word_are_each_a_body():
    found = orgs("合江、叙永、古蔺三县总工会参加会议。")
    assert {"合江县总工会", "叙永县总工会", "古蔺县总工会"} == set(found)
    assert "合江县总工会" not in orgs("合江、叙永、古蔺两县总工会参加会议。")  # the number must count them


def test_a_factory_written_after_its_company_is_no_body_and_stays_in_the_title():
    text = "中国一重集团有限公司核电石化容器制造厂电焊工王立强获全国劳动模范称号。"
    assert set(orgs(text)) == {"中国一重集团有限公司"}
    r = extract(SourceText("t.txt", None, text, "utf-8"))
    assert {(f.source[1], f.target[1], dict(f.attrs)["title"]) for f in r.facts if f.type == "HOLDS_POST"} == {
        ("王立强", "中国一重集团有限公司", "核电石化容器制造厂电焊工")}
    assert "上海汽轮机厂" in orgs("上海汽轮机厂工人李明说。")  # a factory standing alone is a body


@pytest.mark.parametrize("text, label", [
    ("哈尔滨电机（集团）有限责任公司数控车工李明说。", "哈尔滨电机（集团）有限责任公司"),
    ("海尔（中国）有限公司工会开展活动。", "海尔（中国）有限公司工会"),
])
def test_a_firms_group_or_country_in_brackets_is_part_of_its_name(text, label):
    assert label in orgs(text)


def test_a_group_one_body_stations_in_another_is_one_body_holding_its_posts():
    text = "中央纪委国家监委驻全总纪检监察组组长、全总党组成员赵立国出席。"
    found = orgs(text)
    assert "中央纪委国家监委驻中华全国总工会纪检监察组" in found and "中华全国总工会" in found
    assert "中央纪委国家监委" not in found
    r = extract(SourceText("t.txt", None, text, "utf-8"))
    assert {(f.source[1], f.target[1], dict(f.attrs)["title"]) for f in r.facts if f.type == "HOLDS_POST"} == {
        ("赵立国", "中央纪委国家监委驻中华全国总工会纪检监察组", "组长"), ("赵立国", "中华全国总工会", "党组成员")}


def test_a_union_named_through_a_body_the_page_names_elsewhere_is_its_sub_body():
    sub = facts("华星集团召开职工大会。会上，华星集团工会主席作报告。", "SUBORGANIZATION_OF")
    assert ("华星集团工会", "华星集团") in sub
    assert not facts("北京市总工会召开会议。", "SUBORGANIZATION_OF")


@pytest.mark.parametrize("text, first, second", [
    ("南京市中级人民法院、苏州工业园区总工会、无锡高新区总工会被确定为试点。", "苏州工业园区总工会", "无锡高新区总工会"),
    ("兰州石化公司工会主席王建军、金川集团股份有限公司工会副主席刘晓红出席。", "兰州石化公司工会", "金川集团股份有限公司工会"),
])
def test_unions_listed_one_after_another_are_each_a_body_not_one_name_across_the_list(text, first, second):
    found = orgs(text)
    assert {first, second} <= set(found)
    assert not [lab for lab in found if "、" in lab]


def test_a_firms_union_after_its_province_is_the_firms_not_the_provinces_trade_union():
    text = "甘肃省总工会召开会议。兰州石化公司工会主席王建军、甘肃省电力公司工会副主席刘晓红出席。"
    found = orgs(text)
    assert found["甘肃省电力公司工会"].org.level == "grassroots"
    holds = facts(text, "HOLDS_POST")
    assert {("王建军", "兰州石化公司工会"), ("刘晓红", "甘肃省电力公司工会")} <= holds


@pytest.mark.parametrize("text, label", [
    ("中建三局集团有限公司第一建设工程有限责任公司举行命名大会。", "中建三局集团有限公司第一建设工程有限责任公司"),
    ("国网山东省电力公司济南供电公司配电运检班班长孟庆华获奖。", "国网山东省电力公司济南供电公司"),
])
def test_a_subsidiary_or_branch_named_after_its_group_is_one_body_with_it(text, label):
    found = orgs(text)
    assert label in found
    assert not [lab for lab in found if lab != label and label.startswith(lab)]


def test_a_subsidiarys_generic_name_after_its_group_gives_no_person():
    r = extract(SourceText("t.txt", None, "中建三局集团有限公司第一建设工程有限责任公司举行大会。", "utf-8"))
    assert not [m.label for m in r.mentions if m.type == "Person"]


@pytest.mark.parametrize("text, label", [
    ("城关街道总工会组织外卖骑手入会。", "城关街道总工会"),
    ("城关街道社区工会联合会已吸纳会员320名。", "城关街道社区工会联合会"),
])
def test_a_streets_union_is_a_grassroots_union(text, label):
    found = orgs(text)
    assert found[label].org.level == "grassroots"


def test_a_villages_party_branch_is_a_body_holding_its_secretarys_post():
    text = "杨庄村党支部书记刘宝山说，村里的职工之家办了实事。"
    found = orgs(text)
    assert found["杨庄村党支部"].org.kind == "party"
    assert ("刘宝山", "杨庄村党支部") in facts(text, "HOLDS_POST")


def test_a_bare_media_centre_takes_the_county_of_the_page():
    text = "大荔县总工会开展活动。县委组织部、县融媒体中心相关负责人陪同。"
    r = extract(SourceText("t.txt", None, text, "utf-8"))
    bodies = {m.label: m for m in r.mentions if m.type == "Organization"}
    assert bodies["大荔县融媒体中心"].org.kind == "media"


@pytest.mark.parametrize("text, label", [
    ("香港教育工作者联会代表致辞祝贺。", "香港教育工作者联会"),
])
def test_a_hong_kong_workers_federation_named_with_lianhui_is_an_industry_union(text, label):
    found = orgs(text)
    assert found[label].org.kind == "union" and found[label].org.level == "industry"


def test_a_national_short_form_names_the_pages_own_body_it_ends_not_the_tables():
    # a Taiwan page: 全國總工會 is the 中華民國全國總工會 it names, not the ACFTU
    text = "全國總工會舉辦勞動節表揚大會\n中華民國全國總工會於4月28日在台北舉辦模範勞工表揚大會。"
    r = extract(SourceText("t.txt", None, text, "utf-8"))
    assert {m.label for m in r.mentions if m.type == "Organization"} == {"中华民国全国总工会"}
    # on a mainland page the short form stays the ACFTU's
    r = extract(SourceText("t.txt", None, "全国总工会召开会议。中华全国总工会主席出席。", "utf-8"))
    assert {m.label for m in r.mentions if m.type == "Organization"} == {"中华全国总工会"}


@pytest.mark.parametrize("text, label", [
    ("济南市劳动人事争议仲裁委员会受理案件。", "济南市劳动人事争议仲裁委员会"),
    ("济南市工人疗养院提供服务保障。", "济南市工人疗养院"),
])
def test_an_arbitration_committee_and_a_sanatorium_are_bodies_of_their_region(text, label):
    assert label in orgs(text)


def test_a_union_the_tagger_names_after_a_body_of_its_own_is_a_body():
    text = "中华电信工会、台湾铁路工会等单位代表出席。"
    assert "中华电信工会" in _proposed(text, ["中华电信工会"])


@pytest.mark.parametrize("text, span", [
    ("浙江省工会会员人数增加。", "浙江省工会"),  # a region's members, which the rules do not read as a body
    ("中国工会要发挥作用。", "中国工会"),       # the movement: no name of three characters before 工会
])
def test_a_union_word_after_a_region_alone_or_a_short_name_is_no_proposed_body(text, span):
    assert _proposed(text, [span]) == set()
