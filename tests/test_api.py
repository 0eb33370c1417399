"""The public API is declared once in innonlp.__all__ and every name there exists."""

import innonlp


def test_exported_members() -> None:
    for name in innonlp.__all__:
        assert hasattr(innonlp, name), name
    public = {n for n in dir(innonlp) if not n.startswith("_")}
    # subpackages are reachable but not part of __all__
    assert set(innonlp.__all__) - {"__version__"} <= public


def test_version() -> None:
    assert innonlp.__version__.count(".") == 2


def test_sample_path_points_at_the_sample() -> None:
    p = innonlp.sample_path()
    assert (p / "innspill").is_dir()
    assert (p / "oppsummering.md").is_file()
