"""The package as a user gets it: a wheel with the data inside, installed in a fresh venv."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import DATA, ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    return next(out.glob("migcli-*.whl"))


@pytest.mark.slow
def test_wheel_ships_the_data(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "migcli/data/countries/guatemala.toml" in names
    shipped = {n for n in names if n.startswith("migcli/data/countries/")}
    assert shipped == {f"migcli/data/countries/{p.name}" for p in DATA.glob("*.toml")}


@pytest.mark.slow
def test_installed_entry_point_runs_from_elsewhere(
    wheel: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    # This pip installs into the new venv: seconds saved on bootstrapping a pip of its own.
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet"]
    subprocess.run([*install, "--disable-pip-version-check", str(wheel)], check=True)
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    env = {k: v for k, v in os.environ.items() if k != "MIGCLI_DATA_DIR"}
    env["PYTHONPATH"] = ""  # only what is installed
    listing = subprocess.run(
        [venv / "bin" / "migcli", "list", "--json"], cwd=elsewhere, env=env,
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "guatemala" in [row["id"] for row in json.loads(listing.stdout)]
    where = subprocess.run(
        [python, "-c", "import migcli.datadir as d; print(d.bundled_dir())"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "site-packages" in where.stdout
