"""Posts in the shapes real union pages write them beyond the plain title
chain: several holders after one chain, titles implying a government,
bodies referred back to, rosters, elections of several people, reporters
at their paper, appositions. Each case is a sentence written for the test
in the shape the dev texts show; the expected posts are (person, body,
title) triples.
"""

import pytest

from extract.corpus import SourceText
from extract.pipeline import extract


def _run(text: str):
    return extract(SourceText("t.txt", None, text, "utf-8"))


def posts(text: str) -> set[tuple[str, str, str]]:
    return {(f.source[1], f.target[1], dict(f.attrs)["title"]) for f in _run(text).facts if f.type == "HOLDS_POST"}


@pytest.mark.parametrize("text, expected", [
    # names listed after one chain hold its titles; a title after 、 is at its last body
    ("浙江省总工会副主席张建国、李卫东出席会议。",
     {("张建国", "浙江省总工会", "副主席"), ("李卫东", "浙江省总工会", "副主席")}),
    ("宁波市总工会主席刘海涛、副主席陈晓红和市委书记赵立强参加。",
     {("刘海涛", "宁波市总工会", "主席"), ("陈晓红", "宁波市总工会", "副主席"),
      ("赵立强", "宁波市委", "书记")}),
    # after a comma only a title of the same family: 书记 does not make 副市长 a 市委 post
    ("宁波市总工会主席刘海涛，副主席陈晓红出席。",
     {("刘海涛", "宁波市总工会", "主席"), ("陈晓红", "宁波市总工会", "副主席")}),
    # the names listed after a later title hold that title, not the chain's first
    ("宁波市总工会主席胡海军，副主席陈晓明、周立伟、林美静出席。",
     {("胡海军", "宁波市总工会", "主席"), ("陈晓明", "宁波市总工会", "副主席"),
      ("周立伟", "宁波市总工会", "副主席"), ("林美静", "宁波市总工会", "副主席")}),
])
def test_holders_listed_after_a_chain_share_its_body(text, expected):
    assert posts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("天津市副市长孙立国出席仪式。", {("孙立国", "天津市政府", "副市长")}),
    ("北京市委副书记、市长张庆华讲话。", {("张庆华", "北京市委", "副书记"), ("张庆华", "北京市政府", "市长")}),
    ("澳門特區行政長官賀一誠致詞。", {("贺一诚", "澳门特别行政区政府", "行政长官")}),
])
def test_government_titles_are_posts_at_the_regions_government(text, expected):
    assert posts(text) == expected


def test_government_implied_by_a_title_keeps_no_title_as_a_name():
    r = _run("北京市委副书记、市长张庆华讲话。")
    gov = [m for m in r.mentions if m.label == "北京市政府"]
    assert gov and all(m.implied for m in gov)
    assert "北京市人民政府" in gov[0].aliases


def test_bare_mayor_without_a_government_holds_nothing():
    assert posts("会上，副市长刘明讲话。") == set()


