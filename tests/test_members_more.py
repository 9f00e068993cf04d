"""More ways English says a person belongs to a band, a team, a party or a club
(orgline/nlp/rules/members.py, orgline/nlp/mentions.py), each in two kinds of body at
least, on the real spaCy pipeline; made-up names throughout. Each phrasing has its
sentences that must give nothing."""
from __future__ import annotations

import pytest

from orgline.model import DocumentFacts, Source
from orgline.nlp import extract
from test_extraction import facts


def read(text: str) -> DocumentFacts:
    return extract(Source(text=text, origin="test.txt"))


def members(text: str) -> set[tuple[str, str]]:
    f = read(text)
    label = {e.key: e.label for e in f.entities}
    return {(label[c.subject], label.get(c.object or "", "")) for c in f.claims
            if c.type == "member_of" and not c.negated}


def kinds(text: str) -> dict[str, str]:
    return {e.label: e.kind.value for e in read(text).entities}


# -- taken on later: "later recruiting singer C", "the band hired drummer D" -------------

@pytest.mark.parametrize("text, body, people", [
    ("The Velvet Harrows were formed in 1982 by guitarist Tom Brierly and bassist Nick Ashdown, "
     "later recruiting singer Paula Renwick and drummer Sam Ostler.",
     "Velvet Harrows", {"Paula Renwick", "Sam Ostler", "Tom Brierly", "Nick Ashdown"}),
    ("Greystone Rovers Football Club signed striker Tomas Blum in 2004 and later added "
     "goalkeeper Ian Shore.", "Greystone Rovers Football Club", {"Tomas Blum", "Ian Shore"}),
    ("The rock band Harbour Lights was formed in 1994. In 1996 the band hired drummer Ivo Petrak.",
     "Harbour Lights", {"Ivo Petrak"}),
])
def test_people_taken_on_with_a_title_are_members(text: str, body: str, people: set[str]) -> None:
    assert {(p, body) for p in people} <= members(text)


def test_a_later_recruit_is_not_dated_by_the_founding() -> None:
    f = read("The Velvet Harrows were formed in 1982 by guitarist Tom Brierly, later recruiting "
             "drummer Sam Ostler.")
    label = {e.key: e.label for e in f.entities}
    dates = {c.date for c in f.claims if c.type == "member_of" and label[c.subject] == "Sam Ostler"}
    assert dates == {None}


@pytest.mark.parametrize("text", [
    "The National Bank hired Ann Cole as a clerk in 1990.",
    "Anna Lind joined the bank as a clerk in 1990.",
    "Newly signed striker Tomas Blum scored twice against Greystone Rovers.",
    "The Harlow Rugby Club hired lawyer Ann Cole in 1990.",
])
def test_hiring_without_a_band_or_team_title_is_no_membership(text: str) -> None:
    assert members(text) == set()


# -- "A, who was in X", "A played in X" ------------------------------------------------

@pytest.mark.parametrize("text, person, body", [
    ("Ruth Calder, who was in the Ember Quartet during this time, wrote most of the songs.",
     "Ruth Calder", "Ember Quartet"),
    ("Before 1990 Sara Lund was in the Workers Party.", "Sara Lund", "Workers Party"),
])
def test_being_in_a_body(text: str, person: str, body: str) -> None:
    assert (person, body) in members(text)


@pytest.mark.parametrize("text", [
    "Ruth Calder, who was in Paris during this time, wrote most of the songs.",
    "Tom Ruiz was in the youth wing of the Green Party.",
    "Tom Ruiz was in the Bank of Ireland for ten years.",
    "Tom Ruiz was active in Berlin in 1990.",
])
def test_being_in_a_place_or_an_employer_is_no_membership(text: str) -> None:
    assert members(text) == set()


# -- coordinated titles share their body ------------------------------------------------

@pytest.mark.parametrize("text, person, bodies", [
    ("Mara Quist is the bassist and one of the songwriters of the punk band Grey Static.",
     "Mara Quist", {"Grey Static"}),
    ("Jonas Weir is the drummer and one of the founders of the rock band Hollow Pines, as well as "
     "drummer of the folk band Tinder Road.", "Jonas Weir", {"Hollow Pines", "Tinder Road"}),
    ("Tom Ruiz is the captain and one of the founders of the Harlow Rugby Club.",
     "Tom Ruiz", {"Harlow Rugby Club"}),
    ("Lena Holm was the singer and keyboardist of the Velvet Harrows Band.", "Lena Holm",
     {"Velvet Harrows Band"}),
])
def test_coordinated_titles_share_their_body(text: str, person: str, bodies: set[str]) -> None:
    assert {(person, b) for b in bodies} <= members(text)


def test_a_coordinated_title_of_an_employer_is_no_membership() -> None:
    assert members("Ann Cole is the pianist and one of the founders of the Harlow Music School.") == set()


# -- leaving: "the bassist A quit X", "she was leaving the group" ------------------------

@pytest.mark.parametrize("text, person, body", [
    ("The bassist Ann Holt quit the Night Ferries in 1990.", "Ann Holt", "Night Ferries"),
    ("The rock band Harbour Lights was formed in 1994. In 1999 the singer Nora Vale announced "
     "that she was leaving the group.", "Nora Vale", "Harbour Lights"),
    ("The Harlow Rugby Club was founded in 1890. Tom Lowe, who left the club in 1902, later coached it.",
     "Tom Lowe", "Harlow Rugby Club"),
])
def test_one_leaves_the_band_or_club_one_was_in(text: str, person: str, body: str) -> None:
    assert (person, body) in members(text)


@pytest.mark.parametrize("text", [
    "Acme Motors was founded in 1950 by Ann Holt. In 1990 she left the company.",
    "The Workers Association was founded in 1950. In 1980 she and two colleagues left the association.",
    "The Harlow Rugby Club was founded in 1890. In 1902 Tom Lowe left his post as secretary.",
])
def test_leaving_a_job_or_an_employer_is_no_membership(text: str) -> None:
    assert members(text) == set()


# -- typing: what a titled player or musician leaves is a body -------------------------

@pytest.mark.parametrize("text, person, body", [
    ("Drummer Colm Reddy left Silver Meadows in 1988.", "Colm Reddy", "Silver Meadows"),
    ("After the first sessions, drummer Jay Lorne left Black Orchard and was replaced.", "Jay Lorne",
     "Black Orchard"),
])
def test_what_a_titled_musician_leaves_is_a_body(text: str, person: str, body: str) -> None:
    assert kinds(text).get(body) == "org"
    assert (person, body) in members(text)


