"""Figures compared by their context (check/figure_context.py), on invented reports read by the
real reader: a figure changed in one report conflicts though the sentences are not aligned; the
same counted noun in another context, a range's ends and an equal figure do not."""

from __future__ import annotations

from newsweave.check import check_story
from newsweave.model import Article, Story
from newsweave.read.stage import read_articles


def _check(*texts: str, days: tuple[str | None, ...] = ()):
    articles = [
        Article(f"a{i}", f"a{i}.html", t, outlet=f"Outlet {i}", published=(days or [None] * 9)[i])
        for i, t in enumerate(texts)
    ]
    story = Story("s", None, tuple(a.id for a in articles), len(articles), (), None, None)
    return check_story(story, list(zip(articles, read_articles(articles), strict=True)))


def _disputed(check) -> list[tuple[str, set[str]]]:
    return [
        (n.quantity, {v.text for v in n.values}) for n in check.numbers if n.status == "conflicting"
    ]


A = (
    "A convicted robber pulled a gun on two guards during a prison transfer near Huntsville "
    "on Monday and fled on foot. Police closed the roads around the Lindholm prison."
)
B = (
    "Police said the man, serving a life sentence, pulled a gun on seven guards during a prison "
    "transfer and escaped. Officers searched the woods overnight with dogs."
)


def test_check_figure_context_a_changed_figure_in_the_same_words_conflicts():
    assert _disputed(_check(A, B)) == [("guards", {"two", "seven"})]


def test_check_figure_context_the_same_figure_agrees():
    assert _disputed(_check(A, B.replace("seven guards", "two guards"))) == []


def test_check_figure_context_a_later_day_updates_not_disputes():
    check = _check(A, B, days=("2026-03-10", "2026-03-11"))
    assert _disputed(check) == []
    assert [n.status for n in check.numbers if len(n.values) == 2] == ["updated"]


def test_check_figure_context_the_same_noun_elsewhere_is_another_quantity():
    # two shared context words ("scored", "final") are not enough: two players' scores
    a = "Mara Quist scored 19 points in the final against Ostwyn on Friday."
    b = "Jon Feld scored 23 points in the semi-final at Brenna last week."
    assert _disputed(_check(a, b)) == []


def test_check_figure_context_the_ends_of_a_range_are_no_figures():
    a = "The Orioles offered seven years and $140-150 million for the first baseman on Sunday."
    b = "The Orioles offered seven years and $150 million for the first baseman on Sunday."
    assert _disputed(_check(a, b)) == []


def _direct(t1: str, t2: str, score: float = 0.3) -> list[tuple[str, list[str]]]:
    """context_comparisons on two one-claim reports that are candidates (not one proposition)."""
    from newsweave.check.figure_context import context_comparisons
    from newsweave.model import Claim
    from newsweave.read import nlp
    from newsweave.read.numbers import find_numbers

    arts, claims = {}, []
    for aid, t in (("a", t1), ("b", t2)):
        arts[aid] = Article(aid, aid, t)
        nums = find_numbers(t, nlp.doc(t))
        claims.append(Claim(f"{aid}:0", aid, t, 0, len(t), "asserted", numbers=nums))
    found = context_comparisons(claims, [[0], [1]], {(0, 1): score}, arts, {"a": 0, "b": 1})
    return [(c.quantity, sorted(v.text for v in c.values)) for c in found]


def test_check_figure_context_equal_figures_beside_count_as_context():
    # two shared stems ("goal", "game") and two equal figures (13 goals, 54 games)
    a = "Quist finished the season with 13 goals and 43 assists in 54 games."
    b = "The Owls striker, who joined from Brenna, scored 13 goals and 48 assists in 54 games."
    assert _direct(a, b) == [("assists", ["43", "48"])]


