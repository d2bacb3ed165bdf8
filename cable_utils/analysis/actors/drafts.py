"""Draft actors: a first gazetteer for a cable nobody annotated, found by rules.

The rules, in the order they run (each draft row's ``role`` says which found it):

1. **Known names** — states (geographic TAGS) and well-known organisations
   (``data/actors/organisations.csv``) wherever the text names them.
2. **Titles** — a rank or office before a name ("Deputy Minister of Fuel and
   Energy Volodymyr Makukha"): the name is a person and the title is dropped; an
   organisation before the title ("Naftohaz Deputy Chairman …") is kept as a
   candidate too.
3. **Full names** — two or more name-like words ("Dmitry Firtash"): words that
   are never written in lower case in the cable and are not ordinary
   capitalised words, places or titles.
4. **Organisations** — capitalised phrases typed by their last word ("… Bank",
   "… Party", "… Ministry"), acronyms defined in brackets ("RosUkrEnergo
   (RUE)"), "Government of" acronyms (GOU, SARG), and frequent one-word names
   typed by the words around them ("gas intermediary RUE", "the newspaper …").
5. **Capitals lines** — the Classified By line and the signature, where names
   are often written in capitals ("AMBASSADOR JOHN J. DANILOVICH", "MCGEE").
6. **Merging** — a surname alone, a name with an initial or with a title, the
   capitals form and an acronym join the full name they belong to.
7. **Most mentioned** — the most frequent capitalised name or acronym of the
   body is never left out.

Section headings and page footers start no candidate ("drop heading
phrases"), and the subject line only adds mentions of names found elsewhere.
Precision matters more than recall: check the list, correct it, and save it
with :func:`cable_utils.analysis.actors.save_gazetteer`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ...model import Cable
from ...parse import takes_cable
from .folding import fold
from .gazetteer import Actor, Gazetteer
from .lexicon import (
    CONTEXT_CUES,
    HEAD_NOUNS,
    LEFT_CUES,
    LEGAL_FORMS,
    MINISTRY_ACRONYMS,
    PERSONAL_GOVERNMENT,
    PLACE_HEADS,
    TITLES,
    KnownActor,
    common_words,
    known_organisations,
    known_states,
    ordinary_words,
    territory_words,
)
from .text import CableText

__all__ = ["DRAFT_TITLES", "draft_actors"]

#: Kept for callers of the first version: the titles that introduce a person.
DRAFT_TITLES = TITLES

# Words that qualify a title without being one ("Acting", "Deputy" …).
_TITLE_MODIFIERS = frozenset(
    [
        "acting",
        "interim",
        "first",
        "vice",
        "assistant",
        "special",
        "senior",
        "political",
        "economic",
        "public",
        "deputy",
        "member",
        "officer",
        "executive",
        "former",
        "principal",
        "chief",
    ]
)
_TITLE_WORDS = frozenset(fold(w) for title in TITLES for w in title.split()) - {"of", "d'affaires"}
# The word that ends a title ("Minister" in "Foreign Minister"): a name may follow it.
_TITLE_HEADS = (
    frozenset(fold(title.split()[-1]) for title in TITLES)
    - _TITLE_MODIFIERS
    - {
        "mission",
        "d'affaires",
    }
)
# Lower-case words that may join capitalised name words ("Lula da Silva", "Ministry of Energy").
_NAME_PARTICLES = frozenset(
    [
        "da",
        "de",
        "del",
        "dos",
        "das",
        "di",
        "du",
        "des",
        "la",
        "le",
        "van",
        "von",
        "bin",
        "ibn",
        "al",
        "el",
        "y",
        "e",
    ]
)
_CONNECTORS = _NAME_PARTICLES | {"of", "for", "the", "and"}
_TOKEN = (
    r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z]/[A-Z]|[A-Z][A-Za-z0-9'’]*(?:-[A-Za-z0-9'’]+)*|[A-Z]\.|"
    r"(?:al|el)-[A-Z][a-z'’]+)"
)
_SEQUENCE = re.compile(
    rf"(?<![\w.’'/-]){_TOKEN}(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:(?:{'|'.join(sorted(_CONNECTORS))})"
    rf"(?:[ \t]+|[ \t]*\n[ \t]*))*{_TOKEN})*"
)
_COMMON_SUFFIX = re.compile(
    r"(?:tion|sion|ment|ments|ity|ities|ism|isms|ists|ship|ance|ence|ics|ies|ial|ure|ors|ness|"
    r"ive|ing|ings|ation|able|ible|ward|wide|hood|ally|ly|ed|ers)$"
)
_ROMAN = re.compile(r"^[IVXLC]+$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]*(?:-[A-Z0-9]+)*$")
_GOVERNMENT_OF = re.compile(r"^(?:GO[A-Z]{1,3}|[A-Z]{2,3}G)$")  # GOU, GOAJ, SARG, USG
_REDACTED = re.compile(r"^X{4,}")
_SPEECH = re.compile(
    r"^\s*(?:also\s+|later\s+|then\s+)?(?:said|says|told|tells|noted|stressed|added|agreed|"
    r"explained|described|claimed|believes|believed|emphasized|commented|confided|countered|"
    r"reiterated|suggested|admitted|acknowledged|affirmed|argued|asked|insisted|warned|"
    r"remarked|replied|responded|complained|expressed|assured|announced|confirmed|denied)\b"
)
_LOCATIVE = re.compile(r"\b(?:in|from|to|near|at|into|across|around|outside|inside|via)\s+$")
_ARMED_NAME = re.compile(
    r"\b(?:liberation|revolutionary|islamic|people'?s|republican|resistance|jihad|"
    r"mujahideen)\b.*\b(?:army|forces|front|movement|brigades?)$"
)
_CURRENCY = re.compile(r"\s+(?:dollars?|cents?|currency)\b", re.I)
_FOOTER = re.compile(r"(?im)^.*(?:classified website|http\S*|www\.).*$")
_EMBASSY_OFFICERS = (
    "Embassy", "Post", "Mission", "emboff", "emboffs", "Emboff", "Emboffs", "poloff", "poloffs",
    "PolOff", "Poloff", "econoff", "econoffs", "EconOff", "Econoff", "PolCouns", "EconCouns",
    "refcoord", "Refcoord", "conoff", "Conoff", "pol/econ officer",
)  # fmt: skip


@dataclass
class _Candidate:
    """A name found in the text, before it is merged into an actor."""

    kind: str  # "person" or "organisation" (states and known names carry their type)
    forms: Counter[str] = field(default_factory=Counter)
    type: str = ""
    evidence: set[str] = field(default_factory=set)
    titles: Counter[str] = field(default_factory=Counter)
    first: int = 10**9  # first offset in the normalised text
    acronyms: set[str] = field(default_factory=set)
    owner: str = ""  # folded name of the organisation it belongs to ("ELN's Central Command")

    def add(self, form: str, where: int, evidence: str, title: str = "") -> None:
        self.forms[form] += 1
        self.first = min(self.first, where)
        self.evidence.add(evidence)
        if title:
            self.titles[title] += 1

    @property
    def name(self) -> str:
        """The longest form written in mixed case, else the longest form."""
        mixed = [f for f in self.forms if not f.isupper()] or list(self.forms)
        return max(mixed, key=lambda f: (len(f.split()), self.forms[f], len(f)))


class _Reader:
    """The draft's view of one cable: the searchable text and the words it uses."""

    def __init__(self, cable: Cable) -> None:
        self.cable = cable
        self.text = CableText(cable)
        clean = self.text.text
        self.search = self._searchable(clean)
        self.subject = self._span_text("subject")
        self.lower_words = frozenset(fold(w) for w in re.findall(r"\b[a-z][a-z'’-]+\b", clean))
        letters = re.findall(r"[A-Za-z]", self.search)
        lower = sum(1 for c in letters if c.islower())
        self.mixed_case = bool(letters) and lower > 0.2 * len(letters)
        self.folded_search = fold(self.search)

    def _span_text(self, kind: str) -> str:
        parts = []
        for segment in self.cable.segments_of(kind):
            low, high = self.text.clean_index(segment.start), self.text.clean_index(segment.end)
            parts.append(self.text.text[low:high])
        return "\n".join(parts)

    def _searchable(self, clean: str) -> str:
        """The body (paragraphs), headings and footers blanked, same length as the text."""
        keep = bytearray(len(clean))
        paragraphs = self.cable.paragraphs
        spans = [(p.start, p.end) for p in paragraphs] or [(0, len(self.cable.raw))]
        for start, end in spans:
            low, high = self.text.clean_index(start), self.text.clean_index(end)
            keep[low:high] = b"\x01" * (high - low)
        for segment in self.cable.segments:
            if segment.kind in ("section_heading", "page_header", "artifact", "signature"):
                low = self.text.clean_index(segment.start)
                high = self.text.clean_index(segment.end)
                keep[low:high] = bytes(high - low)
        chars = [c if keep[i] else ("\n" if c == "\n" else " ") for i, c in enumerate(clean)]
        text = "".join(chars)
        return _FOOTER.sub(lambda m: " " * len(m.group(0)), text)

    def is_name_word(self, word: str) -> bool:
        """A word that can be part of a person's name in this cable."""
        if re.fullmatch(r"[A-Z]\.", word):
            return True  # an initial
        bare = re.sub(r"['’]s$", "", word).rstrip(".")
        folded = fold(bare)
        if len(folded) < 2 or not bare[:1].isupper() or _REDACTED.match(bare):
            return False
        if folded in ordinary_words() or folded in _place_words() or _ROMAN.match(bare):
            return False
        if _COMMON_SUFFIX.search(folded) and len(folded) > 5:
            return False
        parts = [p for p in folded.split("-") if len(p) > 2]
        if len(parts) > 1 and any(
            p in ordinary_words() or p in _place_words() or p in ("anti", "pro") for p in parts
        ):
            return False
        return folded not in self.lower_words


