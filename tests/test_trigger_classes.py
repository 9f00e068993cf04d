"""The trigger vocabulary by event class (lexicon.py): each new phrasing, in sentences
written for it about fictional bodies of at least two kinds, through the real pipeline;
and sentences that must not yield the claim."""
from __future__ import annotations

from test_extraction import facts
from test_members import read


def has(text: str, *want: tuple[object, ...]) -> set[tuple[object, ...]]:
    got = {f[:4] for f in facts(text)}
    for w in want:
        assert w in got, (w, got)
    return got


# ---- coming into being --------------------------------------------------------------------

def test_participle_on_the_predicate_noun_founds_the_subject() -> None:
    has("Harbour Freight Lines is a shipping company established in 1929 by Arne Kolberg and Lise Moen.",
        ("founded", "Harbour Freight Lines", None, "1929"),
        ("founded_by", "Harbour Freight Lines", "Arne Kolberg", "1929"),
        ("founded_by", "Harbour Freight Lines", "Lise Moen", "1929"))
    has("The Dunmore Teachers Union is a trade union started by Maya Quist in 1990.",
        ("founded", "Dunmore Teachers Union", None, "1990"),
        ("founded_by", "Dunmore Teachers Union", "Maya Quist", "1990"))


def test_a_place_described_by_a_participle_is_not_founded() -> None:
    got = facts("Eastwick is a market town established in 1290 by royal charter.")
    assert not any(f[0] == "founded" for f in got)


def test_opened_its_doors() -> None:
    has("St Aldric College opened its doors in 1907.", ("founded", "St Aldric College", None, "1907"))
    has("The Brackley Savings Bank opened its doors in 1852.",
        ("founded", "Brackley Savings Bank", None, "1852"))
    got = facts("The Harrow Savings Bank opened an office in York in 1990.")
    assert not any(f[0] == "founded" for f in got)


def test_launched_without_an_object_founds_the_subject() -> None:
    has("Kestrel TV closed on 26 March 2013, but Orbis Channel launched on 10 December 2013.",
        ("founded", "Orbis Channel", None, "2013-12-10"),
        ("dissolved", "Kestrel TV", None, "2013-03-26"))
    got = facts("The Greenway Party launched a campaign against the motorway in 1995.")
    assert not any(f[0] == "founded" for f in got)


def test_founding_told_as_a_noun_with_its_own_date() -> None:
    has("Westbury Academy has trained nurses since its inception in 1985.",
        ("founded", "Westbury Academy", None, "1985"))
    has("The establishment of the Corran Dockers Union in 1911 was a turning point.",
        ("founded", "Corran Dockers Union", None, "1911"))
    got = facts("The Corran Dockers Union was proud of its foundation.")
    assert not any(f[0] == "founded" for f in got)


# ---- ending --------------------------------------------------------------------------------

def test_closed_shut_and_wound_up() -> None:
    has("The Marlow Bank was closed down by royal order in 1771.", ("dissolved", "Marlow Bank", None, "1771"))
    has("The Tinsley Miners Union was wound up in 1988.", ("dissolved", "Tinsley Miners Union", None, "1988"))
    has("The Harrow Savings Bank shut down in 2001.", ("dissolved", "Harrow Savings Bank", None, "2001"))
    has("The Pelham Weekly closed its doors in 1964.", ("dissolved", "Pelham Weekly", None, "1964"))


def test_closing_a_part_or_a_price_ends_nothing() -> None:
    for text in ("The Marlow Bank closed its branch in Leeds in 1990.",
                 "Shares in the Marlow Bank closed at 12p on Friday.",
                 "The Tinsley Miners Union wound its banner around the pole."):
        assert not any(f[0] == "dissolved" for f in facts(text)), text


# ---- owning and being owned ----------------------------------------------------------------

def test_owned_by_and_owns() -> None:
    has("Sorrel Books is a publishing house owned by the Bramwell Media Group.",
        ("parent_org", "Sorrel Books", "Bramwell Media Group", None))
    has("Since 1990 the Grainger Bank has owned Pellow Savings.",
        ("parent_org", "Pellow Savings", "Grainger Bank", "1990"))


def test_owned_by_a_person_is_no_parent_organization() -> None:
    got = facts("The Orla Hostel is owned by Maya Quist.")
    assert not any(f[0] == "parent_org" for f in got)


def test_sold_to() -> None:
    has("Pellow Savings was sold to the Grainger Bank in 1998.",
        ("parent_org", "Pellow Savings", "Grainger Bank", "1998"))
    has("In 1972 the Hartwell Group sold the Corran Evening Post to the Vesey Press.",
        ("parent_org", "Corran Evening Post", "Vesey Press", "1972"))


def test_part_of() -> None:
    has("The Ashby Cycling Club is part of the Northern Cycling Federation.",
        ("parent_org", "Ashby Cycling Club", "Northern Cycling Federation", None))
    has("The Carrow Law School has been part of the University of Carrow since 1970.",
        ("parent_org", "Carrow Law School", "University of Carrow", "1970"))
    got = facts("The Ashby Cycling Club is a large part of the Northern Cycling Federation's history.")
    assert not any(f[0] == "parent_org" for f in got)


# ---- uniting -------------------------------------------------------------------------------

