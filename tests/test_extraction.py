"""Each rule, tested by sentences written for it (fictional organizations), on the real
spaCy pipeline."""
from __future__ import annotations

from orgline.model import DocumentFacts, Source
from orgline.nlp import extract
from orgline.nlp.acronyms import letters_match


def read(text: str) -> DocumentFacts:
    return extract(Source(text=text, origin="test.txt"))


def facts(text: str) -> set[tuple[object, ...]]:
    f = read(text)
    label = {e.key: e.label for e in f.entities}
    return {(c.type, label[c.subject], label.get(c.object or "") or c.value, c.date, c.negated,
             label.get(c.according_to or "")) for c in f.claims}


def names_of(f: DocumentFacts, label: str) -> set[str]:
    return {n.text for e in f.entities if e.label == label for n in e.names}


def test_letters_match_acronyms() -> None:
    assert letters_match("EWL", "Eastfield Workers League")
    assert letters_match("GEOTECHS", "GEOlogical TECHnicianS")
    assert not letters_match("XYZ", "Eastfield Workers League")


def test_full_name_then_acronym_is_one_entity() -> None:
    f = read("The Coastal Fishers Union (CFU) was founded in 1948. The CFU was based in Hull.")
    assert {"Coastal Fishers Union", "CFU"} <= names_of(f, "Coastal Fishers Union")


def test_acronym_for_quoted_expansion() -> None:
    f = read('It grew from a group called PEWG (for "People\'s Education Working Group") in Leeds.')
    assert any({"PEWG", "People's Education Working Group"} <= {n.text for n in e.names} for e in f.entities)


def test_country_suffix_acronym() -> None:
    f = read("The Socialist Labor Party, USA (SLP, USA) was founded in 1876. The SLP, USA later split.")
    assert {"Socialist Labor Party, USA", "SLP, USA"} <= names_of(f, "Socialist Labor Party, USA")


def test_founded_as_with_date_and_origin() -> None:
    got = facts("The Tenants Federation was founded as the Renters Committee in 1958 "
                "from a group called TAG at Leith Institute.")
    assert ("founded", "Tenants Federation", None, "1958", False, None) in got
    assert ("named", "Tenants Federation", "Renters Committee", "1958", False, None) in got
    assert ("formed_from", "Tenants Federation", "TAG", "1958", False, None) in got


def test_rename_is_dated_and_the_group_is_the_topic() -> None:
    got = facts("The Renters Committee was founded in 1958. The group changed its name to "
                "the Tenants Federation in 1963.")
    assert ("named", "Tenants Federation", "Tenants Federation", "1963", False, None) in got


def test_name_taken_for_own_section_is_another_entity() -> None:
    f = read("The Renters Committee was founded in 1958. The group changed its name to the "
             "Tenants Federation in 1963 after the Housing League adopted the name \"Renters "
             "Committee\" for its own youth section.")
    bearers = [e for e in f.entities if "Renters Committee" in {n.text for n in e.names}]
    assert len(bearers) == 2
    validity = sorted(((n.valid_from, n.valid_to) for e in bearers for n in e.names
                       if n.text == "Renters Committee"), key=str)
    assert validity == [("1958", "1963"), ("1963", None)]
    # the name as the new body adopts it is a mention of the new body; the first, of the old
    text = "The Renters Committee was founded in 1958."
    old = next(e for e in bearers if e.label == "Tenants Federation")
    new = next(e for e in bearers if e is not old)
    assert [m.start for m in old.mentions if m.text == "Renters Committee"] == [text.index("Renters")]
    assert [m.text for m in new.mentions] == ["Renters Committee"]
    assert new.mentions[0].start > f.source.text.index("adopted")


def test_month_year_publication() -> None:
    got = facts('In a pamphlet titled "Rent Strike Days", published by the Tenants Federation '
                "in October 1971, the federation told its story.")
    assert ("published", "Rent Strike Days", "Tenants Federation", "1971-10", False, None) in got