@pytest.mark.parametrize("text, place", [
    ("Guitarist Ann Holt left Chicago for Seattle in 1990.", "Chicago"),
    ("Guitarist Ann Holt left London in 1990.", "London"),
    ("Tom Lowe left Harlow Park in 2003.", "Harlow Park"),
])
def test_a_city_left_stays_a_place(text: str, place: str) -> None:
    assert kinds(text).get(place) == "place"
    assert members(text) == set()


# -- "A and B of X": people of their band or team, whatever the model made of X ---------

@pytest.mark.parametrize("text, people, body", [
    ("In 2010 the singer toured with Anna Berg and Tom Lowe of The Salt Rivers.",
     {"Anna Berg", "Tom Lowe"}, "Salt Rivers"),
    ("The song was recorded with guitarist Ann Holt of the Night Ferries.", {"Ann Holt"}, "Night Ferries"),
    ("In 2012 the team played with Anna Berg, Ivo Petrak and Tom Lowe of the Harlow Rovers.",
     {"Anna Berg", "Ivo Petrak", "Tom Lowe"}, "Harlow Rovers"),
])
def test_people_of_a_band_or_team(text: str, people: set[str], body: str) -> None:
    assert {(p, body) for p in people} <= members(text)


@pytest.mark.parametrize("text", [
    "Paul of Tarsus wrote letters.",
    "The bishop met Ann Shaw and Bill Hart of Boston before the concert.",
    "Anna Berg and Tom Lowe of The Hollow Crown met in 1990.",
    "Ann Shaw of the University of Tarvik toured the region.",
])
def test_people_of_a_place_or_a_title_are_no_members(text: str) -> None:
    assert members(text) == set()


# -- names the model mistyped as bodies -------------------------------------------------

@pytest.mark.parametrize("text, person, body", [
    ("The council has 47 members, and the mayor is Hilde Brekke (Conservative Party) and the deputy "
     "mayor is Terje Sandli (Progress Party).", "Terje Sandli", "Progress Party"),
    ("The rock band Harbour Lights was formed in 1994. The band's guitarist Ivo Petrak wrote most songs.",
     "Ivo Petrak", "Harbour Lights"),
    ("The Harlow Rugby Club was founded in 1890. The club's captain Tom Lowe retired in 1902.",
     "Tom Lowe", "Harlow Rugby Club"),
])
def test_a_full_name_by_a_title_or_a_party_is_a_person(text: str, person: str, body: str) -> None:
    assert kinds(text).get(person) == "person"
    assert (person, body) in members(text)


def test_the_company_director_is_no_member() -> None:
    assert members("Acme Motors was founded in 1950. The company's director Ann Holt resigned in 1990.") == set()


# -- what a player plays for, what a band member is "of": a team or a band ---------------

@pytest.mark.parametrize("text, person, body", [
    ("Marco Diaz is a Brazilian footballer who plays as a midfielder for Harlow Rovers.",
     "Marco Diaz", "Harlow Rovers"),
    ("Marco Diaz, who plays for Harlow Rovers, scored twice.", "Marco Diaz", "Harlow Rovers"),
    ("Marco Diaz signed with Harlow Rovers in 2009.", "Marco Diaz", "Harlow Rovers"),
    ("Ann Lee was loaned to Harlow Rovers in 2010.", "Ann Lee", "Harlow Rovers"),
    ("Tom Hardy was a midfielder for Harlow Rovers.", "Tom Hardy", "Harlow Rovers"),
    ("Ann Lee is a Swedish musician, best known as the guitarist of the Velvet Foxes.",
     "Ann Lee", "Velvet Foxes"),
    ("Tom Hardy is a Canadian musician who was the drummer for the Velvet Foxes.", "Tom Hardy",
     "Velvet Foxes"),
])
def test_the_team_or_band_one_plays_for(text: str, person: str, body: str) -> None:
    assert kinds(text).get(body) == "org"
    assert (person, body) in members(text)


@pytest.mark.parametrize("text, person", [
    ("Tom Hardy played bass for Ann Lee in 1990.", "Ann Lee"),
    ("Tom Hardy was the drummer for Ann Lee on her 1990 tour.", "Ann Lee"),
])
def test_a_backing_musician_plays_for_a_person(text: str, person: str) -> None:
    assert kinds(text).get(person) == "person"
    assert members(text) == set()


def test_playing_in_a_cup_is_no_membership() -> None:
    assert members("Marco Diaz played for the Harlow Cup in 1990.") == set()


# -- what one is elected, sits or stands for: one's party -------------------------------

@pytest.mark.parametrize("text, person, body", [
    ("Ingrid Solvang is a Norwegian politician representing the Centre Party.", "Ingrid Solvang",
     "Centre Party"),
    ("Ingrid Solvang was elected to parliament for the Centre Party in 2005.", "Ingrid Solvang",
     "Centre Party"),
    ("Ingrid Solvang sat in parliament for the Centre Party from 2005 to 2009.", "Ingrid Solvang",
     "Centre Party"),
    ("Ann Lee, an MP for the Workers Party, spoke.", "Ann Lee", "Workers Party"),
])
def test_elected_or_sitting_for_a_party(text: str, person: str, body: str) -> None:
    assert (person, body) in members(text)


@pytest.mark.parametrize("text", [
    "Ann Lee voted for the Workers Party in 2005.",
    "Ann Lee campaigned for the Workers Party in 2005.",
    "Ann Lee represented Acme Holdings in court.",
    "Ann Lee was elected to the council for Tarvik in 2005.",
])
def test_voting_or_representing_a_client_is_no_membership(text: str) -> None:
    assert members(text) == set()


# -- founders of a party are its members; "a new band, X" ------------------------------

@pytest.mark.parametrize("text, person, body", [
    ("Raised in a family close to Harbour Party founder Arne Vik, she studied law.", "Arne Vik",
     "Harbour Party"),
    ("Green Party founder Ann Holt spoke.", "Ann Holt", "Green Party"),
])
def test_a_party_founder_is_its_member(text: str, person: str, body: str) -> None:
    assert (person, body) in members(text)


def test_a_company_founder_by_title_is_no_member() -> None:
    assert members("Acme Motors founder Ann Holt spoke.") == set()


@pytest.mark.parametrize("text, body", [
    ("Sara Lund was in the band Night Ferries until 2001.", "Night Ferries"),
    ("In 2006 Tom Lowe formed a new team, Harlow Rovers.", "Harlow Rovers"),
])
def test_a_name_after_a_word_for_a_band_or_team_is_a_body(text: str, body: str) -> None:
    assert kinds(text).get(body) == "org"


# -- "and of Y", loans and trades, replacements ------------------------------------------