def test_formed_by_the_merger_of_merges_into_the_product() -> None:
    got = has("The Light Alliance was formed by the merger of the Tallow Party and the Candle League in 1931.",
              ("founded", "Light Alliance", None, "1931"),
              ("merged", "Tallow Party", "Light Alliance", "1931"),
              ("merged", "Candle League", "Light Alliance", "1931"))
    assert ("merged", "Tallow Party", "Candle League", "1931") not in got
    got = has("The Orbis Bank is a lender formed from the merger of Pellow Savings and the Grainger Bank in 2003.",
              ("founded", "Orbis Bank", None, "2003"),
              ("merged", "Pellow Savings", "Orbis Bank", "2003"),
              ("merged", "Grainger Bank", "Orbis Bank", "2003"))
    assert not any(f[0] == "formed_from" for f in got)


def test_the_merger_with_its_date_between_it_and_the_bodies() -> None:
    has("Kestrel Media is a publishing company formed from the merger on April 1, 2003 of the developer "
        "Tarvo and the publisher Orbis.",
        ("merged", "Tarvo", "Kestrel Media", "2003-04-01"), ("merged", "Orbis", "Kestrel Media", "2003-04-01"))
    has("The Harbour Alliance was formed from the merger in 1931 of the Dock Porters Union and the Quay Guild.",
        ("merged", "Dock Porters Union", "Harbour Alliance", "1931"),
        ("merged", "Quay Guild", "Harbour Alliance", "1931"))


def test_a_name_coordinated_with_a_body_is_a_body() -> None:
    has("Kestrel Media was formed in 2003 from the merger of Tarvo Games and Orbis Books.",
        ("merged", "Tarvo Games", "Kestrel Media", "2003"), ("merged", "Orbis Books", "Kestrel Media", "2003"))
    got = facts("The festival was sponsored by Orbis Books and Tom Bale.")
    assert not any("Tom Bale" in (f[1], f[2]) for f in got)


def test_merger_without_a_product_is_one_claim_per_pair() -> None:
    got = facts("The Tallow Party merged with the Candle League in 1931.")
    merged = [f for f in got if f[0] == "merged"]
    assert len(merged) == 1
    got = facts("In 1968 the Corran Dockers Union merged with the Port Clerks Association.")
    assert len([f for f in got if f[0] == "merged"]) == 1


def test_unit_or_command_of_is_part_of_the_body() -> None:
    got = facts("The Fourth Coastal Brigade was a unit of the Royal Fenland Army, active from 1944 to 1958.")
    assert ("parent_org", "Fourth Coastal Brigade", "Royal Fenland Army") in {f[:3] for f in got}
    got = facts("St Anselm Hall is a constituent unit of the University of Carrow.")
    assert ("parent_org", "St Anselm Hall", "University of Carrow") in {f[:3] for f in got}
    got = facts("The Marlow Bank uses the pound as its unit of account.")
    assert not any(f[0] == "parent_org" for f in got)


# ---- a span of existence -------------------------------------------------------------------

def test_active_from_to_founds_and_ends() -> None:
    has("The Fourth Coastal Brigade was a unit of the Royal Fenland Army, active from 1944 to 1958.",
        ("founded", "Fourth Coastal Brigade", None, "1944"),
        ("dissolved", "Fourth Coastal Brigade", None, "1958"))
    has("The Gannet Union was active in Hull from 1890 to 1931.",
        ("founded", "Gannet Union", None, "1890"), ("dissolved", "Gannet Union", None, "1931"))
    got = facts("The Gannet Union has been active in Hull since 1890.")
    assert not any(f[0] == "dissolved" for f in got)
    got = facts("The Corran Harriers are active from May to September.")
    assert not any(f[0] in ("founded", "dissolved") for f in got)


# ---- being based ---------------------------------------------------------------------------

def test_place_based_before_the_noun() -> None:
    has("Marrow Print is a Leeds-based publishing house founded in 1990.",
        ("location", "Marrow Print", "Leeds", None))
    has("The band later joined the Leeds-based label Corvine Records.",
        ("location", "Corvine Records", "Leeds", None))
    got = has("The Gannet Union, a Hull-based trade union, was dissolved in 1971.")
    assert any(f[0] == "location" and f[2] == "Hull" for f in got)


def test_medium_or_people_based_is_no_place() -> None:
    for text in ("Quillon Systems is an Internet-based retailer.",
                 "The Marrow Network is an Australian-based charity."):
        assert not any(f[0] == "location" for f in facts(text)), text


def test_a_town_and_its_region_is_also_called_by_the_town() -> None:
    from test_extraction import read
    f = read("The Brackley Savings Bank is a lender based in Tempe, Arizona.")
    assert any({"Tempe, Arizona", "Tempe"} <= {n.text for n in e.names} for e in f.entities)


# ---- renaming ------------------------------------------------------------------------------

def test_renamed_itself() -> None:
    has("The Lark Press renamed itself Skylark Books in 1975.",
        ("named", "Skylark Books", "Skylark Books", "1975"))
    has("In 1968 the Corran Dockers Union renamed itself the Corran Transport Union.",
        ("named", "Corran Transport Union", "Corran Transport Union", "1968"))
    got = facts("In 1968 the Corran Dockers Union renamed its newsletter.")
    assert not any(f[0] == "named" and f[3] == "1968" for f in got)


