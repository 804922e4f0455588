"""Generate a corpus of N MB from the sample texts, every document altered.

Each generated document is one of the sample pages with its paragraphs in a
shuffled order (the first block, the page head, stays first) and a unique
sentence added to each paragraph, so that no cache, memo or de-duplication
can skip any of the work; one paragraph in eight also gets a sentence naming
a new office holder (a generated name, a region, a union body, a title), so
the graph grows with the corpus as an archive's would.

    python bench/make_corpus.py OUT_DIR --mb 10 [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "corpus"
DIGITS = "零一二三四五六七八九"
REGIONS = ["北京市", "天津市", "河北省", "山西省", "辽宁省", "吉林省", "江苏省", "浙江省", "安徽省",
           "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "四川省", "贵州省",
           "云南省", "陕西省", "甘肃省", "青海省", "重庆市", "上海市"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力宁晨斌春晖雪琳海鹏波飞凯浩然亮东志宏峰岩松林健毅俊宇"
TITLES = ["主席", "副主席", "党组书记", "常务副主席", "经审会主任", "女职工委员会主任"]
SUBJECTS = ["职工代表", "一线工人", "基层工会干部", "劳动模范", "青年职工", "农民工代表", "技术骨干", "女职工"]
VERBS = ["交流了", "总结了", "讨论了", "介绍了", "汇报了", "学习了", "分享了", "梳理了"]
OBJECTS = ["岗位练兵的做法", "安全生产的经验", "技能培训的成果", "班组建设的体会", "帮扶困难职工的情况",
           "厂务公开的进展", "劳动竞赛的安排", "职工书屋的建设", "集体协商的进展", "职工之家的建设"]
PLACES = ["车间", "班组", "工地", "站区", "分厂", "项目部", "服务站", "企业"]


def numeral(n: int) -> str:
    return "".join(DIGITS[int(d)] for d in str(n))


def unique_sentence(rng: random.Random, serial: int) -> str:
    return (f"{rng.choice(REGIONS)[:-1]}第{numeral(serial)}号{rng.choice(PLACES)}的"
            f"{rng.choice(SUBJECTS)}{rng.choice(VERBS)}{rng.choice(OBJECTS)}。")


def holder_sentence(rng: random.Random) -> str:
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    return f"{rng.choice(REGIONS)}总工会{rng.choice(TITLES)}{name}出席活动并讲话。"


def alter(text: str, rng: random.Random, serial: int) -> tuple[str, int]:
    blocks = [b for b in text.split("\n\n") if b.strip()]
    head, body = blocks[:1], blocks[1:]
    rng.shuffle(body)
    out = []
    for b in head + body:
        serial += 1
        extra = unique_sentence(rng, serial)
        if rng.random() < 0.125:
            extra += holder_sentence(rng)
        out.append(b.rstrip("\n") + extra)
    return "\n\n".join(out) + "\n", serial


def make_corpus(out: Path, mb: float, seed: int = 1, sample: Path = SAMPLE) -> tuple[int, int]:
    """Write about ``mb`` MB of altered documents into ``out``; return (documents, bytes)."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(sample.glob("*.txt"))]
    rng = random.Random(seed)
    target, size, n, serial = int(mb * 1_000_000), 0, 0, 0
    while size < target:
        stem, text = texts[n % len(texts)]
        altered, serial = alter(text, rng, serial)
        data = altered.encode("utf-8")
        sub = out / f"{n // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{n:06d}_{stem[:3]}.txt").write_bytes(data)
        size += len(data)
        n += 1
    return n, size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--mb", type=float, default=10)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    n, size = make_corpus(a.out, a.mb, a.seed)
    print(f"{n} documents, {size / 1e6:.1f} MB in {a.out}")


if __name__ == "__main__":
    main()
