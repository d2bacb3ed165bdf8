"""Draft actors: a first gazetteer for a cable nobody annotated, found by rules.

Precision matters more than recall here: every draft row says in its ``role``
column which evidence found it, so a student can check and correct the list,
then save it with :func:`cable_utils.analysis.actors.save_gazetteer`.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ...model import Cable
from ...source.paths import DATA_DIR
from .folding import fold
from .gazetteer import Actor, Gazetteer
from .text import CableText

__all__ = ["DRAFT_TITLES", "draft_actors"]

#: Titles that introduce a person's name ("Foreign Minister Mammadyarov").
DRAFT_TITLES = (
    "Deputy Chief of Mission",
    "Chief of Mission",
    "Charge d'Affaires",
    "Charge",
    "Ambassador",
    "Deputy Prime Minister",
    "Prime Minister",
    "Deputy Foreign Minister",
    "Foreign Minister",
    "Deputy Minister",
    "Minister",
    "Vice President",
    "President",
    "Supreme Leader",
    "Secretary General",
    "Secretary-General",
    "Deputy Secretary",
    "Assistant Secretary",
    "Under Secretary",
    "Secretary",
    "Spokesman",
    "Spokesperson",
    "spokesman",
    "spokesperson",
    "Advisor",
    "Adviser",
    "advisor",
    "adviser",
    "Director General",
    "Deputy Director",
    "Director",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Speaker",
    "Governor",
    "Mayor",
    "Senator",
    "Congressman",
    "Congresswoman",
    "Representative",
    "General",
    "Lieutenant General",
    "Major General",
    "Colonel",
    "Admiral",
    "Commander",
    "Chief",
    "Head",
    "King",
    "Queen",
    "Prince",
    "Crown Prince",
    "Sheikh",
    "Emir",
    "Sultan",
    "Judge",
    "Prosecutor",
    "Ayatollah",
    "Dr.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Professor",
    "Consul General",
    "Consul",
    "Counselor",
    "Attache",
    "Commissioner",
    "Deputy",
    "Leader",
    "MP",
    "Premier",
)

# Capitalised words that are never part of a person's name.
_NOT_NAME_TEXT = """
The A An In On At Of For And Or But To From By With As After Before During Since Until This
That These Those There Here Also However Meanwhile Although While When Where Who What
Summary Comment End Note Begin Reftel Ref Subject Tags Classified Reasons Section Para
January February March April May June July August September October November December Jan
Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday
Saturday Sunday Embassy Ministry Government Department Office Council Committee Party
Parliament Republic Kingdom State States United Union Nations National International Federal
Central Foreign Affairs Security Defense Defence Interior Justice Finance Economy Trade
Energy Oil Gas Bank Fund Agency Service Services Force Forces Army Navy Police Court
Assembly Congress Senate House Administration President Minister Ambassador Secretary
Director Chairman General Deputy Chief Mission Charge Post Emboff Emboffs Poloff Econoff Pol
Econ Mr Mrs Ms Dr Amb Vice Prime Supreme Leader Spokesman Spokesperson Advisor Adviser Head
King Prince Sheikh Islamic Muslim Christian Orthodox Catholic Church University Institute
Academy Center Centre Press Media News Television TV Radio Newspaper Daily Times Group
Company Corporation Inc Ltd North South East West Northern Southern Eastern Western Middle
Near Far Gulf Sea Ocean River Province Region District City Capital Airport Street Avenue
Square Palace Hall Convention Treaty Agreement Declaration Resolution Act Law Code Plan
Program Programme Project Initiative Conference Summit Meeting Talks Process Team Working
Joint Special Public Peace War Conflict Crisis Human Rights Freedom Democracy Democratic
Liberal Conservative Socialist Communist Green People Peoples Popular Front Movement
Alliance Coalition Opposition European Asian African American Arab Russian Chinese Iranian
Iraqi Turkish Azerbaijani Armenian Georgian Serbian Kosovar Albanian French German British
Spanish Italian Swiss Afghan Pakistani Indian Emirati Qatari Jamaican Dutch Israeli
Palestinian Syrian Lebanese Saudi Kurdish Shia Sunni Soviet Ottoman Persian Caspian Balkan
Balkans Caucasus Europe Asia Africa America Americas Mr. Mrs. Dr. Ms. Sen. Gen. Col. Rep.
U.S. US USG GOAJ GOI UN EU NATO OSCE KFOR UNMIK EULEX IAEA OPEC OK Yes No Not None Please
Action Info Confidential Secret Unclassified Sensitive Noforn Sipdis Limited Official Use
Only Declassify Decl Sincerely Acting DAS FM DFM PM MFA MOD USS HMS Former Current Late One
Two Three Several Many Some Most All Both Each Every Other Another New Old Upper Lower
Greater Little Big Grand Holy Saint Chancellor Cabinet Presidents Ministers Ambassadors
Secretaries Leaders Officials Delegation Chapter Article Annex Part Hurricane Operation
Mount Lake Island Islands Valley Nagorno Research Reactor Nuclear Mediterranean Euro
Atlantic Pacific Baltic Korean Japanese Ukrainian Polish Czech Greek Cypriot Egyptian Libyan
Yemeni Omani Jordanian Kuwaiti Bahraini Somali Sudanese Ethiopian Kenyan Nigerian Mexican
Cuban Venezuelan Bolivian Brazilian Argentine Chilean Colombian Canadian Australian Swedish
Norwegian Danish Finnish Estonian Latvian Lithuanian Belarusian Moldovan Romanian Bulgarian
Hungarian Slovak Croatian Bosnian Macedonian Montenegrin Slovenian Austrian Belgian Irish
Scottish Portuguese Uzbek Kazakh Kyrgyz Tajik Turkmen Mongolian Tibetan Uighur Uyghur
Taiwanese Vietnamese Thai Burmese Indonesian Malaysian Filipino Hindu Jewish Baha'i Sufi
Wahhabi Salafi Taliban Hamas Hizballah Hezbollah Qaida Al-Qaida
"""
_NOT_NAME_WORDS = {w.casefold() for w in _NOT_NAME_TEXT.split()} | {
    word.casefold() for title in DRAFT_TITLES for word in title.split()
}

# Endings of ordinary English nouns and adjectives, rare in personal names.
_COMMON_SUFFIX = re.compile(
    r"(?:tion|sion|ment|ments|ity|ities|ism|isms|ists|ship|ance|ence|ics|ies|ial|ure|ors|ness|ive|ing|"  # noqa: E501
    r"ings|ation|able|ible|ward|wide|hood)$"
)
_ROMAN = re.compile(r"^[IVXLC]+$")


def _place_words() -> set[str]:
    """Country and city names (TAGS table, places.csv): a capitalised place is not a person."""
    words: set[str] = set()
    try:
        from ...reference.codes import tags

        for entry in tags().values():
            if getattr(entry, "kind", None) == "geographic" and entry.description:
                words.update(fold(w) for w in re.findall(r"[A-Za-z]+", entry.description))
    except Exception:  # noqa: BLE001 (the draft still works without the table)
        pass
    places = DATA_DIR / "geo" / "places.csv"
    if places.is_file():
        with places.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for column in ("city", "country"):
                    words.update(fold(w) for w in re.findall(r"[A-Za-z]+", row.get(column) or ""))
    return words


@lru_cache(maxsize=1)
def _cached_place_words() -> frozenset[str]:
    return frozenset(_place_words())


_NAME_TOKEN = r"(?:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*|[A-Z]\.|[A-Z]{2,}(?:-[A-Z]{2,})?)"
_FULL_NAME = re.compile(
    r"(?<![\w.])("
    + r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+[A-Z]\.)?(?:\s+(?:al-|el-|bin\s|ibn\s|van\s|von\s|de\s)?"
    r"(?:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*|[A-Z]{3,}(?:-[A-Z]{3,})?)){1,2}" + r")(?![\w])"
)


@dataclass
class _DraftGroup:
    key: str  # folded surname
    forms: dict[str, int] = field(default_factory=dict)  # surface → count
    titles: dict[str, int] = field(default_factory=dict)
    evidence: set[str] = field(default_factory=set)


def _is_name_word(word: str, lower_words: set[str], places: frozenset[str]) -> bool:
    folded = fold(word.rstrip("."))
    if len(word) == 2 and word.endswith("."):
        return True  # a middle initial
    if folded in _NOT_NAME_WORDS or folded in places or len(folded) < 2:
        return False
    if _ROMAN.match(word) or _COMMON_SUFFIX.search(folded):
        return False
    parts = [part for part in folded.split("-") if len(part) > 2]
    if len(parts) > 1 and any(
        part in _NOT_NAME_WORDS or part in places or part in ("anti", "pro") for part in parts
    ):
        return False  # "Anti-Azerbaijan", "Pro-Western"
    return folded not in lower_words  # a word also written in lower case is an ordinary word


def draft_actors(cable: Cable, *, min_evidence: int = 1) -> Gazetteer:
    """A first gazetteer for a cable nobody annotated: people found from titles and names.

    Two kinds of evidence, both visible in each draft row's ``role`` column:
    a title right before a name ("Foreign Minister Mammadyarov") and a
    well-formed full name ("Jason P. Hyland") whose words never occur in lower
    case in the cable and are not places, months or institution words.
    Variants are grouped by surname. Surnames alone join a group but never
    start one. Precision matters more than recall: check and correct the list,
    then save it with :func:`save_gazetteer`.
    """
    cable_text = CableText(cable)
    text = cable_text.text
    body_start = min((p.start for p in cable.paragraphs), default=0)
    # Search the Classified By line and the body; the header holds station names only.
    lower_words = {fold(w) for w in re.findall(r"\b[a-z][a-z'-]+\b", text)}
    places = _cached_place_words()
    groups: dict[str, _DraftGroup] = {}
    mixed_case = len(re.findall(r"[a-z]", text)) > 0.2 * len(re.findall(r"[A-Za-z]", text))
    if not mixed_case:
        return _draft_gazetteer(
            cable,
            [],
            "the cable is written in capitals only: names cannot be told from words, "
            "so the draft lists no people; add them by hand",
        )
    titles = sorted(DRAFT_TITLES, key=len, reverse=True)
    title_pattern = re.compile(
        r"(?<![\w])("
        + "|".join(re.escape(t) for t in titles)
        + r")\s+("
        + _NAME_TOKEN
        + r"(?:\s+"
        + _NAME_TOKEN
        + r"){0,2})"
    )
    raw_offset_text = text
    classified = cable.classified_by or ""

    def add(surface: str, evidence: str, title: str | None = None) -> None:
        words = []
        for word in surface.split():
            words.append(re.sub(r"['’]s$", "", word))
            if re.search(r"['’]s$", word):
                break  # "Khamenei's Alleged …": the name ends at the possessive
        while words and not _is_name_word(words[-1], lower_words, places):
            words.pop()
        while words and not _is_name_word(words[0], lower_words, places):
            words.pop(0)
        words = [w for w in words if not (len(w) == 2 and w.endswith(".")) or w is not words[-1]]
        if not words or (len(words) == 1 and len(words[0]) < 3):
            return
        if not all(_is_name_word(w, lower_words, places) for w in words):
            return
        surname = fold(words[-1])
        group = groups.setdefault(surname, _DraftGroup(surname))
        form = " ".join(words)
        group.forms[form] = group.forms.get(form, 0) + 1
        group.evidence.add(evidence)
        if title:
            group.titles[title] = group.titles.get(title, 0) + 1

    search_text = raw_offset_text
    region_start = cable_text.clean_index(body_start) if cable.paragraphs else 0
    regions = [search_text[region_start:], classified]
    for region in regions:
        for match in title_pattern.finditer(region):
            candidate = match.group(2)
            # keep only the name tokens right after the title (stop at an ordinary word)
            tokens = []
            for token in candidate.split():
                if not _is_name_word(token, lower_words, places):
                    break
                tokens.append(token)
            if tokens:
                add(" ".join(tokens), "title", match.group(1))
        for match in _FULL_NAME.finditer(region):
            add(match.group(1), "full name")
    # Surnames alone join a group found above, never start one.
    people = []
    for key, group in groups.items():
        longest = max(group.forms, key=lambda f: (len(f.split()), group.forms[f]))
        evidence = sorted(group.evidence)
        if len(longest.split()) == 1 and "title" not in group.evidence:
            continue
        if len(evidence) < min_evidence:
            continue
        people.append((key, longest, group, evidence))
    # Merge "Aliyev" into "Ilham Aliyev" (same surname key already); drop groups whose
    # single word is the first name of another group ("Jason" of "Jason Hyland").
    first_names = {fold(p[1].split()[0]) for p in people if len(p[1].split()) > 1}
    people = [p for p in people if not (len(p[1].split()) == 1 and p[0] in first_names)]
    return _draft_gazetteer(cable, people, "")


def _draft_gazetteer(cable: Cable, people: list, note: str) -> Gazetteer:
    actors: list[Actor] = []
    used: set[str] = set()
    for _key, longest, group, evidence in sorted(people, key=lambda p: p[1]):
        actor_id = re.sub(r"[^a-z0-9]+", "_", fold(longest)).strip("_") or "person"
        while actor_id in used:
            actor_id += "_2"
        used.add(actor_id)
        surname = longest.split()[-1]
        aliases = tuple(dict.fromkeys([*sorted(group.forms, key=len, reverse=True), surname]))
        titles = tuple(sorted(group.titles, key=lambda t: -group.titles[t]))
        actors.append(
            Actor(
                id=actor_id,
                name=longest,
                aliases=aliases,
                titles=(),
                type="person",
                role=f"DRAFT: found by {' and '.join(evidence)}"
                + (f"; introduced as {', '.join(titles)}" if titles else ""),
                voice="",
                background="not verified",
                background_source="—",
            )
        )
    embassy = _reporting_embassy(cable, used)
    if embassy is not None:
        actors.append(embassy)
    notes = (note,) if note else ()
    return Gazetteer(tuple(actors), "draft", None, notes)


def _reporting_embassy(cable: Cable, used: set[str]) -> Actor | None:
    origin = cable.origin or ""
    if not origin:
        return None
    actor_id = "reporting_post"
    return Actor(
        id=actor_id,
        name=origin,
        aliases=(origin, "Embassy", "Post", "emboff", "emboffs"),
        type="reporting embassy",
        role="DRAFT: the sender (FM line); speaks as 'we' and through its officers",
        voice="embassy",
        background="not verified",
        background_source="—",
    )
