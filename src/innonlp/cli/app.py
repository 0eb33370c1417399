"""Typer commands. They validate arguments, call library functions and print results."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..codebook.options import StructureOptions
from ..config import IngestConfig, load_config, merge_columns, parse_size
from ..errors import ConfigError
from ..parallel import auto_jobs
from ..run.pipeline import DEFAULT_STAGES, RunResult, analyze
from ..sample import sample_path
from ..themes.params import ThemeParams
from .evaluate import evaluate_app
from .options import NlpOpt, SeedOpt
from .output import Reporter

app = typer.Typer(
    name="innonlp",
    help="Themes from Norwegian consultation submissions, checked against a human summary.",
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

_state: dict[str, Any] = {"debug": False}

InputsArg = Annotated[list[Path], typer.Argument(
    help="Folders (read recursively), files or zip archives.", show_default=False,
    metavar="INPUT")]
OutOpt = Annotated[Path, typer.Option("--out", "-o", help="Run folder to write.")]
ConfigOpt = Annotated[Path | None, typer.Option(
    "--config", help="TOML file with an [ingest] table (and [ingest.columns]).")]
TextColOpt = Annotated[list[str] | None, typer.Option(
    "--text-column", metavar="COL", help="Free-text column of a CSV/XLSX/JSON export; "
    "repeat for several questions (each becomes its own text of the submission).")]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Stop at the first failed input.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Print every input.")]
ThemesOpt = Annotated[str, typer.Option(
    "--themes", help="Number of themes: auto (the smallest k whose k-means re-fits on "
    "subsets agree about as well as at the best k, between the bounds; themes.json "
    "'choice' shows the curve) or N.")]
MinThemeOpt = Annotated[int, typer.Option(
    "--min-theme-size", help="Fewest segments in a theme; smaller groups go to other themes "
    "or to 'Andre innspill'.")]
MaxThemesOpt = Annotated[str, typer.Option(
    "--max-themes", help="Upper bound for --themes auto (auto: sqrt(segments/2), 4 to 30).")]
IdColOpt = Annotated[str | None, typer.Option(help="Column with submission ids.")]
SubmitterColOpt = Annotated[str | None, typer.Option(help="Column with names.")]
OrgColOpt = Annotated[str | None, typer.Option(help="Column with organisations.")]
TypeColOpt = Annotated[str | None, typer.Option(
    help="Column with respondent types (kommune, organisasjon, privatperson …).")]
DateColOpt = Annotated[str | None, typer.Option(help="Column with dates.")]
MaxSizeOpt = Annotated[str | None, typer.Option(
    help="Largest file read, e.g. 50MB (default 50MB).")]
MaxUncompressedOpt = Annotated[str | None, typer.Option(
    "--max-uncompressed", metavar="SIZE", help="Most data unpacked from one archive or .gz "
    "file, e.g. 2GB (default 2GB); each unpacked file is held to --max-file-size too.")]
MaxPagesOpt = Annotated[int | None, typer.Option(
    help="Most pages read from one PDF (default 2000).")]
NoCleanupOpt = Annotated[bool, typer.Option(
    "--no-letter-cleanup", help="Keep letterheads and signatures.")]
NoCampaignsOpt = Annotated[bool, typer.Option("--no-campaigns", help="Skip campaign detection.")]
KeepPersonalOpt = Annotated[bool, typer.Option(
    "--keep-personal-data", help="Do not mask fødselsnummer, D-numbers and private persons' "
    "phone numbers, e-mail and street addresses.")]
JobsOpt = Annotated[int, typer.Option(
    "--jobs", help="Processes for the language analysis and the per-segment theme "
                   "features; 0 (default): one per core, at most 4, and one process for "
                   "fewer than 2,000 segments. The output is the same as with --jobs 1.")]
CacheOpt = Annotated[Path | None, typer.Option(
    "--cache", help="A cache file shared between runs (it holds the submissions' words; "
    "default: OUT/.innonlp/cache.sqlite inside the run folder). Unchanged segments and "
    "stages are read back, not computed again.")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Use no cache.")]


def _config(config: Path | None, text_column: list[str] | None, id_column: str | None,
            submitter_column: str | None, organisation_column: str | None,
            respondent_type_column: str | None, date_column: str | None,
            max_file_size: str | None, max_pdf_pages: int | None, no_letter_cleanup: bool,
            no_campaigns: bool, keep_personal_data: bool = False,
            max_uncompressed: str | None = None) -> IngestConfig:
    import dataclasses

    cfg = load_config(config) if config else IngestConfig()
    cols = merge_columns(cfg.columns, text=text_column or (), id=id_column,
                         submitter=submitter_column, organisation=organisation_column,
                         respondent_type=respondent_type_column, date=date_column)
    changes: dict[str, Any] = {"columns": cols}
    if max_file_size:
        changes["max_file_size"] = parse_size(max_file_size)
    if max_uncompressed:
        changes["max_uncompressed_total"] = parse_size(max_uncompressed)
    if max_pdf_pages is not None:
        if max_pdf_pages <= 0:
            raise ConfigError(f"--max-pdf-pages must be positive. Got {max_pdf_pages} instead.")
        changes["max_pdf_pages"] = max_pdf_pages
    if no_letter_cleanup:
        changes["strip_letters"] = False
    if no_campaigns:
        changes["detect_campaigns"] = False
    if keep_personal_data:
        changes["keep_personal_data"] = True
    return dataclasses.replace(cfg, **changes)


def _theme_params(themes: str, min_theme_size: int, max_themes: str, seed: int
                  ) -> ThemeParams:
    """The flags as ThemeParams, checked there (the constraints ThemeFinder and a TOML table
    share; the messages name the flags)."""
    return ThemeParams.from_flags(themes, min_theme_size, max_themes, seed)


def _run(inputs: list[Path], out: Path, cfg: IngestConfig, strict: bool, quiet: bool,
         verbose: bool, summary: Path | None, stages: tuple[str, ...],
         nlp: str = "auto", themes: ThemeParams | None = None,
         edits: Path | None = None, cache: Path | None = None, jobs: int = 1,
         engine: str = "local", scheduler: str | None = None,
         ignore_edits: bool = False, structure: StructureOptions | None = None
         ) -> RunResult:
    rep = Reporter(quiet=quiet, verbose=verbose)
    with rep.progress("Reading inputs") as tick:
        result = analyze(inputs, out, config=cfg, strict=strict, summary=summary,
                         progress=tick, stages=stages, nlp=nlp, log=rep.info, themes=themes,
                         edits=edits, stage=rep.stage, cache=cache, jobs=jobs,
                         engine=engine, scheduler=scheduler, ignore_edits=ignore_edits,
                         structure=structure)
    rep.summary(result)
    return result


def _cache_path(cache: Path | None, no_cache: bool, out: Path) -> Path | None:
    """The cache file: none with --no-cache, --cache FILE, else the run folder's own."""
    from ..nlp.cache import default_path

    if no_cache and cache is not None:
        raise ConfigError("--cache and --no-cache exclude each other.")
    return None if no_cache else (cache or default_path(out))


