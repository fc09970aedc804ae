"""The picture a terminal would show after some output: a grid of cells, each with its
character and style, fed the bytes an app writes; enough of a VT100 to follow a Textual
app (cursor moves, SGR styles, text, erases).

The first-paint detector reads the screen, not the byte stream: Textual writes a line as
styled segments with escapes between them and a pty read may split a write anywhere, so
a phrase is found in the grid where it is drawn, once every segment of it has arrived
(an escape cut at a read's end waits for the rest). The step-latency detector compares
`snapshot()`s: Textual often paints a screen again unchanged, and only a paint that
changes a character or a style counts. Whole writes are cut into tokens by a regular
expression, fast enough to follow every paint of a walk.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

_TOKEN = re.compile(
    r"\x1b\[(?P<params>[0-?]*)[ -/]*(?P<final>[@-~])"  # CSI
    r"|\x1b[\]P^_X][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC and other strings: skipped
    r"|\x1b[^\[\]P^_X]"  # other escapes
    r"|(?P<text>[^\x1b]+)", re.S)
_UNFINISHED = re.compile(r"\x1b(?:\[[0-?]*[ -/]*|[\]P^_X][^\x07]*(?:\x1b)?)?$", re.S)
"""An escape cut off at the end of a write: kept for the next."""


class TerminalScreen:
    """`rows` x `cols` cells; `feed` output (bytes, or `feed_text`), read `text()` or
    compare `snapshot()`s."""

    def __init__(self, rows: int, cols: int) -> None:
        self.rows, self.cols = rows, cols
        self._chars = [[" "] * cols for _ in range(rows)]
        self._styles = [[""] * cols for _ in range(rows)]
        self._x = self._y = 0
        self._style = ""
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self._pending = ""

    def feed(self, data: bytes) -> None:
        self.feed_text(self._decoder.decode(data))

    def feed_text(self, data: str) -> None:
        data = self._pending + data
        cut = _UNFINISHED.search(data)
        self._pending = data[cut.start():] if cut else ""
        for token in _TOKEN.finditer(data[:cut.start()] if cut else data):
            if (text := token.group("text")) is not None:
                self._text(text)
            elif (final := token.group("final")) is not None:
                self._csi(token.group("params"), final)

    def text(self) -> str:
        """The screen's rows, trailing blanks dropped, one a line."""
        return "\n".join("".join(row).rstrip() for row in self._chars)

    def snapshot(self) -> tuple[str, ...]:
        """Every row's characters, then every row's styles."""
        return (*("".join(row) for row in self._chars),
                *("\x00".join(row) for row in self._styles))

    def _text(self, text: str) -> None:
        for char in text:
            if char < " " or char == "\x7f":
                self._control(char)
                continue
            if not char.isascii() and unicodedata.combining(char):
                continue
            if self._x < self.cols:
                self._chars[self._y][self._x] = char
                self._styles[self._y][self._x] = self._style
            wide = not char.isascii() and unicodedata.east_asian_width(char) in ("W", "F")
            self._x = min(self._x + (2 if wide else 1), self.cols)

    def _control(self, char: str) -> None:
        if char == "\r":
            self._x = 0
        elif char == "\n":
            self._y = min(self._y + 1, self.rows - 1)
        elif char == "\b":
            self._x = max(self._x - 1, 0)
        elif char == "\t":
            self._x = min((self._x // 8 + 1) * 8, self.cols - 1)

    def _csi(self, params: str, final: str) -> None:
        if params.startswith(("?", ">", "<", "=")):  # private modes and queries
            return
        numbers = [int(p) if p.isdigit() else 0 for p in params.split(";")] if params else []

        def arg(index: int, default: int) -> int:
            value = numbers[index] if index < len(numbers) else 0
            return value or default

        if final == "m":
            self._sgr(params)
        elif final in "Hf":
            self._y = min(arg(0, 1), self.rows) - 1
            self._x = min(arg(1, 1), self.cols) - 1
        elif final in "ABCD":
            step = arg(0, 1)
            dy = {"A": -step, "B": step}.get(final, 0)
            dx = {"C": step, "D": -step}.get(final, 0)
            self._y = max(0, min(self._y + dy, self.rows - 1))
            self._x = max(0, min(self._x + dx, self.cols - 1))
        elif final == "G":
            self._x = min(arg(0, 1), self.cols) - 1
        elif final == "d":
            self._y = min(arg(0, 1), self.rows) - 1
        elif final == "J":
            self._erase_display(arg(0, 0) if numbers else 0)
        elif final == "K":
            self._erase_line(self._y, arg(0, 0) if numbers else 0)

    def _erase_display(self, how: int) -> None:
        rows = (range(self.rows) if how in (2, 3) else
                range(self._y + 1, self.rows) if how == 0 else range(self._y))
        if how not in (2, 3):
            self._erase_line(self._y, how)
        for y in rows:
            self._erase_line(y, 2)

    def _erase_line(self, y: int, how: int) -> None:
        start, end = {0: (self._x, self.cols), 1: (0, self._x + 1)}.get(how, (0, self.cols))
        self._chars[y][start:end] = [" "] * (end - start)
        self._styles[y][start:end] = [self._style] * (end - start)

    def _sgr(self, params: str) -> None:
        """The style as the codes given since the last reset (Rich writes each styled
        segment as a full SGR, then a reset)."""
        codes = params.split(";") if params else ["0"]
        if codes[0] in ("", "0"):
            self._style, codes = "", codes[1:]
        if codes:
            self._style = ";".join([self._style, *codes] if self._style else codes)