def test_attributed_denial_is_negated_membership() -> None:
    got = facts("The Tenants Federation was founded in 1958. According to the Tenants "
                "Federation, its members were never members of the Radical Party.")
    assert ("member_of", "Tenants Federation", "Radical Party", None, True, "Tenants Federation") in got


def test_location_membership_break_ideology() -> None:
    got = facts("The Fen Drainage Union was based in Ely. The union joined the Eastern Trades "
                "Council in 1965. It broke with the Eastern Trades Council in 1974. The union "
                "espoused syndicalism.")
    assert ("location", "Fen Drainage Union", "Ely", None, False, None) in got
    assert ("member_of", "Fen Drainage Union", "Eastern Trades Council", "1965", False, None) in got
    assert ("broke_with", "Fen Drainage Union", "Eastern Trades Council", "1974", False, None) in got
    assert ("ideology", "Fen Drainage Union", "syndicalism", None, False, None) in got


def test_states_that_attributes_to_speaker() -> None:
    got = facts("The Fen Drainage Union was founded in 1920. The Fen Drainage Union states "
                "that it was never a member of the Liberal Party.")
    assert any(t[0] == "member_of" and t[4] and t[5] == "Fen Drainage Union" for t in got)


def test_evidence_points_into_the_text() -> None:
    text = "The Coastal Fishers Union was founded in 1948."
    f = read(text)
    for c in f.claims:
        for span in c.evidence:
            assert text[span.start:span.end] == span.text


def test_a_quote_that_opens_on_a_space_is_read() -> None:
    # tokenized text, as some corpora give it: the quote mark stands apart from its words
    text = ('The Fenland Drainage Guild was founded in 1911. As " the oldest guild of the '
            'county and the first to admit women, " the guild keeps a library in Ely.')
    assert ("founded", "Fenland Drainage Guild", None, "1911", False, None) in facts(text)


def test_a_chronology_line_keeps_its_year() -> None:
    text = ("A chronology of the guild\n\n"
            "1958 - On 4 March the Weavers Guild is founded in Bradford.\n"
            "1963 - In May the Weavers Guild joins the Textile Federation.\n")
    got = facts(text)
    assert ("founded", "Weavers Guild", None, "1958-03-04", False, None) in got
    assert ("member_of", "Weavers Guild", "Textile Federation", "1963-05", False, None) in got


def test_coordinated_verbs_share_a_date_and_keep_their_own() -> None:
    got = facts("Later that month the dissidents left the Weavers Guild and set up the Loom "
                "Workers League. The Weavers Guild was founded in June 1958. In 1960 it joined "
                "the Textile Federation and took the name Weavers Union in 1962.")
    # the label is the latest name
    assert ("named", "Weavers Union", "Weavers Union", "1962", False, None) in got
    assert ("member_of", "Weavers Union", "Textile Federation", "1960", False, None) in got


def test_a_date_inside_a_noun_does_not_date_the_next_verb() -> None:
    got = facts("On 2 May 1961, after the 1960 strike, the chairman resigned and the Dock "
                "Clerks Union was formed.")
    assert ("founded", "Dock Clerks Union", None, "1961-05-02", False, None) in got


def test_the_date_hung_on_the_verb_wins() -> None:
    got = facts("The Ferry Hands Society was organized in 1930. The society joined the Harbour "
                "Council the following year and adopted the name Ferry Workers Union in 1936, "
                "after a long strike.")
    assert ("named", "Ferry Workers Union", "Ferry Workers Union", "1936", False, None) in got


def test_an_acronym_defined_once_is_a_mention_wherever_it_recurs() -> None:
    got = facts("The Guild of Harbour Pilots (GHP) was set up in 1901 in Cardiff. When GHP "
                "disbanded in 1950, most pilots moved to other work.")
    assert ("dissolved", "Guild of Harbour Pilots", None, "1950", False, None) in got


