"""RUNS, PART_OF, ADVOCATES, ISSUED, PARTICIPATED_IN on real-sentence fixtures
run through the whole pipeline."""

import pytest

from extract.corpus import SourceText
from extract.pipeline import extract


def _facts(text, type_):
    r = extract(SourceText("d.txt", None, text, "utf-8"))
    return {(f.source[1], f.target[1]) for f in r.facts if f.type == type_}, r


CHAIR = "标题\n\n吉林省政协副主席、党组副书记、省总工会主席 李龙熙\n\n"


@pytest.mark.parametrize("body, expected", [
    ("近年来，吉林倾情打造“五型工会”，通过大力实施“六项行动”，推动各项工作再上新台阶。",
     {("吉林省总工会", "五型工会"), ("吉林省总工会", "六项行动")}),
    ("各地都很重视“六项行动”。", set()),
])
def test_activities_runs_writer_body(body, expected):
    got, _ = _facts(CHAIR + body, "RUNS")
    assert got == expected


def test_activities_runs_explicit_subject_and_partner():
    text = "陕西省总工会与全国职业教育联盟共同举办“大国工匠走进职业院校”活动。"
    got, _ = _facts(text, "RUNS")
    assert ("全国职业教育联盟", "大国工匠走进职业院校活动") in got


def test_activities_part_of_member_sentence():
    text = CHAIR + ("通过大力实施“六项行动”，推动工作。大力实施“建功立业行动”。大力实施“普惠服务行动”，推出“吉工·贴心”项目。"
                    "大力实施“权益保障行动”。大力实施“素质提升行动”。大力实施“智慧工会行动”。大力实施“强基固本行动”。")
    got, _ = _facts(text, "PART_OF")
    assert ("建功立业行动", "六项行动") in got and ("吉工·贴心项目", "普惠服务行动") in got


@pytest.mark.parametrize("body, expected", [
    ("全省工会将大力弘扬劳模精神、劳动精神、工匠精神。",
     {("吉林省总工会", "劳模精神"), ("吉林省总工会", "劳动精神"), ("吉林省总工会", "工匠精神")}),
    ("习近平总书记强调，要坚持以职工为中心的工作导向。", {("习近平", "以职工为中心")}),
    ("这是工会改革的时代。", set()),
])
def test_activities_advocates(body, expected):
    got, _ = _facts(CHAIR + body, "ADVOCATES")
    assert got == expected


def test_activities_issued_by_title_head():
    text = "川渝两地签署《四川省总工会、重庆市总工会推动成渝地区双城经济圈建设战略合作框架协议》。"
    got, _ = _facts(text, "ISSUED")
    assert {s for s, _ in got} == {"四川省总工会", "重庆市总工会"}


def test_activities_evidence_inside_text():
    _, r = _facts(CHAIR + "大力实施“建功立业行动”，深化“双创”活动。", "RUNS")
    for f in r.facts:
        assert 0 <= f.start < f.end <= len(r.text)


@pytest.mark.parametrize("body, expected", [
    ("出台基层工会经费收支管理办法和基层工会经费使用负面清单。",
     {("吉林省总工会", "基层工会经费收支管理办法"), ("吉林省总工会", "基层工会经费使用负面清单")}),
    ("推动出台《吉林省企业民主管理条例》。", set()),
])
def test_activities_issued_by_writer_not_when_pressed(body, expected):
    got, _ = _facts(CHAIR + body, "ISSUED")
    assert got == expected