def test_check_figure_context_a_value_written_beside_is_no_rival():
    # "for seven" beside the 11 seasons is the other report's seven seasons as a coach
    a = (
        "Jon Feld, who played for the Owls for 11 seasons and served as an assistant coach for "
        "seven, was named head coach on Monday."
    )
    b = (
        "Feld returned to the Owls in 1994 as an assistant coach and stayed for seven seasons "
        "until Brenna hired him."
    )
    assert _disputed(_check(a, b)) == []


def test_check_figure_context_a_running_total_is_another_quantity():
    a = (
        "Six rifles, 12 magazines and 300 rounds of ammunition were seized from the boats on "
        "Tuesday, a navy spokesman said."
    )
    b = (
        "In their five operations so far, the sailors on board the frigate have seized 14 "
        "rifles, 31 magazines and 923 rounds of ammunition."
    )
    assert _disputed(_check(a, b)) == []
    c = "The frigate has, thus far, seized 14 rifles, 31 magazines and 923 rounds of ammunition."
    assert _disputed(_check(a, c)) == []
    d = "The frigate has seized 14 rifles, 31 magazines and 923 rounds during its five operations."
    assert _disputed(_check(a, d)) == []


def test_check_figure_context_list_items_are_told_apart_by_their_words():
    # Lindholm's 82 percent is no rival of Sarn's 60 per cent: a list entry's own words differ
    a = (
        "It is thought that 70 per cent of web services in Ostwyn were disrupted on Friday, and "
        "60 per cent in Sarn."
    )
    b = (
        "As much as 55 percent of voice traffic in Brenna, 52 percent in Sarn, and 82 percent in "
        "Lindholm was out of service on Friday."
    )
    assert _direct(a, b) == []


def test_check_figure_context_compounds_meet_the_one_word_form():
    # "back end" / "backend": with it the figures share three stems (fee, upfront, backend)
    a = "Ravel was paid a large fee upfront plus five percent on the back end of the film."
    b = "For the sequel the director got a fee upfront and 9 percent on the backend."
    assert _direct(a, b) == [("%", ["9 percent", "five percent"])]


def test_check_figure_context_a_passive_agent_is_no_change():
    # "stormed by four robbers" counts robbers: it is compared like any figure
    a = "The jewellery shop on Tarn Street was stormed by four robbers on Thursday afternoon."
    b = "Police said seven robbers stormed the jewellery shop on Tarn Street on Thursday afternoon."
    assert _direct(a, b) == [("robbers", ["four", "seven"])]


def test_check_figure_context_a_figure_no_claim_holds_is_compared():
    # b's "after the five holdouts left" is a residue of a quote too short to be a claim
    a = "The foreman, Jon Feld, told reporters the three holdouts never moved in the jury room."
    b = (
        'The foreman said the jury room was tense. "They would not move," Jon Feld, the '
        "foreman, told reporters after the five holdouts left."
    )
    from newsweave.check.claims import article_claims

    articles = [Article("a0", "a0.html", a), Article("a1", "a1.html", b)]
    readings = list(read_articles(articles))
    held = [n.text for c in article_claims(articles[1], readings[1]) for n in c.numbers]
    assert held == []  # the case this guards: the figure is in no claim of b
    assert _disputed(_check(a, b)) == [("holdouts", {"three", "five"})]


def test_check_figure_context_two_stems_that_are_all_of_the_context_match():
    # "sentenced" and "prison" are every content word around the figures: one quantity
    a = "He was sentenced to 12 years in prison."
    b = "He was sentenced to 17 years in prison."
    assert _direct(a, b) == [("years", ["12 years", "17 years"])]


def test_check_figure_context_two_stems_among_others_do_not_match():
    # two shared stems ("sentenced", "prison") beside other words are not enough: another man
    a = "Feld was sentenced to 12 years in prison by a court in Brenna on Monday."
    b = "His brother, sentenced in Ostwyn, spent 17 years in prison before the appeal."
    assert _direct(a, b) == []


