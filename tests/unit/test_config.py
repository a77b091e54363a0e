"""bot.config: loading settings and registers, and check-config's verdicts."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest

from bot.config import SCHEMA, LoadedConfig, load_config
from bot.errors import ConfigError
from bot.model.settings import ServiceLevel, Settings

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "config"
EXAMPLETON = REPO / "config" / "exampleton" / "config.toml"


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return [str(p) for p in info.value.problems]


@pytest.fixture
def council(tmp_path: Path) -> Path:
    """A copy of the minimal council in tmp_path, for tests that edit its config."""
    for f in (FIXTURES / "minimal").iterdir():
        shutil.copy(f, tmp_path / f.name)
    return tmp_path / "config.toml"


def line_of(path: Path, needle: str, nth: int = 1) -> int:
    """The line of the ``nth`` line of ``path`` that starts with ``needle``."""
    hits = [
        n
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.startswith(needle)
    ]
    return hits[nth - 1]


def with_config(path: Path, extra: str) -> Path:
    path.write_text(path.read_text(encoding="utf-8") + "\n" + extra, encoding="utf-8")
    return path


# -- the bundled configurations ------------------------------------------------


def test_exampleton_loads() -> None:
    loaded = load_config(EXAMPLETON)
    s, r = loaded.settings, loaded.registers
    assert s.council.name == "Exampleton Borough Council"
    assert s.council.closure_days == (date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31))
    assert s.office_hours.days == (0, 1, 2, 3, 4)
    assert (s.office_hours.start, s.office_hours.end) == (time(8, 30), time(17, 30))
    assert s.sla.for_kind("complaint").track is False
    assert s.sla.for_kind("casework") == ServiceLevel(4, 2, 4, True)
    assert s.roles.democratic_services == "democratic.services@exampleton.gov.uk"
    assert [p.name for p in s.pre_election] == ["Borough elections 2027"]
    assert s.digest.to == ("chief.executive@exampleton.gov.uk",)
    mail = str(EXAMPLETON.parent / "mail")
    assert {m.type for m in s.mailboxes} == {"folder"}
    assert {m.options["path"] for m in s.mailboxes} == {mail}
    # Every officer of the brief has a watched mailbox; every mailbox is an officer.
    for mb in s.mailboxes:
        assert r.officer(mb.address) is not None, mb.address

    assert 12 <= len(r.members) <= 15
    assert len(r.wards) == 5
    assert len({m.party for m in r.members}) >= 3
    assert any(m.party == "Independent" for m in r.members)
    alice = r.member("alice.green.home@example.org")
    assert alice is not None and alice.ward == "Northfield" and alice.role == ""
    bob = r.member("bob.harris@exampleton.gov.uk")
    assert bob is not None and bob.role == "Cabinet Member for Planning"
    jane = r.officer("jane.smith@exampleton.gov.uk")
    assert jane is not None and jane.manager == "tom.baker@exampleton.gov.uk"
    ceo = r.officer("chief.executive@exampleton.gov.uk")
    assert ceo is not None and ceo.name == "Sam Patel" and ceo.manager == ""
    assert r.reaches(["highways@exampleton.gov.uk"], "amir.khan@exampleton.gov.uk")
    assert r.reaches(["planning.team@exampleton.gov.uk"], "tom.baker@exampleton.gov.uk")
    assert s.clauses == {}


def test_example_toml_loads_and_documents_every_key() -> None:
    path = REPO / "config" / "example.toml"
    loaded = load_config(path)
    assert loaded.settings.sla.for_kind("documents") == ServiceLevel(4, 5, 4, True)
    text = path.read_text(encoding="utf-8")
    for section, keys in SCHEMA.items():
        for key, spec in keys.items():
            assert spec.help, (section, key)
            # Written out, or shown commented out as an option.
            assert re.search(rf"^#? ?{key} = ", text, re.MULTILINE), (section, key)


# -- the minimal configuration --------------------------------------------------


def test_contract_minimal_config_loads_with_defaults() -> None:
    path = FIXTURES / "minimal" / "config.toml"
    loaded = load_config(path)
    assert isinstance(loaded, LoadedConfig)
    s = loaded.settings
    assert isinstance(s, Settings)
    assert s.council.timezone == "Europe/London"
    assert s.council.bank_holidays_file is None
    assert s.ward_notice.public_meeting_working_days_before == 10
    assert s.digest.weekday == 0 and s.digest.time == time(8, 0)
    assert s.bot.retention_days == 400 and s.bot.poll_seconds == 60
    assert s.bot.state == path.parent / "protocol-bot.db"
    assert s.mailboxes == () and s.outbox == {} and s.classifier == {} and s.clauses == {}
    # "other" asks for nothing, so it starts no clock unless configured to.
    assert s.sla.for_kind("other").track is False
    assert s.sla.for_kind("casework").track is True
    assert s.source_file == path
    assert loaded.files is not None and loaded.files.lists is None
    assert loaded.files.members == path.parent / "members.csv"


def test_only_name_and_registers_are_required(tmp_path: Path, council: Path) -> None:
    council.write_text(
        '[council]\nname = "Tiny"\n[registers]\n'
        'members = "members.csv"\nofficers = "officers.csv"\nwards = "wards.csv"\n',
        encoding="utf-8",
    )
    s = load_config(council).settings
    assert s.council.name == "Tiny" and s.roles.press_office == ()


def test_missing_required_keys(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[council]\ntimezone = "Europe/London"\n', encoding="utf-8")
    assert problems_of(path) == [
        f"{path}: [registers] missing; add a [registers] table with members, officers, wards",
        f"{path}:1: [council] name: missing; add it: the council's name, as the bot's emails"
        " give it",
    ]


# -- problems, all at once --------------------------------------------------------


def test_broken_config_lists_every_problem() -> None:
    cfg = FIXTURES / "broken" / "config.toml"
    found = problems_of(cfg)
    csv = cfg.parent / "members.csv"
    expected = [
        f'{cfg}:4: [council] timezone: "Europe/Londn" is not a known time zone;'
        " did you mean 'Europe/London'?",
        f'{cfg}:5: [council] bank_holidays: must be one of "england-and-wales", "scotland",'
        ' "northern-ireland", got "wales"',
        f'{cfg}:6: [council] closure_days: must be a date like "2026-12-29", got "29/12/2026"',
        f"{cfg}:9: [office_hours] days: must be a day: mon, tue, wed, thu, fri, sat, sun;"
        ' got "funday"',
        f"{cfg}:11: [office_hours] end: must be later than start (17:30), got 08:30",
        f"{cfg}:14: [sla] acknowledge_within_hours: unknown key;"
        " did you mean 'acknowledge_within_working_hours'?",
        f'{cfg}:15: [sla] respond_within_working_days: must be a number greater than 0, got "two"',
        f"{cfg}:17: [sla.kinds.complain] unknown kind; did you mean 'complaint'?",
        f"{cfg}:22: [registers] officers: file not found: {cfg.parent / 'no-such-officers.csv'}"
        " (paths are relative to the config file)",
        f'{cfg}:26: [roles] chief_executive: must be an email address, got "chief.executive"',
        f'{cfg}:29: [roles] press_office: must be an email address, got "press office"',
        f"{cfg}:35: [pre_election] end: must be on or after start (2027-05-06), got 2027-03-29",
        f"{cfg}:38: [digest] weekday: must be a day: mon, tue, wed, thu, fri, sat, sun;"
        ' got "someday"',
        f"{cfg}:41: [bot] poll_seconds: must be a whole number of 5 or more, got 1",
        f"{cfg}:46: [mailbox] password: do not write secrets in the config file; use"
        ' password_env = "VARIABLE" (an environment variable) or password_file = "path" instead',
        f"{cfg}:48: [mailbox] path: missing; a folder mailbox needs a path",
        f"{cfg}:51: [clauses.acknowledgment] unknown rule; did you mean 'acknowledgement'?",
        f"{cfg}:55: [dgest] unknown section; did you mean 'digest'?",
        f'{csv}:4: [members] email: "bob@" is not an email address',
        f'{csv}:5: [members] ward: "Riversde" is not in the wards register;'
        " did you mean 'Riverside'?",
        f'{csv}:6: [members] email: "alice.green@brokenshire.gov.uk" is already used on line 2',
    ]
    assert found == expected
    assert not any("hunter2" in p for p in found)


def test_syntax_error_names_its_line() -> None:
    cfg = FIXTURES / "syntax" / "config.toml"
    assert problems_of(cfg) == [f"{cfg}:3: TOML syntax error: Invalid value at column 12"]


def test_syntax_error_at_end_of_document(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[council]\nname = "x"\nkey =', encoding="utf-8")
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:3: TOML syntax error: ")


def test_missing_config_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    assert problems_of(path) == [f"{path}: file not found"]


def test_bom_in_config_is_fine(council: Path) -> None:
    council.write_bytes(b"\xef\xbb\xbf" + council.read_bytes())
    assert load_config(council).settings.council.name == "Exampleton Borough Council"


def test_csv_problem_names_file_and_row(council: Path) -> None:
    members = council.parent / "members.csv"
    with members.open("a", encoding="utf-8") as f:
        f.write("Cllr Bob Harris,bob@,Northfield,Labour,\n")
    assert problems_of(council) == [f'{members}:3: [members] email: "bob@" is not an email address']


def test_registers_shown_relative_to_the_config_as_given(
    council: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(council.parent.parent)
    rel = Path(council.parent.name) / "config.toml"
    (council.parent / "wards.csv").unlink()
    assert problems_of(rel) == [
        f"{rel}:{line_of(council, 'wards =')}: [registers] wards: file not found:"
        f" {rel.parent / 'wards.csv'} (paths are relative to the config file)"
    ]


# -- individual sections --------------------------------------------------------


def test_sla_kinds_inherit_from_sla(council: Path) -> None:
    with_config(
        council,
        """