@pytest.mark.parametrize("text, person, bodies", [
    ("Anna Lind is a member of the Royal Academy of Music (since 2008) and of the Nordic Society "
     "of Arts (since 2016).", "Anna Lind", {"Royal Academy of Music", "Nordic Society of Arts"}),
    ("Tom Ruiz is a member of the Workers Party and of the Dock Porters Union.", "Tom Ruiz",
     {"Workers Party", "Dock Porters Union"}),
])
def test_a_member_of_one_and_of_another(text: str, person: str, bodies: set[str]) -> None:
    assert {(person, b) for b in bodies} <= members(text)


def test_the_second_membership_takes_its_own_date() -> None:
    f = read("Anna Lind is a member of the Royal Academy of Music (since 2008) and of the Nordic "
             "Society of Arts (since 2016).")
    label = {e.key: e.label for e in f.entities}
    dates = {label[c.object or ""]: c.date for c in f.claims if c.type == "member_of"}
    assert dates.get("Nordic Society of Arts", "").startswith("2016")


@pytest.mark.parametrize("text, person, bodies", [
    ("Marco Diaz was born in 1988. After loan spells with Harlow Rovers and Greystone Athletic "
     "during 2008, he joined Tarvik City in 2009.", "Marco Diaz", {"Harlow Rovers", "Greystone Athletic"}),
    ("Marco Diaz spent the 2010 season on loan at Harlow Rovers.", "Marco Diaz", {"Harlow Rovers"}),
])
def test_a_player_on_loan_plays_for_the_club(text: str, person: str, bodies: set[str]) -> None:
    assert {(person, b) for b in bodies} <= members(text)


@pytest.mark.parametrize("text", [
    "Marco Diaz had a brief spell at Acme Motors.",
    "Ann Lee took out a loan from the Harlow Savings Bank in 1990.",
    "Ann Lee was transferred to the Ministry of Finance in 1990.",
])
def test_a_spell_a_bank_loan_or_a_posting_is_no_membership(text: str) -> None:
    assert members(text) == set()


@pytest.mark.parametrize("text, person, body", [
    ("After the first sessions, drummer Tom Lowe left the Night Ferries and was replaced by his "
     "friend and the band's roadie Ivo Petrak.", "Ivo Petrak", "Night Ferries"),
    ("In 1996 striker Tom Lowe left Harlow Rovers and was replaced by Marco Diaz.", "Marco Diaz",
     "Harlow Rovers"),
])
def test_who_replaces_a_member_is_a_member(text: str, person: str, body: str) -> None:
    assert (person, body) in members(text)


def test_replacing_a_chief_executive_is_no_membership() -> None:
    assert members("Ann Lee was replaced by Tom Lowe as chief executive of Acme Motors.") == set()


# -- a party named by its members' word: "a Republican member", "ran as a Democrat" -------

@pytest.mark.parametrize("text, person, body", [
    ("Ann Lee is a Republican member of the Ohio Senate.", "Ann Lee", "Republican"),
    ("Tom Hardy was born in 1950. A Republican, he has served in the state senate since 2014.",
     "Tom Hardy", "Republican"),
    ("Tom Hardy is an American Democratic politician.", "Tom Hardy", "Democratic"),
    ("Labour politician Tom Hardy won the seat in 1997.", "Tom Hardy", "Labour"),
    ("Ann Lee ran as a Democrat in 2010.", "Ann Lee", "Democrat"),
    ("The incumbent, Liberal Tom Hardy, died in office.", "Tom Hardy", "Liberal"),
    ("Republican governor Ann Lee signed the bill.", "Ann Lee", "Republican"),
    ("Ann Lee was born in 1960. She was elected in 2006 on the Democratic ticket with Governor Tom Hardy.",
     "Tom Hardy", "Democratic"),
])
def test_a_party_named_by_its_members_word(text: str, person: str, body: str) -> None:
    assert (person, body) in members(text)


@pytest.mark.parametrize("text", [
    "Conservative estimates put the cost at ten million.",
    "Ann Lee is a liberal politician from Ohio.",
    "The Progressive rock band Velvet Foxes toured in 1975.",
    "Ann Green spoke to the press.",
])
def test_a_lowercase_or_other_word_names_no_party(text: str) -> None:
    assert members(text) == set()
    assert not {"Conservative", "Progressive", "Green"} & {k for k, v in kinds(text).items() if v == "org"}


# -- more titles, lists, debuts and seasons --------------------------------------------

@pytest.mark.parametrize("text, person, body", [
    ("Tom Hardy was the drummer in the Velvet Foxes from 1980 to 1985.", "Tom Hardy", "Velvet Foxes"),
    ("Marco Diaz was the first striker in Harlow Rovers to score fifty goals.", "Marco Diaz", "Harlow Rovers"),
    ("Ann Lee is an academician of the Russian Academy of Arts.", "Ann Lee", "Russian Academy of Arts"),
    ("Tom Hardy, a Workers Party deputy, spoke first.", "Tom Hardy", "Workers Party"),
    ("Ann Lee is a British bassist who is a member of the Velvet Foxes.", "Ann Lee", "Velvet Foxes"),
    ("Ann Lee is a Canadian lawyer who is a member of the Green Party.", "Ann Lee", "Green Party"),
])
def test_more_titles(text: str, person: str, body: str) -> None:
    assert (person, body) in members(text)


@pytest.mark.parametrize("text", [
    "Ann Lee was deputy director of Acme Motors.",
    "Ann Lee was the mayor of Tarvik.",
    "Ann Lee was the president of Acme Motors.",
])
def test_an_office_outside_a_party_is_no_membership(text: str) -> None:
    assert members(text) == set()


@pytest.mark.parametrize("text, body, people", [
    ("The Velvet Foxes were formed in 1980. The band consisted of Ann Lee (vocals), Tom Hardy "
     "(guitar) and Marco Diaz (drums).", "Velvet Foxes", {"Ann Lee", "Tom Hardy", "Marco Diaz"}),
    ("The Harlow Rugby Club was founded in 1890. Its members included Ann Lee and Tom Hardy.",
     "Harlow Rugby Club", {"Ann Lee", "Tom Hardy"}),
])
def test_the_people_listed_as_a_line_up(text: str, body: str, people: set[str]) -> None:
    assert {(p, body) for p in people} <= members(text)


@pytest.mark.parametrize("text", [
    "The Harlow Rugby Club was founded in 1890. The album featured Ann Lee and Tom Hardy.",
    "The Harlow Rugby Club was founded in 1890. The group of investors included Ann Lee and Tom Hardy.",
])
def test_an_album_or_a_group_of_investors_is_no_line_up(text: str) -> None:
    assert members(text) == set()


