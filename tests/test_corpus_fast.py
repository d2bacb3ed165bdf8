"""Fast paths against their plain specification (the test oracle).

Each surviving fast path (issue 13: kept only where it alone buys at least
10 % of corpus throughput, ``benchmarks/README.md``) must find exactly what its
plain version finds. Speed is measured in ``benchmarks/``, never here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cable_utils.parse import header, patterns
from cable_utils.parse.body import search_paragraph_start
from cable_utils.parse.front_matter import _WHITESPACE, _field_matches, _search_banner, _squeezed
from cable_utils.parse.parser import _DTG_CANDIDATE, _RECORD_ROW, _record_rows, parse_text
from cable_utils.parse.patterns import BANNER, DTG_START, FIELD, PARAGRAPH_START
from cable_utils.parse.scan import search_after_breaks
from cable_utils.source.loading import decode_bytes
from cable_utils.source.normalise import (
    _ARTIFACT_PATTERN,
    _PAGE_HINTS,
    _PAGE_PATTERN,
    _artifact_matches,
    _first_pass,
    _page_spans,
    normalise,
)

ROOT = Path(__file__).resolve().parents[1]
CABLE_FILES = [ROOT / "data" / "cables" / "08BAKU151.txt"] + sorted(
    (ROOT / "data" / "cables" / "samples").glob("*.txt")
)
TEXTS = {path.stem: decode_bytes(path.read_bytes())[0] for path in CABLE_FILES}


def _spans(matches) -> list[tuple[int, int, str | None]]:
    return [(match.start(), match.end(), match.lastgroup) for match in matches]


def _found(raw: str) -> list[tuple[int, int, str | None]]:
    found = []
    for kind, start, end, match in _artifact_matches(raw):
        if match is not None:  # a match found by the pattern says the same
            assert (match.start(), match.end(), match.lastgroup) == (start, end, kind)
        found.append((start, end, kind))
    return found


# -- the artifact scan ----------------------------------------------------------

_PIECES = st.sampled_from(
    [" ", "  ", "\t", "\n", "\r", "\r\n", "\\", "\\\n", " \\\r\n", "[", "]", "(#)", "[1](#)",
     "[PREL](#)", "\u00b6", "\ufeff", "&", "&#x000A;", "&amp;", "&#10;", "<", "<br>", "</a>",
     "<a href=x>", "x", "AB", "1.", ";", "  \n", "\t \n", "PAGE 02 "]
)  # fmt: skip


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_artifact_scan_matches_finditer_on_every_sample(name):
    text = TEXTS[name]
    assert _found(text) == _spans(_ARTIFACT_PATTERN.finditer(text))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_artifact_scan_matches_finditer_on_artifact_soup(text):
    assert _found(text) == _spans(_ARTIFACT_PATTERN.finditer(text))


# -- the front-matter keyword scan ------------------------------------------------

_FRONT_PIECES = st.sampled_from(
    ["TAGS", "TAGS:", "SUBJECT:", "SUBJ:", "SUBJECT SAG", "REF:", "REFTEL", "E.O. 12958", "EO 12958", "(U)",
     "Classified By", "classified by:", "SIPDIS", "NOFORN", "SENSITIVE BUT UNCLASSIFIED",
     "FOR OFFICIAL USE ONLY", "STATE FOR EUR/CARC", "FOR NEA/ARP", " ", "  ", "\n", "\t", "(",
     "state for eur/carc", "AMEMBASSY FOR X/Y", "\u0130STANBUL FOR NEA/X", "ıFOR A/B",
     "\u212aYIV FOR EUR/UMB", "ſIPDIS", "tags", ")", "x", "1", "_", "ſ", "K", "é", ".", "-", "/"]
)  # fmt: skip


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_field_scan_matches_finditer_on_every_sample(name):
    text = TEXTS[name]
    for start, end in ((0, len(text)), (len(text) // 3, len(text) // 2)):
        assert _spans(_field_matches(text, start, end)) == _spans(FIELD.finditer(text, start, end))


@pytest.mark.parametrize(
    "text",
    [
        "TAGS: PREL\n  SUBJECT SAG AGREES\n",  # the colon-less SUBJECT after leading blanks
        "TAGS: PREL\n\tSUBJECT (C) A TITLE\n",
        "  SUBJECT SAG AGREES\n",
    ],
)
def test_field_scan_finds_a_colonless_subject_after_leading_blanks(text):
    assert _spans(_field_matches(text, 0, len(text))) == _spans(FIELD.finditer(text))
    assert any(match.lastgroup == "subject" for match in _field_matches(text, 0, len(text)))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_FRONT_PIECES, max_size=40).map("".join), st.integers(0, 5), st.integers(0, 5))
def test_field_scan_matches_finditer_on_keyword_soup(text, cut_start, cut_end):
    start, end = min(cut_start, len(text)), max(0, len(text) - cut_end)
    assert _spans(_field_matches(text, start, end)) == _spans(FIELD.finditer(text, start, end))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2003\u3000:;ab.", max_size=20))
def test_a_squeezed_value_is_the_whitespace_pattern_s(value):
    """Front-matter values: ``" ".join(value.split())`` reads as ``\\s+`` → " " did."""
    assert _squeezed(value) == _WHITESPACE.sub(" ", value).strip()
    assert _squeezed(value).strip(" :;") == _WHITESPACE.sub(" ", value).strip(" :;")


_ASCII_FRONT_PIECES = st.sampled_from(
    ["TAGS", "tag", "TAGS:", "SUBJECT:", "SUBJECT SAG", "subj :", "REF:", "refs :", "REFTEL", "PREFER", "E.O. 12958",
     "EO 12958", "e.o.12958", "E O 12356", "E. O. 11652", "E\nO 12958", "EE.O 12958", "(U)", "(u) ",
     "Classified By", "CLASSIFIED  BY:", "SIPDIS", "nodis", "EXDIS", "LIMDIS", "STADIS", "NOFORN",
     "SENSITIVE BUT UNCLASSIFIED", "sensitive", "FOR OFFICIAL USE ONLY", "STATE FOR EUR/CARC",
     "AMEMBASSY   FOR X/Y", "STATEFOR EUR/X", "A FOR B/C", "TOOLONGWORDXYZ FOR EUR/X", "X1AB FOR A/B",
     "FOR NEA/ARP", "for", " ", "  ", "\n", "\t", "(", ")", "x", "1", "12345", "_", ".", "-", "/", ":"]
)  # fmt: skip


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_ASCII_FRONT_PIECES, max_size=40).map("".join), st.integers(0, 5), st.integers(0, 5)
)
def test_field_scan_matches_finditer_on_ascii_keyword_soup(text, cut_start, cut_end):
    """ASCII front matter is scanned by keyword (str.find), other text by pattern."""
    start, end = min(cut_start, len(text)), max(0, len(text) - cut_end)
    assert _spans(_field_matches(text, start, end)) == _spans(FIELD.finditer(text, start, end))


# -- database-export rows inside a text (parser._record_rows) -------------------

_ROW_PIECES = st.sampled_from(
    ["\n", " ", "\t", "  ", "-", "--", "2008-02-19", "2008-02-19 13:47", "1999-1-1", "-12-",
     "08BAKU151", "07BERN881", "Embassy Baku", "1", "12", "1234567", "x", "ABC", "0", ":"]
)  # fmt: skip


def _record_row_spans(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group("id")) for m in _record_rows(text)]


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_record_row_scan_matches_finditer_on_every_sample(name):
    text = normalise(TEXTS[name]).text
    rows = [(m.start(), m.end(), m.group("id")) for m in _RECORD_ROW.finditer(text)]
    assert _record_row_spans(text) == rows


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ROW_PIECES, max_size=40).map("".join))
def test_record_row_scan_matches_finditer_on_row_soup(text):
    rows = [(m.start(), m.end(), m.group("id")) for m in _RECORD_ROW.finditer(text)]
    assert _record_row_spans(text) == rows


# -- the offset map after page headers are cut (normalise) ----------------------


def _assert_every_character_maps_to_itself(raw: str) -> None:
    clean = normalise(raw)
    previous_end = 0
    for position, character in enumerate(clean.text):
        start, end = clean.to_raw(position, position + 1)
        assert previous_end <= end and start < end
        if end - start == 1 and raw[start] == character:
            previous_end = start + 1
            continue
        # A rewritten character maps to its whole artifact: "\r" or an entity.
        assert raw[start] in "\r&", (position, character, raw[start:end])
        previous_end = start


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_clean_characters_map_to_the_same_raw_characters(name):
    _assert_every_character_maps_to_itself(TEXTS[name])


def test_page_headers_are_cut_and_the_text_after_them_maps_back():
    samples_with_pages = [
        name for name in TEXTS if any(a.kind == "page" for a in normalise(TEXTS[name]).artifacts)
    ]
    assert samples_with_pages  # the samples do carry page headers
    page = "\nUNCLASSIFIED\n\nPAGE 02        BERN  00881  111340Z\n\n"
    raw = "1. (C) First [1](#) line  \nends here." + page + "2. More¶ text" + page + "3. End."
    clean = normalise(raw)
    assert "PAGE" not in clean.text
    assert [a.kind for a in clean.artifacts].count("page") == 2
    _assert_every_character_maps_to_itself(raw)
    third = clean.text.index("3. End.")
    assert clean.to_raw(third, third + 7) == (raw.index("3. End."), len(raw))


# -- the banner scan (front_matter._search_banner) -------------------------------------

_BANNER_PIECES = st.sampled_from(
    ["\n", "\t", " ", "  ", "CONFIDENTIAL", "C O N F I D E N T I A L", "SECRET", "secret",
     "UNCLAS", "LIMITED OFFICIAL USE", "TOP SECRET", "\u017fECRET", " BAKU 000151", " SECTION 01 OF 02",
     "BAKU", " 151", "//NOFORN", "x", "S", "C", "T", "SS E C R E T", "UUNCLAS", "E C R E T",
     "CSE C R E T", "XCONFIDENTIAL", "ONFIDENTIAL", "N C L A S", "T O P S E C R E T", "TOP\tSECRET",
     "LIMITED", "LIMITED\tOFFICIAL USE", "\u0131", "\u212a", "K", "c", " 0", "O", "N", "E", "SE"]
)  # fmt: skip


def _banner_span(match):
    return None if match is None else (match.start(), match.end())


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_banner_scan_matches_search_on_every_sample(name):
    text = normalise(TEXTS[name]).text
    for start in sorted({0, 1, len(text) // 4, len(text) // 2, len(text)}):
        assert _banner_span(_search_banner(text, start)) == _banner_span(BANNER.search(text, start))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_BANNER_PIECES, max_size=30).map("".join), st.integers(0, 40))
def test_banner_scan_matches_search_on_banner_soup(text, start):
    start = min(start, len(text))
    assert _banner_span(_search_banner(text, start)) == _banner_span(BANNER.search(text, start))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_BANNER_PIECES, max_size=30).map("".join), st.integers(0, 5))
def test_banner_scan_matches_search_just_after_a_tab(text, nth_tab):
    """A banner may start right after a TAB at the search start (an export row's payload)."""
    tabs = [at + 1 for at, character in enumerate(text) if character == "\t"]
    start = tabs[nth_tab % len(tabs)] if tabs else 0
    assert _banner_span(_search_banner(text, start)) == _banner_span(BANNER.search(text, start))


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("\tSECRET BAKU 000151", 1),
        ("x\tSECRET BAKU 000151\nmore", 2),
        ("abc\n", 10),
        ("", 0),
        ("\nſECRET BAKU 000151", 0),
        ("x\n\u0131 CONFIDENTIAL BAKU 000151", 0),
        ("x\nK S E C R E T BAKU 000151", 0),
        ("x\n  XC ONFIDENTIAL BAKU 000151", 0),
        ("x\nTOP    SECRET BAKU 000151", 0),
        ("x\nlimited official use BAKU 000151", 0),
    ],
)
def test_banner_scan_edge_cases(text, start):
    assert _banner_span(_search_banner(text, start)) == _banner_span(BANNER.search(text, start))


