"""The picture a terminal shows, character and style in each cell, after a Textual App's
paints (the bytes it sends: cursor moves, SGR styles, text), so that a paint that leaves
the picture as it was (Textual often paints a screen again unchanged) can be told from
one that changes it. Fed whole paints, parsed with a regular expression: fast enough to
follow every paint of a walk (headless.py feeds it outside the timed part)."""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(
    r"\x1b\[(?P<params>[0-?]*)[ -/]*(?P<final>[@-~])"  # CSI
    r"|\x1b[\]P^_X][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC and other strings: skipped
    r"|\x1b.?"  # other escapes
    r"|(?P<text>[^\x1b]+)", re.S)


class Picture:
    """`rows` x `cols` cells: `feed` a paint's bytes (as text), compare `snapshot()`s."""

    def __init__(self, rows: int, cols: int) -> None:
        self.rows, self.cols = rows, cols
        self._chars = [[" "] * cols for _ in range(rows)]
        self._styles = [[""] * cols for _ in range(rows)]
        self._x = self._y = 0
        self._style = ""

    def feed(self, data: str) -> None:
        for token in _TOKEN.finditer(data):
            if (text := token.group("text")) is not None:
                self._text(text)
            elif (final := token.group("final")) is not None:
                self._csi(token.group("params"), final)

    def snapshot(self) -> tuple[str, ...]:
        """Every row's characters, then every row's styles."""
        return (*("".join(row) for row in self._chars),
                *("\x00".join(row) for row in self._styles))

    def text(self) -> str:
        return "\n".join("".join(row).rstrip() for row in self._chars)

    def _text(self, text: str) -> None:
        for char in text:
            if char < " " or char == "\x7f":
                if char == "\r":
                    self._x = 0
                elif char == "\n":
                    self._y = min(self._y + 1, self.rows - 1)
                continue
            if not char.isascii() and unicodedata.combining(char):
                continue
            if self._x < self.cols:
                self._chars[self._y][self._x] = char
                self._styles[self._y][self._x] = self._style
            wide = not char.isascii() and unicodedata.east_asian_width(char) in ("W", "F")
            self._x = min(self._x + (2 if wide else 1), self.cols)

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
        elif final == "J" and arg(0, 0) in (2, 3):
            self._chars = [[" "] * self.cols for _ in range(self.rows)]
            self._styles = [[self._style] * self.cols for _ in range(self.rows)]
        elif final == "K":
            start, end = {0: (self._x, self.cols), 1: (0, self._x + 1)}.get(
                arg(0, 0) if numbers else 0, (0, self.cols))
            self._chars[self._y][start:end] = [" "] * (end - start)
            self._styles[self._y][start:end] = [self._style] * (end - start)

    def _sgr(self, params: str) -> None:
        """The style as the codes given since the last reset (Rich writes each styled
        segment as a full SGR, then a reset)."""
        codes = params.split(";") if params else ["0"]
        if codes[0] in ("", "0"):
            self._style, codes = "", codes[1:]
        if codes:
            self._style = ";".join([self._style, *codes] if self._style else codes)