def test_check_figure_context_words_of_one_class_are_one_word():
    # "workers" / "employees" count one thing, "died" / "dead" say one thing (SAME_STEMS)
    a = "Three dock workers died at Ostwyn port on Monday."
    b = "Five dock employees were dead at the port."
    assert _direct(a, b) == [("workers (people)", ["Five", "Three"])]


def test_check_figure_context_fought_and_tackled_are_one_word():
    # the figures share "fight" (fought / tackling), "blaze" and "warehouse"
    a = "Crews with 10 fire engines fought the blaze at the warehouse in Tarn Street."
    b = "Four fire engines were tackling the blaze at the warehouse on Sunday."
    assert _direct(a, b) == [("engines", ["10", "Four"])]


def test_check_figure_context_figures_of_two_periods_are_two_quantities():
    # shared words (committee, quarter, wage growth) but January's rate and last year's wages
    a = (
        "In January the committee raised the rate by a quarter point, to 4.75%, and said "
        "more tightening might be needed if wage growth did not slow."
    )
    b = (
        "Klement said that wage growth, which reached 7.4% in the final quarter of last year, "
        "was the committee's main worry."
    )
    days = ("2026-03-18", "2026-03-18")
    assert _disputed(_check(a, b, days=days)) == []
    # the same period on both sides is one quantity again
    b2 = b.replace("7.4% in the final quarter of last year", "7.4% in January after a quarter")
    a2 = a.replace("to 4.75%, and said more", "to 4.75% in January, and said more")
    assert _disputed(_check(a2.replace("In January the", "The"), b2, days=days)) != []


def test_check_figure_context_days_of_a_resolved_time():
    from datetime import date

    from newsweave.check.terms import days

    assert days("2025") == (date(2025, 1, 1), date(2025, 12, 31))
    assert days("2026-03-10") == (date(2026, 3, 10), date(2026, 3, 10))
    assert days("2026-03-09/2026-03-15") == (date(2026, 3, 9), date(2026, 3, 15))
    assert days(None) is None and days("soon") is None


def test_check_figure_context_a_whole_is_no_rival_of_its_part():
    # "156 seats of the 338": the House's 338 is the whole the seats are counted out of
    a = "The Liberals took 156 seats of the 338 in the House of Commons on Monday night."
    b = "The Liberals had won 157 of 338 seats in the House of Commons on Monday night."
    assert [v for _, v in _disputed(_check(a, b)) if "338" in v] == []


def test_check_figure_context_multiples_of_one_reference_are_one_quantity():
    # the two contexts share only "legal limit", what the multiple multiplies (ECB+ 21a)
    a = (
        "The driver of the van had a blood-alcohol level more than ten times the legal limit, "
        "according to charges filed in Tarn County on Friday."
    )
    b = "That is more than five times the legal limit."
    assert _direct(a, b) == [("times", ["more than five", "more than ten"])]


def test_check_figure_context_multiples_of_two_references_are_two_quantities():
    # "the legal limit" and "the speed limit" share a word, not what is multiplied
    a = "The driver had a blood-alcohol level three times the legal limit on Friday."
    b = "Police said he drove at twice the speed, five times the speed limit in town."
    assert _direct(a, b) == []


def test_check_figure_context_one_compound_needs_one_shared_stem_fewer():
    # "bank workers" in both, and "died" / "dead": two shared stems, the compound the third
    a = "Three bank workers died in the attack on the Tarn Street branch."
    b = "The blaze left eight bank workers dead, officials said on Thursday."
    assert _direct(a, b) == [("workers (people)", ["Three", "eight"])]
    # another compound is another quantity, two shared stems ("attack", "died" / "dead") or not
    c = "The attack left eight rail workers dead, officials said on Thursday."
    assert _direct(a, c) == []


