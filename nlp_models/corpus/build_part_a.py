#!/usr/bin/env python3
"""Build part A of the protocol-bot training corpus.

Writes ``raw/part_a.jsonl`` next to this file: synthetic but hand-written
emails from councillors ("members") to council staff ("officers"), each with
one ``kind`` and zero or more ``concerns`` as defined in docs/taxonomy.md.

Standard library only.  Output is deterministic for the fixed seed.

    python nlp_models/corpus/build_part_a.py

How it works (see NOTES_part_a.md for the labelling rules):

* Hand-written request cores, grouped by kind, live in the ``*_CORES`` text
  blocks below.  A core is a real situation, written once, with slots such as
  ``{street}`` or ``{officer2}`` and inline choices ``[[a|b|c]]``.  A core can
  carry its own concerns (the concern is part of the request) and a note; a
  core with a note is a hard boundary case.
* Concern add-ons (``ADDONS``) are separate hand-written sentences that add a
  concern to a core of a compatible kind without changing what is asked.
  Benign near-miss add-ons (``BENIGN``) use the tempting words ("working
  party", "press ahead", a polite timescale) without adding a concern.
* Wrappers then dress the core as real mail: council type (parish/town,
  district, county, unitary, metropolitan, Welsh principal and community,
  Scottish), greeting, signature, footer, phone terseness, typos, forwarded
  constituent mail, quoted reply chains, HTML residue, odd subjects.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import random
import re
import sys
from collections import Counter

SEED = 20261123
N_PER_KIND = 182  # 8 kinds -> 1,456 emails

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "raw", "part_a.jsonl")

KINDS = ["casework", "information", "documents", "meeting", "media",
         "complaint", "instruction", "other"]
CONCERNS = ["party_political", "private", "pressure", "confidential",
            "staff_matter"]

# ---------------------------------------------------------------------------
# Vocabulary pools.  Regions: eng, wal, sco.
# ---------------------------------------------------------------------------

POOLS = {
    "eng": {
        "street": ["Elm Road", "Station Road", "Church Lane", "Mill Street",
                   "Orchard Close", "Victoria Avenue", "Meadow Way",
                   "The Crescent", "Bridge Street", "Larkspur Drive",
                   "Coronation Road", "Kingsley Avenue", "Foxglove Walk",
                   "Beech Grove", "Albert Terrace", "Nelson Street",
                   "Hawthorn Rise", "Market Place", "Priory Road",
                   "Wellington Street", "Chapel Row", "Fairfield Road",
                   "Gladstone Street", "Rectory Lane", "St Mary's Road",
                   "Brookside", "Cherry Tree Avenue", "Moorland View"],
        "lane": ["Watery Lane", "Hollow Lane", "Back Lane", "Sandpit Lane",
                 "Pinfold Lane", "Green Lane", "Cinder Track",
                 "the lay-by on the old Ferry Road", "Tanyard Lane"],
        "place": ["Ashby Parva", "Little Milton", "Northgate", "Kingsmead",
                  "Hollowell", "Brampton Cross", "Easton Magna",
                  "Shireoaks", "Wetherby Green", "Castlefield",
                  "Upper Hadley", "Selsworth", "Marsh Gibbon End",
                  "Thornleigh", "Oakhurst"],
        "ward": ["Castlefield", "Northgate East", "Kingsmead and Hollowell",
                 "Brampton", "Priory", "Abbey", "Moorside", "Riverside",
                 "Town Centre", "Shireoaks and Easton", "St Peter's",
                 "Fairfield"],
        "people": ["Sarah Mitchell", "Dave Holloway", "Priya Shah",
                   "Tom Bradley", "Karen Whitfield", "Imran Hussain",
                   "Jo Kennedy", "Mark Ellis", "Ruth Ogunleye",
                   "Steve Parkin", "Helen Marsh", "Gary Webb",
                   "Aisha Begum", "Lucy Fairbrother", "Neil Dawson",
                   "Bev Cartwright", "Colin Ashworth", "Mandy Price",
                   "Raj Patel", "Emma Lowther", "Paul Kershaw",
                   "Nadia Rahman", "Graham Tilley", "Janet Oakes",
                   "Chris Varley", "Sue Brennan", "Martin Royle",
                   "Fatima Khan", "Rob Stainton", "Alison Greaves"],
        "residents": ["Mrs Joan Pickering", "Mr Derek Haynes",
                      "Ms Kelly Fowler", "Mr Kwame Osei",
                      "Mrs Pat Gill", "Mr Arthur Sowerby", "Ms Leanne Wragg",
                      "Mrs Shabana Akhtar", "Mr Kevin Doyle",
                      "Miss Chloe Barrett", "Mr Frank Whittle",
                      "Mrs Irene Cope", "Mr Tariq Mahmood",
                      "Mrs Doreen Pugh", "Ms Amy Lister"],
        "park": ["the Rec", "Victoria Park", "Castle Fields",
                 "the King George V playing field", "Jubilee Gardens",
                 "Mill Meadows", "the Memorial Park"],
        "school": ["St Anne's Primary", "Kingsmead Academy",
                   "Northgate High", "Hollowell C of E Primary",
                   "Castlefield Community School"],
        "estate": ["the Meadows estate", "Priory Court", "the Hillcrest flats",
                   "Gladstone House", "the Broadfield estate"],
        "business": ["the Red Lion", "Kebab Kingdom", "the Crown and Anchor",
                     "Castle Cars", "Shireoaks Garden Centre",
                     "the Beehive", "Golden Dragon takeaway"],
        "contractor": ["Tarmac Services Ltd", "GreenScape Grounds",
                       "Amey", "Kier", "Brightway Lighting",
                       "Hedgerow Landscapes", "Veolia"],
        "paper": ["the Echo", "the Gazette", "the Advertiser",
                  "the Evening Post", "the Chronicle", "the Courier"],
        "road_no": ["B4455", "A614", "B1217", "A38", "B6001", "C32"],
        "party": ["Labour", "Conservative", "Lib Dem", "Green",
                  "Independent", "Reform"],
        "newsletter": ["Focus leaflet", "In Touch newsletter",
                       "ward newsletter", "Rose leaflet",
                       "residents' update", "Green News"],
    },
    "wal": {
        "street": ["Heol y Parc", "Stryd Fawr", "Ffordd yr Orsaf",
                   "Maes y Deri", "Bryn Celyn", "Heol Pant-y-celyn",
                   "Clos Cae Mawr", "Lôn Glan Môr", "Teras Brynmor",
                   "Rhodfa'r Wennol", "Heol Dinas", "Stryd y Capel",
                   "Ffordd Penrhos", "Cae Glas", "Heol Tawe",
                   "Commercial Street", "High Street", "Station Terrace"],
        "lane": ["Lôn Goch", "the mountain road above Cwm-y-glo",
                 "Heol Cefn", "Lôn Isaf", "the old tramroad path"],
        "place": ["Llanddewi", "Pen-y-bont", "Cwmaman", "Aberbrân",
                  "Trefynydd", "Glyn-coch", "Pentrebach", "Caerwen",
                  "Llanfihangel", "Ystradfawr", "Blaen-y-cwm", "Porth Tywyn"],
        "ward": ["Cwm Tawe", "Pen-y-bryn", "Llanddewi North", "Trecelyn",
                 "Aberbrân and Caerwen", "Glyn-coch", "Ystradfawr",
                 "Pentrebach Isaf"],
        "people": ["Gareth Price", "Rhian Evans", "Siân Morgan",
                   "Dafydd ap Rhys", "Eleri Jones", "Huw Williams",
                   "Meinir Davies", "Aled Pritchard", "Ffion Hughes",
                   "Geraint Lloyd", "Carys Bowen", "Iwan Roberts",
                   "Nia Thomas", "Bethan Rees", "Owain Parry",
                   "Llinos Griffiths", "Rhodri Howells", "Gwen Jenkins"],
        "residents": ["Mrs Glenys Harries", "Mr Emrys Watkins",
                      "Ms Catrin Lewis", "Mr Wyn Prosser",
                      "Mrs Mair Edwards", "Mr Dai Rowlands",
                      "Ms Kayleigh Bevan", "Mrs Eirlys Phillips"],
        "park": ["Parc y Dre", "the Welfare ground", "Parc Coffa",
                 "the Cae Chwarae", "Parc Glan-yr-afon"],
        "school": ["Ysgol Gymraeg Llanddewi", "Ysgol Bro Tawe",
                   "Pen-y-bont Primary", "Ysgol Gyfun Ystrad"],
        "estate": ["Maes y Ffynnon", "the Gurnos flats", "Bryn Hyfryd",
                   "Parc Newydd"],
        "business": ["the Bridgend Inn", "Caffi'r Sgwâr", "the Colliers Arms",
                     "Tawe Motors", "Siop y Gornel"],
        "contractor": ["Cwm Civils", "Celtic Highways Ltd",
                       "Dyffryn Grounds", "Amey", "Tarmac Cymru"],
        "paper": ["the Evening Post", "the Journal", "the Western Mail",
                  "the Leader", "Golwg"],
        "road_no": ["A4067", "B4599", "A4109", "A470", "B4242"],
        "party": ["Plaid Cymru", "Labour", "Conservative", "Lib Dem",
                  "Independent", "Green"],
        "newsletter": ["ward newsletter", "Plaid leaflet", "In Touch",
                       "Focus leaflet", "community update"],
    },
    "sco": {
        "street": ["Brae Street", "Kirk Wynd", "Marischal Road",
                   "Ashgrove Crescent", "Burnside Drive", "Loanhead Terrace",
                   "Dalmeny Street", "Wellpark Road", "Hillhead Avenue",
                   "Glebe Street", "Cowgate", "Mansefield Road",
                   "Netherton Place", "Millburn Gardens", "Station Brae",
                   "Thistle Street"],
        "lane": ["the Coal Road", "Peat Lane", "the back road to Balgownie",
                 "the lane behind Kirk Wynd", "Tannery Vennel"],
        "place": ["Kirkmuir", "Inverbrae", "Balgownie", "Strathden",
                  "Dunmore", "Glenavon", "Eastfield", "Auchterbank",
                  "Craigend", "Lochside"],
        "ward": ["Ward 3 – Kirkmuir and Eastfield", "Ward 7 – Leven Valley",
                 "Ward 2 – Inverbrae North", "Ward 5 – Balgownie and Craigend",
                 "Ward 9 – Lochside", "Ward 4 – Glenavon"],
        "people": ["Morag Campbell", "Euan Fraser", "Fiona MacLeod",
                   "Callum Stewart", "Iain Ross", "Catriona Reid",
                   "Alasdair Grant", "Kirsty Paterson", "Duncan Murray",
                   "Shona McKay", "Graeme Young", "Eilidh Robertson",
                   "Stuart Docherty", "Ailsa Munro", "Jamie McGregor",
                   "Lorna Sinclair"],
        "residents": ["Mrs Jean McBride", "Mr Tam Lennox", "Ms Heather Baird",
                      "Mr Andy Cowie", "Mrs Senga Duff", "Mr Hamish Gow",
                      "Ms Rachel Kerr", "Mrs Isa Hendry"],
        "park": ["the Public Park", "Kirkmuir Glen", "the Links",
                 "Burnside Park", "the Dean"],
        "school": ["Kirkmuir Primary", "Inverbrae Academy",
                   "St Ninian's Primary", "Balgownie High School"],
        "estate": ["the Netherton scheme", "Wellpark flats",
                   "the Craigend multis", "Millburn Court"],
        "business": ["the Black Bull", "Nardini's cafe", "Eastfield Motors",
                     "the Glenavon Hotel", "Tony's chippy"],
        "contractor": ["Morrison Construction", "Clyde Surfacing",
                       "Tayside Grounds", "Amey", "BEAR Scotland"],
        "paper": ["the Courier", "the Press and Journal", "the Record",
                  "the Herald", "the local Advertiser"],
        "road_no": ["A92", "B9077", "A737", "B8023", "A82"],
        "party": ["SNP", "Labour", "Conservative", "Lib Dem", "Green",
                  "Independent"],
        "newsletter": ["ward newsletter", "Focus leaflet", "SNP ward update",
                       "community bulletin"],
    },
}

# Council types: region, tiers the core may come from, name patterns,
# committees, who the "leader" figure is, what the bin round is called.
COUNCIL_TYPES = {
    "parish": dict(region="eng", tiers={"any", "parish", "eng"},
                   names=["{place} Parish Council"],
                   committees=["Amenities Committee", "Finance and General Purposes Committee",
                               "Planning Committee", "Allotments Committee",
                               "full council"],
                   leader=["the Chair", "the Chairman", "the Chair of the council"],
                   boss=["the Chair", "the whole council"],
                   clerk=["the Clerk", "the Clerk"]),
    "town": dict(region="eng", tiers={"any", "parish", "eng"},
                 names=["{place} Town Council"],
                 committees=["Policy and Resources Committee", "Environment Committee",
                             "Planning Committee", "Events Committee", "full council"],
                 leader=["the Mayor", "the Leader", "the Town Mayor"],
                 boss=["the Mayor", "the Town Clerk"],
                 clerk=["the Town Clerk", "the Clerk"]),
    "district": dict(region="eng", tiers={"any", "lower", "principal", "eng"},
                     names=["{place} District Council", "{place} Borough Council"],
                     committees=["Planning Committee", "Licensing Committee",
                                 "Overview and Scrutiny Committee", "Cabinet",
                                 "Audit and Governance Committee"],
                     leader=["the Leader", "the Leader of the Council"],
                     boss=["the Chief Executive", "the Monitoring Officer"],
                     clerk=["Democratic Services"]),
    "county": dict(region="eng", tiers={"any", "upper", "principal", "eng"},
                   names=["{place}shire County Council", "{place} County Council"],
                   committees=["Cabinet", "Highways and Transport Scrutiny Committee",
                               "Adult Social Care Committee", "Children's Services Scrutiny",
                               "Local Joint Committee"],
                   leader=["the Leader", "the Cabinet Member for Highways"],
                   boss=["the Chief Executive", "the Director"],
                   clerk=["Democratic Services"]),
    "unitary": dict(region="eng", tiers={"any", "lower", "upper", "principal", "eng"},
                    names=["{place} Council", "{place} City Council"],
                    committees=["Cabinet", "Strategic Planning Committee",
                                "Scrutiny Management Board", "Licensing Committee",
                                "Area Board"],
                    leader=["the Leader", "the portfolio holder"],
                    boss=["the Chief Executive", "the Monitoring Officer"],
                    clerk=["Democratic Services"]),
    "metropolitan": dict(region="eng", tiers={"any", "lower", "upper", "principal", "eng"},
                         names=["{place} Metropolitan Borough Council", "{place} City Council"],
                         committees=["Cabinet", "Planning and Highways Committee",
                                     "Overview and Scrutiny Management Board",
                                     "Area Committee", "Health Scrutiny Committee"],
                         leader=["the Leader", "the Cabinet Member", "the Lord Mayor"],
                         boss=["the Chief Executive", "the Strategic Director"],
                         clerk=["Democratic Services", "Member Services"]),
    "welsh_principal": dict(region="wal", tiers={"any", "lower", "upper", "principal", "wal"},
                            names=["Cyngor Bwrdeistref Sirol {place} / {place} County Borough Council",
                                   "Cyngor Sir {place} / {place} County Council"],
                            committees=["Cabinet", "Planning Committee",
                                        "Scrutiny Committee", "Licensing Committee",
                                        "Governance and Audit Committee"],
                            leader=["the Leader", "the Cabinet member", "the Mayor"],
                            boss=["the Chief Executive", "the Monitoring Officer"],
                            clerk=["Democratic Services"]),
    "welsh_community": dict(region="wal", tiers={"any", "parish", "wal"},
                            names=["Cyngor Cymuned {place} / {place} Community Council",
                                   "Cyngor Tref {place} / {place} Town Council"],
                            committees=["full council", "Finance Committee",
                                        "Planning Committee", "Amenities Committee"],
                            leader=["the Chair", "the Mayor"],
                            boss=["the Chair", "the full council"],
                            clerk=["the Clerk"]),
    "scottish": dict(region="sco", tiers={"any", "lower", "upper", "principal", "sco"},
                     names=["{place} Council", "{place} and District Council"],
                     committees=["Communities Committee", "Education and Children's Services Committee",
                                 "Planning Committee", "Policy and Resources Committee",
                                 "Area Committee", "Licensing Board"],
                     leader=["the Provost", "the Council Leader", "the Convener"],
                     boss=["the Chief Executive", "the Provost"],
                     clerk=["Committee Services"]),
}

TYPE_WEIGHTS = {"parish": 13, "town": 9, "district": 14, "county": 14,
                "unitary": 11, "metropolitan": 10, "welsh_principal": 9,
                "welsh_community": 8, "scottish": 10}

# ---------------------------------------------------------------------------
# Core banks.  Format of one core:
#
#   @ tiers ; concerns ; subject | subject | ... ; note (a note = hard case)
#   body text, may span paragraphs
#   ||
#   an alternative (often terse) version of the same request
#
# tiers: any parish lower upper principal eng wal sco (any of them matches).
# concerns: comma list or "-".   [[a|b]] = inline choice; {slot} = filler.
# ---------------------------------------------------------------------------

CASEWORK_CORES = r"""
@ lower ; - ; {bin} missed again - {street} | Mrs {res_last}'s bin | {street} | bins ;
{resident} at {house} {street} has had her {bin} missed three weeks running. She's 84 and can't drag the bin back up the drive herself, so it's just sitting on the pavement. Could someone get it emptied and check whether she's actually on the assisted collection list? She thought she was.
||
{res_last} at {house} {street} missed again, 3rd week. shes on assisted collections (or should be). can it be picked up
@ upper ; - ; Pothole {street} | {street} road surface | hole outside no. {house} | Trip hazard ;
There's a pothole outside {house} {street}, about a foot across and deep enough to lose a wheel in, right where people cross to the bus stop. One of my residents went over on her ankle there on {pastdate}. Can it be inspected and patched, please?
||
pothole outside {house} {street} getting worse, someone will come off a bike. can it go on the list
@ lower,#nuisance ; - ; Fly-tipping {lane} | {lane} again | rubbish dumped ;
Fly-tipping again in {lane}: a mattress, a fridge and what looks like a bathroom's worth of builders' rubble. It has been there since the weekend and the fridge is now half in the ditch. Could it be cleared, and is there any chance of a camera going up there for a few weeks?
@ lower ; - ; Repair - {estate} | leak | Tenant at {house} {estate} | Ceiling ;
I've been contacted by a tenant at {house} {estate} whose bathroom ceiling has been leaking since August. Repairs were booked twice and on both occasions nobody came. She has a toddler and the damp is now coming through into the bedroom. Could you find out what's happening with the job and get her a firm date?
@ upper ; - ; Street light {street} | light out | column {col} | Dark on {street} ;
Street light outside {house} {street} has been out for nearly three weeks. Column number is {col}. Residents say it's pitch black on the walk to school and a couple of the older ones won't go out after four now.
||
light out on {street}, column {col}. 3 weeks now
@ lower ; - ; Barking dog {street} | noise nuisance | Noise - {street} ;
Residents on {street} have been kept awake by a dog barking at number {house} most nights since the summer. They've tried speaking to the neighbour and got nowhere. They've kept a diary of dates and times. Could someone from environmental health get in touch with them? Mr {res_last} is the main contact and has asked me to pass on his number, {phone}.
@ lower ; - ; Council tax - {res_last} | summons | {resident} | CT account {ref} ;
{resident} has received a summons for council tax arrears, but she insists she's been paying by direct debit since April and has the bank statements to show it. She is very anxious about it. Could someone in revenues look at her account (ref {ref}) and let her know where she stands before the court date?
@ upper ; - ; School bus - {place} | transport for {school} | home to school transport ;
A family in {place} have been told their son no longer qualifies for the bus to {school} because the walking route has been reassessed. The route they've been given goes along the {road_no}, which has no footway for about half a mile and a 50 limit. The parents are not going to let an eleven-year-old walk that and frankly neither would I. Could the route assessment be looked at again?
@ upper ; - ; Mr {res_last} - care package | carer struggling | social care ;
I've been asked to help {resident}, who cares for his wife at {house} {street}. Her care package was cut after the last review and he is not coping, he's 79 himself. He gave me permission to contact you. Could someone from adult social care ring him this week? He's in most mornings.
@ parish ; - ; Allotments - water | plot {plot} | trough | allotment site ;
The tenant on plot {plot} tells me the water trough at the {street} allotments has been leaking for weeks and the bottom end of the site is now waterlogged. Could we get it fixed before the frosts, otherwise it'll split altogether?
@ parish ; - ; Play area gate | {park} | Gate | safety ;
The gate into the play area on {park} isn't self-closing any more, it just swings open. A mum told me at the school gate that her toddler was nearly out on to the road on Saturday. Can we get the closer repaired or replaced as soon as possible?
@ upper ; - ; Hedge {street} | overgrown hedge | Pavement blocked | {street} footway ;
The hedge along the south side of {street} has grown right across the pavement and people with pushchairs and wheelchairs are having to go out into the road. I think it's the landowner's hedge rather than ours, but could {roads} write to them and get it cut back?
@ lower,#nuisance ; - ; Extension at {house} {street} | {ref_plan} | Enforcement query | building works ;
A neighbour of {house} {street} is convinced the rear extension going up there is a good two metres deeper than what was approved under {ref_plan}. I've had a look over the fence and I think she might be right. Could planning enforcement visit and check it against the plans?
@ upper ; - ; Gritting - {street} | icy hill | grit bin | {street} hill ;
The hill on {street} wasn't gritted during last week's cold snap and the bus couldn't get up it on two mornings, so people were stuck. Residents are asking whether it can go on the priority route, or failing that whether a grit bin can be put at the top.
@ lower ; - ; Housing - {res_last} family | banding | {resident} ; The constituent's own health details are shared, with consent, to progress their own case: casework, no confidential concern.
The {res_last} family, five of them, are in a two-bed flat on {estate} and have been in band C for two years. The youngest has asthma which the GP says is made worse by the damp in the back bedroom, and there's a letter to that effect. Could housing options look at whether their banding should be reviewed? They've asked me to help.
@ lower,#nuisance ; - ; Abandoned car | {street} | vehicle ;
Abandoned car on {street} opposite number {house}. No tax, two flat tyres, green mould on the windows, been there at least six weeks. I've attached a photo with the reg. Can it be checked and removed?
||
abandoned car {street} opp {house}, 6 wks, no tax. photo attached
@ upper ; - ; Dropped kerb request | {res_last} - scooter | kerb at {street} ;
{resident} uses a mobility scooter and cannot get from her house to the shops on {street} because there is no dropped kerb at the junction. She's currently going along the road, which is frightening to watch. Could the junction be assessed for a dropped kerb?
@ lower ; - ; Rats | {street} gardens | pest control ;
Rats reported in the back gardens of {street}, numbers {house} to {house2}. The residents think they're coming from the empty house at the end, which has been boarded up since the spring. Can pest control go and have a look, and can someone find out who owns the empty property?
@ upper ; - ; Flooding {street} | blocked gully | drain ;
The gully outside {house} {street} is completely blocked. Every time it rains the water comes across the pavement and into the front garden, and last Thursday it got into the porch. Could it be jetted out?
@ lower,#nuisance ; - ; {business} beer garden | noise from pub | licensing query ;
Residents of {street} are getting loud amplified music from the beer garden at {business} until gone midnight on Fridays and Saturdays. Could licensing check whether that's within their conditions and have a word with the landlord? The people at {house} have a baby and are at their wits' end.
@ principal ; - ; Bus shelter | glass | {street} stop ;
The bus shelter on {street} by the post office has had two panes smashed. Glass all over the pavement this morning. Could it be made safe and the glass swept up?
@ upper ; - ; Home library service | {res_last} | library ;
{resident}, who is housebound, used to get books through the home library service but the volunteer stopped calling in September and nobody has told her why. Books are really all she has. Could someone find out what's happened and get her back on the round?
@ lower ; - ; New bins {street} | recycling bins | phase 2 ;
Residents in the new houses on {street} (phase 2 of the development) still haven't been issued with recycling bins, three months after moving in. They're putting recycling in the general waste because there's nowhere else for it. Can they be delivered?
@ parish ; - ; Headstone | burial ground | {res_last} grave ;
A family have asked me about their mother's headstone in the {place} burial ground, which has started to lean badly. They'd like to know whether the council will make it safe or whether they need to get the mason back, and what it will cost them. Could you get in touch with them? Mrs {res_last} is the daughter, {phone}.
@ upper ; - ; Speeding {street} | speed survey | traffic {street} ;
Residents on {street} are really worried about speeding past the school, especially first thing when parents are crossing. They'd like a speed survey done and, if the numbers support it, some sort of traffic calming. Is that something that can be arranged?
@ lower ; - ; Stair lift | adaptation | {res_last} ;
{resident} was assessed by the occupational therapist in the spring for a stair lift. Nothing has happened since. He's sleeping downstairs on the sofa in the meantime. Could you chase the adaptation and let me know the expected date?
@ upper ; - ; Blue badge | {res_last} application | badge ;
{resident}'s blue badge application has been pending for fourteen weeks. She's had a hip replacement and can't walk far. Could someone look at where it's got to?
@ lower ; - ; HB stopped | {res_last} | benefit ;
A constituent's housing benefit was stopped after she reported a change of circumstances, and now she's two months in arrears and getting letters from her landlord. She's sent everything she was asked for, twice. Could benefits look at the claim as a matter of urgency?
@ upper ; - ; Tree on verge | {street} tree | branch down ;
A council-owned tree on the verge outside {house} {street} dropped a large branch in Sunday's wind. Luckily it missed the car. The residents think the whole tree is rotten at the base. Could the tree team inspect it?
@ lower ; - ; Graffiti | underpass | {street} ;
There's new graffiti all along the underpass at the end of {street}, and some of it is racist. Parents walk their kids through there every day. Can it be removed quickly please?
||
racist graffiti in the {street} underpass, needs removing asap
@ sco ; - ; Stair lighting | close at {house} {street} | lighting ;
Residents in the close at {house} {street} say the stair lighting has been out for a fortnight. It's a common stair and the council is the majority owner. Two of the residents are elderly and one had a fall on the stairs last week. Could it be sorted?
@ sco ; - ; Missed uplift {street} | bin uplift | {street} bins ;
The whole of {street} was missed on the last blue bin uplift. Folk put them out as normal and they were still sitting there on the Friday. Can the crew come back for them?
@ wal+principal ; - ; Welsh correspondence | Gohebiaeth Gymraeg | {res_last} letters ;
{resident} in {place} asked more than a year ago to receive her council tax correspondence in Welsh, and she still gets everything in English. She's not unreasonable about it, she just wants the account marked properly. Could that be put right?
@ upper ; - ; School transport escort | {res_last} | transport ;
A parent in {place} tells me the escort on her son's school taxi has not turned up on four days this month, so the taxi driver refuses to take him and he misses school. He has additional needs and can't travel without one. Could the transport team find out what's going on?
@ lower ; - ; Empty house {street} | derelict property | {house} {street} ;
The empty house at {house} {street} is getting worse: the roof is half off, pigeons are in, and the neighbours' wall is now damp. Could the empty homes officer or building control look at it and tell the neighbours what can be done?
@ principal ; - ; Dog fouling | path by {park} | fouling ;
The path between {street} and {park} is a dog fouling hotspot, parents with buggies are complaining constantly. Could the wardens do a few patrols around school times?
@ lower ; - ; Garden waste | sticker | {res_last} ;
{resident} paid for garden waste in March, has the confirmation email, but never got a sticker and the crew won't take the bin. Can it be sorted and the missed collections made up?
@ upper ; - ; Signs left | {street} road closure | roadworks signs ;
The road closure signs on {street} are still up a fortnight after the works finished, and people are still diverting round through the estate. Could someone get them taken away?
@ lower ; - ; Urgent - housing | sofa surfing | young man, no address ; The member asks for same-day contact because the person will be homeless tonight: real urgency, not undue pressure.
A young man contacted me last night. He's been sofa surfing since his mum's house was repossessed and has run out of places to stay. Tonight he'll be on the street. Could someone from housing options ring him today? He's on {phone}.
@ upper ; - ; Disabled bay | {house} {street} | parking bay ;
{resident} at {house} {street} applied for a disabled parking bay outside her house in June and has heard nothing. She's a blue badge holder and the street is full of commuter parking. Could the application be progressed?
@ any ; - ; Footpath blocked | path near {place} | right of way ;
The public footpath that runs from {place} across the fields towards the river has been blocked by a locked gate and some new barbed wire at the farm. Walkers have been turned back twice this month. Could the rights of way team look into it?
@ lower,#nuisance ; - ; Mould - private rented | {street} tenant | landlord won't act ;
A tenant at {house} {street} has black mould through two rooms and a landlord who won't answer the phone. There's a baby in the house. Could private sector housing go out and inspect, and take it from there if the landlord won't act?
@ upper ; - ; Bus pass | concessionary pass | {res_last} renewal ;
{resident} sent off his concessionary bus pass renewal in good time and it never arrived. The old one has expired and he's now paying fares to get to the hospital. Could someone check where it is?
@ parish ; - ; Village hall heating | hall | toddler group ;
The toddler group that hires the {place} village hall on Tuesday mornings says the heating wasn't on for their last two sessions, and they ended up cancelling. Could you check the timer and let them know it's sorted? They'd also like a word about a partial refund.
@ parish ; - ; Bus shelter | shelter on {street} | bus shelter ;
The parish bus shelter on {street} has a roof panel hanging off after the storm. It looks like it could come down on someone waiting. Could the handyman look at it, or tape it off until it can be fixed?
@ parish ; - ; Benches | memorial bench {park} | broken bench ;
The memorial bench by the pond on {park} has a broken slat and the plaque's come loose. The family who donated it have noticed and are upset. Could it be repaired?
@ upper ; - ; Pavement {street} | trip | uneven slabs ;
The slabs outside the chemist on {street} have lifted where the tree roots have come through. Lots of older people use that chemist. Could an inspector look at it before someone goes flying?
@ upper ; - ; Re: the light on {street} | {street} | any news ; Chasing a fault the member reported earlier on one street is still casework, not a request for general information.
any news on the streetlight I reported on {street}? still out, residents asking me
@ lower ; - ; Missed collection again | Re: {street} | bins ;
Can you get {house} {street} added back to the round? She moved her bin to the back lane after the works and the crew have been missing her ever since. Third week now.
@ lower ; - ; Bed bugs | {estate} | infestation ;
A tenant in {estate} has bed bugs and says the flat next door had them first. She's bagged everything up but they keep coming back. Can pest control treat both flats at the same time, otherwise it's pointless?
@ principal ; - ; Needles | sharps | {park} ;
Used needles found this morning by the bench near the play area in {park}. One of the mums has put a traffic cone over them. Can someone come and collect them safely today?
@ upper ; - ; Hospital discharge | {res_last} | social care ;
{resident}'s daughter contacted me. Her dad has been medically fit for discharge for eleven days but is still on the ward because there's no care package in place for him at home. Could adult social care tell the family what's holding it up?
@ lower,#nuisance ; - ; Planning app - {ref_plan} | neighbour not notified | {street} ;
The residents at {house2} {street} say they weren't notified about the application next door ({ref_plan}) and only found out when the scaffolding went up. The consultation period has closed. Could someone check whether they were sent a letter and whether they can still comment?
@ upper ; - ; Grass verge {street} | verge damage | rutted verge ;
Delivery lorries have churned up the verge on {street} by the new warehouse, it's now a mud bath and the kerb is broken. Could it be reinstated, and could someone ask the warehouse to tell its drivers not to mount the verge?
@ any,#nuisance ; - ; Bonfire | smoke | {street} ;
A resident on {street} says the man at number {house} burns rubbish in his garden most weekends, plastics included, and the smoke comes straight into her kitchen. Could someone from the council advise her or pay him a visit?
@ sco ; - ; Roads - {street} | pothole Ward | {street} surface ;
The roads department patched {street} in the summer and the patch has broken up already. There's a deep hole now right on the bend. Could it be looked at properly this time?
@ wal ; - ; Sbwriel / Litter {street} | litter bin | overflowing bin ;
The litter bin at the bottom of {street} by the chip shop is overflowing every weekend and the gulls are spreading it everywhere. Could it be emptied more often, or a bigger bin put in?
@ lower ; - ; Mrs {res_last} - repair still outstanding | reopen case {ref} | repair ; Asks for a case to be reopened and fixed; no wider grievance about the service, so casework rather than complaint.
Your team closed case {ref} as completed last week, but the repair at {house} {estate} hasn't actually been done. The contractor came, looked at the window and left. Could the job be reopened and a date given to the tenant?
"""

INFORMATION_CORES = r"""
@ upper,#figures ; - ; Pothole numbers | {ward} potholes | Potholes - figures ;
How many potholes have been repaired in {ward} this year, and how does that compare with last year? I'd also be interested in the average time from report to repair, if you hold it.
@ lower ; - ; Assisted collections | assisted bins policy | Query - bins ;
What's the council's policy on assisted bin collections? Who qualifies, how do people apply, and is there a review every so often? I get asked this a lot at surgeries and I want to give people the right answer.
@ parish,#figures,#households,#local ; - ; Allotment waiting list | allotments | plots ;
What's the current waiting list for allotments in {place}, and roughly how long is someone at the bottom of the list likely to wait? Are any half plots coming free this year?
@ parish ; - ; Precept | Budget question | precept increase ;
Residents are asking me why the precept is going up by {percent} per cent this year. Could you give me a short explanation of what the increase is paying for, in terms I can repeat on the doorstep without getting it wrong?
@ upper,#local ; - ; Gritting routes | winter service | Is {street} on the route? ;
How does the council decide which roads get gritted? Is {street} on the priority network, and if not, what's the criteria for getting a road added?
@ lower,#figures,#households ; - ; Empty homes | long-term empties | figures ;
How many homes in the district have been empty for more than two years, and what powers have we actually used to bring them back into use? I'm not after names or addresses, just the numbers and what we've done.
@ principal,#local ; - ; Play area | {park} refurbishment | any update? ; An update on a scheme (not a constituent's case) is a request for information.
Any update on the {park} play area refurbishment? Last I heard it was due to start in the autumn.
||
any update on the {park} play area scheme?
@ principal ; - ; Leisure review | pool | the options report ; Asks what a report says, not for the report itself: information, not documents.
I haven't had time to read the leisure options report properly. Can you tell me in a couple of lines what it says about the future of the swimming pool? Is closure actually one of the options or not?
@ lower ; - ; Waste consultation | options A and B | food waste ;
I'm struggling to see the real difference between option A and option B in the waste strategy consultation. Could you explain in plain English what each would mean for a household on an ordinary weekly round?
@ lower,#figures,#households ; - ; HMOs | licensed HMOs {ward} | housing ;
How many licensed HMOs are there in {ward} ward at the moment, and how many applications are pending? Is the number rising?
@ lower,#figures ; - ; Collection rate | council tax | ctax collection ;
What's the council tax collection rate so far this year, and is it ahead of or behind where we'd normally be by now?
@ upper ; - ; Overhanging hedges | trees and the highway | what can residents do ;
What are the rules about trees and hedges on private land overhanging the highway? What can residents do themselves, and at what point does the council step in?
@ principal,#figures,#contract ; - ; Agency spend | staffing costs | budget query ;
How much did the council spend on agency and interim staff last year, and how does it compare with the year before? Broken down by directorate if that's easy.
@ principal,#local ; - ; Tip hours | recycling centre | rumour ;
Is the recycling centre at {place} changing its opening hours? I've heard rumours it's going to close on Wednesdays. If so, when, and why?
@ lower,#planning,#local ; - ; Local plan timetable | LDS | next consultation ;
What's the current timetable for the local plan review? When's the next round of consultation, and will there be drop-in events in the villages again?
@ principal,#planning,#local ; - ; Who owns this land? | land behind {street} | ownership ;
Who is responsible for the strip of land behind {street}? Residents say it's ours, the housing association say it's the county's, and nobody cuts the grass. I just need to know who to chase.
@ upper ; - ; Post-16 transport | school transport | eligibility ;
How does the council decide school transport eligibility for post-16 students? I had a parent ask and I realised I didn't know whether it's distance-based or means-tested or both.
@ principal,#figures,#local ; - ; Community grants | small grants | deadline ;
What community grants are open to groups in {ward} this year, how much is left in each pot, and when are the deadlines? I'd like to point a couple of groups at them.
@ upper ; - ; 20mph | speed limits | policy ;
What's the council's current position on 20mph limits in residential streets? Is there a programme, and how are streets prioritised?
@ lower,#figures,#households ; - ; Temporary accommodation | TA numbers | homelessness figures ;
How many households are in temporary accommodation at the moment, how many of those are families with children, and what's the trend over the last year?
@ parish,#local ; - ; Memorial benches | bench policy | Bench in {park} ;
What's the process for a family who want to put a memorial bench in {park}? Is there a cost, and does the council have a list of places where benches are allowed?
@ parish,#local ; - ; Burial fees | non-resident fees | burial ground ;
What is the current fee for a burial in the {place} burial ground for someone who lived outside the parish, and has it changed since last year?
@ lower ; - ; {business} licence review | licensing outcome | what happened ;
What was the outcome of the licence review for {business}? I couldn't make the hearing and the residents are asking me.
@ lower ; - ; Food waste | new collections | start date ;
How is the new food waste collection going to work? When does it start in {ward}, will people get a caddy delivered, and will the liners be free?
@ upper,#local ; - ; Library hours | {place} library | cuts ;
Why were the opening hours at {place} library reduced? What was the usage data behind the decision, and was there a consultation I missed?
@ sco,#figures ; - ; Missed uplifts | Ward figures | bin uplift data ;
How many missed bin uplifts were logged across {ward} last quarter, and how does that compare with the rest of the council area?
@ wal+principal ; - ; Safonau'r Gymraeg | Welsh language standards | contact centre ;
How are we doing against the Welsh Language Standards in the contact centre? Roughly how many of the advisers are Welsh speakers, and what happens when a caller asks for a Welsh-language service and none is on shift?
@ principal,#figures,#contract ; - ; Ward budget | highway maintenance spend | {ward} ;
What is the highway maintenance budget for {ward} this year and how much of it has been committed so far?
@ any ; - ; Ward surgeries | using council rooms | room booking ;
What are the rules about members using council rooms for ward surgeries? Is there a charge, and can I book the meeting room at {place} library for the first Saturday of the month?
@ any ; - ; Register of interests | where is it published ; The published register of interests is public: asking where to find it is information with no concern.
Where is the register of members' interests published these days? I want to point a resident at it and I can't find it on the new website.
@ upper,#local ; - ; {road_no} resurfacing | programme | is it still happening ;
Is the {road_no} resurfacing between {place} and {place2} still in this year's programme? Residents were told spring, then summer, and now nobody seems to know.
@ lower,#planning ; - ; {ref_plan} | why committee? | planning app ;
Can you explain why {ref_plan} is going to committee rather than being decided under delegated powers? I'm not objecting to it going, I just want to understand the trigger.
@ principal,#figures ; - ; Complaint numbers | bins complaints | stats ; Asks for complaint statistics; the member is not complaining, so information.
How many complaints has the council received about missed {bin}s this year, and what proportion were upheld? I'm preparing for scrutiny.
@ principal ; - ; Flags | flag policy | town hall ;
What is the council's flag flying policy for the town hall? Someone asked why we fly some flags and not others and I didn't have an answer.
@ upper,#figures,#households ; - ; Assessments backlog | social care waiting | ASC ;
How many adult social care assessments are waiting to be allocated, and what's the average wait from referral to assessment at the moment?
@ principal,#figures,#planning,#local,#contract ; - ; Regeneration spend | {place} scheme | costs ;
How much has been spent on the {place} regeneration scheme to date, against the approved budget? And is the completion date still {month}?
@ parish,#local ; - ; Defibrillators | defib funding | grant ;
Is there any funding about for defibrillators in small villages? The pub in {place2} has offered a wall to put one on.
@ lower,#figures,#planning,#local ; - ; S106 money | {place} development | contributions ;
What does the Section 106 agreement for the {place} development actually require, and where has the money gone so far? Residents were promised a play area and a bus service.
@ any ; - ; Third party liability | tree falls on car | insurance ; "Third party" here is insurance language, not party politics.
If a tree on council land falls on a parked car, who pays? Is it our insurance, the owner's, or does it depend on whether we knew the tree was dangerous? Just trying to understand the third-party liability position so I can explain it.
@ any ; - ; Town centre working party | any conclusions | working party ; "Working party" is a council group, not party politics.
Has the town centre working party reached any conclusions yet? I know it met in the summer but I haven't seen anything come out of it.
@ parish,#local ; - ; Christmas lights | switch on | lights this year ;
Are the Christmas lights going ahead this year? If so, what's the date for the switch-on and has anyone been asked to do it?
@ any ; - ; Re: Road closure notice | Re: closure | noted ; Starts as a thank-you but asks a real question, so information, not other.
Thanks for this, noted. Just one thing: does the closure also affect the Saturday market, or can the stalls still set up?
@ principal,#figures ; - ; Planning vacancies | staffing | vacancy rate ; Asks for aggregate staffing figures, not about any individual, so no staff_matter.
How many vacancies are there in the planning service at the moment, and how long have the posts been vacant? I'm trying to understand why determination times have slipped.
@ upper,#local ; - ; {street} roadworks | why so long | works ;
Any idea why the roadworks on {street} are taking so long? Is it us or a utility, and is there an end date?
@ lower,#figures ; - ; Recycling rates | contamination | what actually gets recycled ;
What percentage of what's collected in the recycling bins actually ends up being recycled? People keep telling me it all goes to landfill anyway and I'd like the real figure.
@ sco ; - ; Community council funding | grant to CCs | cut? ;
Has the grant to community councils been cut this year? The {place} Community Council secretary says their allocation has dropped and they weren't told why.
@ lower,#figures ; - ; Licensing - taxis | taxi numbers | wheelchair accessible ;
How many wheelchair-accessible taxis are licensed in the district, and is there any requirement on new licences to be accessible?
@ upper,#figures,#contract ; - ; SEND transport | costs | budget pressure ;
What's driving the overspend on SEND transport this year? Is it numbers, distances, or contract prices?
@ principal,#figures ; - ; Council houses | new build programme | how many ;
How many new council homes have been completed this year and how many are on site? I keep quoting last year's figure.
@ any ; - ; Standing orders | motion deadline | procedure ;
What's the deadline for submitting a motion for the next full council, and does it need a seconder's signature at that point or just on the night?
@ principal,#figures ; - ; Hate crime | reports | community safety ;
How many hate incidents were reported to the council in {ward} last year? I'm only after the numbers for the community safety partnership meeting.
@ wal+principal,#local ; - ; Ysgolion | school reorganisation | timeline ;
What stage is the school reorganisation proposal for {place} at? Has the statutory notice been published yet, and when does the objection period end?
@ parish,#local ; - ; Insurance | village hall cover | events ;
Does the council's insurance cover volunteers running the summer fete on {park}, or does the fete committee need its own?
"""

DOCUMENTS_CORES = r"""
@ any ; - ; Minutes | {committee} minutes | Minutes of {pastdate} ;
Could you send me the minutes of the {committee} meeting on {pastdate}? I wasn't there and want to see how the vote went on the parking item.
||
minutes of {committee} {pastdate} pls
@ principal,#report ; - ; Leisure report | options report + appendices | pool ; Wants the report itself sent, not an explanation of it: documents.
Please could I have a copy of the leisure centre options report, including all the appendices? The version in the pack I was sent only had appendix A.
@ any,#report ; - ; Item {num} background papers | agenda item {num} | papers ;
I can't find the background papers listed for item {num} on the {committee} agenda. They're not on the website either. Could you send them over?
@ principal,#contract,#report ; - ; Grounds maintenance contract | copy of contract | GM contract ;
Could you send me a copy of the current grounds maintenance contract with {contractor}, the specification part in particular? I want to see what frequency of cut we're actually paying for.
@ upper,#report ; - ; Traffic survey {street} | speed data | survey results ;
Can I have a copy of the traffic survey that was done on {street} in the spring? Residents were told the results would be shared and they haven't been.
@ parish ; - ; Asset register | parish assets | register ;
Please send me the current asset register. I'm trying to work out whether the noticeboards in {place2} are ours.
@ parish ; - ; AGAR | annual return | accounts ;
Could you send me last year's annual governance and accountability return and the internal auditor's report? I'm new on the finance committee and want to get up to speed.
@ any,#contract ; - ; Email from {contractor} | fwd the letter | delay ;
Could you forward me the email from {contractor} explaining the delay? I'd rather read it in their own words than second-hand.
@ principal,#planning,#report ; - ; Tree survey | {park} trees | survey ;
I'd like to see the tree survey for {park} that the felling decision was based on. Could you send me a copy?
@ lower ; - ; Allocations policy | current version | housing policy ;
Could I have a copy of the current housing allocations policy? The one on the website is dated 2019 and I'm told it's been amended since.
@ principal,#contract,#report ; - ; Q2 budget monitoring | monitoring report | finance ;
Please send me the latest budget monitoring report, Q2 if it's out. I want to see the position on highways and waste before the scrutiny meeting.
@ principal,#report ; - ; Consultation responses | parking scheme responses | {place} parking ;
Can I see the consultation responses for the {place} parking scheme? An anonymised summary is fine, I just want to know what people said.
@ any ; - ; Agenda pack | pack didn't arrive | Thursday ;
Could you send me the agenda pack for Thursday? Mine hasn't arrived in the post and I can't get the app to download it.
||
no agenda pack for thurs - can u email it
@ lower ; - ; {business} licence | licence conditions | premises licence ;
I'd like a copy of the premises licence and conditions for {business}, please. Residents keep telling me what the conditions are and I want to see them myself.
@ parish ; - ; Risk assessment | village hall RA | fire risk ;
Could you send me the latest fire risk assessment for the village hall? The scouts have asked to see it before they book.
@ parish ; - ; Burial ground plan | plot plan | reserved plots ;
Could you send me the plan of the burial ground showing which areas are still available? The working group wants to look at the extension options.
@ any,#report ; - ; Missing appendix | para 4.3 | scrutiny report ;
The appendix referred to in paragraph 4.3 of the scrutiny report isn't attached to the version I've got. Could you send it?
@ any ; - ; Register of interests | Cabinet register | copy please ; The register of interests is a published document: documents, no confidential concern.
Please could you send me a PDF of the published register of interests for the Cabinet members? The web page keeps timing out.
@ parish ; - ; AGM minutes | signed minutes | noticeboard ;
Could you send me a copy of the signed minutes from the annual meeting so I can put them on the noticeboard in {place2}?
@ upper ; - ; Diversion map | {road_no} diversion | map ;
Could you send me the map showing the proposed {road_no} diversion route during the bridge works? Residents in {place2} are convinced the lorries will come through the village.
@ principal,#report ; - ; EqIA | library changes | equality impact assessment ;
Can I have the equality impact assessment for the library changes? I couldn't find it in the Cabinet papers.
@ lower,#planning ; - ; Decision notice {ref_plan} | decision | planning ;
Please send me the decision notice for {ref_plan}, with the conditions.
@ principal,#report ; - ; Play inspection | {park} inspection report | RoSPA ;
Could I have a copy of the last annual inspection report for the play area on {park}? I want to see what was flagged.
@ wal ; - ; Cofnodion | minutes in Welsh | Welsh version ;
Could you send me the Welsh-language version of the minutes of the last {committee}? Only the English version is on the website.
@ sco,#report ; - ; Committee papers | school estate paper | Education Committee ;
Could you send me the paper on the school estate that's going to the Education and Children's Services Committee? The Provost mentioned it at the civic reception and I haven't seen it.
@ principal,#report ; - ; Budget spreadsheet | chart on p.12 | data ;
Could you send me the spreadsheet behind the chart on page 12 of the budget report? I want to look at the figures by year rather than squint at a bar chart.
@ parish ; - ; Pavilion lease | 2014 minutes | lease ;
Could you dig out the minutes from 2014 where the council agreed the lease of the pavilion to the cricket club? There's a dispute about who maintains the roof.
@ any ; - ; Slides | last night's briefing | presentation ;
Could you send me the slides from last night's briefing? I was scribbling and missed half of it.
@ parish ; - ; Scout hut lease | lease | copy ;
Please could I have a copy of the lease for the scout hut? The rent review date is coming up and I want to see what it says.
@ any ; - ; My meeting with {officer2} | note of meeting | file note ;
Could you send me the note of my meeting with {officer2} last month? I want to check what was agreed about the signage.
@ upper ; - ; Defects list {ward} | outstanding defects | highways ;
Please could you send me the list of outstanding highway defects for {ward}? Whatever the system produces is fine.
@ parish ; - ; Standing orders | financial regs | governance docs ;
Could you send me the current Standing Orders and Financial Regulations? I've been asked to chair the finance working party and I'd like the adopted versions, not the drafts.
@ lower,#planning ; - ; S106 agreement | {place} site | legal agreement ;
I'd like a copy of the signed section 106 agreement for the {place} site. The developer is claiming the play area was never required.
@ principal ; - ; DPIA | CCTV scheme | privacy assessment ;
Could I see the data protection impact assessment for the new CCTV scheme in the town centre? Residents have asked how long footage is kept.
@ any ; - ; Working party notes | draft notes | working party ; "Working party" is a council body, not party politics.
Could you send me the notes from the working party on the town centre before they go to committee? I think one of the actions is mine.
@ principal,#report ; - ; Inspection report | Estyn/Ofsted | report ;
Could you send me the latest inspection report for the children's homes service? I'm new on the corporate parenting panel.
@ principal,#report ; - ; Cabinet decision | record of decision | key decision ;
Please send me the record of the Cabinet decision on the car parking charges, with the call-in deadline. I want to check whether we have time to call it in.
@ any ; - ; Re: Thursday | Re: Re: papers | Q ;
Have you got the map that went with the {street} report? The one in my pack is blank. If you could email it that'd be great.
@ any,#report ; - ; Petition | petition report | copy ;
Could you send me the report that's going to committee on the {place} petition? The lead petitioner has asked me what it recommends and I'd like to read it before I answer.
@ upper,#report ; - ; Flood report | section 19 report | flood investigation ;
Could you send me the section 19 flood investigation report for {place} once it's finalised, and the draft if that's allowed?
@ any ; - ; Code of conduct | constitution | the protocol ;
Could you send me a copy of the member/officer protocol and the members' code of conduct? I'm doing a session for new community councillors.
@ parish,#planning ; - ; Minutes of Planning | planning comments | what we sent ;
Could you send me a copy of what we actually submitted to the district on {ref_plan}? I want to see the wording of our comments.
@ upper,#contract ; - ; Bus contract | tender documents | bus service ;
Could I have the published tender documents for the supported bus services? I want to see the frequency that was specified for the {place} route.
@ principal,#report ; - ; Audit report | internal audit | findings ;
Please could you send me the internal audit report on procurement cards that the audit committee discussed? I was off sick that night.
@ any ; - ; Photos | opening photos | play area ;
Could you send me the photos of the play area opening on {pastdate}? The residents association would like a couple for their noticeboard.
@ principal ; - ; Fees and charges | schedule | bulky waste ;
Could you send me the current fees and charges schedule? I need the bulky waste prices for a resident and can't find them online.
"""

MEETING_CORES = r"""
@ principal,#brief,#planning ; - ; {place} regeneration | could we meet | scheme ;
Could we meet to discuss the {place} regeneration scheme? I'd like to understand the phasing before it goes to Cabinet. I'm free Tuesday or Thursday afternoons for the next couple of weeks.
@ upper ; - ; Site visit {street} | drainage | can someone come out ; Asks for a site visit, which is the thing wanted: meeting rather than casework.
Would it be possible to arrange a site visit to {street} with someone from {roads}? The residents would like to show you where the water comes off the field and into the houses. Evenings or a Saturday would suit them best.
@ any ; - ; Agenda item | toilets | next meeting ;
I'd like an item added to the agenda of the next {committee} on the closure of the public toilets in {place}. I'll send a short paper.
@ principal,#brief ; - ; Budget briefing | before scrutiny | briefing ;
Could I have a briefing on the budget proposals before the scrutiny meeting on {date}? Half an hour with someone from finance would do.
@ any ; - ; Invite - residents meeting | {place} residents | parking ;
I'd like to invite you to the {place} Residents' Association meeting on {date} at 7pm in the church hall. The main item is the parking scheme and they'd really value hearing from someone who knows the detail.
@ parish ; - ; Extraordinary meeting | precept | request ;
Under standing orders, I and two other members request an extraordinary meeting of the council to discuss the precept. Our signed requisition is attached.
@ any,#brief ; - ; Allotments | quick call | catch-up ;
Could we have a quick catch-up call about the allotments next week? Nothing urgent, just want to talk through the rent review before I go to committee.
@ parish ; - ; Burial ground | on site | contractor ;
Is it possible to meet on site at the burial ground with the contractor, so we can agree where the new path should go? Any morning next week except Wednesday.
@ any ; - ; Ward surgery | {date} | bin changes ;
Could you or someone from the team come to my ward surgery at {place} library on {date}? I've had a lot of people asking about the bin changes and I'd rather they heard it from you.
@ wal+parish ; - ; Cyfarfod | {road_no} | meeting with highways ;
Could the Clerk arrange a meeting with the county borough's highways officer about the {road_no} through the village? Members want to talk about speeding and the crossing.
@ sco ; - ; Community council | flood scheme update | attendance ;
Would you be able to attend the {place} Community Council meeting on {date} to give them an update on the flood scheme? They meet at 7 in the primary school.
@ principal ; - ; ASC restructure | one-to-one | Director ;
I'd like a one-to-one with the Director about the adult social care restructure. I have some concerns and I'd rather raise them in person than in committee.
@ principal ; - ; All-member briefing | waste contract | session ;
Could we put an all-member briefing session in the diary on the new waste contract before it goes live? A lot of colleagues are getting questions they can't answer.
@ any,#brief ; - ; Call tomorrow? | {street} | teams ;
can we do a quick teams call tomorrow re {street}? 10 mins
@ any ; - ; Special meeting | petition | {committee} ;
I'd like to request a special meeting of the {committee} to consider the petition about the library. It has over 1,500 signatures.
@ principal,#brief ; - ; Motion wording | before full council | 20 minutes ;
Could I have twenty minutes with you before full council to check the wording of my motion is competent? I don't want it ruled out on a technicality.
@ lower ; - ; Walkabout | {estate} | estate walk ;
I'd like to arrange a walkabout of {estate} with housing management and the local policing team. There's a lot going on up there and I think we need to see it together.
@ any ; - ; Friends of {park} | lottery bid | meeting ;
The Friends of {park} would like to meet someone from the council to talk about a lottery bid for the bandstand. Could you suggest who and when?
@ parish,#planning ; - ; {ref_plan} | case officer | meet the parish ;
Could you ask the district's case officer for {ref_plan} whether they'd meet the parish council planning committee to talk it through before they write their report?
@ parish ; - ; Next agenda | lights | agenda item ;
Could the agenda for the next meeting include an item on the Christmas lights? We need to decide about the new brackets.
@ upper ; - ; Bus company | meeting | {place} service ;
Could we get a meeting with the bus company and someone from passenger transport about the cut to the {place} service? I'd like to bring two residents.
@ principal,#brief ; - ; Inspection outcome | briefing | children's services ;
I'd welcome a short briefing on the inspection outcome for children's services before it hits the press, ideally in person.
@ principal ; - ; Mental health | drop-in | invite ;
The {place} carers' group has asked whether someone from adult social care could come along to their drop-in on {date} and talk about respite. Could you arrange it?
@ lower,#brief ; - ; Meet re HMO | licensing | coffee? ;
Could we grab a coffee one day next week to talk about the HMO licensing proposals? I'm trying to get my head round it before the consultation closes.
@ sco ; - ; Multi-member ward | ward meeting | roads ;
The four of us in {ward} would like to meet the roads department together about the winter maintenance plan. Could you find a slot that works for a multi-member meeting?
@ any ; - ; Pre-meet | chair's briefing | committee ;
As chair I'd like the usual pre-meeting briefing for the {committee} on {date}. Could you book a room for half an hour before?
@ wal+parish ; - ; Hyfforddiant | training session | planning training ;
Could we arrange a planning training session for the community council in Welsh? Several members would be more comfortable that way.
@ upper ; - ; School crossing | site meeting | {school} ;
Could someone from road safety meet me and the headteacher at {school} one morning at drop-off? We want to show you how dangerous the crossing is.
@ principal ; - ; Depot visit | tour | waste depot ;
Would it be possible for a group of new members to visit the waste depot and see how the rounds are planned? A couple of hours any weekday.
@ any,#brief ; - ; Re: draft budget | can we talk | meeting ;
Thanks for sending the draft budget through. Could we sit down for half an hour this week and go through the reserves position? I've got questions that are easier in person.
@ principal,#planning ; - ; Liaison group | quarry | invitation ;
The {place} Quarry Liaison Group meets on {date}. The operator has asked whether an officer from planning could attend to answer questions about the extension. Could you let me know if someone's available?
@ any ; - ; Working party meeting | date | working party ; "Working party" is a council group, not party politics.
Could you set up the next meeting of the climate working party? Members have said Tuesdays are better.
@ lower,#planning ; - ; Pre-app | developer meeting | member involvement ;
The developer of the {place} site has asked to present their pre-app scheme to ward members. Could planning arrange and chair the session so it's done properly?
@ upper ; - ; Library consultation | public meeting | {place} ;
Could the libraries team hold a public meeting in {place} as part of the consultation? People there aren't online and won't fill in the survey.
@ any ; - ; Induction | new member | one to one ;
I'm newly elected and I'd really appreciate a one-to-one with someone in Democratic Services to go through how things work. Any time that suits you.
@ principal ; - ; Scrutiny | call officers | agenda request ; An agenda request and a request that officers attend: meeting, not instruction.
I'd like to ask that the next scrutiny meeting has an item on the waste contract performance, with the head of service attending to answer questions.
@ parish ; - ; Neighbourhood plan | steering group | invite ;
The neighbourhood plan steering group would like the Clerk to come to their next meeting on {date} to explain how the grant claim works.
@ principal ; - ; Visit with MP | site visit | flooding ;
Our MP wants to see the flood defences at {place}. Could we arrange a site visit with the engineers one day next month?
@ any,#brief ; - ; Monday | quick chat | ? ;
Have you got ten minutes on Monday? Want to pick your brains about the lease at the sports ground.
@ principal ; - ; Members' seminar | climate | request ;
Could we have a members' seminar on the climate action plan before the budget? It'd be good to hear from the officers leading it.
@ upper ; - ; Care home | visit | residents ;
I'd like to visit the council's care home at {place} with the manager, as the new portfolio holder. Could you arrange that?
@ lower ; - ; Shadowing | duty planner | new member ;
Could I spend a morning with the duty planning officer? As a new member of the Planning Committee I'd like to see how applications are actually handled day to day.
@ parish ; - ; Conservation area | meeting with the district | review ;
Could you set up a meeting between the parish council and the district's conservation officer about the conservation area review? Members would like to understand what's proposed before it goes out to consultation.
@ principal ; - ; Town centre walk | shop front grants | {date} ;
Would you be free to join me for a walk round the town centre on {date} to look at the shop front grant properties? An hour at most.
@ any ; - ; Meeting venue | {committee} in {place} | residents ; Asks for a meeting to be held elsewhere: meeting.
I'd like to ask for the next {committee} to be held in {place} rather than at the civic offices, so that residents who can't travel are able to attend.
@ principal ; - ; Introduction | new head of housing | {estate} ;
Could you arrange for me to meet the new head of housing? I'd like to introduce myself and talk about the {estate} regeneration.
@ sco ; - ; Catchment review | ward members | Education officers ;
Could a date be found for the {ward} members to meet the Education officers about the {school} catchment review? Evenings work best for most of us.
"""

MEDIA_CORES = r"""
@ any ; - ; {paper} called | journalist | {park} ;
I've just had a call from {journo} at {paper} asking about the closure of the café in {park}. I said I'd come back to her. Is there a council line I should stick to?
@ principal,#pub ; - ; Press release | play area opening | publicity ;
Could comms put out a press release about the new play area at {park} when it opens on {date}? The Friends group did a lot of the fundraising and it'd be good to credit them.
@ any ; - ; Piece in {paper} today | bins article | wrong figures ;
Did you see the piece in {paper} today about the bins? It says we've cut collections by a third, which isn't true. Can the council issue a correction?
@ any ; - ; Facebook post | road closure dates | wrong ;
The post on the council Facebook page about the {street} road closure has the wrong dates on it. People are already commenting. Can it be corrected?
@ principal ; - ; Radio | flooding | spokesperson ;
Local radio have been on to me wanting someone to talk about the flooding at {place} tomorrow morning. I'm happy to do it but they really want an officer who can speak to the engineering. Can comms find someone?
@ any,#pub ; - ; Statement | draft | before it goes out ;
Could I see the draft statement on the school closure before it goes out? As ward member I'd like to make sure it doesn't say anything residents will read the wrong way.
@ principal ; - ; Journalist call | chief exec | heads up ; Reports a journalist's call: media, even though nothing is asked.
Heads up: {journo} from {paper} rang me asking whether the chief executive is leaving. I said I had no idea and that he should speak to the press office.
@ any,#pub ; - ; Residents' magazine | litter pick | article ;
Could we get a short piece in the next residents' magazine about the {place} litter pick? Volunteers did eight tonnes this year and deserve a mention.
@ sco,#pub ; - ; Civic reception | press release | Provost ;
The Provost would like a press release about the civic reception for the {place} pipe band after their win. Could comms draft something for her to approve?
@ wal+principal,#pub ; - ; Datganiad i'r wasg | bilingual release | Welsh version ;
The press release about the {place} bridge went out in English only, and the Welsh version on the website is missing. Could the bilingual version be published?
@ any ; - ; Gritting tweet | social media | tone ;
The tweet from the council account about the gritting this morning was a bit tone-deaf given the hill on {street} wasn't done. Maybe worth a follow-up post acknowledging it?
@ principal ; - ; Community group post | misleading post | school ;
There's a misleading post going round the {place} community Facebook group saying the school is closing next year. Could comms put something out to set the record straight?
@ any ; - ; Quote for {paper} | official line | budget ;
{paper} want to quote me on the budget cuts. What's the council's official line, so I don't contradict it?
@ any,#pub ; - ; Website news | flood grants | link ;
The news item on the website about the flood grants doesn't link to the application form. Could it be updated? Lots of people are ringing me.
@ principal ; - ; Tagged | library rumour | social media ;
I've been tagged in a post saying the council is shutting {place} library. Is that right? And if not, can comms respond to it?
@ any ; - ; Press release - notice | ward members not told | release ; A mild comment on publicity practice; the thrust is the release, so media rather than complaint.
I see a press release went out about the {place} depot. It would have been nice to get a heads-up as ward member before it appeared. Could I be copied into any further releases on it?
@ principal,#pub ; - ; Photo | new crossing | opening ;
When the new crossing on {street} opens, could comms arrange a photographer? The school council campaigned for it and the children would love to be in the paper.
@ any ; - ; Parish magazine | column | figures ;
I've been asked to write the council's column for the parish magazine this month. Could someone check my draft for accuracy before I send it to the editor? It's attached.
@ principal,#pub ; - ; Consultation publicity | posters | awareness ;
Hardly anyone in {place} knows the consultation on the bus changes is running. Could comms do some posters for the library and the GP surgery, and something on social media?
@ principal ; - ; BBC | filming | crew on site ;
A BBC crew is filming at the {place} flood site tomorrow, they asked me whether the council will have anyone there. Might be worth comms knowing.
@ principal ; - ; Letters page | response | reply ;
There's a letter in this week's {paper} claiming the council spent £{money} on new furniture for the chamber. As far as I know that's nonsense. Is comms going to respond?
@ any ; - ; Press enquiry | forwarded | deadline ;
I've forwarded you the press enquiry I received from {paper} about the {business} licence. Their deadline is 4pm. I'd rather the council responded than me.
@ principal ; - ; Podcast | invitation | interview ;
A local podcast has asked me to talk about the climate action plan. Is there a press office briefing pack I could use so I'm consistent with what the council's saying?
@ principal,#pub ; - ; Press | statement on my behalf | no ; The member asks about a statement for the council's own announcement; publicity request, not party work.
Could the press release about the {street} crossing include a quote from me as ward member? I'm happy for comms to draft it.
@ principal ; - ; Story in {paper} | inaccurate | the article ;
The article in {paper} about the {estate} regeneration has a photo of the wrong estate. Probably not worth a fuss, but could comms let them know?
@ any ; - ; Social media | abuse | council page ;
There are some pretty nasty comments under the council's post about the Traveller site consultation, some naming residents. Could the comments be moderated?
@ principal ; - ; Embargo | report | press timing ;
When does the embargo lift on the inspection report? I've been asked by {paper} and I want to make sure I don't say anything early.
@ principal ; - ; Media training | interview tips | TV ;
I've been asked to go on regional TV about the bridge closure. Is there any chance of a quick media briefing from comms beforehand?
@ any,#pub ; - ; Leaflet from the council | wording | residents' leaflet ;
Could I see the wording of the leaflet going to {street} residents about the parking scheme before it's printed? I'll get asked about it on the doorstep.
@ sco ; - ; The Courier | roads story | response ;
The Courier is running a story tomorrow about the state of the roads in {ward}. They asked me for a comment. Can the roads department give comms some facts to put out so it isn't one-sided?
@ any,#pub ; - ; Council newsletter | residents' news | deadline ;
When's the copy deadline for the next council newsletter? I'd like to suggest an article on the new warm spaces and need to know if it's too late.
@ principal ; - ; Instagram | photo of staff | permission ;
The council's Instagram has used a photo of a child at the {park} event. The parents haven't given permission and are upset. Can it be taken down and comms look at how it happened?
@ principal ; - ; Correction | {paper} | councillor name ;
{paper} has printed that I voted for the car park charges. I didn't, I abstained. Could the press office confirm the voting record to them?
@ wal+principal ; - ; S4C | Welsh interview | spokesperson ;
S4C want a Welsh-speaking spokesperson on the {place} school proposals. Does comms have anyone, or would they like me to do it?
@ principal ; - ; Film crew | permission | location ;
A production company has asked to film in the {park} bandstand next month. Is comms or events the right team? I said I'd pass it on.
@ any,#pub ; - ; Statement please | fire | {place} ;
Could the council put out a statement about the fire at the {place} community centre? People are speculating online about whether it'll reopen.
@ principal,#pub ; - ; Consultation results | press coverage | publish ;
When the consultation results on the library changes are published, could the release make clear that the final decision hasn't been made yet? The last one gave people the opposite impression.
@ principal ; - ; Journalist | home address | harassment ;
A journalist from {paper} turned up at my house last night about the planning row. I didn't say anything. I thought comms should know in case they try other members.
@ principal ; - ; Press call | {journo} | budget leak ;
{journo} just rang me asking about a leaked budget document. I haven't seen any such document. Letting you know so the press office is ready.
@ principal ; - ; "No cuts" | budget release | wording ; Comments on a council publication's wording: media, mild enough not to be a complaint.
The budget press release says "no cuts to frontline services". People in {place}, whose library hours have just been halved, are laughing at it. Could comms be a bit more careful with that sort of line next time?
@ principal ; - ; Interview tomorrow | {paper} | key facts ;
I'm doing an interview with {paper} tomorrow about the flooding in {place}. Could comms send me the key facts and the council's latest statement so I'm working from the same page?
@ principal ; - ; Encampment | approved line | social media ;
Could comms give me the council's approved line on the encampment at {park}? I keep getting asked on Facebook and I don't want to say the wrong thing.
@ any,#pub ; - ; Water main works | closure notice | social media ;
Could the council put something on its social media about the water main works closing {street} next week? The water company hasn't publicised it at all.
@ principal ; - ; Photo for the paper | library | official photo ;
{paper} have asked for a photo to go with their piece on the new library. Is there an official council photo I can send them, or should they get it from the press office?
@ principal ; - ; My letter to the paper | facts check | bins ; The member wants a factual check of their own letter to a newspaper: media.
I've written a letter to {paper} in response to last week's criticism of the bin service. Before I send it, could someone in comms check I haven't got any of the facts wrong?
@ any ; - ; Council video | share | recycling ;
Saw the council's new video about the recycling changes. Really clear. Is it all right for me to share it on my councillor Facebook page?
@ wal+principal ; - ; Golwg | sylw | Welsh comment ;
Golwg want a comment in Welsh on the council's response to the {place} flooding by tomorrow. Is there a Welsh version of the statement, or shall I translate the English one myself?
@ sco,#pub ; - ; Press release | Provost's charity | publicity ;
Could comms do a short release on the Provost's charity abseil on {date}? The {place} Community Council would like to promote it too.
"""

COMPLAINT_CORES = r"""
@ any ; - ; Still no reply | chasing again | {ref} ;
I've now chased this three times and had no reply at all, not even an acknowledgement. It is simply not good enough. Residents expect a response and, frankly, so do I.
@ lower ; - ; {ref_plan} response | planning reply | not answered ;
The reply I got from the planning team about {ref_plan} was dismissive and didn't answer the question I asked, which was why the neighbours weren't consulted. I'd like a proper answer and I'd like it noted that I'm unhappy with the way this was dealt with.
@ principal ; - ; Contact centre | waiting times | phones ;
The service from the contact centre this month has been appalling. Residents are telling me they're waiting forty minutes to get through and then being cut off. One woman rang me in tears. What is going on?
@ any ; - ; Report to {committee} | one-sided report | car parks ;
I was disappointed by the report to {committee} on car park charges. It was one-sided, left out the objections from the traders entirely, and presented one option as if it were the only one. That's not the balanced advice members are entitled to.
@ lower ; - ; Bins - the whole ward | waste service | chaos ;
The whole of {ward} was missed again on Monday. That's the third time since the new rounds started. The waste service seems to be in chaos and nobody is telling members anything, so we're getting it in the neck from residents with no idea what to say.
@ any ; - ; Enquiry {ref} closed | closed without contact | case handling ; A specific case is mentioned, but the thrust is dissatisfaction with how the enquiry was handled: complaint.
I'm unhappy that my enquiry {ref} was closed as "resolved" without anyone contacting the resident. She still has the problem. This keeps happening and it makes members look as though we don't follow things up.
@ upper ; - ; Bus consultation | rushed | poorly advertised ;
The consultation on the bus changes was rushed and badly advertised. Two weeks over the summer holidays, online only, with no paper copies in the libraries. It's hard to see how anybody could call that meaningful, and I want that on record.
@ principal ; - ; Formal complaint | market relocation | handling ;
I want to make a formal complaint about the way the market relocation has been handled. Traders were told in a letter with a week's notice, there was no consultation, and members found out from the traders.
@ upper ; - ; Resurfacing waste | dug up again | coordination ;
{street} was resurfaced in July and two weeks later the water company dug a trench right down the middle of it. Who on earth is coordinating these works? It's a shocking waste of money and residents are rightly furious.
@ principal ; - ; Ward member not told | library branch | informed ;
I was not told about the closure of {place} library as ward member. I found out from residents at my surgery. Members are supposed to be informed of significant matters in their ward, and on this occasion we clearly weren't.
@ upper ; - ; Pothole reporting form | online form | useless ;
The new online form for reporting potholes is a nightmare. It's almost impossible to use on a phone, it won't take a photo, and if you get one thing wrong it wipes everything. Older residents have given up. Who signed this off?
@ sco ; - ; Roads department | {ward} | response ;
Members in {ward} have raised the state of the roads again and again and the response from the roads department has been dismal. Holding replies, no dates, and the same holes still there. I'm fed up of apologising to constituents for it.
@ any ; - ; Written question | evasive answer | full council ;
I'm disappointed with the answer to my written question at full council. It was evasive and didn't give the figures I asked for. I'd expect better.
@ principal ; - ; Public toilets | cleaning | state of them ;
The public toilets at {place} are a disgrace: no paper, no soap, broken hand dryers, and they've been like that for weeks. Whatever the cleaning contract says it's not being delivered.
@ lower ; - ; Council tax letters | confusing | bills ;
The new council tax reminder letters are badly written and frightening. Several elderly residents thought they were being taken to court when they were just being reminded. Whoever drafted them needs to look again.
@ parish ; - ; Grass cutting | contractor | poor job ;
The grass cutting contractor did a terrible job on {park} this week. Clippings left across the paths, nothing strimmed round the benches or the war memorial, and a gravestone chipped in the churchyard. We're paying for a proper job and this isn't it.
@ lower ; - ; {street} family | B&B | handling ; A specific family is mentioned, but the member is complaining about how housing handled them rather than asking for the case to be progressed.
The way the housing team dealt with the family from {street} was, in my view, heartless. Six weeks in a B&B with three children and no cooking facilities, no contact from a caseworker after the first week, and they only got moved after I raised it. That shouldn't be how it works.
@ any ; - ; Papers late | agenda publication | again ;
The agenda papers for {committee} were published late again, two days before the meeting instead of five clear days. It's not fair on members or the public and it's happened three times this year.
@ wal ; - ; Welsh language | English-only reply | Standards ;
For the second time this month I've received an English-only reply to an enquiry I sent in Welsh. That's not acceptable under the Welsh Language Standards and I'd like it taken up properly.
@ upper ; - ; Street lighting programme | dark streets | LED ;
The LED replacement programme has left whole streets in {place} dark for weeks at a time. Nobody told residents, nobody told members, and the contractor's phone line just rings out.
@ any ; - ; Minutes | inaccurate | last meeting ; Objects to the minutes as inaccurate without dictating new wording: complaint, not instruction.
The draft minutes of the last meeting don't reflect what was actually said in the debate on the budget. Several of the points I made aren't there at all, and the summary of the discussion is misleading.
@ any ; - ; Re: my enquiry | still waiting | {ref} ;
I raised this on {pastdate} and was promised a reply within ten working days. It's now well over a month. I appreciate people are busy but this is getting ridiculous.
@ upper ; - ; Social care | waiting list | failure ;
I have now dealt with five families this month who have waited over six months for a social care assessment. This isn't about individual cases any more, the service is failing people.
@ lower ; - ; Enforcement | never acted | planning enforcement ;
Planning enforcement in this district is a joke. I have reported breaches for two years and not once has anything happened except a letter. Developers know it and they build what they like.
@ principal ; - ; Response times | Member enquiries | service standard ;
Member enquiries are supposed to be answered within ten working days. Of the last eight I've sent, two have been. I'm raising it with you because I don't know who else to raise it with.
@ parish ; - ; Village hall | bookings | double booked ;
The village hall has been double-booked for the second time this month. The dance class turned up to find a children's party in full swing. We look ridiculous and we're going to lose regular hirers.
@ any ; - ; Re: Re: {street} | your last reply | not acceptable ;
With respect, the last reply doesn't address any of the points I raised. It just repeats the policy, which I'd already quoted back to you. I'd like someone more senior to look at this.
@ upper ; - ; Gritting | ward ignored | winter ;
Not one of the villages in {ward} was gritted during last week's snow while the town centre was done twice. Rural residents are council tax payers too, and this happens every winter.
@ principal ; - ; Consultation | online only | digital exclusion ;
Yet another consultation that's online only. About a third of the people in my ward don't use the internet. I've raised this before, and I'm raising it again, because it keeps happening.
@ any ; - ; Not consulted | ward member | decision ;
A decision has been taken under delegated powers to remove the bench on {street} and nobody asked either ward member first. I'm not happy about being kept in the dark.
@ upper ; - ; Potholes | ward | fed up ;
The state of the roads round {place} is the worst I've seen in twelve years as a councillor. Repairs that break up within weeks, no proper resurfacing, and residents paying for new tyres. Something has gone badly wrong with the highways service.
@ lower ; - ; Recycling centre | booking system | nightmare ;
The booking system for the tip is a shambles. Slots released at midnight, gone in minutes, and people are fly-tipping because they can't get in. Whose idea was this?
@ any ; - ; Re: case {ref} | fourth time | escalate ; A case is named, but the message is about repeated poor handling, so complaint rather than casework.
This is the fourth time I've had to chase case {ref}. Each time I'm told it's "with the team" and then nothing. I'm not asking you to fix this one case now, I want to know why the process keeps failing.
@ parish ; - ; Clerk's report | late | figures ; Complains about a report and its lateness; no individual's conduct is singled out, so no staff_matter.
The finance report for last night's meeting arrived an hour before we started and the figures didn't add up. We couldn't scrutinise it properly and I'm not prepared to approve accounts on that basis.
@ principal ; - ; Car parks | machines broken | card only ;
Half the pay machines in the {place} car parks have been broken since the summer and the rest are card only. Older visitors are getting fines. This is costing the town centre trade.
@ lower ; - ; Licensing | noise | no action ;
Residents around {business} have complained about noise for eighteen months and the licensing service has done nothing beyond sending letters. I'm frankly embarrassed when I see them.
@ any ; - ; The survey | biased questions | consultation ;
The questions in the parking survey are leading. Every one of them assumes the scheme is going ahead. I don't think that's a fair consultation and I want it noted.
@ sco ; - ; Bin uplift | whole ward | communication ;
Half of {ward} was missed on uplift day and the first anyone heard was residents posting photos online. No message to members, no update on the website. Communication from waste services is non-existent.
@ upper ; - ; Library | self-service | no staff ;
Since the staffed hours were cut at {place} library, the self-service kiosks have broken down every other week and there's nobody there to help. The older readers have stopped coming. It's a poor service.
@ any ; - ; Unacceptable | phone manner | switchboard ;
I rang the main switchboard three times yesterday trying to reach housing and was transferred into a voicemail each time. It's no way to run a public service.
@ principal ; - ; Web site | can't find anything | new website ;
The new council website is unusable. I couldn't find the planning search, the bin calendar or the committee papers. If I can't find them, residents have no chance.
@ upper ; - ; Road closure | no notice | {street} ;
{street} was closed on Monday with no advance notice to residents or ward members. Businesses lost a day's trade. This isn't the first time works have been sprung on us like this.
@ any ; - ; complaint | response to resident | tone ; Complains about the tone of a letter sent to a resident; it criticises the team's letter, not a named employee, so no staff_matter.
The letter your team sent to {resident} was cold and frankly a bit threatening in tone. She's 82 and recently bereaved. I don't expect a standard template to be used in a case like that.
@ principal ; - ; Flooding response | too slow | lessons ;
The council's response to the flooding in {place} was far too slow. Sandbags arrived after the water had gone down, and the emergency number went to voicemail. Residents were left to fend for themselves and I'm not prepared to pretend otherwise.
@ lower ; - ; Christmas calendar | wrong dates | bins ;
For the third year running the Christmas collection calendar was wrong. Residents put their bins out on the day we told them and then got the blame when nobody came.
@ any ; - ; Petition handling | {place} petition | not told ;
I'm unhappy with how the {place} petition was handled. The lead petitioner wasn't told when it was going to committee and turned up to find it had already been dealt with. That's no way to treat people who engage with us.
"""

INSTRUCTION_CORES = r"""
@ upper ; - ; {street} works | start Monday | contractor ; Directs a specific piece of work and its timing: instruction, not a meeting or casework.
Arrange for the contractor to start on {street} on Monday. I've told the residents it's happening and they're expecting them.
@ lower ; - ; Recommendation | {ref_plan} | report ; Tells the officer to change a professional recommendation: instruction.
I've read the draft report on {ref_plan}. Change the recommendation to refusal before it's published. The scheme is wrong for the village and committee will refuse it anyway.
@ any ; - ; Agenda | take it off | item {num} ;
Take item {num} off the agenda for {committee}. We're not ready to discuss it.
@ lower ; - ; {street} collections | weekly | back to how it was ;
Put {street} back on weekly collections from next week. The fortnightly trial isn't working there and I'm not having residents put up with it any longer.
@ parish ; - ; Park signs | order | green ones ;
Order the new signs for {park}. I've decided we're going with the green ones, so go ahead and place the order today.
@ principal ; - ; Letter to residents | parking scheme | go ahead ;
Send a letter to all residents on {street} telling them the parking scheme is going ahead in the spring. Use my name on it.
@ parish ; - ; Hall hire | fee | WI ;
Waive the hire fee for the WI's coffee morning in the village hall on Saturday. They've had a hard year and it's only forty quid.
@ lower ; - ; {business} | enforcement | stop ;
Drop the enforcement action against {business}. They've been there thirty years and I'm not having the council put them out of business over a sign.
@ any ; - ; Consultation event | hall | leaflets ;
Book the {place} community centre for a consultation event on {date} and get two hundred leaflets printed to go through doors on {street}.
@ upper ; - ; Tree felling | cancel | {street} ;
Cancel the tree felling on {street} that's booked for next week. I'm not satisfied it's needed.
@ parish ; - ; Fete | grass | before Saturday ;
Make sure the grass on {park} is cut before the fete on Saturday and the bins are emptied Sunday morning.
@ upper ; - ; Gully crew | tomorrow | reprioritise ; Re-prioritises the team's work rather than reporting a problem, so instruction rather than casework.
Send the gully crew to {street} first thing tomorrow. Move the {street2} job back a week to free them up, that one can wait.
@ upper ; - ; Consultee response | objection | highways comments ;
Take out the highways objection from the consultee response on {ref_plan}. The access is fine, I've been and looked at it.
@ any ; - ; Landowner | letter | prosecution ;
Write to the landowner at {lane} today and tell them that if the rubbish isn't cleared by the end of the month the council will prosecute.
@ any ; - ; Minutes | amend | my vote ; Dictates a change to the minutes rather than just objecting to them: instruction.
Amend the draft minutes to record that I voted against the precept increase. Put it in before they go out.
@ parish ; - ; {contractor} invoice | pay today | payment ;
Pay the invoice from {contractor} today. I know it hasn't been to committee yet but they've been waiting long enough.
@ principal ; - ; Consultation | re-run | question ;
Re-run the consultation on the {place} car park with a different question. The one that went out was misleading and I want a clean result.
@ principal ; - ; Tip hours | revert | weekend ;
Put the recycling centre back to opening on Sunday mornings from this weekend. I've told the residents' association it's done.
@ any ; - ; Meeting cancelled | website | notice ;
Put a notice on the website saying the {date} meeting is cancelled and email the other members to tell them.
@ parish ; - ; Carnival grant | £2,000 | increase ;
Increase the grant for the {place} Carnival to £2,000. I've agreed it with the chair so you can process it.
@ any ; - ; Draft a reply | resident letter | for me to send ; Asks the officer to do a specific piece of work for the member: instruction.
Draft a reply for me to send to {resident} about the hedge. Nothing too long, and make sure it says the council will sort it.
@ wal ; - ; Arwydd / Sign | Welsh first | replace ;
Arrange for the sign at the entrance to {place} to be replaced with one that has the Welsh first. Order it this week.
@ sco ; - ; {street} resurfacing | this year | programme ;
Get {street} into this year's resurfacing programme. I've told the community council it's happening, so find the money from somewhere.
@ principal ; - ; Licence | approve | {business} ;
Approve the pavement licence for {business} under delegated powers this week. There's no need for it to go to a panel.
@ lower ; - ; Fine | cancel | parking ticket ;
Cancel the parking fine issued to the {place} Scouts minibus on {pastdate}. They were unloading for the jumble sale.
@ any ; - ; Brief the press | say this | statement ; Tells comms what to publish in the council's name: instruction.
Put out a statement today saying the council will keep {place} library open. I'll deal with the Cabinet.
@ upper ; - ; Crossing | install | lights ;
Go ahead and install the pedestrian crossing on {street}. Don't wait for the survey, everybody knows it's needed.
@ parish ; - ; Allotment rents | freeze | next year ;
Freeze the allotment rents for next year and write to the tenants telling them.
@ principal ; - ; Officer decision | reverse | refused ;
Reverse the refusal of the dropped kerb at {house} {street}. I've looked at it and there's plenty of room.
@ any ; - ; Tidy up | before visit | minister ;
Get the {place} town centre cleaned up before the minister's visit on {date}. Jet wash the square and paint the railings.
@ lower ; - ; Waiting list | add | allocation ;
Add {resident} to the housing register today and put her in band A. I'll sign whatever form you need.
@ any ; - ; Reply to residents' association | on my behalf | response ;
Reply to the residents' association on my behalf and tell them the trees will be replaced like for like.
@ any ; - ; Budget | move money | ward fund ;
Move £{money} from the events budget into the play area budget. It's the same pot really and the kids need it more.
@ principal ; - ; Contract | extend | {contractor} ;
Extend {contractor}'s contract by another year. Don't bother with a tender, it'll only delay things.
@ upper ; - ; Speed camera | move | location ;
Move the mobile speed camera van from {street2} to {street} for the next month. That's where the problem is.
@ parish ; - ; Noticeboard | poster | put up ;
Put this poster up on all the parish noticeboards by Friday and take down anything older than a month.
@ lower ; - ; Skip | remove | permit ;
Revoke the skip permit on {street}. It's been there three weeks and the neighbours are fed up.
@ upper ; - ; Closure order | road | event ;
Close {street} for the street party on {date}. I'll sort the paperwork later.
@ any ; - ; The report | paragraph 5 | delete ;
Delete paragraph 5 from the report to {committee}. It's not helpful and it isn't needed.
@ any ; - ; Bin for the square | order | today ;
Order two more litter bins for the square and have them put outside the chip shop and the bus stop.
@ sco ; - ; Community council | fund | release ;
Release the community council's grant now. I know the accounts haven't come in but I'll vouch for them.
@ upper ; - ; Salt | delivery | grit bins ;
Fill all the grit bins in {place} this week, before the cold weather comes in. Start with the one on {street}.
@ lower ; - ; Fly-tip | prosecute | CCTV ;
Prosecute whoever dumped the rubbish in {lane}. The camera caught the van. Get on with it.
@ any ; - ; Room booking | chamber | my event ;
Book the council chamber for {date}, 6 to 9pm, for a ward forum, and sort out refreshments.
@ upper ; - ; Hedge cutting | nesting season | move the crew ;
Tell the contractor to leave the hedge on {street} alone until the nesting season's over and move the crew to {street2} instead.
@ parish ; - ; Allotment water | letter | switch off ;
Send the allotment tenants a letter saying the water is being switched off on the 1st of the month, and get the handyman to drain the troughs.
"""

OTHER_CORES = r"""
@ upper ; - ; Thank you! | {street} drains | drains ;
Just a quick note to say thank you for sorting the drains on {street} so quickly. The residents are delighted and one of them stopped me in the street to say so.
@ any ; - ; Apologies | {committee} {date} | apologies for absence ; An apology for absence asks for nothing beyond recording it: other.
I'm afraid I won't be able to make the {committee} on {date}. Please record my apologies.
||
apols for {committee} thurs, sorry
@ any ; - ; FYI | article | food waste ;
FYI, an article from the LGC about food waste collections in other councils. Thought it might be of interest before the scrutiny session.
@ any ; - ; Thanks | noted | received ;
Thanks, noted.
@ any ; - ; Thanks | retirement | card ; Thanking and congratulating an officer by name is not a staff matter.
I gather {officer2} is retiring at the end of the month after thirty years. Please add my best wishes to the card. {o2_She}'s been a great help to me and to a lot of residents.
@ any ; - ; Season's greetings | Christmas | thanks for this year ;
Wishing you and the team a very happy Christmas and a restful break. Thank you for all the help this year, it's been a busy one.
@ any ; - ; Congratulations | award | well done ;
Congratulations to you and the team on the award last night. Thoroughly deserved.
@ any ; - ; Register of interests | update | FYI ;
FYI, I've been asked to join the board of the {place} Community Trust. I've updated my register of interests accordingly.
@ any ; - ; Fwd: thank you | resident | nice note ;
Forwarding a lovely note from a resident about the crew who collected her bulky items. Nice to get some good news for a change.
@ any ; - ; Re: the report | received | weekend ;
Received, thank you. I'll read it over the weekend.
@ wal ; - ; Diolch | derbyniwyd | received ;
Diolch yn fawr, wedi derbyn. Received and noted, thank you.
@ sco ; - ; Community council | thanks | last night ;
Thanks for coming along to the {place} Community Council last night. It was very well received and they've asked me to pass on their thanks.
@ any ; - ; Residents' association notes | FYI | minutes ;
For your information, the notes from last week's {place} Residents' Association meeting. Nothing needing action from the council this time.
@ any ; - ; New number | contact details | phone ;
Just letting you know I've changed my mobile. The new number is {phone}.
@ any ; - ; See you Saturday | event | litter pick ;
I'll be at the litter pick on Saturday, see you there. I'll bring the bacon rolls.
@ any ; - ; Photos | litter pick | volunteers ;
Some photos from Saturday's litter pick for you. Great turnout, thirty-odd people and the kids loved the grabbers.
@ any ; - ; Thanks to {officer2} | great help | passing on ; A thank-you with a pass-on-my-thanks line: other, and naming the officer is not a staff matter.
Please pass on my thanks to {officer2}, who went above and beyond on the {street} case. I know the family are very grateful.
@ any ; - ; Re: condolences | thinking of you | sorry ; A sympathy note to the officer themselves; nothing is raised about them with anyone else.
Sorry to hear about your dad. Take all the time you need, the ward stuff can wait. Thinking of you.
@ any ; - ; Re: briefing | thanks | helpful ;
Thank you for last night's briefing. Really helpful and it's cleared up a lot of questions I'd been getting.
@ any ; - ; FYI - police | newsletter | community safety ;
FYI, the latest neighbourhood policing newsletter for {ward}. Nothing for us in it this time but worth a skim.
@ any ; - ; Good news | {school} | inspection ;
Thought you'd like to know {school} got a good inspection report, largely thanks to the new building. Good to see the investment paying off.
@ any ; - ; Re: {street} | all sorted | resident happy ;
Just to close the loop, {resident} rang me this morning. All sorted, she's very happy. Thanks again.
@ any ; - ; Holiday | away next week | cover ;
I'm away from {date} for a week. Cllr {colleague} is covering any urgent ward matters while I'm gone.
@ any ; - ; Agenda | received | thanks ;
Got the agenda, thanks. See you on Thursday.
@ any ; - ; The article I mentioned | link | read ;
Here's the article I mentioned at the meeting, the one about the community energy scheme in Devon. No need to reply.
@ any ; - ; Well done | event | fireworks ;
Well done to everyone who worked on the fireworks night. Huge crowd, no problems, and the food stalls sold out. Great credit to the council.
@ any ; - ; Late | sorry | running late ;
Running about ten minutes late for the meeting, sorry. Start without me.
@ parish ; - ; Thank you | Clerk | annual meeting ;
Thank you for all your work getting the annual meeting organised. It ran like clockwork and the awards went down well.
@ any ; - ; FYI | I've replied | resident ;
FYI, I've replied to the resident myself and explained the position, so no need for you to do anything further on this one.
@ any ; - ; Back from leave | catching up | emails ;
Back from leave today and working through the inbox. Will come back to you on anything outstanding.
@ any ; - ; Delighted | funding | bid success ;
Just heard the lottery bid for the {park} bandstand was successful. Delighted. Thank you for the help with the application.
@ sco ; - ; Provost's thanks | civic | reception ;
The Provost asked me to pass on her thanks for organising the civic reception. Everyone had a lovely evening.
@ wal ; - ; Eisteddfod | congratulations | choir ;
Llongyfarchiadau to the council staff choir on their result at the Eisteddfod. Great to see.
@ any ; - ; Noted | Re: road closure | closure ;
Noted, thank you. I'll let the residents' association know.
@ any ; - ; FYI | press release | police ;
FYI, the police press release about the arrests on {estate}. Good result.
@ any ; - ; Sharing | community event | poster ;
Sharing the poster for the {place} Christmas fair in case you want to come along. All welcome.
@ any ; - ; Just so you know | I'll be at | site visit ;
Just so you know, I'll be at the site visit on {date} with the ward colleagues. No need to reply.
@ any ; - ; Re: Re: report | great job | thanks ;
Great job on the report, it made the case really clearly. Thanks for turning it round so fast.
@ any ; - ; Feedback | residents | thanks ;
I had three residents at my surgery today go out of their way to praise the new bin crews. Thought you should hear about it.
@ any ; - ; Residents' meeting | went well | update ;
Just to let you know the residents' meeting went well last night and they're happy with the revised plan. No action needed from you.
@ any ; - ; Thursday | funeral | drop-in ;
I'm at a funeral on Thursday so I won't make the drop-in. Sorry.
@ any ; - ; Happy new year | 2027 | greetings ;
Happy new year! Looking forward to working with you all again in 2027.
@ any ; - ; Declaration | acceptance of office | signed ;
I've signed the declaration of acceptance of office. A copy is attached for your records.
@ principal ; - ; New benches | {park} | looking good ;
Great to see the new benches going into {park} this morning. They look smart and people were already sitting on them.
@ any ; - ; Missed call | sorry | later ;
Sorry I missed your call, I was stuck in a meeting. I'll try you again later.
@ any ; - ; Thank you | flowers | operation ;
Belated thanks for the flowers after my operation. Very kind of everyone in the team.
@ any ; - ; FYI | Trust AGM | chairing ;
FYI, I'll be chairing the {place} Community Trust AGM next week, so if anything council-related comes up I'll let you know.
@ any ; - ; Papers | tonight | on the train ;
Reading the papers for tonight on the train now. See you there.
"""

# Automatic replies written by members (kind: other).
AUTOREPLIES = [
    "Thank you for your email. I am away from {date} until {date2} with limited access to email. For urgent ward matters please contact Cllr {colleague}.",
    "This is an automatic reply. I am currently on leave and will respond when I return. If your enquiry is urgent please contact Democratic Services.",
    "Automatic reply: Cllr {m_last} is attending a conference and will be back in the office on {date}. Emails will not be forwarded.",
    "Diolch am eich e-bost. Rwyf i ffwrdd tan {date}. / Thank you for your email. I am away until {date}. For urgent matters please contact the Clerk.",
    "I'm out of the office until {date}. Please note I do not check this mailbox daily. For anything about the {ward} ward please copy in my ward colleague Cllr {colleague}.",
    "Out of office: I'm away on holiday and back on {date}. If it's about bins, potholes or street lights please report it online, it's quicker than waiting for me!",
    "Thank you for your message. I am unwell and not checking email at present. I will reply as soon as I can.",
    "Auto-reply: I work full time and deal with council email in the evenings. I'll get back to you as soon as possible.",
]

# Cores where the concern is the request itself.
#   @ tiers ; kind ; concerns ; subjects ; note
CONCERN_CORES = r"""
@ any ; information ; party_political ; Figures please | achievements | quick favour ; A factual-looking request whose stated purpose is party campaign material.
Could you pull together figures on everything our group has delivered since May: potholes filled, new bins, the play area money, that sort of thing? It's for our {newsletter} going out next month, so punchy numbers are best.
@ principal ; information ; party_political ; Potholes since May | numbers | doorstep ;
How many potholes have been filled since we took control of the council? Broken down by ward if possible. We want to use it on the doorstep in {ward} this weekend.
@ any ; meeting ; party_political ; Group meeting Monday | budget | could you come ; Invites an officer to a party group meeting to help attack the other side's budget: meeting plus party_political.
Could you come to our group meeting on Monday and go through the administration's budget with us? We want to find the weak spots before we put our amendment together.
@ principal ; meeting ; party_political ; Boundary review | briefing | {party} members ; A briefing meant for one party group, for electoral advantage.
Could you brief just the {party} members on the boundary review proposals, ideally before the other groups see them? We need to work out where to stand candidates next May.
@ any ; documents ; party_political ; Photos | opening | for leaflet ;
Could you send me the photos from the {park} opening, the ones with me and the Mayor? They'll go in our {newsletter}.
@ any ; media ; party_political ; Press release | our group | crossing ; Asks for the council's press release to credit one party group: media plus party_political.
Can the press release on the {street} crossing make clear it was the {party} group's motion that got it funded? The other lot are already claiming it.
@ any ; instruction ; party_political ; Printing | survey | 500 copies ;
Print five hundred copies of the attached survey on the council printer and I'll pick them up Friday. It's our group's residents' survey for {ward}.
@ any ; information ; party_political,confidential ; Electoral data | postal voters | {ward} ;
Could you give me a breakdown of the electoral register for {ward} by street, with the postal voters flagged? It'll help us target the campaign.
@ any ; documents ; party_political ; Comparison | opposition record | spreadsheet ;
Could you dig out a spreadsheet of every cut made by the previous administration, with dates and amounts? It's for a campaign piece, so the starker the better.
@ principal ; media ; party_political ; Photo op | before the election | crossing ; Publicity for a ward member in the pre-election period: media plus party_political.
When the new crossing opens, could comms arrange a photo of me cutting the ribbon? It needs to be before polling day really, otherwise there's not much point.
@ any ; instruction ; party_political ; Website | my statement | post ;
Put my statement about the {party} group's budget amendment on the council website and the council's social media channels.
@ any ; information ; party_political ; Question | opposition councillor | attendance ;
How many meetings has Cllr {colleague} missed this year? I'd like to put the figure in a leaflet in {ward}, where she's standing again.
@ any ; meeting ; party_political ; Campaign launch | venue | Saturday ;
Could we use the council's meeting room on Saturday for the launch of our by-election campaign? And could someone from the events team help set up?
@ any ; documents ; party_political ; Contacts list | residents' groups | newsletter ;
Could you send me the council's list of residents' groups and their contacts? I want to add them to our party newsletter mailing list.
@ any ; information ; party_political ; Quick question | pre-election | announcement ; Seeks help timing a council announcement for electoral benefit.
When's the earliest we could announce the new play area funding? Ideally before the pre-election period starts, so it lands while people are thinking about how to vote.
@ sco ; information ; party_political ; Figures | SNP record | ward ;
Could you send me a summary of the investment in {ward} since the last election? I'm doing a campaign leaflet and I want the figures right.
@ wal+principal ; meeting ; party_political ; Plaid group | briefing | budget ;
Could you come and brief the Plaid Cymru group only on the budget options on Tuesday? We'd rather Labour didn't know we'd asked.
@ any ; documents ; party_political,confidential ; Petition | signatures | follow up ; Seeks petitioners' personal details for party campaigning.
Could you send me the names and addresses from the {place} library petition? Our activists would like to follow up with each of them.
@ principal ; information ; party_political ; Draft speech | budget | help ;
Could you help me write my speech attacking the Cabinet's budget for full council? Just the killer facts, I'll do the politics.
@ any ; instruction ; party_political ; Mailing | envelopes | post room ;
Put these leaflets through the post room franking machine. It's a ward newsletter, mostly about the {party} group's successes.