def _place_words() -> frozenset[str]:
    return _lexicon_tables()[2]


def _lexicon_tables() -> tuple[dict[str, KnownActor], dict[str, KnownActor], frozenset[str]]:
    """Known states and organisations by folded form, and folded place words."""
    global _TABLES
    if _TABLES is None:
        states = {fold(form): s for s in known_states() for form in s.forms}
        organisations = {fold(form): o for o in known_organisations() for form in o.forms}
        places = {w for form in states for w in form.split() if len(w) > 2} | territory_words()
        _TABLES = (states, organisations, frozenset(places | _post_city_words()))
    return _TABLES


_TABLES: tuple[dict[str, KnownActor], dict[str, KnownActor], frozenset[str]] | None = None


def _post_city_words() -> set[str]:
    """Cities of the posts in ``data/geo/places.csv`` (a capitalised city is not a person)."""
    import csv

    from ...source.paths import DATA_DIR

    path = DATA_DIR / "geo" / "places.csv"
    words: set[str] = set()
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                words.update(fold(w) for w in re.findall(r"[A-Za-z]{3,}", row.get("city") or ""))
    return words


# ---------------------------------------------------------------- finding candidates


class _Finder:
    """Collects candidates from one cable; :meth:`actors` turns them into draft rows."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        self.people: dict[str, _Candidate] = {}  # folded name → candidate
        self.organisations: dict[str, _Candidate] = {}
        self.known: dict[str, tuple[KnownActor, _Candidate]] = {}

    # -- rule 1: known states and organisations
    def find_known(self) -> None:
        states, organisations, _ = _lexicon_tables()
        text = self.reader.search
        for table in (organisations, states):
            for form, known in table.items():
                if not could_occur(form, self.reader.folded_search):
                    continue
                original = next(f for f in known.forms if fold(f) == form)
                acronym = _ACRONYM.match(original) is not None
                if acronym and not self.reader.mixed_case and form in ordinary_words():
                    continue  # in a cable in capitals, WHO is a question word, not the WHO
                pattern = _whole_word(original, exact=acronym)
                for match in pattern.finditer(text):
                    if known.type == "state" and _CURRENCY.match(text, match.end()):
                        continue  # "U.S. dollars": a currency, not the state
                    entry = self.known.setdefault(
                        known.name, (known, _Candidate("known", type=known.type))
                    )
                    entry[1].add(match.group(0), match.start(), f"known {known.type}")

    # -- rules 2–4: capitalised sequences of the body
    def find_sequences(self) -> None:
        text = self.reader.search
        for match in _SEQUENCE.finditer(text):
            self._read_sequence(match.group(0), match.start())

    def _read_sequence(self, sequence: str, start: int, owner: str = "") -> None:
        # a possessive ends a name: "Gono's operatives", "ELN's Central Command"
        possessive = re.match(r"(.+?)['’]s\b\s*(.*)$", sequence, re.S)
        if possessive:
            self._read_sequence(possessive.group(1), start, owner)
            rest = possessive.group(2)
            if rest:
                offset = sequence.index(rest, len(possessive.group(1)))
                self._read_sequence(rest, start + offset, fold(possessive.group(1)))
            return
        words = sequence.split()
        while words and fold(words[0]) in _CONNECTORS:
            words.pop(0)
        while words and fold(words[-1]) in _CONNECTORS:
            words.pop()
        if not words:
            return
        if self._read_title(words, start):
            return
        self._read_name(words, start, owner=owner)

    def _name_run(self, words: list[str]) -> list[str]:
        """The name-like words at the start of ``words`` (particles only inside a name)."""
        run: list[str] = []
        for word in words:
            folded = fold(word.rstrip(","))
            if folded in _TITLE_HEADS or not (
                self.reader.is_name_word(word) or (folded in _NAME_PARTICLES and run)
            ):
                break
            run.append(word)
            if word.endswith(","):
                break
        while run and fold(run[-1]) in _NAME_PARTICLES:
            run.pop()
        return [w.rstrip(",") for w in run]

    def _read_title(self, words: list[str], start: int) -> bool:
        """ "Naftohaz Chairman Oleh Dubyna and Gazprom Head Alexei Miller": people after titles.

        Each title word is followed by the name it introduces; when a complement
        stands between them ("Deputy Minister of Fuel and Energy Volodymyr Makukha")
        the name is the last name-like run of the phrase. Words that are neither
        title, complement nor name ("Naftohaz", "Gazprom") are organisations to try.
        """
        heads = [i for i, w in enumerate(words) if fold(w.rstrip(",")) in _TITLE_HEADS]
        if not heads:
            return False
        covered = [False] * len(words)
        for number, head in enumerate(heads):
            first = head
            while first > 0 and (
                fold(words[first - 1]) in _TITLE_MODIFIERS or fold(words[first - 1]) in _TITLE_WORDS
            ):
                first -= 1
            name = self._name_run(words[head + 1 :])
            end = head + 1 + len(name)
            if not name and number == len(heads) - 1:
                # a complement between title and name: the trailing name-like run
                tail = []
                for word in reversed(words[head + 1 :]):
                    if not (self.reader.is_name_word(word) or fold(word) in _NAME_PARTICLES):
                        break
                    tail.insert(0, word)
                while tail and fold(tail[0]) in _NAME_PARTICLES:
                    tail.pop(0)
                name, end = tail, len(words)
            for i in range(first, end):
                covered[i] = True
            if name and not (len(name) == 1 and re.fullmatch(r"[A-Z]\.", name[0])):
                title = " ".join(words[first : end - len(name)])
                self._add_person(" ".join(name), start, "title", title)
        chunk: list[str] = []
        for word, done in [*zip(words, covered, strict=True), ("", True)]:
            if not done and fold(word) not in _CONNECTORS:
                chunk.append(word)
            elif chunk:
                self._read_name(chunk, start, affiliation=True)
                chunk = []
        return True

    def _read_name(
        self, words: list[str], start: int, *, affiliation: bool = False, owner: str = ""
    ) -> None:
        reader = self.reader
        phrase = " ".join(words)
        folded = fold(phrase)
        states, organisations, _ = _lexicon_tables()
        if folded in states or folded in organisations:
            return  # found by rule 1
        if len(words) == 1:
            word = words[0]
            if fold(word) in ordinary_words() or _REDACTED.match(word):
                return
            if _ACRONYM.match(word) and len(word) >= 2:
                self._add_organisation(word, start, "acronym", owner=owner)
            elif reader.is_name_word(word) or _is_compound_name(word):
                self._add_single(word, start)
            return
        last = fold(words[-1]).rstrip(".")
        if last in PLACE_HEADS:
            return  # "Mutare Provincial Hospital": a place
        if last in PERSONAL_GOVERNMENT and all(reader.is_name_word(w) for w in words[:-1]):
            return  # "the Uribe Administration": that person's government
        org_type = _type_by_head(phrase)
        if org_type:
            self._add_organisation(phrase, start, "head noun", org_type, owner=owner)
            return
        if last in LEGAL_FORMS:
            self._add_organisation(phrase, start, "a company's legal form", "business")
            return
        name_like = [reader.is_name_word(w) or fold(w) in _NAME_PARTICLES for w in words]
        if all(name_like) and not affiliation and not owner and len(words) <= 4:
            if any(_ACRONYM.match(w) and len(w) > 1 for w in words):
                return
            self._add_person(phrase, start, "full name")
        elif owner and len(words) <= 4:
            self._add_organisation(phrase, start, "part of another organisation", owner=owner)
        elif len(words) <= 4 and not affiliation:
            # the last name-like run of a longer phrase ("Middle East Yacov Hadas")
            run: list[str] = []
            for word, ok in zip(reversed(words), reversed(name_like), strict=True):
                if not ok:
                    break
                run.insert(0, word)
            if len(run) >= 2:
                self._add_person(" ".join(run), start, "full name")

    def _add_person(self, name: str, start: int, evidence: str, title: str = "") -> None:
        name = re.sub(r"['’]s$", "", name.strip(" ,."))
        if not name or _REDACTED.match(name):
            return
        key = fold(name)
        self.people.setdefault(key, _Candidate("person", type="person")).add(
            name, start, evidence, title
        )

    def _add_organisation(
        self, name: str, start: int, evidence: str, org_type: str = "", owner: str = ""
    ) -> None:
        name = name.strip(" ,.")
        key = fold(name)
        candidate = self.organisations.setdefault(key, _Candidate("organisation", type=org_type))
        candidate.add(name, start, evidence)
        candidate.owner = candidate.owner or owner
        self._note_acronym(candidate, name, start)

    def _add_single(self, word: str, start: int) -> None:
        candidate = self.organisations.setdefault(fold(word), _Candidate("single"))
        candidate.add(word, start, "one word")
        self._note_acronym(candidate, word, start)

    def _note_acronym(self, candidate: _Candidate, name: str, start: int) -> None:
        """ "RosUkrEnergo (RUE)": the bracketed acronym is another name of the same actor."""
        pattern = r"\s+".join(re.escape(w) for w in name.split())
        found = re.compile(pattern).search(self.reader.search, max(0, start))
        if found is None:
            return
        after = self.reader.search[found.end() : found.end() + 14]
        defined = re.match(r"\s*\(([A-Z][A-Za-z0-9-]{1,9})\)", after)
        if defined and defined.group(1) != name and not _ACRONYM.match(name):
            candidate.acronyms.add(defined.group(1))

    # -- rule 2 for a cable in capitals: a title, then words the corpus never writes in lower case
    def find_caps_titles(self) -> None:
        """ "PRESIDENT FELIPE CALDERON'S": names after a title in a cable written in capitals."""
        words = common_words() | ordinary_words()
        if not common_words():
            return
        heads = "|".join(
            sorted(
                (re.escape(t.upper()) for t in TITLES if fold(t.split()[-1]) in _TITLE_HEADS),
                key=len,
                reverse=True,
            )
        )
        pattern = re.compile(
            rf"(?<![\w.])(?:{heads})\.?\s+((?:[A-Z][A-Z'’-]+\.?\s+){{0,3}}[A-Z][A-Z'’-]+)"
        )
        for match in pattern.finditer(self.reader.search):
            name: list[str] = []
            for token in match.group(1).split():
                bare = re.sub(r"['’]S$", "", token).rstrip(".,")
                if fold(bare) in words or len(bare) < 2 or fold(bare) in _place_words():
                    break
                name.append(bare)
                if bare != token.rstrip(".,"):
                    break  # a possessive ends the name
            if name:
                title = match.group(0)[: match.start(1) - match.start()].strip()
                self._add_person(_title_case(" ".join(name)), match.start(), "title", title)

    # -- rule 5: Classified By and signature
    def find_capitals_lines(self) -> None:
        cable = self.reader.cable
        classified = _name_in_classified_by(cable.classified_by or "")
        if classified:
            self._add_person(classified, -1, "Classified By")
        signer = cable.signer or _signature_fallback(cable)
        if signer and fold(signer) not in ordinary_words():
            self._add_person(signer, 10**8, "signature")


def could_occur(form: str, folded_text: str) -> bool:
    """False when a known form cannot match: its folded first word is nowhere in the text.

    Checked before a form's pattern is compiled and run: of the lexicon's 500-odd
    forms a cable holds a few, and compiling them all was most of a draft's time
    (0.5 s of 0.7 s on 06BAKU1835, the slowest cell of lesson 03). Not checking
    is the plain version; tests/test_draft_actors.py holds the two equal on every
    cable of the collection.
    """
    return form.split()[0] in folded_text


def _whole_word(form: str, *, exact: bool) -> re.Pattern[str]:
    r"""``form`` as a whole word: case-blind unless ``exact``; a capitalised name as written
    or in capitals.

    It finds what :func:`_plain_whole_word` finds, written to begin with literal text,
    as :func:`~cable_utils.analysis.actors.folding.form_pattern` is: the check "not
    after a word character, a dot or a hyphen" follows the first word (or the first
    letter, which both spellings of a capitalised name share), so the regex engine
    looks for that text instead of trying the check at every position. Drafting the
    25 sample cables took 1.05 s of CPU, now 0.44 s, with the same drafts;
    tests/test_form_pattern.py holds the two patterns equal.
    """
    words = form.split()
    if not words:
        return _plain_whole_word(form, exact=exact)
    escaped = r"\s+".join(re.escape(w) for w in words)
    if not exact and form[:1].isupper():
        head, upper = re.escape(form[0]), re.escape(form.upper())
        if not upper.startswith(head):  # a capital that changes when capitalised: stay plain
            return _plain_whole_word(form, exact=exact)
        either = f"(?:{escaped[len(head) :]}|{upper[len(head) :]})"
        return re.compile(rf"{head}(?<![\w.-]{head}){either}(?![\w]|-\w)")
    first = re.escape(words[0])
    flags = 0 if exact else re.IGNORECASE
    return re.compile(rf"{first}(?<![\w.-]{first}){escaped[len(first) :]}(?![\w]|-\w)", flags)


def _plain_whole_word(form: str, *, exact: bool) -> re.Pattern[str]:
    """:func:`_whole_word` as plainly written (slower to search: see there)."""
    words = r"\s+".join(re.escape(w) for w in form.split())
    flags = 0 if exact else re.IGNORECASE
    if not exact and form[:1].isupper():
        # a name written with a capital: match it capitalised (or in capitals), not as a word
        first = re.escape(form[0])
        words = first + words[len(re.escape(form[0])) :]
        flags = 0
        return re.compile(rf"(?<![\w.-])(?:{words}|{re.escape(form.upper())})(?![\w]|-\w)", flags)
    return re.compile(rf"(?<![\w.-]){words}(?![\w]|-\w)", flags)


def _is_compound_name(word: str) -> bool:
    """ "RosUkrEnergo", "KazUkrEnergo": inner capitals make a word a name, not a sentence start."""
    return bool(re.fullmatch(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+", word))


def _type_by_head(phrase: str) -> str:
    """The type an organisation's own words give it ("Reserve Bank of Zimbabwe" → government body)."""  # noqa: E501
    folded = fold(phrase)
    if _ARMED_NAME.search(folded):
        return "armed group"
    head = re.split(r"\s+(?:of|for|on)\s+", folded)[0]
    for org_type, nouns in HEAD_NOUNS.items():
        for noun in nouns:
            if noun.startswith("-"):
                if head.endswith(noun):
                    return org_type
            elif head == noun or head.endswith(" " + noun):
                return org_type
    return ""