def test_check_figure_context_an_average_is_no_count():
    # "home runs" and "Feld" and "Tarn" in both, but a season's average against one tally
    a = "Feld has averaged more than 30 home runs a season for Tarn since 2019."
    b = "Feld hit 13 home runs for Tarn in the 54 games since July."
    assert _direct(a, b) == []
    assert _direct(a.replace("has averaged more than 30", "hit more than 30"), b) != []


def test_check_figure_context_an_initialism_meets_its_words():
    # "IR" is "injured reserve": with "running" and "back" the third shared word (ECB+ 25b)
    a = "He is the second running back in two days to be placed on injured reserve."
    b = "Holm became the third running back to go on IR, the second in seven days."
    assert _direct(a, b) == [("days", ["seven days", "two days"])]
    # a name's initials are no such word: "Injured Reserve" as a title spells nothing
    assert _direct(a.replace("injured reserve", "Injured Reserve"), b) == []


def test_check_figure_context_one_persons_children_are_one_quantity():
    # one shared stem ("Johnson"), but a person has one number of children: "one of her 12
    # children" counts her family (a whole, compared as one), "the mother of nine" too (ECB+ 33b)
    a = "Sarah Johnson, 34, was walking with one of her 12 children when the van struck her."
    b = "Johnson was the mother of nine children."
    assert _disputed(_check(a, b)) == [("children (people)", {"12", "nine"})]
    # another person's children are another quantity, whoever else the sentence names
    c = "Mary Wilson, a neighbour of Sarah Johnson, was the mother of nine children."
    assert _disputed(_check(a, c)) == []


def test_check_figure_context_a_parent_of_n_counts_children():
    # "a mother of two died": the reader takes "died" for what is counted; the parent word and
    # one more stem ("died") make one quantity (ECB+ 21b)
    a = "A 59-year-old mother of two died when a drunken driver struck her in Tarn on Friday."
    b = "Sadly, the mother of seven died from injuries she sustained in the crash."
    assert _direct(a, b) == [("children", ["seven", "two"])]
    # a father is another parent; the parent word alone is not enough
    assert _direct(a, b.replace("mother", "father")) == []
    assert _direct(a, "The mother of seven was named by the county on Monday.") == []


def test_check_figure_context_one_compound_is_compared_outside_candidacy():
    # claims the alignment does not pair (score under MIN_PAIR_SCORE) still give one quantity
    # when both count one compound (ECB+ 8b: "three bank workers died" / "left three bank
    # workers dead")
    a = "Three bank workers died in the attack on the Tarn Street branch."
    b = "The blaze left eight bank workers dead, officials said on Thursday."
    assert _direct(a, b, score=0.0) == [("workers (people)", ["Three", "eight"])]
    assert _direct(a, b.replace("bank", "rail"), score=0.0) == []


def _claimed(t1: str, w1: str, t2: str, w2: str, by: tuple[str | None, str | None]):
    """context_comparisons on two candidate claims whose one figure each (the words `w`, in
    days) is claimed by `by`."""
    from newsweave.check.figure_context import context_comparisons
    from newsweave.model import Claim, Number

    arts, claims = {}, []
    for aid, t, w, who in (("a", t1, w1, by[0]), ("b", t2, w2, by[1])):
        at = t.index(w)
        value = {"six": 6.0, "12": 12.0}[w.split()[-2]]
        n = Number(value, "days", None, w, at, at + len(w), claimed_by=who)
        arts[aid] = Article(aid, aid, t)
        claims.append(Claim(f"{aid}:0", aid, t, 0, len(t), "asserted", numbers=(n,)))
    found = context_comparisons(claims, [[0], [1]], {(0, 1): 0.3}, arts, {"a": 0, "b": 1})
    return [sorted(v.text for v in c.values) for c in found]