[sla.kinds.media]
respond_within_working_days = 0.5

[sla.kinds.other]
acknowledge_within_working_hours = 1

[sla.kinds.casework]
track = false
""",
    )
    # [sla] in the minimal config is 4 / 2 / 4.
    sla = load_config(council).settings.sla
    assert sla.default == ServiceLevel(4, 2, 4, True)
    assert sla.for_kind("media") == ServiceLevel(4, 0.5, 4, True)
    assert sla.for_kind("other") == ServiceLevel(1, 2, 4, False)
    assert sla.for_kind("casework") == ServiceLevel(4, 2, 4, False)
    assert sla.for_kind("information") is sla.default


def test_sla_kind_problems(council: Path) -> None:
    with_config(council, '[sla.kinds.media]\ntrack = "no"\nrespond_within_working_days = 0\n')
    track, respond = line_of(council, "track ="), line_of(council, "respond_", 2)
    assert problems_of(council) == [
        f'{council}:{track}: [sla.kinds.media] track: must be true or false, got "no"',
        f"{council}:{respond}: [sla.kinds.media] respond_within_working_days: must be a number"
        " greater than 0, got 0",
    ]


def test_extensions(council: Path) -> None:
    secret = council.parent / "imap-password"
    with_config(
        council,
        """
[bot]
state = "state/bot.db"
retention_days = 30
store_subjects = false

