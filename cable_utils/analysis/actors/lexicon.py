"""What words tell the draft finder: titles, ordinary words, known states and organisations.

Everything the draft rules know about the world is here, as lists a student
can read and a remixer can extend:

* :data:`TITLES` — ranks and offices that introduce a person's name
  ("Foreign Minister Mammadyarov"); they are dropped from the name.
* :func:`known_states` — the states of the State Department's geographic TAGS
  (``data/reference/tags.csv``, cited there), with the short forms cables use
  ("U.S.", "ROK").
* :func:`known_organisations` — ``data/actors/organisations.csv``: well-known
  international organisations, NGOs, armed groups, media and U.S. agencies,
  each with its type and CAMEO-style code (written by the project from general
  knowledge; see ``data/README.md``).
* :data:`HEAD_NOUNS` and :data:`CONTEXT_CUES` — the words that type an
  organisation nobody listed: its last word ("… Party", "… Ministry") and the
  words around its mentions ("the newspaper …", "… militants").
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache

from ...source.paths import DATA_DIR
from .folding import fold

__all__ = [
    "CONTEXT_CUES",
    "HEAD_NOUNS",
    "LEFT_CUES",
    "LEGAL_FORMS",
    "MINISTRY_ACRONYMS",
    "PERSONAL_GOVERNMENT",
    "PLACE_HEADS",
    "TITLES",
    "KnownActor",
    "common_words",
    "known_organisations",
    "known_states",
    "ordinary_words",
    "territory_words",
]

#: Titles and ranks that introduce a person ("Foreign Minister Mammadyarov"), longest first
#: when matched. A title is dropped from the person's name ("rank prefixes").
TITLES = (
    "Deputy Chief of Mission", "Chief of Mission", "Charge d'Affaires", "Charge", "Ambassador",
    "Deputy Prime Minister", "Prime Minister", "Deputy Foreign Minister", "Foreign Minister",
    "Deputy Minister", "Minister", "Vice President", "President", "President-elect",
    "Supreme Leader", "Secretary General", "Secretary-General", "Deputy Secretary",
    "Assistant Secretary", "Under Secretary", "Secretary", "Spokesman", "Spokesperson",
    "Advisor", "Adviser", "Director General", "Deputy Director", "Director", "Chairman",
    "Chairwoman", "Chair", "Speaker", "Governor", "Mayor", "Senator", "Congressman",
    "Congresswoman", "Representative", "General", "Lieutenant General", "Major General",
    "Brigadier General", "Colonel", "Lieutenant", "Captain", "Major", "Admiral", "Commander",
    "Chief", "Head", "King", "Queen", "Prince", "Princess", "Crown Prince", "Sheikh", "Shaykh",
    "Emir", "Amir", "Sultan", "Judge", "Justice", "Prosecutor", "Ayatollah", "Imam", "Dr.", "Dr",
    "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Professor", "Prof.", "Consul General", "Consul",
    "Counselor", "Counsellor", "Minister-Counselor", "Attache", "Commissioner",
    "High Commissioner", "Deputy", "Leader", "MP", "Premier", "Chancellor", "PM", "FM", "DFM",
    "A/S", "U/S", "DAS", "PDAS", "Amb.", "Amb", "Gen.", "Col.", "Sen.", "Rep.", "Lt.", "Capt.",
    "Maj.", "Adm.", "Cmdr.", "Gov.", "Pres.", "Sec.", "Ambassador-at-Large", "Envoy",
    "Special Envoy", "Special Representative", "Coordinator", "Officer", "Poloff", "Econoff",
    "PolCouns", "EconCouns", "DCM", "Rector", "Patriarch", "Archbishop", "Bishop", "Father",
    "Metropolitan", "Editor", "Editor-in-Chief", "Publisher", "Founder", "CEO", "Manager",
    "Officer", "Member", "DepSec", "SecState", "SecDef", "Secretary of State", "S/E",
    "Special Envoy", "Ambassador-designate",
)  # fmt: skip

#: Words (folded) that end the name of a place, not of an actor ("Mutare Provincial Hospital").
PLACE_HEADS = frozenset(
    [
        "hospital",
        "hospitals",
        "mortuary",
        "clinic",
        "school",
        "hotel",
        "airport",
        "palace",
        "prison",
        "camp",
        "base",
        "field",
        "fields",
        "port",
        "square",
        "street",
        "road",
        "bridge",
        "dam",
        "mine",
        "mines",
        "park",
        "stadium",
        "crossing",
        "border",
        "province",
        "region",
        "district",
        "city",
        "valley",
        "mountains",
        "island",
        "islands",
        "strait",
        "sea",
        "river",
        "lake",
        "desert",
        "corridor",
    ]
)
#: Person + one of these words is that person's government, not another actor.
PERSONAL_GOVERNMENT = frozenset(
    ["administration", "government", "regime", "cabinet", "camp", "team"]
)
#: Legal forms: "KazUkrEnergo AG" is the company KazUkrEnergo.
LEGAL_FORMS = frozenset(
    [
        "ag",
        "inc",
        "inc.",
        "ltd",
        "ltd.",
        "llc",
        "sa",
        "s.a.",
        "gmbh",
        "plc",
        "corp",
        "corp.",
        "co.",
        "nv",
        "bv",
        "jsc",
        "ojsc",
        "oao",
        "zao",
    ]
)
#: Acronyms of ministries, whatever the country, and the names they stand for (folded).
MINISTRY_ACRONYMS: dict[str, tuple[str, ...]] = {
    "MFA": ("foreign ministry", "ministry of foreign affairs", "foreign affairs ministry"),
    "MOFA": ("foreign ministry", "ministry of foreign affairs"),
    "MOD": ("defense ministry", "defence ministry", "ministry of defense", "ministry of defence"),
    "MOI": ("interior ministry", "ministry of interior", "ministry of the interior",
            "ministry of internal affairs"),
    "MOJ": ("justice ministry", "ministry of justice"),
    "MOF": ("finance ministry", "ministry of finance"),
    "MOE": ("ministry of energy", "energy ministry", "ministry of education"),
    "MOH": ("health ministry", "ministry of health"),
}  # fmt: skip

#: Words (folded) that tell an organisation's type when they end its name.
HEAD_NOUNS: dict[str, tuple[str, ...]] = {
    "government body": (
        "ministry", "ministries", "government", "parliament", "senate", "congress", "assembly",
        "duma", "rada", "majlis", "knesset", "cabinet", "presidency", "court", "tribunal",
        "prosecutor's office", "procuracy", "police", "army", "navy", "air force", "guard",
        "service", "agency", "commission", "office", "department", "bureau", "directorate",
        "inspectorate", "embassy", "consulate", "central bank", "reserve bank", "national bank",
        "customs", "treasury", "intelligence", "authority", "municipality", "governorate",
        "council of ministers", "secretariat", "administration", "ministry of foreign affairs",
        "armed forces", "gendarmerie", "militia",
    ),
    "political party": ("party", "bloc", "-pf", "alliance", "coalition", "front"),
    "NGO / civil society": (
        "foundation", "institute", "association", "society", "center", "centre", "watch",
        "network", "church", "university", "academy", "chamber of commerce", "union",
        "committee", "council", "movement", "mosque", "synod", "federation", "forum",
    ),
    "business": (
        "company", "co.", "corp", "corp.", "corporation", "inc", "inc.", "ltd", "ltd.", "llc",
        "plc", "ag", "sa", "s.a.", "gmbh", "nv", "bv", "holding", "holdings", "bank", "airlines",
        "airways", "motors", "oil", "petroleum", "telecom", "mining", "industries", "systems",
        "technologies", "partners", "investments", "capital", "exchange", "energy", "group",
    ),
    "media outlet": (
        "times", "post", "news", "daily", "journal", "herald", "tribune", "gazette", "telegraph",
        "guardian", "observer", "monitor", "express", "mirror", "gazeta", "tv", "television",
        "radio", "channel", "press", "news agency",
    ),
    "armed group": ("brigades", "brigade", "mujahideen", "jihad", "tigers", "shabaab"),
}  # fmt: skip

#: A word right before a name that says what it names ("the newspaper Jomhouri Eslami").
LEFT_CUES: dict[str, str] = {
    "newspaper": "media outlet", "daily": "media outlet", "weekly": "media outlet",
    "paper": "media outlet", "magazine": "media outlet", "website": "media outlet",
    "portal": "media outlet", "station": "media outlet", "channel": "media outlet",
    "agency": "media outlet", "company": "business", "firm": "business", "bank": "business",
    "giant": "business", "party": "political party", "group": "armed group",
    "militia": "armed group", "ngo": "NGO / civil society", "foundation": "NGO / civil society",
}  # fmt: skip

#: Words (folded) near an unknown organisation's mentions that vote for a type.
CONTEXT_CUES: dict[str, tuple[str, ...]] = {
    "armed group": (
        "terrorist", "terrorists", "guerrilla", "guerrillas", "militant", "militants", "insurgent",
        "insurgents", "rebel", "rebels", "fighters", "militia", "militias", "hostages", "armed",
        "demobilized", "kidnapped", "attacks", "commander", "commanders", "paramilitary",
    ),
    "political party": (
        "party", "parties", "opposition", "ruling", "faction", "elections", "election", "vote",
        "votes", "mps", "deputies", "candidate", "campaign", "power-sharing", "coalition",
    ),
    "business": (
        "company", "companies", "firm", "firms", "shares", "stake", "stakes", "owned", "owns",
        "subsidiary", "monopoly", "giant", "ceo", "investor", "investors", "contract",
        "intermediary", "middleman", "corporation", "buyer", "sells", "sell", "debt", "debts",
        "bank", "profits", "revenue", "registered",
    ),
    "media outlet": (
        "newspaper", "newspapers", "daily", "weekly", "paper", "article", "editorial",
        "journalist", "journalists", "columnist", "broadcast", "outlet", "website", "portal",
        "tv", "station", "headline", "reported", "wrote", "published", "interview",
    ),
    "NGO / civil society": (
        "ngo", "ngos", "nongovernmental", "non-governmental", "activists", "activist",
        "civil", "human", "rights", "charity", "volunteers", "church", "religious",
    ),
    "government body": (
        "government", "ministry", "officials", "official", "minister", "agency", "state",
        "authorities", "regulator", "law", "legislation", "decree",
    ),
}  # fmt: skip

# Capitalised words that are never a person's name: grammar words, months, institutions,
# nationalities and other words a sentence may start with (folded when used).
_ORDINARY_TEXT = """
The A An In On At Of For And Or But To From By With As After Before During Since Until This
That These Those There Here Also However Meanwhile Although While When Where Who What Why How
Summary Comment End Note Begin Reftel Ref Subject Tags Classified Reasons Reason Section Para
January February March April May June July August September October November December Jan
Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday
Saturday Sunday Embassy Ministry Government Department Office Council Committee Party
Parliament Republic Kingdom State States United Union Nations National International Federal
Central Foreign Affairs Security Defense Defence Interior Justice Finance Economy Trade
Energy Oil Gas Bank Fund Agency Service Services Force Forces Army Navy Police Court
Assembly Congress Senate House Administration Post Emboff Emboffs Poloff Econoff Pol Econ
Islamic Muslim Christian Orthodox Catholic Church University Institute Academy Center Centre
Press Media News Television TV Radio Newspaper Daily Times Group Company Corporation Inc Ltd
North South East West Northern Southern Eastern Western Middle Near Far Gulf Sea Ocean River
Province Region District City Capital Airport Street Avenue Square Palace Hall Convention
Treaty Agreement Declaration Resolution Act Law Code Plan Program Programme Project Initiative
Conference Summit Meeting Talks Process Team Working Joint Special Public Peace War Conflict
Crisis Human Rights Freedom Democracy Democratic Liberal Conservative Socialist Communist
Green People Peoples Popular Front Movement Alliance Coalition Opposition European Asian
African American Arab Russian Chinese Iranian Iraqi Turkish Azerbaijani Armenian Georgian
Serbian Kosovar Albanian French German British Spanish Italian Swiss Afghan Pakistani Indian
Emirati Qatari Jamaican Dutch Israeli Palestinian Syrian Lebanese Saudi Kurdish Shia Sunni
Soviet Ottoman Persian Caspian Balkan Balkans Caucasus Europe Asia Africa America Americas
OK Yes No Not None Please Action Info Confidential Secret Unclassified Sensitive Noforn Sipdis
Limited Official Use Only Declassify Decl Sincerely Former Current Late One Two Three Several
Many Some Most All Both Each Every Other Another New Old Upper Lower Greater Little Big Grand
Holy Saint Cabinet Presidents Ministers Ambassadors Secretaries Leaders Officials Delegation
Chapter Article Annex Part Hurricane Operation Mount Lake Island Islands Valley Research
Reactor Nuclear Mediterranean Euro Atlantic Pacific Baltic Korean Japanese Ukrainian Polish
Czech Greek Cypriot Egyptian Libyan Yemeni Omani Jordanian Kuwaiti Bahraini Somali Sudanese
Ethiopian Kenyan Nigerian Mexican Cuban Venezuelan Bolivian Brazilian Argentine Chilean
Colombian Canadian Australian Swedish Norwegian Danish Finnish Estonian Latvian Lithuanian
Belarusian Moldovan Romanian Bulgarian Hungarian Slovak Croatian Bosnian Macedonian
Montenegrin Slovenian Austrian Belgian Irish Scottish Portuguese Uzbek Kazakh Kyrgyz Tajik
Turkmen Mongolian Tibetan Uighur Uyghur Taiwanese Vietnamese Thai Burmese Indonesian Malaysian
Filipino Hindu Jewish Baha'i Sufi Wahhabi Salafi Zimbabwean Mozambican Angolan Chadian
Emiratis Omanis Qataris Saudis Israelis Palestinians Arabs Iranians Iraqis Russians Americans
Europeans Germans Colombians Koreans Turks Kurds Soviets Afghans Pakistanis Indians Chinese
Ukrainians Georgians Armenians Azerbaijanis Serbs Albanians Lebanese Syrians Egyptians
Libyans Yemenis Venezuelans Cubans Mexicans Brazilians Kosovars Bosnians Croats Muslims
Christians Jews Shias Sunnis Western Westerners Legislative Executive Judicial Reform Reforms
Economic Political Social Military Civil Strategic Regional Bilateral Multilateral Local
Federation Ministries Parliamentary Presidential Embassies Consulate Consulates Visit Website
Classified Continued Continues Begin Ends Background Outlook Overview Introduction Conclusion
Recommendation Recommendations Action Request Points Response Responses Comments Notes Text
SBU NF REL FOUO LIMDIS EXDIS NODIS ORCON PROPIN Note Notes End Summary Begin Septel
AMEMBASSY AMCONSUL SECSTATE WASHDC USMISSION USDEL
Nagorno Karabakh Abkhazia Ossetia Chechnya Kurdistan Darfur Kashmir Tibet Xinjiang Crimea
Transnistria Sinai Balochistan Baluchistan Waziristan Mindanao Aceh Ogaden Kosovo Gaza
Via Per Re Mr Mrs Ms Dr Amb Sen Gen Col Rep Lt St Day Week Month Year Today Tomorrow
Yesterday Morning Evening Afternoon Night Time Era Age Century Decade Dollar Dollars Euro
Euros Ruble Rubles Franc Francs Pound Pounds Yen Yuan Rupee Rupees Dinar Peso Pesos
"""


@cache
def ordinary_words() -> frozenset[str]:
    """Folded capitalised words that never name a person (grammar, months, institutions …)."""
    words = {fold(w.rstrip(".")) for w in _ORDINARY_TEXT.split()}
    words |= {fold(w.rstrip(".")) for title in TITLES for w in title.split()}
    return frozenset(words)


@dataclass(frozen=True)
class KnownActor:
    """A state or organisation the finder knows by name."""

    name: str
    forms: tuple[str, ...]  # the name and its aliases as written
    type: str
    code: str  # CAMEO-style code (country code for a state)
    source: str


# Short forms and other names the TAGS descriptions lack, by TAGS code (project's own list).
_STATE_FORMS: dict[str, tuple[str, ...]] = {
    "US": ("United States", "U.S.", "US", "USA", "U.S.A.", "United States of America"),
    "UK": ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain"),
    "CH": ("China", "PRC", "People's Republic of China"),
    "KN": ("North Korea", "DPRK"),
    "KS": ("South Korea", "ROK", "Republic of Korea"),
    "AE": ("United Arab Emirates", "UAE", "U.A.E."),
    "RS": ("Russia", "Russian Federation"),
    "BM": ("Burma", "Myanmar"),
    "IV": ("Cote d'Ivoire", "Côte d'Ivoire", "Ivory Coast"),
    "EZ": ("Czech Republic", "Czechia"),
    "MK": ("Macedonia", "FYROM"),
    "CG": ("Democratic Republic of the Congo", "DRC", "Congo-Kinshasa"),
    "CF": ("Republic of the Congo", "Congo-Brazzaville"),
    "BK": ("Bosnia and Herzegovina", "Bosnia", "Bosnia-Herzegovina", "BiH"),
    "VT": ("Vatican City", "Holy See"),
    "TT": ("East Timor", "Timor-Leste"),
    "BF": ("Bahamas", "The Bahamas"),
    "GA": ("Gambia", "The Gambia"),
    "NL": ("Netherlands", "The Netherlands", "Holland"),
    "SA": ("Saudi Arabia", "KSA"),
}
#: States that no longer exist but appear in cables (not in the TAGS list).
_FORMER_STATES = (("Soviet Union", ("Soviet Union", "USSR", "U.S.S.R.")),)
# TAGS geographic entries that are regions or dependent territories, not states.
_NOT_STATES = re.compile(
    r"^[XZ]|^WO$|^(?:AQ|AA|AV|AY|BD|BQ|BS|BV|CJ|CK|CQ|CR|CW|DQ|EU|FG|FK|FO|FP|FQ|FS|GI|GK|GL|GO|GP|"
    r"GQ|GZ|HK|HM|HQ|IM|IO|IP|JE|JN|JQ|JU|KQ|KT|LQ|MB|MC|MF|MH|MQ|NA|NC|NE|NF|PC|PF|PG|RE|RQ|SB|"
    r"SH|SV|TE|TK|TL|VI|VQ|WE|WF|WI|WQ)$"
)


def _tags_description_forms(description: str) -> tuple[str, ...]:
    """ "Korea (South)" → "South Korea"; "China (Mainland)" → "China"; "Bahamas, The" → "Bahamas"."""  # noqa: E501
    text = description.strip()
    inverted = re.fullmatch(r"(.+?) \((North|South)\)", text)
    if inverted:
        return (f"{inverted.group(2)} {inverted.group(1)}",)
    text = re.sub(r"\s*\([^)]*\)", "", text)
    text = re.sub(r",\s*The.*$", "", text)
    return (text,) if text else ()


@cache
def known_states() -> tuple[KnownActor, ...]:
    """States from the geographic TAGS table, with their common short forms."""
    from ...reference.codes import tags

    states: list[KnownActor] = []
    for code, entry in sorted(tags().items()):
        description = entry.get("description") if isinstance(entry, dict) else entry.description
        kind = entry.get("kind") if isinstance(entry, dict) else entry.kind
        if kind != "geographic" or not description or _NOT_STATES.search(code):
            continue
        forms = _STATE_FORMS.get(code, ()) or _tags_description_forms(description)
        if not forms:
            continue
        states.append(KnownActor(forms[0], forms, "state", code, "TAGS geographic list"))
    for name, forms in _FORMER_STATES:
        states.append(KnownActor(name, forms, "state", "", "collection list of former states"))
    return tuple(states)


@cache
def common_words() -> frozenset[str]:
    """Words the corpus writes in lower case (``data/actors/common_words.txt``).

    Read only for cables in capitals, where case cannot tell a name from a word.
    """
    path = DATA_DIR / "actors" / "common_words.txt"
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def territory_words() -> frozenset[str]:
    """Folded words of TAGS places that are not states ("Gaza Strip", "Western Sahara")."""
    from ...reference.codes import tags

    words: set[str] = set()
    for code, entry in tags().items():
        description = entry.get("description") if isinstance(entry, dict) else entry.description
        kind = entry.get("kind") if isinstance(entry, dict) else entry.kind
        if kind == "geographic" and description and _NOT_STATES.search(code):
            words |= {fold(w) for w in re.findall(r"[A-Za-z]{4,}", description)}
    return frozenset(words - ordinary_words())


@cache
def known_organisations() -> tuple[KnownActor, ...]:
    """Rows of ``data/actors/organisations.csv`` (empty if the file is missing)."""
    path = DATA_DIR / "actors" / "organisations.csv"
    if not path.is_file():
        return ()
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    known = []
    for row in rows:
        name = (row.get("name") or "").strip()
        if not name:
            continue
        aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
        # "National Liberation Army (Colombia)": the bracket says which one, it is not written
        bare = re.sub(r"\s*\([^)]*\)", "", name)
        forms = tuple(dict.fromkeys([bare, *aliases]))
        known.append(
            KnownActor(
                bare,
                forms,
                (row.get("type") or "").strip(),
                (row.get("cameo") or "").strip(),
                "data/actors/organisations.csv",
            )
        )
    return tuple(known)
