"""Write a synthetic catalog of N countries x M entries, valid against migcli's schema.

    python bench/make_catalog.py OUT_DIR --countries 1000 --entries 50

Names are made-up words, so nothing here can be mistaken for real data. Only 676 two-letter
ISO codes exist and migcli refuses a code used twice, so records past the 676th are written as
regional records (kind = "region", no codes); every command treats them alike.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from migcli.registry import SECTIONS

SYLLABLES = ("ka", "lo", "mi", "ren", "tu", "sa", "vor", "en", "qui", "dal", "po", "ne", "ra")
WORDS = (
    "office",
    "council",
    "unit",
    "programme",
    "border",
    "refugee",
    "return",
    "labour",
    "visa",
    "agency",
    "commission",
    "network",
    "centre",
    "service",
    "reform",
    "plan",
)


def word(rng: random.Random, parts: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


def country_toml(index: int, entries: int, rng: random.Random) -> str:
    cid = f"syn-{index:04d}"
    letters = [chr(65 + (index // 26**i) % 26) for i in range(3)]
    lines = [
        f'id = "{cid}"',
        f'name = "Synthland {word(rng).title()} {index}"',
        f'local_name = "Sintelandia {index}"',
    ]
    if index < 26 * 26:
        lines += [f'iso2 = "{letters[0]}{letters[1]}"', f'iso3 = "{"".join(letters)}"']
    else:
        lines.append('kind = "region"')
    lines += [
        f'aliases = ["synth {index}"]',
        'roles = ["origin", "transit"]',
        f'summary = "A synthetic country number {index} for benchmarks."',
        'as_of = "2026-01-01"',
        "",
        "[[sources]]",
        'id = "synthetic"',
        'title = "Synthetic benchmark source"',
        'publisher = "migcli bench"',
        'kind = "other"',
        'url = "https://example.org/synthetic"',
        'published = "2026"',
    ]
    for n in range(entries):
        section = SECTIONS[n % len(SECTIONS)]
        name = f"{word(rng).title()} {rng.choice(WORDS)} {rng.choice(WORDS)}"
        lines += [
            "",
            f"[[{section}]]",
            f'id = "e{n}"',
            f'name = "{name}"',
            f'acronym = "{word(rng, 2).upper()}{n}"',
            f'established = "{rng.randint(1950, 2025)}"',
            f'description = "The {name} handles {rng.choice(WORDS)} and {rng.choice(WORDS)} '
            f'matters in {word(rng)} province, with {rng.choice(WORDS)} duties."',
            f'tags = ["{rng.choice(WORDS)}"]',
            'sources = ["synthetic"]',
        ]
        if section == "policy_changes":
            lines.append(f'date = "{rng.randint(1990, 2025)}-0{rng.randint(1, 9)}"')
    return "\n".join(lines) + "\n"


def write_catalog(out: Path, countries: int, entries: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for i in range(countries):
        (out / f"syn-{i:04d}.toml").write_text(country_toml(i, entries, rng), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--countries", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=50)
    args = parser.parse_args()
    write_catalog(args.out, args.countries, args.entries)


if __name__ == "__main__":
    main()