def test_a_participle_after_a_name_describes_that_name() -> None:
    got = facts("The pilots were among the founders of the Coastal Workers Federation (CWF), "
                "set up in March 1905. Its rival was the Seamen's Assembly, launched in Hull "
                "on 3 May 1911.")
    assert ("founded", "Coastal Workers Federation", None, "1905-03", False, None) in got
    assert ("founded", "Seamen's Assembly", None, "1911-05-03", False, None) in got
    assert ("location", "Seamen's Assembly", "Hull", "1911-05-03", False, None) in got


def test_an_acronym_spells_the_whole_long_form() -> None:
    f = read("Friends of a Democratic Harbour (FDH) was founded in 1972 by dockers in Bristol.")
    assert {"Friends of a Democratic Harbour", "FDH"} <= names_of(f, "Friends of a Democratic Harbour")


OWN_ACCOUNT = """About us

HARP - Hull Action for Refugee Placement - grew out of a church soup kitchen. In the \
winter of 1988 volunteers from St Mary's Church began visiting hostels. We were constituted \
as the Hull Refugee Committee (HRC) on 4 June 1990, and on our fifth anniversary we changed \
our name to HARP. We have been a member of the Humber Housing Network since 1996."""


def test_we_is_the_organization_whose_account_it_is() -> None:
    got = facts(OWN_ACCOUNT)
    assert ("member_of", "HARP", "Humber Housing Network", "1996", False, None) in got
    assert ("founded", "HARP", None, "1990-06-04", False, None) in got
    assert not any(c[1] == "St Mary's Church" for c in got)


def test_a_short_form_and_its_long_form_are_named_alike() -> None:
    f = read(OWN_ACCOUNT)
    named = {(c.value, c.date, c.end) for c in f.claims if c.type == "named"}
    assert {("HARP", "1995", None), ("Hull Action for Refugee Placement", "1995", None),
            ("Hull Refugee Committee", "1990-06-04", "1995"), ("HRC", "1990-06-04", "1995")} <= named


def test_every_name_of_a_renamed_organization_is_stated() -> None:
    f = read("For years the Miners Federation (MF) kept a youth section, the Young Miners League "
             "(YML). In March 1961 YML took the name Coalfield Youth Union.")
    named = {(c.value, c.date) for c in f.claims if c.type == "named"}
    assert {("Coalfield Youth Union", "1961-03"), ("Young Miners League", None)} <= named


def test_a_faction_named_in_apposition_is_what_it_refers_to() -> None:
    got = facts("The Coalfield Youth Union split in 1969. One faction, Red Seam, walked out and "
                "kept the newspaper; it later became known as the Red Seam Collective.")
    assert ("named", "Red Seam Collective", "Red Seam Collective", None, False, None) in got
    assert not any(c[0] == "named" and c[1] == "Coalfield Youth Union" and c[2] == "Red Seam Collective"
                   for c in got)


def test_a_figure_of_speech_is_not_a_founding() -> None:
    got = facts("The Coalfield Youth Union was founded in 1961. It did not start from nothing.")
    assert [c for c in got if c[0] == "founded"] == [
        ("founded", "Coalfield Youth Union", None, "1961", False, None)]


def test_renamed_by_someone_else() -> None:
    got = facts("The Upland League was founded in 2017. In 2023 delegates of the Heartland "
                "League voted to rename the party the Rural Harvest Party (RHP).")
    assert ("named", "Rural Harvest Party", "Rural Harvest Party", "2023", False, None) in got


def test_a_body_that_came_into_being_when_two_united_is_their_result() -> None:
    got = facts("The Upland League was formed in 2010. The alliance came into being in March "
                "2017, when the Rural Voice party united with the Field and Home League.")
    assert ("merged", "Rural Voice", "Upland League", "2017-03", False, None) in got
    assert ("merged", "Field and Home League", "Upland League", "2017-03", False, None) in got


def test_where_it_is_headquartered() -> None:
    got = facts("The Upland League was founded in 2017. Its president spoke to reporters in "
                "Hamilton, where the league is headquartered, about the new name.")
    assert ("location", "Upland League", "Hamilton", None, False, None) in got


