"""Exchange's errors (EWS through exchangelib, and Microsoft Graph) mapped onto
:mod:`bot.errors`, each with the plain words an administrator needs.

Every adapter for Exchange raises through here, so the daemon sees one of:

    TransientError      throttled (ErrorServerBusy, HTTP 429/503) or the network:
                        try again, after ``retry_after`` seconds when the server said
    AuthError           sign-in refused or a permission missing: a person must act
    MisconfiguredError  wrong address, endpoint or option

Messages name the error code and what to do. They never carry the server's own
text (it can quote item content) nor any secret.

Also here, because the Exchange adapters share them and must not import each
other (exchangelib and msal load only for councils that use them): small helpers
that normalise what Exchange returns into the shapes :class:`bot.model.Message`
wants (bare lower-case addresses, ``<id>`` Message-IDs, the kept headers only).
"""

from __future__ import annotations

import email.utils
import logging
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from bot.errors import AuthError, MisconfiguredError, SourceError, TransientError
from bot.model.message import KEPT_HEADERS

__all__ = [
    "EWS_ADVICE",
    "GRAPH_ADVICE",
    "from_exchangelib",
    "from_graph",
    "parse_retry_after",
    "message_id_of",
    "id_list",
    "bare_address",
    "addresses",
    "kept_headers",
    "header_value",
    "utc",
]

log = logging.getLogger(__name__)

_ANGLE_TOKEN = re.compile(r"<([^<>]*)>")
_KEPT = frozenset(KEPT_HEADERS)

# -- EWS -----------------------------------------------------------------------

_IMPERSONATION_FIX = (
    "the service account may not impersonate this mailbox. On the Exchange server run "
    "New-ManagementRoleAssignment -Name protocol-bot-impersonation -Role ApplicationImpersonation "
    "-User <service account> -CustomRecipientWriteScope <scope holding the watched mailboxes>, "
    "and check that the scope includes this mailbox"
)
_DELEGATE_FIX = (
    "the account has no access to this mailbox. Either grant it: Add-MailboxPermission "
    "-Identity <mailbox> -User <service account> -AccessRights FullAccess -AutoMapping $false "
    '(access = "delegate"), or use access = "impersonation" with the ApplicationImpersonation role'
)

# code -> what the administrator must do
EWS_ADVICE: dict[str, str] = {
    "ErrorImpersonateUserDenied": _IMPERSONATION_FIX,
    "ErrorImpersonationDenied": _IMPERSONATION_FIX,
    "ErrorImpersonationFailed": _IMPERSONATION_FIX,
    "ErrorInvalidExchangeImpersonationHeaderData": (
        "the impersonation header names no mailbox the server knows; use the mailbox's "
        "primary SMTP address"
    ),
    "ErrorAccessDenied": _DELEGATE_FIX,
    "ErrorNonExistentMailbox": (
        "there is no mailbox with this address on this server; use the mailbox's primary SMTP address"
    ),
    "ErrorInvalidSmtpAddress": "this is not a valid SMTP address for a mailbox",
    "ErrorMailboxConfiguration": "the mailbox is not set up on this server",
    "ErrorSendAsDenied": (
        "the service account may not send as this address: grant Send As (Add-ADPermission "
        "-Identity <mailbox> -User <service account> -ExtendedRights Send-As) or send from "
        "the mailbox itself"
    ),
    "ErrorFolderNotFound": "the folder was not found in this mailbox",
    "UnauthorizedError": (
        "the server refused the sign-in: check username and the password (password_env or "
        "password_file), and that auth matches what the EWS virtual directory allows "
        "(Get-WebServicesVirtualDirectory | Format-List *Authentication*)"
    ),
    "CASError": "the Client Access service refused the request (see the server's CAS logs)",
    "RedirectError": "the server redirected the request: set service_endpoint to the final EWS URL",
    "TLS": (
        "the server's TLS certificate is not trusted: set ca_file to the certificate of the "
        "CA that signed it (verify_ssl = false only for a test system)"
    ),
}

