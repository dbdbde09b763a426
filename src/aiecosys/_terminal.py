r"""What the command line prints: text that no data can turn into terminal commands.

Data may hold characters a terminal acts on: ESC and the other C0 and C1 control characters
(``"\x1b[2J"`` clears the screen, ``"\x9b"`` starts a command on some terminals), bidi
overrides that reorder what is shown, and lone surrogates that no encoding can write. Text
output shows each as a visible escape (``\x1b``, ``\u202e``); JSON output writes them as
``\u`` escapes, which read back to the same string. Standard output and error also replace
what their encoding cannot show (``PYTHONIOENCODING=latin-1``, a cp437 console) with
backslash escapes instead of failing.
"""

from __future__ import annotations

import io
import os
import re
import sys

__all__ = ["json_safe", "printable", "quiet_broken_pipe", "tolerant_streams"]

# C0 controls but newline and tab, DEL, C1 controls, bidi marks, overrides and isolates,
# and lone surrogates.
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE_TEXT = re.compile(f"[{_UNSAFE}]")
# In JSON text, C0 controls are already escaped by the encoder; the rest may still be raw.
_UNSAFE_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"  # noqa: PLR2004


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def printable(text: str) -> str:
    r"""Return *text* with every character a terminal would act on shown as an escape.

    Newlines and tabs are kept; the layout of a table or a list is the caller's.

    Examples:
        >>> printable("Acme\x1b[2J \u202eevil")
        'Acme\\x1b[2J \\u202eevil'
    """
    return _UNSAFE_TEXT.sub(_visible, text)


def json_safe(text: str) -> str:
    r"""Return JSON *text* with C1 controls, bidi controls and lone surrogates as ``\u`` escapes.

    The result is valid JSON that reads back to the same values.

    Examples:
        >>> json_safe('{"name": "a\x9bb"}')
        '{"name": "a\\u009bb"}'
    """
    return _UNSAFE_JSON.sub(_json_escape, text)


def tolerant_streams() -> None:
    """Make standard output and error write what their encoding lacks as backslash escapes."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def quiet_broken_pipe() -> None:
    """Point standard output at the null device after the reader went away (``| head``).

    This is the recipe of the Python documentation (``signal`` module, "Note on SIGPIPE"):
    Python would otherwise report a second broken pipe when it flushes standard output at exit.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - stdout without a file descriptor
        return
