"""One table style for the lessons: whole cells, wrapped and left-aligned text, no 0..n index,
human headers, numbers right-aligned, a horizontal scroll bar when wide; and no lesson
output holds a cell that pandas cut short ("...").
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from nbrun import run_notebook

from cable_utils.lessons import readable_tables
from cable_utils.views.tables import TABLE_MAX_ROWS, human_header, table_html

REPO = Path(__file__).resolve().parent.parent
LESSONS = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
LONG = "Azerbaijan " * 30  # 330 characters: pandas' display cuts at 50
CELL = re.compile(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", re.S)


def _cells(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in CELL.findall(html)]


def test_text_is_whole_wrapped_and_left_aligned() -> None:
    html = table_html(pd.DataFrame({"definition": [LONG.strip()], "words": [330]}))
    assert LONG.strip() in _cells(html)
    text_cell = re.search(r'<td style="([^"]*)">Azerbaijan', html).group(1)
    assert "text-align:left" in text_cell and "white-space:normal" in text_cell
    assert "word-break:normal" in text_cell  # wrapped at spaces, not inside words
    number_cell = re.search(r'<td style="([^"]*)">330<', html).group(1)
    assert "text-align:right" in number_cell
    assert 'class="cable-table-wrap" style="overflow-x:auto' in html  # scrolls when wide


def test_no_index_and_human_headers() -> None:
    frame = pd.DataFrame({"speaker_name": ["Ibrahimov"], "id": ["x"], "start": [3]})
    html = table_html(frame)
    headers = re.findall(r"<th\s[^>]*>(.*?)</th>", html)
    assert headers == ["Speaker name", "ID", "Start (raw offset)"]
    assert ">0<" not in html  # no 0..n index
    assert human_header("C3") == "C3" and human_header("what it means") == "What it means"
    assert human_header("un_member") == "UN member"  # (lesson 04's table read "Un member")


def test_the_row_numbers_a_filter_keeps_are_no_column() -> None:
    """Lesson 06's ``web[web.cited_in_corpus]`` showed its rows' old numbers (32 … 752)
    as a first column without a header."""
    frame = pd.DataFrame({"citing": ["a", "b", "c", "d"], "n": [1, 2, 3, 4]})
    kept = frame[frame.n != 3]  # rows 0, 1, 3: no longer a range
    assert re.findall(r"<th\s[^>]*>(.*?)</th>", table_html(kept)) == ["Citing", "N"]
    years = pd.DataFrame({"cables": [3]}, index=pd.Index([2008], name="year"))
    assert re.findall(r"<th\s[^>]*>(.*?)</th>", table_html(years)) == ["Year", "Cables"]


def test_a_meaningful_index_becomes_the_first_column() -> None:
    frame = pd.DataFrame({"C1": ["FAVOR"]}, index=pd.Index(["goaj"], name="actor"))
    html = table_html(frame)
    assert re.findall(r"<th\s[^>]*>(.*?)</th>", html) == ["Actor", "C1"]
    assert _cells(html)[2:] == ["goaj", "FAVOR"]


def test_cells_are_escaped_and_empty_values_blank() -> None:
    frame = pd.DataFrame({"text": ["<script>x</script>", None], "n": [1.5, float("nan")]})
    html = table_html(frame)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert _cells(html)[2:] == ["&lt;script&gt;x&lt;/script&gt;", "1.5", "", ""]


def test_long_tables_say_how_many_rows_are_left_out() -> None:
    frame = pd.DataFrame({"n": range(TABLE_MAX_ROWS + 5)})
    html = table_html(frame)
    assert html.count("<tr>") == TABLE_MAX_ROWS + 1  # header row + shown rows
    assert "5 more rows not shown" in html


class _Formatter:
    """IPython's HTML formatter, as far as readable_tables uses it."""

    def __init__(self) -> None:
        self.type_printers: dict[type, object] = {}

    def for_type(self, kind: type, printer: object) -> None:
        self.type_printers[kind] = printer


class _Shell:
    def __init__(self) -> None:
        self.display_formatter = type("Display", (), {"formatters": {"text/html": _Formatter()}})


