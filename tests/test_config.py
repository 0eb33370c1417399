from pathlib import Path

import pytest

from innonlp.config import ColumnMapping, load_config, merge_columns, parse_size
from innonlp.errors import ConfigError


def test_parse_size() -> None:
    assert parse_size("50MB") == 50_000_000
    assert parse_size("2 GiB") == 2 * 2**30
    assert parse_size("200kb") == 200_000
    assert parse_size(123) == 123
    with pytest.raises(ConfigError, match="Got 'lots' instead"):
        parse_size("lots")


def test_toml_maps_to_the_dataclass_and_rejects_unknown_keys(tmp_path: Path) -> None:
    p = tmp_path / "c.toml"
    p.write_text('[ingest]\nmax_file_size = "2MB"\n[ingest.columns]\ntext = "svar"\nid = "nr"\n',
                 encoding="utf-8")
    cfg = load_config(p)
    assert cfg.max_file_size == 2_000_000
    assert cfg.columns == ColumnMapping(text=("svar",), id="nr")
    p.write_text("[ingest.columns]\ntekst = 'x'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="Unknown key"):
        load_config(p)
    p.write_text("[ingst]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="Unknown table"):
        load_config(p)


def test_flags_override_the_file() -> None:
    base = ColumnMapping(text=("a",), id="x")
    assert merge_columns(base, text=["b", "c"], id=None) == ColumnMapping(text=("b", "c"), id="x")


@pytest.mark.parametrize("toml, message", [
    ('[ingest]\nmax_file_size = [1]\n', "must be a size"),
    ('[ingest]\nmax_pdf_pages = "many"\n', "must be a whole number"),
    ('[ingest]\nstrip_letters = "yes"\n', "must be true or false"),
    ('[ingest]\ncampaign_threshold = -1\n', "must not be negative"),
    ('[ingest.columns]\nid = 5\n', "must be a text"),
    ('[ingest]\ncolumns = "id"\n', "must be a table"),
    ('[ingest.columns]\ntext = [1, 2]\n', "column name or a list"),
])
def test_values_of_the_wrong_type_are_one_clear_error(tmp_path, toml: str, message: str) -> None:  # noqa: ANN001
    p = tmp_path / "innonlp.toml"
    p.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(p)