def test_check_figure_context_a_claimant_of_two_words_is_context():
    # the claimant ("Initial estimates") is named in the other figure's window: with "repair"
    # and "Tarnet" the third shared stem (ECB+ 30b)
    a = "Initial estimates indicate that the total Tarnet repair time will be around six days."
    b = "Tarnet said that their initial estimates were that it would take 12 days to repair it."
    assert _claimed(a, "around six days", b, "12 days", ("Initial estimates", None)) == [
        ["12 days", "around six days"]
    ]
    # a claimant of one word is a story's main source, no context of its own
    assert _claimed(a, "around six days", b, "12 days", ("Estimates", None)) == []
    assert _claimed(a, "around six days", b, "12 days", (None, None)) == []


# --- groups named "the N X", addresses, and durations read from a parse (figure_parse) ---


def test_check_figure_context_two_groups_named_the_n_x_are_one_quantity():
    # one shared stem ("jurors"), the claims not candidates (ECB+ 3a: "by the three holdouts" /
    # "the eight holdouts refused to deliberate")
    a = "The verdict was doomed even before jury selection by the three holdouts."
    b = "Bram said other jurors told him the eight holdouts refused to deliberate."
    assert _direct(a, b, score=0.0) == [("holdouts", ["eight", "three"])]
    # "the N X" on one side only, or another group beside it ("the other nine"), is not enough
    assert _direct(a, b.replace("the eight holdouts", "eight holdouts"), score=0.0) == []
    c = "Bram said the three holdouts told the other nine jurors they would not budge."
    assert _direct(c, "Bram said the ten jurors agreed.", score=0.3) == []
    # and without a stem in common they stay apart
    assert _direct(a, "The eight holdouts refused to deliberate on Monday.", score=0.0) == []


def test_check_figure_context_one_group_named_the_n_x_needs_a_stem_fewer():
    # two shared stems ("news", "conference"), one of the two written "the N X" (ECB+ 3a)
    a = "The two jurors kept quiet at the news conference on Saturday."
    b = "Seven jurors who spoke at the news conference declined to be named."
    assert _direct(a, b) == [("jurors", ["Seven", "two"])]
    assert _direct(a.replace("The two jurors", "Two jurors"), b) == []
    # "One case" is a member of "the two cases", not their number (AllSides 098)
    e = "One case involved officers called to a domestic dispute in Tarn."
    f = "The court issued no dissents in the two cases, both involving police officers."
    assert _direct(e, f) == []
    # the set a part is taken from is no group the story named ("Of the 23 pirates arrested")
    c = "Of the 23 pirates arrested, most were Somali, the navy said."
    d = "The navy said it had arrested 26 pirates in the gulf on Friday."
    assert _direct(c, d) == []


def test_check_figure_context_two_scores_with_one_side_equal_are_one_quantity():
    # one shared stem ("Hawks"): the leads' first sides are equal, the second disputed (ECB+ 29b)
    a = "A touchdown with four minutes left gave the Hawks a 20 - 13 lead at Tarn."
    b = "In the end, the Hawks held on to their 20 - 17 lead, winning the game."
    assert _direct(a, b) == [("lead", ["13", "17"])]
    # another first side is another moment of the game, another team's lead another score
    assert _direct(a, b.replace("20 - 17", "27 - 17")) == []
    assert _direct(a, "Elsewhere, the Owls took a 20 - 17 lead over Brenna.") == []
    # a lead of N points is no score, whatever the two sentences share
    c = "A touchdown with four minutes left gave the Hawks a 10 - point lead at Tarn."
    assert _direct(a, c) == []


def test_check_figure_context_a_street_block_is_no_count():
    a = "The deputy was shot outside an apartment in the 12000 block of East 223rd Street."
    b = "Officers fanned out around the 12200 block of East 223rd Street after the shooting."
    assert _direct(a, b) == []


