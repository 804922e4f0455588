"""Splitting pages into articles: bylines, notes, credits, continuations,
and pieces interleaved on a page."""

import pytest

from extract.corpus import SourceText
from extract.pipeline import extract

BODY = "工会要团结引导广大职工听党话、跟党走，为实现中华民族伟大复兴的中国梦而奋斗。"


def _run(text: str):
    return extract(SourceText("p.txt", None, text, "utf-8"))


@pytest.mark.parametrize("byline, author", [
    ("杨忠林 辽宁省人大常委会副主任、省总工会主席", "杨忠林"),          # name first (000)
    ("北京市人大常委会副主任、市总工会主席 刘 伟", "刘伟"),             # name last, padded (003)
    ("马璐", "马璐"),                                                    # name alone (004)
])
def test_articles_byline_in_both_orders_names_the_author(byline, author):
    r = _run(f"学习贯彻重要论述\n\n{byline}\n\n{BODY}\n")
    signed = [a for a in r.articles if a.authors]
    assert [a.authors[0][1] for a in signed] == [author]
    assert signed[0].title == "学习贯彻重要论述"


def test_articles_masthead_dates_the_page():
    r = _run("本版编辑：兰增干 版式：张 瑜\n2018年10月29日 星期一\n\n" + BODY)
    assert {a.date for a in r.articles} == {"2018-10-29"}


def test_articles_news_credit_and_continuation_start_pieces():
    text = (f"（上接第1版）{BODY}\n\n川渝两地工会联合开展就业创业活动\n\n"
            f"本报讯（记者朱欣）在全国总工会指导下，川渝区域工会就业协作系列活动9月26日启动。{BODY}\n")
    r = _run(text)
    kinds = [a.kind for a in r.articles]
    assert kinds == ["continued", "credit"]
    assert r.articles[1].authors == [("Person", "朱欣", "")]
    assert r.articles[1].title == "川渝两地工会联合开展就业创业活动"


def test_articles_interleaved_piece_is_stitched_back_to_its_author():
    # 003: the Beijing piece stops at 和北 and goes on under another heading
    text = ("深化工会改革 服务职工群众\n\n北京市人大常委会副主任、市总工会主席 刘 伟\n\n"
            f"{BODY}\n\n5年来，北京市总工会在全国总工会和北\n\n"
            "忠诚党的事业 竭诚服务职工\n\n河北省人大常委会党组副书记、副主任、省总工会主席 王晓东\n\n"
            "中国工会十七大隆重召开，对于工会组织深入学习贯彻习近平新时代中国特色社会主义思想具有十分重要的意义。\n\n京市委的正确领导下，围绕中心、服务大局，开拓进取、改革创新，首都工运事业呈现出蓬勃发展的崭新局面。\n")
    r = _run(text)
    last = r.articles[-1]
    assert last.kind == "stitched" and [a[1] for a in last.authors] == ["刘伟"]
    orgs = {m.label for m in r.mentions if m.type == "Organization"}
    assert "北京市委" in orgs


def test_articles_signed_opening_is_never_taken_by_another_piece():
    text = ("立足新时代 勇担新使命\n\n天津市人大常委会副主任、市总工会主席 梁宝明\n\n"
            "治方向。二是坚持“四个面向”，切实做好职工工作，要把服务职工作为工会一切工作的出发点。\n\n"
            "其他标题\n\n某某 辽宁省总工会主席\n\n贯彻大会精神，一是要旗帜鲜明讲政治，坚持工会工作正确政\n")
    r = _run(text)
    first = r.articles[0]
    assert [a[1] for a in first.authors] == ["梁宝明"]
    assert all(a.kind != "stitched" for a in r.articles)


def _author_at(r, snippet):
    pos = r.text.index(snippet)
    art = next(a for a in r.articles if a.start <= pos < a.end)
    return [a[1] for a in art.authors]


