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
