"""Organizations: typed attributes, bodies of every kind, shared heads,
places inside names (issue 14)."""

from __future__ import annotations

import pytest

from extract.corpus import SourceText
from extract.normalise import normalise
from extract.pipeline import extract
from extract.recognisers import find_mentions
from extract.records import OrgAttrs


def _result(text: str):
    return extract(SourceText("o.txt", None, text, "utf-8"))


def _orgs(text: str) -> dict[str, OrgAttrs]:
    return {m.label: m.org for m in _result(text).mentions if m.type == "Organization"}


def test_org_mentions_carry_typed_attributes():
    found = find_mentions(normalise("辽宁省总工会主席刘伟。"), statistical=False)
    org = next(m for m in found.mentions if m.type == "Organization")
    assert isinstance(org.org, OrgAttrs)
    assert (org.org.kind, org.org.level, org.org.body) == ("union", "provincial", "总工会")
    assert org.attrs == ()  # nothing left in the string bag
    assert dict(org.node_attrs) == {"kind": "union", "level": "provincial"}


def test_node_attributes_reach_the_graph():
    from kg.merge import prepare
    prep = prepare(_result("辽宁省总工会主席刘伟。"))
    attrs = {label: a for type_, label, _, _, a in prep.entities if type_ == "Organization"}
    assert {k: attrs["辽宁省总工会"][k] for k in ("kind", "level")} == {"kind": "union", "level": "provincial"}


@pytest.mark.parametrize("text, label, kind, level", [
    ("南京乐金熊猫电器有限公司职工参加活动。", "南京乐金熊猫电器有限公司", "enterprise", ""),
    ("他是中国邮政集团有限公司常州市分公司的投递员。", "中国邮政集团有限公司常州市分公司", "enterprise", ""),
    ("大会在金牛宾馆召开。", "金牛宾馆", "enterprise", ""),
    ("据新华社报道，会议闭幕。", "新华通讯社", "media", ""),
    ("攀枝花市中心医院的医生出席。", "攀枝花市中心医院", "other", ""),
    ("南京市溧水区特殊教育学校的老师。", "溧水区特殊教育学校", "other", ""),
    ("香港邮务职工会会员参加。", "香港邮务职工会", "union", "industry"),
    ("瓊海人民醫院急診科工會小組获奖。", "琼海人民医院急诊科工会小组", "union", "grassroots"),
    ("澳門工會聯合總會會長出席。", "澳门工会联合总会", "union", "provincial"),
    ("成都市委、市民政局负责人出席。", "成都市民政局", "state", ""),
])
def test_bodies_of_every_kind(text, label, kind, level):
    got = _orgs(text)
    assert label in got, got
    assert (got[label].kind, got[label].level) == (kind, level)


def test_shared_head_gives_each_place_its_body():
    got = _orgs("河北省石家庄、沧州、辛集总工会分别召开会议。")
    assert {"石家庄市总工会", "沧州市总工会", "辛集市总工会"} <= set(got)
    assert all(got[k].level == "city" for k in ("石家庄市总工会", "沧州市总工会"))


def test_body_with_its_city_is_one_node_with_the_district_alone():
    r = _result("江苏省淮安市道路运输行业工会联合会成立。淮安市道路运输行业工会联合会将开展服务。")
    labels = {m.label for m in r.mentions if m.type == "Organization"}
    assert labels == {"淮安市道路运输行业工会联合会"}


def test_district_body_written_with_and_without_its_city():
    r = _result("广州市天河区总工会开展活动。天河区总工会主席出席。")
    labels = {m.label for m in r.mentions if m.type == "Organization"}
    assert labels == {"天河区总工会"}


def test_generic_plural_is_no_body():
    assert not _orgs("全市乡镇、开发区、工业园区、社区工会新选聘工会工作者。")


def test_level_union_written_short_is_the_federation():
    assert "大荔县总工会" in _orgs("大荔县召开大会。县工会主席王明芳作报告。")


# --- statistical proposals (extract/recognisers/statistical_orgs.py), with
# the tagger's spans given, so that the rules' part is what is pinned ---

def _proposed(text: str, spans: list[str], rules: bool = True) -> dict[str, OrgAttrs]:
    from extract.recognisers import Scan, find_mentions  # noqa: F401
    from extract.recognisers import organizations
    from extract.recognisers.statistical_orgs import StatisticalOrgsRecogniser
    from extract.tagger import Tagged

    norm = normalise(text)
    scan = Scan(norm, statistical=False)
    scan.__dict__["tags"] = [Tagged(norm.text.index(s), norm.text.index(s) + len(s), "ORG", s) for s in spans]
    if rules:
        scan.found.mentions.extend(organizations.find(norm, [], scan.region_hits))
    return {m.label: m.org for m in StatisticalOrgsRecogniser().find(scan).mentions}


def test_tagger_span_ending_in_a_body_word_is_a_body_of_its_kind():
    got = _proposed("代表们参观了金湾航空城俱乐部和临港新片区管理局。", ["金湾航空城俱乐部", "临港新片区管理局"])
    assert got["金湾航空城俱乐部"].kind == "other"
    assert got["临港新片区管理局"].kind == "state"


def test_tagger_span_the_rules_read_takes_their_kind_and_level():
    got = _proposed("他出席了辽宁省总工会的会议。", ["辽宁省总工会"], rules=False)
    assert {k: (v.kind, v.level) for k, v in got.items()} == {"辽宁省总工会": ("union", "provincial")}


def test_tagger_span_not_ending_in_a_body_word_is_dropped():
    assert _proposed("中国工会走过百年历程。", ["中国工会"]) == {}


def test_tagger_generic_plural_and_period_phrase_are_dropped():
    assert _proposed("各级工会协会和新时代江苏工会协会都参加。", ["各级工会协会", "新时代江苏工会协会"]) == {}


def test_tagger_span_in_page_furniture_is_dropped():
    assert _proposed("首页 新闻 体育 娱乐 游戏 邮箱 新浪协会 搜索", ["新浪协会"]) == {}


def test_tagger_span_longer_than_the_rules_tail_replaces_it_with_its_kind():
    # the rules read 惠民服务中心 alone (a quarter such as 东郊 they now read themselves)
    got = _proposed("市委书记来到城郊职工群众惠民服务中心看望职工。", ["城郊职工群众惠民服务中心"])
    assert got["城郊职工群众惠民服务中心"].kind == "other"


def _located(text: str) -> set[tuple[str, str]]:
    return {(f.source[1], f.target[1]) for f in _result(text).facts if f.type == "LOCATED_IN"}


def test_shared_head_places_are_regions_and_hold_their_bodies():
    got = _located("河北省石家庄、沧州总工会分别召开会议。")
    assert {("石家庄市总工会", "石家庄市"), ("沧州市总工会", "沧州市"), ("石家庄市", "河北省")} <= got


def test_place_in_an_enterprise_name_is_not_a_region():
    r = _result("重庆啤酒攀枝花有限责任公司职工获奖。")
    assert not [m for m in r.mentions if m.type == "Region" and m.label == "攀枝花市"]


def test_sar_offices_and_unions_lie_in_their_region():
    text = "澳门保安司司长黄少泽、澳门立法会主席高开贤出席。香港邮务职工会获奖。"
    assert {("澳门保安司", "澳门特别行政区"), ("澳门立法会", "澳门特别行政区"),
            ("香港邮务职工会", "香港特别行政区")} <= _located(text)
    got = _orgs(text)
    assert (got["澳门保安司"].kind, got["澳门立法会"].kind) == ("state", "legislature")