def test_articles_column_continued_above_its_heading_goes_to_that_piece():
    # 003: the Tianjin piece opens mid-word (治方向) under its byline; its
    # beginning was printed further up (……正确政), after the Zhejiang piece
    text = ("开启新征程 成就新作为\n\n浙江省人大常委会副主任、省总工会主席 史济锡\n\n"
            "习近平总书记在浙江工作期间对工会工作高度重视，为浙江工会工作指明了前进方向。\n\n"
            "在新的历史起点上，浙江工会将以习近平总书记关于工人阶级和工会工作的重要论述为指导，翻篇归零再出发。\n\n"
            "中国工会第十七次代表大会是中国工人阶级和工会组织的大事、盛事、喜事。天津工会要认真学习贯彻大会精神。\n\n"
            "贯彻中国工会十七大精神，一是要旗帜鲜明讲政治。必须牢固树立“四个意识”，坚决做到“两个维护”，始终保持工会工作正确政\n\n"
            "过去的5年，是中国工运事业蓬勃发展的5年，各项工作都取得了明显成效。\n\n"
            "立足新时代 勇担新使命\n\n天津市人大常委会副主任、市总工会主席 梁宝明\n\n"
            "治方向。二是坚持“四个面向”，切实做好职工工作，切实解决职工最关心最直接最现实的利益问题。\n")
    r = _run(text)
    assert _author_at(r, "必须牢固树立") == ["梁宝明"]
    assert _author_at(r, "天津工会要") == ["梁宝明"]
    assert _author_at(r, "浙江工会将") == ["史济锡"]      # another place's paragraph ends the run
    assert _author_at(r, "过去的5年") == ["史济锡"]       # after the run: back to the piece it was in
    assert _author_at(r, "治方向") == ["梁宝明"]
    got = {(f.source[1], f.target[1]) for f in r.facts if f.type == "ADVOCATES"}
    assert ("天津市总工会", "四个意识") in got and ("浙江省总工会", "四个意识") not in got


def test_articles_piece_running_on_under_the_next_heading_keeps_its_author():
    # 000: the Hubei piece stops at 发展程 and runs on (度赛跑) under the next byline
    text = ("沿着中国特色社会主义工会发展道路奋勇前进\n\n董永祥 湖北省总工会党组书记、常务副主席\n\n"
            "必须在推进“两项改革”中激发动力活力。坚持工会发展道路必须把深化工会改革和推进产业工人队伍建设改革协同起来，"
            "增强与改革窗口期赛跑、与经济社会发展程\n\n"
            "认真履行工会维权服务基本职责\n\n栗斌 全国总工会权益保障部部长\n\n"
            "度赛跑、与产业工人队伍壮大速度赛跑的责任感紧迫感，推动“两项改革”再出发。\n\n"
            "三、奋力推动中国特色社会主义工会发展道路在湖北落地生根、开花结果、形成生动实践\n")
    r = _run(text)
    assert _author_at(r, "度赛跑") == ["董永祥"]
    assert _author_at(r, "奋力推动") == ["董永祥"]
    assert "栗斌" not in {f.source[1] for f in r.facts if f.type == "ADVOCATES"}


def test_articles_numbered_heading_is_not_a_cut_paragraph():
    # 000: 四、……积极作用 + 以弘扬…… reads as 作用|以 (用以), but a heading is not cut off
    text = ("把全心全意依靠工人阶级的方针落到实处\n\n郭大为 陕西省人大常委会副主任、省总工会主席\n\n"
            "全心全意依靠工人阶级，必须认真履行维护职工合法权益、竭诚服务职工群众的基本职责。\n\n"
            "四、全心全意依靠工人阶级，重在发挥工会组织积极作用\n\n"
            "工会只有增“三性”、去“四化”，才能同职工群众打成一片、融为一体。\n\n"
            "大力弘扬劳模精神、劳动精神、工匠精神\n\n陈杰平 中国机械冶金建材工会主席\n\n"
            "近年来，我们着重从三个方面入手，立足基层，大力弘扬劳模精神、劳动精神、工匠精神，取得良好成效。\n\n"
            "以弘扬劳模精神、劳动精神、工匠精神为内核，深入开展技能素质提升活动。\n")
    r = _run(text)
    assert _author_at(r, "以弘扬") == ["陈杰平"]
    assert all(a.kind != "stitched" for a in r.articles)
