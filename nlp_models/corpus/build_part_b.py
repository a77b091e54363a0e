"""Build part B of the member-request training corpus (raw/part_b.jsonl).

Part B is built from *personas* and *scenarios*, not from a bank of request cores:

* PERSONAS: councillors with a council, a ward, a party (or none) and writing habits
  (a retired headteacher's long formal paragraphs, a phone-only councillor in lower
  case, a Welsh county borough councillor's greetings, a dyslexic writer's consistent
  misspellings, a councillor who only ever forwards constituents' emails, ...).
* SCENARIO FAMILIES: one service topic each (potholes, allocations, TPOs, ...) with
  hand-written variants in which the member wants different things, so one topic
  appears under several kinds. Each variant carries its own labels and, for boundary
  cases, a note saying why.

Each variant is rendered through several personas: greeting, sign-off, signature,
habits, forwarded constituent mail, quoted officer replies, footers and HTML-to-text
debris. Rendering never changes what the member asks, so it never changes the labels.

Text mini-language in the scenario strings:
    {name}      a placeholder filled per email (street, resident, officer, ...)
    [a|b|c]     pick one alternative
    " // "      paragraph break

Run:  python nlp_models/corpus/build_part_b.py      (stdlib only, seed 7411)
"""

from __future__ import annotations

import datetime
import json
import random
import re
import textwrap
from collections import Counter
from pathlib import Path

SEED = 7411
OUT = Path(__file__).resolve().parent / "raw" / "part_b.jsonl"
TARGET_PER_KIND = 172
# Variants with a concern are rendered twice as often as those without, so that about
# half the emails carry at least one concern. Not for instructions: most instruction
# variants already carry a concern, and the model must not learn instruction => pressure.
CONCERN_WEIGHT = 2.0
NO_CONCERN_BOOST_KINDS = ("instruction",)

KINDS = ("casework", "information", "documents", "meeting", "media", "complaint",
         "instruction", "other")
CONCERNS = ("party_political", "private", "pressure", "confidential", "staff_matter")
CODE = {"pp": "party_political", "pv": "private", "ps": "pressure", "cf": "confidential",
        "sm": "staff_matter"}


# ----------------------------------------------------------------------------------
# data helpers
# ----------------------------------------------------------------------------------

class Variant:
    __slots__ = ("kind", "concerns", "subj", "body", "fwd", "top", "prev", "note", "why", "short",
                 "who", "need", "raw", "weight", "family", "svc", "roles", "fam_key")

    def __init__(self, kind, concerns, subj, body, *, fwd=None, top=None, prev=None,
                 note=None, why=None, short=None, who=None, need=None, raw=False,
                 weight=1.0):
        assert kind in KINDS, kind
        self.kind = kind
        self.concerns = tuple(CODE[c] for c in concerns.split()) if concerns else ()
        self.subj = subj
        self.body = body
        self.fwd = fwd          # (constituent subject, constituent text)
        self.top = top          # one-liner a forwarder puts above the forward
        self.prev = prev        # officer's earlier reply, quoted below
        self.note = note        # boundary note -> meta.hard and meta.note
        self.why = why          # labelling rationale for a clear case (source only)
        self.short = short      # the request as a subject line (request-in-subject)
        self.who = who          # persona keys only
        self.need = need        # persona attribute required ("biz", "parish", ...)
        self.raw = raw          # automatic reply: no persona rendering
        self.weight = weight


def v(kind, concerns, subj, body, **kw):
    return Variant(kind, concerns, subj, body, **kw)


class Family:
    def __init__(self, key, svc, roles, variants):
        self.key = key
        self.svc = svc
        self.roles = roles
        self.variants = variants
        for var in variants:
            var.family = self
            var.svc = svc
            var.roles = roles
            var.fam_key = key


FAMILIES: list[Family] = []


def fam(key, svc, roles, variants):
    FAMILIES.append(Family(key, svc, roles, variants))


# ----------------------------------------------------------------------------------
# councils and personas
# ----------------------------------------------------------------------------------

COUNCILS = {
    "harrowfield": dict(name="Harrowfield District Council", type="district", region="eng",
                        paper="Harrowfield Gazette", domain="harrowfield.gov.uk"),
    "kingsmere": dict(name="London Borough of Kingsmere", type="london_borough", region="eng",
                      paper="Kingsmere Chronicle", domain="kingsmere.gov.uk"),
    "eastmoor": dict(name="Eastmoor Metropolitan Borough Council", type="metropolitan_borough",
                     region="eng", paper="Eastmoor Evening Post", domain="eastmoor.gov.uk"),
    "wealdshire": dict(name="North Wealdshire County Council", type="county", region="eng",
                       paper="Wealdshire Observer", domain="northwealdshire.gov.uk"),
    "ashcombe": dict(name="Ashcombe Council", type="unitary", region="eng",
                     paper="Ashcombe Echo", domain="ashcombe.gov.uk"),
    "tenbury": dict(name="Tenbury Marsh Town Council", type="town_council", region="eng",
                    paper="Marsh Advertiser", domain="tenburymarsh-tc.gov.uk"),
    "bardon": dict(name="Little Bardon Parish Council", type="parish_council", region="eng",
                   paper="Bardon Bugle", domain="littlebardon-pc.gov.uk"),
    "caerwen": dict(name="Caerwen County Borough Council", type="welsh_county_borough",
                    region="wal", paper="Caerwen Leader", domain="caerwen.gov.wales"),
    "fynydd": dict(name="Sir Fynydd County Council", type="welsh_county", region="wal",
                   paper="Fynydd Herald", domain="sirfynydd.gov.wales"),
    "strathmuir": dict(name="Strathmuir Council", type="scottish_council", region="sco",
                       paper="Strathmuir Courier", domain="strathmuir.gov.uk"),
    "ardmoyle": dict(name="Ardmoyle and Lagan Borough Council", type="ni_district", region="ni",
                     paper="Ardmoyle Times", domain="ardmoylelagan.gov.uk"),
}

ALL_SVC = {"highways", "waste", "housing", "planning", "licensing", "council_tax", "benefits",
           "social_care", "schools", "parks", "cemeteries", "leisure", "libraries",
           "allotments", "parking", "env_health", "trees", "flooding", "asb", "regeneration",
           "budget", "procurement", "elections", "standards", "scrutiny", "democratic",
           "members", "staff", "media", "grants", "community", "climate", "assets",
           "cleansing", "transport", "prow", "general", "clerk", "groups"}
SVC_BY_TYPE = {
    "district": ALL_SVC - {"highways", "social_care", "schools", "libraries", "transport",
                           "prow", "clerk"},
    "county": {"highways", "social_care", "schools", "libraries", "flooding", "budget",
               "procurement", "standards", "scrutiny", "democratic", "members", "staff",
               "media", "transport", "prow", "climate", "assets", "trees", "general",
               "grants", "groups"},
    "unitary": ALL_SVC - {"clerk"},
    "metropolitan_borough": ALL_SVC - {"prow", "clerk"},
    "london_borough": ALL_SVC - {"prow", "clerk"},
    "welsh_county_borough": ALL_SVC - {"clerk"},
    "welsh_county": ALL_SVC - {"clerk"},
    "scottish_council": ALL_SVC - {"clerk"},
    "ni_district": {"waste", "planning", "leisure", "env_health", "cemeteries", "parks",
                    "regeneration", "budget", "procurement", "standards", "democratic",
                    "members", "staff", "media", "grants", "community", "climate", "assets",
                    "cleansing", "allotments", "general", "licensing", "groups"},
    "town_council": {"allotments", "cemeteries", "parks", "budget", "democratic", "grants",
                     "community", "climate", "general", "clerk", "groups"},
    "parish_council": {"allotments", "cemeteries", "parks", "budget", "democratic",
                       "grants", "community", "general", "clerk"},
}

PARTY_INFO = {
    "Labour": dict(group="Labour Group", leaflet="Labour Rose", camp="the Labour campaign"),
    "Conservative": dict(group="Conservative Group", leaflet="In Touch",
                         camp="the Conservative campaign"),
    "Liberal Democrat": dict(group="Lib Dem group", leaflet="Focus", camp="our Lib Dem team"),
    "Green": dict(group="Green Group", leaflet="Green News", camp="the Green campaign"),
    "Plaid Cymru": dict(group="Plaid group", leaflet="Newyddion Plaid", camp="the Plaid team"),
    "SNP": dict(group="SNP group", leaflet="SNP Ward Update", camp="the SNP campaign"),
    "Alliance": dict(group="Alliance group", leaflet="Alliance Matters",
                     camp="the Alliance team"),
    "SDLP": dict(group="SDLP group", leaflet="SDLP Ward News", camp="the SDLP campaign"),
    "Independent": dict(group="Independent Group", leaflet="ward newsletter",
                        camp="my re-election campaign"),
    "Residents": dict(group="Residents' Association group", leaflet="Residents' Voice",
                      camp="the Residents' campaign"),
}


class Persona:
    def __init__(self, key, first, last, gender, council, ward, party, habits, *,
                 ward_word="ward", sig=None, biz=None, role=None, body=None, note=""):
        self.key = key
        self.first = first
        self.last = last
        self.gender = gender
        self.council_key = council
        self.council = COUNCILS[council]
        self.ward = ward
        self.party = party
        self.habits = set(habits.split())
        self.ward_word = ward_word
        self.sig = sig
        self.biz = biz
        self.role = role
        self.body = body          # another body the member serves on
        self.note = note


PERSONAS = [
    Persona("ellison", "Margaret", "Ellison", "f", "harrowfield", "Abbeyfield", "Conservative",
            "formal long", note="retired headteacher; long formal paragraphs, full sentences",
            body="the governing body of Abbeyfield Primary"),
    Persona("patel", "Jay", "Patel", "m", "kingsmere", "Northgate", "Labour",
            "lower mobile", note="24, writes from his phone, lower case, no punctuation"),
    Persona("munro", "Alasdair", "Munro", "m", "strathmuir", "Ward 4 - Glenbrae and Kilmory",
            "Independent", "scots chatty",
            body="Glenbrae and District Community Council",
            note="also chairs the local community council; chatty, signs with both roles"),
    Persona("pritchard", "Eirian", "Pritchard", "f", "caerwen", "Cwm Dulais", "Plaid Cymru",
            "welsh", note="Welsh greetings and sign-offs, bilingual signature"),
    Persona("pickering", "Gary", "Pickering", "m", "harrowfield", "Bardon and Wick",
            "Independent", "terse trade", biz="Pickering Building & Roofing Ltd",
            body="the Bardon Village Hall committee",
            note="local builder, also a parish councillor; short, blunt, trade vocabulary"),
    Persona("hammond", "Tracey", "Hammond", "f", "eastmoor", "Holt Park", "Labour",
            "dyslexic warm", note="dyslexic; the same words misspelt the same way every time"),
    Persona("stainton", "Derek", "Stainton", "m", "wealdshire", "Tillingham and Marsh",
            "Conservative", "forwarder", ward_word="division",
            note="forwards constituents' emails with one line on top"),
    Persona("rao", "Anjali", "Rao", "f", "ashcombe", "St Jude's", "Liberal Democrat",
            "precise", note="GP; numbered questions, precise wording"),
    Persona("cottrell", "Brian", "Cottrell", "m", "eastmoor", "Moorside", "Conservative",
            "caps terse", note="old school; capitals for emphasis, curt"),
    Persona("hughes", "Sian", "Hughes", "f", "caerwen", "Pen-y-bryn", "Labour",
            "welsh brief", note="brief; Welsh sign-offs; bilingual signature"),
    Persona("doherty", "Patrick", "Doherty", "m", "ardmoyle", "Lagan Valley DEA", "Alliance",
            "chatty ni", ward_word="DEA", note="Northern Irish councillor, friendly and chatty"),
    Persona("grant", "Fiona", "Grant", "f", "strathmuir", "Ward 7 - Strathmuir East",
            "Liberal Democrat", "formal scots", body="the board of Muirside Housing Association",
            note="formal; sits on a housing association board"),
    Persona("aldridge", "Tom", "Aldridge", "m", "kingsmere", "Riverside", "Green",
            "gmail links", note="campaigner; quotes figures and links, Gmail quoting"),
    Persona("tait", "Rosemary", "Tait", "f", "tenbury", "Marsh North", "Independent",
            "formal oldfashioned parish", body="the parochial church council of St Botolph's",
            note="town councillor, old-fashioned letter style, writes to 'the Clerk'"),
    Persona("mensah", "Kwame", "Mensah", "m", "kingsmere", "Eastbrook", "Labour",
            "brisk cabinet", role="Cabinet Member for Housing",
            note="cabinet member; brisk one-liners, 'ta'"),
    Persona("marsh", "Helen", "Marsh", "f", "wealdshire", "Oakley Vale", "Conservative",
            "formal precise", ward_word="division", role="Chair of Scrutiny",
            note="chairs scrutiny; precise, formal"),
    Persona("rudd", "Dave", "Rudd", "m", "eastmoor", "Cragg Vale", "Independent",
            "onepara", note="one long paragraph, no breaks"),
    Persona("hussain", "Nadia", "Hussain", "f", "eastmoor", "Holt Park", "Labour",
            "outlookmobile", note="writes on Outlook for Android between meetings"),
    Persona("morgan", "Gwyn", "Morgan", "m", "fynydd", "Llanfair Uchaf", "Independent",
            "welsh terse farmer", biz="Tŷ Isaf Farm",
            note="hill farmer; writes late at night, short, some Welsh"),
    Persona("barker", "Chloe", "Barker", "f", "harrowfield", "Priory", "Liberal Democrat",
            "chatty exclaim", note="enthusiastic; exclamation marks"),
    Persona("mcleod", "Ian", "McLeod", "m", "strathmuir", "Ward 2 - Kirkton", "Conservative",
            "terse scots", note="terse"),
    Persona("walsh", "Jennifer", "Walsh", "f", "ashcombe", "Northfield", "Labour",
            "html partysig", note="HTML signature with images; party in signature"),
    Persona("fairweather", "Rob", "Fairweather", "m", "ashcombe", "Castle", "Green",
            "long academic", body="the Ashcombe Rivers Trust",
            note="lecturer; long, reasoned emails with references"),
    Persona("oneill", "Maureen", "O'Neill", "f", "eastmoor", "Cragg Vale", "Labour",
            "wrap", note="old mail client; hard line wraps in odd places"),
    Persona("blake", "Stephen", "Blake", "m", "harrowfield", "Harrowfield Central",
            "Conservative", "leader formal", role="Leader of the Council",
            note="council leader; authoritative but polite"),
    Persona("ali", "Yusuf", "Ali", "m", "kingsmere", "Northgate", "Independent",
            "numbered cc", body="the Northgate Mosque trustees",
            note="numbers his points; copies ward colleagues"),
    Persona("dunn", "Beverley", "Dunn", "f", "bardon", "Little Bardon", "Independent",
            "brisk parish", role="Chair of the Parish Council",
            note="parish council chair; brisk with the clerk"),
    Persona("lockwood", "Emma", "Lockwood", "f", "wealdshire", "Heathcote", "Liberal Democrat",
            "ipad quickone", ward_word="division", note="iPad; 'quick one' subjects"),
    Persona("jenkins", "Owain", "Jenkins", "m", "caerwen", "Treharne", "Labour",
            "welsh forwarder", note="forwards constituents, Welsh greetings"),
    Persona("crane", "Lesley", "Crane", "f", "tenbury", "Marsh South", "Conservative",
            "precise parish", role="Chair of Finance",
            note="town council finance chair; precise about figures"),
    Persona("iqbal", "Mohammed", "Iqbal", "m", "eastmoor", "Central", "Labour",
            "brisk cabinet", role="Cabinet Member for Regeneration",
            note="cabinet member; bullet-point brevity"),
    Persona("whitlock", "Sandra", "Whitlock", "f", "harrowfield", "Wick Green", "Independent",
            "rambling long", body="Wick Green Community Larder",
            note="long rambling emails with local history; runs a charity"),
    Persona("baxter", "Craig", "Baxter", "m", "strathmuir", "Ward 4 - Glenbrae and Kilmory",
            "SNP", "gmail casual", note="young, Gmail, casual but punctuated"),
    Persona("byrne", "Aoife", "Byrne", "f", "ardmoyle", "Ardmoyle North DEA", "SDLP",
            "formal ni", ward_word="DEA", note="formal"),
    Persona("lang", "Peter", "Lang", "m", "kingsmere", "Old Town", "Conservative",
            "formal", biz="The Lamb & Flag, Old Town", role="Chair of Licensing Committee",
            note="licensing chair who owns a pub"),
    Persona("evans", "Delyth", "Evans", "f", "fynydd", "Aberwen", "Plaid Cymru",
            "welsh long", note="long careful emails, Welsh greetings"),
    Persona("shaw", "Kevin", "Shaw", "m", "wealdshire", "Marsh Green", "Residents",
            "caps forwarder", ward_word="division",
            note="residents' association councillor; forwards with angry one-liners"),
]
PERSONA_BY_KEY = {p.key: p for p in PERSONAS}


# ----------------------------------------------------------------------------------
# name pools
# ----------------------------------------------------------------------------------

STREETS = {
    "eng": ["Mill Lane", "Station Road", "Coronation Avenue", "Beech Grove", "Chapel Street",
            "Priory Close", "Kingsway", "Orchard Rise", "Victoria Terrace", "Hawthorn Drive",
            "Cross Street", "Albert Road", "Manor Way", "Wellfield Road", "Nelson Street",
            "Gladstone Street", "Fern Bank", "Windmill Hill", "Paddock Close", "Eldon Road"],
    "wal": ["Heol y Parc", "Bryn Road", "Stryd Fawr", "Maes y Dre", "Heol Eglwys",
            "Tan y Bryn", "Commercial Street", "Gwaun Road", "Ffordd Celyn", "Brynteg Terrace",
            "Station Terrace", "Heol Tywi"],
    "sco": ["Burnside Road", "Kirk Wynd", "Main Street", "Glebe Crescent", "Braeside Avenue",
            "Mill Brae", "Station Brae", "Heather Place", "Loanhead Road", "Craigview Terrace"],
    "ni": ["Church Road", "Glenview Park", "Lisnagarvey Drive", "Ballyrobin Road",
           "Mill Street", "Riverside Gardens", "Hillhead Avenue", "Thornleigh Park"],
}
LANES = {
    "eng": ["Back Lane", "Dobbins Lane", "the cinder track off {street}", "Tanners Alley",
            "the ginnel behind {street}", "Gravel Pit Lane"],
    "wal": ["Lôn Goch", "the back lane behind {street}", "Feeder Road", "Heol Gam"],
    "sco": ["the lane behind {street}", "Coach Road", "Whinny Loan", "the old railway path"],
    "ni": ["the entry behind {street}", "Quarry Lane", "Moss Road"],
}
PARKS = {
    "eng": ["Victoria Park", "Memorial Park", "the rec on {street}", "Castle Green",
            "Jubilee Fields", "Holt Park"],
    "wal": ["Parc Coffa", "the Welfare Ground", "Parc y Dre", "the Rec"],
    "sco": ["Burnside Park", "the Public Park", "Kirkton Green", "the Glebe"],
    "ni": ["Lagan Meadows", "Church Road Park", "the Demesne"],
}
ESTATES = {
    "eng": ["Northfield estate", "Beacon Hill estate", "Priory Gardens estate",
            "Moorside estate"],
    "wal": ["Maes y Coed estate", "Pen-y-bryn estate", "Gurnos estate"],
    "sco": ["Kirkton scheme", "Glenbrae estate", "Muirside flats"],
    "ni": ["Glenview estate", "Hillhead estate"],
}
SCHOOLS = {
    "eng": ["St Mary's Primary", "Holt Park Academy", "Abbeyfield Primary", "Kingsway Juniors",
            "Marsh Green Infants"],
    "wal": ["Ysgol Gynradd Cwm Dulais", "Ysgol y Bryn", "Treharne Primary",
            "Ysgol Gyfun Caerwen"],
    "sco": ["Glenbrae Primary", "Kirkton Academy", "St Ninian's Primary"],
    "ni": ["St Colman's Primary", "Lagan Integrated College"],
}
RESIDENTS = {
    "eng": [("Mrs", "Joan", "Whitby", "f"), ("Mr", "Alan", "Price", "m"),
            ("Ms", "Kerry", "Dawson", "f"), ("Mr", "Tariq", "Mahmood", "m"),
            ("Mrs", "Pauline", "Rigby", "f"), ("Mr", "Lee", "Harrison", "m"),
            ("Miss", "Chantelle", "Brooks", "f"), ("Mr", "George", "Fenwick", "m"),
            ("Mrs", "Shabana", "Akhtar", "f"), ("Mr", "Stan", "Kowalczyk", "m"),
            ("Ms", "Rebecca", "Lyons", "f"), ("Mr", "Trevor", "Bates", "m")],
    "wal": [("Mrs", "Glenys", "Howells", "f"), ("Mr", "Dai", "Thomas", "m"),
            ("Ms", "Carys", "Bevan", "f"), ("Mr", "Huw", "Jones", "m"),
            ("Mrs", "Bethan", "Lloyd", "f"), ("Mr", "Wayne", "Powell", "m")],
    "sco": [("Mrs", "Morag", "Campbell", "f"), ("Mr", "Jim", "Sutherland", "m"),
            ("Ms", "Shona", "Reid", "f"), ("Mr", "Davie", "Robertson", "m"),
            ("Mrs", "Isla", "Paterson", "f")],
    "ni": [("Mrs", "Eileen", "McCann", "f"), ("Mr", "Sean", "Gilmore", "m"),
           ("Ms", "Roisin", "Kelly", "f"), ("Mr", "Billy", "Hamilton", "m")],
}
OFFICERS = [("Daniel", "Okafor", "m"), ("Gareth", "Lewis", "m"), ("Stuart", "Fraser", "m"),
            ("Mark", "Hollis", "m"), ("Imran", "Qureshi", "m"), ("Tom", "Beddoes", "m"),
            ("Neil", "Armitage", "m"), ("Ciaran", "McAllister", "m"), ("Rhodri", "Evans", "m"),
            ("Paul", "Whitaker", "m"), ("Adebayo", "Adeyemi", "m"), ("Jamie", "Kerr", "m"),
            ("Simon", "Prothero", "m"), ("Liam", "Doyle", "m"), ("Andrew", "Kowalski", "m"),
            ("Priya", "Shah", "f"), ("Claire", "Buckley", "f"), ("Rachel", "Dunmore", "f"),
            ("Siobhan", "Quinn", "f"), ("Kirsty", "Mackay", "f"), ("Nia", "Griffiths", "f"),
            ("Joanne", "Platt", "f"), ("Hannah", "Osei", "f"), ("Emma", "Wardle", "f"),
            ("Lucy", "Chen", "f"), ("Megan", "Rees", "f"), ("Fatima", "Begum", "f"),
            ("Gemma", "Holroyd", "f"), ("Aisling", "Murphy", "f"), ("Sarah", "Kendrick", "f")]
EMPLOYEES = [("Darren", "m"), ("Kelly", "f"), ("Mandy", "f"), ("Steve", "m"), ("Jo", "f"),
             ("Craig", "m"), ("Bev", "f"), ("Rob", "m"), ("Sunita", "f"), ("Phil", "m"),
             ("Leanne", "f"), ("Martin", "m"), ("Anwen", "f"), ("Callum", "m")]
OTHER_CLLRS = ["Cllr Harper", "Cllr Nicholls", "Cllr Bennett", "Cllr Ahmed", "Cllr Lowe",
               "Cllr Pryce", "Cllr Fleming", "Cllr Gallagher"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "September",
          "October", "November"]
ENV_AGENCY = {"eng": "the Environment Agency", "wal": "Natural Resources Wales",
              "sco": "SEPA", "ni": "DfI Rivers"}


# ----------------------------------------------------------------------------------
# scenario families
# ----------------------------------------------------------------------------------
# Concern codes: pp party_political, pv private, ps pressure, cf confidential,
# sm staff_matter.  note= marks a boundary case (meta.hard) and says why; why= records
# the reasoning for a clear case and is not written out.

# --- highways ---------------------------------------------------------------------

fam("potholes", "highways", ["Highways Inspector", "Area Highways Engineer"], [
    v("casework", "", "[Pothole|Potholes|Road defect] - {street}",
      "[There is a deep pothole|A pothole has opened up] outside {hn} {street}, on the "
      "nearside as you come down from the junction. {resl} [has already burst a tyre on it|"
      "tells me two cars have damaged wheels on it this week]. // Could an inspector "
      "[have a look|get out to it] and [arrange a repair|get it made safe]?",
      fwd=("Pothole outside my house",
           "Dear Councillor, // I am writing about the pothole outside my house at {hn} "
           "{street}. It has got much worse since the frost and my husband burst a tyre on it "
           "on Sunday night. It fills with water so you can't see how deep it is. Please can "
           "somebody come and fix it before someone on a bike comes off. // Thank you, // {res}"),
      top="[Can you get this looked at please|One for highways please - see below|"
          "Please see below, can an inspector have a look]",
      short="Pothole outside {hn} {street} - inspection please"),
    v("information", "", "Resurfacing programme",
      "Can you explain how roads get onto the annual resurfacing programme? // [Residents "
      "keep asking me why some roads are done and others are not|I get asked at every "
      "surgery why the same roads seem to be done every year], and I'd like to be able to "
      "give them a proper answer: is it condition survey scores, traffic volume, "
      "complaints, or a mixture? And what is the intervention depth for a pothole on an "
      "ordinary residential road?",
      short="How are roads chosen for the resurfacing programme?"),
    v("instruction", "ps", "{street} resurfacing",
      "{street} needs to go on this year's resurfacing programme. [I've already told the "
      "residents' association it will be done over the summer|I promised residents at the "
      "last surgery that it would be done this year], so please add it to the list and let "
      "me have the dates by the end of the week.",
      why="member tells the officer to add a road to the programme and fixes the answer in "
           "advance; queue-jumping and an unreasonable deadline"),
    v("complaint", "", "Potholes reported via the app",
      "I have now reported the same pothole on {street} [three|four] times through the "
      "app, and each time the report is closed as 'no defect found' within a day. It is "
      "plainly there: I have photographs. // I'm not asking for the hole to be filled "
      "today. I want to understand how reports are being assessed, why nobody seems to "
      "visit before closing them, and who I should raise this with, because [residents "
      "have lost faith in the system|the app is now a standing joke in the ward].",
      note="the pothole is mentioned, but the ask is about how reports are handled: "
           "complaint, not casework"),
    v("media", "", "Gazette - pothole claims",
      "[A reporter|A journalist] from the {paper} rang me this morning asking about the "
      "number of compensation claims for pothole damage. I said I'd come back to her. Has "
      "the press office got a line on this? I don't want to say anything that contradicts "
      "the council's position.",
      short="Journalist asking about pothole claims - is there a press line?"),
    v("information", "pp", "Potholes in {ward}",
      "Could I have the number of potholes repaired in {ward} each year since 2019, road by "
      "road? [A simple table is fine - I'll be dropping it straight into the next {leaflet} "
      "before May.|Ideally in a format I can use in the {leaflet} that goes out before the "
      "election.]",
      note="looks like a factual request, but the stated use is campaign literature"),
    v("documents", "", "Inspection records - {street}",
      "Please could you send me the highway safety inspection records for {street} for "
      "the last two years? A resident [is preparing a claim|has asked me] and I'd like to "
      "see what the inspections actually recorded before I reply.",
      short="Inspection records for {street} please"),
    v("other", "", "{street}",
      "[Just to say thank you|Thank you] - the pothole outside {hn} {street} was filled "
      "this morning and {resl} is [delighted|very pleased]. Please pass my thanks to the "
      "gang who did it.",
      note="thanks an officer's team by name of the job; nothing asked, no concern"),
])

