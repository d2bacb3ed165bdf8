"""What a reader sees: pandas tables, escaped HTML, plotly figures.

- :mod:`.tables`: DataFrames of a cable's parts, each with raw ``start``/``end`` offsets.
- :mod:`.render`: escaped HTML (highlighted segments, the summary card).
- :mod:`.plots`: accessible, offline plotly figures, returned and never shown.
"""