@pytest.mark.parametrize("text, person, body", [
    ("Marco Diaz made his debut for Harlow Rovers in 2009.", "Marco Diaz", "Harlow Rovers"),
    ("Marco Diaz spent three seasons with Harlow Rovers.", "Marco Diaz", "Harlow Rovers"),
])
def test_a_debut_or_seasons_for_a_team(text: str, person: str, body: str) -> None:
    assert (person, body) in members(text)


@pytest.mark.parametrize("text", [
    "Marco Diaz spent three years with Ann Lee.",
    "The 1990 season at the Royal Opera opened in May.",
])
def test_years_with_a_person_or_a_theatre_season_is_no_membership(text: str) -> None:
    assert members(text) == set()


# -- lists of bodies, "in order to play", a gerund's lost subject ------------------------

@pytest.mark.parametrize("text, person, bodies", [
    ("Marco Diaz is a former footballer who played as a midfielder for teams such as Harlow Rovers, "
     "Tarvik City and Greystone Athletic.", "Marco Diaz", {"Harlow Rovers", "Tarvik City", "Greystone Athletic"}),
    ("Ann Lee played in clubs including Harlow Rovers and Tarvik City.", "Ann Lee",
     {"Harlow Rovers", "Tarvik City"}),
])
def test_each_body_listed_by_kind(text: str, person: str, bodies: set[str]) -> None:
    assert {(person, b) for b in bodies} <= members(text)


@pytest.mark.parametrize("text", [
    "Ann Lee worked for companies such as Acme Motors and Tarvik Steel.",
    "Ann Lee toured with bands such as the Velvet Foxes.",
    "Ann Lee visited cities such as Tarvik and Harlow.",
])
def test_employers_tours_and_cities_listed_are_no_memberships(text: str) -> None:
    assert members(text) == set()


def test_in_order_to_play_for_a_team() -> None:
    assert ("Marco Diaz", "Harlow Rovers") in members(
        "Marco Diaz moved to Tarvik in 2002 in order to play for Harlow Rovers.")


@pytest.mark.parametrize("text, person, body", [
    ("The Velvet Foxes were formed in 1966. A dispute over which song to release led to Ann Lee "
     "temporarily leaving the Velvet Foxes.", "Ann Lee", "Velvet Foxes"),
    ("The Harlow Rugby Club was founded in 1890. The quarrel ended with Tom Lowe leaving the Harlow "
     "Rugby Club in 1902.", "Tom Lowe", "Harlow Rugby Club"),
])
def test_a_person_named_before_leaving(text: str, person: str, body: str) -> None:
    assert (person, body) in members(text)


def test_and_of_hung_as_a_conjunct_of_the_verb() -> None:
    text = ("Lena Brandt is a member of the Nordic Academy of Sciences and Letters (since 2008) and of "
            "the Baltic Academy of Sciences and Arts (since 2016).")
    assert {("Lena Brandt", "Nordic Academy of Sciences and Letters"),
            ("Lena Brandt", "Baltic Academy of Sciences and Arts")} <= members(text)


# -- a legislature and the party one sits for; a footballer's team ------------------------

@pytest.mark.parametrize("text, person, party, house", [
    ("Ann Lee is a former member of the German Bundestag for the Social Democratic Party.", "Ann Lee",
     "Social Democratic Party", "German Bundestag"),
    ("Tom Hardy was a member of the Storting for the Centre Party from 2001 to 2005.", "Tom Hardy",
     "Centre Party", "Storting"),
])
def test_a_member_of_a_legislature_for_a_party(text: str, person: str, party: str, house: str) -> None:
    assert (person, party) in members(text)
    assert kinds(text).get(house) == "org" and kinds(text).get(party) == "org"


def test_a_name_with_for_inside_stays_whole() -> None:
    assert "Council for a Free Tarvik Party" in kinds("The Council for a Free Tarvik Party was founded in 1960.")


@pytest.mark.parametrize("text, person, body", [
    ("Tom Hardy is a Scottish former professional footballer who played as a goalkeeper, most notably "
     "for Harlow Rovers.", "Tom Hardy", "Harlow Rovers"),
    ("Tom Hardy played for Harlow Rovers between 1990 and 1995.", "Tom Hardy", "Harlow Rovers"),
])
def test_a_footballer_for_a_team(text: str, person: str, body: str) -> None:
    assert (person, body) in members(text)


@pytest.mark.parametrize("text, person", [
    ("Tom Hardy played for Ann Lee.", "Ann Lee"),
    ("Tom Hardy played for Tom Jones in 1970.", "Tom Jones"),
])
def test_playing_for_a_person_keeps_the_person(text: str, person: str) -> None:
    assert kinds(text).get(person) == "person"
    assert members(text) == set()


# -- one's own band or party ------------------------------------------------------------

@pytest.mark.parametrize("text, person, body", [
    ("Ann Lee was born in 1960. Her band, the Velvet Foxes, toured in 1990.", "Ann Lee", "Velvet Foxes"),
    ("Tom Hardy was born in 1950. His party, the Workers Party, won the election.", "Tom Hardy",
     "Workers Party"),
])
def test_ones_own_band_or_party(text: str, person: str, body: str) -> None:
    assert (person, body) in members(text)


@pytest.mark.parametrize("text", [
    "Ann Lee was born in 1960. Her backing band, the Velvet Foxes, toured in 1990.",
    "Ann Lee was born in 1960. Her favourite team, Harlow Rovers, lost.",
    "Tom Hardy was born in 1950. His club, Harlow Rovers, won the cup under him.",
])
def test_a_backing_band_or_a_favourite_team_is_not_ones_own(text: str) -> None:
    assert members(text) == set()


# -- a band member's title in a text about a band -----------------------------------------

@pytest.mark.parametrize("text, person, body", [
    ("Silver Lining is the sixth album by the rock band Velvet Foxes. Drummer Tom Hardy said the album "
     "was about change.", "Tom Hardy", "Velvet Foxes"),
    ("The band Night Ferries released its first record in 1979. The record was financed by guitarist "
     "Ann Lee's father.", "Ann Lee", "Night Ferries"),
])
def test_a_band_members_title_in_a_text_about_the_band(text: str, person: str, body: str) -> None:
    assert (person, body) in members(text)


