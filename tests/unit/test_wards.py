"""The ward finder: names and aliases however they are written, and postcodes."""

from __future__ import annotations

import pytest

from bot.adapters.nlp.wards import LazyWardFinder, WardFinder, load_postcodes, normalise_postcode
from bot.errors import MisconfiguredError
from bot.model import Registers, Ward

WARDS = {
    "St Mary's": ("Church Lane", "Vicarage Road", "St Mary's Green"),
    "Northfield": ("Northfield Village", "Hazel Estate", "Mill Lane", "Northfield Park"),
    "Parkside": ("Park",),
    "Stoke-on-Avon": (),
}
POSTCODES = {"KF1 2AB": "Northfield", "SW1A 1AA": "Parkside"}


@pytest.fixture(scope="module")
def finder() -> WardFinder:
    return WardFinder(WARDS, POSTCODES)


@pytest.mark.parametrize(
    ("text", "wards"),
    [
        ("Public meeting in Northfield", ("Northfield",)),
        ("drop-in at the HAZEL ESTATE community room", ("Northfield",)),  # an estate, any case
        ("Potholes on Mill Lane", ("Northfield",)),  # a street
        ("Saint Mary's church hall", ("St Mary's",)),
        ("ST. MARYS", ("St Mary's",)),
        ("st marys green", ("St Mary's",)),
        ("St Mary’s (curly apostrophe)", ("St Mary's",)),
        ("Mill Lane's residents", ("Northfield",)),  # a possessive
        ("the vicarage-road bins", ("St Mary's",)),  # punctuation between words
        ("Stoke on Avon village hall", ("Stoke-on-Avon",)),
        ("Northfield Park open day", ("Northfield",)),  # longest match, not "Park"
        ("Church Lane, then Park and Mill Lane", ("St Mary's", "Parkside", "Northfield")),
        ("Budget consultation at the Civic Centre", ()),
        ("", ()),
    ],
)
def test_names_and_aliases(finder, text, wards):
    assert finder.find(text) == wards


@pytest.mark.parametrize(
    ("text", "wards"),
    [
        ("Community Pavilion, KF1 2AB", ("Northfield",)),
        ("kf12ab", ("Northfield",)),  # unspaced, lower case
        ("Buckingham Palace, London SW1A 1AA", ("Parkside",)),
        ("KF1 2AC is not registered", ()),
        ("KF1 is only half a postcode", ()),
        ("Mill Lane, SW1A 1AA", ("Northfield", "Parkside")),  # names first, then postcodes
    ],
)
def test_postcodes(finder, text, wards):
    assert finder.find(text) == wards


def test_normalise_postcode():
    assert normalise_postcode("sw1a1aa") == "SW1A 1AA"
    assert normalise_postcode(" KF1  2AB ") == "KF1 2AB"
    assert normalise_postcode("KF1") is None


def test_postcode_register(tmp_path):
    path = tmp_path / "postcodes.csv"
    path.write_text(
        "postcode,ward\nkf1 2ab,northfield\nZZ9 9ZZ,Atlantis\nnot a postcode,Parkside\n"
    )
    assert load_postcodes(path, WARDS) == {"KF1 2AB": "Northfield"}  # spelt as the register does
    path.write_text("code,area\nKF1 2AB,Northfield\n")
    with pytest.raises(MisconfiguredError, match="postcode,ward"):
        load_postcodes(path, WARDS)


def test_from_registers_and_lazy(tmp_path):
    registers = Registers(wards=tuple(Ward(name, aliases) for name, aliases in WARDS.items()))
    path = tmp_path / "postcodes.csv"
    path.write_text("postcode,ward\nKF1 2AB,Northfield\n")
    finder = WardFinder.from_registers(registers, path)
    assert finder.find("Vicarage Road and KF1 2AB") == ("St Mary's", "Northfield")
    lazy = LazyWardFinder(registers)
    assert lazy.find("Hazel Estate") == ("Northfield",)