def test_readable_tables_is_the_notebook_display_of_dataframes() -> None:
    shell = _Shell()
    formatter = shell.display_formatter.formatters["text/html"]
    frame = pd.DataFrame({"definition": [LONG]})
    assert readable_tables(shell=shell) is True
    assert formatter.type_printers[pd.DataFrame](frame) == table_html(frame)
    assert readable_tables(False, shell=shell) is False
    assert pd.DataFrame not in formatter.type_printers  # pandas' own display again
    # in a real kernel: no lesson shows pandas' own table (test_no_lesson_output_holds_a_cut_cell)


def test_outside_ipython_nothing_changes() -> None:
    assert readable_tables() in (True, False)  # no error in a plain interpreter either


@pytest.mark.notebook
@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS, ids=[p.stem for p in LESSONS])
def test_no_lesson_output_holds_a_cut_cell(lesson: Path, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(tmp_path))
    nb = run_notebook(lesson, cable_id="08BAKU151")
    tables = 0
    cut = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html", "")
            html = "".join(html) if isinstance(html, list) else html
            if "<table" not in html:
                continue
            tables += 1
            assert 'class="dataframe"' not in html, f"cell {index}: pandas' own table display"
            cut += [(index, c) for c in _cells(html) if c.endswith(("...", "…"))]
    assert tables, f"{lesson.name}: no table output, so the check proves nothing"
    assert not cut, f"{lesson.name}: cells cut short: {cut[:5]}"


def test_wide_tables_share_the_lesson_column() -> None:
    """Lesson 03's actors table was 2,500 px wide in a 1,226 px column: its last columns
    (mentions, statements) were out of sight. Wrapped columns now share what is left."""
    import re

    from cable_utils.views.tables import _TABLE_BUDGET_EM

    paragraph = "A long sentence of the kind a quote or a note holds, " * 4
    wide = pd.DataFrame({f"text {i}": [paragraph] for i in range(4)} | {"n": [3]})
    widths = [float(w) for w in re.findall(r"min-width:(\d+)em", table_html(wide))]
    assert len(widths) == 4
    assert sum(widths) + 4 * 1.5 <= _TABLE_BUDGET_EM
    # One long column alone keeps the width it wants.
    alone = table_html(pd.DataFrame({"quote": [paragraph * 3]}))
    assert re.findall(r"min-width:(\d+)em", alone) == ["36"]


def test_short_text_wraps_when_the_columns_would_not_fit_on_one_line() -> None:
    """Lesson 03's actors table has eleven columns, most of them short: each on one
    line, they made the table 1,575 px wide in an 848 px column."""
    import re

    short = {f"column {i}": ["Khazar Ibrahimov, MFA"] for i in range(10)}
    dated = {"date": ["2008-02-19"], "id": ["08BAKU151"]}
    many = pd.DataFrame(dated | short | {"note": ["A longer note on the actor, " * 6]})
    cells = re.findall(r'<td style="([^"]*)"', table_html(many))
    assert all("white-space:normal" in style for style in cells[2:])
    # A date or an ID stays whole ("2008-/02-19", "08/BA/KU/151" read as slips), and no
    # cell may break a word anywhere.
    assert all("white-space:nowrap" in style for style in cells[:2])
    assert not any("overflow-wrap:anywhere" in style for style in cells)
    few = pd.DataFrame({"name": ["Khazar Ibrahimov"], "type": ["person"]})
    assert all(
        "white-space:nowrap" in s for s in re.findall(r'<td style="([^"]*)"', table_html(few))
    )


def test_shares_are_shown_as_percentages() -> None:
    """Lesson 06's tables showed shares as 0.522, 0.083 beside their counts."""
    frame = pd.DataFrame({"classification": ["SECRET", "C", "U"], "cables": [334, 53, 1],
                          "share": [0.522, 0.083, 0.004]})  # fmt: skip
    assert _cells(table_html(frame))[-9:] == [
        "SECRET",
        "334",
        "52%",
        "C",
        "53",
        "8%",
        "U",
        "1",
        "0.4%",
    ]
    counts = pd.DataFrame({"share": [3, 4]})  # not fractions: left as numbers
    assert _cells(table_html(counts))[-2:] == ["3", "4"]