@pytest.mark.parametrize("text", [
    "Silver Lining is the sixth album by the rock band Velvet Foxes. The album features guest guitarist Ann Lee.",
    "Silver Lining is the sixth album by the rock band Velvet Foxes. Session drummer Tom Hardy played on it.",
    "Acme Motors is a car maker. Drummer Tom Hardy said the car was fast.",
    "Silver Lining is the sixth album by the rock band Velvet Foxes. Singer Ann Lee covered a song from it.",
    "Silver Lining is the sixth album by the rock band Velvet Foxes. They toured with the Night Ferries "
    "and drummer Tom Hardy.",
])
def test_a_guest_a_session_player_or_no_band_in_focus(text: str) -> None:
    assert not {(p, b) for p, b in members(text) if p in ("Ann Lee", "Tom Hardy")}


def test_a_possessive_ending_is_no_part_of_a_persons_name() -> None:
    assert "Ann Lee" in kinds("It was financed by guitarist Ann Lee's father.")


# -- a band's founders play in it ---------------------------------------------------------

@pytest.mark.parametrize("text, body, people", [
    ("The Velvet Foxes are an English rock band formed in London in 1980 by Ann Lee and Tom Hardy.",
     "Velvet Foxes", {"Ann Lee", "Tom Hardy"}),
    ("The Velvet Foxes are an English pop group formed in London in 1980 by Ann Lee and Tom Hardy.",
     "Velvet Foxes", {"Ann Lee", "Tom Hardy"}),
])
def test_the_founders_of_a_band_are_its_members(text: str, body: str, people: set[str]) -> None:
    assert {(p, body) for p in people} <= members(text)


@pytest.mark.parametrize("text", [
    "The Harlow Group is an investment group formed in 1950 by Ann Lee and Tom Hardy.",
    "Acme Motors is a car maker formed in 1950 by Ann Lee and Tom Hardy.",
])
def test_the_founders_of_a_firm_are_no_members(text: str) -> None:
    assert members(text) == set()


# -- fronted descriptions, party moves, more party labels -------------------------------

@pytest.mark.parametrize("text, person, body", [
    ("Ann Lee is an American politician. A member of the Democratic Party, she represents the 12th "
     "district.", "Ann Lee", "Democratic Party"),
    ("Tom Hardy is a Norwegian lawyer. A member of the Harlow Chess Club since 1990, he won its cup.",
     "Tom Hardy", "Harlow Chess Club"),
])
def test_a_fronted_membership(text: str, person: str, body: str) -> None:
    assert (person, body) in members(text)


@pytest.mark.parametrize("text, person, body", [
    ("In 1979 Tom Hardy was expelled from the Workers Party.", "Tom Hardy", "Workers Party"),
    ("Ann Lee resigned from the Harlow Chess Club in 1990.", "Ann Lee", "Harlow Chess Club"),
    ("Ann Lee defected to the Green Party in 1995.", "Ann Lee", "Green Party"),
    ("Ann Lee rejoined the Workers Party in 2001.", "Ann Lee", "Workers Party"),
])
def test_expelled_resigned_defected_rejoined(text: str, person: str, body: str) -> None:
    assert (person, body) in members(text)


@pytest.mark.parametrize("text", [
    "Ann Lee resigned from the Tarvik Savings Bank in 1990.",
    "Ann Lee resigned from Acme Motors in 1990.",
    "Ann Lee resigned from the board in 1990.",
])
def test_resigning_a_job_is_no_membership(text: str) -> None:
    assert members(text) == set()


@pytest.mark.parametrize("text, person, body", [
    ("Tom Hardy, a Green, won the seat.", "Tom Hardy", "Green"),
    ("Ann Lee is a former Conservative MP.", "Ann Lee", "Conservative"),
    ("Tom Hardy was born in 1920. He was a Labour member of the House of Commons from 1945 to 1950.",
     "Tom Hardy", "Labour"),
    ("Marco Diaz was born in 1988. He was signed by Harlow Rovers in 2009.", "Marco Diaz", "Harlow Rovers"),
    ("Ann Lee was inducted into the Harlow Academy of Arts in 1990.", "Ann Lee", "Harlow Academy of Arts"),
])
def test_labels_signings_and_inductions(text: str, person: str, body: str) -> None:
    assert (person, body) in members(text)


@pytest.mark.parametrize("text", [
    "Marco Diaz was born in 1988. He was signed by Ann Lee in 2009.",
    "Ann Lee was inducted into the Harlow Hall of Fame in 1990.",
])
def test_signed_by_a_person_or_a_hall_of_fame_is_no_membership(text: str) -> None:
    assert members(text) == set()


# -- "A of X" only for bodies one belongs to; nationalities are no bodies -------------------

@pytest.mark.parametrize("text", [
    "It was measured in 2001 by Ann Lee and Tom Hardy of the Harlow Foundation.",
    "Tom Hardy of Tarvikfilm.org praised her performance.",
])
def test_staff_of_a_foundation_or_a_website_are_no_members(text: str) -> None:
    assert members(text) == set()


def test_a_party_named_after_of_keeps_its_member() -> None:
    assert ("Ann Lee", "Workers Party") in members("The bishop met Ann Lee of the Workers Party.")


def test_a_nationality_before_a_title_is_no_body() -> None:
    text = ("Peter Hamm (1947 – 1975) was a Welsh singer, songwriter and guitarist, best known as the lead "
            "vocalist and composer of the rock band Velvet Foxes.")
    got = members(text)
    assert ("Peter Hamm", "Velvet Foxes") in got
    assert not {b for _, b in got} & {"Welsh"}


# -- drafts, "formerly of", a misattached "who" ------------------------------------------

@pytest.mark.parametrize("text, person, body", [
    ("Mark Lane (born 1959) is an American former basketball player who was selected by the Harlow "
     "Rovers in the first round of the 1982 draft.", "Mark Lane", "Harlow Rovers"),
    ("Marco Diaz was born in 1988. He was drafted by the Tarvik Wolves in 2006.", "Marco Diaz", "Tarvik Wolves"),
    ("Both tracks featured the vocals of Ann Lee and Tom Hardy (formerly of Black Orchard).", "Tom Hardy",
     "Black Orchard"),
    ("The meeting was chaired by Ann Lee (formerly of the Workers Party).", "Ann Lee", "Workers Party"),
    ("Juan Perez (1919 – 2009) was a footballer from Argentina who played as a right winger for "
     "Harlow Rovers, from 1939 to 1950.", "Juan Perez", "Harlow Rovers"),
])
def test_drafts_former_bodies_and_who_after_a_place(text: str, person: str, body: str) -> None:
    assert (person, body) in members(text)


@pytest.mark.parametrize("text", [
    "Ann Lee was selected by the committee in 1990.",
    "The panel included Ann Lee (formerly of Acme Motors).",
    "The panel included Ann Lee (formerly of Boston).",
])
def test_a_committee_a_former_employer_or_a_town_is_no_membership(text: str) -> None:
    assert members(text) == set()


