"""A statement's speaker rule and actor rule -> (confidence, basis): how sure the attribution is, and why.

High only when both come from firm rules: the speaker from a speaker turn, a quotation or
speech verb with a named subject, a letter's signatory; the actor from the gazetteer, a
nationality adjective or "of <State>" with a title, an apposition naming the organisation,
a turn label or a letter heading. A pronoun, an anonymous descriptor, a capital city used
as a metonym or a table row's actor lowers it.
"""
from __future__ import annotations

from .attribution import Speaker, unofficial_words

FIRM_SPEAKER = frozenset({"speaker-turn", "speaker-turn-continuation", "quote+named-speaker", "quote+actor-speaker",
                          "speech-verb-subject", "reporting-frame", "letter-signatory", "quote-continuation",
                          "resolution-author", "speech-author"})
FIRM_ACTOR = frozenset({"gazetteer-actor", "nationality-adjective", "apposition-actor", "speaker-turn-label",
                        "letter-signatory", "resolution-author", "speech-author", "on-behalf-of", "linked-actor",
                        "person-met-earlier", "possessive-role", "text-actor"})
DOCUMENT_RULES = frozenset({"letter-signatory", "resolution-author", "speech-author", "speaker-turn",
                            "speaker-turn-continuation"})
"""Rules that give the words to whoever holds the document or the floor: the actor comes with them."""
WEAK = frozenset({"quote+table-row", "capital-metonym"})
MEDIUM = frozenset({"letter-joint"})
"""A joint letter of states no group names: their common voice, said once for all of them."""


def grade(rule: str, sp: Speaker, extra: tuple[str, ...] = ()) -> tuple[str, tuple[str, ...]]:
    """(confidence, basis) for a statement attributed to `sp` by `rule` (the speaker rule)."""
    kind = f"actor-kind:{sp.kind}" if sp.kind else ""  # an actor named only in the text, and what it is
    basis = tuple(dict.fromkeys(b for b in (rule, sp.via, kind, *extra) if b))
    if sp.via == "presiding-officer":
        return "medium", basis  # a chair's own act: the person is sure, for whom is not
    if not basis:
        basis = ("unattributed",)
    if WEAK & set(basis):
        return "low", basis
    if MEDIUM & set(basis):
        return "medium", basis
    if rule not in FIRM_SPEAKER:
        return "medium", basis
    if sp.actor is None:
        # a named person without an affiliation the text gives: who said it is firm, for whom is not said
        return ("high" if sp.person else "medium"), basis
    if not sp.person and sp.name and sp.via == "gazetteer-actor" and rule not in DOCUMENT_RULES \
            and not any(w[:1].isupper() for w in sp.name.split()) and unofficial_words(sp.name):
        # "analysts and opposition leaders" with a state named elsewhere in the phrase ("Belgrade's
        # statement ... and analysts in the capital concluding"): people who hold no office, described
        # without a side, speak for no state the phrase happens to name ("the representative" of a
        # state does, through its office)
        return "medium", basis + ("descriptor-without-name",)
    if sp.via in FIRM_ACTOR or rule in DOCUMENT_RULES:
        return "high", basis
    return "medium", basis
