"""Which principles a sentence invokes, and which it says are violated: the cue words in
lexicons/principles.json, read as a reader of policy texts would (invented passages)."""
from __future__ import annotations

import pytest

from analysis.analyses.principles import invoked
from analysis.lexicons import principles


@pytest.mark.parametrize("text", [
    "Ruritania's annexation of the northern province is null and void.",
    "Borduria illegally annexed the island in 2031.",
    "The peninsula was annexed by force.",
    "Any attempt at annexing the valley will be resisted.",
    "Ruritania plans to annex the northern province.",
    "Borduria has annexed Vlatava and annexes parts of the coast.",
    "Borduria annexed a third of the valley, as the map in annex I shows.",
])
def test_annexation_breaches_territorial_integrity(text):
    assert "territorial-integrity" in invoked(text, principles())[1]


@pytest.mark.parametrize("text", [
    "Enriching at levels far above the limit set in paragraph 5 of annex I to the agreement.",
    "The text annexed to the present letter sets out our position in full.",
    "I have the honour to transmit the annexed statement by the Ministry of Foreign Affairs.",
    "See annex II for the list of participants.",
    "The parties acted pursuant to annex I to the Zenda Accord.",
    "The parties referred the dispute to annex 2 of the treaty.",
    "Ruritania annexes the list of observers to this letter.",
    "The delegation annexed the full text of the communique to its note.",
])
def test_an_annex_of_a_document_breaches_nothing(text):
    assert "territorial-integrity" not in invoked(text, principles())[1]