_EWS_TRANSIENT = frozenset(
    {
        "ErrorServerBusy",
        "ErrorTimeoutExpired",
        "ErrorInternalServerTransientError",
        "ErrorConnectionFailedTransientError",
        "ErrorMailboxStoreUnavailable",
        "ErrorMailboxMoveInProgress",
        "ErrorTooManyObjectsOpened",
        "ErrorExceededConnectionCount",
        "ErrorInternalServerError",
        "ErrorConnectionFailed",
        "ErrorBatchProcessingStopped",
        "RateLimitError",
        "ErrorNoRespondingCASInDestinationSite",
        "ErrorProxyRequestProcessingFailed",
    }
)
_EWS_AUTH = frozenset(
    {
        "ErrorImpersonateUserDenied",
        "ErrorImpersonationDenied",
        "ErrorImpersonationFailed",
        "ErrorAccessDenied",
        "ErrorSendAsDenied",
        "UnauthorizedError",
        "ErrorInvalidExchangeImpersonationHeaderData",
        "ErrorAccountDisabled",
        "ErrorPasswordExpired",
    }
)
_EWS_CONFIG = frozenset(
    {
        "ErrorNonExistentMailbox",
        "ErrorInvalidSmtpAddress",
        "ErrorMailboxConfiguration",
        "ErrorFolderNotFound",
        "RedirectError",
        "ErrorInvalidServerVersion",
        "ErrorInvalidSchemaVersionForMailboxVersion",
    }
)


def ews_code(exc: BaseException) -> str:
    """The EWS response code of an exchangelib error (its class name), or a
    short name for transport failures."""
    name = type(exc).__name__
    text = str(exc)
    if name == "SSLError" or "CERTIFICATE_VERIFY_FAILED" in text or "SSLError" in text:
        return "TLS"
    return name


def from_exchangelib(exc: BaseException, *, source: str, doing: str = "") -> SourceError:
    """An exchangelib (or requests) error as a :class:`SourceError`. ``doing`` says
    what was being attempted ("reading the inbox")."""
    code = ews_code(exc)
    what = f"{doing}: " if doing else ""
    advice = EWS_ADVICE.get(code)
    if code == "ErrorServerBusy":
        back_off = getattr(exc, "back_off", None)
        wait = float(back_off) if back_off else None
        return TransientError(
            f"{what}Exchange is throttling us (ErrorServerBusy)", source=source, retry_after=wait
        )
    if code == "RateLimitError":
        wait = float(getattr(exc, "wait", 0) or 0) or None
        return TransientError(f"{what}Exchange asked us to back off", source=source, retry_after=wait)
    if code == "TLS":
        return MisconfiguredError(f"{what}TLS: {advice}", source=source)
    if code in _EWS_TRANSIENT or _is_network(exc):
        return TransientError(f"{what}temporary failure ({code})", source=source)
    if code in _EWS_AUTH:
        return AuthError(f"{what}{code}: {advice or 'permission refused'}", source=source)
    if code in _EWS_CONFIG:
        return MisconfiguredError(f"{what}{code}: {advice or 'check the settings'}", source=source)
    if code == "CASError":
        cas = str(getattr(exc, "cas_error", "")).split()[0:1]
        return TransientError(f"{what}CAS error {''.join(cas)}".rstrip(), source=source)
    return SourceError(f"{what}Exchange answered {code}", source=source)


def _is_network(exc: BaseException) -> bool:
    import requests

    return isinstance(exc, requests.exceptions.ConnectionError | requests.exceptions.Timeout | OSError)


# -- Graph ---------------------------------------------------------------------

GRAPH_ADVICE: dict[str, str] = {
    "InvalidAuthenticationToken": (
        "Graph rejected the access token: check tenant_id and client_id, and that the "
        "certificate or secret is the app registration's current one"
    ),
    "ErrorAccessDenied": (
        "the app may not open this mailbox. Either an application permission is missing "
        "(grant Mail.ReadWrite, Mail.Send and Calendars.Read, then 'Grant admin consent'), or "
        "this mailbox is outside the app's scope: add it to the management scope of the "
        "app's RBAC for Applications role assignments (New-ManagementScope / "
        "New-ManagementRoleAssignment -App <app id> -CustomResourceScope <scope>) or to the "
        "application access policy's group"
    ),
    "AccessDenied": "the app lacks the application permission for this request; grant it and consent",
    "Authorization_RequestDenied": (
        "the app may not read groups: grant GroupMember.Read.All (only needed to expand "
        "distribution lists)"
    ),
    "ErrorInvalidUser": "there is no mailbox with this address in the tenant",
    "ResourceNotFound": "there is no mailbox with this address in the tenant",
    "MailboxNotEnabledForRESTAPI": (
        "the mailbox is not in Exchange Online (on-premises or unlicensed): use type = \"ews\" "
        "for on-premises mailboxes"
    ),
    "ErrorSendAsDenied": "the app may not send as this address; send from the mailbox itself",
}


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Retry-After as seconds: delta-seconds or an HTTP date (RFC 9110)."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    return max(seconds, 0.0) if seconds == seconds else None  # NaN guard


