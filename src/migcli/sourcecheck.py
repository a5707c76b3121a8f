"""Source hygiene for `validate`: copies a researcher would not cite, and sources nobody cites.

WEAK_HOSTS is the one list of hosts whose pages are copies of someone else's document (upload
sites, mirrors, CDN copies, aggregators) or are not citable (encyclopedias, blogs, law-firm
marketing, partisan sites). A host matches when it equals an entry or ends with "." + entry.
WEAK_PREFIXES catch development and staging copies of real sites (`staging.example.org`), and
WEAK_MARKERS hosts like `prensalibre-com-develop.go-vip.co`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from migcli.shapes import CountryRecord

WEAK_HOSTS: dict[str, str] = {
    # document-upload sites
    "docslib.org": "a document-upload site",
    "fdocuments.co": "a document-upload site",
    "fdocuments.in": "a document-upload site",
    "fdocuments.net": "a document-upload site",
    "scribd.com": "a document-upload site",
    "studylib.es": "a document-upload site",
    "studylib.net": "a document-upload site",
    "vdocuments.mx": "a document-upload site",
    "vdocuments.net": "a document-upload site",
    "dokumen.pub": "a document-upload site",
    "pdfcoffee.com": "a document-upload site",
    "idoc.pub": "a document-upload site",
    "coursehero.com": "a document-upload site",
    "issuu.com": "a document-upload site",
    "pdfslide.net": "a document-upload site",
    "slideshare.net": "a document-upload site",
    # mirrors and CDN copies
    "everycrsreport.com": "a mirror of CRS reports (cite congress.gov)",
    "cloudfront.net": "a CDN copy",
    "arc-cdn.net": "a CDN copy",
    "akamaized.net": "a CDN copy",
    "go-vip.co": "a hosting mirror",
    "vlex.com": "a legal-aggregator copy",
    # encyclopedias and blogs
    "wikipedia.org": "an encyclopedia",
    "everything.explained.today": "an encyclopedia copy",
    "blogspot.com": "a blog",
    "wordpress.com": "a blog",
    "medium.com": "a blog",
    "immigrationlawyersblog.com": "a law-firm blog",
    # law-firm marketing, partisan sites and content farms
    "northcountyimmigration.com": "a law-firm site",
    "fesabogados.com": "a law-firm site",
    "oann.com": "a partisan outlet",
    "truepundit.com": "a partisan outlet",
    "bullfrag.com": "a content farm",
    "mexicotoday.com": "a content aggregator",
    "intoleranciadiario.com": "a content aggregator",
    "tupolitica.com": "a content aggregator",
}
WEAK_PREFIXES = ("staging.", "test.", "dev.", "backup.", "beta.", "preview.")
WEAK_MARKERS = ("-develop.", "-staging.")


def weak_host_reason(url: str) -> str | None:
    """Why a source at this address should not be cited, or None."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host.endswith("."):
        return f"the host '{host}' ends with a dot; write it without"
    bare = host.removeprefix("www.")
    for weak, why in WEAK_HOSTS.items():
        if bare == weak or bare.endswith("." + weak):
            return f"'{host}' is {why}; cite the original document"
    if bare.startswith(WEAK_PREFIXES) or any(m in bare for m in WEAK_MARKERS):
        return f"'{host}' is a development, test or staging copy; cite the live original"
    return None


def source_warnings(country: CountryRecord) -> list[str]:
    """Messages of the form `sources[i].field: text` for each weak or uncited source."""
    cited = {s for _, e in _entries(country) for s in e}
    cited |= {s for g in country["gaps"] for s in g["sources"]}
    cited |= {s for series in country["series"] for s in series["sources"]}
    out: list[str] = []
    for i, source in enumerate(country["sources"]):
        reason = weak_host_reason(source["url"]) if source["url"] else None
        if reason:
            out.append(f"sources[{i}].url: {reason}")
        if source["id"] not in cited:
            out.append(f"sources[{i}].id: '{source['id']}' is cited by nothing; cite or remove it")
    return out


def _entries(country: CountryRecord) -> list[tuple[str, list[str]]]:
    from migcli.records import entries_of
    from migcli.registry import SECTIONS

    return [(e["id"], e["sources"]) for s in SECTIONS for e in entries_of(country, s)]
