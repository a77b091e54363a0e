"""The council's registers: members, officers, wards and distribution lists."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    emails: tuple[str, ...]  # lower-case; the first is where the bot writes
    ward: str
    party: str = ""
    role: str = ""

    @property
    def email(self) -> str:
        return self.emails[0]


@dataclass(frozen=True, slots=True)
class Officer:
    name: str
    emails: tuple[str, ...]
    role: str = ""
    manager: str = ""  # an officer's email, or ""

    @property
    def email(self) -> str:
        return self.emails[0]


@dataclass(frozen=True, slots=True)
class Ward:
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DistributionList:
    """A list or shared mailbox address and the officer addresses it reaches."""

    address: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class Registers:
    """Lookup tables built once from the register files. Addresses are lower-case."""

    members: tuple[Member, ...] = ()
    officers: tuple[Officer, ...] = ()
    wards: tuple[Ward, ...] = ()
    lists: tuple[DistributionList, ...] = ()
    _member_by_email: dict[str, Member] = field(default_factory=dict, repr=False, compare=False)
    _officer_by_email: dict[str, Officer] = field(default_factory=dict, repr=False, compare=False)
    _list_by_address: dict[str, DistributionList] = field(
        default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        for m in self.members:
            for e in m.emails:
                self._member_by_email[e] = m
        for o in self.officers:
            for e in o.emails:
                self._officer_by_email[e] = o
        for dl in self.lists:
            self._list_by_address[dl.address] = dl

    def member(self, address: str) -> Member | None:
        return self._member_by_email.get(address.lower())

    def officer(self, address: str) -> Officer | None:
        return self._officer_by_email.get(address.lower())

    def is_member(self, address: str) -> bool:
        return address.lower() in self._member_by_email

    def reaches(self, addresses: Iterable[str], target: str) -> bool:
        """True when ``target`` is among ``addresses`` directly, as one of its own
        aliases, or through a distribution list named there (lists may nest)."""
        target = target.lower()
        officer = self.officer(target)
        own = set(officer.emails) if officer else {target}
        seen: set[str] = set()
        stack = [a.lower() for a in addresses]
        while stack:
            addr = stack.pop()
            if addr in own:
                return True
            if addr in seen:
                continue
            seen.add(addr)
            dl = self._list_by_address.get(addr)
            if dl:
                stack.extend(dl.members)
        return False

    def ward_members(self, ward: str) -> tuple[Member, ...]:
        w = ward.casefold()
        return tuple(m for m in self.members if m.ward.casefold() == w)
