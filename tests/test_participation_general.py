"""Who takes part in an event, in shapes the dev texts show beyond a
subject and its verb: a roster of leaders seated on the platform, a
clause with a person in it that is no event's name, a medium credited for
the report. Sentences written for the test."""

from extract.corpus import SourceText
from extract.pipeline import extract


def _run(text: str):
    return extract(SourceText("t.txt", None, text, "utf-8"))


def participants(text: str) -> set[tuple[str, str]]:
    return {(f.source[1], f.target[1]) for f in _run(text).facts if f.type == "PARTICIPATED_IN"}


CONGRESS = "云南省工会第十一次代表大会开幕\n\n5月20日，云南省总工会第十一次代表大会在昆明开幕。"


def test_a_roster_of_leaders_before_the_verb_all_take_part():
    got = participants(CONGRESS + "省委书记王宁，省委副书记、省长李卫东，省人大常委会主任张建国在主席台就座。")
    event = "云南省工会第十一次代表大会"
    assert {("王宁", event), ("李卫东", event), ("张建国", event)} <= got


def test_a_clause_naming_a_person_is_no_event():
    r = _run("在深圳市第七届职工运动会开幕式上，市委常委吴立新宣布运动会开幕。")
    events = {m.label for m in r.mentions if m.type == "Event"}
    assert not any("吴立新" in e for e in events)
    assert ("吴立新", "深圳市第七届职工运动会") in participants(
        "在深圳市第七届职工运动会开幕式上，市委常委吴立新宣布运动会开幕。")


def test_a_medium_credited_for_the_report_takes_no_part():
    got = participants("南海网讯 7月19日，海南省工会第七次代表大会在海口闭幕。省委书记王立新出席并讲话。")
    assert ("南海网", "海南省工会第七次代表大会") not in got
    assert ("王立新", "海南省工会第七次代表大会") in got


def test_people_named_before_the_event_take_part_in_the_event_the_piece_reports_on():
    text = ("领导出席\n\n省委书记王立新、省长李卫东出席并讲话。"
            "当天上午，海南省工会第七次代表大会在海口开幕，来自全省的代表参加会议。")
    got = participants(text)
    assert {("王立新", "海南省工会第七次代表大会"), ("李卫东", "海南省工会第七次代表大会")} <= got


def test_a_statement_before_any_event_is_no_speech_at_it():
    text = "习近平总书记强调，工会要坚持正确政治方向。\n\n5月1日，中国工会第十八次全国代表大会开幕。"
    assert ("习近平", "中国工会第十八次全国代表大会") not in participants(text)


def test_those_honoured_at_a_congress_take_no_part_in_it():
    text = ("江苏省总工会第十四次代表大会召开。\n\n大会表彰了张明华、李建国等先进个人。"
            "王伟出席大会并讲话。")
    r = extract(SourceText("t.txt", None, text, "utf-8"))
    took_part = {f.source[1] for f in r.facts if f.type == "PARTICIPATED_IN"}
    assert "王伟" in took_part
    assert not {"张明华", "李建国"} & took_part


def test_each_verb_is_read_with_its_kind_and_a_verb_of_two_kinds_is_refused(monkeypatch):
    import pytest

    from extract import participation

    # the verb pattern finds the words themselves; the kind comes from the word
    text = "王东明出席会议并讲话，李四主持。"
    found = [(m.group(0), participation._kind_of(m)) for m in participation._verb_rx().finditer(text)]
    assert found == [("出席", "ATTEND"), ("讲话", "SPEAK"), ("主持", "SPEAK")]

    words = dict(participation._words())
    words["SPEAK"] = words["SPEAK"] + ("出席",)
    monkeypatch.setattr(participation, "_words", lambda: words)
    participation._verb_kinds.cache_clear()
    try:
        with pytest.raises(ValueError, match="出席 as ATTEND and as SPEAK"):
            participation._verb_kinds()
    finally:
        participation._verb_kinds.cache_clear()
