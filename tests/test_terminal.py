"""What the CLI prints cannot carry terminal commands, and never fails on an encoding."""

import json

import pytest

from aiecosys._terminal import json_safe, printable

HOSTILE = [
    "\x1b[2J",  # ESC: clear the screen
    "\x1b]0;owned\x07",  # OSC: set the window title, BEL
    "\x9b31m",  # C1 CSI
    "\x07",  # BEL
    "\x08\x08",  # backspaces that overwrite what was printed
    "\r",  # carriage return: overwrite the line
    "\x7f",  # DEL
    "\u202eevil",  # right-to-left override
    "\u2066x\u2069",  # isolates
    "\ud800",  # a lone surrogate
]


@pytest.mark.parametrize("text", HOSTILE)
def test_printable_shows_every_control_as_a_visible_escape(text: str):
    """No character a terminal acts on survives printable(); each becomes a backslash escape."""
    shown = printable(f"a{text}b")
    assert shown.isascii() or not any(c in shown for c in text)
    assert all(c.isprintable() for c in shown)
    assert "\\" in shown


def test_printable_keeps_newlines_tabs_and_ordinary_unicode():
    """Layout characters and letters of every script are left alone."""
    text = "Café 零一万物\tcol\nnext “quoted”"
    assert printable(text) == text


@pytest.mark.parametrize("text", HOSTILE)
def test_json_safe_escapes_and_reads_back_the_same(text: str):
    """JSON output has no raw control characters and still decodes to the same string."""
    encoded = json_safe(json.dumps({"name": text}, ensure_ascii=False))
    assert all(c.isprintable() for c in encoded)
    assert json.loads(encoded) == {"name": text}