def test_a_banner_right_after_an_export_row_is_read():
    """The row's payload starts after a TAB: the banner there is the cable's."""
    text = (
        "1\t2008-02-19\t08BAKU151\tEmbassy Baku\tCONFIDENTIAL\t\tCONFIDENTIAL BAKU 000151\n\n"
        "SUBJECT: TEST\n\n1. (C) Hello world. Signed.\n\nDERSE\n"
    )
    for cable in (parse_text(text),):
        assert (cable.origin, cable.classification) == ("BAKU", "CONFIDENTIAL")
        assert "no classification banner was found" not in cable.warnings


# -- header lines: the one kind test names every pattern that can match ----------

_HEADER_PATTERNS = {  # pattern → the line kind (header._LINE_KIND group) it belongs to
    patterns.VZCZC_LINE: "vzczc",
    header._DISTRIBUTION: "distribution",
    patterns.ROUTING_LINE: "routing",
    patterns.DE_LINE: "de",
    patterns.SECURITY_LINE: "security",
    patterns.DTG_LINE: "dtg",
    patterns.BARE_DTG_LINE: "dtg",
    header._FROM: "fm",
    header._TO: "to",
    header._INFO: "info",
}
_KINDS_OF_PATTERN_KIND = {"distribution": {"distribution", "info"}}
_HEADER_PIECES = st.sampled_from(
    ["VZCZC", "VZCZCXYZ0145", "INFO", "ACTION", "ORIGIN", "LOG-00", "EUR-00", "ZZ", "OO", "PP",
     "RR", "YY", "RUEHWEB", "DE", "RUEHKB", "#0151/01", "0501347", "ZN", "ZNY", "CCCCC", "ZZH",
     "P", "O", "R", "Z", "Y", "p", "o", "191347Z", "FEB", "feb", "08", "FM", "TO", "AMEMBASSY",
     "SECSTATE", "WASHDC", "1234", "IMMEDIATE", " ", "  ", "\t", "/", "x", "\u017f", "1"]
)  # fmt: skip