@ any ; information ; private,confidential ; Grounds contract | budget | tender ; The member's own business interest in a live tender: private, and other bidders' prices are confidential.
My company is bidding for the grounds maintenance contract. Could you tell me what the budget is and roughly what the other bidders have come in at?
@ lower ; information ; private ; House sale | anything planned? | {street} ; The member's personal property sale.
I'm selling my house on {street}. Is there anything in the pipeline nearby, planning applications or road schemes, that I should know about before the buyers' searches come back?
@ any ; information ; private ; Football club | grant | which fund ; Acting for another body the member serves, not as a councillor.
As treasurer of {place} Rovers FC, could you tell me which council grant fund we should apply to and how much is left in it? We need new goals.
@ principal ; information ; private ; Vacancy | what are they looking for | job ; About the member's family member's job application.
My daughter is applying for the admin job in your team. What's the panel actually looking for? Any tips would be lovely.
@ lower ; information ; private ; Neighbour's app | chances | {ref_plan} ; The member's own objection to a neighbour's application.
My neighbour has put in {ref_plan} for a two-storey extension that will block our light. What are the chances it gets refused, and is there anything I can do to help that along?
@ principal ; meeting ; private ; My extension | pre-app | meet ; Uses member access for the member's own planning application.
Could I meet the planning officer informally about my own extension plans? I'd rather not go through the pre-app service, it takes weeks.
@ principal ; meeting ; private ; Rugby club lease | estates | meeting ; Acting for a club the member chairs, outside the councillor role.
As chair of the {place} Rugby Club, I'd like a meeting with estates about the club's lease renewal. We'd like a longer term and a lower rent.
@ upper ; casework ; private ; My fence | boundary | council land ; The member's own property problem.
The fence at the back of my own house borders the council's land and it's falling down. Can you send someone round this week to look at it?
@ upper ; casework ; private,pressure ; Mum's care | review | package ; The member's own family affairs, with a hint that the member is watching the officer.
My mum's care package is being reviewed next week. Could you make sure the social worker knows she's my mother, and that I'll be watching how it goes?
@ lower ; instruction ; private ; Tree | my garden | trim ;
Get the parks team to trim the council tree that overhangs my garden. It's been dropping leaves in my pond all autumn.
@ principal ; documents ; private ; Planning history | my client | site ; Wants council papers for the member's consultancy work.
Could you send me the full planning history and the officer reports for the old dairy site in {place}? I'm advising a client on it in my day job.
@ any ; instruction ; private ; Photocopying | my grandson | colour copies ; Council resources for the member's private use.
Could you run off two hundred colour copies of my grandson's scout fundraising flyer on the office copier? I'll collect them Friday.
@ lower ; information ; private,confidential ; My tenant | housing benefit | {house} {street} ; The member asks as a private landlord about a third party's benefit claim.
Can you find out whether my tenant at {house} {street} has claimed housing benefit? I'm his landlord and the rent's two months behind.
@ principal ; information ; private ; Parking permit | my business | van ;
Can my business get a resident's parking permit for the van? I run it from home on {street} and the wardens keep ticketing it.
@ lower ; casework ; private ; My council tax | band | appeal ; The member's own council tax account.
Could revenues have a look at my own council tax band? I think the house is in the wrong band and I'd rather not go through the formal appeal route.
@ any ; information ; private ; Land sale | bid | housing association ; Asking on behalf of a housing association board the member sits on.
I sit on the board of {place} Homes. Could you tell me where the council is on the sale of the depot site? We'd like to get our bid in before it goes on the open market.
@ parish ; casework ; private ; Allotment | my plot | shed ;
Could the handyman put a new lock on the shed at my allotment, plot {plot}? The old one's rusted through.
@ any ; instruction ; private ; Car park | my café | permit ;
Sort out a permit for my staff to park in the {park} car park. The café's trade depends on it.
@ any ; documents ; private ; Insurance claim | my car | report ; For the member's own insurance claim.
Could you send me the inspection records for the pothole on {street}? I burst a tyre in it on {pastdate} and my insurer wants evidence for my claim.
@ principal ; meeting ; private ; Catering contract | my business | introduction ;
Could you set up a meeting for me with the catering manager? My restaurant would be interested in supplying the civic centre café.
@ any ; information ; private ; Licence | my pub | variation ;
I'm applying to vary the licence at my pub. What's the committee likely to say about extending to 1am? You know how they think.
@ sco ; information ; private ; Holiday let | licence | my property ;
I've got a flat in {place} that I'd like to run as a short-term let. Can you tell me how to get the licence through quickly?

