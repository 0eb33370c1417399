"""ThemeParams and the one set of parameter constraints shared with ThemeFinder."""

import pytest

from innonlp.errors import ConfigError
from innonlp.themes.params import CONSTRAINTS, ThemeParams, validate


def test_defaults_are_valid_and_map_seed_to_random_state() -> None:
    p = ThemeParams()
    assert p.finder_params()["random_state"] == p.seed == 0


@pytest.mark.parametrize(("field", "value"), [
    ("n_themes", 0), ("n_themes", "all"), ("max_themes", 1), ("min_theme_size", 0),
    ("max_outlier_share", 1.0), ("seed", -1), ("seed", 2**32), ("keyphrases", "words"),
    ("top_n", 0), ("n_bootstrap", -2)])
def test_bad_values_are_refused_on_creation(field: str, value: object) -> None:
    with pytest.raises(ConfigError, match=rf"^The '{field}' parameter of ThemeParams must be "
                                          rf".* Got {value!r} instead\.$"):
        ThemeParams(**{field: value})


def test_flags_parse_numbers_and_name_the_flag() -> None:
    p = ThemeParams.from_flags("12", 4, "auto", 3)
    assert (p.n_themes, p.min_theme_size, p.max_themes, p.seed) == (12, 4, "auto", 3)
    with pytest.raises(ConfigError, match=r"^--themes must be 'auto' or an int in the range "
                                          r"\[1, inf\)\. Got 'x' instead\.$"):
        ThemeParams.from_flags("x", 3, "auto", 0)
    with pytest.raises(ConfigError, match="^--seed must be an int"):
        ThemeParams.from_flags("auto", 3, "auto", -1)
    with pytest.raises(ConfigError, match="^--max-themes must be"):
        ThemeParams.from_flags("auto", 3, "1", 0)


def test_a_toml_table_rejects_unknown_keys() -> None:
    assert ThemeParams.from_mapping({"n_themes": 5, "seed": 2}).n_themes == 5
    with pytest.raises(ConfigError, match="Unknown key.*'n_theme'"):
        ThemeParams.from_mapping({"n_theme": 5})


def test_every_finder_parameter_has_a_constraint() -> None:
    import inspect

    from innonlp.themes.finder import ThemeFinder

    assert set(inspect.signature(ThemeFinder).parameters) <= set(CONSTRAINTS)
    validate("X", {"unknown_name": object()})  # only known names are checked
