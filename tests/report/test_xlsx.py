"""The streaming .xlsx writer: what goes in comes back through openpyxl, as values."""

import io

import openpyxl

from innonlp.report import xlsx


def test_values_types_and_layout_round_trip(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(xlsx, "MAX_ROWS", 6)  # header + 3 rows + the "more rows" line
    buf = io.BytesIO()
    cols = [["a", "=1+1", "<b>&\x01</b>", None, "x", "y"], [1, 2, None, 4, 5, 6],
            [0.5, float("nan"), 1e-9, None, 2.0, 3.0], [True, False, None, True, True, True]]
    with xlsx.Workbook(buf) as wb:
        assert wb.add_sheet("data", ["text", "int", "float", "flag"], cols,
                            [10, 8, 8, 8]) == 4
        wb.add_sheet("empty", ["only"], [[]], [8])
    book = openpyxl.load_workbook(io.BytesIO(buf.getvalue()))
    ws = book["data"]
    assert ws.freeze_panes == "A2" and ws["A1"].font.b and not ws["A2"].font.b
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("text", "int", "float", "flag")
    assert rows[1] == ("a", 1, 0.5, True)
    assert rows[2] == ("=1+1", 2, None, False)   # a string, never a formula
    assert ws["A3"].data_type == "s"
    assert rows[3] == ("<b>&</b>", None, 1e-9, None)  # control character dropped
    assert rows[4] == (None, 4, None, True)       # missing values keep their columns
    assert rows[5][0] == "… 2 rader til: se segments.parquet"
    assert list(book["empty"].iter_rows(values_only=True)) == [("only",)]
    assert book.sheetnames == ["data", "empty"]


class _Blocks:
    """A column that can only be sliced, and remembers the longest slice read."""

    def __init__(self, values: list) -> None:  # noqa: ANN001
        self.values, self.longest = values, 0

    def __len__(self) -> int:
        return len(self.values)

    def __getitem__(self, rows: slice) -> list:
        assert isinstance(rows, slice)
        out = self.values[rows]
        self.longest = max(self.longest, len(out))
        return out


def test_sheet_is_turned_into_xml_a_block_of_rows_at_a_time(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(xlsx, "ROW_BLOCK", 7)
    text, num = _Blocks([f"rad {i}" for i in range(50)]), _Blocks(list(range(50)))
    buf = io.BytesIO()
    with xlsx.Workbook(buf) as wb:
        assert wb.add_sheet("s", ["t", "n"], [text, num], [8, 8]) == 50
    assert text.longest <= 7 and num.longest <= 7
    rows = list(openpyxl.load_workbook(io.BytesIO(buf.getvalue()))["s"].iter_rows(
        values_only=True))
    assert rows[1:] == [(f"rad {i}", i) for i in range(50)]