def _jobs(jobs: int) -> int:
    if jobs < 0:
        raise ConfigError(f"--jobs must be 0 (one per core) or more. Got {jobs} instead.")
    return jobs or auto_jobs()


def _exit_for(result: RunResult) -> None:
    if result.failed:
        raise typer.Exit(1)


app.add_typer(evaluate_app, name="evaluate")


def _version(value: bool) -> None:
    if value:
        from .._version import __version__

        typer.echo(f"innonlp {__version__}")
        raise typer.Exit(0)


@app.callback(invoke_without_command=True)
def _root(ctx: typer.Context,
          debug: Annotated[bool, typer.Option(
              "--debug", help="Show full tracebacks on errors.")] = False,
          version: Annotated[bool, typer.Option(
              "--version", callback=_version, is_eager=True,
              help="Print innonlp's version and exit.")] = False) -> None:
    _state["debug"] = debug
    if ctx.invoked_subcommand is None:  # a bare `innonlp`: its help, exit status 0
        typer.echo(ctx.get_help())
        raise typer.Exit(0)


cache_app = typer.Typer(help="The cache that makes reruns fast (it holds the submissions' "
                                 "words).", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("clear")
def cache_clear_cmd(
    target: Annotated[Path | None, typer.Argument(
        help="A run folder (its .innonlp/cache.sqlite) or a cache file given with --cache; "
             "default: the shared cache earlier versions of innonlp wrote under "
             "~/.cache/innonlp.")] = None,
) -> None:
    """Remove a cache file."""
    from ..nlp.cache import cache_file, clear_cache

    try:
        removed = clear_cache(target)
    except (ValueError, OSError) as exc:
        raise ConfigError(str(exc)) from None
    typer.echo(f"Removed {', '.join(str(p) for p in removed)}" if removed
               else f"No cache at {cache_file(target)}")


@app.command("ingest")
def ingest_cmd(
    inputs: InputsArg,
    out: OutOpt,
    config: ConfigOpt = None,
    text_column: TextColOpt = None,
    id_column: IdColOpt = None,
    submitter_column: SubmitterColOpt = None,
    organisation_column: OrgColOpt = None,
    respondent_type_column: TypeColOpt = None,
    date_column: DateColOpt = None,
    max_file_size: MaxSizeOpt = None,
    max_uncompressed: MaxUncompressedOpt = None,
    max_pdf_pages: MaxPagesOpt = None,
    no_letter_cleanup: NoCleanupOpt = False,
    no_campaigns: NoCampaignsOpt = False,
    keep_personal_data: KeepPersonalOpt = False,
    strict: StrictOpt = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Read submissions and write submissions.parquet, segments.parquet and manifest.json."""
    cfg = _config(config, text_column, id_column, submitter_column, organisation_column,
                  respondent_type_column, date_column, max_file_size, max_pdf_pages,
                  no_letter_cleanup, no_campaigns, keep_personal_data, max_uncompressed)
    _exit_for(_run(inputs, out, cfg, strict, quiet, verbose, None, ("ingest", "standard")))


@app.command("analyze")
def analyze_cmd(
    inputs: InputsArg,
    out: OutOpt,
    summary: Annotated[Path | None, typer.Option(
        "--summary", help="Human-written summary to compare the themes with.")] = None,
    edits: Annotated[Path | None, typer.Option(
        "--edits", help="Analyst edits (edits.toml) to carry over, e.g. from an earlier "
                        "run of the same consultation.")] = None,
    ignore_edits: Annotated[bool, typer.Option(
        "--ignore-edits", help="Do not apply the run folder's edits.toml (the run says "
                               "so).")] = False,
    codebook: Annotated[Path | None, typer.Option(
        "--codebook", help="Seed the themes: a TOML codebook ([[theme]] label, description, "
                           "keywords, references) or the consultation document (.docx/.pdf/"
                           ".md/.txt; its numbered headings become the seeds).")] = None,
    closed_column: Annotated[str | None, typer.Option(
        "--closed-column", metavar="COL", help="A closed question's column of a table export "
                                               "(ja/nei/delvis), cross-tabulated with the "
                                               "themes.")] = None,
    count_endorsements: Annotated[bool, typer.Option(
        "--count-endorsements", help="Count a submission that joins another body's answer "
                                     "in the themes that body raised.")] = False,
    config: ConfigOpt = None,
    text_column: TextColOpt = None,
    id_column: IdColOpt = None,
    submitter_column: SubmitterColOpt = None,
    organisation_column: OrgColOpt = None,
    respondent_type_column: TypeColOpt = None,
    date_column: DateColOpt = None,
    max_file_size: MaxSizeOpt = None,
    max_uncompressed: MaxUncompressedOpt = None,
    max_pdf_pages: MaxPagesOpt = None,
    no_letter_cleanup: NoCleanupOpt = False,
    no_campaigns: NoCampaignsOpt = False,
    keep_personal_data: KeepPersonalOpt = False,
    nlp: NlpOpt = "auto",
    jobs: JobsOpt = 0,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
    engine: Annotated[str, typer.Option(
        "--engine", help="Where the language analysis and the themes stage's per-segment "
                         "features run: local, or dask (a Dask cluster; needs "
                         "innonlp[dask]).")] = "local",
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default with "
                            "--engine dask: a local cluster of --jobs workers, at least 2).")
    ] = None,
    themes: ThemesOpt = "auto",
    min_theme_size: MinThemeOpt = 3,
    max_themes: MaxThemesOpt = "auto",
    seed: SeedOpt = 0,
    strict: StrictOpt = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """The main job: run every analysis stage on the inputs and write the run folder."""
    if summary is not None and not summary.is_file():
        raise ConfigError(f"--summary file {str(summary)!r} does not exist.")
    if edits is not None and not edits.is_file():
        raise ConfigError(f"--edits file {str(edits)!r} does not exist.")
    if codebook is not None:
        from ..codebook.model import read_codebook

        read_codebook(codebook)  # one clear line before anything runs
    cfg = _config(config, text_column, id_column, submitter_column, organisation_column,
                  respondent_type_column, date_column, max_file_size, max_pdf_pages,
                  no_letter_cleanup, no_campaigns, keep_personal_data, max_uncompressed)
    params = _theme_params(themes, min_theme_size, max_themes, seed)
    _exit_for(_run(inputs, out, cfg, strict, quiet, verbose, summary, DEFAULT_STAGES, nlp,
                   params, edits, _cache_path(cache, no_cache, out), _jobs(jobs), engine,
                   scheduler, ignore_edits,
                   StructureOptions(codebook, closed_column, count_endorsements)))


@app.command("compare")
def compare_cmd(
    run_dir: Annotated[Path, typer.Argument(help="A finished run folder (innonlp analyze).")],
    summary: Annotated[Path, typer.Argument(help="The human-written summary: .txt, .md, "
                                            ".docx or .pdf.")],
    nlp: NlpOpt = "auto",
    quiet: QuietOpt = False,
) -> None:
    """Compare a run's themes with a human summary; writes comparison.json and
    comparison.md into the run folder."""
    from ..compare.run import compare_run

    if not summary.is_file():
        raise ConfigError(f"Summary file {str(summary)!r} does not exist.")
    from ..report.edited_exports import compare_with_edits

    doc = compare_run(run_dir, summary, nlp=nlp)
    edited = compare_with_edits(run_dir)
    if edited is not None and not quiet:
        typer.echo(f"Edits from {edited['source']} applied to the comparison "
                   f"({edited['applied']}); the machine's is comparison.machine.json.")
    if not quiet:
        f = doc["figures"]
        typer.echo(f"{doc['summary']['n_themes']} themes in the summary, theme recall "
                   f"{f['theme_recall']:.2f}, weighted coverage {f['weighted_coverage']:.2f}, "
                   f"{len(f['omitted_themes'])} machine themes omitted, "
                   f"{len(f['weak_sentences'])} weakly supported sentences; "
                   f"written to {run_dir / 'comparison.json'}")


@app.command("report")
def report_cmd(
    run_dir: Annotated[Path, typer.Argument(help="A finished run folder (innonlp analyze).")],
    edits: Annotated[Path | None, typer.Option(
        "--edits", help="Edits file (default: edits.toml in the run folder).")] = None,
    quiet: QuietOpt = False,
) -> None:
    """Regenerate report.md, report.docx, report.html and themes.xlsx from the stored run
    plus the analyst's edits, without redoing the NLP."""
    from ..report.build import report_run

    if edits is not None and not edits.is_file():
        raise ConfigError(f"--edits file {str(edits)!r} does not exist.")
    record = report_run(run_dir, edits)
    if not quiet:
        typer.echo(f"Wrote {', '.join(record['files'])} in {run_dir}")
        if record["edits"] is not None:
            typer.echo(f"Edits applied: {record['edits']['applied']}")
            for e in record["edits"]["not_applied"]:
                typer.echo(f"Edit not applied ({e['kind']}): {e['reason']}")
            for w in record["edits"].get("warnings", []):
                typer.echo(f"Warning: {w}")


@app.command("demo")
def demo_cmd(
    out: Annotated[Path, typer.Option("--out", "-o", help="Run folder to write.")] = Path(
        "innonlp-demo"),
    nlp: NlpOpt = "auto",
    seed: SeedOpt = 0,
    jobs: JobsOpt = 0,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Run ``analyze`` on the bundled sample consultation."""
    root = sample_path()
    cfg = load_config(root / "innonlp.toml")
    summary = root / "oppsummering.md"
    result = _run([root / "innspill"], out, cfg, False, quiet, verbose, summary,
                  DEFAULT_STAGES, nlp, _theme_params("auto", 3, "auto", seed), None,
                  _cache_path(cache, no_cache, out), _jobs(jobs))
    if not quiet:
        typer.echo(f"Demo run written to {out}. Open {out / 'report.html'} in a browser, or "
                   f"{out / 'report.docx'} in Word; the themes are in {out / 'themes.xlsx'}.")
    _exit_for(result)
