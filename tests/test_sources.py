"""`validate` on sources: weak hosts and uncited sources warn, and `--strict` makes them fail."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from migcli.sourcecheck import WEAK_HOSTS, weak_host_reason

from .conftest import run, write_country

WEAK_URLS = {
    "upload site": "https://docslib.org/doc/1/some-report",
    "upload subdomain": "https://es.scribd.com/document/1/ley",
    "staging copy": "https://staging.midiario.com/nota",
    "test copy": "http://test.elsalvador.com/nota",
    "backup copy": "https://backup.forojuridico.mx/ley",
    "develop mirror": "https://prensalibre-com-develop.go-vip.co/nota",
    "cdn copy": "https://d27r7ebsgu0es2.cloudfront.net/reports/R44812.json",
    "trailing dot": "https://es.wikipedia.org./wiki/Migracion",
    "encyclopedia": "https://en.wikipedia.org/wiki/Migration",
    "crs mirror": "https://www.everycrsreport.com/reports/R46012.html",
}


def _source(url: str, sid: str = "weak") -> str:
    return f"""
[[sources]]
id = "{sid}"
title = "A copy"
publisher = "Somebody"
kind = "other"
url = "{url}"
accessed = "2026-11-28"
"""


def _cite(sid: str) -> str:
    return f"""
[[cooperation]]
id = "deal-{sid}"
name = "A deal"
description = "Two countries agreed."
sources = ["{sid}"]
"""


def _folder(tmp_path: Path, url: str) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    path = write_country(folder)
    text = path.read_text()
    # sources must stay before the entries: put the weak one right after the first source block
    text = text.replace("\n[[institutions]]", _source(url) + "\n[[institutions]]", 1)
    path.write_text(text + _cite("weak"))
    return folder


@pytest.mark.parametrize("case", list(WEAK_URLS))
def test_each_weak_source_warns_and_fails_strict(tmp_path: Path, case: str) -> None:
    folder = _folder(tmp_path, WEAK_URLS[case])
    loose = run("validate", str(folder))
    assert loose.exit_code == 0, loose.stdout
    assert ": warning: sources[1].url: " in loose.stdout, loose.stdout
    assert loose.stdout.endswith("0 problems and 1 warning in 1 file checked\n")
    strict = run("validate", "--strict", str(folder))
    assert strict.exit_code == 1
    first = strict.stdout.splitlines()[0]
    path = folder / "alpha.toml"
    shown = min(os.path.relpath(path), str(path), key=len)  # messages use the shorter name
    assert first.startswith(f"{shown}:"), first
    line = int(first.removeprefix(f"{shown}:").split(":")[0])
    assert (folder / "alpha.toml").read_text().split("\n")[line - 1].startswith("url = ")


def test_an_uncited_source_warns(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    write_country(folder, extra=_source("https://example.org/unused", "unused"))
    result = run("validate", "--strict", str(folder))
    assert result.exit_code == 1
    assert "sources[1].id: 'unused' is cited by nothing" in result.stdout


def test_user_information_in_an_address_is_an_error(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "https://gob.mx@evil.example/ley")
    result = run("validate", str(folder))
    assert result.exit_code == 1
    assert "user information" in result.stdout


def test_good_hosts_pass() -> None:
    for url in (
        "https://www.dof.gob.mx/nota_detalle.php?codigo=1",
        "https://www.congress.gov/crs-product/R46012",
        "https://www.reuters.com/world/americas/story",
        "https://help.unhcr.org/costarica/",
        "https://www.testigo.example/nota",  # 'test' inside a name is not a test host
    ):
        assert weak_host_reason(url) is None, url


def test_every_listed_host_is_caught() -> None:
    for host in WEAK_HOSTS:
        assert weak_host_reason(f"https://{host}/x") is not None, host
        assert weak_host_reason(f"https://sub.{host}/x") is not None, host