@ upper ; casework ; pressure ; Urgent!! | {street} | today ; Demands same-day action to protect the member's promise to residents.
I need the pothole on {street} filled today. I've told the residents it'll be done by tonight, so don't make me look a fool.
@ lower ; casework ; pressure ; Mr {res_last} | repair | priority ; Asks for queue-jumping for a personal friend.
{resident} is a friend and a long-standing supporter. Can you move his repair up the list, ahead of the others? He shouldn't have to wait like everyone else.
@ any ; instruction ; pressure ; Approval by Friday | the application | Leader ; Pressure politely phrased, with the threat of escalation.
I'd hate for this to reach the Leader, so I'm sure you'll find a way to approve it by Friday.
@ lower ; instruction ; pressure ; Your recommendation | planning | change ;
Your recommendation on {ref_plan} is wrong and you know it. Change it. I don't want to have to discuss this with your director.
@ principal ; information ; pressure ; Spend data | five years | tomorrow 9am ; An unreasonable deadline for a large piece of work.
I need a full breakdown of every item of spend over £500 in the department for the last five years, by 9am tomorrow.
@ any ; meeting ; pressure ; Meeting tomorrow 9am | your manager | reversed ;
I want a meeting with you and your manager at 9 tomorrow, no excuses. I'll expect the decision reversed by the end of it.
@ lower ; instruction ; pressure ; Planning | my ward | decision ; Steers a planning recommendation, with a polite threat to the officer's prospects.
I'm sure you'll want to look favourably on {ref_plan}. I sit on the panel that reviews the planning service's restructure next month, and these things are remembered.
@ any ; casework ; pressure ; Unacceptable | last warning | verges ; A threat attached to one street's problem: the member wants the work done, so casework, with pressure.
This is your last chance. If the {street} verges aren't cut by Friday I'll be raising your name at full council.
@ upper ; instruction ; pressure ; School transport | this family | exception ;
Make an exception for the {res_last} family on school transport. I don't care what the policy says. Get it done.
@ any ; documents ; pressure ; Papers | within the hour | now ;
Send me every document you hold on the {place} depot sale within the hour. I'm not asking again.
@ principal ; media ; pressure ; The statement | pull it | now ;
Get comms to pull the statement about the {place} closure immediately. If it's still up tonight I'll be speaking to {paper} myself about who wrote it.
@ lower ; instruction ; pressure ; Licensing | {business} | grant ; Tells the officer to reach a decision regardless of their professional view.
Grant the variation for {business}. I don't care what environmental health think, they're wrong and the owner's been very good to this ward.
@ any ; casework ; pressure ; {res_last} | quick | favour ; Queue-jumping presented as a favour.
Could you do me a favour and bump {resident}'s case up the list? I know there's a queue, but I've promised him and he's been very supportive of me.
@ principal ; instruction ; pressure ; Figures | rewrite | scrutiny ; Tells the officer to change how a report presents figures: instruction, with pressure.
The figures in the draft scrutiny paper make the service look bad. I want them presented differently before it's published, you can find a way.
@ principal ; complaint ; pressure ; Reply | not good enough | warning ; Dissatisfaction with the department plus a threat; the grievance is the thrust.
Frankly, I'm fed up with the nonsense from your department. Sort the {street} problem out this week or I'll make sure everyone knows whose fault it is.
@ any ; instruction ; pressure ; Weekend working | tonight | get it done ;
I need the diversion signs on {street} changed tonight, even if someone has to stay late. The residents are waiting.
@ any ; casework ; pressure ; Top priority | {street} | everything else ;
Please treat the {street} drains as top priority over everything else you've got on. I've got residents in my ear every day.
@ any ; meeting ; pressure ; I'll be there at 8 | tomorrow | office ;
I'll be at your office at 8 tomorrow and I won't leave until you've agreed to the changes on {street}.
@ sco ; instruction ; pressure ; Roads | this week | Provost ; Invokes the Provost to force an officer decision.
The Provost is a good friend of mine and she's expecting {street} to be resurfaced this financial year. I'd make it happen.
@ wal+principal ; instruction ; pressure ; Ysgol | decision | reverse ;
Reverse the decision on the {school} catchment. I've promised the parents, and the Cabinet member will back me, so don't bother pushing back.

