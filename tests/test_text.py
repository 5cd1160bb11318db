"""Typed plain text is cleaned the same way in every app."""

from humas_portal.text import clean_line, clean_text

HOSTILE = "  Bimtek\r\nHumas\u202etxt.exe\u200b\u200d\ufeff\x00 Palu\t "


def test_a_line_loses_breaks_invisible_and_control_characters():
    assert clean_line(HOSTILE) == "Bimtek Humastxt.exe Palu"


def test_text_keeps_its_line_breaks_only():
    assert clean_text("Baris satu\r\nBaris\u202e dua\x07") == "Baris satu\nBaris dua"
