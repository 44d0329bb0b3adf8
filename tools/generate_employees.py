#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes examples/data/employees.csv: made-up employees of a made-up company.

Deterministic (a fixed seed), so the file in the repository can be checked
against a fresh run: `tools/generate_employees.py --check`. The org unit keys
match the tree examples/hr_onboarding creates.
"""

import argparse
import csv
import datetime
import io
import pathlib
import random
import sys

UNITS = {  # org unit key -> (department, titles)
    "eng-platform": ("Engineering", ["Engineer", "Senior Engineer", "SRE"]),
    "eng-apps": ("Engineering", ["Engineer", "Senior Engineer", "Designer"]),
    "sales-emea": ("Sales", ["Account Executive", "Sales Engineer"]),
    "sales-amer": ("Sales", ["Account Executive", "Sales Engineer"]),
    "hr": ("People", ["HR Partner", "Recruiter"]),
    "finance": ("Finance", ["Accountant", "Analyst"]),
    "ops": ("Operations", ["Technician", "Coordinator", "Driver"]),
}
LOCATIONS = ["Berlin", "Lisbon", "Toronto", "Austin", "Nairobi", "Osaka"]
FIRST = ["Ada", "Bruno", "Chen", "Dalia", "Emeka", "Fatima", "Goran", "Hana",
         "Ivan", "Jonas", "Kiri", "Lena", "Mateo", "Noor", "Olga", "Priya",
         "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Yara",
         "Zoltan", "Åsa", "Émile", "Łucja"]
LAST = ["Abara", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "García",
        "Haddad", "Ito", "Jensen", "Kowalski", "Larsen", "Moreau", "Nakamura",
        "Okafor", "Petrov", "Quispe", "Rossi", "Schmidt", "Tanaka", "Usman",
        "Varga", "Weber", "Xu", "Yilmaz", "Zhou", "O'Neill"]
COLUMNS = ["key", "display_name", "email", "org_unit", "manager_key",
           "hire_date", "status", "attributes.department", "attributes.title",
           "attributes.location"]


def employees(count, seed):
    rng = random.Random(seed)
    heads = {}
    rows = []
    start = datetime.date(2012, 1, 1)
    for n in range(1, count + 1):
        key = f"E{n:05d}"
        unit = rng.choice(sorted(UNITS))
        department, titles = UNITS[unit]
        first, last = rng.choice(FIRST), rng.choice(LAST)
        if unit not in heads:
            heads[unit] = key
            title, manager = "Manager", ""
        else:
            title, manager = rng.choice(titles), heads[unit]
        hired = start + datetime.timedelta(days=rng.randrange(0, 5000))
        status = "suspended" if rng.random() < 0.02 else "active"
        email = f"{first}.{last}.{n}@example.com".lower().replace("'", "")
        rows.append([key, f"{first} {last}", email, unit, manager,
                     hired.isoformat(), status, department, title,
                     rng.choice(LOCATIONS)])
    return rows


def render(rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return out.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--output", type=pathlib.Path,
                        default=pathlib.Path(__file__).resolve().parent.parent
                        / "examples" / "data" / "employees.csv")
    parser.add_argument("--check", action="store_true",
                        help="fail when the output file differs")
    args = parser.parse_args()
    text = render(employees(args.count, args.seed))
    if args.check:
        if args.output.read_text(encoding="utf-8") != text:
            sys.exit(f"{args.output} is stale: rerun {sys.argv[0]}")
        return
    args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
