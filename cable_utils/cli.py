"""The command line: ``python -m cable_utils show|corpus|actors|index|search|add …``.

Bad input ends with a one-line message on stderr and a non-zero exit code,
never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from ._words import counted
from .errors import CableError, InputTooLargeError
from .model import Cable
from .parse import load_cable

__all__ = ["main", "outline"]

EXIT_BAD_INPUT = 2


def outline(cable: Cable) -> str:
    """A readable text outline of a cable (what ``show`` prints)."""
    from .views.render import summary_fields

    lines = [f"{label:<15} {value}" for label, value in summary_fields(cable)]
    if cable.references:
        lines.append("References")
        lines += [
            f"  {r.label or '-'}. {r.text:<24} → {r.id or 'not a cable number'}"
            for r in cable.references
        ]
    if cable.classified_by:
        letters = ", ".join(f"({r.letter}) {r.meaning or 'meaning unknown'}" for r in cable.reasons)
        lines.append(
            f"{'Classified by':<15} {cable.classified_by}; reasons {cable.reason_section or '?'} {letters}"
        )
    lines.append("Paragraphs")
    for p in cable.paragraphs:
        number = f"¶{p.number}" if p.number is not None else "  –"
        section = f" [{p.section}]" if p.section else ""
        preview = p.text[:70] + ("…" if len(p.text) > 70 else "")
        lines.append(f"  {number:>4} ({p.marking or '-'}){section} {preview}")
    for warning in cable.warnings:
        lines.append(f"Warning: {warning}")
    return "\n".join(lines)


def _show(args: argparse.Namespace) -> int:
    if args.fragment:
        return _show_fragment(args)
    cable = load_cable(args.cable)
    if args.json:
        print(json.dumps(cable.to_json_dict(), ensure_ascii=False, indent=2))
    else:
        print(outline(cable))
    return 0


def _show_fragment(args: argparse.Namespace) -> int:
    """``show --fragment FILE|-``: the contract's fields found in part of a cable, as JSON."""
    from .parse import read_fields
    from .source.loading import decode_bytes, read_source

    if args.cable == "-":
        text, _notes = decode_bytes(_read_stdin(), name="the text on standard input")
    else:
        text = read_source(Path(args.cable) if Path(args.cable).is_file() else args.cable).text
    found = read_fields(text, year=args.year)
    print(json.dumps(found, ensure_ascii=False, indent=2, default=str))
    return 0


def _read_stdin() -> bytes:
    """Standard input as bytes, at most one byte over the size of a cable.

    Bytes, not text: a file in another encoding is then decoded (or refused) by
    the same rules as a file, never with a UnicodeDecodeError from the terminal's locale.
    """
    from .source.loading import MAX_CABLE_BYTES

    data = sys.stdin.buffer.read(MAX_CABLE_BYTES + 1)
    if len(data) > MAX_CABLE_BYTES:
        raise InputTooLargeError(
            f"the text on standard input is more than {MAX_CABLE_BYTES:,} bytes; a single cable "
            "is at most that. Is it a whole corpus? Use the corpus command for that."
        )
    return data


def _refuse_out_over_input(
    out: str | Path, sources: Sequence[str | Path], *, looks_ours: bytes
) -> None:
    """Refuse an ``--out`` that would replace a file the command did not write.

    That is a folder, one of the inputs, or any existing file that does not
    start with ``looks_ours`` (the first bytes of what this command writes): a
    typo in ``--out`` must not replace a cable or someone's table.
    """
    target = Path(out)
    if target.is_dir():
        raise CableError(f"{target} is a folder; --out names the file to write")
    for source in sources:
        try:
            same = target.exists() and target.samefile(source)
        except OSError:
            same = False
        if same:
            raise CableError(
                f"--out {target} is the input {source} itself: writing there would replace it. "
                "Choose another file name for --out"
            )
    if target.is_file() and target.stat().st_size:
        with target.open("rb") as handle:
            start = handle.read(len(looks_ours))
        if start != looks_ours:
            raise CableError(
                f"--out {target} already exists and is not a file this command wrote; it was "
                "left as it is. Choose another file name for --out, or delete it first"
            )


