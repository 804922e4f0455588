"""Document context: a bare body takes its region from the document
(GRAPH.md "Region from context")."""

from __future__ import annotations

from extract.corpus import SourceText
from extract.pipeline import extract


def _orgs(text: str) -> set[str]:
    r = extract(SourceText("ctx.txt", None, text, "utf-8"))
    return {m.label for m in r.mentions if m.type == "Organization"}


def test_masthead_and_dateline_give_the_city():
    assert "长沙市总工会" in _orgs("长沙晚报9月6日讯 日前，市总工会召开全市职工大会，部署下半年工作。")


def test_site_name_gives_the_city():
    assert "福州市总工会" in _orgs("福州新闻网讯 市总工会近日为一线职工送去清凉。")


def test_dateline_after_a_site_name_gives_the_city():
    assert "海口市总工会" in _orgs("南海网海口7月19日消息 市总工会组织劳模疗休养。")


def test_county_sets_the_city_above_it():
    got = _orgs("大荔县工会召开代表大会。会上，县委书记讲话，向莅临会议的市总工会领导表示欢迎。")
    assert {"渭南市总工会", "大荔县委"} <= got


def test_province_above_the_city_named_earlier():
    assert "吉林省总工会" in _orgs("四平市工会召开代表大会。省总工会副主席到会祝贺。")


def test_region_named_after_the_body():
    got = _orgs("上午，市总工会副主席出席仪式。金湾区人大常委会副主任、区总工会主席致辞。")
    assert {"珠海市总工会", "金湾区总工会"} <= got


def test_home_region_wins_over_a_place_visited():
    text = "天津日报讯 代表团启程赴北京。市委副书记为代表送行，市总工会主席出席。"
    assert {"天津市委", "天津市总工会"} <= _orgs(text)


def test_unresolvable_keeps_its_form():
    assert "市总工会" in _orgs("市总工会召开会议，部署工作。")