# ---- the kind of body, named again ---------------------------------------------------------

def test_the_newspaper_or_the_band_is_the_body_just_named() -> None:
    has("The Corran Evening Post is a weekly newspaper. The newspaper was established in 1844 by "
        "the town's first mayor, Arne Kolberg.",
        ("founded", "Corran Evening Post", None, "1844"),
        ("founded_by", "Corran Evening Post", "Arne Kolberg", "1844"))
    has("St Aldric College is a teacher training college in Leeds. The college was founded in 1907.",
        ("founded", "St Aldric College", None, "1907"))


# ---- splitting -----------------------------------------------------------------------------

def test_spun_out_of() -> None:
    has("In 1999 the Quillon Software Company was spun out of the Grainger Bank as an independent listed firm.",
        ("split_from", "Quillon Software Company", "Grainger Bank", "1999"),
        ("founded", "Quillon Software Company", None, "1999"))
    got = has("In 2004 the Vesey Insurance Company was spun off from the Marlow Bank.",
              ("split_from", "Vesey Insurance Company", "Marlow Bank", "2004"))
    assert not any(f[0] == "founded" for f in got)
    got = facts("In 2004 the Vesey Insurance Company was spinning out of control.")
    assert not any(f[0] in ("split_from", "founded") for f in got)


# ---- founders and parents named by a noun --------------------------------------------------

def test_the_founder_of() -> None:
    got = {f[:3] for f in facts("Arne Kolberg, the founder of the Corran Dockers Union, died in 1950.")}
    assert ("founded_by", "Corran Dockers Union", "Arne Kolberg") in got
    got = {f[:3] for f in facts("The Harbour Savings Bank's founder, Arne Kolberg, died in 1950.")}
    assert ("founded_by", "Harbour Savings Bank", "Arne Kolberg") in got
    got = {f[:3] for f in facts("Raised in a family allied to Labour Union founder Arne Kolberg, she studied law.")}
    assert ("founded_by", "Labour Union", "Arne Kolberg") in got


def test_a_founder_member_is_no_founder() -> None:
    got = facts("Arne Kolberg was a founder member of the Corran Dockers Union.")
    assert not any(f[0] == "founded_by" for f in got)


def test_the_parent_of() -> None:
    got = {f[:3] for f in facts("The Grainger Group, the parent of Pellow Savings, retained a stake.")}
    assert ("parent_org", "Pellow Savings", "Grainger Group") in got
    got = {f[:3] for f in facts("The Vesey Press is the parent company of the Corran Evening Post.")}
    assert ("parent_org", "Corran Evening Post", "Vesey Press") in got
    got = facts("The parents of the pupils at St Aldric College met in 1990.")
    assert not any(f[0] == "parent_org" for f in got)


def test_with_headquarters_or_offices_in() -> None:
    got = {f[:3] for f in facts("The Vesey Press, with offices in Dover, was founded in 1901.")}
    assert ("location", "Vesey Press", "Dover") in got
    got = {f[:3] for f in facts("Orbis Models makes model aircraft. In the United States the company is "
                                "known as Orbis Hobbies, with headquarters in Tempe, Arizona.")}
    assert any(f[0] == "location" and f[2].startswith("Tempe") for f in got)
    got = facts("Arne Kolberg, with friends in Dover, founded the Vesey Press.")
    assert not any(f[0] == "location" for f in got)


def test_a_pronouns_inception_or_launch_needs_the_body_named() -> None:
    got = facts("The Corran Evening Post is a weekly newspaper. Its television show has won praise "
                "since its inception in 1985.")
    assert not any(f[0] == "founded" and f[3] == "1985" for f in got)
    got = facts("The Vesey Press publishes novels. It launched in 2005 to great acclaim.")
    assert not any(f[0] == "founded" and f[3] == "2005" for f in got)
    got = facts("The Marlow Bank closed for repairs in 1990.")
    assert not any(f[0] == "dissolved" for f in got)


def test_broke_up_and_split_up_end_the_body() -> None:
    has("The Hollow Pines broke up in 1990.", ("dissolved", "Hollow Pines", None, "1990"))
    has("The Corran Dockers Union split up in 1921.", ("dissolved", "Corran Dockers Union", None, "1921"))
    got = facts("The Dover Police broke up the meeting in 1990.")
    assert not any(f[0] == "dissolved" for f in got)
    got = has("The Corran Dockers Union broke away from the Port Workers Federation in 1921.",
              ("split_from", "Corran Dockers Union", "Port Workers Federation", "1921"))
    assert not any(f[0] == "dissolved" for f in got)


def test_separated_from_is_a_split() -> None:
    has("The Tarvik Guild separated from the Kessel Union in 1920.",
        ("split_from", "Tarvik Guild", "Kessel Union", "1920"))


def test_an_orders_mother_house_moving_is_its_seat() -> None:
    has("The Sisters of St Wenna are a Catholic congregation founded in Truro in 1854. "
        "In 1980 its mother house moved to Bodmin.",
        ("location", "Sisters of St Wenna", "Bodmin", "1980"))
    got = facts("Dalby Rowing Club was formed in 1865. The Sisters of St Wenna ran schools. "
                "The mother house moved to Bodmin in 1980.")
    assert not any(f[0] == "location" and f[2] == "Bodmin" for f in got)


