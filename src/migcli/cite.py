"""`cite`: the sources behind an entry or a country, in forms reference managers read.

CSL-JSON is the base (what Zotero and pandoc read); BibTeX and RIS are written from the same
fields; `text` is rendered from the CSL-JSON by citeproc-py in the Harvard (Cite Them Right)
style it ships, so the wording follows a published citation style, not our own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from migcli.shapes import CountryRecord, SourceRecord

_CSL_TYPES = {
    "official": "report",
    "intergovernmental": "report",
    "research": "report",
    "press": "article-newspaper",
    "ngo": "report",
    "other": "webpage",
}
_VERBATIM = ("url", "urldate", "date")  # addresses have no braces or spaces: read as written
_LAW = re.compile(r"\b(ley|decreto|decree|law|act|reglamento|acuerdo gubernativo)\b", re.I)


def csl_item(country: CountryRecord, number: int, source: SourceRecord) -> dict[str, Any]:
    """One source as a CSL-JSON item, with a stable id: country-source."""
    kind = source["kind"] or "other"
    kind_type = _CSL_TYPES.get(kind, "webpage")
    if kind == "official" and _LAW.search(source["title"]) and not source["url"]:
        kind_type = "legislation"
    item: dict[str, Any] = {
        "id": f"{country['id']}-{source['id']}",
        "type": kind_type,
        "title": source["title"],
        "publisher": source["publisher"],
        "note": f"Source [{number}] of the {country['name']} record; kind: {kind}.",
    }
    if kind == "press":
        item["container-title"] = source["publisher"]
    if source["published"]:
        item["issued"] = {"date-parts": [_parts(source["published"])]}
    if source["accessed"]:
        item["accessed"] = {"date-parts": [_parts(source["accessed"])]}
    if source["url"]:
        item["URL"] = source["url"]
    if source["reference"]:
        item["note"] += f" Reference: {source['reference']}"
    if source["note"]:
        item["note"] += f" {source['note']}"
    return item


def _parts(date: str) -> list[int]:
    return [int(p) for p in date.split("-")]


def to_bibtex(items: list[dict[str, Any]]) -> str:
    """One entry per item: @techreport, @article, @legislation or @misc, by CSL type."""
    kinds = {"report": "techreport", "article-newspaper": "article", "legislation": "legislation"}
    out = []
    for item in items:
        kind = kinds.get(item["type"], "misc")
        fields: list[tuple[str, str]] = [("title", item["title"])]
        if kind == "article":
            fields.append(("journal", item["container-title"]))
        elif kind == "techreport":
            fields.append(("institution", item["publisher"]))
        else:
            fields.append(("publisher", item["publisher"]))
        if "issued" in item:
            parts = item["issued"]["date-parts"][0]
            fields.append(("year", str(parts[0])))
            if len(parts) > 1:
                fields.append(("month", str(parts[1])))
            fields.append(
                ("date", "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts)))
            )
        if "URL" in item:
            fields.append(("url", item["URL"]))
        if "accessed" in item:
            fields.append(("urldate", _iso(item["accessed"])))
        fields.append(("note", item["note"]))
        body = ",\n".join(
            f"  {name} = {{{value if name in _VERBATIM else _bibtex_text(value)}}}"
            for name, value in fields
        )
        out.append(f"@{kind}{{{item['id']},\n{body}\n}}\n")
    return "\n".join(out)


def _bibtex_text(value: str) -> str:
    """Braces balanced and TeX specials escaped, so a parser reads the value back whole."""
    value = value.replace("\\", "\\textbackslash{}")
    value = re.sub(r"([{}%&$#_])", r"\\\1", value)
    return value.replace("\\textbackslash\\{\\}", "\\textbackslash{}")


def _iso(date: dict[str, Any]) -> str:
    return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(date["date-parts"][0]))


def to_ris(items: list[dict[str, Any]]) -> str:
    types = {"report": "RPRT", "article-newspaper": "NEWS", "legislation": "STAT"}
    out = []
    for item in items:
        lines = [f"TY  - {types.get(item['type'], 'ELEC')}", f"ID  - {item['id']}"]
        lines.append(f"TI  - {_one_line(item['title'])}")
        lines.append(f"PB  - {_one_line(item['publisher'])}")
        if item["type"] == "article-newspaper":
            lines.append(f"JO  - {_one_line(item['container-title'])}")
        if "issued" in item:
            lines.append(f"PY  - {item['issued']['date-parts'][0][0]}")
            lines.append(f"DA  - {_iso(item['issued']).replace('-', '/')}")
        if "URL" in item:
            lines.append(f"UR  - {item['URL']}")
        if "accessed" in item:
            lines.append(f"Y2  - {_iso(item['accessed']).replace('-', '/')}")
        lines.append(f"N1  - {_one_line(item['note'])}")
        lines.append("ER  - ")
        out.append("\n".join(lines) + "\n")
    return "\n".join(out)


def _one_line(value: str) -> str:
    from migcli.text import one_line

    return one_line(value)


def to_text(items: list[dict[str, Any]]) -> str:
    """A bibliography in the Harvard (Cite Them Right) style, rendered by citeproc-py."""
    import warnings

    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():  # citeproc warns about fields it does not know
        warnings.simplefilter("ignore")
        source = CiteProcJSON([_citeproc_item(i) for i in items])
        style = CitationStylesStyle("harvard-cite-them-right", validate=False)
        bibliography = CitationStylesBibliography(style, source, formatter.plain)
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"].lower())]))
        lines = [str(entry) for entry in bibliography.bibliography()]
    return "".join(f"{line}\n" for line in lines)


def _citeproc_item(item: dict[str, Any]) -> dict[str, Any]:
    """citeproc-py reads institutions as authors: the publisher stands as the author."""
    out = dict(item)
    out["author"] = [{"literal": item["publisher"]}]
    out.pop("note", None)
    return out