fam("streetlight", "highways", ["Street Lighting Engineer", "Highways Officer"], [
    v("casework", "", "Street light out - {street}",
      "The street light [opposite|outside] {hn} {street} has been out for [three weeks|"
      "nearly a month]. It's on the stretch where the footpath goes down to the bus stop "
      "and [older residents are nervous walking there in the dark|two residents have "
      "tripped there]. Could it be [fixed|looked at] please?",
      fwd=("street light",
           "hi cllr the light outside ours ({hn} {street}) has been off since before "
           "christmas, I reported it online but heard nothing. its pitch black at the bottom "
           "of the road and my mum walks back from the bus there. can you chase it please "
           "thanks {resf}"),
      top="[see below|can you chase this please|Light out again, see below]"),
    v("casework", "", "Lamp column {street}",
      "Any idea of a timescale for the lamp column on {street} that was knocked down? "
      "[No rush at all|I know these take time], I'd just like to give residents an update "
      "when I see them on Saturday.",
      note="a polite request for a timescale on one street's problem; not pressure"),
    v("information", "", "Part-night lighting",
      "Which streets in {ward} are on part-night lighting, and what are the criteria for "
      "switching a light off after midnight? I've had a couple of questions and I'd rather "
      "understand the policy before answering.",
      short="Part-night lighting - which streets and why?"),
    v("meeting", "", "Dark footpath - site visit",
      "Would you be able to meet me and a couple of residents on the footpath between "
      "{street} and {street2} one evening after dark? It's much easier to see the problem "
      "than describe it. Any evening [next week|in the next fortnight] except {day} would "
      "suit me.",
      short="Site visit after dark - {street} footpath?"),
    v("other", "", "[Thank you|Lights]",
      "The new LED lights on {street} went in this week and they've made a real "
      "difference. [Several residents have stopped me to say so.|{resl} asked me to pass on "
      "her thanks.] Much appreciated."),
])

fam("gritting", "highways", ["Winter Maintenance Manager", "Highways Operations Manager"], [
    v("information", "", "Gritting routes",
      "Is {street} on a gritting route? If not, what would it take to get it on one - is "
      "there a published set of criteria (bus routes, gradients, schools)?",
      short="Is {street} on the gritting route?"),
    v("instruction", "", "Gritting - {street}",
      "Please add {street} to the priority gritting route from this winter. It's the only "
      "way in and out for [forty|sixty] households and the hill is lethal in a frost.",
      note="a direct instruction to change an operational route, though reasonably put; "
           "no pressure"),
    v("complaint", "", "Gritting failure",
      "On [Tuesday|Wednesday] morning the main road up to {estate} was not gritted and the "
      "buses couldn't get up the hill. Residents were stranded, including carers trying to "
      "reach clients. // I'd like an explanation of what went wrong, given the forecast was "
      "clear the day before, and what will be done differently next time. Frankly, it isn't "
      "good enough."),
    v("casework", "", "Grit bin",
      "The grit bin at the top of {street} is empty again. Could it be refilled before the "
      "cold snap at the weekend?",
      short="Grit bin empty - top of {street}"),
    v("other", "", "Re: grit bin",
      "Grit bin refilled this morning - I went past on the way to the shops. Thanks for "
      "sorting it so quickly.",
      prev="Thanks Councillor, I've asked the crew to refill it today. Regards"),
])

fam("speeding", "highways", ["Traffic Engineer", "Road Safety Officer"], [
    v("casework", "", "Speeding on {street}",
      "Residents of {street} have [got up a petition|collected 80 signatures] asking for "
      "traffic calming. Cars cut through at speed to avoid the lights and there have been "
      "two near misses outside the school gate. Could the road be assessed for calming "
      "measures?",
      fwd=("Speeding cars on {street}",
           "Dear Cllr {mlast}, // Once again we have cars using {street} as a rat run at "
           "40-50mph. This morning a van mounted the pavement outside {school} just as "
           "children were arriving. We have a petition with 80 names asking for speed humps "
           "or a 20mph zone. Please can you ask the council to look at this properly. // "
           "Regards, {res}"),
      top="[For your attention - see below|Can this be assessed please? See below]"),
    v("meeting", "", "Site meeting - {school}",
      "Could we arrange a site meeting outside {school} at drop-off time with you, the "
      "head teacher and me? I'd like you to see the parking and speeds for yourself before "
      "anything is designed. [Any morning next week would suit.|I'm free most mornings "
      "after the 10th.]",
      short="Site meeting at {school} drop-off?"),
    v("documents", "", "Speed survey {street}",
      "You mentioned at the area committee that a speed survey was done on {street} last "
      "autumn. Could I have a copy of the survey report, including the 85th percentile "
      "speeds?",
      short="Copy of {street} speed survey please"),
    v("instruction", "ps", "20mph report",
      "I've read the draft report on the {ward} 20mph scheme. The recommendation not to "
      "proceed [is not acceptable to me or to the cabinet member|will not survive contact "
      "with cabinet]. Please redraft it to recommend approval before it goes to the "
      "[agenda meeting|briefing] on {day}.",
      why="tells the officer to change a report recommendation - instruction, and demands "
           "a changed professional view"),
    v("media", "", "Speeding - residents going to the press",
      "Heads up: the {street} residents are going to the {paper} this week about speeding, "
      "with photos of the near misses. They'll probably ask the council for comment. Could "
      "the press team let me see whatever is said before it goes, as it's my ward?"),
    v("instruction", "", "Could you just",
      "Could you just put the 'slow - children' signs up on {street} while the assessment "
      "is being done? I know they're not technically part of the scheme but it would "
      "reassure people.",
      note="phrased as a question, but tells the officer to do a specific piece of work "
           "outside the scheme process"),
])

fam("dropped_kerb", "highways", ["Highways Development Control Officer", "Highways Officer"], [
    v("information", "", "Private road adoption",
      "Residents of {street} have asked me how they can get their private road adopted by "
      "the council. What's the process, roughly what does it cost them, and is there any "
      "funding to help?",
      note="'private road' is a road type; the request is ordinary ward information, no "
           "private interest"),
    v("casework", "", "Dropped kerb application",
      "{res} at {hn} {street} applied for a dropped kerb [in the spring|four months ago] - "
      "{res_he} is a blue badge holder and can't park outside {res_his} own house. {Res_he} "
      "has paid the fee but hasn't heard anything. Could you let me know where the "
      "application is?",
      short="Dropped kerb application - {hn} {street}"),
    v("casework", "pv ps", "Dropped kerb - my house",
      "My own application for a dropped kerb at home is with your team. I'd appreciate it "
      "if you could move it up the pile - I'm sure you understand I'm out and about on "
      "council business and parking is a nightmare.",
      why="the member's own application, and asks to jump the queue"),
    v("documents", "", "Dropped kerb policy",
      "Could you send me the current dropped kerb policy and the criteria document the team "
      "uses? [A resident has been refused and I want to read the policy before I go back "
      "to them.|I want to check what it says about verges.]"),
])

fam("prow", "prow", ["Rights of Way Officer", "Countryside Access Officer"], [
    v("casework", "", "Footpath blocked",
      "Footpath {num} [near|behind] {lane} has been blocked by a new fence and locked "
      "gate. Walkers have been [turned back|shouted at by the landowner]. Could your team "
      "look at getting it reopened?",
      fwd=("Blocked footpath",
           "Dear Councillor, I walk footpath {num} every day with my dog and last week a "
           "fence went up right across it with a padlocked gate. The landowner says it's "
           "not a right of way any more. It is on the map. Can you help? {res}"),
      top="[Public footpath blocked - see below|Can Rights of Way look into this?]"),
    v("casework", "pv", "Path through the yard",
      "People keep walking through my farmyard [at Tŷ Isaf|at home] on footpath {num}. The "
      "cattle are in there and it isn't safe. Can you divert the path round the edge of the "
      "field? I'll sign whatever is needed.",
      who=["morgan", "pickering"],
      note="dressed as a rights-of-way problem, but it is the member's own land"),
    v("information", "", "Definitive map",
      "How does a claim to add a path to the definitive map work, and how long is the "
      "backlog at the moment? A group in the {ww} want to claim an old route."),
    v("meeting", "", "Walk footpath {num}",
      "Would you be willing to walk footpath {num} with me and the parish footpath warden "
      "one morning? There are several stiles and a bridge we'd like you to see."),
])

# --- waste and street scene ---------------------------------------------------------

fam("missed_bins", "waste", ["Waste Services Manager", "Waste Operations Supervisor",
                             "Customer Services Team Leader"], [
    v("casework", "", "Missed bin {hn} {street}",
      "{res} at {hn} {street} is on assisted collections and {res_his} bin has been "
      "missed [three weeks running|twice this month]. {Res_he} can't wheel it out "
      "{res_him}self. Could the crew be reminded and the bin emptied [this week|as soon as "
      "possible]?",
      fwd=("missed bin AGAIN",
           "Councillor, my bin has been missed again. I'm on the assisted list because of my "
           "hip and the men are supposed to come round the back. Third time. It's full of "
           "nappies from my granddaughter and it stinks. Can you do something please. "
           "{res}, {hn} {street}"),
      top="[?? see below|Missed again - see below|Can you sort please]",
      short="Assisted collection missed again - {hn} {street}"),
    v("complaint", "", "{street} bins - again",
      "This is beyond a joke. The whole of {street} has been missed again - the fourth "
      "time since [March|the round changes]. Each time I report it, it gets collected a "
      "day or two later and then it happens again. // I don't want another one-off "
      "collection. I want to know why the crews keep missing this street, whether the round "
      "has been properly planned, and what is actually being done to stop it.",
      note="frustrated casework-looking email, but asks for an explanation of a repeated "
           "service failure: complaint"),
    v("casework", "", "BINS",
      "Bins on {street} NOT emptied again. Please get them collected today, they're "
      "overflowing and the foxes have been at them.",
      note="angry tone, but the ask is simply to collect one street's bins: casework; "
           "asking for same-day collection of a missed bin is not an unreasonable demand"),
    v("casework", "pv", "My bin",
      "[Slightly embarrassing one|A personal one, sorry] - our own bin at home was missed "
      "on {day}. Could you ask the crew to pick it up when they're next round?",
      why="the member's own household service, not ward casework"),
    v("complaint", "sm", "Bin crew",
      "A constituent on {street} tells me that when she asked the crew on {day} why her "
      "recycling had been left, the driver - she thinks his name is {emp} - swore at her "
      "and told her to 'read the leaflet'. She is 78. // I'd like this looked into, and I'd "
      "like to know what happens with this kind of thing.",
      why="complaint about a named employee's conduct: complaint plus staff_matter"),
    v("other", "", "Christmas collections",
      "Just wanted to say thank you to you and the crews for keeping everything going over "
      "Christmas and the snow. [I've had nothing but praise from residents.|Not one "
      "complaint in my inbox, which must be a first!]"),
    v("information", "", "Missed collections figures",
      "How many missed collections were reported across the borough last quarter, and how "
      "does that compare with the same quarter last year? Is {ww} worse than average?",
      short="Missed collection figures last quarter?"),
])

fam("flytipping", "cleansing", ["Enforcement Officer", "Street Scene Manager",
                                "Environmental Crime Officer"], [
    v("casework", "", "Fly-tipping {lane}",
      "There's a large fly-tip in {lane} - [mattresses, a sofa and about twenty black bags|"
      "builders' rubble and what looks like asbestos sheeting]. It's been there since the "
      "weekend. Could it be cleared, and could enforcement look through it for evidence?",
      fwd=("Rubbish dumped",
           "Hi, someone has dumped a load of rubbish in {lane} again, sofa, mattress, bags. "
           "Kids are climbing on it. Photo attached. Can the council shift it? {resf}"),
      top="[Can this be cleared please|See below - fly tipping again]",
      short="Fly-tip in {lane} - clearance please"),
    v("information", "", "Fly-tipping enforcement",
      "How many fixed penalty notices for fly-tipping were issued last year, how many "
      "prosecutions, and what were the average fines? Residents assume nobody is ever "
      "caught and I'd like the facts."),
    v("information", "cf", "Fly-tip - CCTV",
      "I hear the camera in {lane} caught the people who dumped the rubbish last month and "
      "you've identified the van. Can you tell me whose it is and where they live? [I know "
      "the family and I'll have a quiet word.|Residents want to know who it was.]",
      why="asks for the identity and address of a suspect under investigation"),
    v("media", "", "Fly-tipping prosecution",
      "Great news about the fly-tipping conviction. Could the press team put out a release "
      "on it? It would do a lot to deter others in {ward}. Happy to give a quote as ward "
      "member if that helps.",
      short="Press release on the fly-tipping conviction?"),
    v("instruction", "", "Camera in {lane}",
      "Please move the mobile CCTV camera to {lane} [next week|this month]. It's clearly "
      "the worst spot in the {ww} now.",
      why="tells the officer where to deploy a resource; instruction without pressure"),
    v("instruction", "", "Could you just",
      "Could you just pop a couple of those 'fly-tipping - you are being watched' signs up "
      "in {lane}? Even if there's no camera there, they seem to work.",
      note="phrased as a question but directs a specific piece of work"),
])

fam("garden_waste", "waste", ["Waste Services Manager", "Commercial Waste Officer"], [
    v("information", "", "Garden waste charge",
      "Why has the garden waste charge gone up to £[52|58] this year, and how many "
      "households subscribe? I'd like to understand the cost breakdown before the next "
      "residents' meeting.",
      short="Garden waste charge - reasons for the increase?"),
    v("complaint", "", "Garden waste sign-up",
      "The new online sign-up for garden waste is shambolic. Residents have paid and "
      "received no sticker, the phone line rings out, and the web form rejects perfectly "
      "good postcodes. I've had more emails about this in a fortnight than about anything "
      "else this year. What is going to be done?"),
    v("documents", "", "Garden waste report",
      "Could you send me the cabinet report that set the garden waste charge, and any "
      "background papers? I can't find it on the website.",
      short="Cabinet report on garden waste charge please"),
    v("casework", "", "Garden waste sticker",
      "{res} at {hn} {street} paid for garden waste on [the 3rd|the 5th] of last month and "
      "still has no sticker, so the bin isn't being emptied. Could someone sort it out? "
      "Payment reference {ref}.",
      fwd=("Garden waste",
           "Dear Cllr {mlast}, I paid my garden waste subscription online weeks ago (ref "
           "{ref}) and haven't had a sticker. The crew won't take the bin without one. I've "
           "tried phoning 5 times. Please help. {res}, {hn} {street}"),
      top="[FYI and action please|Can you help this resident please]"),
])

fam("graffiti", "cleansing", ["Street Scene Manager", "Neighbourhood Services Officer"], [
    v("casework", "", "Graffiti {street}",
      "Offensive graffiti has appeared on the wall of the underpass at the end of {street}. "
      "[It's racist and children walk past it to school.|It's obscene and right opposite "
      "the nursery.] Could it be removed as a priority?",
      short="Offensive graffiti at {street} underpass"),
    v("instruction", "", "Graffiti",
      "Please get the cleansing team to do a sweep of the whole of {ward} next week and "
      "remove every tag they find - I'm doing a walkabout with the police on {day} and I "
      "want it looking decent.",
      note="directs a piece of work to suit the member's diary; instruction, deadline "
           "is tight but not a threat"),
    v("media", "", "Graffiti article",
      "Did you see the piece in the {paper} about graffiti in {ward}? It says the council "
      "'does nothing'. Is there going to be a response? I'd like to be able to point "
      "residents to something.",
      short="Response to the {paper} graffiti piece?"),
    v("other", "", "Underpass",
      "The underpass looks brilliant after the clean and the mural. Residents are "
      "thrilled. Thank you, and please thank {emp} and the team."),
])

fam("abandoned_vehicle", "cleansing", ["Enforcement Officer", "Environmental Crime Officer"], [
    v("casework", "", "Abandoned car {street}",
      "There's a [silver Astra|white van] with no plates that's been parked on the verge "
      "on {street} for [six weeks|two months]. Tyres flat, window smashed. Could it be "
      "checked and removed?",
      fwd=("Abandoned car",
           "Hi, there is a car dumped on the verge on {street}, no plates, windows "
           "smashed, been there since before Easter. Kids have been in it. Who do we report "
           "it to? {resf}"),
      top="[See below|Abandoned vehicle - can you look into this please]"),
    v("information", "cf", "Car on {street}",
      "The van outside {hn} {street} - can you tell me who the registered keeper is? "
      "[Neighbours think it belongs to the man at {hn2} and want to confront him.|I'd like "
      "to write to the owner myself.]",
      why="asks for keeper details (personal data) the member has no need to know"),
    v("information", "", "Abandoned vehicles",
      "What's the process once an abandoned vehicle is reported - how long before it is "
      "stickered, and how long before it's removed? A resident says it takes months."),
])

fam("dog_fouling", "cleansing", ["Dog Warden", "Neighbourhood Enforcement Officer"], [
    v("casework", "", "Dog fouling - {park}",
      "The path through {park} by the play area is [covered in dog mess|a disgrace with "
      "dog fouling]. Could the dog warden do some patrols [at school times|early mornings] "
      "and could the path be cleaned?",
      short="Dog fouling patrols at {park} please"),
    v("information", "", "Dog control PSPO",
      "When does the dog control public spaces protection order run out, and will there be "
      "a consultation on renewing it? I'd like to know if {park} could be added."),
    v("other", "", "Thanks",
      "Thanks for the extra bins and signs at {park}. Already a noticeable improvement."),
])

# --- housing --------------------------------------------------------------------------

fam("repairs", "housing", ["Housing Officer", "Repairs Manager", "Tenancy Services Manager"], [
    v("casework", "", "Damp and mould - {hn} {street}",
      "{res} (council tenant, {hn} {street}) has [black mould in both bedrooms|damp "
      "running down the walls of the back bedroom]. {Res_his} youngest has asthma and the "
      "GP has written a letter. A surveyor came in [January|the autumn] but nothing has "
      "been done since. Could you arrange for the works to be scheduled and let me know "
      "the date?",
      fwd=("Mould in my flat",
           "Dear Cllr {mlast}, // I have been reporting the mould in my flat since last "
           "year. It is in both bedrooms and on the children's clothes. My son has asthma "
           "and was in hospital in February. The council sent someone who said it was "
           "condensation and told us to open windows. It is not condensation. Please help "
           "us. // {res} // {hn} {street}"),
      top="[Please see below - this one is serious|Can you pick this up urgently please]",
      note="the constituent's own health details in her own case, passed on with consent: "
           "ordinary casework, not a confidentiality concern"),
    v("casework", "ps", "{hn} {street} repair",
      "I have been chasing the repair at {hn} {street} for [six weeks|two months]. If the "
      "work isn't done by Friday I will raise it at full council and name you personally "
      "as the officer responsible.",
      why="casework with a threat against an individual officer"),
    v("complaint", "", "Repairs contractor",
      "I've now had [five|six] cases this month where the repairs contractor has booked an "
      "appointment, the tenant has taken a day off work, and nobody has turned up or "
      "phoned. This is a pattern, not a one-off, and it's the contractor we are paying to "
      "get it right. // Could you tell me what performance management is happening, and "
      "how tenants are being compensated for wasted days?",
      note="several cases cited as evidence of a service failure; the ask is about the "
           "service, so complaint"),
    v("information", "", "Repairs backlog",
      "What is the current average time to complete [an urgent|a routine] repair, and how "
      "big is the backlog? Is it getting better or worse since the new contract started?",
      short="Repairs backlog - current figures?"),
    v("documents", "", "Repairs contract",
      "Could I see the repairs and maintenance contract, or at least the schedule with the "
      "KPIs and the penalty clauses? [Scrutiny are looking at performance next month.|I "
      "want to check what the contractor is actually required to do.]",
      short="Repairs contract - KPI schedule"),
    v("meeting", "", "Estate walkabout",
      "Could we set up a walkabout on the {estate} with you, the caretaker and a couple of "
      "the tenants' reps? There's a list of communal repairs that would be easier to go "
      "through on site. Any {day} morning works for me."),
    v("casework", "", "Repair - update?",
      "Any update on this one? {res} rang me again last night.",
      prev="Dear Councillor, thank you for your email. I have raised an order for the "
           "repair at {hn} {street} and will update you once a date is confirmed. Kind "
           "regards",
      why="a short chase on one tenant's repair; the quoted officer reply shows the case"),
])

fam("allocations", "housing", ["Housing Options Manager", "Allocations Team Leader"], [
    v("casework", "", "Housing application - {resl}",
      "{res} and {res_his} three children are living in a one-bedroom flat on {street}. "
      "They applied to the housing register [last year|in 2022] and are in band C. Could "
      "you check whether the banding reflects the overcrowding, and whether the medical "
      "form {res_he} sent in has been assessed?",
      fwd=("housing",
           "Hi Cllr, me and my 3 kids are still in the 1 bed on {street}, the boys sleep in "
           "the living room. I sent the medical form in months ago and never heard back. "
           "Were still band C. Is there anything you can do? {resf}"),
      top="[Housing - see below|Could you check this family's banding please]"),
    v("casework", "ps", "{resl}",
      "{res} has been on the list for four years and I think {res_he} has waited long "
      "enough. Is there any way you could bump the family up the list for the next "
      "suitable property? I'd be very grateful.",
      note="polite wording, but asks for queue-jumping in allocations"),
    v("casework", "pv ps", "My nephew",
      "[My nephew|My niece's partner] {resf} has applied to the housing register - "
      "reference {ref}. As you'll appreciate, I'd rather this didn't go through the usual "
      "channels. Anything you can do to speed it along would be much appreciated.",
      note="presented as casework, but it is the member's own family and asks for special "
           "treatment"),
    v("information", "", "Housing register",
      "How many households in {ward} are on the housing register, broken down by band, and "
      "how many lets were made in the ward last year?",
      short="Housing register numbers for {ward}"),
    v("information", "cf", "Bungalow at {hn} {street}",
      "Can you tell me who has been allocated the bungalow at {hn} {street}? The neighbours "
      "are asking me whether it's the family from {street2} and I'd like to put their "
      "minds at rest.",
      why="asks for the identity of a tenant: personal data with no need to know"),
    v("documents", "", "Allocations policy review",
      "Is the draft revised allocations policy available yet? If it is, could I have a "
      "copy along with the equality impact assessment before the scrutiny session?"),
    v("instruction", "ps", "Banding decision",
      "I've reviewed {res}'s case and the band C decision is wrong. Please change it to "
      "band A today and confirm to me when it's done.",
      why="tells the officer to change a decision on an individual case and sets the "
           "outcome"),
])

fam("homelessness", "housing", ["Housing Options Officer", "Homelessness Manager"], [
    v("casework", "", "Homeless tonight - {resl}",
      "{res} has been evicted today and is sleeping in {res_his} car with {res_his} "
      "teenage son. {Res_he} went to the housing options desk this morning but was told to "
      "come back tomorrow. Could someone look at emergency accommodation for tonight? "
      "{Res_his} mobile is on the attached note.",
      note="urgent, but an emergency case genuinely needs action today; not pressure"),
    v("information", "", "Temporary accommodation",
      "How many households are in temporary accommodation at the moment, how many in bed "
      "and breakfast, and what did TA cost the council last year? [I'm trying to "
      "understand the budget pressure.|It came up at the residents' association.]",
      short="Temporary accommodation numbers and cost?"),
    v("complaint", "sm", "Housing options desk",
      "I'm very unhappy about how {res} was treated at housing options on {day}. The "
      "officer - {emp}, I believe - was dismissive, told {res_him} {res_he} 'made "
      "{res_him}self homeless', and refused to take an application. I'd like this raised "
      "with {emp_his} manager.",
      why="complaint about a named officer's conduct: staff_matter"),
    v("meeting", "", "Homelessness strategy",
      "Would it be possible to have a briefing for ward members on the new homelessness "
      "strategy before it goes to cabinet? Happy to join online.",
      short="Briefing on homelessness strategy for ward members?"),
    v("complaint", "", "Homelessness service",
      "I've had three families in a month told to 'come back tomorrow' by housing options. "
      "I'm not criticising any individual - the desk is plainly overwhelmed - but the "
      "service is failing people and I'd like to know what the plan is.",
      note="service complaint that expressly avoids criticising staff: no staff_matter"),
])

fam("private_rented", "housing", ["Private Sector Housing Officer", "Housing Standards Manager"], [
    v("casework", "", "Private tenant - {street}",
      "{res} is a private tenant at {hn} {street}. The boiler has been broken for three "
      "weeks and the landlord isn't answering. There's a baby in the house. Could private "
      "sector housing contact the landlord or inspect?",
      fwd=("No heating",
           "Dear Councillor, we rent privately at {hn} {street}. The boiler broke three "
           "weeks ago. The landlord says he will send someone but nobody comes. We have a "
           "four month old baby. What can we do? {res}"),
      top="[Private tenant, no heating - can you help?|see below please]",
      note="'private tenant' is a tenure; no private interest of the member"),
    v("casework", "pv", "HMO licence",
      "I've applied for an HMO licence for a property I own on {street}. It's been with "
      "your team for two months. Could you tell me where it's got to?",
      why="the member's own property as a landlord: private"),
    v("information", "", "HMOs in {ward}",
      "How many licensed HMOs are there in {ward}, and how many unlicensed ones are you "
      "aware of? Is additional licensing being considered?"),
    v("instruction", "", "HMO inspections",
      "Please arrange for every HMO on {street} to be inspected [this month|before the "
      "summer]. Residents are fed up with the rubbish and noise.",
      why="directs an inspection programme; instruction"),
])

# --- community safety and environmental health ---------------------------------------