_CLASSIFIED_TAIL = re.compile(
    r"(?i)[,.;:]?\s*(?:for\s+)?reasons?\b.*$|[,;]\s*(?:e\.?o\.?|1\.[45]).*$|\s+for\s+reaso.*$"
)


def _name_in_classified_by(line: str) -> str:
    """ "AMBASSADOR JOHN J. DANILOVICH. REASONS …" → "John J. Danilovich"."""
    text = re.sub(r"(?i)^\s*classified\s+by\s*:?\s*", "", line)
    text = _CLASSIFIED_TAIL.sub("", text).strip(" .,;")
    # "William R. Brownfield, Ambassador": a title after the comma
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        return ""
    candidates = [p for p in parts if not all(fold(w) in _TITLE_WORDS for w in p.split())]
    text = candidates[0] if candidates else parts[0]
    words = text.split()
    name: list[str] = []
    for word in reversed(words):
        bare = word.strip(".,")
        if fold(bare) in _TITLE_WORDS or fold(bare) in ordinary_words() or "/" in bare:
            break
        if not re.fullmatch(r"[A-Za-z][A-Za-z'’-]*\.?", word):
            break
        name.insert(0, word.rstrip(",") if len(bare) > 1 else word)
    if not name or (len(name) == 1 and len(name[0]) < 3):
        return ""
    joined = " ".join(name).rstrip(".") if len(name[-1]) > 2 else " ".join(name)
    return _title_case(joined) if joined.isupper() else joined