# ---- added with the fresh histories of banks, orders, airlines, papers, regiments, bands ----

def test_combined_to_create_merges_both_into_the_product() -> None:
    got = has("The Fenwick Mutual Bank and the Ollery Building Society combined in 1989 to create Fenwick Ollery plc.",
              ("merged", "Fenwick Mutual Bank", "Fenwick Ollery plc", "1989"),
              ("merged", "Ollery Building Society", "Fenwick Ollery plc", "1989"),
              ("founded", "Fenwick Ollery plc", None, "1989"))
    assert len([f for f in got if f[0] == "merged"]) == 2
    has("In 1931 the Brora Football Club and Lairg Rovers amalgamated to create Brora Lairg United.",
        ("merged", "Brora Football Club", "Brora Lairg United", "1931"),
        ("merged", "Lairg Rovers", "Brora Lairg United", "1931"))


def test_a_pair_that_merges_or_reunites_with_no_product_is_one_claim() -> None:
    got = facts("The Ashby Glaziers Union and the Carrow Glaziers Union merged in 1968.")
    assert [f[:4] for f in got if f[0] == "merged"] == [
        ("merged", "Ashby Glaziers Union", "Carrow Glaziers Union", "1968")]
    has("The Dowling Sisters reunited with the Brendan Sisters in 1968.",
        ("merged", "Dowling Sisters", "Brendan Sisters", "1968"))
    got = facts("The Fenwick Bank and the Ollery Society had combined assets of four million pounds.")
    assert not any(f[0] == "merged" for f in got)


def test_a_periodical_first_issued_or_appearing_is_founded() -> None:
    # the body is labelled by its first name
    has("The Daily Herald is a newspaper. It was first issued on 2 March 1856 as the Bremwick Weekly Herald "
        "by the printer Samuel Fyfe.",
        ("founded", "Bremwick Weekly Herald", None, "1856-03-02"),
        ("named", "Bremwick Weekly Herald", "Bremwick Weekly Herald", "1856-03-02"),
        ("founded_by", "Bremwick Weekly Herald", "Samuel Fyfe", "1856-03-02"))
    has("Northwind Airways began operations in May 1962 as Polar Air Taxi.",
        ("founded", "Polar Air Taxi", None, "1962-05"),
        ("named", "Polar Air Taxi", "Polar Air Taxi", "1962-05"))
    has("The Tarvik Courier is a weekly newspaper. It first appeared on 3 May 1877.",
        ("founded", "Tarvik Courier", None, "1877-05-03"))


def test_a_newspaper_published_in_a_town_is_based_there() -> None:
    has("The Daily Courier is a newspaper published in Bremport.",
        ("location", "Daily Courier", "Bremport", None))
    has("The Kessel Post, a weekly printed in Tarvik, was closed in 1940.",
        ("location", "Kessel Post", "Tarvik", None))
    got = facts("Orbis Media published a guide in London.")
    assert not any(f[0] == "location" for f in got)


def test_based_at_a_towns_airport_is_based_in_the_town() -> None:
    has("Northwind Airways was an airline based at Tromsby airport.",
        ("location", "Northwind Airways", "Tromsby", None))


def test_severed_or_cut_ties_and_disaffiliated_break_with() -> None:
    has("The Tarvik Trust severed its ties with the Kessel Network in 1999.",
        ("broke_with", "Tarvik Trust", "Kessel Network", "1999"))
    has("The Tarvik Trust cut its ties with the Kessel Network in 1999.",
        ("broke_with", "Tarvik Trust", "Kessel Network", "1999"))
    has("The Federation of Hill Farmers disaffiliated from the Labour Party in 1931.",
        ("broke_with", "Federation of Hill Farmers", "Labour Party", "1931"))
    has("The Kessel Union withdrew from the Northern Federation in 1950.",
        ("broke_with", "Kessel Union", "Northern Federation", "1950"))
    got = facts("The Tarvik Trust cut its staff in 1999 after the Kessel Network left.")
    assert not any(f[0] == "broke_with" for f in got)


def test_an_affiliate_of_is_a_member() -> None:
    has("Verdant Futures is an environmental charity. It became an affiliate of Friends of the Earth in 1990.",
        ("member_of", "Verdant Futures", "Friends of the Earth", "1990"))


def test_a_regiment_of_an_army_raised_by_an_officer() -> None:
    has("The 3rd Highland Rifles was an infantry regiment of the British Army, raised in 1794 at "
        "Inverlochy by Sir Alasdair Munro.",
        ("founded", "3rd Highland Rifles", None, "1794"),
        ("founded_by", "3rd Highland Rifles", "Alasdair Munro", "1794"),
        ("parent_org", "3rd Highland Rifles", "British Army", "1794"))


def test_a_charity_registered_in_a_country_is_not_founded_undated() -> None:
    got = has("Verdant Futures is an environmental charity registered in Scotland. It was set up in 1987.",
              ("location", "Verdant Futures", "Scotland", None),
              ("founded", "Verdant Futures", None, "1987"))
    assert not any(f[0] == "founded" and f[3] is None for f in got)