[[mailbox]]
address = "Jane.Smith@Exampleton.gov.uk"
path = "mail"

[[mailbox]]
address = "press@exampleton.gov.uk"
type = "imap"
host = "imap.exampleton.gov.uk"
port = 993
password_file = "imap-password"
username_env = "IMAP_USER"

[outbox]
type = "folder"
path = "outbox"

[clauses.out_of_hours]
ref = "Protocol 7.3"
text = "Members should contact officers during working hours."

[classifier]
unsure_threshold = 0.7
model = "model"
""",
    )
    (council.parent / "state").mkdir()
    s = load_config(council).settings
    base = council.parent
    assert s.bot.state == base / "state" / "bot.db"
    assert s.bot.retention_days == 30 and s.bot.store_subjects is False
    folder, imap = s.mailboxes
    assert folder.address == "jane.smith@exampleton.gov.uk" and folder.type == "folder"
    assert folder.options == {"path": str(base / "mail")}
    assert imap.type == "imap"
    assert imap.options == {
        "host": "imap.exampleton.gov.uk",
        "port": 993,
        "password_file": str(secret),
        "username_env": "IMAP_USER",
    }
    assert s.outbox == {"type": "folder", "path": str(base / "outbox")}
    assert s.clauses["out_of_hours"].ref == "Protocol 7.3"
    assert s.classifier == {"unsure_threshold": 0.7, "model": str(base / "model")}


def test_extension_problems(council: Path) -> None:
    with_config(
        council,
        """
[bot]
state = "no-such-folder/bot.db"
retention_days = 0
store_subject = true

[[mailbox]]
address = "a@exampleton.gov.uk"
type = "pop3"
client_secret = "s3cr3t-value"
token_env = "not a variable"

[[mailbox]]
address = "A@exampleton.gov.uk"
path = "mail"

[outbox]
path = "out"

[clauses.out_of_hours]
ref = "7.3"