def test_a_team_name_the_model_cut_before_a_number_is_whole() -> None:
    text = ("Mark Lane (born 1959) is an American former basketball player who was selected by the Tarvik "
            "76ers in the first round of the 1982 draft.")
    assert ("Mark Lane", "Tarvik 76ers") in members(text)


@pytest.mark.parametrize("text, person, body", [
    ("Republican Senator Ann Lee voted against the bill.", "Ann Lee", "Republican"),
    ("Democratic Congressman Tom Hardy won in 2006.", "Tom Hardy", "Democratic"),
    ("The seat was won by Labour's Tom Hardy in 1997.", "Tom Hardy", "Labour"),
])
def test_a_party_label_before_a_capitalized_title_or_a_possessive(text: str, person: str, body: str) -> None:
    assert (person, body) in members(text)


def test_a_surname_green_with_a_possessive_is_no_party() -> None:
    assert members("Green's Ann Lee sang.") == set()


def test_best_known_as_a_members_title_names_no_body() -> None:
    f = read("Ann Lee is a Swedish musician, best known as the guitarist of the Velvet Foxes.")
    assert not [c for c in f.claims if c.type == "named"]
    assert [e.label for e in f.entities].count("Velvet Foxes") == 1


@pytest.mark.parametrize("text, body, people", [
    ("The rock band Night Ferries was formed in Berlin in 1982. The only constant member was Ann Lee.",
     "Night Ferries", {"Ann Lee"}),
    ("The original members of the Velvet Foxes were Ann Lee and Tom Hardy.", "Velvet Foxes",
     {"Ann Lee", "Tom Hardy"}),
    ("The Workers Party was founded in 1950. Its first members were Ann Lee and Tom Hardy.", "Workers Party",
     {"Ann Lee", "Tom Hardy"}),
])
def test_people_said_to_be_the_members(text: str, body: str, people: set[str]) -> None:
    assert {(p, body) for p in people} <= members(text)


def test_a_board_member_of_a_firm_in_focus_is_no_member() -> None:
    assert members("Acme Motors was founded in 1950. The only board member was Ann Lee.") == set()


@pytest.mark.parametrize("text, person, bodies", [
    ("Marco Diaz joined Harlow Rovers from Greystone Athletic for an undisclosed fee in 2012.", "Marco Diaz",
     {"Harlow Rovers", "Greystone Athletic"}),
    ("In 2014 Ann Lee signed for Harlow Rovers from Tarvik United on a free transfer.", "Ann Lee",
     {"Harlow Rovers", "Tarvik United"}),
])
def test_a_transfer_from_one_team_to_another(text: str, person: str, bodies: set[str]) -> None:
    assert {(person, b) for b in bodies} <= members(text)


def test_a_move_between_firms_is_no_membership() -> None:
    assert members("In 2014 Ann Lee moved to Acme Motors from Tarvik Steel.") == set()


@pytest.mark.parametrize("text, person, body", [
    ("Tom Hardy plays bass in the rock band Velvet Foxes.", "Tom Hardy", "Velvet Foxes"),
    ("Tom Hardy played guitar for the rock band Velvet Foxes from 1990.", "Tom Hardy", "Velvet Foxes"),
])
def test_playing_an_instrument_in_or_for_a_band(text: str, person: str, body: str) -> None:
    assert (person, body) in members(text)


@pytest.mark.parametrize("text", [
    "Ann Lee played drums for Tom Jones in 1970.",
    "Ann Lee played drums for Acme Motors in 1970.",
])
def test_playing_an_instrument_for_a_singer_or_a_firm_is_no_membership(text: str) -> None:
    assert members(text) == set()


# -- a club called by its town's name; a band's own "The"; "member of X for the Y Party" --

@pytest.mark.parametrize("text, person, club", [
    ("Rui Costa Lima is a Portuguese footballer. In 2012 he signed for Vianense.", "Rui Costa Lima", "Vianense"),
    ("Mara Lindqvist is a Swedish handball player. After a spell at Kalmar, she joined the "
     "Lund Falcons in 2010.", "Mara Lindqvist", "Kalmar"),
])
def test_a_club_called_by_its_town_is_a_body_where_a_player_signs_or_spends_a_spell(
        text: str, person: str, club: str) -> None:
    assert kinds(text)[club] == "org"


@pytest.mark.parametrize("text", [
    "Rui Lima is a Portuguese footballer. He played for Portugal at the 2006 World Cup.",
    "Ana Sousa is a Brazilian civil servant. In 1990 she was transferred to Recife.",
])
def test_a_country_played_for_or_a_town_transferred_to_stays_a_place(text: str) -> None:
    assert "org" not in {k for n, k in kinds(text).items() if n in ("Portugal", "Recife")}


@pytest.mark.parametrize("text, person, body", [
    ("Mick Doyle is an Irish drummer. He was a founding member of the punk band The Static Ones.",
     "Mick Doyle", "Static Ones"),
    ("Ann Keel is a Scottish fiddler. She was a member of the folk group The Harrow Pipers.",
     "Ann Keel", "Harrow Pipers"),
])
def test_a_band_name_with_its_own_article_after_a_band_word(text: str, person: str, body: str) -> None:
    assert kinds(text)[body] == "org"
    assert (person, body) in members(text)


@pytest.mark.parametrize("text, person, party", [
    ("Anna Berg is a Swedish politician and a member of the Riksdag for the Moderate Party.",
     "Anna Berg", "Moderate Party"),
    ("Jonas Weber is a German politician and a member of the Landtag for the Free Voters Party.",
     "Jonas Weber", "Free Voters Party"),
])
def test_a_member_of_a_parliament_for_a_party(text: str, person: str, party: str) -> None:
    assert (person, party) in members(text)


def test_a_member_for_a_constituency_names_no_party() -> None:
    text = "Anna Berg is a Swedish politician and a member of the Riksdag for Kalmar County."
    assert all(body != "Kalmar County" for _, body in members(text))


# -- officers of a membership body; a party in brackets or "from" a party; clubs' marks --

@pytest.mark.parametrize("text, person, body", [
    ("Tom Bale was general secretary of the Harbour Workers Union from 1970 to 1985.",
     "Tom Bale", "Harbour Workers Union"),
    ("Lena Berg was president of the Royal Kestrel Society from 1980 to 1985.", "Lena Berg", "Royal Kestrel Society"),
    ("Ivo Petrak was secretary of the Tarvik Golf Club.", "Ivo Petrak", "Tarvik Golf Club"),
])
def test_an_officer_of_a_membership_body_is_its_member(text: str, person: str, body: str) -> None:
    assert (person, body) in members(text)


