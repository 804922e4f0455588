"""Bodies written in the shapes real pages use beyond a region and a body
word: a union written straight after its body, named federations, a paper
named where its reporter is credited, short forms read in their region,
and a short form of a name the page also gives in full. Sentences written
for the test."""

import pytest

from extract.corpus import SourceText
from extract.normalise import normalise
from extract.pipeline import extract
from extract.recognisers import find_mentions


def orgs(text: str) -> set[str]:
    return {m.label for m in find_mentions(normalise(text), statistical=False).of("Organization")}


def test_a_union_written_after_its_body_is_a_sub_body():
    r = extract(SourceText("t.txt", None, "北京大学工会召开教代会。", "utf-8"))
    labels = {m.label for m in r.mentions if m.type == "Organization"}
    assert {"北京大学", "北京大学工会"} <= labels
    subs = {(f.source[1], f.target[1]) for f in r.facts if f.type == "SUBORGANIZATION_OF"}
    assert ("北京大学工会", "北京大学") in subs


@pytest.mark.parametrize("text, label", [
    ("全國產業總工會理事長戴國榮表示", "全国产业总工会"),
    ("香港職工會聯盟秘書長出席", "香港职工会联盟"),
    ("南海网记者陈立新摄", "南海网"),
    ("东方网讯 昨日召开会议", "东方网"),
    ("淳化街道办事处组织开展活动", "淳化街道办事处"),
    ("江宁经济技术开发区管委会主任出席", "江宁经济技术开发区管委会"),
    ("中国工商银行南京分行工会开展活动", "中国工商银行南京分行工会"),
    ("海逸皇宫大酒楼举行团年饭", "海逸皇宫大酒楼"),
    ("据华西都市报报道，活动举行。", "华西都市报"),
    ("中国职工保险互助会开展活动", "中国职工保险互助会"),
])
def test_named_federations_and_credited_media_are_bodies(text, label):
    assert label in orgs(text)


def test_a_generic_plural_of_unions_is_no_body():
    assert orgs("全市各级总工会要抓好落实。") == set()


@pytest.mark.parametrize("text, label", [
    ("澳门工会联合总会举行晚宴。工联会长何雪清致辞。", "澳门工会联合总会"),
    ("香港工会联合会举行活动。工联会会长吴秋明致辞。", "香港工会联合会"),
    ("澳门特别行政区举行活动。中联办主任郑新明出席。", "中央人民政府驻澳门特别行政区联络办公室"),
])
def test_a_local_short_form_means_the_body_of_the_region_named(text, label):
    found = orgs(text)
    assert label in found
    other = {"香港工会联合会", "澳门工会联合总会", "中央人民政府驻香港特别行政区联络办公室",
             "中央人民政府驻澳门特别行政区联络办公室"} - {label}
    assert not found & other


def test_a_short_form_of_a_full_name_on_the_page_is_that_body():
    r = extract(SourceText("t.txt", None, "中国科学院成都分院召开会议。成都分院副院长张卫东讲话。", "utf-8"))
    held = {(f.source[1], f.target[1]) for f in r.facts if f.type == "HOLDS_POST"}
    assert ("张卫东", "中国科学院成都分院") in held


@pytest.mark.parametrize("text, label", [
    ("据工人日报报道，会议召开。", "工人日报"),
    ("人民网北京5月1日电 会议召开。", "人民网"),
    ("共青团广州市委召开会议。", "共青团广州市委"),
])
def test_national_media_and_league_committees_are_bodies(text, label):
    assert label in orgs(text)


@pytest.mark.parametrize("text", ["市妇联、团市委联合发文。", "他是中共党员。", "她是一名共青团员。"])
def test_league_and_party_members_and_league_committees_are_not_party_bodies(text):
    assert not orgs(text) & {"市委", "中国共产党", "中国共产主义青年团"}


@pytest.mark.parametrize("text, label", [
    ("中共江苏省委召开常委会议。", "江苏省委"),
    ("中共南京市委组织部发出通知。", "南京市委组织部"),
    ("南京市城市管理局召开会议。", "南京市城市管理局"),
    ("中央组织部发出通知。", "中共中央组织部"),
])
def test_party_and_state_bodies_are_one_body_each(text, label):
    found = orgs(text)
    assert label in found
    assert "中国共产党" not in found


def test_a_branch_of_a_company_is_not_a_city_bureau():
    assert not any(o.startswith("常州市分公司") for o in orgs("中国邮政集团有限公司常州市分公司花园支局开展活动。"))


@pytest.mark.parametrize("text, label", [
    ("常州代表中共有8人当选委员。", "中国共产党"),
    ("浙江省工会会员专属服务平台上线。", "浙江省总工会"),
])
def test_short_forms_inside_words_and_members_are_not_bodies(text, label):
    assert label not in orgs(text)