def test_a_body_active_between_two_years_after_a_place() -> None:
    has("The Workers' Education League was an adult education body active in northern England between "
        "1908 and 1955.",
        ("founded", "Workers' Education League", None, "1908"),
        ("dissolved", "Workers' Education League", None, "1955"))


def test_a_body_another_closes_or_winds_up_is_dissolved() -> None:
    has("Ivy Lane Records was an independent record label. In 1985 the label was bought by Polyvox, "
        "which closed it in 1988.",
        ("dissolved", "Ivy Lane Records", None, "1988"))
    has("In 1951 the court wound up the Tarvik Savings Bank.",
        ("dissolved", "Tarvik Savings Bank", None, "1951"))
    got = facts("The Kessel Union was founded in 1901. The union closed its account in 1950.")
    assert not any(f[0] == "dissolved" for f in got)
    got = facts("Acme Tools closed its factory in Leeds in 1990.")
    assert not any(f[0] == "dissolved" for f in got)


def test_founded_by_people_named_after_what_they_were() -> None:
    has("The Kessel Choir was founded in 1901 by two teachers, Anna Berg and Tom Vik.",
        ("founded_by", "Kessel Choir", "Anna Berg", "1901"),
        ("founded_by", "Kessel Choir", "Tom Vik", "1901"))
    has("Kestrel Instruments was established in Leeds in 1948 by two former army engineers, Harold Pike "
        "and Dennis Rowe.",
        ("founded_by", "Kestrel Instruments", "Harold Pike", "1948"),
        ("founded_by", "Kestrel Instruments", "Dennis Rowe", "1948"))


def test_a_chronology_line_opening_with_a_verb_the_tagger_took_for_a_name() -> None:
    text = ("Timeline of the Coastal Fishermen's Association\n\n"
            "1902 - Founded in Whitby as the Yorkshire Coast Fishermen's Society.\n"
            "1911 - Absorbs the Scarborough Boatmen's Club.\n"
            "1966 - Affiliates to the Transport and General Workers' Union.\n"
            "1983 - Dissolved; its records go to the Hull History Centre.\n")
    body = "Coastal Fishermen's Association"  # the name the heading gives it labels it
    got = has(text, ("merged", "Scarborough Boatmen's Club", body, "1911"),
              ("member_of", body, "Transport and General Workers' Union", "1966"),
              ("dissolved", body, None, "1983"))
    assert not any("Timeline" in str(f[1]) or "Timeline" in str(f[2]) for f in got)
    has("History of the Kessel Chess Club\n\n1890 - Founded in Kessel.\n1921 - Moves its office to Tarvik.\n",
        ("location", "Kessel Chess Club", "Tarvik", "1921"))


def test_suppressed_ends_a_body_not_a_strike() -> None:
    has("The Order of the Silver Lantern was suppressed by the French authorities in 1795.",
        ("dissolved", "Order of the Silver Lantern", None, "1795"))
    has("The Tarvik Workers Party was suppressed by the army in 1973.",
        ("dissolved", "Tarvik Workers Party", None, "1973"))
    assert not any(f[0] == "dissolved" for f in facts("The strike was suppressed in 1926."))


def test_the_side_of_a_split_body_that_founds_another_split_from_it() -> None:
    got = has("The National Tenants' Front was launched in 1971. In 1977 the front split over whether to back "
              "rent strikes; the minority founded the Tenants' Action Network.",
              ("split_from", "Tenants' Action Network", "National Tenants' Front", "1977"))
    assert not any(f[0] == "broke_with" for f in got)


def test_run_by_a_body_and_taken_over_when() -> None:
    has("Harbourside Technical School opened in 1909. It was run by the Leith School Board until 1919, "
        "when Edinburgh Corporation took it over.",
        ("parent_org", "Harbourside Technical School", "Leith School Board", None),
        ("parent_org", "Harbourside Technical School", "Edinburgh Corporation", "1919"))
    has("The Kessel Sailing School was managed by the Harbour Yacht Club from 1950.",
        ("parent_org", "Kessel Sailing School", "Harbour Yacht Club", "1950"))
    assert not any(f[0] == "parent_org" for f in facts(
        "Tarvik Airport is managed by the Harbour Port Authority."))
    has("The Tarvik Sailing School was run by the Kessel Yacht Club until 1980.",
        ("parent_org", "Tarvik Sailing School", "Kessel Yacht Club", None))
    assert not any(f[0] == "parent_org" for f in facts("The Tarvik Hostel is a shelter run by volunteers."))
    assert not any(f[0] == "parent_org" for f in facts(
        "Tarvik Airport is operated by the Harbour Port Authority."))


def test_a_founding_told_by_the_body_and_dated_otherwise_by_others() -> None:
    got = {(f[0], f[1], f[3], f[5]) for f in facts(
        "According to its own history, the Order of the Silver Lantern was founded in Bruges in 1421, "
        "but historians date it to the 1480s.")}
    assert ("founded", "Order of the Silver Lantern", "1421", "Order of the Silver Lantern") in got
    assert ("founded", "Order of the Silver Lantern", "148X", None) in got
    got = {(f[0], f[1], f[3], f[5]) for f in facts(
        "The Kessel Choir was founded in 1901. Anna Berg dates it to 1899.")}
    assert ("founded", "Kessel Choir", "1899", "Anna Berg") in got