@pytest.mark.parametrize("text", [
    "Tom Bale was president of the Soviet Union.",
    "Tom Bale was chairman of Orbis Media Corporation.",
    "Tom Bale was chairman of the Norland Football League.",
    "Tom Bale was president of Tarvik University.",
])
def test_an_officer_of_a_state_a_firm_or_a_league_of_clubs_is_no_member(text: str) -> None:
    assert members(text) == set()


@pytest.mark.parametrize("text, person, party", [
    ("The cabinet included Tom Bale (Labour) and Phil Stone (Green).", "Tom Bale", "Labour"),
    ("The cabinet included Tom Bale (Labour) and Phil Stone (Green).", "Phil Stone", "Green"),
    ("Tom Bale was a Norwegian politician from the Centre Party.", "Tom Bale", "Centre Party"),
    ("Jorge Silva is a Chilean senator from the Radical Party.", "Jorge Silva", "Radical Party"),
])
def test_a_party_in_brackets_or_from_a_party(text: str, person: str, party: str) -> None:
    assert (person, party) in members(text)


def test_a_politician_from_a_state_names_no_party() -> None:
    assert members("Tom Bale is an American politician from Ohio.") == set()


@pytest.mark.parametrize("text, person, club", [
    ("Tom Bale is a Swedish footballer who plays for Kalmar FF.", "Tom Bale", "Kalmar FF"),
    ("Ivo Petrak is a Serbian footballer who plays for FK Harlow Sloboda.", "Ivo Petrak", "FK Harlow Sloboda"),
])
def test_a_club_named_with_its_mark(text: str, person: str, club: str) -> None:
    assert (person, club) in members(text)


def test_a_capitalized_if_opens_no_club() -> None:
    assert "org" not in kinds("If Tom Bale had won, the party would have split.").values()


@pytest.mark.parametrize("text, person, band", [
    ("The first popular artist was Tom Bale, who created the band Harrow influenced by punk.", "Tom Bale", "Harrow"),
    ("The best known singer was Ana Lund, who formed the trio Velvet Rain influenced by folk.",
     "Ana Lund", "Velvet Rain"),
])
def test_a_band_named_after_its_noun_though_parsed_as_a_clause_subject(text: str, person: str, band: str) -> None:
    assert (person, band) in members(text)


@pytest.mark.parametrize("text, person, band", [
    ("Jonas Berg is a Swedish guitarist. He was also a member of Tarvik between 2006 and 2011 as a guitarist.",
     "Jonas Berg", "Tarvik"),
    ("Ivo Petrak is a Czech ice hockey player. He was a member of Kladno from 1990 to 1994 as a defender.",
     "Ivo Petrak", "Kladno"),
])
def test_a_town_one_was_a_member_of_as_a_player_is_a_band_or_team(text: str, person: str, band: str) -> None:
    assert (person, band) in members(text)


def test_a_town_name_after_a_new_band_and_a_comma_is_the_band() -> None:
    assert ("Tom Bale", "Harlow") in members("In 1995 Tom Bale created a new band, Harlow, with two friends.")


@pytest.mark.parametrize("text", [
    "She was a member of Kalmar between 1990 and 1994 as a local councillor.",
    "He was a member of Kalmar between 1990 and 1994, and later worked as a bus driver.",
])
def test_a_town_with_no_band_or_team_role_stays_a_place(text: str) -> None:
    assert "org" not in kinds(text).values()


def test_every_person_who_forms_a_band_is_its_member() -> None:
    got = members("Tom Bale, Jonas Berg and Phil Stone formed the band Harrow in 1990.")
    assert {("Tom Bale", "Harrow"), ("Jonas Berg", "Harrow"), ("Phil Stone", "Harrow")} <= got


def test_people_who_form_a_company_are_not_its_members() -> None:
    got = members("Tom Bale and Jonas Berg formed the company Harrow Tools in 1990.")
    assert got == set()


@pytest.mark.parametrize("text, member, body", [
    ("Tarvik Rovers is one of the twelve member clubs of the Norland Football League.",
     "Tarvik Rovers", "Norland Football League"),
    ("The Dock Porters Union was among the founding member unions of the Norland Trades Union Congress.",
     "Dock Porters Union", "Norland Trades Union Congress"),
])
def test_one_of_the_member_clubs_or_unions_of(text: str, member: str, body: str) -> None:
    assert (member, body) in members(text)


def test_one_of_the_oldest_clubs_of_a_league_is_no_membership_claim() -> None:
    assert members("Tarvik Rovers is one of the oldest clubs of the Norland Football League.") == set()


@pytest.mark.parametrize("text, person, party", [
    ("Tom Bale is a Liberal Democrat politician and former MP.", "Tom Bale", "Liberal Democrat"),
    ("Hans Vogel was a German Christian Democrat politician.", "Hans Vogel", "Christian Democrat"),
])
def test_a_two_word_democrat_label_is_kept_whole(text: str, person: str, party: str) -> None:
    assert (person, party) in members(text)


@pytest.mark.parametrize("text, person", [
    ("Ana Ruiz is a Chilean novelist. She joined the Radical Party in 1990.", "Ana Ruiz"),
    ("Ana Ruiz is the lead singer of Harrow.", "Ana Ruiz"),
])
def test_a_full_name_said_to_be_what_only_a_person_is_names_a_person(text: str, person: str) -> None:
    assert kinds(text)[person] == "person"


@pytest.mark.parametrize("text, body", [
    ("Orbis Media is a British publisher.", "Orbis Media"),
    ("The Velvet Foxes are an English rock band.", "Velvet Foxes"),
])
def test_a_body_said_to_be_a_publisher_or_band_stays_a_body(text: str, body: str) -> None:
    assert kinds(text)[body] == "org"


@pytest.mark.parametrize("text, people, body", [
    ("In 1994 Tom Bale with Rudi Meier joined the underground band Neue Raster.",
     {"Tom Bale", "Rudi Meier"}, "Neue Raster"),
    ("Jonas Berg, together with Ivo Petrak, joined the Harbour Workers Union in 1931.",
     {"Jonas Berg", "Ivo Petrak"}, "Harbour Workers Union"),
])
def test_people_who_join_with_the_subject_join_too(text: str, people: set[str], body: str) -> None:
    assert {(p, body) for p in people} <= members(text)


def test_elected_a_member_in_a_coordinated_clause() -> None:
    text = ("Ivan Petrov is a Russian mathematician. He was elected in 1966 a corresponding member "
            "and in 1990 a full member of the Russian Academy of Sciences.")
    assert ("Ivan Petrov", "Russian Academy of Sciences") in members(text)


