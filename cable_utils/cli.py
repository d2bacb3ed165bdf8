"""The command line: ``python -m cable_utils show|corpus|actors …``.

Bad input ends with a one-line message on stderr and a non-zero exit code,
never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .errors import CableError
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
    cable = load_cable(args.cable)
    if args.json:
        print(json.dumps(cable.to_json_dict(), ensure_ascii=False, indent=2))
    else:
        print(outline(cable))
    return 0


def _corpus(args: argparse.Namespace) -> int:
    """``corpus PATH --out FILE.csv [--workers N]``: one row per cable, streamed."""
    from .corpus import write_corpus_csv

    rows, errors = write_corpus_csv(
        args.path, args.out, workers=max(1, int(args.workers)), progress=True
    )
    print(
        f"\rwrote {rows:,} cables to {args.out}"
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
            f"  {actor.id:<34} {actor.name[:34]:<34} {kind:<20} "
            f"{count:>3} mentions {said:>2} statements"
        )
    return 0


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