def _corpus(args: argparse.Namespace) -> int:
    """``corpus PATH --out FILE.csv [--workers N]``: one row per cable, streamed."""
    from .corpus import CORPUS_COLUMNS, write_corpus_csv

    header = ",".join(CORPUS_COLUMNS).encode()
    _refuse_out_over_input(args.out, [args.path], looks_ours=header)
    if not Path(args.out).parent.is_dir():
        raise CableError(f"the folder of --out {args.out} does not exist")
    rows, errors = write_corpus_csv(
        args.path, args.out, workers=max(1, int(args.workers)), progress=True
    )
    print(
        f"\rwrote {counted(rows, 'cable')} to {args.out}"
        + (f" ({errors:,} could not be read: see the error column)" if errors else ""),
        file=sys.stderr,
    )
    return 0


def _actors(args: argparse.Namespace) -> int:
    """``actors CABLE [--json]``: the gazetteer's actors with mentions and statements."""
    from .analysis.actors import actors_json, find_mentions, find_statements, load_gazetteer

    cable = load_cable(args.cable)
    gazetteer = load_gazetteer(cable)
    if args.json:
        print(json.dumps(actors_json(cable, gazetteer), ensure_ascii=False, indent=2))
        return 0
    mentions = find_mentions(cable, gazetteer)
    statements = find_statements(cable, gazetteer)
    print(f"Actors of {cable.id or args.cable}: {gazetteer.described}")
    for note in gazetteer.notes:
        print(f"Note: {note}")
    for actor in gazetteer.actors:
        count = sum(1 for m in mentions if m.actor_id == actor.id)
        said = sum(1 for s in statements if s.speaker == actor.id)
        kind = actor.type or "?"
        print(
            f"  {actor.id:<34} {_cut(actor.name, 34):<34} {kind:<20} "
            f"{counted(count, 'mention'):<13}{counted(said, 'statement')}"
        )
    return 0