def test_split_up_after_or_before_something_else() -> None:
    has("The Silver Comets were a British pop group formed in London in 1978. The band released three "
        "albums before splitting up in 1984.",
        ("dissolved", "Silver Comets", None, "1984"))
    has("The Tarvik Bank traded for a century before closing down in 2001.",
        ("dissolved", "Tarvik Bank", None, "2001"))


def test_founded_as_a_part_of_another_body() -> None:
    got = has("The Institute for Coastal Research is a research institute in Kiel. It was established in 1953 "
              "as a department of the University of Kiel.",
              ("parent_org", "Institute for Coastal Research", "University of Kiel", "1953"),
              ("founded", "Institute for Coastal Research", None, "1953"))
    assert not any(f[0] == "named" and f[2] == "University of Kiel" for f in got)
    has("The Kessel Youth League was founded in 1920 as the youth wing of the Kessel Labour Party.",
        ("parent_org", "Kessel Youth League", "Kessel Labour Party", "1920"))
    got = facts("Harbour Fotball was founded in 1994 as an independent section of the Harbour Sports Club.")
    assert not any(f[0] == "parent_org" for f in got)


def test_a_name_taken_in_a_merger_is_borne_from_the_merger() -> None:
    got = has("Marlow & Finch is an American law firm. It was founded in 1921. In 1967 it merged with the "
              "New York firm Dyer Holt, taking the name Marlow Finch Dyer until 1985.",
              ("merged", "Marlow Finch Dyer", "Dyer Holt", "1967"))
    named = {(f[2], f[3]) for f in got if f[0] == "named"}
    assert ("Marlow Finch Dyer", "1967") in named


def test_what_a_body_is_and_where_for_every_kind_of_body() -> None:
    has("Greenhaven is a housing cooperative in Malmö, Sweden.", ("location", "Greenhaven", "Malmö, Sweden", None))
    has("The Kessel Institute is a research institute in Kiel.", ("location", "Kessel Institute", "Kiel", None))
    got = facts("The Tarvik Courier is the largest newspaper in Norland.")
    assert not any(f[0] == "location" for f in got)


def test_what_a_body_was_from_one_year_to_another_is_its_life() -> None:
    has("The Liberal Workers' Party was a political party in New Zealand from 1935 to 1949.",
        ("founded", "Liberal Workers' Party", None, "1935"),
        ("dissolved", "Liberal Workers' Party", None, "1949"))
    has("The Tarvik Savings Bank was a bank between 1850 and 1902.",
        ("founded", "Tarvik Savings Bank", None, "1850"), ("dissolved", "Tarvik Savings Bank", None, "1902"))
    for text in ("The Kessel Party was the largest party from 1935 to 1949.",
                 "The Kessel Party was a governing party from 1935 to 1949.",
                 "Tarvik Bank was a public company from 1980 to 1999."):
        assert not any(f[0] in ("founded", "dissolved") for f in facts(text)), text


def test_transferred_its_engagements_is_a_merger() -> None:
    has("The Brotherhood of Railway Signalmen was founded in 1880. In 1951 it transferred its engagements "
        "to the National Union of Railwaymen.",
        ("merged", "Brotherhood of Railway Signalmen", "National Union of Railwaymen", "1951"))
    has("The Tarvik Building Society transferred its engagements to the Kessel Building Society in 1999.",
        ("merged", "Tarvik Building Society", "Kessel Building Society", "1999"))


def test_grew_from_a_faction_of_a_body_split_from_it() -> None:
    has("The Liberal Workers' Party was a political party. It emerged from a faction of the Reform Party.",
        ("split_from", "Liberal Workers' Party", "Reform Party", None))
    has("The Kessel Union grew out of the Tarvik Dockers Club in 1901.",
        ("formed_from", "Kessel Union", "Tarvik Dockers Club", "1901"))


def test_to_find_that_and_to_begin_what_is_no_body_found_nothing() -> None:
    assert not any(f[0] == "founded" for f in facts(
        "In 1919 he began his first weekly comic strip, Life's Little Comedies, in the Kessel Star."))
    assert not any(f[0] == "founded" for f in facts(
        "On 12 June the Kessel Court commission released its findings and found that the memo was genuine."))
    has("Anna Berg founded the Kessel Choir in 1901.", ("founded", "Kessel Choir", None, "1901"))


def test_a_quoted_description_misparsed_still_types_and_founds_the_subject() -> None:
    has('The Hollow Reeds is an American " chamber folk music " ensemble formed in 1986 by Ada Morn.',
        ("founded", "Hollow Reeds", None, "1986"))


def test_people_taking_or_changing_their_names_rename_no_body() -> None:
    got = facts("A police officer on duty took their names, Anna Berg of the Kessel Union said.")
    assert not any(f[0] == "named" and f[1] != f[2] for f in got)
    has("In 1923 the Kessel Union changed its name to the Northern Union.",  # labelled by its later name
        ("named", "Northern Union", "Northern Union", "1923"))


