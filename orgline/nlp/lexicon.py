"""Vocabularies the rules read: org head nouns, trigger lemmas, ideology words.

Kept as plain data in one place so that widening a rule's vocabulary is an edit here, not
in the rule, and so that tests can check each entry against the sentences it exists for.
"""
from __future__ import annotations

# The head nouns of organization names ("... Workers *Union*") and of descriptions that
# stand for one ("the *group*").
ORG_HEADS = frozenset("""
movement party union league society association council committee federation front
organization organisation collective congress alliance group company corporation
corporation inc ltd co institute university college club sisters brothers brotherhood
sisterhood order congregation fellowship foundation trust bureau agency commission
coalition caucus network cooperative co-operative syndicate confederation assembly
students workers brigade army guard youth circle cell international internationale
academy church mission guild chamber board department faction bloc daughters sons
friends servants fathers missionaries
airlines airways records orchestra choir regiment battalion squadron seminary school
hospital museum conservatory polytechnic ensemble quartet
""".split())
# Sports clubs' abbreviations, at either end of a name and in capitals: "Tarvik Rovers
# F.C.", "FK Harlow", "Kalmar FF". Not "SC" or "CD" or "AC": a state, a disc and a current
# as often.
CLUB_MARKS = frozenset("fc f.c. afc a.f.c. rfc r.f.c. fk sk bk ff if ik".split())
# The last word of many clubs' names: "Kessel United", "Tarvik Rovers". Only as the last
# word: "United States", "Rangers Stadium".
CLUB_TAILS = frozenset("united rovers wanderers athletic albion rangers harriers".split())

# Common nouns for a kind of organization, one list for every use: "the school" refers
# back to the body in focus, and "X is a record label" types X as a body. Grouped by kind.
ORG_NOUNS_BY_KIND: dict[str, frozenset[str]] = {
    "party": frozenset("party faction caucus bloc coalition alliance front movement".split()),
    "union": frozenset("union federation confederation guild syndicate brotherhood".split()),
    "company": frozenset("""company corporation firm business enterprise conglomerate
        subsidiary manufacturer maker retailer chain carrier airline railway railroad
        operator developer publisher studio distributor broadcaster brewery distillery
        winery bank lender insurer consultancy partnership startup start-up""".split()),
    "school": frozenset("""school university college academy institute seminary
        conservatory polytechnic""".split()),
    "church": frozenset("""church congregation diocese archdiocese parish denomination
        sisterhood abbey monastery convent priory""".split()),
    "club": frozenset("club team society association fraternity sorority".split()),
    "music": frozenset("band orchestra choir ensemble quartet quintet trio duo".split()),
    "press": frozenset("newspaper magazine periodical tabloid broadsheet weekly".split()),
    "charity": frozenset("charity foundation trust fund nonprofit non-profit ngo".split()),
    "military": frozenset("""regiment battalion brigade division squadron corps fleet
        militia army navy detachment garrison""".split()),
    "agency": frozenset("""agency ministry department bureau office commission authority
        council committee board administration directorate secretariat""".split()),
    "place": frozenset("hospital museum library gallery theatre theater zoo".split()),
    "other": frozenset("""organization organisation group collective body institution
        cooperative co-operative network league order label station unit paper""".split()),
}
ORG_NOUNS = frozenset().union(*ORG_NOUNS_BY_KIND.values())

# Organization nouns with a common other sense ("the order of events", "the paper argued",
# "the station at Ostby", "the unit of length", "the record label's sleeve"): they refer
# back only to a body named or described with that very word ("X is a radio station").
AMBIGUOUS_ORG_NOUNS = frozenset("""
paper station unit label office board division fund chain operator developer maker
studio weekly authority administration department corps fleet trio duo library gallery
theatre theater zoo carrier team foundation institution partnership enterprise body
subsidiary distributor publisher retailer
""".split())

# Shorter words a text uses for a body it described with a longer one: a newspaper is
# "the paper", an airline "the carrier", a record company "the label".
ALSO_CALLED: dict[str, frozenset[str]] = {
    "newspaper": frozenset({"paper"}), "airline": frozenset({"carrier"}),
    "broadcaster": frozenset({"station", "network", "channel"}),
}

