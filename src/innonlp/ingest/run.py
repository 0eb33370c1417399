"""Ingest orchestration: inputs → submissions, segments, campaigns and a manifest."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..config import IngestConfig
from ..errors import FileFailure, InputError, StrictModeError
from ..parallel import ExecutionPolicy
from ..privacy.ingest import mask_submissions
from ..privacy.names import Pseudonyms, mask_name
from ..privacy.pseudonym import NameFinder, pseudonymise
from ..privacy.safetext import strip_bidi
from ..types import Campaign, ManifestEntry, Part, RemovedSpan, Segment, Submission
from .answerpage import strip_answer_header, with_answer_page
from .campaign import find_campaigns
from .documents import read_docx, read_html, read_odt, read_plain
from .encoding import require_text
from .letter import clean_letter
from .pdf import extract_pdf
from .respondent import classify_respondent, with_found_organisation
from .segment import segment_submission
from .sources import Item, iter_items
from .tables import Row, Sheet, read_table, read_workbook, resolve_columns

ProgressFn = Callable[[str], None]


@dataclass
class IngestResult:
    """Everything ingest produced, including the full account of its inputs."""

    submissions: list[Submission]
    segments: list[Segment]
    campaigns: list[Campaign]
    entries: list[ManifestEntry]
    containers: list[ManifestEntry] = field(default_factory=list)
    personal_data: dict = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        c = Counter(e.status for e in self.entries)
        return {"inputs": len(self.entries), "processed": c["processed"],
                "skipped": c["skipped"], "failed": c["failed"]}


class _Ids:
    def __init__(self, pseudonyms: Pseudonyms | None = None) -> None:
        self.used: set[str] = set()
        self.pseudonyms = pseudonyms  # None: personal data in names is kept

    def make(self, base: str) -> str:
        # identity numbers and e-mail addresses in file names never become ids
        base = self.pseudonyms.id(base) if self.pseudonyms else strip_bidi(base)
        base = re.sub(r"[#\s]+", "-", base).strip("-") or "innspill"
        cand, k = base, 1
        while cand in self.used:
            k += 1
            cand = f"{base}~{k}"
        self.used.add(cand)
        return cand


def _build_part(text: str, cfg: IngestConfig, question: str | None = None,
                page_starts: tuple[int, ...] = (), extra_removed: Iterable[str] = ()
                ) -> tuple[Part, Any]:
    # an answer page's "Høringssvar fra …/Dato/Svartype" lines: blanked, offsets kept
    body, header = strip_answer_header(text)
    if cfg.strip_letters:
        res = clean_letter(body)
        clean = res.text
        removed = [*header, *(RemovedSpan("page-furniture", t, -1, -1) for t in extra_removed)]
        removed += res.removed
        mapped_pages: tuple[int, ...] = ()
        if page_starts:
            # page starts are offsets into ``text``; move them into cleaned offsets
            inv = sorted((o, c) for c, o in res.line_map)
            ps = []
            for start in page_starts:
                cands = [c for o, c in inv if o >= start]
                ps.append(cands[0] if cands else len(clean))
            mapped_pages = tuple(ps)
        return Part(clean, question, text, tuple(removed), mapped_pages), res
    return Part(body.strip(), question, text, header, page_starts), None


def _doc_submission(item: Item, data: bytes, cfg: IngestConfig, ids: _Ids,
                    entry: ManifestEntry) -> Submission:
    page_starts: tuple[int, ...] = ()
    furniture: list[str] = []
    title = None
    if item.fmt == "pdf":
        pdf = extract_pdf(data, cfg.max_pdf_pages)
        text, page_starts, furniture = pdf.text, pdf.page_starts, list(pdf.removed_furniture)
        entry.details["pages"] = pdf.n_pages
    elif item.fmt == "docx":
        text, info = read_docx(data, cfg)
        furniture = list(info.get("page_furniture", []))
    elif item.fmt == "odt":
        text, info = read_odt(data, cfg)
    elif item.fmt == "html":
        text, info = read_html(data, cfg)
        entry.encoding = info["encoding"]
        if info.get("note"):
            entry.details["note"] = info["note"]
        title = info.get("title")
    else:
        text, info = read_plain(data, cfg)
        entry.encoding = info["encoding"]
    require_text(text)
    part, res = _build_part(text, cfg, page_starts=page_starts, extra_removed=furniture)
    if not part.text.strip():
        raise FileFailure("empty after removing letterhead and signature", status="skipped")
    organisation = res.organisation if res else None
    submitter = res.submitter if res else None
    rtype, why = classify_respondent(submitter, organisation)
    return Submission(
        id=ids.make(item.id_base), source=item.name, parts=(part,), submitter=submitter,
        organisation=organisation, respondent_type=rtype, respondent_type_reason=why,
        title=strip_bidi(res.title if res and res.title else title or "") or None,
        format=item.fmt,
    )


def _row_submission(row: Row, cols: Any, item: Item, cfg: IngestConfig,
                    ids: _Ids, sheet: str | None = None) -> Submission:
    assert row.cells is not None
    cells = {strip_bidi(str(k)): strip_bidi(v) if isinstance(v, str) else v
             for k, v in row.cells.items()}
    parts = []
    multi = len(cols.text) > 1
    orgs, subs = [], []
    for col in cols.text:
        value = cells.get(col)
        text = "" if value is None else str(value)
        if not text.strip():
            continue
        part, res = _build_part(text.replace("\r\n", "\n"), cfg, question=col if multi else None)
        if part.text.strip():
            parts.append(part)
            if res and res.organisation:
                orgs.append(res.organisation)
            if res and res.submitter:
                subs.append(res.submitter)
    if not parts:
        raise FileFailure(
            f"empty: no text in column(s) {', '.join(map(repr, cols.text))}", status="skipped")

    def cell(role: str) -> str | None:
        col = getattr(cols, role)
        v = cells.get(col) if col else None
        return str(v).strip() if v not in (None, "") and str(v).strip() else None

    submitter = cell("submitter") or (subs[0] if subs else None)
    organisation = cell("organisation") or (orgs[0] if orgs else None)
    rtype, why = classify_respondent(submitter, organisation, cell("respondent_type"))
    row_id = cell("id")
    where = f"{item.id_base}/{sheet}" if sheet else item.id_base
    base = f"{where}/{row_id}" if row_id else f"{where}/r{row.number}"
    meta = tuple(sorted((str(k), str(v)[:200]) for k, v in cells.items()
                        if k not in cols.text and v not in (None, "")))
    return Submission(
        id=ids.make(base), source=f"{item.name}#{f'{sheet}!' if sheet else ''}row{row.number}",
        parts=tuple(parts),
        submitter=submitter, organisation=organisation, respondent_type=rtype,
        respondent_type_reason=why, date=cell("date"), format=item.fmt, meta=meta,
    )


def ingest(inputs: Iterable[str | Path], config: IngestConfig | None = None,
           strict: bool = False, progress: ProgressFn | None = None,
           policy: ExecutionPolicy | None = None,
           name_finder: NameFinder | None = None,
           org_finder: Callable[[str], list[str]] | None = None) -> IngestResult:
    """Read every input, clean and segment it, detect campaigns, and account for all of it.

    One bad input never stops the run: it becomes a ``failed`` manifest entry with a reason.
    With ``strict=True`` the first failure raises StrictModeError instead. ``policy``:
    how campaign signatures and masking run on big inputs (same result as one process).
    """
    cfg = config or IngestConfig()
    executor = (policy or ExecutionPolicy()).executor()
    paths = [Path(p) for p in inputs]
    if not paths:
        raise InputError("No input given: name at least one folder, file or zip archive.")
    ids = _Ids(None if cfg.keep_personal_data else Pseudonyms())
    submissions: list[Submission] = []
    entries: list[ManifestEntry] = []
    containers: list[ManifestEntry] = []

    def record(entry: ManifestEntry) -> None:
        entries.append(entry)
        if strict and entry.status == "failed":
            raise StrictModeError(f"{entry.input}: {entry.reason} (--strict stops at the "
                                  "first failed input)")

    for item in iter_items(paths, cfg):
        # names reach the manifest and every output: no bidi controls, no identity numbers
        item.name = strip_bidi(item.name) if cfg.keep_personal_data else mask_name(item.name)
        if progress:
            progress(item.name)
        entry = ManifestEntry(item.name, item.kind, "processed", format=item.fmt,
                              bytes=item.size)
        if item.skip or item.fail:
            entry.status = "skipped" if item.skip else "failed"
            entry.reason = item.skip or item.fail or ""
            record(entry)
            continue
        try:
            data = item.load()
            entry.sha256 = hashlib.sha256(data).hexdigest()
            if item.fmt in ("csv", "xlsx", "json", "jsonl"):
                _ingest_table(item, data, cfg, ids, entry, containers, record, submissions)
                continue
            sub = _doc_submission(item, data, cfg, ids, entry)
        except FileFailure as exc:
            entry.status = "skipped" if exc.status == "skipped" else "failed"
            entry.reason = exc.reason
            record(entry)
            continue
        except (MemoryError, RecursionError, OSError, ValueError, KeyError, IndexError,
                TypeError, AttributeError, UnicodeError) as exc:
            entry.status = "failed"
            entry.reason = f"could not be read ({type(exc).__name__}: {exc})"[:500]
            record(entry)
            continue
        entry.submission_ids = [sub.id]
        submissions.append(sub)
        record(entry)

    submissions = [with_answer_page(s) for s in submissions]  # sender, date, svartype
    if org_finder is not None:  # a body named only in running text (NER), typed by its name
        submissions = [with_found_organisation(s, org_finder) for s in submissions]
    personal: dict[str, int] = {}
    if not cfg.keep_personal_data:  # before campaigns: their shared texts are shown too
        submissions, personal = mask_submissions(submissions, executor)
        submissions, named = pseudonymise(submissions, [*entries, *containers], name_finder)
        personal = dict(sorted({**personal, **named}.items()))
    campaigns: list[Campaign] = []
    if cfg.detect_campaigns and submissions:
        campaigns = find_campaigns({s.id: s.text for s in submissions},
                                   threshold=cfg.campaign_threshold,
                                   min_size=cfg.campaign_min_size,
                                   min_words=cfg.campaign_min_words, executor=executor)
        member_of = {m: c.id for c in campaigns for m in c.member_ids}
        submissions = [replace(s, campaign_id=member_of.get(s.id)) for s in submissions]
    segments: list[Segment] = []
    for s in submissions:
        segments.extend(segment_submission(s.id, s.parts, cfg.max_segment_chars,
                                           cfg.min_segment_chars))
    return IngestResult(submissions, segments, campaigns, entries, containers,
                        {"masked": not cfg.keep_personal_data, "counts": personal})


def _ingest_table(item: Item, data: bytes, cfg: IngestConfig, ids: _Ids,
                  entry: ManifestEntry, containers: list[ManifestEntry],
                  record: Callable[[ManifestEntry], None],
                  submissions: list[Submission]) -> None:
    if item.fmt == "xlsx":
        sheets = read_workbook(data, cfg)  # every sheet is read, or named as skipped
    else:
        header, rows, enc = read_table(data, item.fmt, cfg)
        sheets = [Sheet(None, header, rows, enc)]
    usable, first_error = [], None
    for k, sheet in enumerate(sheets):
        try:
            if not sheet.header:
                raise FileFailure("empty sheet (no header row)", status="skipped")
            usable.append((k, sheet, *resolve_columns(sheet.header, cfg.columns)))
        except FileFailure as exc:
            first_error = first_error or exc
            if len(sheets) > 1:
                record(ManifestEntry(f"{item.name}#{sheet.name}", "sheet", "skipped",
                                     f"sheet {sheet.name!r} not read: {exc.reason}",
                                     format=item.fmt))
    if not usable:
        raise first_error or FileFailure("workbook has no sheets")
    _, _, cols, notes = usable[0]
    entry.kind = "table"
    entry.encoding = sheets[0].encoding if sheets[0].encoding != "xlsx" else None
    entry.details = {"columns": {k: v for k, v in vars(cols).items() if v},
                     "notes": notes}
    if len(sheets) > 1:
        entry.details["sheets"] = [s.name for s in sheets]
    n_rows = 0
    for k, sheet, cols, _notes in usable:
        name = sheet.name if k else None  # the first sheet's rows keep their plain names
        for row in sheet.rows:
            n_rows += 1
            record(_row_entry(row, cols, item, cfg, ids, submissions, name))
    entry.details["rows"] = n_rows
    if n_rows == 0:
        raise FileFailure("table has a header but no data rows", status="skipped")
    containers.append(entry)


def _row_entry(row: Row, cols: Any, item: Item, cfg: IngestConfig, ids: _Ids,
               submissions: list[Submission], sheet: str | None) -> ManifestEntry:
    where = f"{sheet}!" if sheet else ""
    rentry = ManifestEntry(f"{item.name}#{where}row{row.number}", "row", "processed",
                           format=item.fmt)
    if row.error:
        rentry.status, rentry.reason = "failed", row.error
        return rentry
    try:
        sub = _row_submission(row, cols, item, cfg, ids, sheet)
    except FileFailure as exc:
        rentry.status = "skipped" if exc.status == "skipped" else "failed"
        rentry.reason = exc.reason
        return rentry
    rentry.submission_ids = [sub.id]
    submissions.append(sub)
    return rentry
