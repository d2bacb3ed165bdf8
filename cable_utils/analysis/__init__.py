"""What a lesson asks of a parsed cable: actors, arguments, voices, redaction, places, remixing.

Everything here reads the :class:`~cable_utils.model.Cable` model; nothing here
knows the telegram layout (that is :mod:`cable_utils.parse`).
"""