fam("asb", "asb", ["Community Safety Officer", "ASB Case Officer",
                   "Neighbourhood Manager"], [
    v("casework", "", "ASB {park}",
      "Residents around {park} are [being plagued by|at the end of their tether with] a "
      "group of youths gathering in the evenings - drinking, setting fires in the bins and "
      "[riding motorbikes across the grass|kicking at front doors]. Could the ASB team "
      "look at this with the neighbourhood police?",
      fwd=("Youths at the park",
           "Dear Councillor, I'm writing again about the gang that gathers in {park} "
           "every night. Last night they set fire to the litter bin and threw bottles at my "
           "fence. I have called 101 three times. I am 81 and frightened to go out. Please "
           "can somebody do something. {res}, {street}"),
      top="[see below - can the ASB team pick this up?|ASB again at {park}]"),
    v("information", "cf", "{park} - names",
      "Can you let me have the names of the young people who've been given warning letters "
      "about the trouble at {park}? I know most of the families and I'd like to speak to "
      "the parents myself.",
      why="asks for the names of young people in enforcement action: personal data"),
    v("meeting", "", "Multi-agency meeting",
      "I'd like to convene a multi-agency meeting about the problems on the {estate} - "
      "you, the police sergeant, housing and the youth service. Could you help find a "
      "date in the next few weeks?",
      short="Multi-agency meeting on {estate} ASB"),
    v("information", "", "ASB figures",
      "How many ASB reports did the council receive for {ward} last year, and how many "
      "community protection warnings or notices were issued?"),
    v("documents", "", "CSP minutes",
      "Could I have the minutes of the last two community safety partnership meetings? "
      "The website version stops in [2023|the summer]."),
    v("instruction", "", "Gating order",
      "The alley behind {street} needs gating. Please get the gating order process "
      "started and let me know when the consultation letters have gone out.",
      why="tells the officer to start a formal process; instruction"),
])

fam("noise", "env_health", ["Environmental Health Officer", "Pollution Control Officer"], [
    v("casework", "", "Noise - {hn} {street}",
      "{res} at {hn} {street} is being kept awake by parties next door every weekend - "
      "music until 4am. {Res_he} has filled in the diary sheets. Could an officer look at "
      "installing recording equipment?",
      fwd=("Noise from next door",
           "Cllr, the parties next door are every Friday and Saturday, bass until 4 in the "
           "morning. I have done the diary sheets you sent. I work shifts and I'm at the "
           "end of my tether. Please help. {res}"),
      top="[Noise complaint - see below|Can EH pick this up please]",
      note="'parties' here are house parties; nothing party-political"),
    v("information", "cf", "Who complained?",
      "The pub on {street} has had a noise abatement notice. The landlord asks me who "
      "complained. Can you let me know? He's a decent man and wants to sort it out with "
      "them directly.",
      why="asks for a complainant's identity: confidential"),
    v("information", "", "Out of hours noise",
      "How does the out-of-hours noise service work now - which nights is it staffed, and "
      "what should residents do on the other nights?",
      short="Out of hours noise service - which nights?"),
    v("complaint", "", "Noise line",
      "Three residents have told me this month that they rang the out-of-hours noise line "
      "on a Saturday and nobody answered. If the service exists, it should answer the "
      "phone. Please could I have an explanation?"),
])

fam("food_hygiene", "env_health", ["Food Safety Officer", "Environmental Health Manager"], [
    v("information", "", "Food hygiene ratings",
      "How does a business ask for a re-rating after a poor food hygiene score, and how "
      "long does it usually take? [I get asked this by traders.|A trader on {street} asked "
      "me.]"),
    v("casework", "pv ps", "Hygiene rating",
      "{biz} got a [2|1] on Tuesday. It was a bad day - the chef had just left. Could you "
      "arrange the re-visit for next week? We can't afford to have that sticker on the "
      "door for three months.",
      who=["lang"],
      why="the member's own business, and asks to jump the re-rating queue"),
    v("media", "", "Takeaway ratings",
      "The {paper} are running a 'dirtiest takeaways' list and two in my ward are on it. "
      "Has the press office been asked for a comment? I'd like to know what's been said."),
    v("documents", "", "Inspection report",
      "Could I see the last food hygiene inspection report for [the café|the takeaway] at "
      "{hn} {street}? Residents have raised concerns about rats at the back."),
])

fam("pests", "env_health", ["Pest Control Officer", "Environmental Health Officer"], [
    v("casework", "", "Rats - {street}",
      "Several houses on {street} have rats coming up from the back gardens. Residents "
      "think it's from the broken sewer. Could pest control and the water company be "
      "asked to look?",
      fwd=("rats",
           "Hello, there are rats in all the gardens at our end of {street}, we saw three "
           "last night. My neighbour thinks its the drains. Who do we contact? {resf}"),
      top="[Rats - see below|Can you help these residents?]"),
    v("information", "", "Pest control charges",
      "What does the council charge for pest control now, and is it free for council "
      "tenants or people on benefits?"),
    v("other", "", "Rats",
      "Just to let you know the rat problem on {street} seems sorted - residents say "
      "nothing seen for two weeks. Thanks for chasing the water company."),
])

fam("knotweed", "assets", ["Estates Officer", "Grounds Maintenance Manager"], [
    v("casework", "", "Knotweed",
      "Japanese knotweed is coming through from the council land behind {street} into "
      "{res}'s garden. Could the council treat it?",
      short="Knotweed on council land behind {street}"),
    v("casework", "pv", "Knotweed behind my house",
      "The council land behind my house has knotweed coming through the fence into our "
      "garden. Could you get it treated before it gets into the foundations?",
      note="the member's own property"),
    v("information", "", "Knotweed policy",
      "What is the council's policy on treating invasive weeds on its own land, and is "
      "there a budget for it this year?"),
])

# --- planning -------------------------------------------------------------------------

fam("planning_app", "planning", ["Planning Case Officer", "Development Management Manager",
                                 "Principal Planning Officer"], [
    v("casework", "", "{pref} - {hn} {street}",
      "Several neighbours of {hn} {street} have contacted me about application {pref} for "
      "a two-storey rear extension. Their main worry is overlooking. Could you make sure "
      "their objections have been logged and let me know when a decision is expected?",
      fwd=("Planning application {pref}",
           "Dear Councillor {mlast}, // We live next door to {hn} {street} and have just "
           "seen the plans for a huge two storey extension. It will look straight into our "
           "bedroom and garden. We sent an objection online but got no acknowledgement. "
           "Can you make sure it has been received and tell us what happens next? // "
           "{res}"),
      top="[Objection - see below|Can you check this objection has been logged?]"),
    v("information", "", "{pref}",
      "What's the current position on {pref}? Has the consultation closed, and is it "
      "going to be delegated or come to committee?",
      short="Status of {pref}?"),
    v("instruction", "ps", "{pref}",
      "I trust you will be recommending refusal on {pref}. [Anything else would be "
      "indefensible to the residents I represent|I can't see how any competent officer "
      "could recommend approval], and I'll expect to see that in your report.",
      why="demands a particular professional recommendation: instruction with pressure"),
    v("meeting", "", "Call-in {pref}",
      "I'd like to call {pref} in to planning committee on the grounds of overdevelopment "
      "and highway safety, under the scheme of delegation. Please could you confirm what "
      "you need from me and which committee it would go to?",
      note="a call-in under the constitution asks for an agenda item: meeting, and is a "
           "formal route, so no pressure"),
    v("documents", "cf", "{pref} viability",
      "Could you send me the full viability assessment for {pref}? I understand only a "
      "redacted summary is on the portal, but I want to see the developer's figures "
      "before the committee.",
      why="asks for commercially confidential viability figures"),
    v("information", "pv ps", "{pref}",
      "Quick one on {pref} at {hn} {street} - it's one of ours, we're doing the build. "
      "Any chance you could get it decided by the end of the week? The client's getting "
      "twitchy and I've got lads booked.",
      who=["pickering"],
      note="looks like a ward enquiry about an application, but the member is the builder "
           "and wants it expedited"),
    v("complaint", "", "Not notified",
      "I've just discovered that an application for [six houses|a telecoms mast] in my "
      "ward was decided under delegated powers without me ever being notified. Ward "
      "members are supposed to get the weekly list. How did this happen?"),
    v("meeting", "", "Committee site visit",
      "Could a committee site visit be arranged for {pref} before the meeting? The "
      "levels on the site are impossible to understand from the drawings."),
    v("media", "", "Developer and the press",
      "The developer behind {pref} has been briefing the {paper}, and today's story says "
      "the council 'has indicated support'. That's not my understanding. Could the press "
      "office put the record straight?",
      note="about a publication and wants a press correction: media, not complaint"),
])

fam("enforcement", "planning", ["Planning Enforcement Officer", "Enforcement Team Leader"], [
    v("casework", "", "Enforcement - {hn} {street}",
      "There's [a shipping container|a large timber outbuilding] being put up in the front "
      "garden of {hn} {street}. Neighbours don't think it has permission. Could "
      "enforcement have a look?",
      short="Possible breach at {hn} {street} - can enforcement look?"),
    v("information", "pv cf", "Complaint about my fence",
      "I've had a letter from your team saying someone has complained about the fence at "
      "my house. Can you tell me who made the complaint? I'd like to know which neighbour "
      "it was.",
      why="the member's own property and asks for a complainant's identity"),
    v("information", "", "Enforcement backlog",
      "How many open enforcement cases are there, and what's the average time to close "
      "one? [Residents feel nothing happens.|Some of mine have been open for over a "
      "year.]"),
    v("instruction", "ps", "{hn} {street}",
      "Please serve an enforcement notice on {hn} {street} this week. I've told the "
      "residents you will, and I don't want to have to go back on that.",
      why="directs a formal enforcement decision and commits the officer in advance"),
    v("complaint", "", "Case closed",
      "{res} reported a breach at {hn2} {street} in [March|the spring]. {Res_he} has just "
      "found out the case was closed in June and nobody told {res_him}. That's poor - "
      "people should at least be told the outcome and why.",
      note="about how one enquiry was handled rather than the breach itself: complaint"),
])

fam("local_plan", "planning", ["Planning Policy Manager", "Principal Policy Planner"], [
    v("documents", "", "Local plan evidence",
      "Could you send me the housing land availability assessment for the {ward} sites, "
      "and the transport evidence? Links to the documents are fine if they're published.",
      short="Local plan evidence base - {ward} sites"),
    v("meeting", "", "Local plan briefing",
      "Will there be an all-member briefing on the site allocations before the "
      "regulation 18 consultation? If not, could one be arranged?"),
    v("meeting", "pp", "Group briefing - sites",
      "Could you give the {group} a private briefing on which sites are likely to be "
      "allocated? We'd like to get our position sorted before the other groups hear about "
      "it.",
      why="a briefing for one group, timed to give it an advantage over other groups"),
    v("information", "", "Housing numbers",
      "What is the council's housing requirement figure now, and has the new standard "
      "method changed it?",
      short="Current housing requirement figure?"),
    v("information", "pv cf", "Land at {lane}",
      "Can you tell me whether the field off {lane} is in the draft allocations? It's "
      "family land and we've had an approach from a promoter, so it would help to know "
      "before the draft is published.",
      note="the member's family land, and asks for unpublished draft allocations"),
    v("media", "", "Local plan statement",
      "I'd like the council to issue a clear statement that no decision has been made on "
      "the site at {lane}. Residents have read on Facebook that it's 'a done deal'.",
      why="wants a public statement to correct social media: media"),
])

fam("trees", "trees", ["Tree Officer", "Arboricultural Officer"], [
    v("casework", "", "Council tree - {street}",
      "The council-owned [sycamore|horse chestnut] outside {hn} {street} is now blocking "
      "nearly all the light to the front room and the roots are lifting the drive. Could "
      "the tree officer assess it for crown reduction?",
      fwd=("Tree outside my house",
           "Dear Cllr, the big tree on the verge outside my house is taking all the light "
           "and the roots are cracking my drive. I asked for it to be cut back two years "
           "ago. Please can you help. {res}, {hn} {street}"),
      top="[Tree - see below|One for the tree officer]"),
    v("information", "", "TPO",
      "Is the oak at the corner of {street} and {street2} protected by a TPO? A resident "
      "thinks the new owners are about to fell it.",
      short="Is the oak on {street} under a TPO?"),
    v("instruction", "", "Tree outside {school}",
      "The tree outside {school} needs to come down. Please get it felled over the half "
      "term.",
      why="a direct instruction to fell; the officer has not assessed it"),
    v("casework", "pv", "TPO application",
      "I've put in a TPO application to take down the [ash|lime] in my back garden. It's "
      "dying, honestly. Could you have a look at it when you get a chance?",
      why="the member's own tree works application"),
    v("other", "", "Tree planting",
      "Thank you for Saturday's tree planting at {park}. [Forty volunteers and not a drop "
      "of rain!|The children from {school} loved it.]"),
    v("documents", "", "Arboricultural report",
      "Could I have the arboricultural report that led to the felling of the [beech|lime] "
      "trees in {park}? Residents are upset and I'd like to see the evidence."),
])

fam("conservation", "planning", ["Conservation Officer", "Heritage Officer"], [
    v("information", "", "Conservation area",
      "Does the {street} conservation area have an article 4 direction? A resident wants "
      "to replace sash windows with uPVC.",
      short="Article 4 direction in {street} conservation area?"),
    v("casework", "pv ps", "Listed building consent",
      "My [wife and I|partner and I] have put in for listed building consent for our "
      "kitchen. Would you be able to take a quick look at it before it goes on the "
      "pile?",
      note="the member's own application, and a soft request to be dealt with ahead of "
           "the queue"),
    v("documents", "", "Conservation appraisal",
      "Could I have a copy of the conservation area appraisal for the town centre? I "
      "believe it was updated in [2021|2019]."),
])

# --- flooding ---------------------------------------------------------------------------

fam("flooding", "flooding", ["Flood Risk Manager", "Drainage Engineer"], [
    v("casework", "", "Blocked gully - {street}",
      "The gullies at the bottom of {street} are blocked solid, and in [Sunday's|last "
      "night's] rain the water came up to the doorsteps of [three|four] houses. Could they "
      "be jetted before the next downpour?",
      fwd=("Flooding again",
           "Dear Councillor, the drains at the bottom of {street} were blocked again last "
           "night and the water came right up to our front door. It's the third time this "
           "year. We've put sandbags out ourselves. Please can someone come and clear them. "
           "{res}, {hn} {street}"),
      top="[Flooding - see below|Can you get these gullies jetted please?]",
      short="Blocked gullies on {street} - jetting please"),
    v("meeting", "", "Flooding - site meeting",
      "After last month's flooding, could we get a site meeting at {street} with your "
      "drainage engineer and someone from {ea}? Residents want to see that the agencies "
      "are talking to each other.",
      short="Site meeting with {ea} re {street} flooding?"),
    v("information", "", "Section 19 report",
      "When will the section 19 flood investigation into the [January|November] floods be "
      "published? Residents keep asking and I have no idea."),
    v("documents", "", "Section 19 report",
      "Could you send me the section 19 flood investigation report for {street} once it's "
      "final, and the drainage survey it's based on?",
      note="asks for specific reports (documents), not a date or facts"),
    v("complaint", "", "Flood night",
      "On the night of the flood residents on {street} rang the emergency number for "
      "sandbags and were told none were available. Nobody came. Some of those houses "
      "flooded for the second time in two years. I want to know why the emergency response "
      "failed and what the council will do differently."),
    v("media", "", "BBC - flooding",
      "BBC [Wales|local radio] have asked me to do an interview tomorrow about the "
      "flooding on {street}. Could the comms team give me a quick briefing on what the "
      "council is doing so I get the facts right?",
      why="a press interview is the reason for the ask: media"),
    v("other", "", "Flooding",
      "FYI - photos from this morning attached, the culvert on {lane} is running clear now "
      "after the work. Residents very relieved."),
])

# --- council tax and benefits --------------------------------------------------------------

fam("council_tax", "council_tax", ["Revenues Manager", "Council Tax Team Leader"], [
    v("casework", "", "Council tax - {resl}",
      "{res} at {hn} {street} has received a summons for council tax {res_he} says {res_he} "
      "has already paid by direct debit. {Res_he} has bank statements. Could you check the "
      "account and, if it's a mistake, withdraw the summons?",
      fwd=("Council tax summons",
           "Dear Cllr, I've received a court summons for council tax but I pay by direct "
           "debit every month and have the bank statements to prove it. I am so worried. I "
           "have never been in trouble in my life. Account ref {ref}. Please help. {res}"),
      top="[Council tax - see below please|Can revenues look at this?]"),
    v("casework", "pv ps", "My council tax",
      "I've had a reminder about arrears on my own council tax. Things have been tight. "
      "Could you hold off any further action for a couple of months while I sort it out? "
      "I'd rather it didn't go through the normal process, for obvious reasons.",
      why="the member's own account, asking to avoid the normal recovery process"),
    v("information", "", "Single person discount review",
      "Is the council running a single person discount review this year? A few residents "
      "have had letters and are worried. Who is doing it and what happens if they don't "
      "reply?"),
    v("information", "cf", "{hn} {street}",
      "Is the woman at {hn} {street} claiming single person discount? I know for a fact "
      "her partner has lived there for a year. Can you tell me what's on her account?",
      why="passes on an allegation and asks for a named person's account details"),
    v("instruction", "ps", "Write off",
      "Please write off {res}'s council tax arrears. {Res_he}'s had a terrible year and "
      "there's no way {res_he} can pay. I'll square it with the cabinet member.",
      why="tells the officer to write off a debt, beyond the member's authority"),
    v("documents", "", "Council tax base",
      "Could you send me the council tax base report for next year, and the collection "
      "rate figures it uses?",
      short="Council tax base report please"),
    v("information", "", "Empty homes premium",
      "How many properties in the borough pay the empty homes premium, and how much does it "
      "raise? Are second homes charged the premium yet?"),
])

fam("benefits", "benefits", ["Benefits Manager", "Welfare Support Team Leader"], [
    v("casework", "", "Housing benefit claim",
      "{res} claimed housing benefit [seven|eight] weeks ago after being moved into "
      "supported housing. The landlord is threatening eviction over arrears. Could you "
      "check what's holding the claim up?",
      short="HB claim delay for {res}"),
    v("information", "", "DHP budget",
      "How much of this year's discretionary housing payment budget has been spent, and "
      "what's the average award? [Advice workers tell me it's running out.|Is it likely to "
      "run out before March?]"),
    v("information", "cf pp", "Council tax support list",
      "Could I have a list of the households in {ward} receiving council tax support? I "
      "want to write to them about our campaign against the cuts to the scheme.",
      why="asks for claimants' personal data to use in a campaign mailing"),
    v("complaint", "sm", "Benefits officer",
      "I sat in on {res}'s call with the benefits team on {day}. The officer, {emp}, was "
      "sarcastic and talked over {res_him} throughout. I'd like this raised with "
      "{emp_his} manager.",
      why="complaint about a named officer's manner: staff_matter"),
    v("other", "", "Thank you",
      "{res} asked me to pass on {res_his} thanks to the welfare support team - the "
      "hardship payment came through yesterday and it's made a huge difference."),
    v("documents", "", "CTR scheme report",
      "Could I have the report on the proposed changes to the council tax reduction "
      "scheme, with the equality impact assessment?"),
])

# --- social care and schools ------------------------------------------------------------

fam("adult_care", "social_care", ["Adult Social Care Team Manager", "Head of Adult Social Care"], [
    v("casework", "", "Care package - {resl}",
      "{res} (aged 89) is ready for discharge from hospital but is waiting for a care "
      "package to be put in place. {Res_his} daughter has been told it could be weeks. "
      "Could someone look at what's holding it up?",
      fwd=("Dad in hospital",
           "Dear Cllr {mlast}, my father {res} has been medically fit to leave hospital for "
           "ten days but can't come home until a care package is arranged. He is getting "
           "more confused every day on the ward. Nobody will tell us anything. Can you "
           "help? Thank you, his daughter"),
      top="[Care package delay - please see below|Can someone in adult care look at "
          "this?]",
      note="health details of the person the member is acting for, passed on at the "
           "family's request: casework"),
    v("casework", "cf", "Safeguarding concern",
      "I'm worried about the elderly man at {hn} {street}. Neighbours tell me he's not been "
      "seen for days, his son takes his pension, and he's been heard shouting for help. I "
      "don't know if he's known to you. Could someone check on him?",
      note="a legitimate safeguarding referral, but passes on a third party's sensitive "
           "personal details"),
    v("information", "cf", "Family at {hn} {street}",
      "Is social services involved with the family at {hn} {street}? I've had some "
      "neighbours talking and I'd like to know what's going on.",
      why="asks about a named family's social care involvement with no need to know"),
    v("casework", "pv", "Mum's assessment",
      "My mother's care assessment was meant to happen last month and hasn't. Could you "
      "find out where it is? She's at {hn} {street}.",
      note="the member's own family, not a constituent in the member's capacity"),
    v("information", "", "Care home fees",
      "What is the council's standard rate for residential care this year, and how many "
      "care home places are vacant in the county?"),
    v("documents", "", "Market position statement",
      "Could you send me the latest market position statement and the inspection "
      "outcomes for the in-house care homes?"),
    v("meeting", "", "Day centre visit",
      "I'd like to visit the {street} day centre with the service manager. [Any Tuesday "
      "or Thursday afternoon|Whenever suits them in the next month] would be fine."),
])

fam("school_transport", "schools", ["School Transport Manager",
                                    "Admissions and Transport Officer"], [
    v("casework", "", "School transport - {resl}",
      "{res}'s son has been refused free transport to {school} because the route is "
      "'available' - but it's a 40mph road with no footway for half a mile. Could the "
      "decision be reviewed, and what's the appeal process?",
      fwd=("School transport refused",
           "Dear Councillor, we have been refused a bus pass for our son to {school}. The "
           "walking route they say is safe is along the main road with no pavement. Would "
           "you walk your child along it? Please can you help us appeal. {res}"),
      top="[School transport refusal - see below|Can transport review this please]"),
    v("casework", "pv", "Bus pass",
      "My son's bus pass for {school} hasn't arrived and term starts Monday. Could you "
      "check where it is?",
      why="the member's own child"),
    v("information", "", "Transport policy",
      "What are the distance criteria for free school transport, and has the policy "
      "changed for this September?",
      short="School transport distance criteria?"),
    v("complaint", "", "School bus",
      "The contracted bus to {school} has been late [most mornings|nine days out of "
      "fifteen] this term. Children are missing registration. What is being done with the "
      "operator?"),
    v("instruction", "ps", "Route 14",
      "Reinstate the {street} stop on route 14 from Monday. I don't accept the review "
      "and I've told the parents it's coming back.",
      why="orders a decision reversed and commits the officer publicly"),
    v("meeting", "", "{school} transport",
      "Could we meet with the head of {school} to talk through the transport changes "
      "before they're finalised?"),
])

fam("admissions", "schools", ["School Admissions Manager"], [
    v("casework", "", "Admissions appeal",
      "{res}'s daughter has been refused a place at {school}, the local school she can "
      "walk to. Could you explain the appeal process and deadlines so I can help the "
      "family?",
      short="Admissions appeal process for {res}"),
    v("casework", "pv ps", "{school} place",
      "My granddaughter has been offered a school miles away instead of {school}. I'm a "
      "governor there, as you know, so I'm sure something can be done. Could you look at "
      "getting her in?",
      why="own family, leans on the member's position to get round the admissions "
           "rules"),
    v("information", "", "Appeals figures",
      "How many admissions appeals were lodged for {school} last year and how many "
      "succeeded?"),
])

# --- parks, cemeteries, leisure, libraries, allotments --------------------------------------

fam("parks", "parks", ["Parks Manager", "Greenspace Officer", "Grounds Maintenance Supervisor",
                       "Clerk"], [
    v("casework", "", "Play area {park}",
      "The [big swing|roundabout] in the play area at {park} has been taped off for "
      "[a month|six weeks]. Families are asking when it'll be fixed. Could you let me "
      "know?",
      short="Broken swing at {park} - when will it be fixed?"),
    v("information", "", "Grass cutting",
      "What's the grass cutting schedule for verges and parks this year? Have the number "
      "of cuts gone down?"),
    v("meeting", "", "Friends of {park}",
      "The Friends of {park} would love you to come to their next meeting on {day} "
      "evening to talk about the management plan. Would you be able to make it?",
      note="invites an officer to a community meeting; the member is passing on an "
           "invitation, not acting for the group"),
    v("instruction", "pv", "Friends newsletter",
      "As you know I chair the Friends of {park}. Could your team run off 200 copies of "
      "our newsletter on the office printer? I'll drop the file over.",
      why="asks for council resources for another body the member serves on"),
    v("other", "", "Floral displays",
      "The floral displays in the town centre are stunning this year. Please pass on my "
      "thanks to the team."),
    v("complaint", "", "{park} grass",
      "The grass in {park} hasn't been cut for six weeks and the paths are overgrown. "
      "Nobody has told residents why. This isn't the standard we pay for and I'd like an "
      "explanation."),
    v("information", "", "Street party",
      "Residents on {street} want to hold a street party for the [jubilee|VE Day "
      "anniversary]. What do they need to do about closing the road, and is there a fee?",
      note="'street party' is a community event; nothing party-political"),
])

fam("toilets", "parks", ["Facilities Manager", "Parks Manager"], [
    v("information", "", "Public toilets",
      "Why are the public toilets at {park} closed on weekdays now? Is that permanent?"),
    v("instruction", "", "Toilets",
      "Please reopen the toilets at {park} for the summer holidays - the cost can come "
      "from the events budget.",
      why="directs both an operational change and the budget to pay for it"),
    v("complaint", "", "Toilets",
      "The toilets at {park} were filthy on Saturday - no paper, no soap, one cubicle "
      "flooded. Visitors were complaining to me. If they're open, they need to be "
      "cleaned."),
])

fam("cemeteries", "cemeteries", ["Bereavement Services Manager", "Cemeteries Officer",
                                 "Clerk"], [
    v("casework", "", "Grave at {street} cemetery",
      "The grave of {res}'s late [partner|mother|father] has sunk badly and the headstone "
      "is leaning. The family are very distressed. Could someone look at it?",
      short="Sunken grave - can someone look?"),
    v("casework", "pv", "Family grave",
      "I need a memorial permit for my parents' grave - could you send the form, and is "
      "there any way of speeding it up? It's the anniversary in three weeks.",
      why="the member's own family matter"),
    v("information", "", "Burial capacity",
      "How many years of burial space are left in the cemetery, and what are the plans "
      "when it's full?",
      short="Remaining burial capacity?"),
    v("complaint", "", "Funeral",
      "A family in my ward arrived for a funeral on {day} to find the gates locked and "
      "nobody on site. The hearse had to wait twenty minutes. I'm appalled and want to "
      "know how this happened."),
    v("other", "", "Bereavement team",
      "I attended the service for {res} yesterday. The cemetery staff were so kind to the "
      "family. Please thank them from me."),
    v("instruction", "", "Cemetery bench",
      "Please order a new bench for the cemetery - the green one by the gate. I'll sign "
      "the invoice.",
      need="parish",
      note="a councillor directing the clerk to spend without a resolution: instruction"),
])