def _assert_kind_allows_every_matching_pattern(line: str) -> None:
    stripped = line.strip()
    kind_match = header._LINE_KIND.match(stripped)
    kind = kind_match.lastgroup if kind_match else None
    for pattern, pattern_kind in _HEADER_PATTERNS.items():
        subject = line if pattern is header._DISTRIBUTION else stripped
        if pattern.match(subject):
            assert kind in _KINDS_OF_PATTERN_KIND.get(pattern_kind, {pattern_kind}), (line, kind)


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_header_line_kinds_on_every_sample(name):
    for line in normalise(TEXTS[name]).text.split("\n"):
        _assert_kind_allows_every_matching_pattern(line)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_HEADER_PIECES, max_size=12).map(" ".join), st.sampled_from(["", " ", "\t"]))
def test_header_line_kinds_on_header_soup(line, indent):
    _assert_kind_allows_every_matching_pattern(indent + line)


# -- the first numbered paragraph (body.search_paragraph_start) ------------------

_PARAGRAPH_PIECES = st.sampled_from(
    ["\n", " ", "\t", "1.", "12.", "123.", "1. (C)", "2.(S/NF)", "3 .", "\u0661.", "x", "A.",
     "CONFIDENTIAL - ENTIRE TEXT", "(C)", "\n\n", "1", "-"]
)  # fmt: skip


