"""bot.registers: reading the CSV registers, with every problem naming its row."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.model.registers import Registers
from bot.registers import MissingFile, is_email, load_registers

WARDS = "ward,aliases\nNorthfield,Northfield Village;Hazel Estate\nRiverside,\n"
MEMBERS = "name,email,ward,party,role\nCllr Alice Green,alice@x.gov.uk,Northfield,Green,\n"
OFFICERS = "name,email,role,manager\nSam Patel,ceo@x.gov.uk,Chief Executive,\n"


def load(
    tmp_path: Path,
    members: str | bytes = MEMBERS,
    officers: str | bytes = OFFICERS,
    wards: str | bytes = WARDS,
    lists: str | bytes | None = None,
) -> tuple[Registers, list[str]]:
    paths = {}
    for name, content in (
        ("members", members),
        ("officers", officers),
        ("wards", wards),
        ("lists", lists),
    ):
        if content is None:
            continue
        path = tmp_path / f"{name}.csv"
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
        paths[name] = path
    registers, problems = load_registers(
        paths["members"], paths["officers"], paths["wards"], paths.get("lists")
    )
    # Problems name the file as given; strip the folder to keep assertions short.
    return registers, [str(p).replace(f"{tmp_path}/", "") for p in problems]


def test_good_registers(tmp_path: Path) -> None:
    members = (
        "name,email,ward,party,role\n"
        "Cllr Alice Green,Alice.Green@X.gov.uk; alice@home.example.org,northfield,Green,\n"
        "Cllr Bob Harris,bob@x.gov.uk,Riverside,Labour,Leader\n"
    )
    officers = (
        "name,email,role,manager\n"
        "Jane Smith,jane@x.gov.uk,Planning Officer,TOM@x.gov.uk\n"  # manager listed below
        "Tom Baker,tom@x.gov.uk;planning.head@x.gov.uk,Head of Planning,\n"
    )
    lists = "list,members\nplanning@x.gov.uk,jane@x.gov.uk;tom@x.gov.uk\n"
    reg, problems = load(tmp_path, members, officers, lists=lists)
    assert problems == []
    alice = reg.member("ALICE@home.example.org")
    assert alice is not None
    assert alice.emails == ("alice.green@x.gov.uk", "alice@home.example.org")
    assert alice.ward == "Northfield"  # the register's spelling
    assert alice.role == ""
    jane = reg.officer("jane@x.gov.uk")
    assert jane is not None and jane.manager == "tom@x.gov.uk"
    assert reg.officer("planning.head@x.gov.uk") == reg.officer("tom@x.gov.uk")
    assert reg.wards[0].aliases == ("Northfield Village", "Hazel Estate")
    assert reg.reaches(["planning@x.gov.uk"], "jane@x.gov.uk")
    assert [m.name for m in reg.ward_members("Riverside")] == ["Cllr Bob Harris"]


def test_bom_crlf_blank_lines_and_spreadsheet_padding(tmp_path: Path) -> None:
    members = (
        b"\xef\xbb\xbfName , Email,Ward,Party,Role,Phone\r\n"
        b"\r\n"
        b"Cllr Alice Green , alice@x.gov.uk ,Northfield,Green,,01234\r\n"
        b",,,,,\r\n"
        b"Cllr Bob Harris,bob@,Northfield,,\r\n"
    )
    reg, problems = load(tmp_path, members)
    # The header is line 1; the blank line counts, so Bob's row is line 5.
    assert problems == ['members.csv:5: [members] email: "bob@" is not an email address']
    assert reg.members[0].name == "Cllr Alice Green"
    assert reg.members[0].email == "alice@x.gov.uk"


def test_quoted_cells_with_separators(tmp_path: Path) -> None:
    members = (
        "name,email,ward,party,role\n"
        '"Green, Alice","alice@x.gov.uk;alice2@x.gov.uk",Northfield,"Green Party",\n'
    )
    reg, problems = load(tmp_path, members)
    assert problems == []
    assert reg.members[0].name == "Green, Alice"
    assert len(reg.members[0].emails) == 2


def test_every_row_problem_is_reported(tmp_path: Path) -> None:
    members = (
        "name,email,ward,party,role\n"
        "Cllr Alice Green,alice@x.gov.uk,Northfield,Green,\n"
        ",bob@x.gov.uk,Northfield,,\n"
        "Cllr Carol Ng,,Riverside,,\n"
        "Cllr Dan Ash,dan@x.gov.uk,Northfeld,,\n"
        "Cllr Eve Roe,eve@x.gov.uk,,,\n"
        "Cllr Fay Lee,fay@x.gov.uk;not-an-email,Riverside,,\n"
    )
    officers = (
        "name,email,role,manager\n"
        "Sam Patel,ceo@x.gov.uk,Chief Executive,\n"
        "Jane Smith,jane@x.gov.uk,Planning,nobody@x.gov.uk\n"
        "Amir Khan,ALICE@x.gov.uk,Highways,ceo@x.gov.uk\n"
        "Lucy Evans,lucy@x.gov.uk,Highways,lucy@x.gov.uk\n"
        "Tom Baker,tom@x.gov.uk,Planning,ceo\n"
        "Ann Bell,ann@x.gov.uk;ann@x.gov.uk,Clerk,\n"
    )
    _, problems = load(tmp_path, members, officers)
    assert problems == [
        "members.csv:3: [members] name: is empty",
        "members.csv:4: [members] email: is empty; give at least one email address",
        'members.csv:5: [members] ward: "Northfeld" is not in the wards register;'
        " did you mean 'Northfield'?",
        "members.csv:6: [members] ward: is empty",
        'members.csv:7: [members] email: "not-an-email" is not an email address',
        'officers.csv:4: [officers] email: "alice@x.gov.uk" is already used on members.csv:2',
        "officers.csv:5: [officers] manager: an officer cannot be their own manager",
        'officers.csv:6: [officers] manager: "ceo" is not an email address',
        'officers.csv:7: [officers] email: "ann@x.gov.uk" is already used on line 7',
        'officers.csv:3: [officers] manager: "nobody@x.gov.uk" is not an officer\'s email'
        " in this register",
    ]


def test_missing_columns_are_named_once(tmp_path: Path) -> None:
    officers = "name,emial,role\nSam Patel,ceo@x.gov.uk,Chief Executive\n"
    reg, problems = load(tmp_path, officers=officers)
    assert problems == [
        "officers.csv:1: [officers] email: missing column; the header must be"
        " name,email,role,manager; did you mean 'emial'?",
        "officers.csv:1: [officers] manager: missing column; the header must be"
        " name,email,role,manager",
    ]
    assert reg.officers == ()


def test_unreadable_wards_do_not_flag_every_member(tmp_path: Path) -> None:
    _, problems = load(tmp_path, wards="name\nNorthfield\n")
    assert problems == [
        "wards.csv:1: [wards] ward: missing column; the header must be ward,aliases",
        "wards.csv:1: [wards] aliases: missing column; the header must be ward,aliases",
    ]


def test_duplicate_ward_and_empty_file(tmp_path: Path) -> None:
    wards = "ward,aliases\nNorthfield,\nnorthfield,\n"
    _, problems = load(tmp_path, members="", wards=wards)
    assert problems == [
        'wards.csv:3: [wards] ward: "northfield" is already on line 2',
        "members.csv: [members] is empty; the header must be name,email,ward,party,role",
    ]


def test_not_utf8(tmp_path: Path) -> None:
    members = "name,email,ward,party,role\nCllr Zo\xeb Bright,zoe@x.gov.uk,Northfield,,\n"
    _, problems = load(tmp_path, members.encode("cp1252"))
    assert problems == ["members.csv:2: [members] is not UTF-8 text; save it as 'CSV UTF-8'"]


def test_missing_file_is_marked(tmp_path: Path) -> None:
    (tmp_path / "wards.csv").write_text(WARDS, encoding="utf-8")
    (tmp_path / "officers.csv").write_text(OFFICERS, encoding="utf-8")
    _, problems = load_registers(
        tmp_path / "members.csv", tmp_path / "officers.csv", tmp_path / "wards.csv"
    )
    assert len(problems) == 1
    assert isinstance(problems[0], MissingFile)
    assert problems[0].section == "members"


def test_lists(tmp_path: Path) -> None:
    lists = (
        "list,members\n"
        "team@x.gov.uk,ceo@x.gov.uk\n"
        "TEAM@x.gov.uk,ceo@x.gov.uk\n"
        "alice@x.gov.uk,ceo@x.gov.uk\n"
        "bad-list,ceo@x.gov.uk;oops\n"
        "empty@x.gov.uk,\n"
    )
    reg, problems = load(tmp_path, lists=lists)
    assert problems == [
        'lists.csv:3: [lists] list: "team@x.gov.uk" is already on line 2',
        'lists.csv:4: [lists] list: "alice@x.gov.uk" is a member\'s email',
        'lists.csv:5: [lists] list: "bad-list" is not an email address',
        'lists.csv:5: [lists] members: "oops" is not an email address',
        "lists.csv:6: [lists] members: is empty; give at least one email address",
    ]
    assert [dl.address for dl in reg.lists] == ["team@x.gov.uk"]


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("jane.smith@exampleton.gov.uk", True),
        ("a+b@sub.example.org", True),
        ("bob@", False),
        ("bob@localhost", False),
        ("@x.gov.uk", False),
        ("two words@x.gov.uk", False),
        ("a@b@c.uk", False),
        ("a@x..uk", False),
    ],
)
def test_is_email(text: str, ok: bool) -> None:
    assert is_email(text) is ok


def test_manager_near_miss_is_suggested(tmp_path: Path) -> None:
    officers = (
        "name,email,role,manager\n"
        "Tom Baker,tom.baker@x.gov.uk,Head of Planning,\n"
        "Jane Smith,jane.smith@x.gov.uk,Planning Officer,tom.bakr@x.gov.uk\n"
    )
    _, problems = load(tmp_path, officers=officers)
    assert problems == [
        'officers.csv:3: [officers] manager: "tom.bakr@x.gov.uk" is not an officer\'s email'
        " in this register; did you mean 'tom.baker@x.gov.uk'?"
    ]