def _cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` characters; a cut one ends in "…" (a table column)."""
    return text if len(text) <= width else text[: width - 1] + "…"


# -- index and search (issue 18): self-contained, so other subcommands merge cleanly --------


def _progress_bar(width: int = 30):
    """A progress reporter for ``index``: a bar when the total is known, a counter otherwise."""
    import time

    state = {"last": 0.0}

    def report(count: int, elapsed: float, fraction: float | None) -> None:
        now = time.monotonic()
        if fraction != 1.0 and now - state["last"] < 0.25:
            return
        state["last"] = now
        rate = f"{count / elapsed:,.0f}/s" if elapsed > 0 else ""
        if fraction is None:
            line = f"indexed {counted(count, 'cable')} {rate}"
        else:
            filled = round(width * fraction)
            line = f"[{'#' * filled}{'.' * (width - filled)}] {fraction:4.0%} {counted(count, 'cable')} {rate}"
        print(f"\r{line}", end="", file=sys.stderr, flush=True)

    return report


def _index(args: argparse.Namespace) -> int:
    """``index [FOLDER | cables.csv ...] [--out FILE]``: build a full-text search index."""
    from .corpus.index import build_index, default_index_path, default_sources

    sources = args.sources or default_sources()
    if args.sources and not args.out:
        raise CableError("say where to write the index: --out corpus.sqlite")
    out = args.out or default_index_path()
    if args.out:  # the default index is a cache of ours: a damaged one is simply rebuilt
        _refuse_out_over_input(out, sources, looks_ours=b"SQLite format 3\x00")
    report = build_index(
        sources,
        out,
        progress=None if args.quiet else _progress_bar(),
        workers=max(1, int(args.workers)),
    )
    print(("" if args.quiet else "\n") + str(report), file=sys.stderr)
    return 0


def _search(args: argparse.Namespace) -> int:
    """``search INDEX QUERY [filters] [--limit N] [--json]``: ranked hits with raw offsets."""
    from .corpus.index import default_index, open_index

    index = default_index() if args.index == "default" else open_index(args.index)
    with index:
        if args.index != "default":
            from .corpus.index import stale_reasons

            for reason in stale_reasons(index):
                print(f"note: the index may be out of date: {reason}", file=sys.stderr)
        results = index.search(
            args.query,
            post=args.post,
            date_from=args.date_from,
            date_to=args.date_to,
            classification=args.classification,
            tags=args.tag or (),
            limit=args.limit,
        )
    for note in results.notes:  # (standard error: --json output stays a list of hits)
        print(f"note: {note}", file=sys.stderr)
    if args.json:
        print(json.dumps([hit.to_json() for hit in results], ensure_ascii=False, indent=2))
        return 0
    print(results)
    for number, hit in enumerate(results, start=1):
        when = (hit.date or "undated")[:10]
        print(
            f"{number:>3}. {hit.id or '(no id)':<16} {when:<10} {hit.post or '?':<12} "
            f"{hit.classification or '?':<14} {hit.subject or '(no subject)'}"
        )
        print(f"     {hit.snippet}  [{hit.start}:{hit.end}]")
    return 0


def _at_least_one(text: str) -> int:
    """An argparse type: a whole number of at least 1 (a usage error otherwise, not a traceback)."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"give a whole number of at least 1, not {text!r}")
    return number


def _add_search_commands(commands: argparse._SubParsersAction) -> None:
    index = commands.add_parser(
        "index",
        help="build a full-text search index (SQLite FTS5) of folders of cables or a cables.csv",
        description="Without a source, builds the collection's own index (08BAKU151, the "
        "samples and data/corpus) where the lessons look for it.",
    )
    index.add_argument(
        "sources", nargs="*", help="folders of cable files and/or Cablegate-format cables.csv files"
    )
    index.add_argument("--out", help="the index file to write (e.g. corpus.sqlite)")
    index.add_argument("--quiet", action="store_true", help="no progress bar")
    index.add_argument(
        "--workers", type=int, default=1, help="parse on this many processes (default 1)"
    )
    index.set_defaults(run=_index)

    search = commands.add_parser(
        "search",
        help='search an index: words, "phrases", prefix*, AND/OR/NOT, NEAR',
    )
    search.add_argument("index", help="an index file, or 'default' for the collection's index")
    search.add_argument("query", help="FTS5 query, e.g. '\"Minsk Group\"' or 'Karab* NOT Kosovo'")
    search.add_argument("--post", help="the post in the cable ID (BAKU) or part of the FM line")
    search.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="earliest date")
    search.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="latest date")
    search.add_argument(
        "--tag", action="append", help="a TAGS code the cable must have (repeatable)"
    )
    search.add_argument("--classification", help="CONFIDENTIAL, SECRET, UNCLASSIFIED …")
    search.add_argument(
        "--limit", type=_at_least_one, default=20, help="at most this many hits (20)"
    )
    search.add_argument("--json", action="store_true", help="print the hits as JSON")
    search.set_defaults(run=_search)


def _shown(path: Path) -> str:
    """``path`` relative to the working folder when it is inside it (shorter to read)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _add(args: argparse.Namespace) -> int:
    """``add FILE [--id ID] [--source TEXT]``: copy a cable into the collection, with provenance."""
    from .corpus.collection import add_cable, add_file, repository_collection

    collection = repository_collection()
    if args.file == "-":
        added = add_cable(
            _read_stdin(),
            collection,
            name="the text on standard input",
            cable_id=args.id,
            source=args.source,
        )
    else:
        added = add_file(args.file, collection, cable_id=args.id, source=args.source)
    cable = added.cable
    date = cable.date.date().isoformat() if cable.date else "no date"
    print(f"added {added.cable_id} ({cable.origin or 'no FM line'}, {date}): {_shown(added.path)}")
    print(f"  subject: {cable.subject or '(no SUBJECT line)'}")
    print(f"  provenance: a new row at the end of {_shown(collection.provenance)}")
    print(f"  checksums: {_shown(collection.checksums)} updated")
    for note in added.notes:
        print(f"  note: {note}")
    if not args.source:
        print("  note: no --source was given; fill in where the copy came from in that row")
    for warning in cable.warnings:
        print(f"  warning: {warning}")
    print(f"Check it: python -m cable_utils show {added.cable_id}")
    return 0


EXIT_PROBLEMS = 1


def _check_annotations(args: argparse.Namespace) -> int:
    """``check-annotations ID`` (or ``--all``): the one annotation validator, on the command line."""
    from .analysis.annotations import (
        annotation_folders,
        check_annotations,
        curated_folder,
        work_folder,
    )
    from .source.paths import canonical_id, work_root

    if args.all:
        targets = [(folder.name, folder, None) for folder in annotation_folders()]
        if not targets:
            print("no folders in data/annotations/ to check")
            return 0
    elif not args.cable:
        raise CableError("give a cable ID (check-annotations 08BAKU151) or --all")
    else:
        cable_id = canonical_id(args.cable.strip())  # "08baku151" is 08BAKU151, as in show
        targets = [
            (cable_id, folder, stances)
            for folder, stances in (
                (curated_folder(cable_id), None),
                (work_folder(cable_id), work_root() / f"{cable_id}_stances.csv"),
            )
            if folder.is_dir() or stances is not None and stances.is_file()
        ]
        if not targets:
            print(
                f"no annotations of {cable_id} to check: looked in {curated_folder(cable_id)} "
                f"and {work_folder(cable_id)}"
            )
            return 0
    total = 0
    for cable_id, folder, stances in targets:
        cable = load_cable(cable_id)
        check = check_annotations(cable, folder, cable_id=cable_id, stances_file=stances)
        print(check.report())
        total += len(check.problems)
    return EXIT_PROBLEMS if total else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m cable_utils", description="Read and explore diplomatic cables."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    show = commands.add_parser("show", help="print a readable outline of a cable")
    show.add_argument(
        "cable", help="a cable ID in data/cables (08BAKU151) or a path to a text file"
    )
    show.add_argument("--json", action="store_true", help="print the JSON contract instead")
    show.add_argument(
        "--fragment",
        action="store_true",
        help="the text is part of a cable (a SUBJECT and REF block, the signature lines; "
        "'-' reads standard input): print the contract's fields found in it, as JSON",
    )
    show.add_argument(
        "--year",
        type=int,
        default=None,
        help="with --fragment: the year REF entries without one get",
    )
    show.set_defaults(run=_show)

    corpus = commands.add_parser("corpus", help="summarise a folder of cables or a cables.csv")
    corpus.add_argument("path", help="a folder of cable files or a Cablegate-format cables.csv")
    corpus.add_argument("--out", required=True, help="the CSV file to write")
    corpus.add_argument("--workers", type=int, default=1, help="parse on this many processes")
    corpus.set_defaults(run=_corpus)

    actors = commands.add_parser("actors", help="list the actors of a cable")
    actors.add_argument("cable", help="a cable ID or a path")
    actors.add_argument(
        "--json", action="store_true", help="print JSON with mentions and statements"
    )
    actors.set_defaults(run=_actors)
    _add_search_commands(commands)

    add = commands.add_parser(
        "add",
        help="copy a cable into the collection (data/cables/samples) with provenance and checksum",
        description=(
            "Copy the cable in FILE, byte for byte, to data/cables/samples/<ID>.txt; the ID comes "
            "from the text (banner and date) unless --id is given. Appends a provenance row to "
            "data/cables/samples/SOURCES.md and updates data/cables/CHECKSUMS.sha256. A file that "
            "is not a cable, or a cable already in the collection, is refused and nothing changes."
        ),
    )
    add.add_argument("file", help="the cable's text file ('-' reads standard input)")
    add.add_argument("--id", help="the canonical ID (like 10MOSCOW228) when the text has none")
    add.add_argument(
        "--source",
        help="where the copy came from: a web address (recorded as 'copied from: …') or "
        "'owner/repo @ commit : path'",
    )
    add.set_defaults(run=_add)

    check = commands.add_parser(
        "check-annotations",
        help="check a cable's annotations (data/annotations/<ID>/ and my_work/<ID>/)",
        description=(
            "Check the annotation files of a cable with the validator lessons and tests use: "
            "every problem with its file, line and a fix. Exit status 1 when there are problems."
        ),
    )
    check.add_argument("cable", nargs="?", help="a cable ID, e.g. 10MOSCOW228")
    check.add_argument("--all", action="store_true", help="check every folder in data/annotations/")
    check.set_defaults(run=_check_annotations)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except CableError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return 0
    except OSError as error:  # a file the command had to read or write (no such folder, disk full)
        where = f" ({error.filename})" if error.filename else ""
        print(f"error: {error.strerror or error}{where}", file=sys.stderr)
        return EXIT_BAD_INPUT