def _paragraph_span(match):
    return None if match is None else (match.start(), match.end())


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_paragraph_search_matches_the_pattern_on_every_sample(name):
    text = normalise(TEXTS[name]).text
    for start in sorted({0, 1, len(text) // 4, len(text) // 2}):
        for end in (len(text), len(text) - 1, start + 40):
            end = max(start, min(end, len(text)))
            assert _paragraph_span(search_paragraph_start(text, start, end)) == _paragraph_span(
                PARAGRAPH_START.search(text, start, end)
            )


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PARAGRAPH_PIECES, max_size=30).map("".join), st.integers(0, 20), st.integers(0, 5))
def test_paragraph_search_matches_the_pattern_on_soup(text, start, cut_end):
    start = min(start, len(text))
    end = max(start, len(text) - cut_end)
    assert _paragraph_span(search_paragraph_start(text, start, end)) == _paragraph_span(
        PARAGRAPH_START.search(text, start, end)
    )


# -- page headers and markers (normalise._page_spans) ----------------------------


def _page_spans_scanning_six_lines_up(text: str) -> list[tuple[int, int]]:
    """The first version of ``_page_spans``: every window starts six lines up."""
    hints = sorted(m.start() for pattern in _PAGE_HINTS for m in pattern.finditer(text))
    spans: list[tuple[int, int]] = []
    covered = 0
    for hint in hints:
        if hint < covered:
            continue
        window_start = text.rfind("\n", max(0, hint - 400), hint) + 1
        if text.startswith("PAGE", hint):
            if text[window_start:hint].strip():
                continue
        elif "000" not in text[max(0, hint - 40) : hint]:
            continue
        window_start = text.rfind("\n", 0, hint) + 1
        for _ in range(6):
            if window_start == 0:
                break
            window_start = text.rfind("\n", 0, window_start - 1) + 1
        window_start = max(window_start, covered, hint - 400)
        line_end = text.find("\n", hint, hint + 200)
        window_end = min(len(text), (hint + 200 if line_end == -1 else line_end) + 200)
        for match in _PAGE_PATTERN.finditer(text, window_start, window_end):
            if match.end() > match.start() and match.start() >= covered and match.end() > hint:
                spans.append((match.start(), match.end()))
                covered = match.end()
                break
    return spans