def _title_case(name: str) -> str:
    """ "JOHN J. DANILOVICH" → "John J. Danilovich"; "MCGEE" stays recognisable as "Mcgee"."""
    return " ".join(w if len(w) <= 2 and w.endswith(".") else w.capitalize() for w in name.split())


def _signature_fallback(cable: Cable) -> str:
    """A name in capitals alone at the very end of the last paragraph (the signer)."""
    if not cable.paragraphs:
        return ""
    tail = cable.paragraphs[-1].text[-60:]
    match = re.search(r"(?:^|[\s*])([A-Z][A-Z'’-]{2,}(?:\s+[A-Z][A-Z'’-]{2,})?)\s*$", tail)
    if not match:
        return ""
    name = match.group(1)
    if any(fold(w) in ordinary_words() or fold(w) in _place_words() for w in name.split()):
        return ""
    return name


# ---------------------------------------------------------------- deciding


def _context_type(reader: _Reader, forms: list[str], window: int = 60) -> tuple[str, int]:
    """The organisation type the words around a name vote for, and how many votes it got."""
    votes: Counter[str] = Counter()
    text = reader.search
    for form in forms:
        for match in _whole_word(form, exact=True).finditer(text):
            around = fold(text[max(0, match.start() - window) : match.end() + window])
            words = set(re.findall(r"[a-z][a-z'-]*", around))
            for org_type, cues in CONTEXT_CUES.items():
                votes[org_type] += len(words & set(cues))
    if not votes:
        return "", 0
    (best, count), *rest = votes.most_common()
    if count == 0 or (rest and rest[0][1] == count):
        return "", 0
    return best, count