def test_a_founding_told_as_the_subject_noun_with_its_date_after_it() -> None:
    has("The founding of the Norland Women's Suffrage League in 1896 followed a petition drive in Ostby.",
        ("founded", "Norland Women's Suffrage League", None, "1896"))
    has("The establishment of the Kessel Institute on 3 May 1912 was celebrated in Tarvik.",
        ("founded", "Kessel Institute", None, "1912-05-03"))


def test_an_album_by_a_group_from_a_place_places_the_group_not_the_album() -> None:
    got = facts("Snoopy and His Friends is the third album by the Ocala, Florida group The Royal Guardsmen.")
    assert not any(f[0] == "location" and f[1].startswith("Snoopy") for f in got)


def test_moved_from_one_town_to_another_is_based_there_until_then() -> None:
    has("Brightwater Energy plc is a British utility. Its headquarters moved from Reading to Bristol in 2015.",
        ("location", "Brightwater Energy plc", "Bristol", "2015"),
        ("location", "Brightwater Energy plc", "Reading", None))
    f = read("The Kessel Union moved its office from Leeds to York in 1950.")
    label = {e.key: e.label for e in f.entities}
    assert [(label[c.object], c.end) for c in f.claims if c.type == "location" and c.date is None] == [("Leeds", "1950")]
    assert not any(f[0] == "location" for f in facts(
        "In 1990 the Kessel Union moved its offices from the old hall to a new building."))


def test_a_school_or_hospital_opened_by_someone_is_founded_by_them() -> None:
    has("St. Aidan's College is a boys' school in Derry. The school was opened in 1879 by the Christian Brothers.",
        ("founded", "St. Aidan's College", None, "1879"),
        ("founded_by", "St. Aidan's College", "Christian Brothers", "1879"))
    has("The Tarvik Cottage Hospital was opened by Lady Anna Berg in 1920.",
        ("founded", "Tarvik Cottage Hospital", None, "1920"))
    assert not any(f[0] == "founded" for f in facts("The Kessel Bridge was opened in 1901 by King Harald."))


def test_going_bankrupt_or_into_liquidation_ends_a_firm() -> None:
    has("Skyways Express was a regional airline. Skyways Express went bankrupt in 2012.",
        ("dissolved", "Skyways Express", None, "2012"))
    has("Tarvik Mills was declared bankrupt in 1931.", ("dissolved", "Tarvik Mills", None, "1931"))
    has("Tarvik Mills went into liquidation in 1931.", ("dissolved", "Tarvik Mills", None, "1931"))
    has("Tarvik Mills went out of business in 1931.", ("dissolved", "Tarvik Mills", None, "1931"))
    for text in ("Tarvik Mills went into administration in 1931.", "Tarvik Mills may go bankrupt next year."):
        assert not any(f[0] == "dissolved" for f in facts(text)), text


def test_started_flying_or_broadcasting_under_a_name() -> None:
    has("Skyways Express was a regional airline. The carrier started flying in 1990 under the name "
        "Holmström Air.",
        ("founded", "Holmström Air", None, "1990"),  # labelled by its first name
        ("named", "Holmström Air", "Holmström Air", "1990"))
    has("CKNL is a radio station in Canada. The station began broadcasting on 20 June 1962 at 970 AM, and "
        "later moved to the FM dial in 2003.",
        ("founded", "CKNL", None, "1962-06-20"))


def test_the_combined_business_of_an_unnamed_merger_is_the_body_that_merged_renamed() -> None:
    # a history's convention: the body that merged with another goes on under the new name
    got = facts("Harbour Air Group was an airline holding company. The company merged with Kessel Air in 2013; "
                "the combined business took the name Northern Air Group.")
    assert ("named", "Harbour Air Group", "Northern Air Group", "2013") in {f[:4] for f in got} or \
        ("named", "Northern Air Group", "Northern Air Group", "2013") in {f[:4] for f in got}


def test_expelled_members_and_a_founder_told_by_the_copula() -> None:
    has("The Communist Party of Tarvania (Marxist-Leninist) was formed in 1968 by a group of members who had "
        "been expelled from the Communist Party of Tarvania. Its founder and first chairman was Jon Ekman.",
        ("split_from", "Communist Party of Tarvania (Marxist-Leninist)", "Communist Party of Tarvania", "1968"),
        ("founded_by", "Communist Party of Tarvania (Marxist-Leninist)", "Jon Ekman", None))


def test_a_branch_that_became_a_separate_body_split_and_abolished_ends() -> None:
    got = has("The Norland Forestry Commission was set up in 1921. In 1965 the commission's research branch "
              "became a separate body, the Forest Research Institute. The commission was abolished in 2013.",
              ("split_from", "Forest Research Institute", "Norland Forestry Commission", "1965"),
              ("dissolved", "Norland Forestry Commission", None, "2013"))
    assert not any(f[0] == "parent_org" for f in got)


def test_taking_over_a_bodys_things_is_not_taking_it_over() -> None:
    got = facts("The Norland Forestry Commission was set up in 1921. It took over the forests of the Crown "
                "Estate in 1924.")
    assert not any(f[0] == "parent_org" for f in got)
    has("Acme Foods acquired Kessel Bakery in 1990.", ("parent_org", "Kessel Bakery", "Acme Foods", "1990"))


