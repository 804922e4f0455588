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


@pytest.mark.parametrize("body, expected", [
    # the partner runs only what its own clause runs
    ("与全国职业教育联盟共同举办“大国工匠走进职业院校”活动，开展“中国梦·劳动美·点赞工匠”摄影展活动。",
     {("吉林省总工会", "大国工匠走进职业院校活动"), ("全国职业教育联盟", "大国工匠走进职业院校活动"),
      ("吉林省总工会", "中国梦·劳动美·点赞工匠摄影展活动")}),
])
def test_activities_runs_partner_in_its_clause(body, expected):
    got, _ = _facts(CHAIR + body, "RUNS")
    assert got == expected


@pytest.mark.parametrize("body, expected", [
    ("实施“手拉手”援助行动助力脱贫攻坚。", {("吉林省总工会", "手拉手援助行动")}),
    ("组织职工参加“安康杯”竞赛。", set()),
    ("围绕实施“中国制造2025”，总结推广一批经验做法。", set()),
    ("叫响做实“四季送”、互助保障等工会服务品牌。", {("吉林省总工会", "四季送"), ("吉林省总工会", "互助保障")}),
])
def test_activities_runs_not_when_joined(body, expected):
    got, _ = _facts(CHAIR + body, "RUNS")
    assert got == expected


@pytest.mark.parametrize("body, expected", [
    # a frame, not a commitment
    ("必须在践行“两个统一”中坚守根本原则。", set()),
    ("这是践行社会主义核心价值观的生动体现。", set()),
    ("坚持以职工为中心是工会维权服务的价值取向。", set()),
    # 〈place〉工会 speaks for that place's union, 全国各级工会 for none
    ("天津市总工会召开会议。天津工会要认真学习贯彻习近平新时代中国特色社会主义思想。",
     {("天津市总工会", "习近平新时代中国特色社会主义思想")}),
    ("全国各级工会以习近平新时代中国特色社会主义思想为指引。", set()),
    ("自治区各级工会要坚持走中国特色社会主义工会发展道路。", set()),
    ("全省各级工会要坚持走中国特色社会主义工会发展道路。", {("吉林省总工会", "中国特色社会主义工会发展道路")}),
])
def test_activities_advocates_frames_and_speakers(body, expected):
    got, _ = _facts(CHAIR + body, "ADVOCATES")
    assert got == expected


LEADER_LIST = ("党的十八大以来，习近平总书记对党的工运事业和工会工作高度重视，形成了习近平总书记关于工人阶级和工会工作的重要论述。主要有：\n\n"
               "——坚持党对工会工作的领导。强调中国共产党领导是中国特色社会主义最本质特征。这是做好工会工作的政治原则和根本保证。\n\n"
               "——坚持全心全意依靠工人阶级。强调工人阶级是我们党最坚实最可靠的阶级基础。\n这是党和国家始终坚持的根本方针。\n\n"
               "——坚持弘扬劳模精神、劳动精神、工匠精神。强调要树立劳动最光荣的理念。\n")


def test_activities_advocates_leader_list_items():
    # 001: the principles a list sets out under 习近平's 论述 are his, one per item
    got, r = _facts(LEADER_LIST, "ADVOCATES")
    assert {t for s, t in got if s == "习近平"} == {
        "坚持党对工会工作的领导", "坚持全心全意依靠工人阶级", "坚持弘扬劳模精神、劳动精神、工匠精神"}
    # the item names the principle, not the spirits inside it
    assert ("习近平", "劳模精神") not in got


@pytest.mark.parametrize("text", [
    "今后五年工会工作的主要任务是：\n\n——坚持加强基层工会建设。着力扩大工会组织覆盖面。\n",  # no leader
    "习近平总书记对工会工作高度重视。\n\n——坚持加强基层工会建设。着力扩大工会组织覆盖面。\n",   # no list
])
def test_activities_advocates_list_item_needs_a_leader_introducing_the_list(text):
    got, r = _facts(text, "ADVOCATES")
    assert not {(s, t) for s, t in got if s == "习近平"}
    assert "坚持加强基层工会建设" in {m.label for m in r.mentions if m.type == "Concept"}


@pytest.mark.parametrize("body, expected", [
    # a body opening a clause with a committing verb commits, not the writer
    ("以政治建设为统领全面加强工会系统党的建设，省总党组坚持以身作则，认真落实新时代党的建设总要求。",
     {("吉林省总工会党组", "新时代党的建设总要求")}),
    # a body's decisions on a concept: the body advocates it
    ("要认真贯彻党中央关于产业工人队伍建设改革的决策部署，切实履行牵头抓总、统筹协调职责。",
     {("中国共产党中央委员会", "产业工人队伍建设改革")}),
    # 围绕……: serving an aim set by others, as for programmes (JOINS)
    ("围绕加快建设现代化经济体系、制造强省、技工大省，充分发挥工人阶级主力军作用。", set()),
])
def test_activities_advocates_subject_policy_and_serving(body, expected):
    got, _ = _facts(CHAIR + body, "ADVOCATES")
    assert got == expected


