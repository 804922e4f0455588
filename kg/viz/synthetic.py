"""Generated graphs of any size, for benchmarks and tests of the page.

Chinese labels, every node and edge type, post titles and evidence
sentences; a few hubs (targets are drawn with a skew), as in real corpora.
The same ``n`` and ``seed`` give the same graph.

>>> g = synthetic_graph(200)
>>> len(g.nodes)
200
"""

from __future__ import annotations

import random

from kg.model import Evidence, KnowledgeGraph

SHARE = (("Person", 0.34), ("Organization", 0.28), ("Region", 0.05), ("Programme", 0.1),
         ("Concept", 0.08), ("Document", 0.06), ("Event", 0.04), ("Article", 0.05))
SUFFIX = {"Person": "", "Organization": "总工会", "Region": "市", "Programme": "行动",
          "Concept": "精神", "Document": "条例", "Event": "代表大会", "Article": "报道"}
CHARS = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
TITLES = ("主席", "副主席", "党组书记", "常务副主席", "书记处书记", "权益保障部部长")


def synthetic_graph(n: int, seed: int = 1) -> KnowledgeGraph:
    rng = random.Random(seed)
    g = KnowledgeGraph({"synthetic": n})
    ids: dict[str, list[str]] = {t: [] for t, _ in SHARE}
    counts = [(t, max(1, int(n * s))) for t, s in SHARE]
    counts[0] = ("Person", n - sum(c for _, c in counts[1:]))
    for type_, count in counts:
        for i in range(count):
            name = "".join(rng.choice(CHARS) for _ in range(2 if type_ == "Person" else 3))
            label = f"{name}{SUFFIX[type_]}{i}"
            ids[type_].append(g.add_node(type_, label, aliases=[name + str(i)] if i % 5 == 0 else [],
                                         docs=[f"doc{i % 50:02d}.txt"]))

    def pick(type_: str) -> str:
        pool = ids[type_]
        return pool[int(len(pool) * rng.random() ** 2.5)]

    def ev(a: str, b: str) -> list[Evidence]:
        s = f"{g.nodes[a].label}与{g.nodes[b].label}有关。"
        start = rng.randrange(0, 5000)
        return [Evidence(f"doc{rng.randrange(50):02d}.txt", s, start, start + len(s))]

    plan = (("Person", "Organization", "HOLDS_POST"), ("Organization", "Region", "LOCATED_IN"),
            ("Organization", "Organization", "SUBORGANIZATION_OF"), ("Organization", "Programme", "RUNS"),
            ("Programme", "Programme", "PART_OF"), ("Organization", "Concept", "ADVOCATES"),
            ("Organization", "Document", "ISSUED"), ("Person", "Event", "PARTICIPATED_IN"),
            ("Person", "Article", "AUTHORED"))
    for type_, pool in ids.items():
        for nid in pool:
            for src_t, tgt_t, rel in plan:
                if type_ == src_t and rng.random() < 0.45:
                    tgt = pick(tgt_t)
                    if tgt != nid:
                        attrs = {"title": rng.choice(TITLES)} if rel == "HOLDS_POST" else {}
                        g.add_edge(nid, tgt, rel, evidence=ev(nid, tgt), **attrs)
                if type_ == tgt_t and src_t != tgt_t and rel != "HOLDS_POST" and rng.random() < 0.25:
                    src = pick(src_t)
                    g.add_edge(src, nid, rel, evidence=ev(src, nid))
            if type_ == "Person" and rng.random() < 0.3:
                org = pick("Organization")
                g.add_edge(nid, org, "HOLDS_POST", title=rng.choice(TITLES), evidence=ev(nid, org))
    for art in ids["Article"]:
        for _ in range(6):
            t = rng.choice(("Person", "Organization", "Region", "Concept"))
            g.add_edge(art, pick(t), "MENTIONS")
    return g
