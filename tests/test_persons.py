"""People outside title chains: the statistical tagger proposes, the name
rules decide (issue 14). Sentences written in the shapes of real pages."""

import pytest

from extract.normalise import normalise
from extract.recognisers import find_mentions


def people(text: str, statistical: bool = True) -> list[str]:
    return sorted({m.label for m in find_mentions(normalise(text), statistical=statistical).of("Person")})


def test_persons_workers_named_with_employer_and_job():
    text = "东风汽车有限公司职工马建国、市第一人民医院护士长何丽娟在会上发言。"
    assert people(text) == ["何丽娟", "马建国"]


def test_persons_list_joined_by_commas_and_closed_by_deng():
    text = "大会表彰了赵国庆、钱小红、孙立军等20位优秀工会工作者。"
    assert people(text) == ["孙立军", "赵国庆", "钱小红"]


def test_persons_statistical_proposals_are_off_when_rules_only():
    text = "劳模代表吴桂英作了发言。"
    assert people(text) == ["吴桂英"]
    assert people(text, statistical=False) == []


@pytest.mark.parametrize("text", [
    "文章来源：成都市总工会",          # 文章 running into 章来源
    "市民政局有关负责同志出席了仪式。",  # 有关 running into 关负责
    "记者从市总工会获悉，活动将启动。",  # 从市总 inside a body's name
])
def test_persons_word_ends_and_body_names_are_not_people(text):
    assert people(text) == []


def test_persons_name_inside_a_doctrine_is_not_a_person_of_its_own():
    assert people("高举邓小平理论伟大旗帜，团结奋斗。") == []


def test_persons_given_name_with_tongzhi_is_left_to_the_honorific_rule():
    # 东明同志 alone is no full name; with the full name written it is that person
    assert people("会议由东明同志主持。") == []
    assert people("王东明出席会议。东明同志指出，要团结奋斗。") == ["王东明"]


@pytest.mark.parametrize("text, name", [
    ("自治区总工会党组书记、常务副主席阿不都热依木·买买提出席。", "阿不都热依木·买买提"),
    ("全国人大常委会副委员长司马义·艾买提讲话。", "司马义·艾买提"),
])
def test_persons_a_transliterated_name_runs_on_over_its_middle_dot(text, name):
    assert name in people(text)
    assert not [p for p in people(text) if p != name and p in name]


def test_persons_a_transliterated_name_holds_the_post_before_it():
    from extract.corpus import SourceText
    from extract.pipeline import extract

    r = extract(SourceText("t.txt", None, "全国人大常委会副委员长司马义·艾买提讲话。", "utf-8"))
    assert [(f.source[1], dict(f.attrs)["title"]) for f in r.facts if f.type == "HOLDS_POST"] \
        == [("司马义·艾买提", "副委员长")]


def test_persons_a_body_before_its_heads_title_is_no_name():
    # 劳 is a surname, 劳动部 three characters: 部长 after 部 is the ministry's head
    assert "劳动部" not in people("劳动部部长许铭春、市公安局局长陈某到场祝贺。")
