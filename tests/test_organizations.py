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
    assert attrs["辽宁省总工会"] == {"kind": "union", "level": "provincial"}


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