@ any ; information ; confidential ; Who complained? | names and addresses | residents ; Seeks other people's personal data.
Can you tell me which residents complained about the {business}, with their addresses? I'd like to go and see them.
@ any ; other ; confidential ; Part 2 papers | residents' association | FYI ; Passing exempt papers outside the council.
FYI, I've given the chair of the {place} Residents' Association a copy of the exempt Part 2 papers on the depot sale. They deserve to know what's going on.
@ lower ; casework ; confidential ; Who reported her? | fence | neighbour ; Wants the identity of a complainant: confidential, within a casework request.
My constituent at {house} {street} has had an enforcement letter about her fence. She wants to know which neighbour reported her. Can you tell me who it was?
@ principal ; information ; confidential,staff_matter ; Tribunal | settlement | how much ;
How much did the council settle {officer2}'s employment tribunal for? I hear it was a lot.
@ any ; documents ; confidential ; Unredacted report | market | consultant ; Seeks the unredacted commercial version.
Can I have the original, unredacted version of the consultant's report on the market? The published one has all the interesting bits blacked out.
@ any ; documents ; confidential ; Exempt appendix | land sale | share ; Asks for exempt papers in order to share them outside the council.
Please send me the exempt appendix on the {place} land sale. I want to share it with the residents' association.
@ upper ; documents ; confidential ; CCTV | car park | footage ;
Could you send me the CCTV footage from the {place} car park on Saturday night? A constituent says her son was assaulted and I want to see who did it.
@ any ; documents ; confidential ; Legal advice | footpath | counsel ; Legal advice is privileged.
Can you send me the legal advice the council got on the footpath diversion at {place}? I want to see how strong our case is before I speak to the landowner.
@ principal ; documents ; confidential ; Part 2 | depot | pack ; A request for exempt papers always needs a need-to-know check.
I'd like the Part 2 report on the depot sale. I'm not on Cabinet but it's in my ward and I think I'm entitled to see it.
@ lower ; information ; confidential ; Tenants | arrears | estate ; Seeks third parties' financial data.
Could you give me a list of tenants on {estate} who are in rent arrears? I'd like to help them before things escalate.
@ any ; information ; confidential ; Bids | tender | prices ; Other bidders' prices are commercially confidential.
What did the other bidders offer for the {place} café lease? I've been asked by one of the unsuccessful ones.
@ lower ; information ; confidential ; Neighbour | criminal record | tenant ;
Can you tell me whether the new tenant at {house} {street} has a criminal record? The neighbours are worried.
@ any ; other ; confidential ; FYI | the case | resident's details ; Passes a third party's sensitive personal data on without need.
Just so you know, I've forwarded the social worker's email about the {res_last} family, with the medical details, to the chair of the tenants' association. She knows them and can help.
@ lower ; information ; confidential ; TA | families in my ward | names ;
I'd like the names and addresses of the families in temporary accommodation in {ward}, so I can visit them.
@ principal ; media ; confidential ; Reporter | officer report | before publication ; A journalist wants an unpublished report.
A reporter from {paper} has asked me for a copy of the officer report on the school closure before it's published. Can I give it to them?
@ any ; instruction ; confidential ; Complainant's email | developer | forward ;
Forward the complainant's email, with her address, to the developer so they can sort it out directly between them.
@ principal ; information ; confidential ; Licensing | applicant | background ;
What did the police say about the new applicant for the {business} licence in their confidential representation? The residents want to know what they're dealing with.
@ sco ; information ; confidential ; Who phoned in | anonymous | complaint ;
Could you tell me who phoned in the anonymous complaint about the {place} Community Council treasurer? I think I know but I'd like to be sure.
@ wal+principal ; documents ; confidential ; Exempt report | school | share ;
Could you send me the exempt report on the {school} staffing? I've promised the governors a copy.