def from_graph(
    status: int,
    body: Any,
    headers: Mapping[str, str],
    *,
    source: str,
    doing: str = "",
) -> SourceError:
    """A Graph error response as a :class:`SourceError`."""
    code = ""
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        code = str(body["error"].get("code") or "")
    what = f"{doing}: " if doing else ""
    label = f"HTTP {status}" + (f" {code}" if code else "")
    if status in (429, 503, 504) or (status >= 500 and status != 501):
        wait = parse_retry_after(headers.get("retry-after") or headers.get("Retry-After"))
        kind = "throttling us" if status == 429 else "unavailable"
        return TransientError(f"{what}Graph is {kind} ({label})", source=source, retry_after=wait)
    advice = GRAPH_ADVICE.get(code)
    if status == 401:
        return AuthError(
            f"{what}{label}: {advice or GRAPH_ADVICE['InvalidAuthenticationToken']}", source=source
        )
    if status == 403:
        return AuthError(f"{what}{label}: {advice or GRAPH_ADVICE['ErrorAccessDenied']}", source=source)
    if status == 404:
        return MisconfiguredError(
            f"{what}{label}: {advice or GRAPH_ADVICE['ResourceNotFound']}", source=source
        )
    if status == 410:
        return TransientError(f"{what}{label}: the sync state has expired", source=source)
    if 400 <= status < 500:
        return MisconfiguredError(f"{what}Graph refused the request ({label})", source=source)
    return SourceError(f"{what}Graph answered {label}", source=source)


# -- what Exchange returns, normalised the way bot.model.Message wants it ----------


def message_id_of(raw: str | None) -> str | None:
    """``<id>`` from an Internet Message-ID value (brackets added when missing)."""
    if not raw:
        return None
    match = _ANGLE_TOKEN.search(raw)
    inner = "".join((match.group(1) if match else raw).split())
    return f"<{inner}>" if inner else None


def id_list(raw: str | None) -> tuple[str, ...]:
    """Every ``<id>`` of a References or In-Reply-To value, in order."""
    if not raw:
        return ()
    tokens = ["".join(t.split()) for t in _ANGLE_TOKEN.findall(raw)]
    if not tokens and raw.strip():
        tokens = raw.split()
    return tuple(dict.fromkeys(f"<{t}>" for t in tokens if t))


def bare_address(raw: str | None) -> str:
    """A bare, lower-case address ("" when there is none, e.g. an X.500 one)."""
    if not raw:
        return ""
    value = raw.strip()
    if value.lower().startswith("smtp:"):
        value = value[5:]
    if "<" in value:
        _, value = email.utils.parseaddr(value)
    value = value.strip().lower()
    return value if "@" in value and " " not in value else ""


def addresses(raws: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(a for a in map(bare_address, raws) if a))


def kept_headers(pairs: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Only the headers the rules read (bot.model.message.KEPT_HEADERS), first of
    each, lower-case names, unfolded values."""
    out: dict[str, str] = {}
    for name, value in pairs:
        key = (name or "").strip().lower()
        if key in _KEPT and key not in out:
            out[key] = " ".join(str(value or "").split())
    return tuple(out.items())


def header_value(pairs: Iterable[tuple[str, str]], name: str) -> str | None:
    name = name.lower()
    for key, value in pairs:
        if (key or "").strip().lower() == name:
            return str(value or "")
    return None


def utc(value: datetime | None) -> datetime | None:
    """A plain timezone-aware UTC datetime (exchangelib returns its own subclass)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return datetime.fromtimestamp(value.timestamp(), tz=UTC)


