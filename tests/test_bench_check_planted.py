"""The planted-conflict generator and scorer on an invented pair of reports."""

from benchmarks.check.planted import apply, figures, flagged, plants

from newsweave.model import Article

A = "Floods killed 12 people in Elmora on Monday, and 1.5 million homes lost power."
B = (
    "Twelve people died in the Elmora floods, officials said. About 1.5 million homes lost "
    "power, 40 percent of the region, at 9:30 p.m."
)


def test_bench_check_planted_figures_skip_clock_times_and_read_words():
    got = [(f.value, f.unit, f.form) for f in figures(B)]
    assert got == [(12.0, "people", "word"), (1.5e6, "homes", "scaled"), (40.0, "%", "digits")]


def test_bench_check_planted_only_figures_both_reports_state():
    by_kind = {(p.kind, p.old): p.new for p in plants(A, B)}
    assert by_kind == {
        ("conflict", "Twelve people"): "Six people",
        ("equivalent", "Twelve people"): "12 people",
        ("conflict", "1.5 million homes"): "2.5 million homes",
        ("equivalent", "1.5 million homes"): "1,500,000 homes",
    }  # 40 percent is B's alone: changing it would not be a conflict


def test_bench_check_planted_apply_and_flagged_follow_the_planted_span():
    b = Article(id="b", source="b", text=B)
    plant = next(p for p in plants(A, B) if p.kind == "conflict" and "million" in p.old)
    b2, span = apply(b, plant)
    assert b2.text[slice(*span)] == "2.5 million homes" and b2.id != "b"
    number = {
        "status": "conflicting",
        "values": [{"article_id": b2.id, "start": span[0], "end": span[0] + 3}],
    }
    assert flagged({"numbers": [number]}, b2.id, span)
    assert not flagged({"numbers": [{**number, "status": "consistent"}]}, b2.id, span)
    claim = {"status": "conflicting", "evidence": [{"article_id": b2.id, "start": 0, "end": 10}]}
    assert not flagged({"claims": [claim]}, b2.id, span)  # a conflict elsewhere in B


def test_bench_check_planted_only_figures_of_one_counted_thing():
    a = (
        "Tarn has been in hospital for three weeks with pneumonia, a doctor said. The Owls "
        "offered eight years for Feld. The 8 Block gang met at the Lindholm bar. Police seized "
        "AK 47 rifles. More than 50 percent of the mill burned in the blaze."
    )
    b = (
        "The coach had a heart attack three weeks ago. Eight years seems like a fair deal length. "
        "Members of their 8 Block gang were arrested. AK 47 rifles were seized by police. "
        "More than 50 percent of the mill was lost in the blaze."
    )
    got = {(p.kind, p.old) for p in plants(a, b)}
    # the two spans of three weeks and the eight years share no word of their sentences; "8
    # Block" and "AK 47" are names; "more than 50" and "more than 55" can both be true
    assert got == {("equivalent", "50 percent")}


def test_bench_check_planted_no_change_the_other_report_admits():
    a = (
        "The climber survived two nights in a cave on Mount Orrin. The rules take effect in about "
        "30 days, the ministry said. Three robbers stormed the Velmar store."
    )
    b = (
        "A climber spent up to two nights in a cave on Mount Orrin. The ministry rules will "
        "take effect in about 30 days. The Velmar store was stormed by as many as three robbers."
    )
    got = {(p.kind, p.old, p.new) for p in plants(a, b) if p.kind == "conflict"}
    # "up to seven nights" still admits A's two, "about 35 days" overlaps "about 30 days"
    # (27-33 and 31.5-38.5), "as many as eight robbers" admits three
    assert got == set()


def test_bench_check_planted_a_change_against_a_bound_is_planted():
    a = "The climber survived two nights in a cave on Mount Orrin."
    b = "A climber spent more than two nights in a cave on Mount Orrin."
    got = [(p.kind, p.new) for p in plants(a, b)]
    assert got == [("conflict", "seven nights"), ("equivalent", "2 nights")]


def test_bench_check_planted_qualifier_words_are_no_shared_subject():
    a = "The two founded the young doctors' society nearly two decades ago."
    b = "For nearly two decades, Dr Oram ran the clinic."
    assert plants(a, b) == []


def test_bench_check_planted_a_time_ago_is_no_span():
    # "three weeks ago" is when, "for the past three weeks" how long: two statements that share
    # a subject ("Marsh", "hospital") but no figure
    a = "Marsh had been in hospital for the past three weeks with pneumonia."
    b = "Marsh was taken to hospital almost three weeks ago after a fall."
    assert plants(a, b) == []
    # two times ago, or two spans, are one figure
    assert [p.kind for p in plants(a.replace("for the past three weeks", "three weeks ago"), b)]
    assert [p.kind for p in plants(a, b.replace("almost three weeks ago", "for three weeks"))]


def test_bench_check_planted_conflicting_figures_within_one_event():
    from benchmarks.check.planted import conflicting_figures

    def number(status, *ids):
        return {"status": status, "values": [{"article_id": i} for i in ids]}

    checked = {
        "numbers": [
            number("conflicting", "a1", "a2"),  # both of event 1a
            number("conflicting", "a1", "b1"),  # two events
            number("consistent", "a1", "a2"),
        ]
    }
    assert conflicting_figures(checked, {"a1": "1a", "a2": "1a", "b1": "1b"}) == (2, 1)
    assert conflicting_figures({}, {}) == (0, 0)


def test_bench_check_planted_read_not_conflicts_by_file_offset_and_words():
    from benchmarks.check.planted import Plant, read_not_conflict

    b = Article(id="b", source="/data/ecbplus/text/10_19ecbplus.txt", text="")
    plant = Plant("conflict", 914, 925, "seven years", "twelve years")
    assert read_not_conflict(b, plant)
    assert not read_not_conflict(b, Plant("conflict", 915, 926, "seven years", "twelve years"))
    assert not read_not_conflict(b, Plant("equivalent", 914, 925, "seven years", "7 years"))
    other = Article(id="c", source="/data/ecbplus/text/10_18ecbplus.txt", text="")
    assert not read_not_conflict(other, plant)
