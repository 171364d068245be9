"""Text -> actor mentions: states, organisations and their organs, found by a token trie over
the gazetteer in lexicons/actors.json (names, aliases, acronyms, adjectives, capitals, metonyms).

    gaz = Gazetteer.default()
    gaz.find("the Swedish Foreign Secretary told Belgrade")
    -> [Mention(4, 11, 'Swedish', 'Sweden', 'state', 'adjective'),
        Mention(30, 38, 'Belgrade', 'Serbia', 'state', 'capital')]

Rules, in the order they apply (each is a small function below, so it can be audited):
  1. Tokens are words (``\\w+``) and single punctuation marks, so every match sits on word
     boundaries ("Iran" is not in "Tirana", "UN" not in "UNODC"); curly apostrophes and dash
     variants are folded first; a longer surface wins at the same start ("Niger"/"Nigeria",
     "UN"/"UN-Habitat"); "Kosovo-Serbia" yields both states.
  2. Case: acronyms and all-capital tokens match exactly; other capitalised tokens need a
     capital first letter ("turkey" the bird, "georgia" in a URL are not matched).
  3. Exclusions are longer phrases that consume their words and yield nothing
     ("Northern Ireland", "Latin American", "Kosovo Serb").
  4. Guards: a surface that is also a person's name is dropped after a capitalised word that
     is not a title ("Michael Jordan"); English-word acronyms are dropped in ALL-CAPS runs
     ("WHO WE ARE"); a capital is not a metonym in an event name ("Minsk agreements", "Treaty
     of Lisbon"); an adjective is not the state in "ethnic Russians" or "Russian-speaking";
     nothing is matched inside a URL.
  5. Context aliases ("the Council", "Secretary-General") resolve to the candidate mentioned
     most recently before them, else to the one whose organisation dominates the text.
  6. A bare organ name after an actor belongs to that actor ("Russian Security Council").
  7. Extensions: "<Adjective> government", "Government of <State>", "the Russian Ministry of
     Foreign Affairs" -> the state via government/ministry; "IAEA Director General",
     "Executive Director of <Organisation>" -> the organisation via organ.

The package: lexicon.py (the entries' data), surfaces.py (folding, tokens, compiled surfaces),
guards.py (rule 4), extensions.py (rule 7), gazetteer.py (the trie, matching, rules 5 and 6, lookups).
"""
from __future__ import annotations

from .gazetteer import Gazetteer
from .lexicon import titles
from .mention import STATE_KINDS, Mention

__all__ = ["Gazetteer", "Mention", "STATE_KINDS", "titles"]
