"""The wheel carries templates, the sample council and the model, and the bot runs
from the installed layout (not the source tree)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(REPO)],
        check=True, capture_output=True,
    )
    (built,) = out.glob("protocol_bot-*.whl")
    return built


def test_wheel_contains_the_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in [
        "templates/email/acknowledgement.txt.j2",
        "templates/email/_layout.html.j2",
        "config/example.toml",
        "config/exampleton/config.toml",
        "config/exampleton/members.csv",
        "config/protocol-bot.service",
        "nlp_models/member_requests/meta.json",
        "nlp_models/member_requests/thresholds.json",
    ]:
        assert needed in names, needed
    assert any(n.startswith("config/exampleton/mail/") and n.endswith(".eml") for n in names)
    assert not any(n.startswith("tests/") for n in names)


def test_demo_runs_from_the_installed_layout(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "demo", "--dir", str(tmp_path / "demo"), "--no-classifier"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=False, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "acknowledgement" in done.stdout
    probe = subprocess.run(
        [sys.executable, "-c", "import bot, templates; print(bot.__file__, templates.__file__)"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
    )
    assert str(site) in probe.stdout and str(REPO) not in probe.stdout
