"""What a self-check says: three honest kinds of feedback, as text and as accessible HTML.

A learner is never told something the check cannot verify:

* **checked** answers (a number, a set, a date, an ID) are *Correct* or *Not yet*,
  with a specific hint;
* **open** answers are never *Correct*: they are *Saved — compare with the model
  answer*, with what the answer does that the model answer does (a quote that
  really occurs in the cable, the right paragraph, hedging) and what it misses;
* an exercise that cannot work on this cable is *Not available for this cable*,
  with why and what to do instead.

The kind is part of the type (:attr:`Feedback.kind`), so tests and widgets can
tell them apart without reading the words. Every piece of text goes through
``html.escape`` before it becomes HTML: an answer or a remixer's cable is
untrusted text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from html import escape
from typing import Any, Literal

__all__ = ["Feedback", "Kind", "ModelAnswer", "Point", "Verdict"]

#: The three kinds of feedback.
Kind = Literal["checked", "open", "not available"]
KINDS: tuple[str, ...] = ("checked", "open", "not available")


class Verdict(StrEnum):
    """What a check concluded. ``str(Verdict.CORRECT) == "correct"``."""

    CORRECT = "correct"  # checked: verified right
    NOT_YET = "not yet"  # checked: verified not right (or an answer the check cannot read)
    NO_ANSWER = "no answer"  # the placeholder is still there: nothing checked, nothing saved
    SAVED = "saved"  # open: saved and compared, never "correct"
    NOT_AVAILABLE = "not available"  # the exercise cannot work on this cable


# A mark, a label in words (never colour alone) and a colour from the
# colour-blind-safe Okabe–Ito palette, per verdict.
_LOOK: dict[Verdict, tuple[str, str, str]] = {
    Verdict.CORRECT: ("✔", "Correct", "#009E73"),
    Verdict.NOT_YET: ("✘", "Not yet", "#D55E00"),
    Verdict.NO_ANSWER: ("…", "No answer yet", "#666666"),
    Verdict.SAVED: ("✎", "Saved — compare with the model answer", "#0072B2"),
    Verdict.NOT_AVAILABLE: ("⊘", "Not available for this cable", "#6A3D9A"),
}
#: The label of an open answer that was compared but could not be saved (a "not_saved" point).
NOT_SAVED_LABEL = "Not saved — compare with the model answer"


@dataclass(frozen=True)
class Point:
    """One thing an open answer does (or misses), with a stable key tests can assert."""

    key: str
    text: str


@dataclass(frozen=True)
class Feedback:
    """The result of a self-check.

    Build one with the constructors (:meth:`right`, :meth:`not_yet`,
    :meth:`no_answer`, :meth:`saved`, :meth:`unavailable`); :func:`check` fills
    in :attr:`exercise`.
    """

    kind: Kind
    verdict: Verdict
    message: str
    hint: str = ""
    does: tuple[Point, ...] = ()
    misses: tuple[Point, ...] = ()
    instead: str = ""  # not available: what to do instead
    saved_to: str = ""  # open: where the answer was saved ("" when not saved)
    exercise: str = ""
    cable_id: str = ""
    #: True only when the check itself failed on this input (a bug to report, never a verdict).
    internal_error: bool = False

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {self.kind!r}")
        if self.kind == "open" and self.verdict is Verdict.CORRECT:
            raise ValueError("an open answer is never 'correct': it is saved and compared")
        if (self.kind == "not available") != (self.verdict is Verdict.NOT_AVAILABLE):
            raise ValueError("kind 'not available' goes with the verdict NOT_AVAILABLE only")

    # -- constructors ---------------------------------------------------------------

    @classmethod
    def right(cls, message: str) -> Feedback:
        """A checked answer that is verified right."""
        return cls("checked", Verdict.CORRECT, message)

    @classmethod
    def not_yet(cls, message: str, hint: str = "", *, kind: Kind = "checked") -> Feedback:
        """A checked answer that is not right, or an answer of either kind the check cannot read."""
        return cls(kind, Verdict.NOT_YET, message, hint)

    @classmethod
    def no_answer(cls, kind: Kind = "checked", message: str = "") -> Feedback:
        return cls(
            kind,
            Verdict.NO_ANSWER,
            message or "write your answer in place of the ... (or in the box) and check again.",
        )

    @classmethod
    def saved(
        cls,
        message: str,
        *,
        does: tuple[Point, ...] | list[Point] = (),
        misses: tuple[Point, ...] | list[Point] = (),
    ) -> Feedback:
        """An open answer: saved (by :func:`check`) and compared with the model answer."""
        return cls("open", Verdict.SAVED, message, does=tuple(does), misses=tuple(misses))

    @classmethod
    def unavailable(cls, why: str, instead: str = "") -> Feedback:
        """The exercise cannot work on this cable: why, and what to do instead."""
        return cls("not available", Verdict.NOT_AVAILABLE, why, instead=instead)

    # -- reading it -----------------------------------------------------------------

    @property
    def correct(self) -> bool:
        """True only for a checked answer verified right."""
        return self.verdict is Verdict.CORRECT

    @property
    def label(self) -> str:
        """The verdict in words; an open answer that could not be saved never says "Saved"."""
        if self.verdict is Verdict.SAVED and "not_saved" in self.keys_missed():
            return NOT_SAVED_LABEL
        return _LOOK[self.verdict][1]

    def keys_done(self) -> set[str]:
        return {point.key for point in self.does}

    def keys_missed(self) -> set[str]:
        return {point.key for point in self.misses}

    def with_context(self, **changes: Any) -> Feedback:
        return replace(self, **changes)

    def __str__(self) -> str:
        mark, label = _LOOK[self.verdict][0], self.label
        head = f"{mark} {label}"
        if self.exercise:
            head = f"{self.exercise} · {head}"
        lines = [f"{head}: {self.message}" if self.message else head]
        if self.does:
            lines.append("What your answer does that the model answer does:")
            lines += [f"  ✔ {point.text}" for point in self.does]
        if self.misses:
            lines.append("What it misses:")
            lines += [f"  ○ {point.text}" for point in self.misses]
        if self.hint and self.verdict is not Verdict.CORRECT:
            lines.append(f"Hint: {self.hint}")
        if self.instead:
            lines.append(f"Instead: {self.instead}")
        if self.saved_to:
            lines.append(f"Saved in {self.saved_to}.")
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        mark, _label, colour = _LOOK[self.verdict]
        label = self.label
        style = f"border-left:4px solid {colour};padding:4px 8px;margin:4px 0"
        title = f"{escape(self.exercise)} · " if self.exercise else ""
        parts = [
            f'<p style="margin:0"><span aria-hidden="true">{mark}</span> '
            f"<strong>{title}{escape(label)}</strong>"
            + (f": {escape(self.message)}" if self.message else "")
            + "</p>"
        ]
        if self.does:
            parts.append(
                _list_html("What your answer does that the model answer does", self.does, "✔")
            )
        if self.misses:
            parts.append(_list_html("What it misses", self.misses, "○"))
        if self.hint and self.verdict is not Verdict.CORRECT:
            parts.append(f'<p style="margin:2px 0"><strong>Hint:</strong> {escape(self.hint)}</p>')
        if self.instead:
            parts.append(
                f'<p style="margin:2px 0"><strong>Instead:</strong> {escape(self.instead)}</p>'
            )
        if self.saved_to:
            parts.append(
                f'<p style="margin:2px 0">Saved in <code>{escape(self.saved_to)}</code>.</p>'
            )
        kind = self.kind.replace(" ", "-")
        verdict = self.verdict.value.replace(" ", "-")
        return (
            f'<div class="self-check self-check--{kind}" role="status" '
            f'data-kind="{kind}" data-verdict="{verdict}" style="{style}">'
            + "".join(parts)
            + "</div>"
        )


def _list_html(title: str, points: tuple[Point, ...], mark: str) -> str:
    items = "".join(
        f'<li data-key="{escape(p.key)}"><span aria-hidden="true">{mark}</span> {escape(p.text)}</li>'
        for p in points
    )
    return (
        f'<p style="margin:2px 0"><strong>{escape(title)}:</strong></p>'
        f'<ul style="margin:0 0 2px 1.2em;padding:0;list-style:none">{items}</ul>'
    )


@dataclass(frozen=True)
class ModelAnswer:
    """The model answer to an exercise on one cable, computed only when asked for.

    ``answer`` is what a learner would write; ``explanation`` says where it comes
    from in the cable. ``written_for`` names the cable a hand-written model answer
    was written for (open questions), or is empty when the answer was computed
    from this cable. When ``available`` is False, ``explanation`` says why and
    ``instead`` what to do.
    """

    exercise: str
    available: bool
    answer: str = ""
    explanation: str = ""
    written_for: str = ""
    instead: str = ""
    value: Any = None
    cable_id: str = ""

    def __str__(self) -> str:
        if not self.available:
            text = f"{self.exercise} · No model answer for this cable: {self.explanation}"
            return text + (f"\nInstead: {self.instead}" if self.instead else "")
        source = (
            f"(written for {self.written_for})"
            if self.written_for
            else f"(computed from {self.cable_id or 'this cable'})"
        )
        text = f"{self.exercise} · Model answer {source}: {self.answer}"
        return text + (f"\nWhy: {self.explanation}" if self.explanation else "")

    __repr__ = __str__

    def _repr_html_(self) -> str:
        if not self.available:
            body = (
                f"<p style='margin:0'><strong>No model answer for this cable</strong>: "
                f"{escape(self.explanation)}</p>"
            )
            if self.instead:
                body += (
                    f"<p style='margin:2px 0'><strong>Instead:</strong> {escape(self.instead)}</p>"
                )
            return f'<div class="model-answer model-answer--unavailable">{body}</div>'
        source = (
            f"written for {escape(self.written_for)}"
            if self.written_for
            else f"computed from {escape(self.cable_id or 'this cable')}"
        )
        body = (
            f"<p style='margin:0'><strong>Model answer</strong> ({source}):</p>"
            f"<blockquote style='margin:2px 0 2px 1em;white-space:pre-wrap'>"
            f"{escape(self.answer)}</blockquote>"
        )
        if self.explanation:
            body += f"<p style='margin:2px 0'><strong>Why:</strong> {escape(self.explanation)}</p>"
        return f'<div class="model-answer">{body}</div>'
