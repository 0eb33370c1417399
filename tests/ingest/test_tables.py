import json

import pytest

from innonlp import ColumnMapping, IngestConfig, ingest


def _cfg(**cols) -> IngestConfig:  # noqa: ANN003
    return IngestConfig(columns=ColumnMapping(**cols))


def test_multi_question_rows_become_parts_with_questions(tmp_path) -> None:  # noqa: ANN001
    p = tmp_path / "skjema.csv"
    p.write_text("id;navn;type;spm1;spm2\n"
                 "A1;Kari Nordmann;Privatperson;Bibliotekene må ha åpent lenger.;Flere bøker.\n"
                 "A2;;Kommune;Vi trenger bedre veier i hele kommunen.;\n", encoding="utf-8")
    res = ingest([p], _cfg(text=("spm1", "spm2"), id="id", submitter="navn",
                           respondent_type="type"))
    subs = {s.id: s for s in res.submissions}
    # a private person is shown under a pseudonymous id, never by name
    assert set(subs) == {"privatperson-001", "skjema/A2"}
    a1 = subs["privatperson-001"]
    assert [(pt.question, pt.text) for pt in a1.parts] == [
        ("spm1", "Bibliotekene må ha åpent lenger."), ("spm2", "Flere bøker.")]
    assert a1.respondent_type == "privatperson" and a1.submitter is None
    assert a1.source.endswith("skjema.csv#row2")
    assert subs["skjema/A2"].respondent_type == "kommune"
    assert len(subs["skjema/A2"].parts) == 1
    assert res.counts() == {"inputs": 2, "processed": 2, "skipped": 0, "failed": 0}


def test_ragged_row_fails_alone(tmp_path) -> None:  # noqa: ANN001
    p = tmp_path / "svar.csv"
    p.write_text("id,tekst\n1,Første svar er her.\n2,Andre svar,ekstra,felt\n3,Tredje svar.\n",
                 encoding="utf-8")
    res = ingest([p])
    statuses = {e.input.rsplit("#", 1)[1]: (e.status, e.reason) for e in res.entries}
    assert statuses["row2"][0] == "processed"
    assert statuses["row3"] == ("failed", "ragged row: 4 fields, the header has 2")
    assert statuses["row4"][0] == "processed"
    assert len(res.submissions) == 2


def test_missing_mapped_text_column_fails_the_table(tmp_path) -> None:  # noqa: ANN001
    p = tmp_path / "svar.csv"
    p.write_text("id,kommentar_x\n1,hei\n", encoding="utf-8")
    res = ingest([p], _cfg(text=("tekst",)))
    (entry,) = res.entries
    assert entry.status == "failed"
    assert "mapped text column(s) 'tekst' not in the table" in entry.reason
    res2 = ingest([p])
    assert "no text column" in res2.entries[0].reason and "--text-column" in res2.entries[0].reason


def test_text_column_found_by_name_is_noted(tmp_path) -> None:  # noqa: ANN001
    p = tmp_path / "eksport.csv"
    p.write_bytes("Løpenummer;Innspill\n7;Vi ønsker oss flere gang- og sykkelveier i Ås.\n"
                  .encode("cp1252"))
    res = ingest([p])
    assert res.submissions[0].text == "Vi ønsker oss flere gang- og sykkelveier i Ås."
    assert res.submissions[0].id == "eksport/7"
    (table,) = res.containers
    assert table.encoding == "cp1252"
    assert any("chosen by its name" in n for n in table.details["notes"])


def test_json_jsonl_and_xlsx(tmp_path) -> None:  # noqa: ANN001
    import openpyxl

    (tmp_path / "a.json").write_text(json.dumps({"records": [
        {"id": "x", "text": "Tekst nummer en fra JSON."}, {"id": "y", "text": ""}]}),
        encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        '{"id": 1, "text": "Linje en i JSONL."}\n{ikke json}\n[1,2]\n', encoding="utf-8")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ID", "Tekst", "Organisasjon"])
    ws.append(["r1", "Svar fra regnearket om skole.", "Skolelaget"])
    wb.save(tmp_path / "c.xlsx")
    res = ingest([tmp_path])
    by_status = {(e.input.split("/")[-1], e.status) for e in res.entries}
    assert ("a.json#row1", "processed") in by_status
    assert ("a.json#row2", "skipped") in by_status
    assert ("b.jsonl#row2", "failed") in by_status
    assert ("b.jsonl#row3", "failed") in by_status
    assert ("c.xlsx#row2", "processed") in by_status
    xl = next(s for s in res.submissions if s.id.startswith("c/"))
    assert xl.organisation == "Skolelaget" and xl.respondent_type == "organisasjon"


@pytest.mark.parametrize("payload", ["=1+1", "+cmd", "-2", "@SUM(A1)"])
def test_formula_like_cells_are_read_as_plain_text(tmp_path, payload: str) -> None:  # noqa: ANN001
    p = tmp_path / "f.csv"
    p.write_text(f"tekst\n\"{payload} og mer tekst her\"\n", encoding="utf-8")
    res = ingest([p])
    assert res.submissions[0].text == f"{payload} og mer tekst her"