# Words that type a name by the description it is given ("X is a record label"):
# the organization nouns with no common other sense.
TYPING_ORG_NOUNS = (ORG_NOUNS - AMBIGUOUS_ORG_NOUNS - {"order", "network", "front", "trust"}) | {
    "foundation", "publisher", "distributor", "retailer", "enterprise", "subsidiary"}

# What a text may say a thing it goes on to call "it" is, when that thing is no body: a
# place or a work ("Tarvik is a small town ... It was founded in 1850").
NOT_ORG_NOUNS = frozenset("""
town city village hamlet suburb district neighbourhood neighborhood region province county
state country municipality commune parish island river lake mountain valley street road
building house castle bridge ship vessel aircraft constituency electorate
novel book film movie album single song record game series show episode poem play opera
painting language dialect
""".split())

# Modifiers that make an ambiguous noun a body's: "a record label", "a radio station".
BODY_MODIFIERS = frozenset("""
record recording radio television tv broadcasting news infantry cavalry military armoured
armored airborne artillery naval marine publishing film production animation
""".split())

# Definite descriptions that refer back to an organization already in the passage.
ORG_ANAPHORS = frozenset("""
group organization organisation party union movement society association company league
federation council club congregation order collective front committee body charity
institute firm trust network alliance coalition guild cooperative society business
caucus faction federation confederation sisterhood brotherhood
band newspaper magazine label school college university academy bank airline orchestra choir
publisher manufacturer
""".split()) | ORG_NOUNS

ORG_PRONOUNS = frozenset({"it", "its", "itself", "they", "their", "them", "we", "our", "us"})

# Words that look like acronyms but name no organization.
NOT_ACRONYMS = frozenset({"PO", "US", "USA", "U.S.", "UK", "TV", "AM", "PM", "OK", "ID", "AD", "BC",
                          "II", "III", "IV", "VI", "CEO", "NB", "PS"})

COUNTRY_SUFFIXES = frozenset({"USA", "U.S.A.", "U.S.", "US", "UK", "Canada", "Britain",
                              "India", "Ireland", "Australia", "NZ"})

WORK_NOUNS = frozenset("""
document pamphlet book newspaper journal bulletin manifesto statement history report
magazine newsletter paper periodical leaflet tract essay declaration programme program
platform charter constitution memoir article review gazette organ series weekly monthly
daily quarterly annual yearbook
""".split())

REPORTING_VERBS = frozenset("""
state say claim maintain assert argue insist write deny contend declare report allege
explain acknowledge admit note recall tell stress
""".split())

HEDGES = frozenset({"reportedly", "allegedly", "supposedly", "purportedly", "apparently"})

# Ideology adjectives and their nouns: the value a claim carries is the noun.
IDEOLOGIES: dict[str, str] = {
    "maoist": "Maoism", "maoism": "Maoism",
    "communist": "communism", "communism": "communism",
    "socialist": "socialism", "socialism": "socialism",
    "social-democratic": "social democracy", "social democratic": "social democracy",
    "social democracy": "social democracy",
    "anarchist": "anarchism", "anarchism": "anarchism",
    "anarcho-syndicalist": "anarcho-syndicalism", "anarcho-syndicalism": "anarcho-syndicalism",
    "syndicalist": "syndicalism", "syndicalism": "syndicalism",
    "trotskyist": "Trotskyism", "trotskyism": "Trotskyism", "trotskyite": "Trotskyism",
    "marxist": "Marxism", "marxism": "Marxism",
    "marxist-leninist": "Marxism-Leninism", "marxism-leninism": "Marxism-Leninism",
    "leninist": "Leninism", "leninism": "Leninism",
    "stalinist": "Stalinism", "nationalist": "nationalism", "nationalism": "nationalism",
    "fascist": "fascism", "fascism": "fascism", "liberal": "liberalism",
    "liberalism": "liberalism", "classical liberalism": "classical liberalism",
    "conservative": "conservatism", "conservatism": "conservatism",
    "libertarian": "libertarianism", "libertarianism": "libertarianism",
    "feminist": "feminism", "feminism": "feminism", "pacifist": "pacifism",
    "pacifism": "pacifism", "environmentalist": "environmentalism",
    "ecologist": "ecologism", "far-right": "far right", "far right": "far right",
    "far-left": "far left", "anti-revisionist": "anti-revisionism",
    "eurocommunist": "Eurocommunism", "eurocommunism": "Eurocommunism",
}