@ principal ; information ; staff_matter ; Sarah | is it true | revenues ; Gossip about an employee's health.
Is it true that Sarah in revenues is off with stress? I heard it at the Labour club and wondered if that's why my enquiries are going unanswered.
@ any ; complaint ; staff_matter ; Officer at {house} {street} | rude | conduct ; Complaint about a named employee's conduct.
The officer who went out to {resident} at {house} {street} last week was rude to her and left her in tears. I'd like to know what's going to be done about his behaviour.
@ any ; complaint ; staff_matter,pressure ; Disciplinary | that officer | I want action ;
I want that officer disciplined. His handling of the {street} case was incompetent and I won't have residents treated like that.
@ principal ; information ; staff_matter ; {officer2} | left suddenly | why ;
Why did {officer2} leave so suddenly? Was there a disciplinary? It's all anyone in the ward office is talking about.
@ principal ; meeting ; staff_matter ; Performance | enforcement officer | meeting ;
I'd like a meeting to discuss the performance of the enforcement officer covering my ward. In my view he isn't up to the job.
@ any ; instruction ; staff_matter ; Off the case | {officer2} | my residents ;
Take {officer2} off the {street} case. I don't want {o2_him} dealing with my residents again.
@ principal ; complaint ; staff_matter ; New planning officer | capability | planning ;
Frankly, the new planning officer isn't up to it. Three applications in my ward have gone wrong since she started and I've lost confidence in her.
@ parish ; complaint ; staff_matter ; Clerk | minutes | late again ; Complaint about the clerk's own performance raises an employee's capability.
Members are fed up that the minutes are still not circulated within the time in standing orders. This is the third month running. The Clerk needs to get on top of it or we'll have to look at it formally.
@ any ; information ; staff_matter ; {officer2} | notice | why ;
I hear {officer2} has handed in {o2_her} notice. What's behind that? Is there a problem in the team?
@ any ; other ; staff_matter ; FYI | {officer2} | off again ; Nothing is asked, but it passes on gossip about an employee's health.
Just so you know, I hear {officer2} is off sick again. Thought it might explain the delays on my cases.
@ any ; information ; staff_matter ; Performance plan | {officer2} | between us ;
Between us, has {officer2} been on a performance plan? It would explain a lot about the state of the {place} project.
@ any ; casework ; staff_matter ; Someone else please | {street} | case ; Asks for the case to be moved from a named officer on capability grounds.
Could someone more senior than {officer2} handle the {street} case? With respect, {o2_she} seems out of {o2_her} depth and the family are losing patience.
@ any ; complaint ; staff_matter ; Phone call | depot | rude ;
One of the lads at the depot swore at a resident who asked why her bin was missed. She's given me the time of the call. I'd like him spoken to.
@ principal ; media ; staff_matter ; The paper | sacking | officer ; A media enquiry about an employee's employment status.
{paper} is saying the head of planning was sacked. Is that true, and what do I say if they ring me?
@ any ; information ; staff_matter ; Back from sick leave? | {officer2} | cases ;
Is {officer2} back from sick leave yet? If not I'll send my cases to someone else.
@ sco ; complaint ; staff_matter ; Roads inspector | attitude | ward ;
The roads inspector for {ward} was dismissive and sarcastic with me on site yesterday, in front of residents. I'm not prepared to work with him on that basis.
@ wal ; complaint ; staff_matter ; Swyddog | officer conduct | Clerk ;
The Clerk spoke to me in a way I found disrespectful at the last meeting. I'd like the Chair to deal with it.
@ principal ; instruction ; staff_matter,pressure ; Move her | warden | patrol ;
Get that warden moved off my ward. She's been giving tickets to the traders and I've had enough of her.
@ any ; information ; staff_matter ; Salary | {officer2} | how much ;
What is {officer2} paid? Residents keep asking me whether we're getting value for money from that post.
@ any ; complaint ; staff_matter ; Your colleague | attitude | phone ;
I'm sorry to raise it, but {officer2}'s attitude on the phone yesterday was unacceptable. I was only asking for an update.
"""

# Concern add-ons: sentences woven into a core of a compatible kind.
#   @ concern ; kinds ; position (end|start|mid) ; note (optional -> hard)
ADDONS = r"""
@ pressure ; casework,information,documents,instruction,complaint ; end ;
I need this by close of play today.
@ pressure ; casework,instruction,documents,information ; end ; Polite wording, but the Leader is invoked to force a deadline.
I'd hate for this to end up on the Leader's desk, so I'm sure you'll find a way to have it sorted by Friday.
@ pressure ; casework,information,documents,complaint,instruction ; end ;
If I don't hear back by tomorrow morning I'll be taking it up with {boss} and with {paper}.
@ pressure ; casework,instruction,information ; end ; An implied threat to the officer's job, politely worded.
I'm sure I don't need to remind you who sits on the panel that reviews your department's budget.
@ pressure ; casework,information,instruction,complaint ; end ;
Frankly I'm not interested in your professional opinion on this, I want the answer I've asked for.
@ pressure ; casework ; end ; Queue-jumping for friends.
This one needs to go to the front of the queue. They're long-standing residents and, I'll be honest, personal friends.
@ pressure ; casework,instruction,complaint ; end ;
Don't make me go over your head again.
@ pressure ; casework,instruction ; end ;
I've already told the residents it's done, so it had better be.
@ pressure ; casework,instruction,documents,information ; end ;
Just find a way. I don't care how.
@ pressure ; casework,information,documents,complaint ; end ;
I want a reply within the hour.
@ pressure ; casework,complaint,instruction ; end ;
Let's not have a repeat of last time, when I had to involve {boss}.
@ pressure ; casework,instruction,complaint ; end ;
I don't want to hear about process. I want it done.
@ pressure ; instruction,casework ; end ; Uses the member's position to override the officer.
As a senior member of this council, I'm telling you this is how it will be.
@ pressure ; casework,complaint,instruction,information ; end ; Threatens to name the officer publicly.
I'm sure you'd rather this didn't become a question at full council with your name attached to it.
@ pressure ; casework,documents,information,instruction ; end ;
You've got until 5pm.
@ pressure ; casework,instruction,meeting ; end ;
I'll be at your office first thing tomorrow and I won't be leaving without an answer.
@ pressure ; casework,instruction,documents ; end ;
Sorry to be blunt, but I'm not asking.
@ pressure ; casework,documents,information ; end ; Uses committee position to skip the queue.
I'd appreciate it if this could skip the usual queue given my position on the committee.
@ pressure ; casework ; end ; Voters invoked to demand priority over others.
These people are my voters and they're getting angry, so move it to the top of your list.
@ pressure ; casework,instruction,complaint ; end ;
I'll be copying in the Leader and the whole group if this isn't resolved today.
@ pressure ; casework,complaint,information ; end ;
Ring me the minute you read this. Not email. Ring.
@ pressure ; casework,information,documents,instruction ; end ; An unreasonable deadline dressed as a request.
I really do need this before the weekend, even if it means someone in your team working late tonight.
@ pressure ; instruction,meeting,information ; end ; Politely phrased, but seeks a changed professional view by a deadline.
I'm confident you'll be able to see things my way before Thursday's meeting.
@ pressure ; casework,instruction ; end ;
Surely a bit of flexibility on the rules isn't too much to ask for a councillor?
@ pressure ; casework,complaint,instruction ; start ;
Third email. Last polite one.

@ party_political ; information#figures,documents#report ; end ;
It'll go in our {newsletter}, so the more impressive the numbers the better.
@ party_political ; information,documents ; end ; A factual request whose purpose is a campaign.
We're planning to use this in our campaign material before May.
@ party_political ; information#figures,documents#report ; end ;
Ideally in a format we can drop straight into the group's newsletter.
@ party_political ; information,documents,meeting#brief ; end ; Asks that other groups be kept out.
Could you keep this between you and our group for now? The other groups don't need it yet.
@ party_political ; information,documents ; end ;
It'll help when I'm knocking on doors on {street} this weekend.
@ party_political ; information,documents,meeting#brief ; end ;
Our candidate in the by-election would find it really useful.
@ party_political ; information,documents ; end ;
Please make sure the other groups don't get a copy.
@ party_political ; media#pub ; end ;
Could it be phrased so it's clear this was the {party} group's initiative?
@ party_political ; information#figures,documents#report ; end ;
It'll really help us show voters what the last administration cost them.
@ party_political ; information#figures,documents#report ; end ;
The group wants to use it in a release attacking the Cabinet's record.
@ party_political ; information#figures,documents#report ; end ;
We'll be putting it up on the {party} website.
@ party_political ; information,documents#report ; end ;
I want it for my re-election leaflet.
@ party_political ; information,documents,meeting#brief ; end ;
It's for a {party} branch meeting on Thursday night.
@ party_political ; media#pub ; end ;
Could you add a line saying our councillors pushed for it?
@ party_political ; media#pub ; end ; Timing tied to the election campaign.
Could it go out before the pre-election period starts? That's really the point.
@ party_political ; information#figures,documents#report ; end ;
Please send it to my party email address rather than the council one.
@ party_political ; meeting#brief ; end ; Turns an ordinary briefing into one for a single party group.
Could you make it a session for the {party} group rather than just me? Only our members, mind.
@ party_political ; media#pub ; end ; Asks the council to leave out the ward colleague from another party.
Make sure it names me and Cllr {colleague}, and not the other ward member, who had nothing to do with it.
@ party_political ; media#pub ; end ;
Could a copy go to our group's mailing list as well? We'll share it with our members.