_PAGE_PIECES = st.sampled_from(
    ["\n", " ", "  ", "\t", "UNCLASSIFIED\n", "CONFIDENTIAL", "PAGE 02", "PAGE 03 ", "CAPE T",
     "00097", "BAKU", " 00001835", " 001.2", " OF ", "003", "002", "OF 003", "01 OF 03", "182017Z",
     "x", "A", "0000", "000", "text. "]
)  # fmt: skip


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_page_scan_matches_the_six_line_scan_on_every_sample(name):
    text = "".join(_first_pass(TEXTS[name])[0])
    assert _page_spans(text) == _page_spans_scanning_six_lines_up(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PAGE_PIECES, max_size=40).map("".join))
def test_page_scan_matches_the_six_line_scan_on_page_soup(text):
    assert _page_spans(text) == _page_spans_scanning_six_lines_up(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=" \nAB\t\r", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_header_lines_are_those_found_one_by_one(text, start, end):
    """header_lines splits at once what the first version found line by line."""
    start, end = min(start, len(text)), min(max(start, end), len(text))
    one_by_one, position = [], start
    while position < end:
        newline = text.find("\n", position, end)
        line_end = end if newline == -1 else newline
        one_by_one.append((text[position:line_end], position, line_end))
        position = line_end + 1
    assert header.header_lines(text, start, end) == one_by_one


# -- the DTG line that starts a telegram (parser.DTG_START) ---------------------

_DTG_PIECES = st.sampled_from(
    ["\n", " ", "\t", "P ", "O ", "R R ", "Z", "Y", "p", "191347Z FEB 08", "191347Z", " FEB ", "08",
     "P 191347Z FEB 08", "x", "1", "\n\n", "PP RUEHWEB"]
)  # fmt: skip


def _dtg_spans(text: str, start: int, end: int) -> tuple:
    fast = search_after_breaks(DTG_START, _DTG_CANDIDATE, text, start, end)
    plain = DTG_START.search(text, start, end)
    return tuple(None if m is None else m.span() for m in (fast, plain))


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_dtg_search_matches_the_pattern_on_every_sample(name):
    text = normalise(TEXTS[name]).text
    for start in sorted({0, 1, len(text) // 3}):
        fast, plain = _dtg_spans(text, start, len(text))
        assert fast == plain


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_DTG_PIECES, max_size=20).map("".join), st.integers(0, 20), st.integers(0, 5))
def test_dtg_search_matches_the_pattern_on_soup(text, start, cut_end):
    start = min(start, len(text))
    fast, plain = _dtg_spans(text, start, max(start, len(text) - cut_end))
    assert fast == plain


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_line_numbers_are_those_of_the_raw_map(name):
    """line_number(p) is the raw line of to_raw(p, p): also with page cuts and bulk continuations."""
    raw = TEXTS[name]
    clean = normalise(raw)
    for position in [*range(0, len(clean.text), 7), len(clean.text)]:
        raw_position = clean.to_raw(position, position)[0]
        assert clean.line_number(position) == raw.count("\n", 0, raw_position) + 1