def _person_cues(reader: _Reader, form: str) -> int:
    """How often a word is followed by a speech verb or preceded by a title (person cues)."""
    cues = 0
    text = reader.search
    for match in _whole_word(form, exact=True).finditer(text):
        if _SPEECH.match(text[match.end() : match.end() + 30]):
            cues += 1
    return cues


def _is_place(reader: _Reader, form: str) -> bool:
    """Mostly after 'in', 'from', 'to' …: a place, not an actor."""
    text = reader.search
    hits = list(_whole_word(form, exact=True).finditer(text))
    located = sum(1 for m in hits if _LOCATIVE.search(text[max(0, m.start() - 12) : m.start()]))
    return bool(hits) and located * 2 >= len(hits)


@takes_cable
def draft_actors(cable: Cable, *, min_evidence: int = 1) -> Gazetteer:
    """A first gazetteer for a cable nobody annotated: people, organisations and states.

    See the module's docstring for the rules. Every row's ``role`` starts with
    "DRAFT:" and says which rule found it; ``background`` is "not verified".
    ``min_evidence`` keeps only people found by at least that many kinds of
    evidence (title, full name, Classified By, signature).
    """
    reader = _Reader(cable)
    finder = _Finder(reader)
    finder.find_known()
    finder.find_capitals_lines()
    note = ""
    if reader.mixed_case:
        finder.find_sequences()
    else:
        finder.find_caps_titles()
        note = (
            "the cable is written in capitals only: names cannot be told from words, so the "
            "draft lists only known states and organisations, names after a title, and the "
            "names in the Classified By line and the signature; add the others by hand"
        )
    rows = _decide(reader, finder, min_evidence)
    return _draft_gazetteer(cable, rows, note)


