"""Speech apart from other attributions, on a small annotated set written for newsweave.

Every article below is invented (people, teams, towns) and written in the style of real news:
captions and credits, sports reports, court reports, polls, "declined to comment" lines and
questions. Each case names what `quotes[]` must hold (a fragment of the quote and its speaker),
what `attributions[]` must hold (kind and a fragment), and fragments neither may hold.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsweave.read import nlp
from newsweave.read.quotes import read_quotes


@dataclass(frozen=True)
class Case:
    text: str
    quotes: tuple[tuple[str, str], ...] = ()  # (fragment of the quote, speaker canonical)
    attributions: tuple[tuple[str, str], ...] = ()  # (kind, fragment)
    never: tuple[str, ...] = ()  # fragments that must not be quoted
    no_speaker: tuple[str, ...] = ()  # words no quote may have as its speaker
    together: tuple[tuple[str, str], ...] = ()  # fragments one quote must hold both of


CASES = {
    "caption_watch": Case(
        "WATCH: Harbour master Tomas Berg says the pier will reopen in May\n\n"
        "The pier at Calder Bay has been closed since the storm.",
        quotes=(("the pier will reopen in May", "Tomas Berg"),),
        no_speaker=("WATCH",),
    ),
    "caption_photo_credit": Case(
        "PHOTO: Firefighters at the scene of the blaze on Ridge Road (Anna Kovac/Valley Times)\n\n"
        "Three homes were destroyed, fire chief Lena Moss said.",
        quotes=(("Three homes were destroyed", "Lena Moss"),),
        never=("Firefighters at the scene",),
        no_speaker=("PHOTO",),
    ),
    # a quoted transcript: the name in capitals before the colon speaks, the rest is quoted
    "transcript_in_quote_marks": Case(
        '"HOST: Let us start with the news about the bridge over the river tonight.\n'
        '"MARA QUIST: Well, the council has been clear about the bridge for weeks now.',
        quotes=(
            ("Let us start with the news", "HOST"),
            ("the council has been clear", "MARA QUIST"),
        ),  # fmt: skip
        never=("HOST:", "MARA QUIST:"),
    ),
    "continued_colon": Case(
        "Coach Ida Marr continued: \u201cWe will not change the team for the game on "
        "Saturday.\u201d",
        quotes=(("We will not change the team", "Ida Marr"),),
    ),
    "caption_warning": Case(
        "Officers fired twice, the inquiry heard. (WARNING: Video contains graphic images.)",
        never=("Video contains graphic images",),
        no_speaker=("WARNING",),
    ),
    "heading_colon": Case(
        "Key Dates: the hearing opens on 4 May and the verdict is due in June.\n\n"
        "Judge Ivo Marek said the trial would last five weeks.",
        quotes=(("the trial would last five weeks", "Ivo Marek"),),
        never=("the hearing opens on 4 May",),
    ),
    "sports_denied_goal": Case(
        "The Rovers were denied a goal in the 80th minute after a review for offside. "
        "Coach Pia Lund said her side had deserved a draw.",
        quotes=(("her side had deserved a draw", "Pia Lund"),),
        never=("a goal in the 80th minute",),
    ),
    "court_denied_allegation": Case(
        "Former treasurer Karl Vinter denied the allegation that he had moved club funds abroad.",
        quotes=(("that he had moved club funds abroad", "Karl Vinter"),),
    ),
    "court_denied_bail": Case(
        "Dario Fenn was denied bail at Selby Crown Court on Tuesday. "
        "His lawyer, Ruth Imre, told the court that her client would appeal.",
        quotes=(("her client would appeal", "Ruth Imre"),),
        never=("bail at Selby",),
    ),
    "declined_to_comment": Case(
        "A spokeswoman for Norland Rail declined to comment on the report.",
        attributions=(("refusal", "to comment on the report"),),
        never=("the report",),
    ),
    "refused_to_say": Case(
        "Mayor Alma Steen refused to say whether the council would sell the depot.",
        attributions=(("refusal", "whether the council would sell the depot"),),
        never=("whether the council would sell the depot",),
    ),
    "did_not_say": Case(
        "Coach Pia Lund did not say whether the striker would play on Sunday.",
        attributions=(("refusal", "whether the striker would play on Sunday"),),
        never=("whether the striker would play",),
    ),
    "passive_asked": Case(
        "Driver Ana Ruiz left her car when she was asked to do so by the police.",
        never=("to do so",),
    ),
    "passive_accused": Case(
        "Former treasurer Karl Vinter was accused of moving club funds abroad.",
        never=("moving club funds abroad",),
    ),
    "asked_question": Case(
        "Councillor Omar Reyes asked whether the new bridge had been inspected.",
        quotes=(("whether the new bridge had been inspected", "Omar Reyes"),),
    ),
    "asked_for_refund": Case(
        "Passenger Greta Holm asked for a refund after her train was cancelled.",
        never=("a refund",),
    ),
    "poll_shows": Case(
        "A new Marlow Institute poll shows that 54 percent of voters back the tram plan.",
        attributions=(("finding", "54 percent of voters back the tram plan"),),
        never=("54 percent of voters back the tram plan",),
        no_speaker=("poll",),
    ),
    "report_found": Case(
        "The audit found that the hospital had overspent by 2 million marks.",
        attributions=(("finding", "the hospital had overspent"),),
        never=("the hospital had overspent",),
    ),
    "study_suggests": Case(
        "A study by the Kessel Foundation suggests that cycling to school improves attendance.",
        attributions=(("finding", "cycling to school improves attendance"),),
        never=("cycling to school improves attendance",),
    ),
    "belief": Case(
        "Union leader Hana Sorel believes the strike will last into the summer.",
        attributions=(("belief", "the strike will last into the summer"),),
        never=("the strike will last",),
    ),
    "perception": Case(
        "Resident Lee Marsh heard the water coming before the bank gave way.",
        attributions=(("perception", "the water coming"),),
        never=("the water coming",),
    ),
    "intention": Case(
        "The club wants a new stadium by 2030, chairman Ole Brandt said on Friday.",
        quotes=(("The club wants a new stadium by 2030", "Ole Brandt"),),
    ),
    "stance": Case(
        "Senator Mira Olsen opposed the bill, which passed by 52 votes to 48.",
        attributions=(("stance", "the bill"),),
        never=("the bill",),
    ),
    "stance_attacked": Case(
        "Councillor Pia Dahl attacked the parking levy at Tuesday's meeting.",
        attributions=(("stance", "the parking levy"),),
        never=("the parking levy",),
    ),
    "called_police": Case(
        "Shop owner Yusuf Amin called the police when the window broke.",
        never=("the police",),
    ),
    "called_it_characterisation": Case(
        "Opposition leader Nina Varga called the budget a betrayal of young families.",
        quotes=(("the budget a betrayal of young families", "Nina Varga"),),
    ),
    "direct_quote_with_said": Case(
        '"We will rebuild the school before winter," said Principal Maya Ortiz.',
        quotes=(("We will rebuild the school before winter", "Maya Ortiz"),),
    ),
    "added_points": Case(
        "Striker Jonas Elm added two more goals in the second half.",
        never=("two more goals",),
    ),
    # a cue inside a clause is no aside: the words before it are not what was said
    "cue_inside_clause": Case(
        "The hope in the council has been that residents would respond to the survey by March.",
        never=("The hope in the council",),
    ),
    "cue_shares_subject": Case(
        "Coach Ben Ald needs to rest his captain and tell fewer stories.",
        never=("needs to rest his captain",),
    ),
    # the subject of a passive cue is the thing said, not a speaker
    "passive_announced": Case(
        "While a curfew was announced from midnight to 6 a.m., police did not enforce it on "
        "Friday.",
        never=("police did not enforce it",),
        no_speaker=("curfew",),
    ),
    "story_updated": Case(
        "This story was updated to include comments from the harbour authority.",
        no_speaker=("story",),
    ),
    "editors_note": Case(
        "Editor's note: Councillor Ada Krum has chaired the planning board since 2019.",
        never=("Councillor Ada Krum has chaired",),
    ),
    # readers' voices and pull quotes credited after a dash at the end of the line
    "dash_credit": Case(
        "Readers told us what the flood meant to them.\n\n"
        "\u201cThe river has never come up this fast in forty years.\u201d \u2015 Lotte Brink\n"
        "\u201cNobody warned the people who live on the low road.\u201d\u2015 Sami Okafor.\n",
        quotes=(
            ("The river has never come up", "Lotte Brink"),
            ("Nobody warned the people", "Sami Okafor"),
        ),  # fmt: skip
    ),
    "dash_credit_picture": Case(
        "\u201cFlooded streets in the old town of Calder on Sunday morning.\u201d \u2014 Getty "
        "Images\n\nThe water rose by two metres overnight.",
        no_speaker=("Getty",),
    ),
    "closing_mark_opens_paragraph": Case(
        "\u201dFear. I am afraid the levee will fail again this winter.\u201d \u2015 Rui Costa\n",
        quotes=(("I am afraid the levee will fail", "Rui Costa"),),
    ),
    # one report: the reported clause takes in the quotes its own cue speaks right after it
    "one_report_colon": Case(
        "Mayor Lena Moss said she has what the job needs: \u201cPatience, and a thick skin.\u201d",
        quotes=(("Patience, and a thick skin", "Lena Moss"),),
        together=(("she has what the job needs", "a thick skin"),),
    ),
    "one_report_but": Case(
        "Coach Ida Marr claimed that the referee was \u201ca disgrace to the league\u201d but "
        "\u201cnobody will say it out loud.\u201d",
        together=(("the referee was", "nobody will say it out loud"),),
    ),
    "one_report_and_of": Case(
        "Resident Omar Reyes said the flood brought back memories of his father, and of "
        "\u201call the people who left the valley.\u201d",
        together=(("the flood brought back memories", "all the people who left"),),
    ),
    # a partial quote belongs to a cue whose content holds it, not to the next cue along
    "partial_not_the_next_cue": Case(
        "As the senator went on about \u201ca rigged and broken system,\u201d Mara Quist said "
        "she was leaving the hall.",
        quotes=(("she was leaving the hall", "Mara Quist"),),
        never=("a rigged and broken system",),
    ),
    # a command to the reader reports nothing ("Now tell us ...", a reader's letter)
    "imperative_letter": Case(
        "The council should stop hiding the figures. Now tell us this is not a cover-up of the "
        "highest order!\n\nGreta Holm, Calder.",
        never=("this is not a cover-up",),
    ),
    "title_set_apart": Case(
        "In her 2019 book, \u201cGrow Your Own Town Hall,\u201d Mayor Alma Steen suggested "
        "holding council meetings in the library.",
        quotes=(("holding council meetings in the library", "Alma Steen"),),
        never=("Grow Your Own Town Hall",),
    ),
    # speech not (yet) made: planned, tried, required, refused in a list, worth noting
    "unsaid_plans": Case(
        "Mayor Alma Steen plans to announce the new tram routes on Friday.",
        never=("the new tram routes",),
    ),
    "unsaid_tried": Case(
        "Harbour master Tomas Berg has tried to explain why the pier was closed for a year.",
        never=("why the pier was closed",),
    ),
    "unsaid_required": Case(
        "The club's rules require every member to disclose any payment from an agent.",
        never=("any payment from an agent",),
    ),
    "unsaid_worth_noting": Case(
        "It is worth noting that the old bridge was built in 1904 by the same engineer.",
        never=("the old bridge was built",),
    ),
    "unsaid_declined_list": Case(
        "Chairman Ole Brandt declined to confirm the fee or even announce the name of the new "
        "coach.",
        never=("the name of the new coach",),
    ),
    "accused_participle": Case(
        "Lawyer Ruth Imre has defended two men accused of theft or fraud in Selby.",
        never=("theft or fraud",),
    ),
    "policy_is_no_speaker": Case(
        "The new policy urges every school in Calder to publish its exam results online.",
        attributions=(("finding", "to publish its exam results online"),),
        no_speaker=("policy",),
    ),
    # a passive cue's prepositions and an aside with an object of its own report nothing
    "passive_called_for": Case(
        "Surgeon Ivo Marek has been called a charlatan by fellow doctors for promoting miracle "
        "diets.",
        never=("promoting miracle diets",),
    ),
    "aside_with_object": Case(
        "I have written letters for several of my neighbours -- it is not an easy process.",
        never=("it is not an easy process",),
    ),
    # an object's content runs on through its prepositions (PolNeAR annotates them)
    "object_with_prepositions": Case(
        "At the hearing, Pia Dahl described crass behaviour by the contractor behind the scenes "
        "of the harbour project.",
        quotes=(("crass behaviour by the contractor behind the scenes", "Pia Dahl"),),
    ),
    # a past-tense verb hung on the modal clause it reports belongs to the speaker: "the
    # Marsh will stand up ... and pledged" is Holm's pledge (AllSides 294 gave it to "the U.S.")
    "conjunct_after_modal_clause": Case(
        "Mayor Edda Holm said the Marsh Council will stand up for the tenants and pledged to "
        "raise the matter at the council meeting next month.",
        quotes=(
            ("the Marsh Council will stand up for the tenants", "Edda Holm"),
            ("to raise the matter at the council meeting", "Edda Holm"),
        ),
        never=("tenants and pledged",),
        no_speaker=("Marsh",),
    ),
    # an aside between a short clause's subject and its verb: one content, not its tail
    "aside_before_short_tail": Case(
        "The Selby ferry, harbour master Ines Roth said, is late.",
        quotes=(("The Selby ferry", "Ines Roth"),),
        together=(("The Selby ferry", "is late"),),
    ),
    # a title's "from" phrase is part of who speaks, and the place is no speaker
    "title_from_place": Case(
        "Senator from Ostmark says he cannot let the harbour bill pass.",
        quotes=(("he cannot let the harbour bill pass", "Senator from Ostmark"),),
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_read_quotes_kinds_annotated_set(name: str) -> None:
    case = CASES[name]
    quotes, atts = read_quotes(case.text, nlp.doc(case.text))
    for fragment, speaker in case.quotes:
        hits = [q for q in quotes if fragment in q.text]
        assert hits, f"{name}: no quote holds {fragment!r}: {[q.text for q in quotes]}"
        assert any(q.speaker == speaker for q in hits), (name, [q.speaker for q in hits])
    for kind, fragment in case.attributions:
        assert any(a.kind == kind and fragment in a.text for a in atts), (
            f"{name}: no {kind} holds {fragment!r}: {[(a.kind, a.text) for a in atts]}"
        )
    for fragment in case.never:
        assert not [q for q in quotes if fragment in q.text], (name, [q.text for q in quotes])
    for first, second in case.together:
        assert [q for q in quotes if first in q.text and second in q.text], (
            f"{name}: no one quote holds {first!r} and {second!r}: {[q.text for q in quotes]}"
        )
    for word in case.no_speaker:
        assert not [q for q in quotes if word in (q.speaker_text or "")], name
    for x in (*quotes, *atts):
        assert case.text[x.start : x.end] == x.text
