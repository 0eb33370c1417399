"""The themes stage's parameters and their one set of constraints (light to import: the
command line and the run record need them before any model library is loaded).

:data:`CONSTRAINTS` says what each parameter of :class:`~innonlp.themes.finder.ThemeFinder`
accepts; :func:`validate` checks values against it with scikit-learn's error template
("The 'x' parameter of Foo must be … Got … instead."). ``ThemeFinder.fit``,
:class:`ThemeParams` (what the command line and a TOML ``[themes]`` table build) and
:meth:`ThemeParams.from_flags` all check through it, so a bad value fails the same way
wherever it comes from, and before any work starts.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, fields
from numbers import Integral, Real
from typing import Any

from ..errors import ConfigError

SEED_MAX = 2**32 - 1  # what numpy's RandomState accepts


@dataclass(frozen=True)
class Interval:
    """Numbers of ``kind`` (``Integral`` or ``Real``) from ``lo`` to ``hi`` (None: open);
    ``closed`` says which ends belong ("both", "left", "right", "neither")."""

    kind: type
    lo: float | None
    hi: float | None
    closed: str = "both"

    def __call__(self, value: Any) -> bool:
        if isinstance(value, bool) or not isinstance(value, Real | Integral) \
                or not isinstance(value, self.kind):
            return False
        v = float(value)
        if not math.isfinite(v):
            return False
        left = self.closed in ("both", "left")
        right = self.closed in ("both", "right")
        if self.lo is not None and (v < self.lo or (v == self.lo and not left)):
            return False
        return not (self.hi is not None and (v > self.hi or (v == self.hi and not right)))

    def __str__(self) -> str:
        kind = "an int" if self.kind is Integral else "a float"
        a = "[" if self.closed in ("both", "left") and self.lo is not None else "("
        b = "]" if self.closed in ("both", "right") and self.hi is not None else ")"
        lo = "-inf" if self.lo is None else f"{self.lo:g}"
        hi = "inf" if self.hi is None else f"{self.hi:g}"
        return f"{kind} in the range {a}{lo}, {hi}{b}"


@dataclass(frozen=True)
class Options:
    """One of these strings."""

    values: tuple[str, ...]

    def __call__(self, v: Any) -> bool:
        return isinstance(v, str) and v in self.values

    def __str__(self) -> str:
        return "a str among {" + ", ".join(map(repr, self.values)) + "}"


@dataclass(frozen=True)
class Kind:
    """An instance of one of ``types`` (``None`` for None), described as ``text``."""

    types: tuple[Any, ...]
    text: str

    def __call__(self, v: Any) -> bool:
        return any(v is None if t is None else isinstance(v, t) for t in self.types)

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Has:
    """An object with these methods."""

    methods: tuple[str, ...]

    def __call__(self, v: Any) -> bool:
        return all(callable(getattr(v, m, None)) for m in self.methods)

    def __str__(self) -> str:
        return "an object with " + " and ".join(f"{m}()" for m in self.methods)


def _random_state(v: Any) -> bool:
    import numpy as np  # only when a random state is checked (the CLI never passes one)

    return v is None or Interval(Integral, 0, SEED_MAX)(v) or isinstance(
        v, np.random.RandomState | np.random.Generator)


class _RandomState:
    def __call__(self, v: Any) -> bool:
        return _random_state(v)

    def __str__(self) -> str:
        return (f"None, an int in the range [0, {SEED_MAX}], a numpy RandomState or a "
                "numpy Generator")


AUTO = Options(("auto",))
BOOL = Kind((bool,), "a bool")
NONE = Kind((None,), "None")
Constraint = Callable[[Any], bool]

CONSTRAINTS: dict[str, list[Constraint]] = {
    "n_themes": [AUTO, Interval(Integral, 1, None)],
    "min_themes": [Interval(Integral, 1, None)],
    "max_themes": [AUTO, Interval(Integral, 2, None)],
    "min_theme_size": [Interval(Integral, 1, None)],
    "max_outlier_share": [Interval(Real, 0, 1, "left")],
    "min_similarity": [Interval(Real, -1, 1)],
    "n_components": [Interval(Integral, 2, None)],
    "vectorizer": [NONE, Has(("fit_transform", "transform"))],
    "subthemes": [BOOL],
    "min_subtheme_silhouette": [Interval(Real, -1, 1)],
    "tolerance": [Interval(Real, 0, 1)],
    "selection_sample": [Interval(Integral, 10, None)],
    "min_tokens": [Interval(Integral, 1, None)],
    "merge_z": [NONE, Interval(Real, 0, None, "neither")],
    "svd_sample": [Interval(Integral, 10, None)],
    "selection": [Options(("stability", "silhouette"))],
    "k_tolerance": [Interval(Real, 0, 1)],
    "consensus_runs": [Interval(Integral, 0, None)],
    "selection_boot": [Interval(Integral, 2, None)],
    "selection_starts": [Interval(Integral, 1, None)],
    "random_state": [_RandomState()],
    # the run's own parameters (ThemeParams)
    "seed": [Interval(Integral, 0, SEED_MAX)],
    "n_bootstrap": [Interval(Integral, 0, None)],
    "keyphrases": [Options(("noun_phrases", "lemmas"))],
    "top_n": [Interval(Integral, 1, None)],
    "n_quotes": [Interval(Integral, 0, None)],
}


def describe(constraints: list[Constraint]) -> str:
    """The accepted values in words: "'auto' or an int in the range [1, inf)"."""
    parts = ["'auto'" if c == AUTO else str(c) for c in constraints]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " or " + parts[-1]


def validate(owner: str, values: Mapping[str, Any],
             names: Mapping[str, str] | None = None) -> None:
    """Check each value against :data:`CONSTRAINTS`; the first that fails raises a
    :class:`~innonlp.errors.ConfigError` naming the parameter (``names`` maps a parameter to
    how the caller spells it, e.g. a command-line flag), what it must be and the value."""
    for name, value in values.items():
        allowed = CONSTRAINTS.get(name)
        if allowed is None or any(c(value) for c in allowed):
            continue
        shown = (names or {}).get(name)
        who = f"{shown}" if shown else f"The {name!r} parameter of {owner}"
        raise ConfigError(f"{who} must be {describe(allowed)}. Got {value!r} instead.")


@dataclass(frozen=True)
class ThemeParams:
    """What a run asks of the themes stage; checked on creation (:func:`validate`).

    ``seed`` is the user-facing name of :class:`ThemeFinder`'s ``random_state`` (an int
    here: a run must be reproducible)."""

    n_themes: int | str = "auto"
    min_theme_size: int = 3
    max_themes: int | str = "auto"
    max_outlier_share: float = 0.15
    seed: int = 0
    n_bootstrap: int = 5
    keyphrases: str = "noun_phrases"
    top_n: int = 10
    n_quotes: int = 4

    def __post_init__(self) -> None:
        validate("ThemeParams", asdict(self))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], where: str = "[themes]") -> ThemeParams:
        """From a TOML table; an unknown key is an error, never ignored."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(f"Unknown key(s) {', '.join(map(repr, unknown))} in {where}. "
                              f"Known keys: {', '.join(sorted(known))}.")
        return cls(**dict(data))

    @classmethod
    def from_flags(cls, themes: str, min_theme_size: int, max_themes: str, seed: int
                   ) -> ThemeParams:
        """From the command line's ``--themes``, ``--min-theme-size``, ``--max-themes`` and
        ``--seed`` (numbers given as text become ints; the messages name the flags)."""
        def number(v: str) -> int | str:
            return int(v) if v.strip().isdigit() else v

        values = {"n_themes": number(themes), "min_theme_size": min_theme_size,
                  "max_themes": number(max_themes), "seed": seed}
        validate("ThemeParams", values, FLAGS)
        return cls(**values)  # type: ignore[arg-type]

    def finder_params(self) -> dict[str, Any]:
        """The :class:`ThemeFinder` parameters these stand for."""
        return {"n_themes": self.n_themes, "min_theme_size": self.min_theme_size,
                "max_themes": self.max_themes, "max_outlier_share": self.max_outlier_share,
                "random_state": self.seed}


FLAGS = {"n_themes": "--themes", "min_theme_size": "--min-theme-size",
         "max_themes": "--max-themes", "seed": "--seed"}
