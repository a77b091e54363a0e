"""Text preparation: one test per clean-up behaviour, plus a few invariants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.adapters.nlp.textprep import (
    MAX_CHARS,
    looks_like_html,
    model_text,
    officer_domains,
    prepare,
)

ASK = "Please can you look at the missed bin collection at 12 Elm Road?"


def test_subject_comes_first_then_body() -> None:
    out = prepare("Missed bin", ASK)
    assert out.split("\n") == ["Missed bin", ASK]


def test_whitespace_is_normalised() -> None:
    out = prepare("  Missed \t bin ", "Please   look\r\n\r\n\r\n\tat the\u00a0bin.  ")
    assert out == "Missed bin\nPlease look\nat the bin."


def test_lines_of_one_paragraph_are_joined() -> None:
    assert prepare("s", "Please look at\nthe bin\n\nThanks for\nyour help so far today") == (
        "s\nPlease look at the bin\nThanks for your help so far today"
    )


def test_html_body_becomes_text() -> None:
    body = (
        "<html><head><style>p {color: red}</style></head><body><p>Hello&nbsp;Sam,</p>"
        "<p>Could you send me the <b>minutes</b> &amp; papers?</p></body></html>"
    )
    assert looks_like_html(body)
    assert (
        prepare("Minutes", body) == "Minutes\nHello Sam,\nCould you send me the minutes & papers?"
    )


def test_html_blockquote_history_is_dropped() -> None:
    body = "<div>Any update?</div><blockquote><p>We will reply soon.</p></blockquote>"
    assert prepare("Re: bins", body) == "Re: bins\nAny update?"


def test_plain_text_with_angle_brackets_is_not_html() -> None:
    assert not looks_like_html("Costs went from <100 to >200 this year.")


def test_sign_off_and_name_block_are_stripped() -> None:
    for sign_off in ("Kind regards", "Best wishes", "Regards,", "Thanks,", "Diolch", "Many thanks"):
        body = f"{ASK}\n\n{sign_off}\nJane Smith\nRiverside Ward"
        assert prepare("s", body) == f"s\n{ASK}", sign_off


def test_sign_off_with_name_on_same_line() -> None:
    assert prepare("s", f"{ASK}\nKind regards, Jane") == f"s\n{ASK}"


def test_double_dash_signature_is_stripped() -> None:
    body = f"{ASK}\n-- \nJane Smith | Labour | 07700 900123\nwww.example.org"
    assert prepare("s", body) == f"s\n{ASK}"


def test_cllr_block_is_stripped() -> None:
    body = f"{ASK}\n\nCllr Jane Smith\nMember for Riverside Ward\nLabour Group"
    assert prepare("s", body) == f"s\n{ASK}"


def test_cllr_at_the_start_is_kept() -> None:
    body = "Cllr Smith here.\nI need the minutes of the last planning committee please."
    assert "Cllr Smith here." in prepare("s", body)


def test_phone_lines_are_stripped() -> None:
    body = (
        f"{ASK}\nTel: 01234 567890\nMobile: 07700 900123\n+44 (0)1234 567 890\nSent from my iPhone"
    )
    assert prepare("s", body) == f"s\n{ASK}"


def test_a_bare_thanks_message_is_kept() -> None:
    # The whole message is the thanks: it is what makes the email kind "other".
    assert prepare("Bins", "Thanks!\n") == "Bins\nThanks!"


def test_a_sign_off_followed_by_more_text_is_kept() -> None:
    body = "Thanks for the reply.\n" + "\n".join(
        f"Point {i}: this is a long paragraph of real content that goes on and on for a while."
        for i in range(12)
    )
    assert prepare("s", body).count("Point") == 12


def test_disclaimer_footer_is_stripped() -> None:
    body = (
        f"{ASK}\n\nKind regards\nJane\n\n"
        "This email and any attachments are confidential and intended solely for the "
        "addressee. If you are not the intended recipient please delete it.\n"
        "Please consider the environment before printing this email."
    )
    assert prepare("s", body) == f"s\n{ASK}"


def test_the_word_confidential_in_the_request_is_kept() -> None:
    body = "Please send me the confidential appendix to the depot report."
    assert prepare("s", body) == f"s\n{body}"


def test_quoted_lines_are_dropped() -> None:
    body = f"{ASK}\n> earlier text\n> more earlier text"
    assert prepare("s", body) == f"s\n{ASK}"


def test_on_wrote_block_is_dropped() -> None:
    body = (
        "Any update on this please?\n\n"
        "On Mon, 2 Nov 2026 at 09:12, Sam Officer <sam@exampleton.gov.uk> wrote:\n"
        "We are looking into it.\n> original"
    )
    assert prepare("Re: bins", body) == "Re: bins\nAny update on this please?"


def test_on_wrote_split_over_two_lines_is_dropped() -> None:
    body = (
        "Any update?\n\nOn Mon, 2 Nov 2026 at 09:12, Sam Officer <\nsam@exampleton.gov.uk> wrote:"
        "\nWe are looking into it."
    )
    assert prepare("Re: bins", body) == "Re: bins\nAny update?"


def test_reply_below_a_quote_is_kept_and_the_quote_dropped() -> None:
    # Bottom-posting: the member's new text comes after our quoted earlier reply.
    body = (
        "On Thu, 2 Oct 2025 at 09:12, Contact Centre <contact@exampleton.gov.uk> wrote:\n"
        "> Thank you for your enquiry. It has been passed to the department.\n\n"
        "Six weeks on and still no answer. Who is responsible?\n\nCllr Brian Stokes"
    )
    assert prepare("Re: enquiry", body) == (
        "Re: enquiry\nSix weeks on and still no answer. Who is responsible?"
    )


def test_quote_with_nothing_below_it_ends_the_message() -> None:
    body = (
        "Any update?\n\nOn Mon, 2 Nov 2026 at 09:12, Sam Officer <sam@exampleton.gov.uk> wrote:"
        "\n> We are looking into it.\n>\n> Sam\n\n"
    )
    assert prepare("Re: bins", body) == "Re: bins\nAny update?"


def test_outlook_officer_reply_is_dropped() -> None:
    body = (
        "Thanks, that's really helpful.\n\n"
        "________________________________\n"
        "From: Sam Officer <sam.officer@exampleton.gov.uk>\n"
        "Sent: 03 November 2026 10:00\n"
        "To: Jane Smith <jane.smith@exampleton.gov.uk>\n"
        "Subject: RE: Missed bin\n\n"
        "The crew will return tomorrow."
    )
    assert prepare("RE: Missed bin", body) == "RE: Missed bin\nThanks, that's really helpful."


def test_original_message_reply_is_dropped() -> None:
    body = (
        "Still not fixed.\n\n-----Original Message-----\n"
        "From: Highways Team <highways@exampleton.gov.uk>\nSent: 03 November 2026 10:00\n"
        "To: Cllr Jane Smith\nSubject: Pothole\n\nWe have scheduled a repair."
    )
    assert prepare("RE: Pothole", body) == "RE: Pothole\nStill not fixed."


FORWARD = (
    "Sam - see below, can you help?\n\nThanks,\nJane\n\n"
    "---------- Forwarded message ---------\n"
    "From: Bob Jones <bob.jones@gmail.com>\n"
    "Date: Mon, 2 Nov 2026 at 09:12\n"
    "Subject: Fly-tipping\n"
    "To: Jane Smith <jane.smith@exampleton.gov.uk>\n\n"
    "There's a pile of mattresses dumped in Mill Lane again.\n\n"
    "Regards\nBob\n07700 900456"
)


def test_forwarded_constituent_message_is_kept_without_headers_or_signatures() -> None:
    assert prepare("Fwd: Fly-tipping", FORWARD) == (
        "Fwd: Fly-tipping\nSam - see below, can you help?\n"
        "There's a pile of mattresses dumped in Mill Lane again."
    )


def test_outlook_forward_of_constituent_is_kept() -> None:
    body = (
        "Please can someone look at this.\n\n-----Original Message-----\n"
        "From: Mary Brown <mary.b@btinternet.com>\nSent: 02 November 2026 18:20\n"
        "To: Cllr Jane Smith\nSubject: Damp in my flat\n\n"
        "My flat at 4 Oak Close has black mould in every room."
    )
    out = prepare("FW: Damp in my flat", body)
    assert "black mould in every room" in out
    assert "From:" not in out and "Sent:" not in out


def test_forwarded_council_message_is_dropped() -> None:
    body = (
        "FYI.\n\n---------- Forwarded message ---------\n"
        "From: Planning <planning@exampleton.gov.uk>\nDate: Mon, 2 Nov 2026\n"
        "Subject: Decision\nTo: Jane\n\nThe application was refused."
    )
    assert prepare("Fwd: Decision", body) == "Fwd: Decision\nFYI."


def _outlook_quote(sender: str, to: str = "Cllr Jane Smith <jane.smith@gmail.com>") -> str:
    return (
        "Can you help? See below.\n\n________________________________\n"
        f"From: {sender}\nSent: 02 November 2026 18:20\nTo: {to}\nSubject: Hedge\n\n"
        "Who complained about my hedge? I want to know."
    )


def test_constituent_message_quoted_under_a_plain_subject_is_kept() -> None:
    # The member passed it on with "see below" and a subject of their own.
    out = prepare("Quick one", _outlook_quote("Lee Harrison <lee_h@outlook.com>"))
    assert (
        out == "Quick one\nCan you help? See below.\nWho complained about my hedge? I want to know."
    )


@pytest.mark.parametrize(
    ("sender", "to"),
    [
        # a parish clerk writing from the parish council's own domain
        ("Sandra Pyke <clerk@littlehaddon-pc.org.uk>", "Cllr Jane Smith <jane.smith@gmail.com>"),
        # an officer in the member's own organisation, whatever its domain
        ("Helen Marsh <helen@eastonmagna.org>", "Cllr Paul Kershaw <paul@eastonmagna.org>"),
        # no address: a name alone may be an officer, so the quote is history
        ("Joanne Platt", "Cllr Jane Smith"),
    ],
)
def test_reply_from_the_council_is_dropped_under_a_plain_subject(sender: str, to: str) -> None:
    assert prepare("RE: Hedge", _outlook_quote(sender, to)) == "RE: Hedge\nCan you help? See below."


def test_two_free_mail_addresses_are_not_colleagues() -> None:
    body = _outlook_quote("Bob <bob@gmail.com>", "Cllr Jane Smith <jane.smith@gmail.com>")
    assert "Who complained about my hedge?" in prepare("FW: Hedge", body)


def test_the_councils_own_domains_mark_a_quoted_reply_as_history() -> None:
    # Northern Irish councils often write from domains no pattern can recognise.
    body = _outlook_quote("Ciara Boyle <ciara.boyle@nmandd.org>")
    assert "Who complained" in prepare("RE: Hedge", body)  # unknown domain: kept
    domains = officer_domains(["Ciara.Boyle@NMandD.org", "it.helpdesk@gmail.com", "no-address"])
    assert domains == frozenset({"nmandd.org"})  # free mail is nobody's council
    out = prepare("RE: Hedge", body, council_domains=domains)
    assert out == "RE: Hedge\nCan you help? See below."
    assert "complained" not in model_text("RE: Hedge", body, domains)


def test_length_is_capped_at_a_word_boundary() -> None:
    body = "word " * 2000
    out = prepare("s", body)
    assert len(out) <= MAX_CHARS
    assert out.endswith("word")


def test_model_text_lowercases_and_folds_digits_and_addresses() -> None:
    assert model_text("Bin at 12 Elm", "Mail bob@x.com or see https://x.org/a in 2026") == (
        "bin at 00 elm mail emailaddress or see weblink in 0000 cue_case"
    )


def test_model_text_adds_one_cue_token_per_cue_group() -> None:
    text = model_text("Urgent", "I want this on my desk by 9am. The officer was rude to her.")
    assert text.split()[-3:] == ["cue_pressure", "cue_staff", "cue_instruct"]
    assert model_text("", "") == "emptyemail"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.text(max_size=3000))
def test_prepare_never_fails_and_respects_the_cap(subject: str, body: str) -> None:
    out = prepare(subject, body)
    assert len(out) <= MAX_CHARS
    assert "\x00" not in out


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=500))
def test_prepare_keeps_its_own_words(body: str) -> None:
    # Cleaning cleaned text changes nothing but paragraph breaks.
    once = prepare("", body)
    assert prepare("", once).split() == once.split()


def test_protective_marking_lines_are_stripped() -> None:
    body = f"Classification: OFFICIAL\n\n{ASK}\n\nOFFICIAL-SENSITIVE"
    assert prepare("s", body) == f"s\n{ASK}"


def test_party_imprint_and_welsh_language_footers_are_stripped() -> None:
    body = (
        f"{ASK}\n\nDiolch yn fawr, Sian\n\nCynghorydd / Councillor Sian Hughes\nPen-y-bryn Ward\n\n"
        "Promoted by P. Morrison on behalf of Labour, 89 High Street. This email account is "
        "used for my work as a councillor and as a party campaigner.\n"
        "Croesewir gohebiaeth yn Gymraeg. / We welcome correspondence in Welsh."
    )
    assert prepare("s", body) == f"s\n{ASK}"


def test_entities_and_inline_images_in_plain_text_are_cleaned() -> None:
    body = "Can&nbsp; you help &amp; reply?\n\n*Cllr Bev Cartwright*\n[cid:image006.png@01DA7C25]"
    assert prepare("s", body) == "s\nCan you help & reply?"


def test_a_bare_closing_name_is_stripped() -> None:
    assert prepare("s", f"{ASK}\n\nDave Rudd") == f"s\n{ASK}"
    assert prepare("s", f"{ASK}\nB.") == f"s\n{ASK}"