@dataclass
class _Row:
    name: str
    type: str
    forms: list[str]
    evidence: list[str]
    titles: list[str]
    code: str = ""
    count: int = 0


def _decide(reader: _Reader, finder: _Finder, min_evidence: int) -> list[_Row]:
    """Candidates → draft rows: known names, organisations, people, then frequent words."""
    rows = [
        _Row(
            known.name,
            known.type,
            list(dict.fromkeys([*candidate.forms, *known.forms])),
            [f"known {known.type} ({known.source})"],
            [],
            known.code,
        )
        for known, candidate in finder.known.values()
    ]
    taken = {fold(form) for row in rows for form in row.forms}
    people = _merge_people(finder)
    person_words = _words_of_people(finder, people)
    candidates = sorted(finder.organisations.items(), key=lambda kv: kv[1].first)
    acronym_owners = {a: k for k, c in candidates for a in c.acronyms}
    legal_bases = {
        fold(" ".join(c.name.split()[:-1])): k
        for k, c in candidates
        if len(c.name.split()) > 1 and fold(c.name.split()[-1]).rstrip(".") in LEGAL_FORMS
    }
    merged: dict[str, list[str]] = {}
    absorbed: set[str] = set()
    for key, candidate in candidates:
        target = acronym_owners.get(candidate.name) or legal_bases.get(key)
        if target and target != key:
            merged.setdefault(target, []).extend(candidate.forms)
            absorbed.add(key)
    # a legal form joins the plain name when the plain name came first ("KazUkrEnergo AG")
    for base, key in legal_bases.items():
        if base in finder.organisations and key in merged and base in absorbed:
            absorbed.discard(base)
            absorbed.add(key)
            merged.setdefault(base, []).extend(finder.organisations[key].forms)
    by_key: dict[str, _Row] = {}
    for key, candidate in candidates:
        if key in taken or key in absorbed or (key in person_words and candidate.kind == "single"):
            continue
        forms = list(
            dict.fromkeys([*candidate.forms, *sorted(candidate.acronyms), *merged.get(key, [])])
        )
        row = (
            _single_row(reader, candidate, forms)
            if candidate.kind == "single"
            else _organisation_row(reader, candidate, forms)
        )
        if row is not None:
            rows.append(row)
            by_key[key] = row
            taken |= {fold(f) for f in row.forms}
    _type_by_owner(finder, by_key, rows)
    _merge_ministries(rows)
    for group in people:
        row = _person_row(reader, group, by_key, taken, min_evidence)
        if row is not None:
            rows.append(row)
            taken |= {fold(f) for f in row.forms}
    rows = [r for r in rows if r.type]
    _count_mentions(reader, rows)
    _keep_most_mentioned(reader, finder, rows)
    return [r for r in rows if r.count > 0 or {"signature", "Classified By"} & set(r.evidence)]


def _words_of_people(finder: _Finder, people: list[_Candidate]) -> set[str]:
    """Words that belong to people's names; a first word written alone more often is not one.

    "Gazprom" stays free for the company although "Gazprom Sbyt" looks like a full name.
    """
    words: set[str] = set()
    for group in people:
        for form in group.forms:
            parts = [fold(w).rstrip(".") for w in form.split()]
            words.add(parts[-1])
            single = finder.organisations.get(parts[0])
            alone = sum(single.forms.values()) if single and single.kind == "single" else 0
            if alone <= sum(group.forms.values()) or group.evidence & {"title", "Classified By"}:
                words.update(parts)
    return words