fam("leisure", "leisure", ["Leisure Services Manager", "Sport and Leisure Officer"], [
    v("information", "", "Swimming timetable",
      "Why have the public swimming sessions at the leisure centre been cut on weekday "
      "mornings? Is it staffing or bookings?"),
    v("documents", "", "Leisure contract",
      "Could I see the leisure management contract and the operator's last annual "
      "performance report?",
      short="Leisure contract and annual report"),
    v("complaint", "", "Changing rooms",
      "The changing rooms at the leisure centre are a disgrace - broken lockers, cold "
      "showers, mould on the ceiling. I've had a stream of complaints. Who is responsible "
      "for this, us or the operator?"),
    v("casework", "pv", "Swimming club",
      "I'm secretary of the {street} Swimming Club. Could you find us an extra evening "
      "lane slot at the leisure centre at the community rate?",
      note="for another body the member serves on, not in the councillor role"),
    v("meeting", "", "Leisure centre proposals",
      "Could ward members have a briefing on the leisure centre options before the "
      "consultation starts?"),
    v("media", "", "Leisure centre closure rumour",
      "The {paper} says the leisure centre is 'earmarked for closure'. Is that true? If "
      "not, will the council be putting out a statement? My phone hasn't stopped.",
      why="reacts to a press story and wants a public statement: media"),
])

fam("libraries", "libraries", ["Library Services Manager", "Head of Libraries"], [
    v("information", "", "Library hours",
      "Are the opening hours at {street} library changing in April? Users tell me "
      "they've heard rumours."),
    v("documents", "", "Library needs assessment",
      "Could I have the library needs assessment that sits behind the consultation, and "
      "the usage figures by branch?",
      short="Library needs assessment please"),
    v("meeting", "", "Library consultation",
      "The residents' association is holding a public meeting on the library "
      "consultation on {day} {date}. Would an officer be able to attend and answer "
      "questions?"),
    v("complaint", "", "Library closed",
      "The library was closed without notice on {day} - a sign on the door, nothing on "
      "the website. The knit and natter group and a job club turned up to locked doors. "
      "This keeps happening and it's not acceptable."),
    v("information", "sm", "Librarian",
      "Is [Jean|Mary] at {street} library off on long-term sick? She's not been there for "
      "weeks and regulars are asking after her.",
      note="asks about an individual employee's health: staff_matter"),
    v("information", "", "Library staffing levels",
      "What are the staffing levels across the branch libraries now compared with five "
      "years ago?",
      note="staffing levels in general, not any individual: no staff_matter"),
])

fam("allotments", "allotments", ["Allotments Officer", "Clerk", "Parks Manager"], [
    v("casework", "", "Allotment waiting list",
      "{res} has been on the allotment waiting list for three years. Could you tell "
      "{res_him} where {res_he} is on the list now?",
      short="Where is {res} on the allotment list?"),
    v("casework", "pv ps", "My allotment",
      "I'm on the allotment list myself - any chance of moving me up? I'd take the "
      "overgrown one at the end.",
      why="the member's own application, asking to jump the list"),
    v("information", "", "Allotment waiting list",
      "How many people are on the allotment waiting list and how many plots are vacant "
      "or uncultivated?"),
    v("instruction", "", "Plots 14 and 22",
      "Please send termination letters to the holders of plots 14 and 22. Both are a "
      "disgrace and I've had enough complaints.",
      why="tells the officer to take a tenancy decision that belongs to the committee"),
    v("other", "", "Harvest show",
      "Thank you for all your help with the harvest show on Saturday. A great day."),
    v("complaint", "", "Allotment inspections",
      "The new allotment inspection regime is heavy-handed. Older tenants are getting "
      "warning letters for a few weeds after a wet month. I'd like the approach "
      "reviewed."),
])

# --- parking ------------------------------------------------------------------------------

fam("pcn", "parking", ["Parking Services Manager", "Parking Appeals Officer"], [
    v("casework", "", "PCN - {res}",
      "{res} got a parking ticket on {street} while visiting a client as a carer - the "
      "carer's permit was on the dashboard but had slipped. Could the appeal be looked at "
      "sympathetically? PCN number {ref}.",
      fwd=("Parking ticket",
           "Dear Councillor, I'm a home carer and got a ticket on {street} while I was "
           "inside with a client. My carer's permit was in the car but had fallen off the "
           "dashboard. I've appealed but had a standard letter back. £70 is a lot on my "
           "wages. Can you help? {res}"),
      top="[PCN appeal - see below|Can parking look at this again?]"),
    v("instruction", "ps", "PCN {ref}",
      "Please cancel PCN {ref}. I've told the resident it will be cancelled and I'm not "
      "going back on my word.",
      why="orders the cancellation of a penalty, which is not the member's decision"),
    v("casework", "pv ps", "My parking ticket",
      "I got a ticket outside the civic centre on {day} while I was at a council meeting. "
      "Surely you can make this one go away?",
      why="the member's own ticket, asking for it to be cancelled outside the appeal "
           "process"),
    v("information", "", "PCNs in {ward}",
      "How many PCNs were issued in {ward} last year, and how much income did on-street "
      "parking generate borough-wide?",
      short="PCN numbers for {ward}?"),
    v("complaint", "", "Sunday enforcement",
      "Civil enforcement officers were ticketing cars outside {street} church during "
      "Sunday service. Whatever the rules, this feels like targeting, and the congregation "
      "are furious. I'd like the approach reviewed."),
    v("complaint", "sm", "Enforcement officer",
      "A resident tells me the enforcement officer on {street} on {day} - badge number "
      "[CEO 114|CEO 207] - was aggressive and filmed her on his phone when she asked a "
      "question. Can this be raised with his manager?",
      why="about one employee's conduct: staff_matter"),
])

fam("permit_zones", "parking", ["Parking Schemes Officer", "Traffic and Parking Manager"], [
    v("meeting", "", "Parking consultation",
      "Could you run a drop-in session in {ward} on the proposed permit zone? Residents "
      "want to ask questions face to face. The community centre is free most evenings.",
      short="Drop-in session on {ward} permit zone?"),
    v("documents", "", "Permit consultation results",
      "Could I see the full results of the {street} permit consultation, including the "
      "comments? The summary doesn't give me enough to go on."),
    v("instruction", "ps", "Permit zone",
      "Extend the zone to {street}. I promised residents at the election and I expect it "
      "to be in the next traffic order.",
      why="directs a traffic order decision because of an election promise"),
    v("information", "", "Permit costs",
      "How much does a residents' permit cost now, and how much does a visitor scratch "
      "card book cost? I keep getting asked."),
])

# --- licensing ----------------------------------------------------------------------------

fam("premises_licensing", "licensing", ["Licensing Officer", "Licensing Manager"], [
    v("information", "", "Objecting to a licence",
      "A resident wants to object to the licence application for the new bar on {street}. "
      "What's the deadline, and what counts as a relevant representation?",
      short="How to object to the {street} bar licence?"),
    v("casework", "", "Licensed premises noise",
      "The pub on {street} has been holding late events in the beer garden until midnight. "
      "Neighbours think it breaches the licence conditions. Could licensing check?"),
    v("information", "pv", "Licence variation",
      "I'm thinking of applying to extend the hours at {biz}. Could you tell me informally "
      "what the committee is likely to accept?",
      who=["lang"],
      why="the member's own business, and seeks an inside steer on his own application"),
    v("documents", "cf", "Police representations",
      "I'm on the sub-committee for the {street} review next week. Could you send me the "
      "police's representations now, including the confidential intelligence they've "
      "mentioned? I'd like a head start.",
      why="asks for confidential police material ahead of the papers"),
    v("documents", "", "Hearing papers",
      "Could you send me the published agenda and papers for the licensing sub-committee "
      "on {day}? I've lost the link.",
      note="the published agenda, nothing exempt: no confidential concern"),
    v("meeting", "", "Licensing - residents",
      "Could the licensing manager meet residents of {street} to explain how the review "
      "process works? They feel completely in the dark."),
])

fam("taxi_licensing", "licensing", ["Licensing Officer", "Licensing Team Leader"], [
    v("casework", "", "Taxi licence renewal",
      "{res} has been waiting [nine|eleven] weeks for {res_his} taxi licence renewal. "
      "{Res_he} submitted everything, including the DBS, and can't work. Could you check "
      "on it?",
      short="Taxi licence renewal delay - {res}"),
    v("casework", "ps", "Taxi licence - {resf}",
      "{resf} is a good lad and I've known the family for years. Could you fast-track his "
      "licence? I'd take it as a personal favour.",
      note="asks for preferential treatment on personal grounds"),
    v("information", "", "Taxi licensing numbers",
      "How many hackney and private hire licences does the council issue, and how many "
      "drivers licensed elsewhere work here?"),
    v("information", "cf", "Driver {resl}",
      "Was {res}'s licence revoked after that allegation last month? People are talking "
      "and I'd like to know the facts.",
      why="asks about a named driver's licensing and allegation history"),
    v("complaint", "", "Licensing phones",
      "Drivers tell me the licensing office hasn't answered the phone in a fortnight and "
      "emails go unanswered. They can't work without renewals. This needs sorting."),
])

# --- regeneration, budget, procurement, assets --------------------------------------------

fam("regeneration", "regeneration", ["Regeneration Manager", "Town Centre Programme Manager",
                                     "Head of Economic Development"], [
    v("documents", "", "Town centre masterplan",
      "Could I have the full business case for the town centre scheme that went with the "
      "funding bid, and the latest masterplan drawings?",
      short="Town centre business case and masterplan"),
    v("meeting", "", "Regeneration briefing",
      "Could ward members have a briefing on the {street} regeneration scheme before the "
      "public exhibition? We'll be asked questions and want to get the answers right."),
    v("documents", "cf", "Bids",
      "Could you let me see the bids received for the {street} development partner, with "
      "the prices? I know it's commercially sensitive but I'm on the board.",
      why="asks for bidders' commercially confidential prices mid-procurement"),
    v("information", "", "Regeneration timetable",
      "When is work expected to start on the {street} scheme, and has the timetable "
      "slipped since the last update?"),
    v("media", "", "Funding announcement",
      "I hear the funding announcement is going out next week. As ward member I'd like "
      "to see the release before it goes and, if possible, be quoted.",
      note="ward members are entitled to notice of releases about their ward; no "
           "party-political concern in asking"),
    v("documents", "pp", "Visualisations",
      "Could you get me the new visualisations of {street} before the pre-election period "
      "ends? I'd like to use them in my leaflet.",
      why="council documents requested for election literature"),
    v("information", "pv", "Shop on {street}",
      "My shop is in the {street} redevelopment area. What compensation are traders "
      "likely to get if we have to relocate?",
      why="the member's own business interest in the scheme"),
])

fam("budget", "budget", ["Chief Finance Officer", "Finance Business Partner",
                         "Head of Finance", "RFO"], [
    v("information", "", "Budget savings",
      "Which of the draft budget savings proposals affect services in {ward}? I'd like to "
      "be able to explain them to residents.",
      short="Which budget savings affect {ward}?"),
    v("documents", "", "MTFS",
      "Could I have the latest medium term financial strategy and the reserves "
      "statement? The versions on the website look out of date."),
    v("instruction", "pp", "Our budget amendment",
      "Could you write up the {group}'s budget amendment for us, with speaking notes for "
      "the leader? Don't share it with the administration.",
      note="asks the officer to write group campaign material (speaking notes), not just "
           "cost an amendment"),
    v("information", "", "Costing an amendment",
      "Could you tell me what it would cost to keep the {street} day centre open for "
      "another year? I'm thinking about proposing an amendment at budget council.",
      note="costing advice on a possible amendment is ordinary member support"),
    v("meeting", "", "Budget briefing",
      "Is there going to be an all-member budget briefing before budget council? Could "
      "it be in the evening this year?"),
    v("instruction", "ps", "Deficit figure",
      "Please change the deficit figure in the budget report to the lower scenario before "
      "it's published. The higher figure will frighten people and I don't accept it.",
      why="demands the finance officer's professional figures be changed"),
    v("media", "", "Budget press release",
      "When is the budget press release going out? Could I see a draft? There are some "
      "claims about libraries in the paper that we should correct."),
    v("information", "", "Precept",
      "What would a 3% and a 5% precept increase mean for a band D household next year? "
      "I'd like the figures before the finance committee.",
      need="parish"),
])

fam("procurement", "procurement", ["Procurement Manager", "Contracts Officer"], [
    v("information", "", "Local suppliers",
      "How can local firms get onto the council's frameworks? Several small businesses in "
      "{ward} say they never see the opportunities."),
    v("information", "pv cf", "Tender",
      "My firm is thinking of bidding for the [grounds maintenance|roofing] tender. Is "
      "there anything you can tell me about what the panel will be looking for that isn't "
      "in the documents?",
      need="biz",
      why="the member's own company seeking inside information on a live tender"),
    v("documents", "cf", "Tender scores",
      "Could I see the evaluation scores for all the bidders on the highways term "
      "contract, not just the winner?",
      why="asks for other bidders' confidential evaluation scores"),
    v("documents", "", "Contract award report",
      "Could I have the contract award report for the new waste contract? I believe it "
      "went through under delegated powers."),
    v("instruction", "ps", "Local firm",
      "Make sure the local firm gets this one. They've done good work for us and I'm not "
      "having it go to some national outfit.",
      why="directs the outcome of a procurement"),
    v("complaint", "", "Procurement",
      "The procurement process for the small grants scheme is absurdly complicated for "
      "community groups - forty pages for a £2,000 grant. Can it be looked at?"),
    v("information", "", "Third party access",
      "Does the new IT contract allow third party access to residents' data, for example "
      "by subcontractors? What safeguards are in the contract?",
      note="'third party' is contract language; asks about policy, not anyone's data"),
])

fam("assets", "assets", ["Estates Manager", "Asset Manager"], [
    v("documents", "cf", "Land valuation",
      "Could you send me the valuation report for the depot site before the exempt item "
      "at cabinet? I'm not on cabinet but it's in my ward.",
      why="exempt valuation papers for a meeting the member does not sit on"),
    v("casework", "pv", "Strip of land",
      "I'd like to buy the strip of council land at the side of my house to extend the "
      "garden. What's the process and roughly what would it cost?",
      why="the member's own purchase"),
    v("information", "", "Asset register",
      "Is the asset register published? I'd like to know which buildings the council owns "
      "in {ward}."),
    v("instruction", "", "The old library",
      "Please take the old library building off the disposals list. Residents want it as "
      "a community hub.",
      why="tells the officer to change a disposals decision outside cabinet"),
    v("information", "", "Community asset transfer",
      "What's the process for a community asset transfer? A residents' group is "
      "interested in the pavilion at {park}."),
])

# --- elections, standards, scrutiny, democratic services --------------------------------------

fam("elections", "elections", ["Electoral Services Manager", "Elections Officer"], [
    v("information", "", "Polling stations",
      "Is the polling station at {school} moving for the May elections? Residents "
      "have heard it is and are worried about the walk.",
      short="Is the {school} polling station moving?"),
    v("documents", "pp", "Electoral register",
      "Could you send me the full electoral register for {ward} as a spreadsheet, with "
      "the postal voters marked? We're starting the canvass next week.",
      why="canvassing data for the member's campaign"),
    v("information", "pp", "Turnout by street",
      "Could electoral services tell me which streets in {ward} had the lowest turnout "
      "last time? Purely so I can focus my engagement work over the next few months.",
      note="dressed as engagement, but turnout by street is targeting data for a "
           "campaign"),
    v("information", "", "Postal votes",
      "How many postal vote applications have been received so far compared with last "
      "time? Just general figures for the borough."),
    v("meeting", "", "Candidates briefing",
      "When is the candidates' and agents' briefing? I'd like to put it in the diary.",
      note="an official briefing for all candidates run by the returning officer; no "
           "party work asked of the officer"),
    v("other", "", "The count",
      "Please pass on my thanks to everyone at the count last night. Whatever the result, "
      "it was run impeccably."),
    v("complaint", "", "Polling station moved",
      "The polling station for {street} was moved to the far end of the ward without any "
      "consultation with ward members. Elderly voters now have a mile's walk. I'd like "
      "to know why we weren't asked."),
])

fam("standards", "standards", ["Monitoring Officer", "Deputy Monitoring Officer"], [
    v("information", "", "Declaring an interest",
      "I've been asked to become a trustee of a local charity that gets a council grant. "
      "Would I need to declare an interest when the grant comes up, and should I update "
      "my register?",
      note="mentions the member's outside role, but asks for advice on council "
           "obligations: no private concern"),
    v("information", "cf pp", "Complaint about {cllr2}",
      "I understand a complaint has been made against {cllr2}. Can you tell me what it's "
      "about and whether it's being investigated?",
      why="seeks confidential details of a standards complaint about a political "
           "opponent"),
    v("complaint", "", "{cllr2}",
      "I want to make a formal complaint about {cllr2}'s behaviour at {day}'s committee: "
      "shouting at a member of the public and refusing to withdraw a personal remark. "
      "What do I need to do?",
      note="about a councillor's conduct, not an employee's: no staff_matter"),
    v("meeting", "", "Meeting with the MO",
      "Could I have half an hour with you to talk through a possible interest in an "
      "item coming up at planning?"),
    v("documents", "", "Register of interests form",
      "Could you send me a blank register of interests form and the current code of "
      "conduct? Mine's out of date."),
    v("information", "", "Dispensations",
      "How does the dispensation process work? Half the committee are members of the "
      "same sports club that's applying for a grant."),
])

fam("scrutiny", "scrutiny", ["Scrutiny Officer", "Democratic Services Manager"], [
    v("meeting", "", "Work programme",
      "I'd like the committee to look at the home to school transport overspend. Could "
      "it be added to the scrutiny work programme for the next meeting?",
      short="Add school transport overspend to the scrutiny work programme"),
    v("documents", "", "Call-in papers",
      "Could you send me the decision record and report for the cabinet decision on "
      "{day} on the leisure contract? I'm considering a call-in."),
    v("instruction", "ps", "Task and finish report",
      "Please write the task and finish group's report concluding that the service is "
      "failing. I've made up my mind and the evidence sessions are a formality.",
      who=["marsh"],
      why="tells the officer what the report must conclude before the evidence is in"),
    v("information", "", "Call-in",
      "How many members does it take to call in a cabinet decision, and how long do we "
      "have?"),
    v("meeting", "pp", "Pre-meeting",
      "Could you brief the {group} members of the committee on Monday about what to ask "
      "the cabinet member? Just our lot, before the pre-meeting.",
      why="a briefing for one group's members on questions to put to an opponent"),
    v("complaint", "", "Cabinet member no-show",
      "The cabinet member's officers declined to attend last night's committee without "
      "explanation. That undermines scrutiny entirely. I'd like an explanation."),
    v("meeting", "", "Task and finish group",
      "Could we convene the first meeting of the flooding task and finish group? "
      "Anytime in the week of the 14th works for most members.",
      note="asks for a meeting to be convened: meeting, not instruction"),
])

fam("committee_admin", "democratic", ["Democratic Services Officer", "Committee Officer",
                                      "Clerk"], [
    v("documents", "", "Agenda",
      "Could you send me the [published agenda|agenda and papers] for {day}'s "
      "{cttee}? The link in the calendar doesn't work.",
      short="Agenda for {day}'s {cttee} please",
      note="asks for the published agenda: documents, no confidential concern"),
    v("documents", "cf", "Part 2 papers",
      "Could I have the exempt part 2 papers for {day}'s {subcttee}? I'm not on it, but "
      "the item affects my ward.",
      why="asks for exempt papers of a meeting the member does not sit on"),
    v("meeting", "", "Notice of motion",
      "Under standing orders I'd like to submit the attached notice of motion on "
      "[pavement parking|the bus subsidy] for the next full council. Please let me know if "
      "the wording needs any changes.",
      note="an agenda item under standing orders: meeting"),
    v("instruction", "ps", "Next month",
      "Could you just move the {street} item to next month's agenda and drop the officer "
      "recommendation? I'd rather the committee decided it without one.",
      note="phrased as a question, but instructs a change to the agenda and a report's "
           "recommendation"),
    v("instruction", "", "Move the item",
      "Could you move the [parking review|allotments] item to the start of the agenda on "
      "{day}? I have to leave early.",
      note="asks for agenda order to suit the member; an instruction on meeting "
           "administration, no pressure"),
    v("other", "", "Apologies",
      "Please give my apologies for {day}'s {cttee}. [I'm at a hospital appointment.|I'm "
      "away with family.]",
      short="Apologies - {cttee} {day}"),
    v("information", "", "Substitutes",
      "Can a substitute attend the {subcttee} if I'm away, and who has to notify you?"),
    v("documents", "", "Minutes",
      "Could I have the draft minutes of the last {cttee} before they're signed off? I "
      "want to check what was recorded on the item I spoke on.",
      short="Draft minutes of last {cttee}"),
])

fam("members_support", "members", ["Member Services Officer", "Member Support Manager",
                                   "ICT Service Desk"], [
    v("information", "", "Allowances",
      "When is the deadline for this quarter's travel claims, and can mileage to ward "
      "surgeries be claimed?"),
    v("instruction", "pv", "Laptop",
      "Could IT have a look at my personal laptop? It's running very slowly. I'll bring it "
      "in on {day}.",
      why="council IT support for the member's personal device"),
    v("instruction", "pp", "Printing",
      "Could you print 500 copies of the attached ward newsletter on the member services "
      "printer? It's the {leaflet} - I'll collect on {day}.",
      why="asks council staff to print party literature"),
    v("complaint", "", "Casework system",
      "The new casework system loses my notes every other day and the help desk just "
      "closes the ticket. It's costing me hours. I'd like someone to take this seriously."),
    v("other", "", "Induction",
      "Thank you for the induction session yesterday, it was really useful."),
    v("information", "", "Council phone",
      "Am I allowed to use my council iPad for my work as a school governor, or only for "
      "council business?",
      note="asks about the rules, doesn't ask for private use: no concern"),
])

# --- staff -----------------------------------------------------------------------------------

fam("staff", "staff", ["Head of Service", "Service Director", "Chief Executive",
                       "HR Business Partner"], [
    v("complaint", "sm", "{emp}",
      "I was disappointed by {emp}'s attitude at {day}'s ward briefing. {Emp_he} was "
      "dismissive of residents' concerns and rolled {emp_his} eyes when I asked a "
      "question. I'd like you to have a word.",
      why="complains about a named officer's conduct to their manager"),
    v("information", "sm cf", "{emp}",
      "Why did {emp} leave so suddenly? Was there a disciplinary? I think ward members "
      "should be told.",
      why="asks about an employee's departure and any disciplinary process"),
    v("instruction", "sm ps", "My ward's cases",
      "I don't want {emp} dealing with any more of my ward's cases. Please reassign "
      "them to someone else from today.",
      why="tells a manager how to deploy a named employee"),
    v("other", "", "Thank you",
      "I just wanted to say how impressed I was with {emp} on the {street} case. {Emp_he} "
      "went well beyond what was needed and the family are so grateful.",
      note="thanks a named officer; nothing asked, no staff_matter"),
    v("meeting", "sm", "{emp}",
      "Could I meet you privately about {emp}? I have some concerns about {emp_his} "
      "handling of several cases that I'd rather discuss face to face than in writing.",
      note="asks for a meeting, and the subject is an employee's capability"),
    v("information", "sm", "{emp}",
      "Is {emp} all right? I heard {emp_he}'s been signed off with stress. Please pass on "
      "my best wishes.",
      note="asks about an employee's health: staff_matter even though kindly meant"),
    v("complaint", "", "Response times",
      "Replies from your department are taking three or four weeks. I'm not blaming the "
      "officers - I know you're short-staffed - but the service standard is ten working "
      "days. What's being done?",
      note="a service complaint about the department; no individual named: no "
           "staff_matter"),
    v("other", "", "Retirement",
      "I hear {emp} retires on Friday after 30 years. Please pass on my very best wishes - "
      "{emp_he} has been a pleasure to work with.",
      note="good wishes on a retirement; nothing asked, no concern"),
])

fam("clerk", "clerk", ["Clerk"], [
    v("instruction", "sm", "Deputy clerk's hours",
      "I've had comments about the deputy clerk's timekeeping. Please start keeping a "
      "record of her hours and let me see it monthly.",
      why="a councillor telling the clerk how to manage a named employee"),
    v("meeting", "", "Extraordinary meeting",
      "Two of us would like an extraordinary meeting called about the village hall roof. "
      "Could you let us know the earliest date that gives proper notice?",
      note="asks for a meeting to be convened: meeting"),
    v("instruction", "ps", "The minutes",
      "Please amend the minutes of the last meeting to show that my amendment was "
      "carried. I know that's not how you recorded it, but that was the clear feeling in "
      "the room.",
      why="demands the clerk change the record against their professional view"),
    v("complaint", "sm", "The RFO",
      "I'm not happy with the RFO's work on the year-end accounts - the figures were late "
      "and wrong. This needs raising with her formally.",
      why="about a named employee's capability"),
    v("information", "", "Insurance",
      "Does our insurance cover volunteers doing litter picks? The WI want to organise "
      "one."),
    v("documents", "", "Bank reconciliation",
      "Could I see the latest bank reconciliation and the budget monitoring report before "
      "finance committee?"),
    v("other", "", "Newsletter",
      "Thank you for pulling the newsletter together so quickly, it looks great."),
])

# --- grants and community ---------------------------------------------------------------------

fam("grants", "grants", ["Community Development Officer", "Grants Officer", "Clerk"], [
    v("information", "", "Ward budget",
      "How much is left in my ward budget this year, and what's the deadline for "
      "applications?"),
    v("casework", "pv", "Grant for the larder",
      "Could you help {body} with our grant application? We're struggling with the "
      "budget section.",
      who=["whitlock", "munro", "ali"],
      why="asks officer help for another body the member serves on"),
    v("instruction", "ps", "Scouts grant",
      "Please just release the £1,500 to the scouts now - we don't need to wait for the "
      "panel. I'll make sure it's all right.",
      why="tells the officer to bypass the decision panel"),
    v("media", "pp", "Cheque presentation",
      "For the grant presentation photo on {day}, could you make sure the {group} banner "
      "is in shot? We funded this through our budget amendment.",
      why="wants council publicity to carry party branding"),
    v("documents", "", "Application form",
      "Could you send me the community grants application form and guidance? A few groups "
      "in {ward} want to apply."),
    v("other", "", "Grants panel",
      "Thanks for a well-run panel yesterday - the paperwork was excellent."),
])

