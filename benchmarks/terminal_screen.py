"""The text a terminal would show after some output: a grid of cells fed the bytes an app
writes, enough of a VT100 to follow a Textual app (cursor moves, text, erases).

The first-paint detector reads the screen, not the byte stream: Textual writes a line as
styled segments with escapes between them and may split a write anywhere, so a phrase is
found in the grid where it is drawn, once every segment of it has arrived.
"""

from __future__ import annotations

import codecs
import unicodedata

_GROUND, _ESC, _CSI, _STRING, _STRING_ESC = range(5)


class TerminalScreen:
    """`rows` x `cols` cells; `feed` the app's output, read `text()`."""

    def __init__(self, rows: int, cols: int) -> None:
        self.rows, self.cols = rows, cols
        self._cells = [[" "] * cols for _ in range(rows)]
        self._y = self._x = 0
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self._state = _GROUND
        self._params = ""

    def feed(self, data: bytes) -> None:
        for char in self._decoder.decode(data):
            self._char(char)

    def text(self) -> str:
        """The screen's rows, trailing blanks dropped, one a line."""
        return "\n".join("".join(row).rstrip() for row in self._cells)

    def _char(self, char: str) -> None:
        code = ord(char)
        if self._state == _GROUND:
            if char == "\x1b":
                self._state = _ESC
            elif code < 0x20 or code == 0x7F:
                self._control(char)
            else:
                self._print(char)
        elif self._state == _ESC:
            if char == "[":
                self._state, self._params = _CSI, ""
            elif char in "]PX^_":  # OSC, DCS, SOS, PM, APC: a string up to BEL or ST
                self._state = _STRING
            elif not 0x20 <= code <= 0x2F:  # intermediates wait for their final
                self._state = _GROUND
        elif self._state == _CSI:
            if 0x40 <= code <= 0x7E:
                self._state = _GROUND
                self._csi(self._params, char)
            else:
                self._params += char
        elif self._state == _STRING:
            if char == "\x07":
                self._state = _GROUND
            elif char == "\x1b":
                self._state = _STRING_ESC
        else:  # _STRING_ESC: ESC \ ends the string
            self._state = _GROUND if char == "\\" else _STRING

    def _control(self, char: str) -> None:
        if char == "\r":
            self._x = 0
        elif char == "\n":
            self._y = min(self._y + 1, self.rows - 1)
        elif char == "\b":
            self._x = max(self._x - 1, 0)
        elif char == "\t":
            self._x = min((self._x // 8 + 1) * 8, self.cols - 1)

    def _print(self, char: str) -> None:
        width = unicodedata.east_asian_width(char)
        if unicodedata.combining(char):
            return
        if self._x < self.cols:
            self._cells[self._y][self._x] = char
        self._x = min(self._x + (2 if width in ("W", "F") else 1), self.cols)

    def _csi(self, params: str, final: str) -> None:
        if params.startswith(("?", ">", "<", "=")):  # private modes and queries
            return
        numbers = [int(p) if p.isdigit() else 0 for p in params.split(";")] if params else []

        def arg(index: int, default: int) -> int:
            value = numbers[index] if index < len(numbers) else 0
            return value or default

        if final in "Hf":
            self._y = min(arg(0, 1), self.rows) - 1
            self._x = min(arg(1, 1), self.cols) - 1
        elif final == "A":
            self._y = max(self._y - arg(0, 1), 0)
        elif final == "B":
            self._y = min(self._y + arg(0, 1), self.rows - 1)
        elif final == "C":
            self._x = min(self._x + arg(0, 1), self.cols - 1)
        elif final == "D":
            self._x = max(self._x - arg(0, 1), 0)
        elif final == "G":
            self._x = min(arg(0, 1), self.cols) - 1
        elif final == "d":
            self._y = min(arg(0, 1), self.rows) - 1
        elif final == "J":
            self._erase_display(arg(0, 0) if numbers else 0)
        elif final == "K":
            self._erase_line(arg(0, 0) if numbers else 0)

    def _erase_display(self, how: int) -> None:
        if how in (2, 3):
            self._cells = [[" "] * self.cols for _ in range(self.rows)]
            return
        self._erase_line(how)
        rows = range(self._y + 1, self.rows) if how == 0 else range(self._y)
        for y in rows:
            self._cells[y] = [" "] * self.cols

    def _erase_line(self, how: int) -> None:
        row = self._cells[self._y]
        start, end = {0: (self._x, self.cols), 1: (0, self._x + 1)}.get(how, (0, self.cols))
        row[start:end] = [" "] * (end - start)