# ---- trigger vocabulary, by event class -----------------------------------------------------
# Each class lists the ways English tells one kind of event: verbs (with the particle a verb
# needs, where it needs one: "set up", "shut down"), the nouns that name the event ("the
# establishment of", "its closure"), and the adjectives and participles that describe a body
# by it ("defunct", "a firm founded in 1907"). The rules read these sets; a new phrasing of
# a known event is an entry here.

# Coming into being: "X was founded/established/set up", "Y founded X", "X opened its doors".
COMING_VERBS = frozenset("""
found establish form create launch organize organise start set begin constitute incorporate
inaugurate come register open charter
""".split())
COMING_PARTICLES = {"set": frozenset({"up"}), "open": frozenset({"doors"})}
# Intransitive uses that found their subject: "X formed in 1970", "the channel launched".
COMING_INTRANSITIVE = frozenset("form begin start constitute come incorporate launch".split())
# The person or body that brought one into being: "Y, the founder of X", "X founder Y".
FOUNDER_NOUNS = frozenset("founder co-founder cofounder foundress".split())
COMING_NOUNS = frozenset("establishment founding foundation inception creation formation".split())
ORIGIN_NOUNS = frozenset("foundation founding origin origins beginning birth start roots history lineage".split())
ORIGIN_VERBS = frozenset("date trace have".split())  # "has its origins in 1890"
DESCENT_VERBS = frozenset("grow emerge evolve develop spring arise descend originate".split())
# Beginnings told with a date and no founder: "X originated in 1890", "X dates back to 1526",
# "X has existed since 1901", "X began operations in 1962", "the regiment was raised in 1861",
# "X held its founding congress in 1919", a newspaper "first published in 1901" (not
# "first appeared": a union first appears in a strike, in the records). Each verb with the
# words it needs.
BEGINNING_VERBS = frozenset("originate date exist begin commence start raise hold publish issue print appear".split())
# What a body begins when it begins to work: "began operations", "commenced trading".
OPERATIONS_NOUNS = frozenset("""operation operations trading service services broadcasting
broadcast publication publishing flying business""".split())
# Gatherings that found a body when called its founding one.
FOUNDING_GATHERINGS = frozenset("congress conference convention meeting assembly synod".split())

# Ending: "X dissolved", "X was wound up / closed down / shut down", "X folded", "defunct".
ENDING_VERBS = frozenset("dissolve disband fold cease liquidate collapse close shut wind break split".split())
ENDING_PARTICLES = {"close": frozenset({"down"}), "shut": frozenset({"down"}),
                    "wind": frozenset({"up"}), "break": frozenset({"up"}), "split": frozenset({"up"})}
# A body ended by an authority: "X was banned/outlawed/proscribed in 1933".
BANNING_VERBS = frozenset("ban outlaw proscribe suppress abolish".split())
ENDING_NOUNS = frozenset("dissolution disbandment demise liquidation winding closure".split())
# A span of existence told at once: "active from 1944 to 1958".
ACTIVE_ADJECTIVES = frozenset({"active"})

# Renaming: "X renamed itself Y", "X changed its name to Y".
RENAMING_VERBS = frozenset("change adopt take assume choose revive rename rebrand become know call".split())

# Joining and leaving.
JOINING_WORDS = frozenset("join affiliate reaffiliate member belong".split())
LEAVING_VERBS = frozenset("break sever split leave quit break_away disaffiliate withdraw cut".split())

# Splitting: "X broke away from Y", "X was spun off/out of Y".
SPLITTING_VERBS = frozenset("break split secede defect splinter".split())
SPLITTING_NOUNS = frozenset("splinter offshoot breakaway spin spinoff faction".split())

# Uniting: "A and B merged (to form C)", "C was formed by the merger of A and B".
UNITING_VERBS = frozenset("merge amalgamate unite fuse combine absorb reunite reunify".split())
UNITING_NOUNS = frozenset("merger amalgamation fusion".split())
# Bodies that keep their own names under a new owner they set up together: "A and B pooled
# their operations under a new holding company, C".
POOLING_VERBS = frozenset("pool combine bring place put".split())