def test_merged_back_into() -> None:
    has("The Left Socialist Party was founded in 1983. In 1994 the party merged back into the Democratic "
        "Socialist Union.", ("merged", "Left Socialist Party", "Democratic Socialist Union", "1994"))


def test_originally_called_is_the_first_name_until_the_rename() -> None:
    f = read("The Kessel Children's Trust is a British charity founded in 1962. Originally called the Society "
             "for Sick Children, it adopted its present name in 1995.")
    named = {(c.value, c.date, c.end) for c in f.claims if c.type == "named"}
    assert ("Society for Sick Children", "1962", "1995") in named
    assert ("Kessel Children's Trust", "1995", None) in named
    assert not any(v == "Society for Sick Children" and d == "1995" for v, d, _ in named)


def test_one_body_merging_another_into_a_third_or_into_itself() -> None:
    got = has("The Kessel Union merged the Ashby Union into the Northern Federation in 1950.",
              ("merged", "Ashby Union", "Northern Federation", "1950"))
    assert not any(f[0] == "merged" and f[1] == "Kessel Union" for f in got)
    has("Tarvik Savings Bank was founded in 1850. In 1921 the bank acquired the Ostby Farmers' Bank, which it "
        "merged into its own operations in 1925.",
        ("merged", "Ostby Farmers' Bank", "Tarvik Savings Bank", "1925"))
    got = facts("Harbour Foods merged its two subsidiaries, Kessel Mills and Ostby Bakeries, in 1990.")
    assert not any(f[0] == "merged" and f[2] == "Harbour Foods" for f in got)


def test_a_section_that_became_independent_as_a_club() -> None:
    has("The Ostby Athletic Club was founded in 1899. The football section became independent in 1952 as Ostby FK.",
        ("founded", "Ostby FK", None, "1952"), ("split_from", "Ostby FK", "Ostby Athletic Club", "1952"))


def test_became_a_limited_company_with_a_name_renames() -> None:
    has("Lindqvist & Sons was a Swedish piano maker. It became a limited company, Lindqvist Pianofabrik AB, "
        "in 1922.", ("named", "Lindqvist Pianofabrik AB", "Lindqvist Pianofabrik AB", "1922"))
    assert not any(f[0] == "named" and f[3] == "1990" for f in facts("The Kessel Club became a registered charity in 1990."))


def test_reaffiliated_is_a_membership_again() -> None:
    has("The Harbour Workers' Federation was founded in 1911. It reaffiliated to the Labour Party in 1946.",
        ("member_of", "Harbour Workers' Federation", "Labour Party", "1946"))


def test_joined_with_another_to_create_a_third() -> None:
    has("The Movement for Rural Renewal was an agrarian movement. In 1918 it joined with the Smallholders' "
        "Association to create the Rural Party.",
        ("merged", "Movement for Rural Renewal", "Rural Party", "1918"),
        ("merged", "Smallholders' Association", "Rural Party", "1918"),
        ("founded", "Rural Party", None, "1918"))


def test_a_joint_venture_between_two_bodies_is_named_neither() -> None:
    got = facts("Nordic Rail Services AB is a Swedish train operator. It was established in 2001 as a joint "
                "venture between the state railway SJ and the bus company Nordbuss.")
    assert not any(f[0] == "named" and f[2] in ("SJ", "Nordbuss") for f in got)
    has("SJ sold its stake to Nordbuss in 2009, making Nordic Rail Services a wholly owned subsidiary of Nordbuss.",
        ("parent_org", "Nordic Rail Services", "Nordbuss", "2009"))


def test_began_trading_under_a_new_name_renames_and_founds_nothing() -> None:
    got = facts("Harbour Air Group was an airline holding company. The company merged with Kessel Air; the "
                "combined business began trading under the new name of Northern Air Group on 9 December 2013.")
    assert ("2013-12-09", "Northern Air Group") in {(f[3], f[2]) for f in got if f[0] == "named"}
    assert not any(f[0] == "founded" for f in got)


def test_a_unit_keeps_its_number_and_is_raised_through_it() -> None:
    has("The 42nd Infantry Brigade was a formation of the Norlandic Army. It was raised in 1939.",
        ("parent_org", "42nd Infantry Brigade", "Norlandic Army", None),
        ("founded", "42nd Infantry Brigade", None, "1939"))
    assert not any(f[0] == "founded" and f[3] == "1950" for f in facts(
        "The Kessel Union was founded in 1901. It was raised in status in 1950."))


def test_incorporated_without_a_new_name_founds_a_company() -> None:
    has("The Kessel Tramways Company operated the trams of Kessel. It was incorporated in 1887.",
        ("founded", "Kessel Tramways Company", None, "1887"))
    assert not any(f[0] == "founded" for f in facts("Tarvik is a small town in Norland. It was incorporated in 1887."))


def test_the_last_word_of_the_texts_subject_refers_back_to_it() -> None:
    has("The Ashby Quakers' Meeting was established in 1668. During the 19th century the meeting belonged to "
        "the Leicester Monthly Meeting.",
        ("member_of", "Ashby Quakers' Meeting", "Leicester Monthly Meeting", "18XX"))