def test_check_figure_context_parse_a_duration_of_one_thing_is_one_quantity():
    # one shared stem ("term"), but both say how long the term is: "a term of five years" /
    # "The term ... is seven years" (ECB+ 11a)
    a = "Deputies will be elected in each district of Tarn for a term of five years."
    b = "The term of office of the assembly is seven years."
    assert _direct(a, b) == [("years", ["five years", "seven years"])]
    # the same words, a span of another thing
    c = "The assembly met for seven years under the term limits of the old charter."
    assert _direct(a, c) == []


def test_check_figure_context_parse_a_time_ago_dates_its_event():
    # "eight days ago" of one killing, two shared stems ("police", "ago") in the windows (ECB+
    # 19a: the parse hangs "ago" from the name in apposition; the killing is further up)
    a = "The teenager was shot and killed by police in Tarn eight days ago, triggering protests."
    b = "Riots broke out in protest at the killing by police of a 15-year-old schoolboy, Ari Lind, "
    b += "three days ago."
    assert _direct(a, b) == [("days", ["eight days", "three days"])]
    # the same span dating another event
    c = "Crowds marched on Saturday against the police, who arrived in the city three days ago."
    assert _direct(a, c) == []


def test_check_figure_context_parse_stands_in_for_no_words():
    # one thing's term, but no stem of the two windows in common: not parsed, two quantities
    a = "Deputies will be elected in each district of Tarn for a term of five years."
    b = "The term of office of the members of the new national assembly of Brenna is seven years."
    assert _direct(a, b) == []


def test_check_figure_parse_role_reads_what_a_duration_is_of():
    from newsweave.check.figure_parse import parsed, role

    def of(text: str, word: str):
        return role(parsed([text])[text], text.index(word), text.index(word) + len(word))

    assert of("The term of office of MPs is five years.", "five years").owner == "term"
    assert of("He served a sentence of nine years.", "nine years").owner == "sentenc"
    assert of("The riots began nine days ago.", "nine days").dated == {"began"}
    assert of("They met for nine days in Tarn.", "nine days") == of("x", "x")


def test_check_figure_context_a_property_of_one_bearer_is_one_quantity():
    # one shared stem ("revolver"): two reports' calibres of one revolver (ECB+ 19b, in its
    # tokens' form "a. 38"; the reader reads no ".38")
    a = "Police said the suspect turned and pointed a. 38 caliber revolver at the officers."
    b = "According to police, Feld had a. 357 caliber Colt revolver and he pointed it at them."
    assert _direct(a, b) == [("caliber", ["357", "38"])]
    # the calibre of another weapon is another quantity
    assert _direct(a.replace("revolver", "rifle"), b) == []


def test_check_figure_context_a_record_before_a_figure_says_whose_it_is():
    # no stem shared: the fighter's record "31-2" says both KO counts are his (ECB+ 7a)
    a = "The win improved the Tarn-born fighter to 31-2 with 25 KOs."
    b = "Jon Feld (31-2, 27 KOs) beat a slow Mara Quist (20-5-1, 12 KOs) in Brenna on Saturday."
    assert _direct(a, b) == [("kos", ["25", "27"])]
    # another record is another fighter's
    assert _direct(a, b.replace("31-2", "30-2")) == []


def test_check_figure_context_a_rank_ends_no_sentence():
    # "the No. 5 seed": the words before the rank are its context (ECB+ 29a, 19b's "a. 38")
    from newsweave.check.numbers import sentence_start

    t = "The Colts won 31-24 and took the No. 5 seed. 12 teams are left."
    assert sentence_start(t, t.index("5 seed")) == 0
    assert sentence_start(t, t.index("12 teams")) == t.index("12 teams")
    t = "The suspect pointed a. 38 caliber revolver at them."
    assert sentence_start(t, t.index("38")) == 0