fam("community_centre", "community", ["Community Centres Manager", "Facilities Officer",
                                       "Clerk"], [
    v("casework", "", "Hall booking",
      "The {street} over-60s club had their Tuesday booking cancelled with a week's "
      "notice. They've met there for twenty years. Could the booking be reinstated?"),
    v("casework", "pv", "Wedding",
      "My daughter's wedding reception - could we have the community hall at the community "
      "group rate? It'd mean a lot to the family.",
      why="the member's own family event, asking for a discount"),
    v("instruction", "", "Hall prices",
      "Please put the hall hire prices back to last year's rates from next month. The "
      "increase is driving groups away.",
      why="tells the officer to change charges set by the council"),
    v("meeting", "", "Hall committee",
      "Would you come to the hall management committee on {day}? They've got questions "
      "about the lease."),
    v("other", "", "Coffee morning",
      "Lovely to see you at the coffee morning. The volunteers were chuffed you came."),
])

fam("community_council", "general", ["Community Engagement Officer", "Planning Officer"], [
    v("information", "", "Community council consultation",
      "The community council would like to comment on the {street} application. What's "
      "the deadline for statutory consultees, and can we see the transport statement?",
      who=["munro"],
      note="the community council is a statutory consultee and the member asks about "
           "deadlines: a normal ward request, no private concern"),
    v("instruction", "pv", "Community council newsletter",
      "Could your team print and deliver the community council newsletter to the houses "
      "in Glenbrae? We've lost our volunteer deliverer.",
      who=["munro"],
      why="asks council staff to do work for another body the member chairs"),
    v("meeting", "", "Community council meeting",
      "Would you come along to the community council meeting on {day} to talk about the "
      "wind farm community benefit fund? Folk have a lot of questions.",
      who=["munro", "baxter"]),
    v("documents", "", "Community benefit",
      "Could I have a copy of the community benefit agreement for the wind farm? The "
      "community council minutes refer to it but nobody has seen it.",
      who=["munro", "baxter", "mcleod", "grant"]),
])

fam("climate", "climate", ["Climate Change Officer", "Sustainability Manager", "Clerk"], [
    v("information", "", "Carbon emissions",
      "What were the council's own carbon emissions last year compared with the baseline, "
      "and are we on track for the net zero date?",
      short="Council carbon emissions vs baseline?"),
    v("documents", "", "Working party notes",
      "Could you send me the notes of the last climate working party? I missed it.",
      note="'working party' is a council body; no party-political concern"),
    v("meeting", "", "Working party meeting",
      "Could we convene the climate working party again before the action plan goes to "
      "cabinet?",
      note="asks for a council working party to be convened: meeting, no "
           "party-political concern"),
    v("information", "pp", "Climate figures",
      "Could you give me the figures on how many EV charge points have been installed "
      "since the {group} took control? It's for the [{leaflet}|campaign leaflet] - "
      "nothing fancy.",
      note="a factual request whose stated use is party literature"),
    v("other", "", "Solar panels",
      "FYI - I went to see the solar panels on the depot roof, very impressive. Nothing "
      "needed, just thought you'd like to know."),
])

fam("buses", "transport", ["Passenger Transport Manager", "Transport Planning Officer"], [
    v("information", "", "Bus subsidy review",
      "Which subsidised bus routes are included in the review, and will the {street} "
      "service be affected?",
      short="Is the {street} bus in the subsidy review?"),
    v("media", "pp", "Bus route launch",
      "For the launch of the new bus route, could comms arrange a photo of me with the "
      "bus? It'd be good to have before the election.",
      why="council publicity requested for the member's campaign"),
    v("meeting", "", "Bus operator",
      "Could we arrange a meeting with the bus operator and residents about the "
      "timetable changes?"),
    v("complaint", "", "Timetable changes",
      "Nobody consulted ward members about the evening service being cut. I found out "
      "from a constituent. That's not how this should work."),
    v("documents", "", "BSIP",
      "Could I have the current bus service improvement plan and the latest delivery "
      "update?"),
])

# --- media and communications -----------------------------------------------------------------

fam("comms", "media", ["Communications Manager", "Press Officer", "Head of Communications",
                       "Clerk"], [
    v("media", "", "Journalist",
      "[A reporter|Someone] from the {paper} has asked me for a comment on the [school "
      "crossing|car park charges] story. What's the council's line? I'd like to be "
      "consistent.",
      short="Council line on the {paper} story?"),
    v("media", "", "Press release - not told",
      "I've just seen the press release about {street} on the council website. It's in my "
      "ward and I wasn't told beforehand - again. Ward members are supposed to get notice. "
      "Please make sure it happens next time.",
      note="a grievance, but about publicity and the notice ward members get of press "
           "releases: media"),
    v("media", "pp", "Share my post",
      "Could the council's Facebook page share my post about the {park} clean-up? It's "
      "got the {camp} logo on it but it's really a community thing.",
      why="council social media asked to share a post carrying party branding"),
    v("media", "pp", "Pre-election release",
      "I know we're in the pre-election period, but could comms do a release about the "
      "{street} improvements with a quote from me? I did most of the work on it.",
      why="asks for council publicity featuring a candidate during the pre-election "
           "period"),
    v("media", "", "Facebook post",
      "The council's Facebook post about the bin changes is wrong - it says collections "
      "are fortnightly from May, but the report says June. Could it be corrected?",
      note="points out an error in a council post and wants it corrected: media, not "
           "complaint"),
    v("complaint", "sm", "Press office",
      "When I rang the press office yesterday about the {street} story, {emp} was "
      "frankly rude and put the phone down on me. That is no way to treat a member.",
      note="about an employee's conduct on a call, not about publicity: complaint"),
    v("other", "", "Coverage",
      "Great coverage in the {paper} for the {park} reopening. Well done the comms "
      "team.",
      note="praise for coverage with nothing asked: other"),
    v("media", "", "Radio interview",
      "Radio [Wealdshire|Kingsmere|Cymru] want me on tomorrow morning about the [bus "
      "cuts|flooding]. Could someone send me the key facts and figures?",
      short="Radio interview tomorrow - facts please"),
    v("media", "", "Press enquiry forwarded",
      "FYI - this came to me from a journalist. I haven't replied. Do you want to deal "
      "with it, or should I?",
      fwd=("Request for comment",
           "Hi Councillor, I'm writing a piece for the {paper} on the state of the "
           "{street} car park and wondered if you'd like to comment on residents' claims "
           "that it is unsafe after dark. My deadline is 4pm tomorrow. Thanks, {res}, "
           "reporter"),
      note="starts with FYI, but passes on a press enquiry and asks who should answer"),
])

fam("party_group", "groups", ["Democratic Services Manager", "Chief Executive",
                                  "Head of Legal and Democratic Services"], [
    v("meeting", "pp", "Group meeting - budget",
      "Could you come to the {group} meeting on {day} to brief us on the draft budget? "
      "7pm in the group room.",
      why="invites an officer to a party group meeting"),
    v("meeting", "", "Cross-party briefing",
      "Would it be possible to hold a cross-party briefing on the housing strategy for "
      "all members, before the consultation?",
      note="a briefing for all members: no party-political concern"),
    v("documents", "pp cf", "Other group's briefing",
      "Could you send me the briefing note you prepared for the [Labour|Conservative|"
      "Independent] group last week? I assume it's the same facts we'd get.",
      why="asks for another group's confidential briefing"),
    v("information", "pp cf", "What did they ask?",
      "What did the other group ask you about at their pre-meeting on {day}? It would "
      "help to know what's coming.",
      why="asks an officer to disclose another party group's business"),
    v("other", "pp cf", "Whip",
      "[Sorry - please ignore, sent to you in error.|Apologies, this wasn't meant for "
      "you.] // ---- // Group members - three-line whip on the {street} item tomorrow. "
      "We vote against the recommendation and nobody speaks except the leader.",
      note="nothing asked of the officer, but it passes on confidential group business"),
    v("instruction", "pp", "Group minutes",
      "Could you take the minutes at our group meeting on {day}? Our secretary is away.",
      why="asks an officer to service a party group meeting"),
])

# --- general: chasers, favours, social notes, automatic replies ------------------------------

fam("chasers", "general", ["Customer Services Manager", "Head of Service", "Service Manager"], [
    v("casework", "", "Re: {ref}",
      "Just checking in on this one - {res} has asked me for an update. No criticism "
      "intended, I know it's busy.",
      prev="Dear Councillor, thank you, I've logged this as {ref} and passed it to the "
           "team. Regards",
      note="a polite chase on one resident's case: casework, no pressure"),
    v("complaint", "", "Re: {ref}",
      "I raised this [four|five] weeks ago and have had nothing but an automated "
      "acknowledgement. The response standard for member enquiries is ten working days. "
      "I'd like to know why it has been ignored and who is dealing with it.",
      prev="Dear Councillor, thank you, I've logged this as {ref} and passed it to the "
           "team. Regards",
      note="the case is mentioned, but the complaint is about how the enquiry was "
           "handled"),
    v("casework", "", "Still waiting",
      "Still waiting on the {street} case. If I don't hear by the end of the month I'll "
      "take it up with your director.",
      note="mentions escalating to the director after a reasonable period: a legitimate "
           "route, not pressure"),
    v("casework", "ps", "ANSWER NEEDED",
      "I have asked THREE times. I expect a full answer on {res}'s case by 9am tomorrow "
      "or I'll be taking it to the chief executive and the press. Frankly your team is a "
      "shambles.",
      why="unreasonable overnight deadline, threats and an abusive tone"),
    v("casework", "ps", "A small favour",
      "I wonder if you might be able to look at {res}'s case ahead of the others? I know "
      "there's a queue, but {res_he} is a long-standing supporter of the council's work "
      "and I'd hate {res_him} to feel ignored.",
      note="very polite, but asks for a case to be put ahead of the queue"),
])

fam("favours", "general", ["Head of Legal Services", "Service Manager", "HR Manager"], [
    v("information", "pv", "Quick legal question",
      "Slightly off-piste - could one of your lawyers give me a quick view on my "
      "neighbour's boundary fence? It's been going on for months.",
      why="council legal advice on the member's own dispute"),
    v("instruction", "pv ps", "Job application",
      "My son has applied for the apprenticeship in your team. Could you make sure his "
      "application gets a proper look? I'd be grateful.",
      why="the member's own family, and pressure on a recruitment decision"),
    v("information", "pv", "Builder",
      "Do you know a decent builder who does loft conversions? Ours has let us down.",
      why="a personal favour, nothing to do with council business"),
    v("casework", "", "Party wall",
      "{res} at {hn} {street} is in a party wall dispute with next door over an "
      "extension. Is there anything the council can do, or is it purely a civil matter? "
      "{Res_he} doesn't know where to turn.",
      note="'party wall' is a building term; ordinary casework, no party-political "
           "concern"),
    v("documents", "pv", "{body}",
      "Could you send me the council's safeguarding policy? I'm updating the one for "
      "{body} and it would save me starting from scratch.",
      who=["whitlock", "ellison", "ali", "tait", "fairweather", "grant"],
      note="a council document wanted for another body's use"),
])

fam("social", "general", ["Service Manager", "Head of Service", "Clerk"], [
    v("other", "", "[Thank you|Thanks]",
      "Thank you, {o}, for all your help this year. [It has made a real difference in "
      "{ward}.|Residents have noticed.] Have a lovely Christmas.",
      note="thanks an officer by name; nothing asked"),
    v("other", "", "Congratulations",
      "Congratulations on the new job! {ward} will miss you. Do keep in touch."),
    v("other", "", "FYI",
      "FYI - the {street} residents' association newsletter is attached. There's a nice "
      "mention of your team on page 2. No action needed."),
    v("other", "", "Sorry to hear",
      "I was so sorry to hear your news. Please don't give any thought to my emails "
      "while you're away - they can all wait.",
      note="a kind personal note to the officer; not about an employee's circumstances "
           "being raised with anyone"),
    v("other", "", "Apologies - surgery",
      "I won't be at the ward surgery on Saturday - I'm unwell. {cllr2} will cover."),
    v("other", "", "Re: your email",
      "Received, thank you. I'll read it properly over the weekend.",
      prev="Dear Councillor, please find attached the briefing note on the {street} "
           "scheme as requested. Kind regards",
      why="a bare acknowledgement of an officer's email"),
    v("other", "", "Press ahead",
      "Thanks for the draft consultation letter - looks fine to me, press ahead.",
      prev="Dear Councillor, I attach the draft letter to {street} residents about the "
           "works. Are you content for us to send it on Monday? Regards",
      note="'press ahead' approves a draft the officer sent for comment; not media and "
           "nothing further asked"),
    v("other", "", "Well done",
      "Just wanted to say the consultation event last night went really well. Thanks to "
      "you and {emp} for staying late.",
      note="thanks two officers by name; no staff_matter"),
])

fam("autoreply", "general", ["Service Manager", "Democratic Services Officer", "Clerk"], [
    v("other", "", "Automatic reply: [Ward update|Consultation - {street}|Briefing note|Your "
                   "enquiry]",
      "Thank you for your email. I am away from {date} returning on {day}. I will have "
      "limited access to email. For urgent ward matters please contact {cllr2}. // "
      "Cllr {mfull}", raw=True),
    v("other", "", "Out of office",
      "I am currently on annual leave with no access to email. I will respond when I "
      "return. If your matter is urgent please contact the Members' Support team.",
      raw=True),
    v("other", "", "Automatic reply: Agenda for {cttee}",
      "I'm out at ward visits today and will reply this evening. // Cllr {mfull}",
      raw=True),
    v("other", "", "Automatic reply",
      "Diolch am eich e-bost. Rwyf allan o'r swyddfa tan {day_cy}. // Thank you for your "
      "email. I am out of the office until next week. // Cynghorydd / Councillor {mfull}",
      raw=True, who=["pritchard", "hughes", "jenkins", "evans", "morgan"]),
])


# --- further variants, added to families above --------------------------------------------

FAM_BY_KEY = {f.key: f for f in FAMILIES}


def more(key, variants):
    f = FAM_BY_KEY[key]
    for var in variants:
        var.family = f
        var.svc = f.svc
        var.roles = f.roles
        var.fam_key = f.key
    f.variants.extend(variants)


more("comms", [
    v("media", "cf", "Journalist - {res}",
      "A journalist from the {paper} is asking me about {res}'s eviction. I've given her "
      "{res_his} phone number and told her the family's history with the housing team. "
      "Could comms get ahead of this?",
      why="reports a press call, and the member has already passed on a constituent's "
           "personal details to the press"),
    v("media", "ps", "Statement today",
      "I want a statement out today saying the council got it wrong on {street}. If comms "
      "won't do it by 5pm I'll put out my own and say officers refused.",
      why="press demand with a same-day deadline and a threat"),
    v("media", "pv", "My restaurant",
      "Could the council's 'shop local' social media feature {biz} next week? We've just "
      "had the refit done.",
      need="biz",
      why="council publicity for the member's own business"),
    v("media", "sm", "Press office",
      "Why was {emp} moved off the press desk? The {paper} has been asking me and I don't "
      "know what to tell them.",
      note="press enquiry, but the question is about an employee's circumstances"),
    v("media", "", "Article in the {paper}",
      "Have you seen today's {paper}? Page 5 says the council is 'scrapping' the {street} "
      "scheme. I don't think that's right - can the press office check and, if needed, ask "
      "for a correction?",
      short="{paper} story on {street} - correction needed?"),
    v("media", "", "Ward notice of release",
      "Thank you for letting me see the draft release on {park} before it goes out. One "
      "small point: the opening date is the 14th, not the 4th.",
      note="comments on a draft press release sent for the ward member's view: media"),
    v("media", "pp", "Photo opportunity",
      "When the new play equipment at {park} opens, could the council photographer get "
      "some shots of me and {cllr2} for our own use? We'll credit the council.",
      why="council photographer wanted for party publicity"),
    v("media", "", "TV crew",
      "A TV crew turned up at {estate} today filming the damp flats. Residents asked me "
      "whether the council will comment. Do you know if anyone has been in touch?",
      short="TV crew at {estate} - council comment?"),
    v("media", "", "Social media",
      "There's a post going round Facebook saying the tip is closing. Could the council "
      "put out something definitive? People are panicking.",
      why="asks for a public statement to counter a social media post: media"),
])

more("party_group", [
    v("meeting", "pp", "Away day",
      "Could you run a session at the {group} away day on the {date}? Something on the "
      "budget outlook would be ideal - about an hour.",
      why="invites an officer to a party group event"),
    v("media", "pp", "Group press release",
      "Could comms help us draft a press release from the {group} on the bus cuts? We "
      "want it out before the other side's.",
      why="asks council comms to draft party group publicity"),
    v("documents", "pp", "Group briefing note",
      "Could you send the {group} a written note on the budget gap that we can use in our "
      "campaign material?",
      why="asks for a document to be written for group campaign use"),
    v("other", "pp", "Our leaflet",
      "FYI, the attached is the leaflet going out in {ward} this weekend. Thought you'd "
      "want to see what residents are being told about the {street} scheme.",
      note="nothing asked, but passes party campaign literature to an officer"),
    v("complaint", "pp", "Electoral services",
      "I'm very unhappy that electoral services refused to send me the list of new "
      "voters in my ward for my welcome letters. Other councils do it. I'd like this "
      "looked at.",
      note="complains about the refusal to provide canvassing-type data"),
])

more("staff", [
    v("documents", "sm cf", "Sickness records",
      "Could you send me the sickness absence record for the team that covers my ward, "
      "by name? I think some individuals are taking advantage.",
      why="asks for named employees' sickness records"),
    v("other", "sm", "FYI - {emp}",
      "Just so you know, {emp} told me in confidence that {emp_he}'s going through a "
      "divorce and struggling. No action needed, I just thought you should be aware.",
      note="nothing asked, but passes on an employee's personal circumstances"),
    v("complaint", "sm ps", "{emp}",
      "{emp} is useless and I want {emp_him} disciplined. If this isn't dealt with by "
      "Friday I'm going to the leader.",
      why="demands disciplinary action against a named employee with a deadline and a "
           "threat"),
    v("meeting", "sm", "HR",
      "Could I have a meeting with HR about {emp}? I have concerns about {emp_his} "
      "conduct at the community event that I don't want to put in an email.",
      why="meeting request whose subject is an employee's conduct"),
    v("casework", "sm", "{res}'s case",
      "{res}'s case seems to have stalled because {emp} has been off ill for a month and "
      "nobody is covering {emp_his} work. Could someone else pick it up, and is {emp} "
      "coming back?",
      note="casework, but also asks about an employee's absence"),
    v("information", "", "Agency staff",
      "How much did the directorate spend on agency staff last year? Is it going down?",
      note="staffing costs in general; no individual employee"),
])

more("clerk", [
    v("meeting", "ps", "Special meeting",
      "I want an emergency meeting called for Thursday to deal with the footpath. I know "
      "that's not three clear days - find a way.",
      note="asks for a meeting to be convened while demanding the notice rules be "
           "broken"),
    v("other", "sm", "The deputy clerk",
      "Just for your information, I bumped into the deputy clerk in town and she said her "
      "mother is very poorly. You might want to go easy on her this week.",
      note="nothing asked, but passes on an employee's personal circumstances"),
    v("documents", "cf", "Staff salaries",
      "Could I see the clerk's and deputy clerk's salary details and contracts? I want to "
      "check what we're paying for.",
      why="asks for named employees' contracts and pay"),
    v("complaint", "", "The agenda",
      "The agenda went out with only two days' notice again. Councillors can't read "
      "forty pages of planning papers in an evening. This has to improve."),
    v("instruction", "", "Notice board",
      "Please put the new notice board up outside the shop this week - the old one is "
      "falling apart.",
      note="a councillor directing the clerk's work without a decision of the council"),
])

more("adult_care", [
    v("complaint", "sm", "Social worker",
      "{res}'s daughter says the social worker, {emp}, hasn't returned a call in three "
      "weeks and was short with her when she finally got through. Could this be raised "
      "with the team manager?",
      why="complaint about a named employee's handling"),
    v("other", "cf", "FYI - medical letter",
      "For your information, here is the consultant's letter about {res}'s dementia "
      "diagnosis that {res_his} neighbour gave me. No action needed from me, just so you "
      "have it.",
      note="nothing asked, but forwards a third party's medical letter obtained from a "
           "neighbour"),
])

more("asb", [
    v("casework", "cf", "Neighbour dispute",
      "{res} at {hn} {street} is being harassed by the man next door. I'm told he has "
      "schizophrenia and stopped taking his medication, and his social worker is {emp}. "
      "Could the ASB team look at what can be done?",
      note="casework that passes on a third party's health details"),
    v("meeting", "", "Police surgery",
      "The neighbourhood sergeant and I are holding a joint surgery at the library on "
      "{day}. Would someone from the ASB team be able to join us for an hour?"),
    v("complaint", "", "ASB case handling",
      "{res} has reported ASB from the flat upstairs [fifteen|twenty] times since "
      "January. Each time {res_he} is told it's 'being monitored'. I want to know what "
      "the council has actually done and why the case has never been escalated.",
      note="mentions one case, but the ask is about how it has been handled: complaint"),
    v("other", "", "Thank you",
      "Thanks for coming to the residents' meeting last night. People really appreciated "
      "hearing it from you directly."),
])

more("regeneration", [
    v("meeting", "pv", "Traders",
      "Could the regeneration team meet me and the other traders on {street} about the "
      "compensation arrangements? My own shop is one of the ones affected.",
      note="meeting request where the member's own business is affected"),
    v("media", "", "Regeneration coverage",
      "The {paper} has a very negative piece on the regeneration scheme today - 'white "
      "elephant'. Is the council responding? A lot of what they say is out of date.",
      short="Is the council responding to the {paper} regeneration piece?"),
    v("complaint", "", "Consultation event",
      "The regeneration consultation event ran out of leaflets after an hour, and there "
      "was nobody from the council who could answer questions about parking. People left "
      "angry. Can the next one be better organised?"),
    v("other", "", "Groundbreaking",
      "Thanks for organising the ground-breaking this morning - lovely to see it finally "
      "happening."),
])

more("planning_app", [
    v("other", "", "Declaring an interest",
      "Just to let you know that I'll be declaring an interest on {pref} - it's my "
      "brother-in-law's application. I won't be taking part. No action needed.",
      note="mentions a family interest, but declaring it properly asks nothing and uses no "
           "council resource for it: no concern"),
    v("meeting", "ps", "{pref}",
      "I need to meet you about {pref} before you write the report. I want to make sure "
      "you understand why it must be refused.",
      note="asks for a meeting in order to steer the officer's recommendation"),
    v("documents", "", "Committee report",
      "Could I have a copy of the committee report for {pref} as soon as it's published? "
      "The residents' group would like to read it.",
      short="Committee report for {pref} when published"),
])

more("council_tax", [
    v("complaint", "", "Council tax bills",
      "Dozens of residents have had council tax bills with the wrong band this year. The "
      "phone line is jammed. How has this happened and what's being done?"),
    v("media", "", "Council tax on the radio",
      "I'm on local radio on {day} talking about council tax rises. Could I have the "
      "approved figures and the council's explanation for the increase?"),
])

more("missed_bins", [
    v("media", "", "Bin changes - Facebook",
      "The council's post about the new collection days has had hundreds of angry "
      "comments, many based on a misunderstanding. Could comms post a clearer "
      "explanation with a map?",
      note="about a council post and public messaging: media"),
    v("meeting", "", "Depot visit",
      "Would it be possible to visit the depot and go out on a round one morning? I'd "
      "like to understand how the crews work before the review."),
])

more("housing_extra" if False else "repairs", [
    v("casework", "cf", "{hn} {street}",
      "The tenant at {hn} {street} is complaining about damp, but you should know the "
      "neighbours tell me she's a hoarder and has mental health problems, and her ex is "
      "in prison. Might explain things.",
      why="passes on gossip about a tenant's health and family"),
    v("other", "", "Repairs",
      "Just to say the new repairs call centre was excellent when I rang on behalf of "
      "{res} - answered in two minutes."),
])

more("members_support", [
    v("meeting", "pv", "Meeting room",
      "Could I book one of the committee rooms on {day} evening for {body}'s AGM? It's a "
      "good cause.",
      need="principal",
      why="a council room for another body the member serves on"),
    v("other", "", "Automatic reply: Members' bulletin",
      "Thank you for your message. I am on holiday until {day} {date} and will reply on my "
      "return. Cllr {mfull}", raw=True),
])

more("favours", [
    v("documents", "pv", "Deeds",
      "Could legal dig out the title plan for my house? There's a dispute with the "
      "neighbour over the boundary and I know the council used to own the land.",
      need="principal",
      why="council records for the member's own private dispute"),
    v("meeting", "pv", "Chat about the trust",
      "Could I buy you a coffee and pick your brains about funding for {body}? Nothing to "
      "do with the council, just your expertise.",
      note="a meeting for another body the member serves on"),
    v("complaint", "pv", "My bin",
      "I've now had my own bin missed three times. As a councillor I'd expect better - "
      "if it happens to me it must happen to everyone. Who is responsible?",
      note="a service complaint about the member's own household collection"),
])

more("grants", [
    v("documents", "cf", "Grant applications",
      "Could you send me all the applications to the community fund this round, including "
      "the groups' bank details and accounts? I'd like to check them over before the "
      "panel.",
      need="principal",
      why="asks for applicants' financial and bank details beyond need to know"),
    v("meeting", "", "Grants panel",
      "Could you add me to the invite for the next grants panel? I'd like to observe."),
])

more("elections", [
    v("other", "pp", "Count",
      "FYI - I'll be bringing my agent and two counting agents on Thursday night. Their "
      "names are on the form I handed in.",
      note="election business of the member's own campaign passed to an officer; nothing "
           "asked"),
    v("media", "pp", "Results",
      "Could comms post the result with a photo of me on the council's page on Friday?",
      why="council publicity wanted for the member's election win"),
])

more("local_plan", [
    v("documents", "pp", "Site maps",
      "Could you send me the maps of the call-for-sites submissions in {ward}? We're doing "
      "a survey with residents as part of our campaign against the sites.",
      why="documents requested for a party campaign survey"),
])

more("social", [
    v("other", "", "Happy retirement",
      "I hear today is your last day. Thank you for everything over the years, {o} - "
      "you've been a pleasure to work with."),
    v("other", "", "Re: agenda",
      "Got it, thanks.",
      prev="Dear Councillor, the agenda for {day}'s {cttee} is attached. Kind regards",
      why="a bare acknowledgement"),
    v("other", "", "Apologies",
      "Apologies, I'm going to be ten minutes late for the briefing - stuck behind a "
      "tractor."),
    v("other", "", "Re: Ward newsletter",
      "Many thanks for this {o}, most helpful.",
      prev="Dear Councillor, as requested, the figures for the {street} scheme are below. "
           "Regards",
      note="thanks an officer by name for information already sent"),
])