@pytest.mark.parametrize("text, expected", [
    # 局 refers back to the bureau named before it
    ("淮安市交通运输局党委书记、局长徐成东，局党委委员、副局长汪卫平参加会议。",
     {("徐成东", "淮安市交通运输局", "党委书记"), ("徐成东", "淮安市交通运输局", "局长"),
      ("汪卫平", "淮安市交通运输局", "党委委员"), ("汪卫平", "淮安市交通运输局", "副局长")}),
    ("海南英利新能源有限公司是一家光伏企业。该公司工会主席朱红梅介绍了经验。",
     {("朱红梅", "海南英利新能源有限公司工会", "主席")}),
])
def test_a_bare_body_word_refers_back_to_the_body_named_before(text, expected):
    assert posts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("江苏省总工会领导\n主席：张建国\n副主席：李卫东、王晓燕\n",
     {("张建国", "江苏省总工会", "主席"), ("李卫东", "江苏省总工会", "副主席"),
      ("王晓燕", "江苏省总工会", "副主席")}),
    ("江苏省总工会领导班子\n张建国 党组书记、主席\n李卫东 副主席\n",
     {("张建国", "江苏省总工会", "党组书记"), ("张建国", "江苏省总工会", "主席"),
      ("李卫东", "江苏省总工会", "副主席")}),
    ("江苏省总工会领导成员：张建国（党组书记、主席），李卫东（副主席）。",
     {("张建国", "江苏省总工会", "党组书记"), ("张建国", "江苏省总工会", "主席"),
      ("李卫东", "江苏省总工会", "副主席")}),
])
def test_roster_lines_give_posts_at_their_heading_body(text, expected):
    assert posts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("大会选举产生了江苏省总工会第十五届委员会，张建国当选为主席，李卫东、王晓燕当选为副主席。",
     {("张建国", "江苏省总工会", "主席"), ("李卫东", "江苏省总工会", "副主席"),
      ("王晓燕", "江苏省总工会", "副主席")}),
    ("会议选举张建国、李卫东为江苏省总工会副主席。",
     {("张建国", "江苏省总工会", "副主席"), ("李卫东", "江苏省总工会", "副主席")}),
    # the elected named later in the sentence
    ("常州代表中有3人当选省总工会第十五届委员会委员，他们分别是方建国、邓卫东和刘晓燕。",
     {("方建国", "江苏省总工会", "委员"), ("邓卫东", "江苏省总工会", "委员"), ("刘晓燕", "江苏省总工会", "委员")}),
    # how one was elected stands between the name and the verb
    ("成都分院工会主席赵永强以满票当选四川省总工会第十三届委员会委员。",
     {("赵永强", "成都分院工会", "主席"), ("赵永强", "四川省总工会", "委员")}),
])
def test_elections_of_several_people_with_or_without_the_body_written(text, expected):
    assert posts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("新华社北京10月21日电（记者车晓明、陈立新）大会闭幕。", {("车晓明", "新华通讯社", "记者"), ("陈立新", "新华通讯社", "记者")}),
    ("南海网记者陈立新摄", {("陈立新", "南海网", "记者")}),
    # 本报 is the paper in the page's masthead
    ("天津日报\n\n本报讯（记者吴晓婵）代表启程赴京。", {("吴晓婵", "天津日报", "记者")}),
])
def test_reporters_hold_a_post_at_the_paper_their_credit_names(text, expected):
    assert posts(text) == expected


def test_our_reporter_without_a_masthead_holds_nothing():
    assert posts("本报记者 张晓明 报道 会议召开。") == set()


@pytest.mark.parametrize("text, expected", [
    ("张建国（江苏省总工会副主席）出席。", {("张建国", "江苏省总工会", "副主席")}),
    ("张建国是江苏省总工会副主席。", {("张建国", "江苏省总工会", "副主席")}),
    ("张建国，男，1965年生，现任北京市总工会副主席。", {("张建国", "北京市总工会", "副主席")}),
    ("作者：张建国 江苏省总工会副主席\n\n正文。", {("张建国", "江苏省总工会", "副主席")}),
])
def test_a_name_written_before_its_posts_holds_them(text, expected):
    assert posts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a title chain with no name after the lexicon's surnames (散 is rare)
    ("天津日报讯 市委常委、市总工会主席散襄军，出席仪式。",
     {("散襄军", "天津市委", "常委"), ("散襄军", "天津市总工会", "主席")}),
    ("中共中央政治局委員、全國人大常委會副委員長、中華全國總工會主席王兆國主持。",
     {("王兆国", "中共中央政治局", "委员"), ("王兆国", "全国人民代表大会常务委员会", "副委员长"),
      ("王兆国", "中华全国总工会", "主席")}),
    ("外交部駐澳門特派員沈蓓莉出席。", {("沈蓓莉", "中华人民共和国外交部", "驻澳门特派员")}),
    ("据杭州市总工会相关负责人赵卫东介绍，专项行动已启动。", {("赵卫东", "杭州市总工会", "负责人")}),
])
def test_chains_read_through_rare_surnames_and_long_titles(text, expected):
    assert posts(text) == expected


def test_dictionary_words_after_a_chain_are_not_holders():
    assert posts("大会上，省总工会主席致辞，代表们热烈鼓掌。") == set()


@pytest.mark.parametrize("text, expected", [
    ("澳门工会联合总会举行晚宴。会长何雪清致辞，副会长李卫东出席。",
     {("何雪清", "澳门工会联合总会", "会长"), ("李卫东", "澳门工会联合总会", "副会长")}),
    # 工联会 on a Macau page is Macau's federation
    ("澳门工会联合总会举行晚宴。工联会长何雪清致辞。", {("何雪清", "澳门工会联合总会", "会长")}),
])
def test_union_titles_without_a_body_are_at_the_union_just_named(text, expected):
    assert posts(text) == expected