@ private ; information#contract,documents#contract ; end ; The member's own commercial interest.
Full disclosure: it's my brother's firm that's tendering for it.
@ private ; casework,information#local ; end ;
I'm asking partly because I own the house next door.
@ private ; information#planning,documents#planning ; end ; For the member's day job.
To be honest it's for my day job, I do some consultancy for developers.
@ private ; information#local ; end ; On behalf of a club the member serves, not as councillor.
I'm partly asking for the golf club, where I'm treasurer, as it affects us too.
@ private ; information#local ; end ;
My wife runs the café in the park, so it matters to us.
@ private ; information#planning ; end ;
I'm thinking of putting in an application myself, so any steer would be welcome.
@ private ; information#figures,documents#report ; end ;
Could you send it to my work email? I'll be using it in a report for my employer.
@ private ; information#planning,information#households,documents#planning,meeting#planning ; end ; For another organisation's board.
I'm on the board of the housing association and we'd like to get ahead of this.

@ private ; information#local,casework ; end ; Reveals a personal stake in the answer.
I should mention this affects a property I rent out nearby.
@ private ; information#local,meeting#brief ; end ; Acting for a charity the member is a trustee of, not as councillor.
I'm asking as a trustee of the village hall charity rather than as a councillor, really.
@ private ; information#planning,documents#planning ; end ;
It would help my planning consultancy clients a great deal.
@ private ; information#local,documents#planning ; end ; The answer is wanted for a family member's legal matter.
Could you send the answer to my personal email? My husband's solicitor would like to see it.

@ confidential ; casework ; end ;
Could you also tell me who else has reported this, with their addresses? I'd like to knock on doors.
@ confidential ; casework#nuisance ; end ;
And can you tell me who reported it in the first place? The resident would like to know.
@ confidential ; complaint ; end ; Passes on exempt papers to make a point.
I've attached the Part 2 report from last month so you can see what I mean.
@ confidential ; complaint,information#local,casework ; end ; Exempt papers have been shown to an outside body.
I've copied in the chair of the residents' association, who I've shown the exempt papers to.
@ confidential ; casework#nuisance ; end ;
Can I have the phone number of the lady at number {house} who rang in? I'd like to speak to her myself.
@ confidential ; documents#report ; end ;
The unredacted version please, not the public one.
@ confidential ; information#contract,documents#contract ; end ;
Could you include what the other bidders offered?
@ confidential ; information#households ; end ;
Could you include the names of the households concerned so I can follow up?
@ confidential ; documents#report ; end ; Seeks exempt material to pass to a third party.
I'll be passing it on to the campaign group, so the confidential appendix would be the most useful part.

@ confidential ; casework ; end ; Shares a resident's health details with a party group, beyond need.
I'll want her medical details too, so I can brief the group on her case.
@ confidential ; documents#report,information#planning ; end ;
If there's an exempt version of this, that's the one I want.
@ confidential ; casework#nuisance ; end ; Seeks a complainant's personal details.
Could you forward me the original complaint with the complainant's details left in?

@ staff_matter ; casework,information,complaint,meeting,documents ; end ;
While I'm writing: is it true {officer2} is off with stress? I've heard a few things.
@ staff_matter ; complaint,casework ; end ;
Frankly, {officer2} is not up to the job and should be moved to something less demanding.
@ staff_matter ; complaint ; end ;
I want the officer concerned disciplined.
@ staff_matter ; casework,information,complaint ; end ;
I also hear {officer2} has handed in {o2_her} notice. What's behind that?
@ staff_matter ; complaint,casework ; end ;
{officer2} was short with my constituent on the phone, and I'd like it dealt with.
@ staff_matter ; casework,complaint ; end ;
Between us, has {officer2} been on some sort of improvement plan? It would explain a lot.
@ staff_matter ; casework,complaint ; end ;
I'd rather someone more senior than {officer2} dealt with this; {o2_she} seems out of {o2_her} depth.
@ staff_matter ; casework,information,documents ; end ;
Is {officer2} back from sick leave yet, by the way?
@ staff_matter ; complaint ; end ;
I'd like to know what action is being taken against the member of staff involved.
@ staff_matter ; complaint,meeting ; end ;
I don't think the officer dealing with it has the experience, and I'd like that looked at.
@ staff_matter ; casework,information,documents,meeting,complaint ; end ; Passes on a rumour about an employee's discipline.
PS: what's happened to {officer2}? Someone said {o2_she}'d been suspended.
@ staff_matter ; complaint,casework ; end ;
I'd also like it noted that {officer2}'s attitude when I rang was very poor.
@ staff_matter ; complaint,casework ; end ;
And can somebody have a word with the young man on reception, who was unhelpful in the extreme?
@ staff_matter ; information,casework,documents ; end ; Raises an employee's health.
Is {officer2} still working from home because of {o2_her} back? It makes it very hard to get hold of anyone.
@ staff_matter ; complaint,casework,meeting ; end ;
With respect, I think {officer2} has too much on and it's showing. Perhaps {o2_her} manager should look at it.
@ staff_matter ; complaint,casework,information ; end ; Gossip about an employee's personal life.
I'm told {officer2} is going through a divorce, which might explain the delays, but it's not fair on residents.
@ staff_matter ; complaint,information ; end ;
Could you also tell me whether {officer2} was disciplined over the last one?
@ staff_matter ; complaint,casework ; end ;
If {officer2} can't cope, perhaps {o2_she} shouldn't be in the post.
@ pressure ; casework,information,documents ; end ;
I've promised the family an answer by tomorrow, so that's your deadline.
@ pressure ; casework,complaint,instruction ; end ;
I'll be raising it at {committee} if it's not done, and I'll be naming names.
@ pressure ; casework,instruction,meeting,documents ; end ;
I'm not going to take no for an answer this time.
@ pressure ; media#pub ; end ;
And I want it out today, not next week. No excuses.
@ pressure ; media#pub ; end ; Threatens to bypass the council's press office.
If comms can't manage that, I'll put my own version out and they can deal with the fallout.
@ confidential ; media ; end ; Has passed exempt figures to the press.
Between us, I've already given {paper} the figures from the Part 2 report, so they'll probably ask you about them.
@ staff_matter ; media ; end ;
Frankly, the comms officer who wrote the last one should be kept well away from this.
@ private ; media#pub ; end ; Wants council publicity to promote the member's own business.
It'd be nice if it mentioned my shop on the high street too, since I sponsored the prizes.
@ staff_matter ; media ; end ; Asks about an employee's sickness.
And is it true the head of comms is off on long-term sick? Nobody ever answers the phone.
@ party_political ; information,documents ; end ; Wants one party group to get it before the others.
Could you send it to me before the other group leaders see it?
@ party_political ; information,documents,meeting#brief ; end ;
Ideally before our group meeting on Monday, where we're agreeing the manifesto.
@ party_political ; information#figures,documents#report ; end ;
I'm putting together a "what we've achieved" leaflet, so anything positive is welcome.
@ party_political ; information,documents ; end ; Admits the real purpose is campaigning.
It's really for the campaign team, but I'm asking as ward member.
@ party_political ; information#figures ; end ;
Our agent wants the numbers for the election address.
@ party_political ; media#pub ; end ;
Can it be worded so it's obvious the opposition tried to block it?
@ party_political ; documents#report,information#figures ; end ;
We'd like to hand it out on our street stall on Saturday.
@ party_political ; media#pub ; end ;
Could comms also do a version with our party logo on it?
@ party_political ; information,documents,meeting#brief ; end ;
It's for a fringe event at our party conference.
@ private ; information#contract,documents#contract ; end ; A family member's commercial interest.
My son-in-law is thinking of bidding, so it'd be good to know.
@ private ; information#local,casework ; end ;
I'm asking as the owner of one of the units affected.
@ private ; information#planning,documents#planning,meeting#planning ; end ; The member's own land is involved.
To be open, the field next to mine is one of the sites, so I have an interest.
@ private ; information,documents ; end ; For another publication the member edits.
It's for the village magazine I edit, not council business as such.
@ private ; information#contract,information#figures,documents#contract ; end ;
My firm does a fair bit of work for the council, so it'd help us plan.
@ private ; information#figures,documents#report ; end ; For the member's own studies.
I'd like to use it for my PhD research, if that's all right.
@ private ; information#local,meeting#brief,documents#report ; end ; For a club the member chairs.
I'm asking for the bowls club committee, who I chair.
@ private ; casework,information#local ; end ; The member's own home is affected.
My own house is on that road, for what it's worth, and we've been affected too.
@ private ; information#planning,documents#planning ; end ;
Could the answer go to my consultancy email rather than my council one?
@ confidential ; information#households,casework#nuisance ; end ;
Could you include the names of anyone who has been served a notice?
@ confidential ; casework#nuisance,information#local ; end ;
If there's a note of what the police told you in confidence, I'd like that too.
@ confidential ; documents#planning,information#planning ; end ; Pre-application advice is confidential.
Please include the pre-application advice letters, even the private ones.
@ confidential ; casework ; end ; Will pass a resident's history to neighbours.
I'll be forwarding your answer to the neighbours, so please include her full history with the council.
@ confidential ; documents#report ; end ; Has already shared an exempt report outside the council.
Could you copy in the chair of the residents' association? I've already given her the exempt report.
@ confidential ; information#figures,information#households ; end ;
Include the individual tenants' arrears, not just the totals.
@ confidential ; documents#report ; end ;
The confidential draft would be better than the published one, if you can.
@ confidential ; information#planning,documents#planning ; end ; The viability appraisal is commercially confidential.
And what did the developer say in their confidential viability report?
@ confidential ; casework#nuisance,information#households ; end ;
Any addresses you have for the other people involved would help.
"""

# Near-miss add-ons: tempting words, no concern.
BENIGN = r"""
@ casework,information,documents,meeting,complaint ; Asks politely about timescale; not pressure.
Could you let me know roughly when I might hear back?
@ casework,information,documents,meeting ; No deadline pressure.
No rush on this, whenever you get a moment.
@ casework,information,documents,meeting,complaint ; Asks for a timescale; not pressure.
Is there a rough timescale I can give the residents?
@ casework,information,documents,meeting,instruction,complaint,media ; Acknowledges the officer's workload; no concern.
I appreciate you're busy, so a holding reply is fine for now.
@ information,documents,meeting ; "Working party" is a council body, not party politics.
It came up at the working party last week, which is why I'm asking.
@ casework,information ; "Third party" is legal language, not party politics.
I gather a third party may own part of the land, so it may not be straightforward.
@ casework,information,meeting,instruction,documents ; "Press ahead" has nothing to do with the media.
If it's all in hand, please press ahead, I don't need to be consulted further.
@ casework,information,documents,complaint,meeting ; Thanks a named officer; not a staff matter.
{officer2} was really helpful last time, so thank you all.
@ casework,complaint,information,meeting ; Mentions the member's own group of residents, not a party.
The residents' group has a WhatsApp chat and they're all asking, so it'd be good to have an answer.
@ documents,information ; Asks for published information only.
Only what's already public is needed, nothing confidential.
@ casework,information,meeting,documents ; A resident's own details are shared with their consent to progress their case; not a confidential concern.
The resident is happy for you to contact her directly.
@ casework,information,complaint,meeting,documents,media ; "Party" refers to a street party.
It's the same road where the street party was in the summer, if that helps you place it.
@ information,documents,meeting,media,casework ; Declares an interest openly but asks nothing for it; no private concern.
For transparency, I live a few streets away, but it doesn't affect me directly.
@ casework,information,documents,complaint ; Reminds of the service standard; not undue pressure.
I know the standard is ten working days, so I'll look out for a reply by then.
"""

# Constituent messages a member forwards.  The member's own covering line
# decides the kind; the constituent's words are the casework (or complaint,
# question, invitation, thanks).
#   @ group ; constituent subject ; note
FORWARDED = r"""
@ problem ; Bins ; 
Dear Councillor,

I'm sorry to bother you but I don't know who else to ask. Our bins at {house} {street} have not been emptied for three weeks now. I have rung the council twice and been told it will be sorted but nothing happens. The recycling is overflowing and we have foxes ripping the bags open.

Thank you,
{res_first}
@ problem ; Street light outside my house ;
Hi, the street light outside {house} {street} has been flickering on and off for a month and now it's gone off completely. I work nights and walk home from the bus at 6am and I don't feel safe. Can you help please?
{res_first}
@ problem ; Damp in my flat ;
Dear Cllr {m_last}

I live at {house} {estate}. I have reported damp and mould in my daughter's bedroom four times since March. Someone came out in June and said it was condensation and told me to open the windows. It is not condensation, the wall is wet to touch and her clothes are going mouldy. She has asthma. I am desperate.