def test_a_league_committee_written_short_takes_the_region_of_the_page():
    r = extract(SourceText("t.txt", None, "广州市召开青年工作会议。团市委书记李明出席并讲话。", "utf-8"))
    held = {(f.source[1], f.target[1]) for f in r.facts if f.type == "HOLDS_POST"}
    assert ("李明", "共青团广州市委") in held
    assert "广州市委" not in {m.label for m in r.mentions if m.type == "Organization"}


@pytest.mark.parametrize("text, label", [
    ("延边州总工会召开全委会议。", "延边朝鲜族自治州总工会"),
    ("恩施州委书记出席会议。", "恩施土家族苗族自治州委"),
    ("长阳县总工会开展送温暖活动。", "长阳土家族自治县总工会"),
])
def test_an_autonomous_division_written_with_its_level_word_alone_is_that_division(text, label):
    assert label in orgs(text)


@pytest.mark.parametrize("text, label", [
    ("香港證券及期貨業職工會舉辦講座。", "香港证券及期货业职工会"),
    ("广州市总工会和澳门饮食及酒店业职工会签约。", "澳门饮食及酒店业职工会"),
])
def test_a_trade_union_joining_trades_with_ji_is_one_body(text, label):
    found = orgs(text)
    assert label in found
    assert not any(o.endswith("职工会") and o != label for o in found)


@pytest.mark.parametrize("text, label", [
    ("教育部、人力资源社会保障部、全国总工会联合印发通知。", "中华人民共和国教育部"),
    ("应急管理部副部长出席。", "中华人民共和国应急管理部"),
    ("中央和国家机关工委书记讲话。", "中央和国家机关工作委员会"),
    ("米易县鑫农种植专业合作社带动增收。", "米易县鑫农种植专业合作社"),
])
def test_ministries_central_organs_and_cooperatives_are_bodies(text, label):
    assert label in orgs(text)


@pytest.mark.parametrize("text", ["省财政部门要加大投入。", "公安部分驻点单位", "集团科技部部长出席。"])
def test_a_ministry_short_form_running_into_a_word_or_after_a_company_is_no_ministry(text):
    assert not {o for o in orgs(text) if o.startswith("中华人民共和国")}


@pytest.mark.parametrize("text, label", [
    ("成都市教育工会召开会议。", "成都市教育工会"),
    ("四川省教科文卫体工会主席出席。", "四川省教科文卫体工会"),
    ("成都市建设建材工会主席讲话。", "成都市建设建材工会"),
    ("江苏省总工会和江苏省机关工会联合开展活动。", "江苏省机关工会"),
])
def test_a_regions_union_of_a_trade_is_one_body(text, label):
    assert label in orgs(text)


@pytest.mark.parametrize("text", ["成都市企业工会要主动作为。", "成都市社区工会开展活动。", "成都市开展工会工作。"])
def test_a_kind_of_union_at_a_region_is_no_body(text):
    assert not any(o.endswith("工会") and o != "成都市总工会" for o in orgs(text))


@pytest.mark.parametrize("text, label", [
    ("成都市中级人民法院发布典型案例。", "成都市中级人民法院"),
    ("武侯区人民检察院开展普法。", "武侯区人民检察院"),
    ("成都市发改委印发方案。", "成都市发展和改革委员会"),
    ("成都海关开展劳动竞赛。", "成都海关"),
])
def test_courts_procuratorates_commissions_and_customs_are_bodies(text, label):
    assert label in orgs(text)


def test_a_service_unit_of_a_union_is_a_sub_body_named_with_it():
    r = extract(SourceText("t.txt", None, "四川省总工会职工服务中心开展送清凉活动。", "utf-8"))
    labels = {m.label for m in r.mentions if m.type == "Organization"}
    assert {"四川省总工会", "四川省总工会职工服务中心"} <= labels
    subs = {(f.source[1], f.target[1]) for f in r.facts if f.type == "SUBORGANIZATION_OF"}
    assert ("四川省总工会职工服务中心", "四川省总工会") in subs


def _tagged_orgs(text: str) -> set[str]:
    return {m.label for m in find_mentions(normalise(text), statistical=True).of("Organization")}


@pytest.mark.parametrize("text, label", [("美团骑手王师傅说。", "美团"), ("韵达快递员陈建华送件。", "韵达")])
def test_a_brand_named_as_a_platform_workers_employer_is_a_body(text, label):
    assert label in _tagged_orgs(text)


def test_a_place_before_workers_is_no_body():
    assert "东郊" not in _tagged_orgs("会见了东郊职工群众代表。")
