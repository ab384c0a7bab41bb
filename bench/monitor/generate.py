#!/usr/bin/env python3
"""Writes the files of the monitor benchmark: a fictional municipality (GM9999) of W wijken with
B buurten each, I indicators, and a long CSV of measurements for every area, indicator and year.

The figures are synthetic: a value drawn around a level per indicator, with a small drift per
year, so that the index and trends have something to work with. The seed is fixed, so every run
writes the same files.
"""

import argparse
import random
from pathlib import Path

UNITS = ["percentage", "aantal", "per_1000", "score_1_10", "schaal_0_10"]
# The units' bounds, as the importer checks them.
BOUNDS = {"percentage": (0.0, 100.0), "score_1_10": (1.0, 10.0), "schaal_0_10": (0.0, 10.0)}
THEMES = ["sociaal", "fysiek", "veiligheid", "participatie"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--wijken", type=int, default=100)
    parser.add_argument("--buurten-per-wijk", type=int, default=9)
    parser.add_argument("--indicators", type=int, default=50)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--first-year", type=int, default=2006)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20261129)

    wijken = [f"WK9999{w:02d}" for w in range(args.wijken)]
    buurten = [f"BU9999{w:02d}{b:02d}" for w in range(args.wijken) for b in range(args.buurten_per_wijk)]
    with open(args.out / "gebieden.csv", "w", encoding="utf-8") as areas:
        areas.write("code,name,level,parent_code\n")
        areas.write("GM9999,Voorbeeldstad,gemeente,\n")
        for w, code in enumerate(wijken):
            areas.write(f"{code},Wijk {w + 1},wijk,GM9999\n")
        for code in buurten:
            areas.write(f"{code},Buurt {code[-4:]},buurt,{code[:8].replace('BU', 'WK')}\n")

    indicators = []
    with open(args.out / "indicatoren.sql", "w", encoding="utf-8") as sql:
        sql.write("BEGIN;\n")
        for i in range(args.indicators):
            unit = UNITS[i % len(UNITS)]
            theme = THEMES[i % len(THEMES)]
            direction = "lager_is_beter" if i % 3 == 2 else "hoger_is_beter"
            kind = "subjectief" if i % 2 else "objectief"
            code = f"ind_{i:02d}"
            level = {"percentage": 50.0, "aantal": 400.0, "per_1000": 30.0, "score_1_10": 7.0, "schaal_0_10": 5.0}[unit]
            indicators.append((code, unit, level))
            sql.write(
                "INSERT INTO indicators (body_id, code, name, definition, unit, direction, theme, kind, source, "
                "status, is_key, is_published, decimals, created_at, updated_at) VALUES ("
                f"(SELECT id FROM bodies WHERE cbs_code = 'GM9999'), '{code}', 'Indicator {i + 1}', "
                f"'Synthetische indicator {i + 1} voor de benchmark', '{unit}', '{direction}', '{theme}', '{kind}', "
                f"'Benchmark', 'vastgesteld', {1 if i < 8 else 0}, 1, 1, "
                "'2026-11-29T00:00:00Z', '2026-11-29T00:00:00Z');\n"
            )
        sql.write("COMMIT;\n")

    rows = 0
    with open(args.out / "metingen.csv", "w", encoding="utf-8") as out:
        out.write("area_code,indicator,period,value\n")
        for code in ["GM9999", *wijken, *buurten]:
            for indicator, unit, level in indicators:
                base = level * rng.uniform(0.7, 1.3)
                drift = level * rng.uniform(-0.01, 0.01)
                for y in range(args.years):
                    value = base + drift * y + level * rng.uniform(-0.03, 0.03)
                    low, high = BOUNDS.get(unit, (0.0, float("inf")))
                    value = min(max(value, low), high)
                    out.write(f"{code},{indicator},{args.first_year + y},{value:.1f}\n")
                    rows += 1
    print(rows)


if __name__ == "__main__":
    main()