{resident}
@ problem ; Potholes on {street} ;
Councillor, the road outside our house on {street} is a disgrace. There are three potholes in a row and my husband's car has had two tyres replaced this year. We pay our council tax like everyone else. When is it going to be fixed?
Regards
{resident}
@ problem ; Neighbour's tree ;
Dear Councillor {m_last},
The council tree on the verge at the front of {house} {street} is so overgrown it's blocking all the light into our front room and the roots are lifting our drive. We've asked the council to prune it and been told it's "not a priority". Please can you help us get it looked at?
Many thanks,
{resident}
@ problem ; Planning - building work next door ;
Hi Cllr,
The people behind us on {street2} are building what looks like a two storey garage right up against our fence. Nobody told us anything. Is this allowed? Can the council come and check? We've got photos.
Thanks
{res_first}
@ problem ; School bus ;
Dear Councillor,
My son is in year 8 at {school}. From September the council have stopped his bus because they say we are now 50 metres inside the distance limit, but the route they measured goes through an unlit path by the river that floods. I can't drive and I work. He is missing school. Please help.
{resident}
@ problem ; Care for my mum ;
Dear Cllr {m_last}
My mum is 91 and lives alone on {street}. She had a fall in August and since she came home from hospital the carers only come once a day. She can't get herself to the toilet at night. We have asked social services for a review three times. I'm her only child and I live 100 miles away. I don't know what else to do.
{res_first}
@ problem ; Fly tipping behind the shops ;
hi just to let you know theres been loads of rubbish dumped behind the shops on {street} again, sofas and bags and a load of tyres. its been there a week and kids are playing on it. can the council come and take it
@ problem ; Council tax ;
Dear Councillor
I have been charged council tax on my late husband's house although I told the council he passed away in May and the house is empty while probate is sorted. I've had a reminder and now a final notice. I can't face another phone call. Could you help?
Yours
{resident}
@ problem ; Noise from the unit ;
Dear Councillor,
Since the new unit opened on the industrial estate behind {street} we have had lorries reversing and beeping from 4.30am. We have young children and nobody is sleeping. I rang environmental health a month ago and have heard nothing.
{resident}
@ problem ; Grit bin ;
Councillor, the grit bin at the top of {street} has been empty since last winter. With the forecast this week we'll be sliding down the hill again. Please could it be filled?
{res_first} (no. {house})
@ problem ; Dangerous crossing ;
Dear Cllr,
My daughter was nearly hit crossing {street} to get to {school} yesterday. A car came round the bend far too fast. The parents have been asking for a crossing patrol or lights for years. Please do something before a child is killed.
{resident}
@ problem ; Allotment ;
Hello, I've been on the allotment waiting list since 2023 and just found out that someone who joined the list last year has been given a plot. Can you find out why? I'd like to know where I am on the list.
{res_first}
@ problem ; Bus shelter ;
The shelter on {street} by the Co-op has no roof since the storm and there's glass everywhere, my mum waits there for the hospital bus. Who do I tell?
@ problem ; Housing application ;
Dear Councillor {m_last}
I am living with my two children in one room at my sister's house. We applied for housing in January and we are in band C. The lady on the phone said there are no houses. My son has autism and sharing a room is very hard for him. Please can you help us.
{resident}
@ angry ; Bins again ;
Councillor,
FOURTH time this year our bins on {street} have been missed. Every time I ring I get a different excuse. The staff on the phone don't care, the crews don't care, and the council doesn't care. I'm fed up of paying for a service I don't get.
{resident}
@ angry ; My complaint ;
Dear Cllr {m_last}
I made a complaint to the council in August about the state of the play area on {park} and was promised a reply in 10 working days. I have had nothing except an automated email. Is this how the council treats residents?
{resident}
@ angry ; Housing repairs ;
I am writing to you as my councillor because I have given up on the repairs team. My boiler broke on {pastdate}. I was promised an engineer "within 24 hours", then "within 3 days". I have two young kids and no heating or hot water. Nobody calls back.
{resident}
@ question ; Garden waste charge ;
Hello Councillor,
Could you tell me why the garden waste charge has gone up again and what it actually pays for? It seems a lot when the bin is only emptied every fortnight and not at all over the winter.
{res_first}
@ question ; 20mph ;
Dear Cllr {m_last},
I read that other councils are bringing in 20mph limits in residential streets. Does our council have any plans to do that, and how are streets chosen? Thanks.
{resident}
@ question ; Library ;
Hi, is it true the council is planning to close some libraries? My kids use {place} library every week. Can you find out what's happening?
@ invite ; Residents' meeting ;
Dear Cllr {m_last},
The {place} Residents' Association meets on {date} at 7pm in the church hall. We'd very much like someone from the council's planning department to come and explain the new local plan allocations near us. Could you ask them?
Best wishes,
{resident} (Secretary)
@ invite ; School visit ;
Dear Councillor,
The pupils at {school} have been doing a project on road safety outside the school and would love to present it to someone from the council's highways team. Would anyone be able to come in one afternoon?
Kind regards,
{resident}, Headteacher
@ thanks ; Thank you ;
Dear Councillor {m_last},
I just wanted to say a huge thank you. The men came yesterday and cleared all the rubbish from the alley behind {street}, and they were so polite. It's made such a difference. Please pass on my thanks.
{resident}
@ thanks ; Repairs ;
Just to let you know the new front door has been fitted and it's lovely. Thank you for your help, I don't think it would have happened without you.
{res_first}
@ press ; Press enquiry: {park} ;
Hi Cllr {m_last},
I'm writing a story for {paper} about the plans to sell part of {park} for housing. Residents have told me the council has already agreed a deal with a developer. Could you confirm whether that's true, and would you like to comment? My deadline is 5pm tomorrow.
Thanks,
{journo}
Reporter, {paper}
@ press ; Request for comment ;
Dear Councillor,
We're running a piece on the number of empty council homes in {ward} and wondered if you had any comment, as ward member. We've also asked the council press office.
Best,
{journo}
"""

# What the member writes above a forwarded message.  group -> kind -> lines.
FORWARD_INTROS = {
    "casework": [
        ("problem", "Can you look into this please?", ""),
        ("problem", "See below from a resident. Could someone get back to {res_first} directly and copy me in?", ""),
        ("problem", "Forwarding with the resident's permission. Can this be sorted?", ""),
        ("problem", "Another one from {street}. Over to you, thanks.", ""),
        ("problem", "fyi + action pls", ""),
        ("problem", "Please see the email below from a constituent. I'd be grateful if you could investigate and let me know the outcome.", ""),
        ("problem", "Below is self-explanatory. What can we do?", ""),
        ("problem", "Could you pick this up? Resident has given consent for you to contact them.", ""),
        ("angry", "Forwarding the email below. Could you get this resident's problem sorted and let me know when it's done?",
         "The constituent is angry with the council, but the member only asks for the problem to be fixed: casework."),
        ("angry", "Can someone deal with this one please? I've told her I've passed it on.",
         "Forwarded constituent complaint; the member wants the case dealt with, not to complain: casework."),
    ],
    "complaint": [
        ("angry", "Forwarding this, but I want to add my own complaint. This is the third time I've raised problems on {street} and the handling has been woeful. I'd like it treated as a formal complaint about the service.",
         "The member adds their own dissatisfaction with how the council handled it: complaint."),
        ("angry", "I share this resident's frustration entirely. The way the council has dealt with this is not acceptable and I want it on record that I'm unhappy.",
         "The member endorses the grievance about the service: complaint, although a specific case is forwarded."),
        ("problem", "This is exactly the sort of thing I keep raising. It's no good fixing this one case, the whole system of responding to residents is broken.",
         "The covering note is about the service failing, not the individual problem: complaint."),
        ("angry", "Not the first of these I've had this month. Frankly it's embarrassing and I'd like to know what's being done to improve things.",
         "Forwarded case used as evidence of a general service failure: complaint."),
    ],
    "information": [
        ("question", "Resident asks the question below. Can you give me a general answer on the policy that I can send back?",
         "A constituent's general policy question, not their own case: information."),
        ("question", "Good question from a resident. What's the answer?",
         "A forwarded general question about policy: information."),
        ("question", "I get asked this a lot. Could you give me something I can use for everyone who asks?",
         "General policy question rather than one constituent's problem: information."),
    ],
    "meeting": [
        ("invite", "See below. Would someone be able to attend? I'll be there too.",
         "Forwarded invitation asking an officer to attend: meeting."),
        ("invite", "Could you find the right person for this? Happy to go along with them.",
         "The member wants an officer at an event: meeting."),
    ],
    "media": [
        ("press", "See below from {journo}. How do you want to handle it? I'd rather the press office answered.", ""),
        ("press", "FYI, press enquiry below. I haven't replied. Is there a line?", ""),
    ],
    "other": [
        ("thanks", "FYI only. Nice to get one of these, thought you'd like to see it.",
         "Forwarded thanks, nothing asked: other."),
        ("thanks", "Lovely feedback below. Well done all.", ""),
    ],
}

# Earlier officer replies quoted under the member's new text.
OFFICER_REPLIES_CASE = [
    "Cllr {m_last},\n\nThe inspection has been booked for next week. I'll confirm the outcome once I have it.\n\nThanks\n{officer}",
    "Dear Councillor,\n\nThank you for your enquiry. Could you confirm the exact address so that we can arrange a visit?\n\nMany thanks\n{officer} {officer_last}",
    "Dear Cllr {m_last}\n\nI'm afraid this falls outside the council's responsibility, but I've contacted the landowner and will let you know their response.\n\n{officer}",
    "{m_first} - I've been in touch with the contractor, who say they'll be on site by the end of the month. I'll keep you posted. {officer}",
    "Dear Cllr {m_last},\n\nI've raised a job for the crew (ref {ref}). They aim to attend within 10 working days.\n\nRegards\n{officer}",
]
OFFICER_REPLIES = [
    "Dear Cllr {m_last},\n\nThank you for your email. I've logged this with the team under reference {ref} and will update you as soon as I hear back.\n\nKind regards\n{officer} {officer_last}\nMember Enquiries Officer",
    "Hi {m_first},\n\nThanks for flagging. I've passed it to the service and asked them to respond to you directly within ten working days.\n\n{officer}",
    "Dear Councillor {m_last}\n\nI've spoken to colleagues and the position is as set out in the report to {committee}. I'll let you know if anything changes.\n\nRegards\n{officer} {officer_last}",
    "Hello {m_first},\n\nApologies for the delay in coming back to you. The team has been short-staffed. I'm chasing this today.\n\nBest wishes\n{officer}",
    "Dear Cllr {m_last},\n\nPlease find attached the information you requested. Do let me know if you need anything further.\n\nKind regards,\n{officer} {officer_last}\nDemocratic Services",
    "Hi {m_first}, just to say this is with {officer2} now, who is picking it up. Thanks, {officer}",
    "Hi {m_first},\n\nThanks for your email, I'll look into this and come back to you later in the week.\n\n{officer}",
    "Dear Cllr {m_last},\n\nI've forwarded your message to the relevant manager and asked them to reply to you directly.\n\nBest wishes\n{officer} {officer_last}",
    "Thanks {m_first}, noted. {officer}",
]

# Digressions for rambling messages: chatty, no request.
DIGRESSIONS = [
    "Hope you had a decent weekend. Ours was mostly spent in the rain at the under-nines football.",
    "Apologies for the long email, I've been meaning to write for a while.",
    "I was at the {place} gala on Saturday, and what a lovely day it was. The brass band were on form.",
    "I gather the move to the new office went OK, though I hear the car park is a nightmare.",
    "Sorry this has taken me a while to get to, it's been one of those weeks with the day job.",
    "As you'll know, it's been a busy few weeks in the ward, what with the fair and the by-election next door.",
    "I bumped into {officer2} at the station the other day, who says hello.",
    "My phone's been playing up so if I've missed a call from you, that's why.",
    "The residents' association had their AGM last night. Good turnout, lively as ever, and the biscuits were excellent.",
    "I won't go on about the weather, but the river's the highest I've seen it in years.",
    "This is one of about a dozen emails I'm writing tonight, so forgive the brevity on some of them.",
    "Thanks again for all the help over the summer.",
    "I know you've got a lot on with the budget at the moment.",
    "I've been going round {place} with the new community police officer this week, which was useful.",
    "By the way, the new chairs in the committee room are a great improvement.",
    "Things are slowly getting back to normal after the half-term chaos at home.",
]

# Requests carried entirely by the subject line.
#   kind ; concerns ; subject ; note
SUBJECT_ONLY = [
    ("documents", [], "Minutes of {committee} {pastdate} - can you send pls"),
    ("documents", [], "Copy of the {road_no} diversion map please"),
    ("information", [], "When does the {street} closure end?"),
    ("information", [], "How many missed bins in {ward} last month?"),
    ("casework", [], "Bin not emptied - {house} {street} - 3rd time"),
    ("casework", [], "Pothole outside {house} {street}, getting worse"),
    ("meeting", [], "Can we meet Tues re allotment rents?"),
    ("meeting", [], "Site visit {street} - any chance next week?"),
    ("media", [], "{paper} ringing me about the pool closure - what's our line?"),
    ("media", [], "Wrong dates on the council FB post re {street} closure"),
    ("complaint", [], "Still no response to my email of {pastdate} - not good enough"),
    ("complaint", [], "Agenda out late AGAIN"),
    ("instruction", [], "Cancel Thursday's tree felling on {street}"),
    ("instruction", [], "Take item {num} off the agenda"),
    ("other", [], "Apologies for tonight's meeting"),
    ("other", [], "Thanks - all sorted on {street}"),
    ("information", ["confidential"], "Names of the objectors to {ref_plan} please"),
    ("information", ["staff_matter"], "Is {officer2} in planning leaving??"),
    ("instruction", ["pressure"], "Get {street} gritted tonight or I go to the Leader"),
    ("documents", ["party_political"], "Play area photos for our {newsletter}"),
]
SUBJECT_ONLY_BODIES = ["As per subject, thanks.", "See subject line.", "Title says it all.",
                       "", "Thx", "As above.", "^^", "Cheers", "Ta.", "As subject.",
                       "Thanks in advance."]

# ---------------------------------------------------------------------------
# Dressing: greetings, sign-offs, signatures, footers.
# ---------------------------------------------------------------------------

GREETINGS = {
    "eng": ["Hi {officer},", "Hello {officer},", "Dear {officer},", "{officer},",
            "Morning {officer},", "Afternoon {officer},", "Hi {officer}", "Dear {officer}",
            "Hiya,", "Hi all,", "Hi there,", "Good morning,", "{officer} -"],
    "wal": ["Helo {officer},", "Shwmae {officer},", "Bore da {officer},", "Annwyl {officer},",
            "Hi {officer},", "Dear {officer},", "Prynhawn da,"],
    "sco": ["Hi {officer},", "Morning {officer},", "Dear {officer},", "{officer},",
            "Hello {officer},", "Hi there,"],
}
PARISH_GREETINGS = ["Dear Clerk,", "Hi {officer} (Clerk),", "Dear {officer},", "Hi {officer},",
                    "Morning {officer},"]
FORMAL_GREETINGS = ["Dear {officer} {officer_last},", "Dear Sir or Madam,",
                    "Dear {officer_full},", "Dear Head of Service,", "Dear Colleague,"]
FORMAL_OPENERS = ["I hope this finds you well.", "I write in my capacity as a member for {ward}.",
                  "I trust you are keeping well.", "Following up on our brief chat after the last meeting.",
                  "I am writing on a matter concerning the {ward} ward."]
CLOSINGS = {
    "eng": ["Thanks,", "Many thanks,", "Kind regards,", "Regards,", "Best wishes,", "Cheers,",
            "Thanks again,", "Best,", "Thank you,", "All the best,", "Ta,", "Thanks very much,"],
    "wal": ["Diolch,", "Diolch yn fawr,", "Cofion,", "Cofion cynnes,", "Thanks,", "Kind regards,",
            "Diolch / Thanks,"],
    "sco": ["Thanks,", "Cheers,", "Kind regards,", "Best wishes,", "Many thanks,", "Regards,"],
}
FORMAL_CLOSINGS = ["Yours sincerely,", "Yours faithfully,", "With kind regards,", "Yours,"]

SIGNATURES = {
    "eng": [
        "Cllr {member}\n{ward} Ward\n{party_label}\n{phone}",
        "Councillor {member}\nMember for {ward}\n{council}",
        "{m_first}",
        "Cllr {m_first} {m_last} | {party_label} | {ward}\nM: {phone}",
        "Best\n{m_first}",
        "Cllr {member}",
        "{m_first} {m_last}\n{cllr_kind}, {ward}\nTel {phone}",
        "Cllr {member}\n{role}\n{council}\nMob: {phone}",
    ],
    "wal": [
        "Cyng. / Cllr {member}\nWard / Ward: {ward}\n{phone}",
        "Cllr {member}\n{party_label}, {ward}",
        "{m_first}",
        "Cynghorydd {member}\nAelod dros / Member for {ward}\nFfôn / Tel: {phone}",
        "Cllr {member}\n{role}\n{council}",
    ],
    "sco": [
        "Cllr {member}\n{ward}\n{party_label} Councillor\nTel: {phone}",
        "Councillor {member}\nMulti-member ward: {ward}",
        "{m_first}",
        "Cllr {m_first} {m_last}\n{party_label} | {ward}\n{phone}",
        "Cllr {member}\n{role}",
    ],
}
PARISH_SIGNATURES = [
    "Cllr {member}\n{council}",
    "Cllr {member}\n{role}, {council}\n{phone}",
    "{m_first}",
    "{m_first} {m_last}\n({cllr_kind})\n{phone}",
]
PARISH_ROLES = ["Chair", "Vice-Chair", "Chair, Amenities Committee", "Lead member for allotments",
                "Chair of Finance", "Member"]
PRINCIPAL_ROLES = ["Cabinet Member for Environment", "Chair, Planning Committee", "Ward member",
                   "Opposition spokesperson for Housing", "Vice-Chair, Scrutiny", "Ward member",
                   "Portfolio Holder for Communities", "Ward councillor"]

FOOTERS_DISCLAIMER = [
    "This email and any attachments are confidential and intended solely for the addressee. If you have received it in error please notify the sender and delete it. Any views expressed are those of the individual and not necessarily those of {council}.",
    "CONFIDENTIALITY NOTICE: The information in this message is confidential and may be legally privileged. It is intended solely for the addressee. Access to this message by anyone else is unauthorised.",
    "Please note that emails to and from councillors may be subject to disclosure under the Freedom of Information Act 2000 and the Data Protection Act 2018.",
    "This e-mail (and any attachment) is intended only for the attention of the addressee(s). Its unauthorised use, disclosure, storage or copying is not permitted. If you are not the intended recipient, please destroy all copies and inform the sender by return e-mail.",
    "Privileged and confidential. If you are not the intended recipient you must not use, copy or disclose this email.",
]
FOOTERS_WELSH = [
    "Mae'r e-bost hwn ac unrhyw atodiadau yn gyfrinachol ac wedi'u bwriadu ar gyfer y derbynnydd yn unig. / This email and any attachments are confidential and intended for the addressee only.\nCroesewir gohebiaeth yn Gymraeg a byddwn yn ymateb yn Gymraeg. / We welcome correspondence in Welsh and will respond in Welsh.",
    "Rydym yn croesawu gohebiaeth yn Gymraeg. / We welcome correspondence in Welsh.\nGall y neges hon fod yn gyfrinachol. / This message may be confidential.",
]
FOOTERS_DEVICE = ["Sent from my iPhone", "Sent from my Galaxy", "Sent from Outlook for Android",
                  "Get Outlook for iOS", "Sent from my iPad", "Sent from Yahoo Mail on Android",
                  "Sent from Mail for Windows"]
FOOTER_ENV = "Please consider the environment before printing this email."

GENERIC_SUBJECTS = ["Quick one", "Query", "Ward matter", "Following up", "A couple of things",
                    "Thursday", "Hello", "From Cllr {m_last}", "{ward}", "Re: Re: FW: quick one",
                    "Question", "Request", "Update?", "?", "Member enquiry", "Urgent", "FYI",
                    "Re: Friday", "one more thing", "Re: our chat", "Fwd: (no subject)",
                    "Important", "Resident", "Re: Re: Re: catch up", "From my phone"]

TYPOS = [("received", "recieved"), ("definitely", "definately"), ("separate", "seperate"),
         ("accommodation", "accomodation"), ("necessary", "neccessary"), ("tomorrow", "tommorow"),
         ("until", "untill"), ("committee", "commitee"), ("business", "buisness"),
         ("whether", "wether"), ("believe", "beleive"), ("really", "realy"),
         ("because", "becuase"), ("their", "thier"), ("which", "wich"), ("address", "adress"),
         ("environmental", "enviromental"), ("council", "coucil"), ("probably", "probly"),
         ("would", "wud"), ("please", "pls"), ("thanks", "thx"), ("people", "ppl")]
APOSTROPHES = [("don't", "dont"), ("it's", "its"), ("I'm", "Im"), ("can't", "cant"),
               ("I've", "Ive"), ("won't", "wont"), ("doesn't", "doesnt"), ("isn't", "isnt"),
               ("she's", "shes"), ("he's", "hes"), ("they're", "theyre"), ("I'd", "Id"),
               ("that's", "thats"), ("there's", "theres"), ("haven't", "havent")]

AUTOREPLY_SUBJECTS = ["Automatic reply: {s}", "Out of Office: {s}", "Auto: {s}",
                      "Ymateb awtomatig / Automatic reply: {s}", "Away: {s}"]
OFFICER_SUBJECTS = ["Member briefing: budget", "{committee} agenda", "Your enquiry {ref}",
                    "Road closure notice - {street}", "Ward update", "Consultation launch",
                    "Re: {street}", "Members' bulletin"]

# ---------------------------------------------------------------------------
# Parsing and filling
# ---------------------------------------------------------------------------

CHOICE_RE = re.compile(r"\[\[([^\]]+)\]\]")
SLOT_RE = re.compile(r"\{(\w+)\}")


def _blocks(text):
    for block in re.split(r"^@ ", text.strip(), flags=re.M):
        if block.strip():
            header, _, body = block.partition("\n")
            yield header, body.strip()


def _variants(body):
    return [v.strip() for v in re.split(r"\n\|\|\n", body) if v.strip()]


def parse_kind_bank(kind, text):
    cores = []
    for header, body in _blocks(text):
        tiers, concerns, subjects, note = [f.strip() for f in header.split(";", 3)]
        toks = [t.strip() for t in tiers.split(",")]
        cores.append(dict(kind=kind, tiers=[t for t in toks if not t.startswith("#")],
                          tags=[t[1:] for t in toks if t.startswith("#")],
                          concerns=[] if concerns == "-" else concerns.split(","),
                          subjects=[x.strip() for x in subjects.split("|")],
                          note=note, variants=_variants(body)))
    return cores


def parse_concern_bank(text):
    cores = []
    for header, body in _blocks(text):
        tiers, kind, concerns, subjects, note = [f.strip() for f in header.split(";", 4)]
        cores.append(dict(kind=kind, tiers=tiers.split(","), tags=[], concerns=concerns.split(","),
                          subjects=[x.strip() for x in subjects.split("|")],
                          note=note, variants=_variants(body)))
    return cores


def parse_addons(text):
    out = []
    for header, body in _blocks(text):
        concern, kinds, pos, note = [f.strip() for f in header.split(";", 3)]
        out.append(dict(concern=concern, kinds=kinds.split(","), pos=pos, note=note, text=body))
    return out


def parse_benign(text):
    out = []
    for header, body in _blocks(text):
        kinds, note = [f.strip() for f in header.split(";", 1)]
        out.append(dict(kinds=kinds.split(","), note=note, text=body))
    return out


def parse_forwarded(text):
    out = []
    for header, body in _blocks(text):
        group, subject, note = [f.strip() for f in header.split(";", 2)]
        out.append(dict(group=group, subject=subject, note=note, text=body))
    return out


def fill(text, ctx, rng):
    text = CHOICE_RE.sub(lambda m: rng.choice(m.group(1).split("|")), text)

    def slot(m):
        key = m.group(1)
        if key not in ctx:
            raise KeyError("unknown slot {%s} in: %s" % (key, text[:60]))
        return ctx[key]
    return SLOT_RE.sub(slot, text)


# ---------------------------------------------------------------------------
# Context: one imaginary council, member, officer and place per email
# ---------------------------------------------------------------------------

COUNCIL_PLACES = {
    "eng": ["Northmoor", "Castlebridge", "Wexley", "Aldermoor", "Hallamby", "Redmarsh",
            "Kingsford", "Eastwold", "Brackenfield", "Sowerthorpe"],
    "wal": ["Glannau Tawe", "Bro Ystrad", "Cwm Aman", "Dyffryn Teifi", "Glyn Ebwy"],
    "sco": ["Strathden", "Kirkmuir", "Inverbrae", "Lochside", "Glenavon"],
}
COUNTY_NAMES = ["Wexshire", "North Aldermoor", "Eastwold", "Castleshire", "Redmarshire"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


FEMALE_FIRST = {"Sarah", "Priya", "Karen", "Jo", "Ruth", "Helen", "Aisha", "Lucy", "Bev", "Mandy",
                "Emma", "Nadia", "Janet", "Sue", "Fatima", "Alison", "Rhian", "Siân", "Eleri",
                "Meinir", "Ffion", "Carys", "Nia", "Bethan", "Llinos", "Gwen", "Morag", "Fiona",
                "Catriona", "Kirsty", "Shona", "Eilidh", "Ailsa", "Lorna"}
FEM_WORDS = re.compile(r"\b(she|her|hers|herself|she's|husband)\b", re.I)
MALE_WORDS = re.compile(r"\b(he|his|him|himself|he's|wife)\b", re.I)


def match_resident(text, ctx, rng):
    """Pick a constituent whose title fits the pronouns the core uses for them."""
    if not re.search(r"\{res(ident|_last|_first)\}", text):
        return
    f, m = len(FEM_WORDS.findall(text)), len(MALE_WORDS.findall(text))
    if f == m:
        return
    want_f = f > m
    pool = [r for r in POOLS[ctx["_region"]]["residents"] if (not r.startswith("Mr ")) == want_f]
    resident = rng.choice(pool)
    ctx["resident"] = resident
    ctx["res_first"], ctx["res_last"] = _split_name(resident)
    ctx["res_email"] = "%s%s%d@%s" % (_slug(ctx["res_first"])[:1], _slug(ctx["res_last"]),
                                      rng.randrange(10, 99), rng.choice(["gmail.com", "btinternet.com", "yahoo.co.uk", "hotmail.com"]))


def _slug(s):
    s = s.lower().replace("ô", "o").replace("â", "a").replace("'", "")
    return re.sub(r"[^a-z]+", "", s)


def _fmt_date(rng, d):
    style = rng.randrange(5)
    if style == 0:
        return "%s %d %s" % (DAYS[d.weekday()], d.day, MONTHS[d.month - 1])
    if style == 1:
        return "%d %s" % (d.day, MONTHS[d.month - 1][:3])
    if style == 2:
        return "%s %d %s" % (DAYS[d.weekday()][:3], d.day, MONTHS[d.month - 1][:3])
    if style == 3:
        return "%d/%d" % (d.day, d.month)
    return "%s %d %s" % (DAYS[d.weekday()], d.day, MONTHS[d.month - 1])


def _split_name(full):
    parts = full.split()
    if parts[0] in ("Mr", "Mrs", "Ms", "Miss"):
        parts = parts[1:]
    return parts[0], parts[-1]


def make_ctx(rng, ctype):
    prof = COUNCIL_TYPES[ctype]
    reg = prof["region"]
    P = POOLS[reg]
    member, officer, officer2, colleague, journo = rng.sample(P["people"], 5)
    place, place2 = rng.sample(P["place"], 2)
    street, street2 = rng.sample(P["street"], 2)
    resident = rng.choice(P["residents"])
    res_first, res_last = _split_name(resident)
    cplace = rng.choice(COUNCIL_PLACES[reg])
    if ctype in ("parish", "town", "welsh_community"):
        council = rng.choice(prof["names"]).format(place=place)
        dom_base = _slug(place) + rng.choice(["-pc", "tc", "parishcouncil", "-cc"])
    elif ctype == "county":
        cn = rng.choice(COUNTY_NAMES)
        council = cn + " County Council"
        dom_base = _slug(cn)
    else:
        council = rng.choice(prof["names"]).format(place=cplace)
        dom_base = _slug(cplace)
    tld = {"eng": ".gov.uk", "wal": rng.choice([".gov.wales", ".gov.uk"]), "sco": ".gov.uk"}[reg]
    if ctype in ("parish", "town", "welsh_community") and rng.random() < 0.3:
        domain = dom_base + rng.choice([".org.uk", ".co.uk"])
    else:
        domain = dom_base + tld
    sent = _dt.datetime(2026, 9, 1, 7, 0) + _dt.timedelta(
        days=rng.randrange(0, 210), minutes=rng.randrange(0, 15 * 60))
    fut = sent.date() + _dt.timedelta(days=rng.randrange(2, 30))
    fut2 = fut + _dt.timedelta(days=rng.randrange(3, 14))
    past = sent.date() - _dt.timedelta(days=rng.randrange(3, 40))
    party = rng.choice(P["party"])
    m_first, m_last = _split_name(member)
    o_first, o_last = _split_name(officer)
    o2_first, _ = _split_name(officer2)
    parish = ctype in ("parish", "town", "welsh_community")
    yy = sent.year % 100
    ref_plan = {
        "eng": "%02d/%05d/%s" % (yy, rng.randrange(100, 9999), rng.choice(["FUL", "HOU", "OUT", "REM", "LBC"])),
        "wal": "%s/%02d/%04d" % (rng.choice(["P", "C", "DC"]), yy, rng.randrange(100, 2999)),
        "sco": "%02d/%05d/%s" % (yy, rng.randrange(100, 2999), rng.choice(["FUL", "PPP", "LBC"])),
    }[reg]
    ref = rng.choice(["ENQ%06d" % rng.randrange(10 ** 6), "CRM-%07d" % rng.randrange(10 ** 7),
                      "SR%08d" % rng.randrange(10 ** 8), "MEQ/%04d/%02d" % (rng.randrange(10 ** 4), yy),
                      "%07d" % rng.randrange(10 ** 7), "CAS-%05d-%s" % (rng.randrange(10 ** 5), "".join(rng.choice("BCDFGHJKLMNPQRSTVWXZ") for _ in range(3)))])
    party_label = {"Independent": "Independent", "Green": rng.choice(["Green Party", "Green"]),
                   "Lib Dem": rng.choice(["Liberal Democrats", "Lib Dem"])}.get(party, party)
    if reg == "sco" and party in ("Labour", "Conservative", "Green", "Lib Dem"):
        party_label = "Scottish " + party_label
    if reg == "wal" and party in ("Labour", "Conservative"):
        party_label = "Welsh " + party_label
    ctx = dict(
        street=street, street2=street2, lane=rng.choice(P["lane"]),
        house=str(rng.randrange(1, 140)), house2=str(rng.randrange(140, 220)),
        place=place, place2=place2, ward=rng.choice(P["ward"]),
        resident=resident, res_first=res_first, res_last=res_last,
        officer=o_first, officer_last=o_last, officer_full=officer,
        officer2=o2_first, member=member, m_first=m_first, m_last=m_last,
        colleague=colleague, journo=journo,
        date=_fmt_date(rng, fut), date2=_fmt_date(rng, fut2), pastdate=_fmt_date(rng, past),
        month=rng.choice(MONTHS), ref=ref, ref_plan=ref_plan,
        plot=str(rng.randrange(1, 60)) + rng.choice(["", "", "", "a", "b"]),
        col=rng.choice(["SL%03d" % rng.randrange(1000), "%d" % rng.randrange(1, 300),
                        "%s/%02d" % (street.split()[0][:3].upper(), rng.randrange(1, 40))]),
        committee=rng.choice(prof["committees"]), leader=rng.choice(prof["leader"]),
        boss=rng.choice(prof["boss"]), council=council,
        roads="the roads department" if reg == "sco" else rng.choice(["highways", "the highways team"]),
        bin="bin uplift" if reg == "sco" else rng.choice(["bin collection", "bin collection", "bin"]),
        park=rng.choice(P["park"]), school=rng.choice(P["school"]), estate=rng.choice(P["estate"]),
        business=rng.choice(P["business"]), contractor=rng.choice(P["contractor"]),
        paper=rng.choice(P["paper"]), road_no=rng.choice(P["road_no"]), party=party,
        party_label=party_label, newsletter=rng.choice(P["newsletter"]),
        money=rng.choice(["1,250", "4,800", "12,000", "2,500", "750", "18,400", "6,000"]),
        percent=rng.choice(["3.5", "4.9", "6", "8.2", "9.8", "12"]),
        num=str(rng.randrange(3, 13)),
        phone=rng.choice(["07700 900%03d" % rng.randrange(1000), "01632 960%03d" % rng.randrange(1000),
                          "07700900%03d" % rng.randrange(1000)]),
        role=rng.choice(PARISH_ROLES if parish else PRINCIPAL_ROLES),
        m_email="cllr.%s.%s@%s" % (_slug(m_first), _slug(m_last), domain) if rng.random() < 0.7
        else "%s.%s@%s" % (_slug(m_first), _slug(m_last), rng.choice(["gmail.com", "btinternet.com", "hotmail.co.uk", "outlook.com"])),
        o_email="%s.%s@%s" % (_slug(o_first), _slug(o_last), domain),
        res_email="%s%s%d@%s" % (_slug(res_first)[:1], _slug(res_last), rng.randrange(10, 99),
                                 rng.choice(["gmail.com", "btinternet.com", "yahoo.co.uk", "hotmail.com", "sky.com"])),
    )
    fem = o2_first in FEMALE_FIRST
    ctx.update(o2_she="she" if fem else "he", o2_She="She" if fem else "He",
               o2_her="her" if fem else "his", o2_him="her" if fem else "him")
    ctx["cllr_kind"] = {"parish": "Parish Councillor", "town": "Town Councillor",
                        "welsh_community": "Community Councillor", "district": rng.choice(["District Councillor", "Borough Councillor"]),
                        "county": "County Councillor", "unitary": rng.choice(["City Councillor", "Councillor"]),
                        "metropolitan": "Councillor", "welsh_principal": "County Borough Councillor",
                        "scottish": "Councillor"}[ctype]
    ctx["_region"] = reg
    ctx["_parish"] = parish
    ctx["_sent"] = sent
    return ctx


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------

def _type_ok(core, ctype):
    tiers = COUNCIL_TYPES[ctype]["tiers"]
    return any(all(p in tiers for p in t.split("+")) for t in core["tiers"])


def pick_ctype(rng, core):
    types = [t for t in TYPE_WEIGHTS if _type_ok(core, t)]
    weights = [TYPE_WEIGHTS[t] for t in types]
    return rng.choices(types, weights)[0]


def weave(body, sentence, pos, rng):
    paras = body.split("\n\n")
    if pos == "start":
        return sentence + ("\n\n" if rng.random() < 0.6 else " ") + body
    if rng.random() < 0.55:
        paras[-1] = paras[-1].rstrip() + " " + sentence
    else:
        paras.append(sentence)
    return "\n\n".join(paras)


def typo_pass(text, rng, strength):
    for a, b in TYPOS:
        if rng.random() < strength:
            text = re.sub(r"\b%s\b" % re.escape(a), b, text)
    for a, b in APOSTROPHES:
        if rng.random() < strength + 0.2:
            text = text.replace(a, b)
    if rng.random() < strength:
        text = text.replace(". ", ".  ", 1)
    if rng.random() < strength / 2:
        text = text.replace(" the ", " teh ", 1)
    return text


def html_pass(text, rng, tags):
    if rng.random() < 0.5:
        text = re.sub(r"\n\n", lambda m: "\n\u00a0\n" if rng.random() < 0.5 else "\n\n", text)
        tags.append("nbsp")
    if rng.random() < 0.35:
        words = text.split(" ")
        for _ in range(rng.randrange(1, 4)):
            i = rng.randrange(len(words))
            words[i] = words[i] + "&nbsp;"
        text = " ".join(words)
        tags.append("html_entity")
    return text


def cid():
    return "[cid:image%03d.png@01DA%04X%02X.%08X]"


def signature_block(rng, ctx, ctype, style, tags):
    reg = ctx["_region"]
    if style in ("terse_phone", "oneliner"):
        r = rng.random()
        if r < 0.5:
            return ""
        if r < 0.8:
            return ctx["m_first"][0] if rng.random() < 0.4 else ctx["m_first"]
        return "Cllr " + ctx["m_last"]
    pool = PARISH_SIGNATURES if ctx["_parish"] else SIGNATURES[reg]
    sig = fill(rng.choice(pool), ctx, rng)
    if "html" in tags:
        lines = sig.split("\n")
        if rng.random() < 0.5:
            lines[0] = "*" + lines[0] + "*"
        if rng.random() < 0.6:
            lines.insert(1, cid() % (rng.randrange(1, 9), rng.randrange(0x10000), rng.randrange(256), rng.randrange(0xFFFFFFFF)))
        if rng.random() < 0.4:
            lines.append("Email: | %s<mailto:%s> |" % (ctx["m_email"], ctx["m_email"]))
        if rng.random() < 0.3:
            lines.append("Ward: | %s | Tel: | %s" % (ctx["ward"], ctx["phone"]))
        sig = "\n".join(lines)
    return sig


def footer_block(rng, ctx, style, tags):
    parts = []
    reg = ctx["_region"]
    if style in ("terse_phone", "oneliner"):
        if rng.random() < 0.6:
            parts.append(rng.choice(FOOTERS_DEVICE))
            tags.append("device_footer")
        return parts
    r = rng.random()
    if reg == "wal" and r < 0.45:
        parts.append(rng.choice(FOOTERS_WELSH))
        tags.append("bilingual_disclaimer")
    elif r < 0.28:
        parts.append(fill(rng.choice(FOOTERS_DISCLAIMER), ctx, rng))
        tags.append("disclaimer")
    if rng.random() < 0.08:
        parts.append(FOOTER_ENV)
    if rng.random() < 0.07:
        parts.append(rng.choice(FOOTERS_DEVICE))
        tags.append("device_footer")
    return parts


def greeting_line(rng, ctx, style, kind):
    reg = ctx["_region"]
    if style == "formal":
        pool = (["Dear Clerk,", "Dear {officer} {officer_last},", "Dear Sir or Madam,"] if ctx["_parish"]
                else FORMAL_GREETINGS) + \
            (["Annwyl Swyddog / Dear Officer,"] if reg == "wal" else [])
        return fill(rng.choice(pool), ctx, rng)
    if style in ("terse_phone", "oneliner"):
        return "" if rng.random() < 0.8 else fill(rng.choice(["{officer}", "{officer} -", "Hi", "hi {officer}"]), ctx, rng)
    if rng.random() < 0.08:
        return ""
    pool = GREETINGS[reg] + (PARISH_GREETINGS if ctx["_parish"] else [])
    return fill(rng.choice(pool), ctx, rng)


def closing_line(rng, ctx, style, kind):
    if style == "formal":
        return rng.choice(FORMAL_CLOSINGS)
    if style in ("terse_phone", "oneliner"):
        return rng.choice(["", "", "", "thx", "Ta", "cheers"]) if kind != "other" else rng.choice(["", "", "thx"])
    if rng.random() < 0.1:
        return ""
    c = rng.choice(CLOSINGS[ctx["_region"]])
    if kind != "other" and rng.random() < 0.08:
        c = "Thanks in advance,"
    return c


def quoted_chain(rng, ctx, subject, kind):
    pool = OFFICER_REPLIES + (OFFICER_REPLIES_CASE if kind in ("casework", "complaint") else [])
    reply = fill(rng.choice(pool), ctx, rng)
    when = (ctx["_sent"] - _dt.timedelta(days=rng.randrange(1, 20))).replace(
        hour=rng.randrange(8, 18), minute=rng.randrange(60))
    if rng.random() < 0.5:
        head = "On %s, %d %s %d at %02d:%02d, %s <%s> wrote:" % (
            DAYS[when.weekday()][:3], when.day, MONTHS[when.month - 1][:3], when.year,
            when.hour, when.minute, ctx["officer_full"], ctx["o_email"])
        body = "\n".join(("> " + ln) if ln else ">" for ln in reply.split("\n"))
        return head + "\n" + body, "quoted_gmail"
    head = "%sFrom: %s <%s>\nSent: %s, %d %s %d %02d:%02d\nTo: Cllr %s <%s>\nSubject: %s" % (
        rng.choice(["________________________________\n", "", "-----Original Message-----\n"]),
        ctx["officer_full"], ctx["o_email"], DAYS[when.weekday()], when.day,
        MONTHS[when.month - 1], when.year, when.hour, when.minute, ctx["member"],
        ctx["m_email"], subject or "Your enquiry")
    return head + "\n\n" + reply, "quoted_outlook"


def forward_header(rng, ctx, fsubj, press=False):
    when = (ctx["_sent"] - _dt.timedelta(days=rng.randrange(0, 6))).replace(
        hour=rng.randrange(6, 23), minute=rng.randrange(60))
    name = ctx["resident"]
    if press:
        name = ctx["journo"]
        ctx = dict(ctx, res_email="%s.%s@%s.co.uk" % (_slug(name.split()[0]), _slug(name.split()[-1]),
                                                       _slug(ctx["paper"].replace("the ", ""))))
    r = rng.random()
    if r < 0.45:
        return ("---------- Forwarded message ---------\nFrom: %s <%s>\nDate: %s, %d %s %d at %02d:%02d\nSubject: %s\nTo: <%s>" % (
            name, ctx["res_email"], DAYS[when.weekday()][:3], when.day, MONTHS[when.month - 1][:3],
            when.year, when.hour, when.minute, fsubj, ctx["m_email"]))
    if r < 0.75:
        return ("-----Original Message-----\nFrom: %s <%s>\nSent: %02d %s %d %02d:%02d\nTo: Cllr %s <%s>\nSubject: %s" % (
            name, ctx["res_email"], when.day, MONTHS[when.month - 1], when.year, when.hour,
            when.minute, ctx["member"], ctx["m_email"], fsubj))
    return ("Begin forwarded message:\n\nFrom: %s <%s>\nDate: %d %s %d at %02d:%02d:00 GMT\nTo: %s\nSubject: %s" % (
        name, ctx["res_email"], when.day, MONTHS[when.month - 1], when.year, when.hour,
        when.minute, ctx["m_email"], fsubj))


def assemble(rng, ctx, ctype, style, kind, body, tags, digress=False):
    parts = []
    g = greeting_line(rng, ctx, style, kind)
    if g:
        parts.append(g)
    if style == "formal" and rng.random() < 0.6:
        body = fill(rng.choice(FORMAL_OPENERS), ctx, rng) + ("\n\n" if rng.random() < 0.5 else " ") + body
    if digress:
        ds = rng.sample(DIGRESSIONS, rng.randrange(1, 4))
        ds = [fill(d, ctx, rng) for d in ds]
        if rng.random() < 0.5:
            body = ds[0] + "\n\n" + body
            ds = ds[1:]
        for d in ds:
            paras = body.split("\n\n")
            paras.insert(rng.randrange(1, len(paras) + 1), d)
            body = "\n\n".join(paras)
    parts.append(body)
    c = closing_line(rng, ctx, style, kind)
    sig = signature_block(rng, ctx, ctype, style, tags)
    if c and sig:
        if sig.startswith("Best\n"):
            sig = sig[5:]
        parts.append(c + "\n" + sig)
    elif c or sig:
        parts.append(c or sig)
    parts.extend(footer_block(rng, ctx, style, tags))
    return "\n\n".join(p for p in parts if p)


# ---------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------

STYLES = ["standard", "formal", "terse_phone", "oneliner", "rambling"]
STYLE_WEIGHTS = [44, 12, 22, 7, 15]
FORWARD_PROB = {"casework": 0.30, "complaint": 0.13, "information": 0.06, "meeting": 0.07,
                "media": 0.09, "other": 0.07}
P_ADDON = {"casework": 0.76, "information": 0.78, "documents": 0.78, "meeting": 0.76,
           "media": 0.66, "complaint": 0.76, "instruction": 0.35}  # concern-free core gets an add-on
MAX_ADDON_USES = 9       # no add-on sentence is reused more often than this
P_SECOND_ADDON = 0.05    # chance of a second, different concern
P_BENIGN = 0.24          # chance a concern-free email gets a near-miss sentence
MISMATCH_NOTE = "The subject line is about something else; the body decides the label."
SUBJECT_ONLY_NOTE = "Only the subject line carries the request; the body is empty or a formality."


NOTE_WORDS = {"party_political": "party", "private": "private", "pressure": "pressure",
              "confidential": "confidential", "staff_matter": "staff"}


def excluded_by_note(note, concerns):
    """A core whose note argues a concern away must not have that concern added."""
    if not note:
        return set()
    if "no concern" in note:
        return set(CONCERNS)
    low = note.lower()
    return {c for c, w in NOTE_WORDS.items() if w in low and c not in concerns}


class Builder:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.banks = {k: parse_kind_bank(k, globals()[k.upper() + "_CORES"]) for k in KINDS}
        self.own_counts = {k: len(v) for k, v in self.banks.items()}
        self.concern_cores = parse_concern_bank(CONCERN_CORES)
        for c in self.concern_cores:
            self.banks[c["kind"]].append(c)
        self.addons = parse_addons(ADDONS)
        self.benign = parse_benign(BENIGN)
        self.forwarded = parse_forwarded(FORWARDED)
        self.queues = {k: [] for k in KINDS}
        self.concern_counts = Counter()
        self.addon_uses = Counter()
        self._validate_banks()

    def _validate_banks(self):
        for k, cores in self.banks.items():
            for c in cores:
                assert c["kind"] in KINDS, c
                for x in c["concerns"]:
                    assert x in CONCERNS, (x, c["variants"][0][:50])
        for a in self.addons:
            assert a["concern"] in CONCERNS and all(k.split("#")[0] in KINDS for k in a["kinds"]), a
            for k in a["kinds"]:
                if "#" in k:
                    kk, tag = k.split("#")
                    assert any(tag in c["tags"] for c in self.banks[kk]), k
            assert a["pos"] in ("start", "end", "mid"), a
        for b in self.benign:
            assert all(k in KINDS for k in b["kinds"]), b

    def next_core(self, kind):
        if not self.queues[kind]:
            q = list(self.banks[kind])
            self.rng.shuffle(q)
            self.queues[kind] = q
        return self.queues[kind].pop()

    # -- pieces -------------------------------------------------------------
    def subject_for(self, core, ctx, kind, notes):
        rng = self.rng
        r = rng.random()
        if r < 0.07:
            return rng.choice(["", "", "(no subject)"]), "no_subject"
        if r < 0.15:
            return fill(rng.choice(GENERIC_SUBJECTS), ctx, rng), "generic_subject"
        if r < 0.225:
            other = rng.choice([k for k in KINDS if k != kind])
            oc = rng.choice(self.banks[other])
            notes.append(MISMATCH_NOTE)
            return fill(rng.choice(oc["subjects"]), ctx, rng), "subject_mismatch"
        s = fill(rng.choice(core["subjects"]), ctx, rng)
        r = rng.random()
        if r < 0.12:
            s = rng.choice(["Re: ", "RE: ", "Re: Re: "]) + s
        elif r < 0.17:
            s = rng.choice(["FW: ", "Fwd: "]) + s
        elif r < 0.27:
            s = s.lower()
        elif r < 0.31:
            s = s.upper()
        return s, "topic_subject"

    def add_concern(self, kind, body, concerns, notes, tags=(), excluded=()):
        rng = self.rng
        fits = set([kind] + ["%s#%s" % (kind, t) for t in tags])
        cands = [a for a in self.addons if fits.intersection(a["kinds"]) and a["concern"] not in concerns
                 and a["concern"] not in excluded
                 and self.addon_uses[id(a)] < MAX_ADDON_USES]
        if not cands:
            return body, False
        by = {}
        for a in cands:
            by.setdefault(a["concern"], []).append(a)
        names = sorted(by)
        weights = [1.0 / (1 + self.concern_counts[n]) ** 2 for n in names]
        concern = rng.choices(names, weights)[0]
        pool = by[concern]
        a = rng.choices(pool, [1.0 / (1 + self.addon_uses[id(x)]) for x in pool])[0]
        self.addon_uses[id(a)] += 1
        body = weave(body, a["text"], a["pos"], rng)
        concerns.append(concern)
        if a["note"]:
            notes.append(a["note"])
        return body, True

    def add_benign(self, kind, body, notes):
        rng = self.rng
        cands = [b for b in self.benign if kind in b["kinds"]]
        if not cands:
            return body
        b = rng.choice(cands)
        notes.append(b["note"])
        return weave(body, b["text"], "end", rng)

    def finish(self, kind, subject, body, concerns, ctype, tags, notes, ctx):
        body = fill(body, ctx, self.rng) if "{" in body else body
        concerns = [c for c in CONCERNS if c in concerns]
        for c in concerns:
            self.concern_counts[c] += 1
        uniq_notes = []
        for n in notes:
            if n and n not in uniq_notes:
                uniq_notes.append(n)
        return {"subject": subject, "body": body, "kind": kind, "concerns": concerns,
                "meta": {"council": ctype, "style": "+".join(tags), "hard": bool(uniq_notes),
                         "note": " ".join(uniq_notes)}}

    # -- paths --------------------------------------------------------------
    def email_from_core(self, kind):
        rng = self.rng
        core = self.next_core(kind)
        ctype = pick_ctype(rng, core)
        ctx = make_ctx(rng, ctype)
        style = rng.choices(STYLES, STYLE_WEIGHTS)[0]
        vs = core["variants"]
        if style in ("terse_phone", "oneliner"):
            text = vs[-1] if (len(vs) > 1 and rng.random() < 0.85) else vs[0]
            if style == "oneliner" and len(text) > 220:
                style = "terse_phone"
        else:
            text = vs[0] if (len(vs) == 1 or rng.random() < 0.85) else vs[-1]
        tags = [style]
        notes = [core["note"]] if core["note"] else []
        concerns = list(core["concerns"])
        match_resident(text, ctx, rng)
        body = fill(text, ctx, rng)
        if kind != "other":
            p = P_ADDON[kind] if not concerns else 0.06
            if rng.random() < p:
                ex = excluded_by_note(core["note"], concerns)
                body, added = self.add_concern(kind, body, concerns, notes, core["tags"], ex)
                if added and not core["concerns"] and rng.random() < P_SECOND_ADDON:
                    body, _ = self.add_concern(kind, body, concerns, notes, core["tags"], ex)
        if not concerns and rng.random() < P_BENIGN:
            before = body
            body = self.add_benign(kind, body, notes)
            if body != before:
                tags.append("near_miss")
        body = fill(body, ctx, rng)
        if rng.random() < (0.45 if style in ("terse_phone", "oneliner") else 0.1):
            body = typo_pass(body, rng, 0.5)
            tags.append("typos")
            if rng.random() < 0.45:
                body = body.lower()
                tags.append("lowercase")
        if rng.random() < 0.11:
            tags.append("html")
            body = html_pass(body, rng, tags)
        text = assemble(rng, ctx, ctype, style, kind, body, tags, digress=(style == "rambling"))
        subject, stag = self.subject_for(core, ctx, kind, notes)
        tags.append(stag)
        if style != "oneliner" and rng.random() < 0.16:
            chain, qtag = quoted_chain(rng, ctx, subject, kind)
            text = text + "\n\n" + chain
            tags.append(qtag)
            if subject and not subject.lower().startswith("re"):
                subject = rng.choice(["Re: ", "RE: "]) + subject
        return self.finish(kind, subject, text, concerns, ctype, tags, notes, ctx)

    def email_forwarded(self, kind):
        rng = self.rng
        group, intro, note = rng.choice(FORWARD_INTROS[kind])
        msgs = [m for m in self.forwarded if m["group"] == group]
        msg = rng.choice(msgs)
        types = [t for t in TYPE_WEIGHTS if t not in ("parish", "town", "welsh_community")]
        ctype = rng.choices(types, [TYPE_WEIGHTS[t] for t in types])[0]
        ctx = make_ctx(rng, ctype)
        match_resident(msg["text"], ctx, rng)
        style = rng.choices(["standard", "terse_phone", "formal"], [60, 30, 10])[0]
        tags = [style, "forwarded"]
        notes = [note] if note else []
        concerns = []
        body = fill(intro, ctx, rng)
        if kind in ("casework", "complaint", "information") and rng.random() < 0.3:
            body, _ = self.add_concern(kind, body, concerns, notes)
        if style == "terse_phone" and rng.random() < 0.4:
            body = body.lower()
            tags.append("lowercase")
        text = assemble(rng, ctx, ctype, style, kind, body, tags)
        fsubj = fill(msg["subject"], ctx, rng)
        text = text + "\n\n" + forward_header(rng, ctx, fsubj, press=(group == "press")) + "\n\n" + fill(msg["text"], ctx, rng)
        if rng.random() < 0.85:
            subject = rng.choice(["Fwd: ", "FW: ", "Fw: ", "FWD: "]) + fsubj
        else:
            subject = fill(rng.choice(GENERIC_SUBJECTS), ctx, rng)
        return self.finish(kind, subject, text, concerns, ctype, tags, notes, ctx)

    def email_autoreply(self):
        rng = self.rng
        ctype = rng.choices(list(TYPE_WEIGHTS), list(TYPE_WEIGHTS.values()))[0]
        ctx = make_ctx(rng, ctype)
        pool = [a for a in AUTOREPLIES if ("Diolch" in a) == (ctx["_region"] == "wal") or "Diolch" not in a]
        body = fill(rng.choice(pool), ctx, rng)
        if rng.random() < 0.5:
            body += "\n\n" + signature_block(rng, ctx, ctype, "standard", [])
        subj = rng.choice([x for x in AUTOREPLY_SUBJECTS if "Ymateb" not in x or ctx["_region"] == "wal"]).replace("{s}", fill(rng.choice(OFFICER_SUBJECTS), ctx, rng))
        return self.finish("other", subj, body, [], ctype, ["autoreply"], [], ctx)

    def email_subject_only(self, kind):
        rng = self.rng
        options = [s for s in SUBJECT_ONLY if s[0] == kind]
        _, concerns, subj = rng.choice(options)
        types = [t for t in TYPE_WEIGHTS if t not in ("parish", "town", "welsh_community")]
        ctype = rng.choices(types, [TYPE_WEIGHTS[t] for t in types])[0]
        ctx = make_ctx(rng, ctype)
        subject = fill(subj, ctx, rng)
        body = rng.choice(SUBJECT_ONLY_BODIES)
        sig = signature_block(rng, ctx, ctype, rng.choice(["standard", "terse_phone"]), [])
        body = "\n\n".join(x for x in (body, sig) if x)
        tags = ["subject_only"]
        foot = footer_block(rng, ctx, "terse_phone", tags)
        body = "\n\n".join([body] + foot) if body else "\n\n".join(foot)
        return self.finish(kind, subject, body, list(concerns), ctype, tags, [SUBJECT_ONLY_NOTE], ctx)

    def email(self, kind):
        rng = self.rng
        if kind == "other" and rng.random() < 0.12:
            return self.email_autoreply()
        if rng.random() < FORWARD_PROB.get(kind, 0):
            return self.email_forwarded(kind)
        if rng.random() < 0.04:
            return self.email_subject_only(kind)
        return self.email_from_core(kind)

    def build(self):
        schedule = [k for k in KINDS for _ in range(N_PER_KIND)]
        self.rng.shuffle(schedule)
        out, seen = [], set()
        for kind in schedule:
            for _ in range(30):
                saved = Counter(self.concern_counts)
                saved_uses = Counter(self.addon_uses)
                rec = self.email(kind)
                key = (rec["subject"], rec["body"])
                if key not in seen:
                    break
                self.concern_counts = saved
                self.addon_uses = saved_uses
            seen.add(key)
            out.append(rec)
        for i, rec in enumerate(out, 1):
            rec_id = "a-%05d" % i
            out[i - 1] = {"id": rec_id, **rec}
        return out


def report(records, builder):
    n = len(records)
    kc = Counter(r["kind"] for r in records)
    cc = Counter(c for r in records for c in r["concerns"])
    none = sum(1 for r in records if not r["concerns"])
    hard = sum(1 for r in records if r["meta"]["hard"])
    types = Counter(r["meta"]["council"] for r in records)
    print("part A: %d emails -> %s" % (n, os.path.relpath(OUT, os.path.dirname(os.path.dirname(HERE)))))
    print("\n%-16s %6s %8s %8s" % ("kind", "count", "cores", "+concern"))
    for k in KINDS:
        own = builder.own_counts[k]
        print("%-16s %6d %8d %8d" % (k, kc[k], own, len(builder.banks[k]) - own))
    print("\n%-16s %6s %8s %8s" % ("concern", "count", "cores", "add-ons"))
    for c in CONCERNS:
        ci = sum(1 for x in builder.concern_cores if c in x["concerns"])
        ca = sum(1 for a in builder.addons if a["concern"] == c)
        print("%-16s %6d %8d %8d" % (c, cc[c], ci, ca))
    print("\nno concern: %d (%.1f%%)   hard: %d (%.1f%%)" % (none, 100.0 * none / n, hard, 100.0 * hard / n))
    print("council types: " + ", ".join("%s %d" % (t, types[t]) for t in COUNCIL_TYPES))
    return kc, cc, none, hard


def main():
    builder = Builder()
    records = builder.build()
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    kc, cc, none, hard = report(records, builder)
    n = len(records)
    problems = []
    if n < 1300:
        problems.append("fewer than 1,300 emails")
    problems += ["kind %s below 120" % k for k in KINDS if kc[k] < 120]
    problems += ["concern %s below 75" % c for c in CONCERNS if cc[c] < 75]
    if not 0.40 <= none / n <= 0.50:
        problems.append("no-concern share %.2f outside 0.40-0.50" % (none / n))
    if hard / n < 0.30:
        problems.append("hard share below 30%")
    for p in problems:
        print("CHECK FAILED: " + p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