def _type_by_owner(finder: _Finder, by_key: dict[str, _Row], rows: list[_Row]) -> None:
    """ "ELN's Central Command": a part of an organisation has the organisation's type."""
    for key, row in by_key.items():
        owner = finder.organisations[key].owner
        if row.type or not owner:
            continue
        parent = by_key.get(owner) or next(
            (r for r in rows if r.type and owner in {fold(f) for f in r.forms}), None
        )
        if parent is not None and parent.type:
            row.type = parent.type
            row.evidence.append(f"part of {parent.name}")


def _merge_ministries(rows: list[_Row]) -> None:
    """ "MFA" and "Foreign Ministry" in one cable: one ministry."""
    for acronym, names in MINISTRY_ACRONYMS.items():
        short = next((r for r in rows if r.name == acronym), None)
        long = next((r for r in rows if fold(r.name) in names and r is not short), None)
        if short is not None and long is not None and long.type == short.type:
            short.forms = list(dict.fromkeys([*short.forms, *long.forms]))
            short.evidence.append(f"also written {long.name}")
            rows.remove(long)


def _person_row(
    reader: _Reader,
    group: _Candidate,
    by_key: dict[str, _Row],
    taken: set[str],
    min_evidence: int,
) -> _Row | None:
    name = group.name
    evidence = sorted(group.evidence)
    if len(evidence) < min_evidence or fold(name) in taken:
        return None
    strong = {"title", "Classified By", "signature"} & group.evidence
    words = name.split()
    parent = by_key.get(fold(words[0]))
    if parent is not None and len(words) > 1 and not strong:
        # "Gazprom Sbyt": the first word is an organisation, so this is one of its parts
        return _Row(name, parent.type, list(group.forms), [f"a part of {parent.name}"], [])
    if len(words) == 1 and not strong:
        return None
    cue = _left_cue(reader, group) if not strong else ""
    if cue:
        return _Row(name, cue, list(group.forms), [*evidence, f"introduced as a {cue}"], [])
    return _Row(name, "person", list(group.forms), evidence, list(group.titles))


def _left_cue(reader: _Reader, group: _Candidate) -> str:
    """ "the Iranian newspaper Jomhouri Eslami": the word before a name says what it is."""
    for form in group.forms:
        pattern = re.compile(r"\s+".join(re.escape(w) for w in form.split()))
        for match in pattern.finditer(reader.search):
            before = re.findall(
                r"[a-z]+", fold(reader.search[max(0, match.start() - 20) : match.start()])
            )
            if before and before[-1] in LEFT_CUES:
                return LEFT_CUES[before[-1]]
    return ""


def _merge_people(finder: _Finder) -> list[_Candidate]:
    """Group people by surname; a name with fewer words joins the longer one it is part of."""
    candidates = sorted(finder.people.values(), key=lambda c: -len(c.name.split()))
    groups: list[_Candidate] = []
    for candidate in candidates:
        words = [fold(w).rstrip(".") for w in candidate.name.split()]
        target = None
        for group in groups:
            group_words = [fold(w).rstrip(".") for w in group.name.split()]
            if words[-1] == group_words[-1] or (
                len(words) == 1 and words[0] in (group_words[0], group_words[-1])
            ):
                target = group
                break
        if target is None:
            groups.append(candidate)
            continue
        for form, n in candidate.forms.items():
            target.forms[form] += n
        target.evidence |= candidate.evidence
        target.titles.update(candidate.titles)
        target.first = min(target.first, candidate.first)
    # one-word forms of the body that name a grouped person ("Hadas said")
    for key, single in finder.organisations.items():
        if single.kind != "single":
            continue
        for group in groups:
            group_words = [fold(w) for w in group.name.split()]
            # a surname alone; a first name alone only if it is not more common alone
            first_name = key == group_words[0] and sum(single.forms.values()) <= sum(
                group.forms.values()
            )
            if len(group_words) > 1 and (key == group_words[-1] or first_name):
                group.forms.update(single.forms)
                break
    return groups


def _organisation_row(reader: _Reader, candidate: _Candidate, forms: list[str]) -> _Row | None:
    name = candidate.name
    evidence = sorted(candidate.evidence)
    org_type = candidate.type
    if not org_type and name.upper() in MINISTRY_ACRONYMS:
        org_type, evidence = "government body", [*evidence, "a ministry's acronym"]
    if not org_type and _GOVERNMENT_OF.match(name):
        org_type, evidence = "government body", [*evidence, "a 'Government of' acronym"]
    if not org_type and not candidate.owner:
        org_type, votes = _context_type(reader, forms)
        if not org_type:
            return None
        evidence = [*evidence, f"the words around it ({votes} {org_type} cues)"]
    return _Row(name, org_type, forms, evidence, [])


def _single_row(reader: _Reader, candidate: _Candidate, forms: list[str]) -> _Row | None:
    """One capitalised word: an organisation, a person or a place, by the words around it."""
    form = candidate.name
    total = sum(len(list(_whole_word(f, exact=True).finditer(reader.search))) for f in forms)
    if total < 2 or _is_place(reader, form):
        return None
    org_type, votes = _context_type(reader, forms)
    person = _person_cues(reader, form)
    if (_is_compound_name(form) or candidate.acronyms) and org_type:
        return _Row(form, org_type, forms, [f"a one-word name; {votes} {org_type} cues"], [])
    if person >= 2 and person > votes:
        return _Row(form, "person", forms, [f"one word followed by speech verbs ({person})"], [])
    if org_type and votes >= 2 and total >= 3:
        return _Row(form, org_type, forms, [f"one word; the words around it ({votes} cues)"], [])
    return None


