"""Events and who took part in them (PARTICIPATED_IN), on sentences written
in the shapes of union news: congresses, numbered sittings, named meetings
and ceremonies; attending, speaking, presiding, holding, being elected."""

import time

import pytest

from extract.corpus import SourceText
from extract.normalise import normalise
from extract.pipeline import extract
from extract.recognisers import events


def _events(text):
    """{label: set of aliases} of the events of ``text``."""
    out = {}
    for m in events.find(normalise(text)):
        out.setdefault(m.label, set()).update(m.aliases)
    return out


def _pi(text):
    r = extract(SourceText("d.txt", None, text, "utf-8"))
    return {(f.source[1], f.target[1]) for f in r.facts if f.type == "PARTICIPATED_IN"}, r


# --- the recogniser -------------------------------------------------------

def test_events_congress_takes_its_region_from_the_page():
    text = "聚焦省工会十六大。3月2日，浙江省工会第十六次代表大会在杭州开幕。"
    got = _events(text)
    assert set(got) == {"浙江省工会第十六次代表大会"}
    assert "省工会十六大" in got["浙江省工会第十六次代表大会"]


@pytest.mark.parametrize("text, label", [
    ("山西工会十四大以来，全省各级工会砥砺前行。", "山西省工会第十四次代表大会"),
    ("5月8日，平遥县总工会第九次代表大会隆重开幕。", "平遥县工会第九次代表大会"),
    ("总结工会十六大以来的主要成绩。", "中国工会第十六次全国代表大会"),
])
def test_events_congress_forms_get_one_label(text, label):
    assert set(_events(text)) == {label}


def test_events_sitting_short_form_is_the_full_one():
    text = ("山西省工会第八届委员会第二次会议，选举赵某为山西省总工会主席。"
            "按照省总八届二次全委会的部署，认真抓好落实。")
    got = _events(text)
    assert set(got) == {"山西省工会第八届委员会第二次会议"}
    assert "省总八届二次全委会" in got["山西省工会第八届委员会第二次会议"]


def test_events_bare_sitting_takes_the_body_that_holds_it():
    got = _events("6月5日，全总召开十八届三次主席团会议，部署下半年工作。")
    assert set(got) == {"中华全国总工会十八届三次主席团会议"}


def test_events_bare_sitting_takes_the_body_of_the_congress_before_it():
    text = ("近日，苏州市快递行业工会联合会第一届第一次会员代表大会召开。"
            "一届一次全体委员会议选举产生了主席、副主席。")
    got = _events(text)
    assert any(label.endswith("一届一次全体委员会议") and label != "一届一次全体委员会议" for label in got)


@pytest.mark.parametrize("text, label", [
    ("4月3日，2024年职工服务体系建设现场推进会在合肥举行。", "2024年职工服务体系建设现场推进会"),
    ("在全省工会财务工作调度会议上的讲话", "全省工会财务工作调度会议"),
    ("湖北省总工会十四届三次全委会暨2023年全省工会工作会议在武汉召开。",
     "湖北省总工会十四届三次全委会暨2023年全省工会工作会议"),
    ("十四届全国人大二次会议在北京开幕。", "第十四届全国人民代表大会第二次会议"),
    ("全省工会系统学习贯彻党的二十大精神专题培训班开班。", "全省工会系统学习贯彻党的二十大精神专题培训班"),
    ("兰州市第十次工代会胜利闭幕。", "兰州市工会第十次代表大会"),
    ("甘肃省十三届人大四次会议在兰州开幕。", "甘肃省十三届人大四次会议"),
    ("中国共产党浙江省第十五次代表大会在杭州开幕。", "中国共产党浙江省第十五次代表大会"),
])
def test_events_named_meetings(text, label):
    assert label in _events(text)


def test_events_whole_region_word_is_filled_from_the_page():
    text = "安徽省总工会召开会议。在全省工会财务工作调度会议上的讲话"
    got = _events(text)
    assert "安徽省工会财务工作调度会议" in got
    assert "全省工会财务工作调度会议" in got["安徽省工会财务工作调度会议"]


def test_events_a_ceremony_is_named_with_its_holder():
    text = "1月8日上午，高新区环卫工人爱心驿站举办揭牌仪式，仪式由区总工会副主席周某主持。"
    got = _events(text)
    assert set(got) == {"高新区环卫工人爱心驿站揭牌仪式"}
    assert "揭牌仪式" in got["高新区环卫工人爱心驿站揭牌仪式"]


@pytest.mark.parametrize("text", [
    "通过召开座谈会、走访调研等方式听取职工意见。",
    "企业要定期召开职工代表大会，建立联席会议制度。",
    "区总工会召开会议，研究部署下一步工作。",
    "市委常委出席送行仪式。",
    "对于全总两个重要会议精神，要认真学习。",
    "今年以来，全市共举办各类培训班120期。",
    "此次会议是一次团结的大会、奋进的大会。",
])
def test_events_generic_meetings_are_not_named(text):
    assert _events(text) == {}


# --- who took part ----------------------------------------------------------

CONGRESS = ("5月8日，平遥县总工会第九次代表大会隆重开幕。县委书记孙某出席会议并讲话，"
            "县人大常委会副主任、县总工会主席钱某主持会议。")