def test_check_figure_context_a_figure_needed_to_pass_one_mark_is_one_quantity():
    # two shared stems (point, game): the mark both figures are needed to pass, Jon Feld, says
    # they are one quantity (ECB+ 31a: "needed nine points ... to pass Phil Ford for the record")
    a = (
        "The senior needed nine points in the unbeaten Hawks' game against Brenna on Friday "
        "night to pass Jon Feld for the record."
    )
    b = "Quist needed just three points in the game to eclipse Jon Feld for the top spot."
    assert _direct(a, b) == [("points", ["nine", "three"])]
    # another mark is another quantity
    assert _direct(a, b.replace("Jon Feld", "Ann Roe")) == []


def test_check_figure_context_two_quantities_with_the_same_values_stay_apart():
    # six aircraft and six fire engines against eight of each, one day, two sources: two
    # disputes, not one joined as if through copies
    from newsweave.check.figure_context import context_comparisons
    from newsweave.model import Article, Claim, Number

    ta = ("Crews sent six water-bombing aircraft to the Kell Ridge fire on Tuesday. "
          "Crews also sent six fire engines to the Kell Ridge fire on Tuesday.")  # fmt: skip
    tb = ta.replace("six", "eight")

    def claims(aid: str, text: str, word: str, value: float) -> list[Claim]:
        cut = text.index(".") + 1
        out = []
        for k, (lo, hi, noun) in enumerate(((0, cut, "aircraft"), (cut + 1, len(text), "engines"))):
            at = text.index(word, lo)
            n = Number(value, None, noun, word, at, at + len(word))
            out.append(Claim(f"{aid}:{k}", aid, text[lo:hi], lo, hi, "asserted", numbers=(n,)))
        return out

    found = context_comparisons(
        [*claims("a", ta, "six", 6.0), *claims("b", tb, "eight", 8.0)],
        [[0], [1], [2], [3]],
        {(0, 2): 0.5, (1, 3): 0.5, (0, 3): 0.2, (1, 2): 0.2},
        {"a": Article("a", "a", ta, published="2026-03-10"),
         "b": Article("b", "b", tb, published="2026-03-10")},
        {"a": 0, "b": 1},
    )  # fmt: skip
    assert sorted((c.quantity, c.status, len(c.values)) for c in found) == [
        ("aircraft", "conflicting", 2),
        ("engines", "conflicting", 2),
    ]


def test_check_figure_context_two_peoples_figures_are_two_quantities():
    # the same words around the figure, but the sentences name two players before it
    a = "Mara Quist finished with 16 points and nine rebounds for Ostwyn on Friday night."
    b = "Jon Feld finished with 20 points and eight rebounds for Ostwyn on Friday night."
    assert _disputed(_check(a, b)) == []
    # one player in both: a dispute, even with a speaker named before the figure
    c = "Coach Lena Marr said Mara Quist finished with 20 points and eight rebounds for Ostwyn."
    assert _disputed(_check(a, b.replace("Jon Feld", "Mara Quist"))) != []
    assert ("rebounds", {"nine", "eight"}) in _disputed(_check(a, c))


def test_check_figure_context_an_ordinal_is_no_count():
    a = "Mara Quist scored her 11th point of the night with a free throw in the first half."
    b = "Mara Quist scored her 23rd point of the night with a free throw in the first half."
    assert _disputed(_check(a, b)) == []


def test_check_figure_context_one_dispute_across_several_reports_is_listed_once():
    # the figure contexts compare pairs of sentences: "seven" against each report of "two" was
    # a dispute of its own (and the two reports of "two" a third comparison): one disagreement
    # listed once per pair
    c = (
        "An inmate pulled a gun on two guards during a prison transfer, the sheriff told "
        "reporters. Roadblocks stayed up until noon."
    )
    check = _check(A, B, c)
    disputes = [n for n in check.numbers if n.status == "conflicting"]
    assert [(n.quantity, sorted(v.article_id for v in n.values)) for n in disputes] == [
        ("guards", ["a0", "a1", "a2"])
    ]
    held = [(n.quantity, v.article_id, v.start) for n in check.numbers for v in n.values]
    assert len(held) == len(set(held))