# Owning and being owned: "X, a subsidiary of Y", "X is part of Y", "Y acquired X",
# "X was sold to Y", "X is owned by Y".
PART_NOUNS = frozenset("""subsidiary wing arm section affiliate branch division department
chapter auxiliary offspring unit command component subdivision formation college faculty imprint
institute school regiment battalion brigade squadron""".split())
PARENT_NOUNS = frozenset("parent owner".split())
ACQUIRING_VERBS = frozenset("acquire buy purchase own sell take".split())  # "take" only as "taken over"
TAKEOVER_NOUNS = frozenset("takeover acquisition purchase".split())
# What is bought or owned short of the body itself: "acquired a 40% stake in X", "owns a
# share of X", "bought the rights to X", "purchased X's assets".
PART_OWNED_NOUNS = frozenset("""stake share interest holding percent % asset right licence
license portion minority franchise option""".split())

# Being based: "based in P", "headquartered in P", "the Leeds-based company".
BASED_WORDS = frozenset("base headquarter headquarters locate situate office address seat".split())
# Working from a place: "X operated from P", "carried on from P", "worked out of a hall in P".
OPERATING_VERBS = frozenset("operate work run carry function organize organise".split())
# Capitalized words before "-based" that are no place: "an Internet-based firm".
NOT_PLACES = frozenset("""internet web cloud java linux windows unix bible christian faith
community church science""".split())

# ---- people in bodies ---------------------------------------------------------------
# Titles that say a person belongs to the body named with them, by kind of body.
PARTY_ROLES = frozenset({"member", "fellow", "candidate", "politician", "activist", "leader", "senator",
                         "congressman", "congresswoman", "councillor", "councilor", "mp", "mep",
                         "legislator", "assemblyman", "assemblywoman", "nominee",
                         "militant", "organiser", "organizer", "loyalist", "stalwart"})
BAND_ROLES = frozenset({"guitarist", "bassist", "drummer", "singer", "vocalist", "keyboardist",
                        "frontman", "frontwoman", "saxophonist", "trumpeter", "pianist",
                        "violinist", "cellist", "percussionist", "rapper", "songwriter",
                        "bandmate", "co-vocalist"})
TEAM_ROLES = frozenset({"player", "striker", "forward", "midfielder", "defender", "goalkeeper",
                        "goalie", "quarterback", "linebacker", "pitcher", "outfielder",
                        "captain", "winger", "fullback", "batsman", "bowler", "teammate"})
# Not "secretary" or "delegate": "Treasury Secretary A", "the conference delegate A" name
# an office in a government or a meeting as often as in a union.
UNION_ROLES = frozenset({"steward", "unionist", "trade-unionist"})
# What only a person is, by which "X is a Brazilian footballer" or "X was an English
# novelist" names a person where the model saw a body, a place or nothing. Not words a
# firm is also called ("producer", "manufacturer", "director", "publisher", "model").
OCCUPATIONS = frozenset("""actor actress singer songwriter musician composer conductor rapper
painter sculptor photographer architect novelist author writer poet playwright screenwriter
journalist broadcaster presenter comedian dancer politician diplomat lawyer judge economist
historian philosopher scientist physicist chemist biologist mathematician astronomer engineer
inventor physician surgeon nurse priest bishop monk nun theologian missionary soldier officer
footballer cricketer athlete sprinter swimmer cyclist boxer wrestler golfer jockey coach
businessman businesswoman entrepreneur industrialist banker activist trade-unionist unionist
academic professor teacher scholar linguist explorer aviator socialite""".split())
# Every role noun that makes its holder a member of the body named with it.
MEMBER_ROLES = PARTY_ROLES | BAND_ROLES | TEAM_ROLES | UNION_ROLES

# Every verb above that tells an event of a body's life, with the few that move one or
# change its name: a chronology's line opening with one ("1911 - Absorbs the X Club",
# "1934 - Moves its office to Hull") opens with that verb, whatever the tagger made of it.
EVENT_VERBS = (COMING_VERBS | BEGINNING_VERBS | ENDING_VERBS | BANNING_VERBS | RENAMING_VERBS
               | JOINING_WORDS | LEAVING_VERBS | SPLITTING_VERBS | UNITING_VERBS | ACQUIRING_VERBS
               | OPERATING_VERBS | DESCENT_VERBS | frozenset("move relocate transfer expel elect sign".split())
               ) - {"member", "break_away", "date"}