@pytest.mark.parametrize("body, expected", [
    # 一是……、二是……: an enumerated commitment of the writer, not a 是-frame
    ("一是牢固树立“四个意识”，团结带领广大职工为建设国际一流的和谐宜居之都作出贡献。",
     {("吉林省总工会", "四个意识")}),
    ("治方向。二是坚持“四个面向”，切实做好职工工作。", {("吉林省总工会", "四个面向")}),
    # 高举……旗帜 commits as 坚持 does
    ("全省各级工会要高举习近平新时代中国特色社会主义思想伟大旗帜，团结引领广大职工。",
     {("吉林省总工会", "习近平新时代中国特色社会主义思想")}),
    ("这是践行社会主义核心价值观的生动体现。", set()),
])
def test_activities_advocates_enumerated_items_are_commitments(body, expected):
    got, _ = _facts(CHAIR + body, "ADVOCATES")
    assert got == expected


def test_activities_advocates_any_speaker_for_what_they_stress():
    # a named speaker's 强调/指出 makes the concept theirs, whoever they are
    got, _ = _facts("本报讯 全国总工会主席王东明在会上强调，要大力弘扬劳模精神，增强“四个意识”。\n", "ADVOCATES")
    assert {("王东明", "劳模精神"), ("王东明", "四个意识")} <= got
    # the same list introduced by another speaker is that speaker's
    got, _ = _facts(LEADER_LIST.replace("习近平总书记", "王东明同志"), "ADVOCATES")
    assert ("王东明", "坚持党对工会工作的领导") in got


@pytest.mark.parametrize("text, expected", [
    # the body whose name opens the programme's, a year between
    ("杭州市总工会2024年“金秋助学”活动启动仪式在杭州举行。", {("杭州市总工会", "金秋助学活动")}),
    ("杭州市总工会的“金秋助学”品牌深受职工好评。", {("杭州市总工会", "金秋助学品牌")}),
    ("紧紧围绕杭州市总工会的“金秋助学”品牌开展工作。", set()),
    # hosts in the next sentence (本次活动由……主办，……承办); 协办 hosts nothing
    ("1月20日，“情暖职工 欢乐过年”2025年杭州市新春慰问活动在西湖文化广场举行。\n"
     "本次活动由浙江省总工会指导，杭州市总工会、杭州市妇联主办，某某公司协办。",
     {("杭州市总工会", "情暖职工欢乐过年2025年杭州市新春慰问活动"),
      ("杭州市妇联", "情暖职工欢乐过年2025年杭州市新春慰问活动")}),
    # the sentence's subject keeps its later clauses
    ("下一步，苏州市总工会将指导行业工会联合会加强阵地建设，扩大会员覆盖面，建好“司机之家”。",
     {("苏州市总工会", "司机之家")}),
    # a verb after the programme (正式上线) with the sentence's subject
    ("会上，湖州市总工会副主席王某宣布“湖工惠”服务平台正式上线。", {("湖州市总工会", "湖工惠服务平台")}),
])
def test_activities_runs_named_hosted_and_sentence_subject(text, expected):
    got, _ = _facts(text, "RUNS")
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # bodies governed by 围绕 or followed by 的 are no subjects; the union the piece is about runs it
    ("富平县总工会第十次代表大会举行\n\n会议紧紧围绕县委、县政府的中心工作，以开展“四进”活动为载体，推动工作。",
     {("富平县总工会", "四进活动")}),
    ("杭州市总工会召开表彰大会\n\n大会授予10个优秀女职工班组“杭州市工人先锋号”称号。",
     {("杭州市总工会", "杭州市工人先锋号")}),
    # unions the text does not name are the subject: not the piece's union
    ("嘉兴市总工会举办劳模座谈会\n\n据悉，嘉兴、湖州两地工会联合开展“职工健步走”活动。", set()),
])
def test_activities_runs_by_the_union_a_piece_is_about(text, expected):
    got, _ = _facts(text, "RUNS")
    assert got == expected


def test_activities_runs_a_sets_actions_by_its_runner():
    text = ("原标题：浙江省总工会2024年重点实施的“三大行动”\n重点实施的“三大行动”\n1 产业工人素质提升行动\n●推进改革。\n"
            "2 职工服务暖心行动\n●做好服务。\n3 新就业形态劳动者入会行动\n●推进入会。\n")
    got, r = _facts(text, "RUNS")
    assert got == {("浙江省总工会", x) for x in ("三大行动", "产业工人素质提升行动", "职工服务暖心行动",
                                               "新就业形态劳动者入会行动")}
    assert {f.rule for f in r.facts if f.type == "RUNS" and f.target[1] != "三大行动"} == {"runs-set"}