[classifier]
unsure_threshold = 1.5
enable = false
""",
    )
    found = problems_of(council)
    assert not any("s3cr3t" in p for p in found)

    def at(needle: str, nth: int = 1) -> str:
        return f"{council}:{line_of(council, needle, nth)}: "

    assert found == [
        at("state =") + "[bot] state: folder not found: " + str(council.parent / "no-such-folder"),
        at("retention_days") + "[bot] retention_days: must be a whole number of 1 or more, got 0",
        at("store_subject") + "[bot] store_subject: unknown key; did you mean 'store_subjects'?",
        at('type = "pop3"')
        + '[mailbox] type: must be one of "folder", "imap", "ews", "graph", got "pop3"',
        at("client_secret")
        + "[mailbox] client_secret: do not write secrets in the config file; use"
        ' client_secret_env = "VARIABLE" (an environment variable) or client_secret_file ='
        ' "path" instead',
        at("token_env")
        + '[mailbox] token_env: must name an environment variable, got "not a variable"',
        at("address =", 2) + '[mailbox] address: "a@exampleton.gov.uk" is listed twice',
        at("[outbox]") + "[outbox] type: missing; add it: how the bot sends its emails",
        at("[clauses.")
        + "[clauses.out_of_hours] text: missing; add it: the clause's words, quoted in the"
        " bot's emails",
        at("unsure_threshold")
        + "[classifier] unsure_threshold: must be a number from 0 to 1, got 1.5",
        at("enable =") + "[classifier] enable: unknown key; did you mean 'enabled'?",
    ]


def test_values_of_the_wrong_shape(council: Path) -> None:
    council.write_text(
        council.read_text(encoding="utf-8")
        .replace('days = ["mon", "tue", "wed", "thu", "fri"]', "days = []")
        .replace('start = "08:30"', "start = 08:30:00")  # a TOML time is fine too
        .replace('end = "17:30"', 'end = "5.30pm"')
        .replace('closure_days = ["2026-12-29", "2026-12-30", "2026-12-31"]', "closure_days = 3")
        .replace("[[pre_election]]", "[pre_election]"),
        encoding="utf-8",
    )
    assert problems_of(council) == [
        f"{council}:{line_of(council, 'closure_days')}: [council] closure_days:"
        " must be a list [...], got 3",
        f"{council}:{line_of(council, 'days')}: [office_hours] days: must name at least one day",
        f"{council}:{line_of(council, 'end =')}: [office_hours] end:"
        ' must be a time like "08:30" (24-hour HH:MM), got "5.30pm"',
        f"{council}:{line_of(council, '[pre_election]')}: [pre_election]"
        " must be written [[pre_election]], one table for each entry",
    ]


def test_weekday_and_single_address_forms(council: Path) -> None:
    text = council.read_text(encoding="utf-8")
    text = text.replace('weekday = "mon"', 'weekday = "Friday"').replace(
        'press_office = ["press@exampleton.gov.uk"]', 'press_office = "Press@Exampleton.gov.uk"'
    )
    council.write_text(text, encoding="utf-8")
    s = load_config(council).settings
    assert s.digest.weekday == 4
    assert s.roles.press_office == ("press@exampleton.gov.uk",)


def test_bank_holidays_file(council: Path) -> None:
    text = council.read_text(encoding="utf-8").replace(
        "[office_hours]", 'bank_holidays_file = "holidays.json"\n\n[office_hours]'
    )
    council.write_text(text, encoding="utf-8")
    assert problems_of(council) == [
        f"{council}:{line_of(council, 'bank_holidays_file')}: [council] bank_holidays_file:"
        " file not found:"
        f" {council.parent / 'holidays.json'}"
    ]
    shutil.copy(
        REPO / "tests" / "fixtures" / "bank-holidays.json", council.parent / "holidays.json"
    )
    assert load_config(council).settings.council.bank_holidays_file == (
        council.parent / "holidays.json"
    )


def test_settings_repr_holds_no_secret(council: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMAP_PASSWORD", "the-real-secret")
    with_config(
        council,
        '[[mailbox]]\naddress = "press@exampleton.gov.uk"\ntype = "imap"\n'
        'password_env = "IMAP_PASSWORD"\n',
    )
    s = load_config(council).settings
    assert "the-real-secret" not in repr(s)
    assert s.mailboxes[0].options["password_env"] == "IMAP_PASSWORD"


# -- the command ---------------------------------------------------------------


def check_config(path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "bot", "check-config", "--config", str(path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
    )


def test_check_config_command_ok() -> None:
    done = check_config(EXAMPLETON)
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(
        r"OK: Exampleton Borough Council, 1[2-5] members in 5 wards, \d+ officers, 8 mailboxes\n",
        done.stdout,
    )


def test_check_config_command_problems() -> None:
    cfg = FIXTURES / "broken" / "config.toml"
    done = check_config(cfg)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert (
        f"{cfg}:15: [sla] respond_within_working_days: must be a number greater than 0,"
        ' got "two"' in lines
    )
    assert lines[-1] == "protocol-bot: 21 problems found"