def test_merging_to_form_founds_the_result_once_and_dates_its_seat() -> None:
    got = facts("In 1948 the Northern Valve Works merged with the Delta Cable Company to form "
                "United Electric Industries (UEI), headquartered in Rotterdam.")
    assert ("location", "United Electric Industries", "Rotterdam", "1948", False, None) in got
    assert [c for c in got if c[0] == "founded"] == [
        ("founded", "United Electric Industries", None, "1948", False, None)]
    assert not any(c[0] == "founded_by" for c in got)


def named_claims(text: str) -> set[tuple[str | None, str | None, str | None]]:
    return {(c.value, c.date, c.end) for c in read(text).claims if c.type == "named"}


def test_rebranded_though_the_model_lemmatizes_it_badly() -> None:
    assert ("Zentrix Industries", "1971", None) in named_claims(
        "The Zentrix Group was founded in 1921. In 1971 the group rebranded as Zentrix Industries.")


def test_a_name_held_until_a_date() -> None:
    # borne from the founding until then; the name it bears now, from then on
    got = named_claims("The Workers Rally was founded in 1972. Until 2018 it was called the "
                       "Patriotic Front (PF).")
    assert {("Patriotic Front", "1972", "2018"), ("PF", "1972", "2018"), ("Workers Rally", "2018", None)} <= got
    assert ("Patriotic Front", None, "2018") in named_claims("Until 2018 the Workers Rally was called "
                                                           "the Patriotic Front (PF).")


def test_a_chronology_entry_without_a_subject() -> None:
    assert ("Norland Draughts Union", "1923", None) in named_claims(
        "The Draughts Association was founded in 1884.\n1923 - Renamed the Norland Draughts Union.")


def test_incorporated_under_a_name_keeps_the_first_founding_for_the_first_name() -> None:
    named = named_claims("Van Loon Radio Works was founded in 1921. It was incorporated in 1930 "
                         "under the name Dutch Valve Factory.")
    assert {("Dutch Valve Factory", "1930", None), ("Van Loon Radio Works", "1921", "1930")} <= named


def test_he_and_she_are_the_person_named_last() -> None:
    got = facts("Ama Boateng, a nurse, died in 2020. Born in Kumasi, she joined the Midwives "
                "Union in 1962. She was never a member of the National Party.")
    assert ("member_of", "Ama Boateng", "Midwives Union", "1962", False, None) in got
    assert ("member_of", "Ama Boateng", "National Party", None, True, None) in got


def test_founders_described_by_their_employer_are_not_that_employer() -> None:
    got = facts("The Valley League was founded in 1971 by students at Linden College. The "
                "Harbour Union was set up in 1996 by three former Dell engineers.")
    assert not any(c[0] == "founded_by" for c in got)
    assert ("founded", "Valley League", None, "1971", False, None) in got


def test_it_inside_a_relative_clause_is_what_the_clause_describes() -> None:
    got = facts("The Rural Party was founded in 2010. In 2023 its candidates left to form the "
                "Liberty Caucus, which says it espouses classical liberalism.")
    assert any(c[0] == "ideology" and c[1] == "Liberty Caucus" for c in got)
    assert not any(c[0] == "ideology" and c[1] == "Rural Party" for c in got)


def test_names_with_of_the_inside() -> None:
    got = facts("The Sisters of Saint Ita of the Hills were founded on 2 February 1847 in Sligo.")
    assert ("founded", "Sisters of Saint Ita of the Hills", None, "1847-02-02", False, None) in got


def kinds(text: str) -> dict[str, str]:
    return {e.label: e.kind.value for e in read(text).entities}


def test_a_name_after_a_word_for_a_body_names_a_body() -> None:
    got = kinds("In 2008 our youth team left to form an independent charity, Young Roots "
                "Dundee, with which we still work closely. The Walloon movement Ecologie "
                "Solidaire met in Namur.")
    assert got.get("Young Roots Dundee") == "org" and got.get("Ecologie Solidaire") == "org"