@pytest.mark.parametrize("text", ["劳动部", "江苏省总工会领导\n张建国", "江苏省总工会\n主席", "市总工会主席 ", "主席：",
                                  "张建国（", "江苏省总工会领导\n张建国 "])
def test_texts_ending_inside_a_post_do_not_break_the_reader(text):
    posts(text)  # no exception: a page may end anywhere


@pytest.mark.parametrize("text, expected", [
    ("黄石市总工会副调研员周建明参加。", {("周建明", "黄石市总工会", "副调研员")}),
    ("市总工会二级调研员陈丽华出席。", {("陈丽华", "市总工会", "二级调研员")}),
    ("福州高新区总工会专干林晓燕参加。", {("林晓燕", "福州高新区总工会", "专干")}),
])
def test_civil_service_ranks_and_full_time_union_cadres_are_posts(text, expected):
    assert posts(text) == expected


def test_a_post_at_a_unions_centre_is_at_the_centre_a_sub_body_of_the_union():
    r = _run("山东省总工会职工帮扶中心主任赵立新介绍情况。")
    assert {(f.source[1], f.target[1], dict(f.attrs)["title"]) for f in r.facts if f.type == "HOLDS_POST"} == {
        ("赵立新", "山东省总工会职工帮扶中心", "主任")}
    assert ("山东省总工会职工帮扶中心", "山东省总工会") in {
        (f.source[1], f.target[1]) for f in r.facts if f.type == "SUBORGANIZATION_OF"}
    assert posts("省总工会党组书记王立军出席。") == {("王立军", "省总工会", "党组书记")}


def test_a_roster_with_each_name_on_its_own_line_gives_the_posts_of_the_line_below():
    text = ("浙江省总工会领导\n\n王建华\n浙江省总工会党组书记、常务副主席\n\n李   梅\n浙江省总工会副主席\n\n"
            "赵国强\n经费审查委员会主任\n")
    assert posts(text) == {("王建华", "浙江省总工会", "党组书记"), ("王建华", "浙江省总工会", "常务副主席"),
                           ("李梅", "浙江省总工会", "副主席"), ("赵国强", "浙江省总工会", "经费审查委员会主任")}


def test_a_name_line_gives_no_post_when_the_line_below_goes_on_past_its_chain():
    assert not posts("王建华\n浙江省总工会副主席在会上指出要做好服务工作。\n")


def test_an_open_title_runs_through_a_unit_only_straight_after_its_body():
    assert posts("中国一重集团有限公司铸锻钢事业部冶炼车间电炉班大班长刘四海说。") == {
        ("刘四海", "中国一重集团有限公司", "铸锻钢事业部冶炼车间电炉班大班长")}
    assert ("周俊明", "香港工会联合会", "联同中央驻港联络办公室副主任") not in posts(
        "工联会负责人联同中央驻港联络办公室副主任周俊明出席。")


@pytest.mark.parametrize("text, expected", [
    ("南通市总工会  副主席  刘建国", {("刘建国", "南通市总工会", "副主席")}),
    ("连云港市总工会副主席（挂职）韩冬梅参加。", {("韩冬梅", "连云港市总工会", "挂职副主席")}),
    ("连云港市总工会副主席(兼职)韩冬梅参加。", {("韩冬梅", "连云港市总工会", "兼职副主席")}),
])
def test_a_roster_column_and_a_bracketed_qualifier_keep_the_post(text, expected):
    assert posts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("李志刚，男，中国第一汽车集团有限公司红旗工厂总装车间班长。",
     {("李志刚", "中国第一汽车集团有限公司", "红旗工厂总装车间班长")}),
    ("陈丽，女，汉族，1980年生，成都市第三人民医院护士长。", {("陈丽", "成都市第三人民医院", "护士长")}),
])
def test_a_profile_lines_subject_holds_the_post_that_closes_it(text, expected):
    assert posts(text) == expected


def test_a_sentence_with_long_clauses_before_a_post_gives_its_opener_no_post():
    text = "王刚，在全省职工技能大赛中获得第一名的选手，成都市第三人民医院护士长。"
    assert not [p for p in posts(text) if p[0] == "王刚"]
