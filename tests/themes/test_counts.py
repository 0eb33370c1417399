"""Themes ordered by submissions; each submission's main theme."""

import numpy as np

from innonlp.themes.counts import main_themes, order_by_submissions
from innonlp.types import Segment


def seg(i: int, sub: str, text: str = "x") -> Segment:
    return Segment(id=f"s{i}", submission_id=sub, n=i, part=0, text=text, start=0,
                   end=len(text), standard="nb")


def test_ordered_by_distinct_submissions_not_segments() -> None:
    segments = [seg(0, "a"), seg(1, "a"), seg(2, "a"), seg(3, "b"), seg(4, "c"), seg(5, "d")]
    labels = np.array([0, 0, 0, 1, 1, -1])  # theme 0: 3 segments, 1 submission; theme 1: 2
    new = order_by_submissions(labels, 2, segments)
    assert new.tolist() == [1, 0]


def test_main_theme_holds_most_of_the_text() -> None:
    segments = [seg(0, "a", "kort"), seg(1, "a", "en mye lengre tekst her"), seg(2, "b", "x"),
                seg(3, "b", "y")]
    main = main_themes({0: "T01", 1: "T02", 2: "T02", 3: "T01"}, segments)
    assert main == {"a": "T02", "b": "T01"}  # a tie goes to the smaller id