more("budget", [
    v("information", "pp", "Consultants spend",
      "What has the council spent on consultants since 2022, by year? The {group} is "
      "running a campaign on waste and we'd like the figures to be right.",
      need="principal",
      note="figures asked for, with the stated purpose of a party campaign"),
    v("information", "ps", "Figures for the leader",
      "I need the full reserves breakdown by 8am tomorrow for the leader's speech. Please "
      "drop whatever else you're doing tonight.",
      need="principal",
      why="an overnight deadline and an instruction to set other work aside"),
    v("documents", "ps", "Audit papers",
      "I want the full internal audit working papers on the depot on my desk by 9 "
      "tomorrow. No excuses this time.",
      need="principal",
      why="asks for documents with an unreasonable deadline and hostile tone"),
    v("meeting", "cf", "Part 2 briefing",
      "I can't make cabinet on {day}. Could you brief me privately on the part 2 item on "
      "the depot sale, including the offers received?",
      need="principal",
      why="asks for a private briefing on exempt business the member is not part of"),
])

more("standards", [
    v("information", "cf pp", "Arrears",
      "Which councillors are behind on their council tax? I think the public has a right "
      "to know, particularly where it's members of the administration.",
      why="asks for named people's account information, aimed at political opponents"),
    v("complaint", "", "Political bias",
      "I'm concerned that officers from your department attended an event organised by "
      "the ruling group last week and appeared in their photographs. Officers are "
      "supposed to be politically neutral. I'd like an explanation.",
      note="complains about a lack of neutrality; asks no party work of anyone: no "
           "party_political concern"),
])

more("elections", [
    v("other", "", "Standing again",
      "Just so you know, I'm standing again in May, so I may be a bit slower replying over "
      "the next few weeks. Nothing needed.",
      note="mentions the member's own candidacy, but asks for no party work: no concern"),
    v("information", "pp cf", "Petition signatures",
      "Could you let me have the names and addresses of the people who signed the "
      "{street} petition? I'd like to write and thank them on behalf of our team.",
      why="asks for petitioners' personal data for party correspondence"),
])

more("social", [
    v("other", "pp", "Re: figures",
      "Thanks {o}, these are perfect for the next {leaflet}.",
      prev="Dear Councillor, as requested, the number of repairs completed in {ward} last "
           "year is set out below. Regards",
      need="principal",
      note="nothing asked, but reveals council information is going into party "
           "literature"),
    v("other", "", "FYI",
      "FYI - we're selling our house on {street}, so you may see a planning notice go up "
      "for the extension the buyers want. Nothing for you to do.",
      note="mentions the member's own property, but asks nothing and seeks no favour: no "
           "concern"),
    v("other", "sm", "Thank you",
      "Please pass my thanks to {emp}. I know {emp_he}'s had a rough time with {emp_his} "
      "health this year, so it's all the more impressive.",
      note="thanks, but refers to an employee's health"),
    v("other", "cf", "For info",
      "For info, I've attached the exempt report from Tuesday's cabinet in case your team "
      "hasn't seen it yet. Please keep it to yourselves.",
      need="principal",
      note="nothing asked, but passes on an exempt report"),
])

more("chasers", [
    v("casework", "pp ps", "{res}",
      "{res} is one of our deliverers and a loyal supporter, so I'd like his problem on "
      "{street} sorted quickly, ideally before the election.",
      need="principal",
      note="casework, but asks for priority because the constituent helps the member's "
           "party"),
    v("complaint", "ps", "Your report",
      "Your report on {street} was a disgrace. Frankly you're out of your depth. I want "
      "it withdrawn by tomorrow and a proper one written.",
      why="complaint about a report with personal abuse and an overnight demand"),
    v("information", "cf", "New tenant",
      "Is it true the new tenant at {hn} {street} has a conviction? Residents are worried "
      "and I'd like to reassure them either way.",
      need="principal",
      why="asks about a named person's criminal record"),
])

more("planning_app", [
    v("meeting", "pp", "Action team",
      "Could the case officer come to our ward action team meeting on {day} to talk "
      "about the {street} application? It's just the local party members.",
      why="invites an officer to a local party meeting"),
    v("complaint", "pv", "My application",
      "My own application has been with you for twelve weeks. It's a simple extension. "
      "I'd like to know why it has taken so long.",
      why="a complaint about the handling of the member's own application"),
    v("complaint", "sm", "Case officer",
      "I have lost confidence in {emp} as case officer. {Emp_he} misrepresented the "
      "objections in the report and didn't return residents' calls. I'd like you to look "
      "at {emp_his} handling of this file.",
      why="raises an employee's capability with the manager"),
    v("media", "pv", "Interview about my application",
      "The {paper} want to interview me about the planning application for my own house. "
      "Could the press office handle it for me?",
      why="press office support for the member's own private matter"),
])

more("assets", [
    v("media", "cf", "Depot price",
      "Can I tell the {paper} how much the depot is selling for? It's in the part 2 report "
      "but people deserve to know.",
      need="principal",
      note="about press contact, and seeks to release exempt information"),
    v("instruction", "cf", "Part 2 report",
      "Please send the exempt report on the depot to the residents' association chair. "
      "They need to see what's being proposed.",
      need="principal",
      why="tells the officer to pass exempt papers outside the council"),
])

more("staff", [
    v("media", "sm cf", "{paper} asking about {emp}",
      "The {paper} is asking me about {emp}'s dismissal. What can I tell them?",
      note="a press enquiry that concerns an employee's dismissal"),
    v("meeting", "sm cf", "Return to work",
      "Could I sit in on {emp}'s return-to-work meeting next week? I know {emp_him} well "
      "and could help.",
      why="asks to attend an employee's confidential HR meeting"),
    v("documents", "sm cf", "Grievance",
      "Could you send me a copy of the grievance {emp} has raised? I gather it mentions "
      "me.",
      why="asks for an employee's confidential grievance"),
])

more("comms", [
    v("media", "ps", "Release naming me",
      "Pull the release that names me. If it goes out I'll be making a formal complaint "
      "about you personally.",
      why="about a press release, with a threat against the officer"),
    v("instruction", "pp", "Petition link",
      "Could you put a link to our petition on the council's consultation page for the "
      "{street} scheme? It's the {group}'s, but it's on the same subject.",
      why="asks for party campaign material on a council web page"),
])

more("grants", [
    v("documents", "pp cf", "Community groups list",
      "Could you send me the list of community groups funded in {ward} with their contact "
      "details? We're inviting them to our party's community fair.",
      need="principal",
      why="contact data for a party event"),
])

more("conservation", [
    v("documents", "pv", "Completion certificate",
      "Could building control send me the completion certificate for the extension at my "
      "house? I need it for the sale.",
      why="the member's own property records"),
])

more("members_support", [
    v("meeting", "ps", "Residents' meeting tonight",
      "I expect you at the residents' meeting tonight at 7. I've already told them you'll "
      "be there to explain why the scheme failed.",
      need="principal",
      why="same-day summons, committing the officer without asking"),
])

more("leisure", [
    v("meeting", "pv", "Club meeting",
      "Could we meet about the swimming club's lane hire? I'm the club secretary, so it "
      "would be me and the chair.",
      why="meeting for another body the member serves on"),
])

# --- replies on an officer's earlier email ------------------------------------------------

more("potholes", [
    v("instruction", "ps", "Re: {street} resurfacing",
      "I've read your explanation and I don't accept it. Condition scores or not, {street} "
      "goes on this year's programme. Put it on the list and I'll deal with any questions "
      "from the cabinet member.",
      prev="Dear Councillor, thank you for your email. {street} was assessed in the spring "
           "condition survey and scored below the threshold for this year's programme. It "
           "will be re-surveyed next year. Kind regards",
      why="overrides the officer's professional assessment"),
    v("complaint", "", "Re: pothole {street}",
      "With respect, 'did not meet intervention criteria' is not an answer to a resident "
      "who has burst two tyres. I'd like to know who decides the criteria, when they were "
      "last reviewed, and how I make a formal complaint about the way this was dealt with.",
      prev="Dear Councillor, the inspector visited on {date} and the defect did not meet "
           "intervention criteria, so no repair has been ordered. Kind regards"),
])

more("allocations", [
    v("casework", "", "Re: {resl} - housing",
      "Thanks for this. The family have now got the letter from the health visitor - I'll "
      "send it over. Could it be added to the medical assessment?",
      prev="Dear Councillor, I have checked {res}'s application. The banding is correct on "
           "the information we hold, but any new medical evidence would be assessed. "
           "Regards",
      note="a follow-up in the thread: adds evidence to one family's case, casework"),
])

more("committee_admin", [
    v("documents", "cf", "Re: Part 2 papers",
      "I understand the papers are exempt, but I'm a councillor and I'm entitled to see "
      "them. Please send them over and I'll keep them confidential.",
      prev="Dear Councillor, the report for item 9 is exempt under paragraph 3 and is "
           "circulated only to members of the committee. I can ask the report author "
           "whether you have a need to know. Kind regards",
      why="presses for exempt papers after being told of the need-to-know test"),
    v("other", "", "Re: agenda",
      "Perfect, found it - thank you.",
      prev="Dear Councillor, the agenda is on the website under Meetings; the direct link "
           "is below. Regards"),
])

more("planning_app", [
    v("instruction", "ps", "Re: {pref}",
      "Your draft recommendation is wrong and I expect it to be changed before the report "
      "is published. If it goes to committee recommending approval I'll be asking why you "
      "ignored the ward members.",
      prev="Dear Councillor, thank you for your comments on {pref}. They will be reported "
           "in full to committee. On balance my recommendation will be approval subject to "
           "conditions. Regards",
      why="demands a changed recommendation, with an implied threat"),
    v("meeting", "", "Re: {pref}",
      "Thanks. In that case could I come in and go through the drawings with you before "
      "the report is written? Half an hour would do.",
      prev="Dear Councillor, the revised plans for {pref} were received last week and are "
           "now on the portal. Regards",
      note="asks to meet before the report is written, but seeks an explanation, not to "
           "steer the recommendation: no pressure"),
])

more("repairs", [
    v("complaint", "", "Re: {hn} {street}",
      "This is the third 'we will update you' I've had on this case. Nobody has been "
      "out. I'd like to escalate it as a formal complaint about how the repair has been "
      "handled.",
      prev="Dear Councillor, I have chased the contractor about the repair at {hn} "
           "{street} and will update you once I hear back. Regards",
      note="one tenant's repair, but asks for a formal complaint about its handling"),
])

more("comms", [
    v("media", "", "Re: Draft release",
      "Fine by me, but could you add that residents can see the plans at the library? "
      "Otherwise good to go.",
      prev="Dear Councillor, as ward member please find below the draft press release on "
           "the {street} scheme, which we intend to issue on {day}. Regards",
      note="comments on a draft release sent to the ward member: media"),
])

more("budget", [
    v("information", "", "Re: budget question",
      "Thank you, that's helpful. One follow-up: does the £1.2m saving include the "
      "vacant posts, or are they on top?",
      prev="Dear Councillor, in answer to your question, the savings proposals for the "
           "directorate total £1.2m over two years, detailed in appendix B. Regards",
      need="principal"),
])

more("chasers", [
    v("casework", "ps", "Re: {ref}",
      "Not good enough. Get someone out to {res} TODAY and ring me when it's done.",
      prev="Dear Councillor, thank you. The enquiry has been logged as {ref} and will be "
           "responded to within ten working days. Regards",
      why="same-day demand with a curt, bullying tone"),
])

# --- long emails (300+ words) --------------------------------------------------------------

more("flooding", [
    v("complaint", "", "Flooding on {street} - formal complaint",
      "I am writing to make a formal complaint about the council's handling of the "
      "flooding on {street}, and I am afraid this email is a long one because the history "
      "matters. // The gullies at the bottom of {street} were first reported as blocked in "
      "[October|September] of last year. Residents reported them through the website, and I "
      "reported them myself twice. On each occasion we were told that the gullies were on "
      "the cleansing programme and would be dealt with. They were not. // On the night of "
      "the storm, water came over the kerb, across the pavement and into four homes. One "
      "of those households is an elderly couple who had only just finished repairing the "
      "damage from the last flood. They rang the emergency number and were told that "
      "sandbags would be delivered; none arrived. I went round myself at midnight with "
      "what I could carry from the depot. // In the days since, nobody from the council "
      "has visited the residents to explain what happened, what they should do about "
      "insurance, or what will be done to stop it happening again. The only contact has "
      "been a letter about bulky waste charges for their ruined carpets. // I do not "
      "blame any individual officer: I know the crews were stretched that night. But the "
      "service as a whole has failed these residents, repeatedly, and I would like a "
      "proper explanation. In particular: why the reported gullies were not cleared; why "
      "the sandbag request was not met; and why the residents have heard nothing since. "
      "// I would also like to know how this complaint will be handled and when I can "
      "expect a response, so that I can tell the residents.",
      note="long and detailed, with casework history, but the ask is a formal complaint "
           "about the service; expressly no individual blamed, so no staff_matter"),
])

more("allocations", [
    v("casework", "", "{res} - housing, long history",
      "I am sorry to send you such a long email, but I think you need the whole picture "
      "on this family. // {res} lives at {hn} {street} with {res_his} three children, "
      "aged two, seven and eleven, in a one-bedroom flat on the third floor with no lift. "
      "The two older children share the bedroom; {res} sleeps on the sofa with the "
      "toddler. They have been there since {res_he} fled domestic abuse in 2021, and the "
      "flat was meant to be temporary. // The family applied to the housing register the "
      "same year and were placed in band C. Since then, the eldest child has been "
      "diagnosed with a condition that means {res_he} needs {res_his} own room, and the "
      "family sent in the consultant's letter in [March|April]. As far as I can tell it "
      "has never been assessed: {res} has rung the allocations line several times and been "
      "told the form is 'in the queue'. // I have been to the flat. There is damp in the "
      "bedroom, the stairwell lights are out, and {res} carries the buggy and the shopping "
      "up three flights every day. {Res_he} is not someone who complains; {res_he} came to "
      "my surgery only after the school raised concerns. // I am not asking for the family "
      "to be put ahead of anyone. I would like to know that the medical evidence has been "
      "assessed, that the banding is right on the evidence, and that somebody will tell "
      "{res} where {res_he} stands. If there is anything further the family needs to "
      "send, please tell me and I will help them get it together. // I would be grateful "
      "for an update within the usual timescale.",
      note="long, emotional casework that expressly does not ask to jump the queue: no "
           "pressure; the constituent's own circumstances, passed on with consent"),
])

more("local_plan", [
    v("information", "", "Questions on the draft local plan",
      "I have now read the draft local plan consultation documents, and I have a number "
      "of questions that residents have put to me and that I cannot answer from the "
      "papers. I have tried to keep them short. // First, the housing requirement. The "
      "document refers to the standard method figure, but the number in the table on page "
      "14 does not match the figure given at the all-member briefing. Which is correct, "
      "and why do they differ? // Second, the sites in {ward}. Residents want to know how "
      "the capacity of the site off {lane} was calculated, given that much of it is in "
      "flood zone 2, and whether the transport assessment has looked at the junction of "
      "{street} and {street2}, which already backs up at school times. // Third, "
      "infrastructure. The plan says new primary places will be provided 'as required'. Is "
      "there any modelling of when the existing schools would be full, and who would fund "
      "an extension? The same question applies to GP capacity, though I appreciate the "
      "council is not the provider. // Fourth, process. If the consultation produces "
      "significant objections to a site, at what stage could it be removed, and who "
      "decides? // I realise some of this may be set out in evidence documents I have not "
      "found, in which case a pointer to the right page would be enough. I am not asking "
      "for a view on whether any site should be allocated, only for the facts so that I "
      "can explain the plan accurately. Thank you for your help.",
      note="a long list of questions that mentions documents, but asks for facts and "
           "explanations: information"),
])

more("staff", [
    v("complaint", "sm", "Concerns about the handling of ward enquiries",
      "I have hesitated before writing this, and I want to be fair, so please forgive the "
      "length. // Over the last three months I have raised seven enquiries with your team "
      "on behalf of residents in {ward}. Six of them were allocated to {emp}. In each "
      "case the acknowledgement was prompt, but after that nothing happened until I "
      "chased, and in two cases residents were told things that turned out not to be "
      "true: one was told a repair had been ordered when it had not, and another was told "
      "the council had no record of a report I had personally submitted. // When I raised "
      "this with {emp} directly, {emp_he} was defensive and, frankly, rude, and suggested "
      "that I was 'making work' for the team. I do not think that is an appropriate way "
      "to speak to a member, or about residents' concerns. // I know that everyone is "
      "under pressure and I do not want to get anyone into trouble unfairly. But I have "
      "lost confidence in the way these cases are being handled, and I think you as the "
      "manager need to be aware of it and look into it. I have kept copies of all the "
      "emails and can send them if that would help. // Could you let me know how you "
      "intend to take this forward? I would prefer to deal with it quietly and "
      "constructively if at all possible.",
      note="long and restrained, but it raises a named employee's capability and conduct "
           "with the manager: complaint plus staff_matter, no pressure"),
])

more("party_group", [
    v("meeting", "pp", "Group meeting - request for a briefing",
      "I am writing on behalf of the {group} to ask whether you, or one of your senior "
      "colleagues, would be able to attend our group meeting on {day} {date} to brief us "
      "on the options for the leisure centres. // As you know, the administration has "
      "had the benefit of several informal briefings on this, and my colleagues feel they "
      "are at a disadvantage when the report comes to council. We would like to "
      "understand the financial position, the condition surveys, and the officer view of "
      "which options are realistic. // It would be particularly helpful if you could "
      "talk us through the likely public reaction to each option in our wards, and "
      "advise on which would play best with residents ahead of next year's elections, so "
      "that we can settle our group position before the other groups do. // The meeting "
      "starts at 6.30pm in the group room and we would give you the first item. Light "
      "refreshments will be available. Please let me know if you are able to attend, or "
      "whether a written briefing would be easier for you. I am happy to discuss.",
      note="a long, courteous invitation to a party group meeting that also asks for "
           "electoral advice on options"),
])

more("regeneration", [
    v("information", "pv", "Town centre scheme - some questions",
      "I hope you don't mind me writing at some length about the town centre scheme, as "
      "there are a few things I'd like to understand properly. // The plans shown at the "
      "exhibition suggest that the block between {street} and {street2} will be "
      "demolished in phase two. As you may know, my family has run a shop in that block "
      "for over thirty years, and the lease has another eight years to run. // Could you "
      "tell me what the current timetable is for phase two, whether the council intends "
      "to acquire the leases by agreement or by compulsory purchase, and how compensation "
      "for businesses is usually calculated - in particular whether loss of goodwill is "
      "included and whether any relocation help is offered? // I also wondered whether "
      "there is any flexibility about which units are included. It seems to me that the "
      "two units at the end of the block, ours included, could be retained without "
      "affecting the overall design, and I would be interested to know whether that has "
      "been considered. // I appreciate you may not be able to answer all of this yet. "
      "Anything you can tell me would help us plan, and I'm happy to come in and talk it "
      "through if that's easier.",
      note="long and reasonable in tone, but every question is about the member's own "
           "family business, including whether its unit could be left out of the scheme"),
])

# --- forwarded constituent mail (the forwarded text carries the request) ----------------------

more("missed_bins", [
    v("information", "", "Tip booking",
      "Could you give me something I can send back to this resident? I don't know the "
      "reasons for the booking system myself.",
      fwd=("Tip booking system",
           "Dear Councillor, why do we still have to book a slot to take rubbish to the tip? "
           "It was brought in for Covid and that's long gone. Half the time there are no "
           "slots for a fortnight and people just dump stuff in the lanes instead. What is "
           "the reason for keeping it? Regards, {res}"),
      top="[Can you give me an answer for this resident?|Resident question - see below]"),
])

more("council_tax", [
    v("information", "", "Council tax increase",
      "A resident has asked how this year's increase breaks down between the council, the "
      "police and the parish. Could you give me the figures?",
      fwd=("Council tax going up again",
           "Hello, my bill has gone up by over £100 this year. How much of that is the "
           "council and how much is the police and the parish? Nobody explains it and the "
           "leaflet is useless. {resf}"),
      top="[How do I answer this one?|Resident question on the bill - see below]"),
])

more("chasers", [
    v("complaint", "", "Contact centre",
      "I share this resident's frustration - it's the third email like this I've had this "
      "week. What is going on with the phone lines, and when will waiting times come "
      "down?",
      fwd=("Can't get through",
           "Cllr {mlast}, I have tried to ring the council four times this week and waited "
           "over 40 minutes each time before giving up. The website just sends me in "
           "circles. How are people supposed to report anything? This is hopeless. {res}"),
      top="[This is typical - what is going on with the phones?|Third one this week. Why "
          "can nobody get through?]",
      note="forwards one resident's grievance, but the member's ask is about the service "
           "generally: complaint"),
    v("complaint", "sm", "Reception",
      "Please see below. I'd like this looked into with the manager concerned.",
      fwd=("Treatment at the customer service centre",
           "Dear Councillor, I went to the customer service centre on {day} to hand in "
           "documents for my claim. The lady on the desk, who I think was called {emp}, "
           "laughed at me when I struggled with the form and said loudly to her colleague "
           "that 'these people' can't read. I was humiliated. I want an apology. {res}"),
      top="[This is not acceptable - see below|Please look into this - see below]",
      why="a constituent's complaint about a named employee's conduct, forwarded"),
])

more("parks", [
    v("casework", "", "Hedge on {street}",
      "Could someone look at the hedge below? It's on council land I think.",
      fwd=("Overgrown hedge",
           "Dear Councillor, // I am writing about the hedge on the corner of {street} and "
           "{street2}. It has grown so far over the pavement that anyone with a pushchair "
           "or wheelchair has to go into the road, which is on a bend. My neighbour uses a "
           "mobility scooter and had to turn back last week. I have asked the council to "
           "cut it back twice through the website and nothing has happened. I don't know "
           "whether it belongs to the council or to the house, but somebody needs to deal "
           "with it before someone is hurt. // Many thanks, // {res}"),
      top="[Overgrown hedge - see below|?? see below]"),
])

more("comms", [
    v("media", "", "Radio request",
      "This came in from the radio. Who should speak for the council - me or an officer?",
      fwd=("Interview request",
           "Hi Cllr {mlast}, I produce the breakfast show and we'd love to have someone on "
           "tomorrow at 7.40 about the changes to bin collections. Would you or someone "
           "from the council be available? Thanks, {resf}, producer"),
      top="[Radio want someone - see below|Press request, see below. Who's doing it?]"),
])

more("planning_app", [
    v("meeting", "", "Residents' association",
      "Could we set this up? I'd be happy to chair it.",
      fwd=("Meeting request - {street} development",
           "Dear Cllr {mlast}, // The committee of the {street} Residents' Association "
           "would like to meet the planning officer dealing with the {street} development "
           "so that residents can understand the process and how to comment. We could host "
           "it in the church hall on a weekday evening. Could you help arrange this? // "
           "Yours, {res}, Secretary"),
      top="[Could we arrange this meeting please?|Residents want a meeting - can you "
          "help?]"),
])

more("social", [
    v("other", "", "Thank you from a resident",
      "Thought you'd like to see this.",
      fwd=("Thank you",
           "Dear Councillor, just a note to say the council men came and sorted the fence "
           "by the brook on {day}. Very polite and tidied up after themselves. Please pass "
           "on our thanks. {res}"),
      top="[Thought you'd like to see this.|A nice one for a change!|FYI - well done all]",
      note="forwards a resident's thanks; nothing asked"),
    v("other", "", "FYI",
      "FYI - no action needed.",
      fwd=("Spring newsletter",
           "Dear friends, please find attached the spring newsletter of the {street} "
           "Community Association, with dates for the litter pick and the summer fair. All "
           "welcome! {res}, Secretary"),
      top="[FYI - no action needed|For info only]"),
])

more("asb", [
    v("casework", "cf", "Neighbour - {street}",
      "Please see below. Can the ASB team help?",
      fwd=("Next door",
           "Councillor, the man at {hn2} {street} is dealing drugs from the house, there "
           "are cars coming and going all night. He was sectioned last year and his "
           "daughter told me he's stopped his tablets again. His name is Kevin Marsh and "
           "he's on probation. We are all scared. Please don't tell him it was me. {res}"),
      top="[Please see below - ASB|Can the ASB team pick this up? See below]",
      note="casework, but the forwarded text names a third party with health and "
           "criminal details"),
])

more("trees", [
    v("information", "cf", "Hedge complaint",
      "Can you tell me who reported this resident's hedge? He's asked me to find out.",
      fwd=("Letter about my hedge",
           "Councillor, I've had a letter from the council saying someone has complained "
           "my hedge is too high. I want to know who it was. It's obviously next door. Can "
           "you find out for me? {res}"),
      top="[Can you tell me who complained? See below|Resident wants to know who "
          "reported him]",
      why="asks for a complainant's identity"),
])

more("speeding", [
    v("instruction", "ps", "Double yellows",
      "Please get double yellow lines painted on the corner this month. I've promised "
      "the residents.",
      fwd=("Parking on the corner",
           "Dear Councillor, cars park right on the corner of {street} every evening and "
           "the bin lorry and ambulances can't get round. Please can we have double yellow "
           "lines? {res}"),
      top="[Please get lines painted on this corner - I've promised the residents|Lines "
          "needed here this month please, I've told them it's happening]",
      note="the forwarded resident asks for lines; the member directs that they be "
           "painted and has promised it"),
    v("documents", "", "Traffic survey",
      "Could you send me the traffic survey so I can pass it on?",
      fwd=("Traffic survey",
           "Hi Cllr, the residents' group heard that a traffic count was done on {street} "
           "in the autumn. Could we have a copy of the results? {res}"),
      top="[Can I have a copy of the survey to pass on?|Residents want the survey - can you "
          "send me it?]"),
])

more("missed_bins", [
    v("casework", "", "Bin",
      "Mae'r preswylydd isod yn gofyn am help - can you sort please?",
      fwd=("Bin ailgylchu",
           "Annwyl Gynghorydd, // Dydy'r bin ailgylchu ddim wedi cael ei gasglu ers tair "
           "wythnos ar {street}. Rydw i wedi ffonio ddwywaith. Allwch chi helpu os "
           "gwelwch yn dda? // Diolch, {res}"),
      top="[Gweler isod - can you sort please?|Bin heb ei gasglu - see below]",
      who=["pritchard", "hughes", "jenkins", "evans", "morgan"]),
])

