import json
from dataclasses import asdict

import pytest

from innonlp.ingest.codec import from_data, to_data
from innonlp.ingest.run import IngestResult
from innonlp.types import Campaign, ManifestEntry, Part, RemovedSpan, Segment, Submission


def _result() -> IngestResult:
    part = Part("Hei\n\nTekst om skule.", "Spørsmål 1", "Hei\n\nTekst om skule. Mvh",
                (RemovedSpan("signature", "Mvh", 21, 24),), (0, 5))
    subs = [Submission("a", "a.txt", (part, Part("Andre del.")), submitter=None,
                       organisation="Kommune", meta=(("k", "v"),), standard="nn",
                       standard_confidence=0.9),
            Submission("b", "b.txt", (Part("Eit svar."),), campaign_id="kampanje-1")]
    segs = [Segment("a#1", "a", 1, 0, "Tekst om skule.", 5, 20, heading="H", page=1,
                    standard="nn", standard_confidence=0.8),
            Segment("b#1", "b", 1, 0, "Eit svar.", 0, 9)]
    camp = [Campaign("kampanje-1", ("b",), "Eit svar.", (("b", "meir"),), 0.97)]
    entries = [ManifestEntry("a.txt", "file", "processed", submission_ids=["a"],
                             details={"pages": 2})]
    return IngestResult(subs, segs, camp, entries, [], {"email": 1})


def test_to_data_is_the_json_of_asdict() -> None:
    res = _result()
    expected = {"submissions": [asdict(s) for s in res.submissions],
                "segments": [asdict(s) for s in res.segments],
                "campaigns": [asdict(c) for c in res.campaigns],
                "entries": [asdict(e) for e in res.entries],
                "containers": [], "personal_data": {"email": 1}}
    assert json.dumps(to_data(res)) == json.dumps(expected)


def test_round_trip_through_json_gives_the_same_result() -> None:
    res = _result()
    back = from_data(json.loads(json.dumps(to_data(res))))
    assert back == res


def test_a_forged_segment_is_refused() -> None:
    data = json.loads(json.dumps(to_data(_result())))
    data["segments"][0]["end"] = 10_000
    with pytest.raises(ValueError, match="offsets"):
        from_data(data)