def test_joining_a_bank_with_a_colleague_is_a_job() -> None:
    assert members("In 1990 Tom Bale with Rudi Meier joined Orbis Bank.") == set()


@pytest.mark.parametrize("text, person, party", [
    ("The Labour Party's Tom Bale won the seat in 1997.", "Tom Bale", "Labour Party"),
    ("Tom Bale, a Social Democrat, was appointed minister in 1990.", "Tom Bale", "Social Democrat"),
    ("Tom Bale has sat in the Storting for the Centre Party since 2005.", "Tom Bale", "Centre Party"),
    ("Tom Bale led the Norland Centre Party from 1990 to 2001.", "Tom Bale", "Norland Centre Party"),
    ("Tom Bale chaired the Royal Kestrel Society.", "Tom Bale", "Royal Kestrel Society"),
])
def test_more_ways_a_person_is_in_a_party_or_society(text: str, person: str, party: str) -> None:
    assert (person, party) in members(text)


@pytest.mark.parametrize("text", [
    "Orbis Media's Tom Bale said the deal was off.",
    "Tom Bale led Orbis Media Corporation from 1990 to 2001.",
    "Tom Bale led the Norland Football League for a decade.",
    "Tom Bale led the Soviet Union.",
])
def test_a_firms_man_or_a_leader_of_a_state_or_league_is_no_member(text: str) -> None:
    assert members(text) == set()


def test_a_member_who_left_and_the_one_who_replaced_them() -> None:
    got = facts("The Grey Gulls were formed in 1994 by the singer Ada Morn and the fiddler Piet Ruud. "
                "Ruud left the band in 2001 and was replaced by Tomas Lind.")
    assert ("member_of", "Tomas Lind", "Grey Gulls", "2001") in {f[:4] for f in got}
    got = facts("The Harrow Rugby Club was founded in 1901. Its captain Ola Berg left the club in 1920 "
                "and was replaced by Peter Hanson.")
    assert ("member_of", "Peter Hanson", "Harrow Rugby Club", "1920") in {f[:4] for f in got}


def test_a_surname_the_tagger_took_for_a_noun_is_still_the_person() -> None:
    got = facts("The Grey Gulls were formed in 1994 by the singer Ada Morn. "
                "Morn is also a member of the Kessel Chamber Choir.")
    assert ("member_of", "Ada Morn", "Kessel Chamber Choir", None) in {f[:4] for f in got}


def test_its_leader_is_a_member_of_a_party_not_of_a_firm() -> None:
    got = facts("The Agrarian Liberal Party is a political party. Its current leader is Mette Halvorsen.")
    assert ("member_of", "Mette Halvorsen", "Agrarian Liberal Party", None) in {f[:4] for f in got}
    got = facts("Kestrel Instruments is a maker of scales. Its leader is Harold Pike.")
    assert not any(f[0] == "member_of" for f in got)


def test_the_original_line_up_consisted_of_the_band_in_focus() -> None:
    got = {f[:4] for f in facts(
        "The Silver Comets were a British pop group formed in London in 1978. The original line-up "
        "consisted of Jenny Frost (vocals), Alan Pike (guitar) and Rob Tate (drums).")}
    for person in ("Jenny Frost", "Alan Pike", "Rob Tate"):
        assert ("member_of", person, "Silver Comets", None) in got
    got = {f[:4] for f in facts(
        "The Harbour Jazz Quartet was formed in Tarvik in 1961. The first line-up consisted of Ole Berg "
        "(piano) and Kari Lund (bass).")}
    assert ("member_of", "Kari Lund", "Harbour Jazz Quartet", None) in got


def test_the_clubs_former_player_is_the_striker() -> None:
    got = {f[:4] for f in facts("FC Dornbach is an Austrian football club. The club's best-known former "
                                "player is the striker Karl Hofer.")}
    assert ("member_of", "Karl Hofer", "FC Dornbach", None) in got


def test_its_first_secretary_is_a_member_of_a_society_not_of_a_firm() -> None:
    got = {f[:4] for f in facts("The Kessel Chess Society was founded in 1896. Its first secretary, Anna Berg, "
                                "had previously belonged to the Tarvik Chess Club.")}
    assert ("member_of", "Anna Berg", "Kessel Chess Society", None) in got
    got = {f[:4] for f in facts("Kestrel Instruments was founded in 1948. Its first chairman, Harold Pike, "
                                "retired in 1970.")}
    assert not any(f[0] == "member_of" for f in got)


def test_a_member_of_one_body_since_a_year_and_of_another_since_another() -> None:
    got = {f[:4] for f in facts("The Party of Labour and Renewal is a party in Estoria. The party has been a "
                                "member of the Party of European Socialists since 2006 and of the Socialist "
                                "International since 2008.")}
    assert ("member_of", "Party of Labour and Renewal", "Socialist International", "2008") in got
    got = {f[:4] for f in facts("Anna Berg is a member of the Kessel Academy since 2008 and of the Tarvik Society.")}
    assert ("member_of", "Anna Berg", "Tarvik Society", None) in got
    assert ("member_of", "Anna Berg", "Kessel Academy", "2008") in got


def test_the_singer_who_fronted_a_band() -> None:
    got = {f[:4] for f in facts("Helen Marsh is an English singer who fronted the indie band Paper Lanterns "
                                "from 1994 to 2001.")}
    assert ("member_of", "Helen Marsh", "Paper Lanterns", "1994") in got
    got = {f[:4] for f in facts("The Paper Lanterns were an indie band, fronted by Helen Marsh.")}
    assert ("member_of", "Helen Marsh", "Paper Lanterns", None) in got
    assert not any(f[0] == "member_of" for f in facts("Helen Marsh fronted a campaign against the Kessel Union."))


def test_the_bands_line_up_is_its_members() -> None:
    for text in ("The Paper Lanterns were formed in 1993. The band's current line-up is Helen Marsh, Ola Berg "
                 "and Tom Vik.",
                 "The Paper Lanterns were formed in 1993. The original lineup was Helen Marsh, Ola Berg and Tom Vik."):
        got = {f[:4] for f in facts(text)}
        for person in ("Helen Marsh", "Ola Berg", "Tom Vik"):
            assert ("member_of", person, "Paper Lanterns", None) in got, text


def test_a_reading_without_the_date_gives_way_to_the_dated_one() -> None:
    got = [f for f in facts("Erik Holm served as a Liberal member of the Storting from 1965 to 1973.")
           if f[0] == "member_of" and f[2] == "Liberal"]
    assert [f[3] for f in got] == ["1965"]