more("repairs", [
    v("casework", "", "Stair light",
      "See below - can someone get out to this close?",
      fwd=("Stair lights out",
           "Hi Councillor, the stair lights in our close at {hn} {street} have been out "
           "for a fortnight. It's pitch black on the landings and there's an old lady on "
           "the top floor who's scared to go out. We phoned the repairs line twice. Can you "
           "help? {res}"),
      top="[See below - can someone get out to this close?|Close lighting - see below]",
      who=["munro", "grant", "mcleod", "baxter"]),
    v("casework", "pv ps", "Building control",
      "One of my customers below - can you get the inspector out tomorrow? We're "
      "waiting on it to pour the footings.",
      fwd=("Inspection",
           "Gary, building control still haven't been out for the footings inspection at "
           "{hn} {street}. We've got the concrete booked for Thursday. Can you chase them "
           "with your council hat on? Cheers, {resf}"),
      top="[One of my customers - get the inspector out tomorrow please|Need building "
          "control out tomorrow for this one, it's my job]",
      who=["pickering"],
      note="looks like a forwarded constituent case, but it is the member's own building "
           "job and asks for a next-day inspection"),
])

more("elections", [
    v("information", "pp", "Figures",
      "See below from our agent - could you let me have the figures?",
      fwd=("figures for the leaflet",
           "{m} - for the leaflet we need the number of new homes built in the ward since "
           "2021 and the number of affordable ones. Can you get them from the council? "
           "Print deadline is Friday. Thanks"),
      top="[See below from our agent - could you let me have the figures?|Figures needed "
          "for this - see below]",
      need="principal",
      why="the forwarded text shows the figures are for a party leaflet"),
])

more("clerk", [
    v("casework", "", "Bus shelter",
      "The bus shelter on {street} has been smashed again - glass all over the pavement. "
      "Could you get it made safe and repaired?",
      short="Smashed bus shelter on {street}"),
    v("information", "", "Christmas lights",
      "How much have we spent on the Christmas lights this year against the budget, and "
      "is the contract up for renewal?"),
    v("documents", "", "Asset register",
      "Could I have a copy of the asset register and the insurance schedule? I'm trying "
      "to get my head round what we actually own."),
    v("media", "", "Bugle",
      "The {paper} want a comment from the council on the traffic scheme. Who should "
      "respond - the chair or you? I don't want us saying two different things.",
      note="about a press enquiry and who speaks for the council: media"),
    v("complaint", "", "Hall bookings",
      "The hall booking system has double-booked the main room twice this month. The "
      "dance school turned up to find the WI in there. It needs sorting out."),
    v("meeting", "", "Planning committee",
      "Could the planning committee meet to consider the {street} application before "
      "the district's deadline? I think we need to comment on this one.",
      note="asks for a committee to be convened: meeting"),
    v("instruction", "pp", "Newsletter",
      "Could you put our candidates' leaflet in with the parish newsletter delivery? It "
      "would save us a round.",
      why="asks the clerk to distribute election material"),
    v("instruction", "ps", "Contract",
      "Sign the contract with the grass cutting firm today. We don't need to wait for the "
      "meeting - I'm chair and I'm telling you to do it.",
      need="parish",
      why="tells the clerk to act without a council decision, leaning on the chair's "
          "position"),
    v("information", "pv", "Barn",
      "Does the parish council get a say on the planning application for my barn "
      "conversion? I'd like to know who'll be looking at it.",
      note="framed as a process question, but about the member's own application"),
    v("other", "", "Tonight",
      "Apologies for tonight - I've got the grandchildren. I've read the papers and have "
      "nothing to add."),
])

more("social", [
    v("other", "", "Apologies",
      "Sorry, I can't make {day}'s {cttee} - hospital appointment. Apologies to the "
      "chair."),
])

# --- more long emails ---------------------------------------------------------------------

more("trees", [
    v("casework", "", "Trees on {street} - long",
      "Sorry, see below - a long one, but it explains it better than I could.",
      fwd=("The trees on {street} - please help",
           "Dear Councillor {mlast}, // I hope you don't mind me writing to you directly, "
           "but I have run out of other options. // I have lived at {hn} {street} for "
           "thirty-one years. Outside my house, on the council verge, there are two large "
           "lime trees. When I moved in they were a nice size, but they have never been "
           "properly cut back and they are now taller than the houses. // Every summer the "
           "honeydew drips onto the cars and the pavement and makes it sticky and slippery; "
           "I am 76 and I have already had one fall on the path. Every autumn the leaves "
           "block the gutters and the drain at the bottom of the road, and last November "
           "the water came up to my front step. The roots have lifted the pavement so badly "
           "that my neighbour, who uses a wheelchair, cannot get past and has to go into the "
           "road. // I first reported this to the council in 2021. Someone came out and "
           "said the trees were 'healthy' and 'a valuable amenity', which I don't dispute - "
           "I am not asking for them to be cut down. I am asking for them to be cut back to "
           "a reasonable size and for the pavement to be made safe. I reported it again in "
           "2023 and was told the trees were 'on the list'. Nothing has happened. // I am "
           "not a complainer, and I know the council has a lot to deal with, but I would be "
           "grateful if you could find out whether anything is actually going to be done, "
           "and when. I have photographs if they would help. // With thanks and best "
           "wishes, // {res}"),
      top="[Sorry, see below - a long one, but it explains it better than I could.|Please "
          "see below. Can the tree officer and highways look at this together?]",
      note="the long forwarded letter is the casework; the member adds one line"),
])

more("committee_admin", [
    v("instruction", "ps", "Thursday's committee",
      "I have been reflecting on the report for Thursday's {subcttee}, and I wanted to "
      "share some thoughts before the papers are finalised, as I know you are working to "
      "a tight timetable. // First, let me say how much I appreciate the work that has "
      "gone into it. It is a thorough piece of work and the background section in "
      "particular is very clear. // My difficulty is with the recommendation. As drafted, "
      "it asks the committee to approve the closure of the {street} centre from April. I "
      "do not think members will be comfortable with that, and nor, frankly, am I. The "
      "consultation responses were overwhelmingly against, and the savings are modest. // "
      "I wonder, therefore, whether it might be possible to recast the recommendation so "
      "that the committee is asked simply to note the options, with no preferred option "
      "set out, and to defer a decision until the summer. I appreciate that this is not "
      "the officer view, but I think it would make for a much calmer meeting and spare "
      "everyone a difficult evening. // I have mentioned this informally to the chair, who "
      "I think would be sympathetic. If it would help, I am very happy to look at a "
      "revised draft before it goes out. // With many thanks, as ever, for all your help.",
      note="long and courteous, but asks for the officer's recommendation to be removed "
           "and replaced against the officer view: instruction with pressure"),
])

more("libraries", [
    v("documents", "", "Library review - papers",
      "I have been asked by the {street} Library Friends group to help them respond to "
      "the library review, and I want to make sure we are working from the same papers "
      "as the council. I hope you can help. // Could you send me, or point me to, the "
      "following: // - the cabinet report that started the review, with its appendices; "
      "// - the library needs assessment, including the usage data by branch; // - the "
      "equality impact assessment, in whatever draft form it currently exists; // - the "
      "consultation questionnaire and the background document that went with it; and "
      "// - any options appraisal or business case for the community-managed model. // "
      "I realise some of these may already be on the website - I have found the "
      "questionnaire, but not the others - and some may still be in draft. If any of them "
      "cannot be shared yet, it would be helpful to know when they are likely to be "
      "published, so that the Friends can plan their response. // I am not asking for "
      "anything confidential, and I am not asking you to comment on the merits of the "
      "proposals. The group simply want to read the same evidence that members will be "
      "reading. Many of them are retired professionals and they will read it carefully. "
      "// Thank you in advance. I know this is a busy time for the service.",
      note="a long request for a list of specific papers; asks for documents, not facts"),
])

more("social", [
    v("other", "", "Thank you",
      "I am writing simply to say thank you, and I hope you will forgive me for doing so "
      "at some length. // Over the last year you and your team have helped me with more "
      "cases than I can count, from the family on {street} who were finally rehoused in "
      "the spring, to the elderly gentleman whose heating you got fixed on Christmas Eve. "
      "On every occasion you have been patient with me, clear about what could and could "
      "not be done, and kind to the residents, who often arrive angry and frightened and "
      "leave feeling that someone has listened. // I know that much of this work goes "
      "unnoticed. Councillors tend to write when things have gone wrong, and I am as "
      "guilty of that as anyone. So I wanted to put on record, while I think of it, that "
      "I have noticed, and that residents have noticed too. Several of them have asked me "
      "to pass on their thanks, and I am doing so now. // There is nothing you need to do "
      "with this email - please do not feel you have to reply. I simply hope that you "
      "have a restful break over the holidays, and that the new year is a little kinder "
      "to all of you than the last one has been. // With warmest good wishes,",
      note="a long thank-you that names cases but asks nothing: other"),
])

more("elections", [
    v("information", "pp", "Some figures please",
      "I wonder if you could help me with some figures. I am putting together a short "
      "summary of what has been achieved in {ward} over the last four years, and I want "
      "to be sure the numbers are accurate rather than relying on memory. // In "
      "particular, could you tell me: // - how many new council and affordable homes have "
      "been completed in the ward since May 2021; // - how much has been spent on road and "
      "pavement repairs in the ward over the same period, if that can be separated out; "
      "// - how many new street lights or LED replacements there have been; and // - "
      "whether the new play area at {park} was funded by the council or by developer "
      "contributions. // I am keen to get this right, because the last time figures went "
      "out in a leaflet there were some complaints that they were misleading, and I do "
      "not want that to happen again. The summary will go out with our {leaflet} in the "
      "run-up to the election, so if you could let me have the figures in the next "
      "couple of weeks, that would be ideal. // Many thanks for your help with this.",
      note="reads as a careful factual request, but the figures are for a party leaflet "
           "before the election"),
])

more("comms", [
    v("media", "", "Coverage of the {street} scheme",
      "I wanted to raise the coverage of the {street} scheme in this week's {paper}, "
      "which I think has caused a good deal of unnecessary alarm. // The article says "
      "that the council intends to close the road 'permanently' and that residents will "
      "lose their parking. As I understand the cabinet report, neither of those things is "
      "true: the closure is an eighteen-month trial, with a review at twelve months, and "
      "the residents' bays are being relocated rather than removed. The article also "
      "quotes a 'council source' as saying that objections 'will not change anything', "
      "which I very much hope is not something an officer actually said. // Since the "
      "piece appeared I have had more than thirty emails from residents, many of them "
      "elderly and very worried. I have replied to each of them, but it would help "
      "enormously if the council could put out a clear public statement setting out the "
      "facts, and perhaps ask the paper to publish a correction or a follow-up. // Could "
      "the press office let me know whether that is planned? If there is to be a "
      "statement, I would be grateful to see it before it goes out, as I will be asked "
      "about it at the residents' meeting next week. I am happy to be quoted if that "
      "helps, but I do not need to be.",
      note="long, with criticism of the article, but asks for a statement and correction: "
           "media, not complaint"),
])

# --- which variants also fit a town or parish council ------------------------------------------
# Families open to town and parish councillors hold some variants that only make sense
# at a principal council (directors, press offices, ward budgets, party groups' budget
# amendments). Those get need="principal".

PARISH_OK = {
    "budget": ("What would a 3%",),
    "chasers": ("Just checking in",),
    "favours": ("Do you know a decent builder", "Could you send me the council's safeguarding",
                "Could I buy you a coffee", "My son has applied"),
    "party_group": ("Could you come to the {group} meeting", "[Sorry - please ignore",
                    "Could you take the minutes", "FYI, the attached is the leaflet",
                    "What did the other group ask", "Could you send me the briefing note"),
}
PRINCIPAL_ONLY = {
    "grants": ("How much is left in my ward budget", "For the grant presentation photo"),
    "climate": ("Could you give me the figures on how many EV",),
    "social": ("Apologies, I'm going to be ten minutes",),
}
for _f in FAMILIES:
    for _v in _f.variants:
        if _v.need:
            continue
        if _f.key in PARISH_OK and not _v.body.startswith(PARISH_OK[_f.key]):
            _v.need = "principal"
        if _f.key in PRINCIPAL_ONLY and _v.body.startswith(PRINCIPAL_ONLY[_f.key]):
            _v.need = "principal"


# ----------------------------------------------------------------------------------
# rendering
# ----------------------------------------------------------------------------------

PARISH_TYPES = {"town_council", "parish_council"}
PARISH_COMMITTEES = ["Full Council", "Amenities Committee", "Finance and General Purposes "
                     "Committee", "Planning Committee", "Cemetery Committee"]
COMMITTEES = ["Planning Committee", "Cabinet", "Overview and Scrutiny Committee",
              "Licensing Committee", "Audit and Governance Committee", "Place Scrutiny Panel",
              "Full Council", "Area Committee"]
SCOT_COMMITTEES = ["Planning Committee", "Environment and Infrastructure Committee",
                   "Policy and Resources Committee", "Licensing Board", "Full Council"]

_ALT = re.compile(r"\[([^\[\]]*\|[^\[\]]*)\]")
_PH = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")

PRONOUNS = {"m": ("he", "his", "him"), "f": ("she", "her", "her")}


def fill(text: str, ctx: dict, rng: random.Random) -> str:
    for _ in range(4):
        text = _ALT.sub(lambda m: rng.choice(m.group(1).split("|")), text)

        def ph(m):
            key = m.group(1)
            if key in ctx:
                return ctx[key]
            low = key[0].lower() + key[1:]
            if low in ctx:
                val = ctx[low]
                return val[:1].upper() + val[1:]
            raise KeyError(key)

        text = _PH.sub(ph, text)
        if "{" not in text and "[" not in text:
            break
    return text


def pick_role(var: Variant, persona: Persona, rng: random.Random) -> str:
    if persona.council["type"] in PARISH_TYPES:
        clerk = "Town Clerk" if persona.council["type"] == "town_council" else "Parish Clerk"
        return rng.choice([clerk, clerk, "Deputy Clerk", "Clerk and RFO"])
    roles = [r for r in var.roles if "Clerk" not in r and r != "RFO"] or ["Service Manager"]
    return rng.choice(roles)


def make_ctx(var: Variant, p: Persona, rng: random.Random) -> dict:
    reg = p.council["region"]
    of, ol, og = rng.choice(OFFICERS)
    title, rf, rl, rg = rng.choice(RESIDENTS[reg])
    emp = rng.choice([e for e in EMPLOYEES if e[0] != of])
    st = rng.sample(STREETS[reg], 2)
    ctype = p.council["type"]
    if ctype in PARISH_TYPES:
        cttee = rng.choice(PARISH_COMMITTEES)
    elif reg == "sco":
        cttee = rng.choice(SCOT_COMMITTEES)
    else:
        cttee = rng.choice(COMMITTEES)
    sub_pool = ([c for c in PARISH_COMMITTEES if c not in ("Full Council",)]
                + ["Staffing Committee"] if ctype in PARISH_TYPES
                else [c for c in (SCOT_COMMITTEES if reg == "sco" else COMMITTEES)
                      if c != "Full Council"])
    subcttee = rng.choice(sub_pool)
    pinfo = PARTY_INFO[p.party]
    ctx = {
        "o": of, "ofull": f"{of} {ol}", "oti": ("Mr " if og == "m" else "Ms ") + ol,
        "orole": pick_role(var, p, rng),
        "m": p.first, "mlast": p.last, "mfull": f"{p.first} {p.last}",
        "ward": p.ward, "ww": p.ward_word, "council": p.council["name"],
        "paper": p.council["paper"], "party": p.party, "group": pinfo["group"],
        "leaflet": pinfo["leaflet"], "camp": pinfo["camp"], "biz": p.biz or "my business",
        "body": p.body or "the trust", "street": st[0], "street2": st[1],
        "hn": str(rng.randint(2, 140)), "hn2": str(rng.randint(2, 140)),
        "res": rng.choice([f"{rf} {rl}", f"{rf} {rl}", f"{title} {rf} {rl}",
                           f"{title} {rl}"]),
        "resl": f"{title} {rl}", "resf": rf, "resfull": f"{rf} {rl}",
        "res_he": PRONOUNS[rg][0], "res_his": PRONOUNS[rg][1], "res_him": PRONOUNS[rg][2],
        "emp": emp[0], "emp_he": PRONOUNS[emp[1]][0], "emp_his": PRONOUNS[emp[1]][1],
        "emp_him": PRONOUNS[emp[1]][2],
        "ref": rng.choice(["CRM", "ENQ", "MEM", "CAS"]) + "-" + str(rng.randint(100000, 999999)),
        "pref": f"{rng.choice(['23', '24', '25'])}/{rng.randint(100, 2999):05d}/"
                + rng.choice(["FUL", "HOU", "OUT", "FUL", "HOU"]),
        "num": str(rng.randint(3, 48)), "day": rng.choice(DAYS),
        "day_cy": rng.choice(["ddydd Llun", "ddydd Mawrth", "ddydd Mercher", "ddydd Iau",
                              "ddydd Gwener"]),
        "date": f"{rng.randint(1, 28)} {rng.choice(MONTHS)}", "cttee": cttee,
        "subcttee": subcttee,
        "ea": ENV_AGENCY[reg], "cllr2": rng.choice(OTHER_CLLRS),
        "school": rng.choice(SCHOOLS[reg]), "estate": rng.choice(ESTATES[reg]),
    }
    ctx["lane"] = rng.choice(LANES[reg])
    ctx["park"] = rng.choice(PARKS[reg])
    ctx["res_email"] = (rf.lower() + rng.choice([".", "", "_"]) + rl.lower()
                        + rng.choice(["", "", str(rng.randint(1, 99))]) + "@"
                        + rng.choice(["gmail.com", "btinternet.com", "hotmail.co.uk",
                                      "outlook.com", "yahoo.co.uk", "icloud.com"]))
    ctx["o_email"] = f"{of.lower()}.{ol.lower()}@{p.council['domain']}"
    ctx["m_email"] = (f"cllr.{p.first.lower()}.{p.last.lower().replace(chr(39), '')}"
                      f"@{p.council['domain']}")
    return ctx


def compatible(var: Variant, p: Persona) -> bool:
    ctype = p.council["type"]
    if var.svc not in SVC_BY_TYPE[ctype]:
        return False
    if var.who and p.key not in var.who:
        return False
    if var.need == "parish" and ctype not in PARISH_TYPES:
        return False
    if var.need == "principal" and ctype in PARISH_TYPES:
        return False
    if var.need == "biz" and not p.biz:
        return False
    texts = [var.body, var.subj, var.short or "", var.top or ""]
    if var.fwd:
        texts += list(var.fwd)
    joined = " ".join(texts)
    if "{biz}" in joined and not p.biz:
        return False
    if "{body}" in joined and not p.body:
        return False
    return not ("{leaflet}" in joined and ctype in PARISH_TYPES)


# ---- persona habits ----------------------------------------------------------------

DYSLEXIC = {"definitely": "definately", "received": "recieved", "receive": "recieve",
            "because": "becuase", "which": "wich", "separate": "seperate",
            "necessary": "neccesary", "tomorrow": "tommorow", "believe": "beleive",
            "address": "adress", "committee": "commitee", "business": "buisness",
            "environmental": "enviromental", "Wednesday": "Wensday", "residents": "residants",
            "information": "infomation", "council": "counsil", "really": "realy",
            "their": "there", "people": "poeple", "appreciate": "apreciate",
            "week": "weak", "whether": "wether", "since": "sence", "until": "untill",
            "could": "coud", "would": "woud", "should": "shoud", "know": "no",
            "neighbours": "nieghbours", "interest": "intrest", "already": "allready",
            "application": "aplication", "family": "famly", "again": "agian",
            "different": "diffrent", "properly": "propperly"}
FORMAL_EXPAND = {"I'd": "I would", "I'm": "I am", "I've": "I have", "I'll": "I will",
                 "can't": "cannot", "don't": "do not", "doesn't": "does not",
                 "isn't": "is not", "it's": "it is", "It's": "It is", "won't": "will not",
                 "wasn't": "was not", "haven't": "have not", "hasn't": "has not",
                 "there's": "there is", "There's": "There is", "they're": "they are",
                 "we're": "we are", "you'd": "you would", "that's": "that is",
                 "That's": "That is", "aren't": "are not", "weren't": "were not",
                 "couldn't": "could not", "didn't": "did not", "we'd": "we would",
                 "he's": "he is", "she's": "she is", "you'll": "you will"}
CAPS_WORDS = ("again", "still", "never", "not", "three", "weeks", "months", "nobody")


def sub_words(text: str, mapping: dict) -> str:
    def rep(m):
        w = m.group(0)
        if w in mapping:
            return mapping[w]
        low = w.lower()
        if low in mapping:
            out = mapping[low]
            return out[:1].upper() + out[1:] if w[:1].isupper() else out
        return w
    return re.sub(r"[A-Za-z']+", rep, text)


def lowerize(text: str, rng: random.Random) -> str:
    t = text.lower()
    for a, b in ((" you ", " u "), ("please", "pls"), ("thanks", "thx"), ("because", "cos"),
                 (" are ", " r "), ("tomorrow", "tmrw"), ("tonight", "2nite")):
        if rng.random() < 0.6:
            t = t.replace(a, b)
    t = re.sub(r"(\w)'(\w)", r"\1\2", t)               # dont, im, its
    t = re.sub(r"[.;:]\s+", lambda m: rng.choice([" ", "\n", " ", ", "]), t)
    t = re.sub(r",\s", lambda m: rng.choice([" ", ", "]), t)
    t = re.sub(r"\s*//\s*", "\n", t)
    t = t.rstrip(". ")
    return t


def numbered(text: str) -> str:
    """Turn a paragraph with several questions into a numbered list (habit of two
    personas)."""
    paras = text.split(" // ")
    out = []
    for para in paras:
        sents = re.split(r"(?<=[?.!])\s+", para)
        qs = [s for s in sents if s.endswith("?")]
        if len(qs) >= 2 and len(sents) <= 5:
            head = [s for s in sents if not s.endswith("?")]
            lines = []
            if head:
                lines.append(" ".join(head))
            lines += [f"{i}. {q}" for i, q in enumerate(qs, 1)]
            out.append("\n".join(lines))
        else:
            out.append(para)
    return " // ".join(out)


def broken_wrap(text: str, rng: random.Random) -> str:
    width = rng.randint(58, 74)
    out = []
    for para in text.split("\n\n"):
        lines = []
        for line in para.split("\n"):
            wrapped = textwrap.wrap(line, width) or [""]
            # an old client re-wrapping an already wrapped line leaves short orphans
            fixed = []
            for w in wrapped:
                if len(w) > 40 and rng.random() < 0.3:
                    cut = w.rfind(" ", 0, len(w) - rng.randint(8, 20))
                    if cut > 10:
                        fixed += [w[:cut], w[cut + 1:]]
                        continue
                fixed.append(w)
            lines += fixed
        out.append("\n".join(lines))
    return "\n\n".join(out)


def nbspify(text: str, rng: random.Random) -> str:
    chars = list(text)
    for i, c in enumerate(chars):
        if c == " " and rng.random() < 0.07:
            chars[i] = "\u00a0"
    text = "".join(chars)
    return text.replace("\n\n", rng.choice(["\n\u00a0\n", "\n\n", "\n \n"]))


GREET_DEFAULT = ["Hi {o},", "Hello {o},", "Dear {o},", "Morning {o},", "Hi {o}", "{o},",
                 "Good afternoon {o},"]
SIGNOFF_DEFAULT = ["Thanks,", "Many thanks,", "Best wishes,", "Regards,", "Kind regards,",
                   "Thank you,", "Best,"]


def greeting(p: Persona, ctx, rng, parish: bool) -> str:
    h = p.habits
    if "formal" in h or "precise" in h:
        if parish and rng.random() < 0.5:
            return rng.choice(["Dear Clerk,", "Dear {o},"])
        return rng.choice(["Dear {oti},", "Dear {o},", "Dear {oti}"])
    if "welsh" in h:
        return rng.choice(["Bore da {o},", "Prynhawn da {o},", "Shwmae {o},", "Annwyl {o},",
                           "Helo {o},", "Noswaith dda {o},"])
    if "lower" in h:
        return rng.choice(["hi {o}", "", "{o}", "hiya", "hey {o}"])
    if "forwarder" in h:
        return rng.choice(["", "", "{o},", "{o} -"])
    if "terse" in h or "brisk" in h:
        return rng.choice(["", "{o},", "{o} -", "Hi {o}"])
    if "chatty" in h or "exclaim" in h:
        return rng.choice(["Hi {o}!", "Hi {o}, hope you had a good weekend!",
                           "Hello {o}, hope you're well!", "Morning {o}!"])
    if "scots" in h or "ni" in h:
        return rng.choice(["Hi {o},", "Morning {o},", "Hello {o}, hope you're keeping well.",
                           "{o},"])
    return rng.choice(GREET_DEFAULT)


def signoff(p: Persona, kind: str, rng) -> str:
    h = p.habits
    if "welsh" in h:
        return rng.choice(["Diolch yn fawr,", "Cofion,", "Cofion gorau,", "Diolch,",
                           "Cofion cynnes,"])
    if "formal" in h or "precise" in h:
        return rng.choice(["Yours sincerely,", "Kind regards,", "With best wishes,",
                           "Yours,"])
    if "lower" in h:
        return rng.choice(["thx", "cheers", "ta", "", "ty"])
    if "terse" in h or "brisk" in h or "forwarder" in h:
        return rng.choice(["", "Ta", "Thanks", "", "Regards"])
    if "chatty" in h or "exclaim" in h:
        return rng.choice(["Thanks so much!", "Many thanks!", "Speak soon,", "Cheers!"])
    if "scots" in h or "ni" in h:
        return rng.choice(["Cheers,", "All the best,", "Thanks,", "Regards,"])
    return rng.choice(SIGNOFF_DEFAULT)


def name_line(p: Persona, rng) -> str:
    h = p.habits
    if "lower" in h:
        return rng.choice([p.first.lower(), p.first[0].lower(), ""])
    if "terse" in h or "brisk" in h:
        return rng.choice([p.first, p.first[0] + p.last[0], p.first[0] + ".", ""])
    if "formal" in h:
        return rng.choice([f"{p.first} {p.last}", f"Cllr {p.first} {p.last}",
                           f"Councillor {p.first} {p.last}", p.first])
    if "chatty" in h and p.gender == "f" and rng.random() < 0.3:
        return p.first + " x"
    return rng.choice([p.first, f"{p.first} {p.last}", p.first, f"Cllr {p.last}"])


