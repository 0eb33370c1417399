"""Quotes: one per campaign (with its senders), no near-duplicates across written standards,
one per submitter."""

import numpy as np

from innonlp.nlp import NorwegianNLP
from innonlp.nlp.analysis import analyze_segments
from innonlp.themes.quotes import QuotePicker
from innonlp.types import Segment, Submission

TEXTS = [
    ("k1", "Kommunen trenger flere midler til innovasjon i små distriktskommuner.", "nb", "c"),
    ("k2", "Kommunen trenger flere midler til innovasjon i små distriktskommuner.", "nb", "c"),
    ("k3", "Kommunen trenger flere midler til innovasjon i små distriktskommuner.", "nb", "c"),
    ("n1", "Kommunane treng fleire midlar til innovasjon i små distriktskommunar.", "nn", None),
    ("b1", "Kommunene trenger flere midler til innovasjon i små distriktskommuner.", "nb", None),
    ("o1", "Søknadsprosessene for tilskudd er for tunge for en liten administrasjon.", "nb", None),
]


def test_one_quote_per_campaign_and_no_cross_standard_duplicates() -> None:
    segments = [Segment(id=f"{sid}-1", submission_id=sid, n=0, part=0, text=t, start=0,
                        end=len(t), standard=std) for sid, t, std, _ in TEXTS]
    subs = [Submission(id=sid, source=f"{sid}.txt", parts=(), campaign_id=camp)
            for sid, _, _, camp in TEXTS]
    analyses, _ = analyze_segments(segments, NorwegianNLP(nlp="embedded"))
    sim = np.array([0.9, 0.89, 0.88, 0.87, 0.86, 0.5])
    quotes = QuotePicker(segments, analyses, subs, sim).pick(np.arange(6), set(), 4)
    ids = [q["submission_id"] for q in quotes]
    assert ids[0] == "k1" and quotes[0]["campaign"] == {"id": "c", "n_senders": 3}
    assert not {"k2", "k3"} & set(ids)  # one quote per campaign
    assert not {"n1", "b1"} & set(ids)  # the same sentence in Nynorsk or Bokmål: not again
    assert "o1" in ids and len(ids) == len(set(ids))