def _keep_most_mentioned(reader: _Reader, finder: _Finder, rows: list[_Row]) -> None:
    """The most frequent capitalised name or acronym of the body is never left out."""
    have = {fold(f) for row in rows for f in row.forms}
    have_words = {w for form in have for w in form.split()}
    counts = {
        key: sum(
            len(list(_whole_word(f, exact=True).finditer(reader.search))) for f in candidate.forms
        )
        for key, candidate in finder.organisations.items()
    }
    for key, count in sorted(counts.items(), key=lambda kv: -kv[1])[:3]:
        if count < 3 or key in have or key in have_words:
            continue
        candidate = finder.organisations[key]
        if _is_place(reader, candidate.name) or key in _place_words():
            continue
        org_type, votes = _context_type(reader, list(candidate.forms))
        person = _person_cues(reader, candidate.name)
        kind = "person" if person >= votes or not org_type else org_type
        row = _Row(
            candidate.name,
            kind,
            list(candidate.forms),
            [f"one of the most mentioned names ({count} times); typed by the words around it"],
            [],
        )
        _count_mentions(reader, [row])
        rows.append(row)
        return


def _count_mentions(reader: _Reader, rows: list[_Row]) -> None:
    """Mentions of each row's forms in the body and the subject, longest form first."""
    text = reader.search + "\n" + reader.subject
    taken = bytearray(len(text))
    pairs = sorted(
        ((form, row) for row in rows for form in row.forms if form.strip()),
        key=lambda pair: -len(pair[0]),
    )
    for form, row in pairs:
        exact = _ACRONYM.match(form) is not None and len(form) <= 6
        for match in _whole_word(form, exact=exact).finditer(text):
            if any(taken[match.start() : match.end()]):
                continue
            taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
            row.count += 1


# ---------------------------------------------------------------- the gazetteer


def _draft_gazetteer(cable: Cable, rows: list[_Row], note: str) -> Gazetteer:
    actors: list[Actor] = []
    used: set[str] = set()
    ordered = sorted(rows, key=lambda r: (-r.count, r.name))
    for row in ordered:
        actor_id = re.sub(r"[^a-z0-9]+", "_", fold(row.name)).strip("_") or "actor"
        while actor_id in used:
            actor_id += "_2"
        used.add(actor_id)
        titles = ", ".join(dict.fromkeys(row.titles))
        aliases = tuple(dict.fromkeys(f for f in row.forms if f.strip()))
        actors.append(
            Actor(
                id=actor_id,
                name=row.name,
                aliases=aliases,
                type=row.type,
                actor_code=row.code,
                role=f"DRAFT: found by {'; '.join(row.evidence)}"
                + (f"; introduced as {titles}" if titles else ""),
                voice=_draft_voice(row),
                background="not verified",
                background_source="—",
            )
        )
    embassy = _reporting_embassy(cable, used)
    if embassy is not None:
        actors.append(embassy)
    notes = (note,) if note else ()
    return Gazetteer(tuple(actors), "draft", None, notes)


_OFFICIAL_TITLES = frozenset(
    [
        "minister",
        "president",
        "prime",
        "premier",
        "spokesman",
        "spokesperson",
        "governor",
        "mayor",
        "senator",
        "deputy",
        "director",
        "chairman",
        "commissioner",
        "secretary",
        "ambassador",
        "king",
        "prince",
        "emir",
        "sultan",
        "sheikh",
        "chancellor",
        "prosecutor",
        "judge",
        "general",
        "colonel",
        "commander",
        "mp",
        "speaker",
    ]
)


def _draft_voice(row: _Row) -> str:
    """A first guess at the voice (lesson 03's sorter), from the type and the evidence.

    Only a guess: the sorter shows it beside the student's choice and never marks
    either right. The signer and the classifying officer speak for the embassy;
    a person introduced by a government title is guessed "official" (a foreign
    official would be "foreign government": the draft cannot tell them apart).
    """
    if row.type == "person":
        if {"signature", "Classified By"} & set(row.evidence):
            return "embassy"
        title_words = {fold(w) for title in row.titles for w in title.split()}
        return "official" if title_words & _OFFICIAL_TITLES else ""
    return {
        "media outlet": "media",
        "government body": "official",
        "political party": "unofficial",
        "NGO / civil society": "unofficial",
        "business": "unofficial",
        "armed group": "unofficial",
        "state": "none",
        "international organisation": "none",
    }.get(row.type, "")


def _reporting_embassy(cable: Cable, used: set[str]) -> Actor | None:
    origin = (cable.origin or "").strip()
    if not origin:
        return None
    aliases = [origin]
    if not re.match(
        r"(?i)(?:AMEMBASSY|AMCONSUL|USMISSION|SECSTATE|USOFFICE|USINT|US\w+)\b", origin
    ):
        aliases.append(f"AMEMBASSY {origin}")
    return Actor(
        id="reporting_post",
        name=origin,
        aliases=tuple([*aliases, *_EMBASSY_OFFICERS]),
        type="reporting embassy",
        role="DRAFT: the sender (FM line); speaks as 'we' and through its officers",
        voice="embassy",
        background="not verified",
        background_source="—",
    )