def signature(p: Persona, ctx, rng, tags: list) -> tuple[str, str]:
    """The signature block, and a boundary note if the block itself looks like a
    concern (business name, party imprint) without being one."""
    h = p.habits
    c = p.council
    ww = p.ward_word.capitalize() if p.ward_word != "DEA" else "DEA"
    ward_line = p.ward if p.ward_word in ("DEA",) or p.ward.startswith("Ward") else \
        f"{p.ward} {ww}"
    phone = f"Mob: 07700 9{rng.randint(10000, 99999)}"
    note = ""
    if "lower" in h or rng.random() < 0.18:
        return "", note
    lines = []
    if "welsh" in h:
        lines += [f"Cynghorydd / Councillor {p.first} {p.last}", ward_line,
                  c["name"]]
    elif p.key == "munro":
        lines += [f"Cllr {p.first} {p.last}", f"{c['name']} - {p.ward}",
                  "Chair, Glenbrae and District Community Council"]
    elif p.key == "dunn":
        lines += [f"{p.first} {p.last}", "Chair, Little Bardon Parish Council"]
    else:
        lines += [f"Cllr {p.first} {p.last}", ward_line, c["name"]]
    if p.role and p.key != "dunn":
        lines.insert(1, p.role)
    if "partysig" in h or ("html" in h and rng.random() < 0.5) or rng.random() < 0.08:
        lines[0] = f"{lines[0]} | {p.party}"
        tags.append("party-in-signature")
    if rng.random() < 0.6:
        lines.append(phone)
    if p.biz and "trade" in h and rng.random() < 0.5:
        lines += ["", p.biz, "Extensions - Loft conversions - Roofing"]
        tags.append("business-signature")
        note = "business name in the signature only"
    if "html" in h:
        lines.append(f"[cid:image00{rng.randint(1, 4)}.png@01DB{rng.randint(1000, 9999)}."
                     f"{rng.randint(1000, 9999)}{rng.choice('ABCDEF')}{rng.randint(10, 99)}]")
        tags.append("cid-image")
    sep = rng.choice(["", "", "--", "-- "]) if "gmail" in h else ""
    block = "\n".join(lines)
    return ((sep + "\n") if sep else "") + block, note


WELSH_FOOTER = ("Croesewir gohebiaeth yn Gymraeg ac ni fydd gohebu yn Gymraeg yn arwain at "
                "oedi. / We welcome correspondence in Welsh and corresponding in Welsh will "
                "not lead to a delay.")
FOOTERS = [
    ("This email and any attachments are confidential and intended solely for the "
     "addressee. If you have received it in error please notify the sender and delete it. "
     "{council} may monitor email traffic.", True),
    ("CONFIDENTIALITY NOTICE: the information in this email may be confidential and/or "
     "legally privileged. If you are not the intended recipient, please tell the sender "
     "and delete it.", True),
    ("Any views or opinions expressed in this email are those of the author and do not "
     "necessarily represent those of {council}.", False),
    ("Please consider the environment before printing this email.", False),
    ("Emails sent to and from the council may be disclosed under the Freedom of "
     "Information Act.", False),
]
TOP_MARKINGS = [("Classification: OFFICIAL", False), ("PRIVATE AND CONFIDENTIAL", True),
                ("OFFICIAL", False), ("[OFFICIAL - SENSITIVE]", True)]
IMPRINT = ("Promoted by {agent} on behalf of {party_name}, {addr}. This email account is "
           "used for my work as a councillor and as a party campaigner.")

PAD_OPEN = [
    "I hope you are keeping well, and I am sorry to add to what I know is a heavy "
    "workload.",
    "I am conscious that your team is dealing with a great many demands at the moment, "
    "and that budgets across every service are under real strain, so I have tried to set "
    "things out as fully as I can so that you have everything in one place.",
    "I hope you will forgive the length of this email; I would rather give you too much "
    "detail than too little.",
]
PAD_WARD = [  # only where the variant is about residents or a street in the ward
    ("{street}", "By way of background, {street} is one of the older streets in the {ww}, "
     "built in the 1930s, and many of the people who live there have done so for forty "
     "years or more. They are not people who contact their councillor lightly, and several "
     "of them are elderly and do not use the internet."),
    ("resident", "This was raised with me at my surgery on Saturday morning, and I have "
     "since had two further emails and a telephone call on the same subject, so I am "
     "confident it is a matter of genuine concern rather than one individual's view."),
    ("resident", "For completeness, I have not copied this to anyone else at this stage, "
     "and I have told the residents concerned that I have raised it and will let them know "
     "once I hear back."),
    ("resident", "Perhaps I might also say that I have tried to put the residents' views "
     "fairly, including the views of those who disagree with each other, because the "
     "street is by no means of one mind on this."),
    ("{street}", "I have spoken to my ward colleagues about this and they share my view "
     "that it is worth raising now rather than waiting for it to come up at the next area "
     "meeting, when the answer may already be out of date."),
]
PAD_CLOSE = [
    "I should add that I have checked the council's website before writing but could not "
    "find the answer there; if I have missed something obvious, a link would be perfectly "
    "sufficient.",
    "I mention all this simply so that you have the context; I have no wish to add to "
    "anybody's workload unnecessarily, and I am grateful for the help I have had from "
    "officers over the years.",
    "Thank you for taking the time to read such a long email.",
    "If it would be easier to talk any of this through, I am usually at home in the "
    "mornings and happy to take a call.",
]
PAD_THANKS = [
    "It is not often that one has the chance to write an email of this kind, so I wanted "
    "to take a moment to do it properly.",
    "In my years as a councillor I have seen a great many changes, and it is heartening "
    "to see the care that still goes into the work, often unnoticed.",
]
RAMBLE = [
    "When I was a girl my grandmother lived on {street2} and we used to walk down past "
    "the old mill every Sunday - it was all fields then, of course, and the brook was "
    "clean enough to paddle in. Anyway, I digress, as my late husband always used to say!",
    "I remember when the chapel on {street2} was still open and the whole street turned "
    "out for the anniversary teas. Times change, but people round here still look out "
    "for each other. But that's by the by.",
    "You'll have to excuse me if this is a bit muddled, I've been up since five with the "
    "dog.",
]


_HAS = re.compile(r"\b([Ii]t|[Hh]e|[Ss]he|[Tt]here|[Tt]hat|[Ww]ho)'s (been|had|made|got|gone|"
                  r"taken|come|left|become|asked)\b")


def expand_formal(text: str) -> str:
    text = _HAS.sub(r"\1 has \2", text)
    return sub_words(text, FORMAL_EXPAND)


def render_member_text(text: str, p: Persona, var: Variant, rng, tags: list) -> str:
    """Apply the persona's habits to the member's own words (with ' // ' breaks)."""
    h = p.habits
    reg = p.council["region"]
    if reg == "sco":
        text = (text.replace("highways", "roads").replace("Highways", "Roads")
                .replace("cabinet member", "convener").replace("cabinet", "committee")
                .replace("Cabinet", "Committee"))
    if "formal" in h or "long" in h or "precise" in h:
        text = expand_formal(text)
        tags.append("no-contractions")
    if ("numbered" in h or "precise" in h) and "?" in text:
        new = numbered(text)
        if new != text:
            tags.append("numbered-points")
        text = new
    if ("scots" in h or "ni" in h) and rng.random() < 0.5:
        text = re.sub(r"\ba bit\b", "a wee bit", text)
        text = re.sub(r"\bsmall\b", "wee", text)
    if "caps" in h:
        n = 0
        for w in CAPS_WORDS:
            if n < 2 and re.search(rf"\b{w}\b", text):
                text = re.sub(rf"\b{w}\b", w.upper(), text, count=1)
                n += 1
        if n:
            tags.append("caps-emphasis")
    if "exclaim" in h:
        text = re.sub(r"\.(\s+//|$)", lambda m: "!" + m.group(1), text, count=1)
    if "dyslexic" in h:
        text = sub_words(text, DYSLEXIC)
        tags.append("misspellings")
    if "lower" in h:
        text = lowerize(text, rng)
        tags.append("lowercase-phone")
        return text
    paras = [x.strip() for x in text.split(" // ")]
    if "onepara" in h:
        return " ".join(paras)
    return "\n\n".join(paras)


def pad_paragraphs(p: Persona, var: Variant, ctx, rng, tags) -> tuple[list, list]:
    """Label-neutral paragraphs a long-winded persona puts before and after the point."""
    h = p.habits
    before: list[str] = []
    after: list[str] = []
    if not ({"long", "rambling", "academic"} & h) or len(var.body.split()) < 30:
        return before, after
    if var.kind == "other":
        before = [fill(rng.choice(PAD_THANKS), ctx, rng)]
    else:
        if rng.random() < 0.6:
            before.append(fill(rng.choice(PAD_OPEN), ctx, rng))
        own = {"private", "party_political"} & set(var.concerns)
        text = var.body + " " + " ".join(var.fwd or ())
        ward = [t for key, t in PAD_WARD if not own and key in text]
        after += [fill(t, ctx, rng) for t in rng.sample(ward, min(len(ward),
                                                                  rng.choice([1, 2, 3])))]
        close = PAD_CLOSE if var.kind in ("information", "documents") else PAD_CLOSE[1:]
        after += [fill(t, ctx, rng) for t in rng.sample(close, rng.choice([1, 1, 2]))]
    if "rambling" in h:
        after.insert(rng.randint(0, len(after)), fill(rng.choice(RAMBLE), ctx, rng))
    tags.append("long-padding")
    return before, after


WELSH_WD = ["Llun", "Maw", "Mer", "Iau", "Gwe", "Sad", "Sul"]
WELSH_MON = ["Ion", "Chwef", "Maw", "Ebr", "Mai", "Meh", "Gorff", "Awst", "Medi", "Hyd",
             "Tach", "Rhag"]


def rand_moment(rng, hours=(8, 17)) -> datetime.datetime:
    day = datetime.date(2024, 1, 8) + datetime.timedelta(days=rng.randint(0, 540))
    return datetime.datetime(day.year, day.month, day.day, rng.randint(*hours),
                             rng.randint(0, 59))


def quote_prev(prev_text: str, subj: str, ctx, p: Persona, rng, style: str) -> str:
    subj = re.sub(r"^(?:re|RE|Re):\s*", "", subj)
    t = rand_moment(rng)
    while t.weekday() > 4:
        t += datetime.timedelta(days=1)
    long_date = f"{t.day} {t:%B %Y %H:%M}"
    osig = f"{ctx['ofull']}\n{ctx['orole']}\n{ctx['council']}"
    if style == "gmail":
        if "welsh" in p.habits and rng.random() < 0.4:
            head = (f"Ar {WELSH_WD[t.weekday()]} {t.day} {WELSH_MON[t.month - 1]} {t.year} am "
                    f"{t:%H:%M}, {ctx['ofull']} <{ctx['o_email']}> ysgrifennodd:")
        else:
            head = (f"On {t:%a}, {t.day} {t:%b %Y} at {t:%H:%M}, "
                    f"{ctx['ofull']} <{ctx['o_email']}> wrote:")
        body = "\n".join("> " + ln if ln else ">" for ln in (prev_text + "\n\n" + osig)
                         .split("\n"))
        return head + "\n" + body
    if style == "original":
        return (f"-----Original Message-----\nFrom: {ctx['ofull']}\nSent: {t:%d/%m/%Y %H:%M}\n"
                f"To: Cllr {ctx['mfull']}\nSubject: RE: {subj}\n\n{prev_text}\n\n{osig}")
    return ("________________________________\n"
            f"From: {ctx['ofull']} <{ctx['o_email']}>\nSent: {t:%A}, {long_date}\n"
            f"To: Cllr {ctx['mfull']} <{ctx['m_email']}>\nSubject: RE: {subj}\n\n"
            f"{prev_text}\n\n{osig}")


def forward_block(fsubj: str, ftext: str, ctx, rng, style: str) -> str:
    t = rand_moment(rng, (6, 23))
    frm = f"{ctx['resfull']} <{ctx['res_email']}>"
    if style == "outlook":
        head = ("________________________________\n"
                f"From: {frm}\nSent: {t:%A}, {t.day} {t:%B %Y %H:%M}\n"
                f"To: Cllr {ctx['mfull']} <{ctx['m_email']}>\nSubject: {fsubj}")
    elif style == "apple":
        head = (f"Begin forwarded message:\n\nFrom: {frm}\nSubject: {fsubj}\n"
                f"Date: {t.day} {t:%B %Y} at {t:%H:%M}\nTo: {ctx['m_email']}")
    else:
        head = ("---------- Forwarded message ---------\n"
                f"From: {frm}\nDate: {t:%a}, {t.day} {t:%b %Y} at {t:%H:%M}\n"
                f"Subject: {fsubj}\nTo: <{ctx['m_email']}>")
    return head + "\n\n" + ftext.replace(" // ", "\n\n")


OLD_THREADS = [
    ("Ward briefing - December", "Please find attached the notes from last week's ward "
     "briefing, for your information."),
    ("Ward walkabout", "Thank you for your time on the walkabout yesterday. I have logged "
     "the issues we saw and will update you on each in due course."),
    ("Christmas and New Year cover", "For information, the team's cover arrangements over "
     "Christmas and New Year are set out below."),
    ("Quarterly ward update", "Please find attached the quarterly update for your ward. "
     "There is nothing you need to do."),
    ("Thank you", "Thank you for your kind words, I have passed them on to the team."),
    ("Your enquiry", "Thank you, I can confirm the matter has now been resolved and the "
     "case closed."),
]
GENERIC_SUBJECTS = ["Quick one", "Ward query", "hello", "Following up", "{ward}",
                    "A couple of things", "From Cllr {mlast}", "Query", "Help please",
                    "Question", "."]
SUBJECT_FILLERS = ["As above, thanks.", "See subject.", "Title says it all - thanks!",
                   "As per the subject line please.", "", "^^", "Thanks", "as above"]
SHORT_TOPS = ["?? see below", "See below", "fyi and action please", "Can you help?",
              "Over to you - see below", "Please see below.", "??", "one for you"]
CASEWORK_PLAIN_TOPS = ["Can you look into this please - see below",
                       "Please could this resident's problem be looked at? Details below."]


_HOSTILE = re.compile(r"useless|disgrace|not good enough|\bTODAY\b|shambles|out of your depth|"
                      r"no excuses|I don't accept|\bI expect\b|\bI want\b|^Pull |^Sign |^Reinstate|"
                      r"^Extend |^Make sure|THREE times|find a way", re.I | re.M)


def is_hostile(var: Variant) -> bool:
    """Curt or threatening variants: no chatty greetings, pleasantries or padding."""
    return "pressure" in var.concerns and _HOSTILE.search(var.body) is not None


_POINTS_DOWN = re.compile(r"\bbelow\b|\bisod\b|this came|see this|this resident|the corner|"
                          r"the traffic survey|set this up", re.I)


def needs_forward(var: Variant) -> bool:
    """The member's own words only make sense with the forwarded message under them."""
    return bool(var.fwd) and (len(var.body.split()) < 22
                              or _POINTS_DOWN.search(var.body) is not None)


def render(var: Variant, p: Persona, rng: random.Random) -> dict:
    ctx = make_ctx(var, p, rng)
    h = p.habits
    parish = p.council["type"] in PARISH_TYPES
    tags: list[str] = []
    notes: list[str] = [var.note] if var.note else []
    subj = fill(var.subj, ctx, rng)

    if var.raw:
        body = fill(var.body, ctx, rng).replace(" // ", "\n\n")
        tags.append("automatic-reply")
        return finish(var, p, subj, body, tags, notes)

    member = fill(var.body, ctx, rng)
    forward = None
    if var.fwd:
        want = 0.95 if "forwarder" in h else 0.4
        if needs_forward(var) or rng.random() < want:
            forward = rng.choice(["gmail", "outlook", "outlook", "apple"])
    request_in_subject = (not forward and var.short and not var.prev
                          and rng.random() < (0.33 if "lower" not in h else 0.5))

    parts: list[str] = []
    hostile = is_hostile(var)
    g = greeting(p, ctx, rng, parish)
    if hostile and ("chatty" in h or "exclaim" in h or "ni" in h or "scots" in h
                    or rng.random() < 0.5):
        g = rng.choice(["", "{o},", "{o} -", "{o}."])
    if g and not request_in_subject:
        parts.append(fill(g, ctx, rng) if "lower" not in h else fill(g, ctx, rng).lower())

    if forward:
        if "forwarder" in h or rng.random() < 0.5:
            top = fill(rng.choice([var.top] * 3 + SHORT_TOPS) if var.top
                       else rng.choice(SHORT_TOPS), ctx, rng)
            tags.append("forward-one-liner")
            core = render_member_text(top, p, var, rng, tags)
        else:
            core = render_member_text(member, p, var, rng, tags)
            tags.append("forward-with-summary")
        parts.append(core)
    elif request_in_subject:
        subj = fill(var.short, ctx, rng)
        filler = rng.choice(SUBJECT_FILLERS)
        if "lower" in h:
            filler = filler.lower()
        if filler:
            parts.append(filler)
        tags.append("request-in-subject")
    else:
        before, after = pad_paragraphs(p, var, ctx, rng, tags) if not hostile else ([], [])
        core = render_member_text(member, p, var, rng, tags)
        if before or after:
            core = "\n\n".join(before + [core] + after)
        if "cc" in h and rng.random() < 0.6:
            core = f"(Copying in {ctx['cllr2']} as my ward colleague.)\n\n" + core
            tags.append("cc-note")
        if ("chatty" in h or "ni" in h) and rng.random() < 0.4 and var.kind != "other" \
                and not hostile:
            core += "\n\n" + rng.choice(["Thanks a million!", "Much appreciated!",
                                          "You're a star.", "Hope all's good with you."])
        parts.append(core)

    so = signoff(p, var.kind, rng)
    if hostile and rng.random() < 0.7:
        so = rng.choice(["", "", "Regards", "Cllr " + p.last])
    if so == "Thanks" and var.kind == "other":
        so = ""
    nl = name_line(p, rng)
    closing = "\n".join(x for x in (so, nl) if x)
    if closing:
        parts.append(closing)
    sig, sig_note = signature(p, ctx, rng, tags)
    if sig:
        parts.append(sig)
        if sig_note and "private" not in var.concerns:
            notes.append(sig_note + "; the request itself is not for the business")
    if "party-in-signature" in tags and "party_political" not in var.concerns \
            and rng.random() < 0.0:
        pass
    # devices
    if "mobile" in h or "lower" in h:
        parts.append(rng.choice(["Sent from my iPhone", "Sent from my iPhone",
                                 "Sent from my Galaxy"]))
        tags.append("sent-from-phone")
    elif "outlookmobile" in h:
        parts.append("Get Outlook for Android")
        tags.append("sent-from-phone")
    elif "ipad" in h or ("farmer" in h and rng.random() < 0.6):
        parts.append("Sent from my iPad")
        tags.append("sent-from-phone")

    # footers
    ctype_party = p.party not in ("Independent",)
    if "welsh" in h and rng.random() < 0.5:
        parts.append(WELSH_FOOTER)
        tags.append("welsh-footer")
    r = rng.random()
    if r < 0.15 and "lower" not in h:
        text, conf = rng.choice(FOOTERS)
        parts.append(fill(text, ctx, rng))
        tags.append("disclaimer-footer")
        if conf and "confidential" not in var.concerns:
            notes.append("the footer says confidential; nothing confidential is sought "
                         "or passed on")
    elif r < 0.19 and ctype_party and "party_political" not in var.concerns \
            and "lower" not in h and not parish:
        agent = rng.choice(["J. Hartley", "S. Evans", "P. Morrison", "R. Kaur"])
        parts.append(IMPRINT.format(agent=agent, party_name=f"{p.party} ({p.council['name']}"
                                    " area)", addr=f"{rng.randint(1, 90)} High Street"))
        tags.append("party-imprint")
        notes.append("party imprint in the footer; the request itself is council "
                     "business, not party work")
    body = "\n\n".join(x for x in parts if x is not None)

    top_mark = None
    if rng.random() < 0.05 and "lower" not in h:
        top_mark, conf = rng.choice(TOP_MARKINGS)
        body = top_mark + "\n\n" + body
        tags.append("marking")
        if conf and not ({"confidential", "private"} & set(var.concerns)):
            notes.append("the email is marked private/confidential out of habit; the "
                         "content is neither")

    if forward:
        fsubj = fill(var.fwd[0], ctx, rng)
        ftext = fill(var.fwd[1], ctx, rng)
        body += "\n\n" + forward_block(fsubj, ftext, ctx, rng, forward)
        tags.append(f"forward-{forward}")
        subj = {"outlook": "FW: ", "gmail": "Fwd: ", "apple": "Fwd: "}[forward] + fsubj
    if var.prev:
        style = "gmail" if "gmail" in h else rng.choice(["outlook", "outlook", "gmail",
                                                          "original"])
        body += "\n\n" + quote_prev(fill(var.prev, ctx, rng), subj, ctx, p, rng, style)
        subj = ("RE: " if style != "gmail" else "Re: ") + re.sub(r"^(?:re|RE|Re):\s*", "",
                                                                  subj)
        tags.append(f"quoted-{style}")
    elif not forward and not request_in_subject and rng.random() < 0.05:
        old_subj, old_text = rng.choice(OLD_THREADS)
        style = "gmail" if "gmail" in h else "outlook"
        body += "\n\n" + quote_prev(old_text, old_subj, ctx, p, rng, style)
        subj = "RE: " + old_subj
        tags.append("old-thread")
        notes.append("replies on an unrelated old thread; the subject is about something "
                     "else")

    # subject games
    if not request_in_subject and not var.prev and "old-thread" not in tags:
        r = rng.random()
        if "quickone" in h and r < 0.55:
            subj = "Quick one"
            tags.append("generic-subject")
        elif r < 0.06:
            if forward == "outlook":
                pass
            else:
                subj = ""
                tags.append("empty-subject")
        elif r < 0.13 and not forward:
            subj = fill(rng.choice(GENERIC_SUBJECTS), ctx, rng)
            tags.append("generic-subject")
    if "lower" in h and rng.random() < 0.5:
        subj = subj.lower()

    # text debris
    if "html" in h or rng.random() < 0.08:
        body = nbspify(body, rng)
        tags.append("html-artefacts")
    if "wrap" in h:
        body = broken_wrap(body, rng)
        tags.append("broken-wraps")
    return finish(var, p, subj, body, tags, notes)


def finish(var, p, subj, body, tags, notes) -> dict:
    words = len(body.split())
    if words >= 300:
        tags.append("long")
    elif words <= 25:
        tags.append("very-short")
    seen = []
    for t in tags:
        if t not in seen:
            seen.append(t)
    style = ",".join([f"persona:{p.key}"] + seen)
    return {
        "subject": subj,
        "body": body.strip("\n") + "\n",
        "kind": var.kind,
        "concerns": [c for c in CONCERNS if c in var.concerns],
        "meta": {"council": p.council["type"], "style": style, "hard": bool(notes),
                 "note": "; ".join(notes)},
    }


# ----------------------------------------------------------------------------------
# allocation and output
# ----------------------------------------------------------------------------------

def is_long(var: Variant) -> bool:
    return len(var.body.split()) + (len(var.fwd[1].split()) if var.fwd else 0) > 190


def allocate(variants: list[Variant]) -> dict[int, int]:
    """How many renderings each variant gets: each kind gets about TARGET_PER_KIND
    emails, shared among its variants in proportion to their weights."""
    counts: dict[int, int] = {}
    for kind in KINDS:
        vs = [i for i, var in enumerate(variants) if var.kind == kind]
        cw = 1.0 if kind in NO_CONCERN_BOOST_KINDS else CONCERN_WEIGHT
        w = {i: variants[i].weight * (cw if variants[i].concerns else 1.0)
             * (2.0 if is_long(variants[i]) else 1.0) for i in vs}
        total_w = sum(w.values())
        raw = {i: TARGET_PER_KIND * w[i] / total_w for i in vs}
        base = {i: max(1, int(x)) for i, x in raw.items()}
        left = TARGET_PER_KIND - sum(base.values())
        for i in sorted(vs, key=lambda i: (-(raw[i] - int(raw[i])), i)):
            if left <= 0:
                break
            base[i] += 1
            left -= 1
        counts.update(base)
    return counts


def choose_persona(var: Variant, pool: list, used_here: Counter, usage: Counter,
                   rng: random.Random) -> Persona:
    """Spread a variant over different personas, then over the least-used ones;
    forwarded-mail variants lean to forwarders, long variants to long-winded writers."""
    fwd_pref = bool(var.fwd) and rng.random() < 0.6
    long_var = is_long(var)

    def order(q: Persona):
        pref = 0 if (fwd_pref and "forwarder" in q.habits) else 1
        if long_var:
            pref = 0 if ({"long", "formal", "rambling", "academic"} & q.habits
                         and rng.random() < 0.8) else 1
        return (used_here[q.key], pref, usage[q.key], rng.random())

    return min(pool, key=order)


def build() -> list[dict]:
    rng = random.Random(SEED)
    variants = [var for f in FAMILIES for var in f.variants]
    counts = allocate(variants)
    usage = Counter()
    out = []
    seen = set()
    for i, var in enumerate(variants):
        pool = [p for p in PERSONAS if compatible(var, p)]
        if not pool:
            raise SystemExit(f"no persona for {var.fam_key}: {var.body[:40]}")
        used_here = Counter()
        for _ in range(counts[i]):
            for _attempt in range(8):
                p = choose_persona(var, pool, used_here, usage, rng)
                email = render(var, p, rng)
                key = (email["subject"], email["body"])
                if key not in seen:
                    break
            if key in seen:
                continue
            seen.add(key)
            used_here[p.key] += 1
            usage[p.key] += 1
            out.append(email)
    rng.shuffle(out)
    for n, email in enumerate(out, 1):
        email["id"] = f"b-{n:05d}"
    return [{"id": e["id"], "subject": e["subject"], "body": e["body"], "kind": e["kind"],
             "concerns": e["concerns"], "meta": e["meta"]} for e in out]


def table(rows: list[dict]) -> str:
    lines = []
    n = len(rows)
    kc = Counter(r["kind"] for r in rows)
    cc = Counter(c for r in rows for c in r["concerns"])
    none = sum(1 for r in rows if not r["concerns"])
    hard = sum(1 for r in rows if r["meta"]["hard"])
    lines.append(f"part B: {n} emails")
    lines.append(f"{'kind':<14}{'n':>6}")
    for k in KINDS:
        lines.append(f"{k:<14}{kc[k]:>6}")
    lines.append(f"{'concern':<16}{'n':>6}")
    for c in CONCERNS:
        lines.append(f"{c:<16}{cc[c]:>6}")
    lines.append(f"{'no concern':<16}{none:>6}  ({100 * none / n:.1f}%)")
    lines.append(f"{'hard':<16}{hard:>6}  ({100 * hard / n:.1f}%)")
    return "\n".join(lines)


def main() -> None:
    rows = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} emails to raw/{OUT.name}")
    print(f"{len(PERSONAS)} personas, {len(FAMILIES)} scenario families, "
          f"{sum(len(f.variants) for f in FAMILIES)} variants")
    print(table(rows))


if __name__ == "__main__":
    main()