def test_participation_attend_speak_preside_not_the_post_bodies():
    got, _ = _pi(CONGRESS)
    ev = "平遥县工会第九次代表大会"
    assert ("孙某", ev) in got and ("钱某", ev) in got
    # 县委 and 县人大常委会 are the people's posts here, not participants
    assert not any(src in ("平遥县委", "县委", "平遥县人大常委会", "县人大常委会") for src, _ in got)


def test_participation_the_body_its_name_gives_holds_it():
    got, _ = _pi(CONGRESS)
    assert ("平遥县总工会", "平遥县工会第九次代表大会") in got


def test_participation_presided_by_and_elected():
    text = ("3月1日，晋中市工会第五次代表大会在榆次召开。大会由市总工会党组书记吴某主持。"
            "会议选举郑某为晋中市总工会主席。")
    got, _ = _pi(text)
    ev = "晋中市工会第五次代表大会"
    assert ("吴某", ev) in got
    assert ("郑某", ev) in got


def test_participation_bodies_greeting_the_congress():
    text = ("6月2日，忻州市工会第四次代表大会召开。市委书记王建军首先代表市委、市政府，"
            "向大会的胜利召开表示热烈祝贺。")
    got, _ = _pi(text)
    ev = "忻州市工会第四次代表大会"
    assert ("王建军", ev) in got
    assert {("忻州市委", ev), ("忻州市政府", ev)} <= got or {("市委", ev), ("市政府", ev)} <= got


def test_participation_delegates_and_references_take_no_part():
    text = ("3月1日，晋中市工会第五次代表大会在榆次召开。会议选举出出席中国工会第十八次全国代表大会的代表。"
            "市委书记李某要求，认真学习贯彻党的二十大精神。")
    got, _ = _pi(text)
    assert not any(ev in ("中国工会第十八次全国代表大会", "党的二十大") for _, ev in got)
    assert ("李某", "晋中市工会第五次代表大会") in got  # spoke at the piece's congress


def test_participation_holder_of_a_named_meeting():
    got, _ = _pi("6月5日，全总召开十八届三次主席团会议，全总主席钱建国出席并讲话。")
    ev = "中华全国总工会十八届三次主席团会议"
    assert ("中华全国总工会", ev) in got
    assert ("钱建国", ev) in got


def test_participation_people_at_an_event_in_a_speech():
    text = "按照省委副书记周某在省总八届二次全委会上所作的重要讲话要求，抓好落实。山西省总工会召开会议。"
    got, _ = _pi(text)
    assert ("周某", "山西省总工会八届二次全委会") in got


def test_participation_writer_of_a_speech_at_an_event():
    text = ("在全省工会财务工作调度会议上的讲话\n（2021年7月9日）\n陈建国\n同志们：\n"
            "这次会议的主要任务是，总结上半年安徽省总工会财务工作。")
    got, r = _pi(text)
    assert ("陈建国", "安徽省工会财务工作调度会议") in got or ("陈建国", "全省工会财务工作调度会议") in got


def test_participation_evidence_points_at_its_sentence():
    _, r = _pi(CONGRESS)
    facts = [f for f in r.facts if f.type == "PARTICIPATED_IN"]
    assert facts
    for f in facts:
        span = r.text[f.start:f.end]
        assert span and not any(mark in span for mark in "。！？")  # inside one sentence


def test_participation_is_deterministic():
    a, _ = _pi(CONGRESS * 3)
    b, _ = _pi(CONGRESS * 3)
    assert a == b


def test_events_long_text_is_read_quickly():
    text = ("5月8日，平遥县总工会第九次代表大会隆重开幕。县委书记孙某出席会议并讲话，出席会议的还有李某、"
            "赵某。会上，县总工会主席钱某作工作报告。大会表彰了先进集体和个人。") * 800  # about 100 KB
    t = time.perf_counter()
    _pi(text)
    assert time.perf_counter() - t < 20


def test_participation_bodies_that_host_an_event():
    text = "9月10日，由晋中市总工会主办、榆次区总工会承办的2024年职工书法作品展启动仪式在榆次举行。"
    got, _ = _pi(text)
    assert {src for src, _ in got} >= {"晋中市总工会"}


def test_participation_a_report_is_a_speech_only_when_someone_makes_it():
    text = ("3月1日，晋中市工会第五次代表大会在榆次召开。"
            "大会审议通过了关于晋中市总工会第四届委员会工作报告的决议。")
    got, r = _pi(text)
    # the union holds its congress; it does not speak by a report's title
    assert ("晋中市总工会", "晋中市工会第五次代表大会") in got
    assert all(f.rule == "holder" for f in r.facts if f.type == "PARTICIPATED_IN")


def test_participation_bodies_of_a_chain_of_posts_take_no_part():
    text = ("10月21日，晋中市工会第五次代表大会在榆次闭幕。大会闭幕式由市委常委、市人大常委会副主任、"
            "市总工会主席吴建国主持。")
    got, _ = _pi(text)
    assert ("吴建国", "晋中市工会第五次代表大会") in got
    assert not any(src in ("晋中市委", "市委", "晋中市人大常委会", "市人大常委会") for src, _ in got)