def test_a_name_defining_an_acronym_names_a_body() -> None:
    assert kinds("Groene Stroom Vlaanderen (GSV) was founded in 2004.").get("Groene Stroom Vlaanderen") == "org"


def test_two_bodies_forming_one_merge_into_it_undated_by_a_clause_on_one_of_them() -> None:
    got = facts("Groene Stroom Vlaanderen (GSV), founded in 2004 by dissidents, and the Walloon "
                "movement Ecologie Solidaire now form a single party, Union Verte.")
    assert ("merged", "Groene Stroom Vlaanderen", "Union Verte", None, False, None) in got
    assert ("merged", "Ecologie Solidaire", "Union Verte", None, False, None) in got
    assert ("founded", "Groene Stroom Vlaanderen", None, "2004", False, None) in got
    assert not any(c[0] == "founded_by" for c in got)


def test_a_participle_on_the_founding_name_dates_the_founding() -> None:
    got = facts("The River Cannery Union (RCU) began as the Harbor Fish Union, organized in "
                "Astoria in the spring of 1937 by cannery hands.")
    assert ("founded", "River Cannery Union", None, "1937-21", False, None) in got


def test_an_acronym_taken_in_a_rename_is_dated_with_it() -> None:
    named = named_claims(
        'TWL was founded as the Tenant Workers Union (TWU) in 1983 in Leeds. Before it became '
        'TWL, the union met in a church hall. The group changed its name to "Tenant Workers '
        'League (TWL)" in 1984.')
    assert {("Tenant Workers League", "1984", None), ("TWL", "1984", None),
            ("Tenant Workers Union", "1983", "1984")} <= named
    assert ("TWL", None, None) not in named


def test_a_body_set_up_and_then_renamed_keeps_one_identity() -> None:
    f = read("In 1958 the members of the Rent Action Group set up a permanent body, the Quay "
             "Renters Committee, to speak for the tenants. The committee changed its name to "
             "the Harbour Tenants League in 1963.")
    named = {(c.value, c.date, c.end) for c in f.claims if c.type == "named"}
    assert {("Quay Renters Committee", "1958", "1963"), ("Harbour Tenants League", "1963", None)} <= named
    assert len({c.subject for c in f.claims if c.type == "named"}) == 1


def test_took_its_present_name() -> None:
    named = named_claims("The League for Civic Reform (LCR) had been founded in 1905 as the "
                         "Municipal Reform Society and took its later name in 1921.")
    assert {("Municipal Reform Society", "1905", "1921"), ("League for Civic Reform", "1921", None),
            ("LCR", "1921", None)} <= named


def test_a_question_about_a_founding_is_not_one() -> None:
    got = facts("Historians disagree about when the Workers League of Salto was founded.")
    assert not any(c[0] == "founded" for c in got)


def test_daughters_of_the_cross_is_a_name_and_sisters_in_canada_is_not() -> None:
    got = facts("The Teaching Sisters of Nantes are a Catholic order. The congregation was "
                "founded as the Daughters of the Cross of Lyon in 1852. "
                "Sisters in Canada broke away in 1907 to form the Sisters of the Cross of Ontario.")
    assert any(c[0] == "named" and c[2] == "Daughters of the Cross of Lyon" for c in got)
    assert not any("Sisters in Canada" in (c[1], c[2]) for c in got)


def test_members_who_move_do_not_move_their_organization() -> None:
    got = facts("The Dock Guild was founded in 1950. In 1968 its last members joined the Port Union. "
                "Its founders had previously belonged to the Seamen's League.")
    assert not any(c[0] == "member_of" for c in got)
    got = facts("The Dock Guild was founded in 1950. The Dock Guild's members were never members "
                "of the Port Union.")
    assert ("member_of", "Dock Guild", "Port Union", None, True, None) in got
