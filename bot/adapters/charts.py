"""Small PNG charts for the weekly digest, drawn without a plotting library.

A chart is a few flat rectangles and digits, so a palette image, a 5x7 pixel font
and zlib are enough: each chart is a couple of kilobytes, looks the same in every
mail client (Outlook desktop included) and is byte-for-byte the same for the same
numbers (replays compare files). Images are drawn at twice their display size so
they stay sharp on high-density screens; the email sets the display size.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["BarChart", "bar_chart", "png"]

# Palette indices
BG, BAR, LAST, TEXT, AXIS, STRONG = range(6)
PALETTE: tuple[tuple[int, int, int], ...] = (
    (0xFF, 0xFF, 0xFF),  # background
    (0xB9, 0xC8, 0xDC),  # earlier weeks
    (0x1D, 0x4F, 0x91),  # the week just ended
    (0x5F, 0x63, 0x68),  # labels
    (0xC9, 0xCE, 0xD6),  # baseline, "no data" marks
    (0x1B, 0x1B, 0x1B),  # the week just ended's value
)

# 5x7 glyphs, one string of 5 bits per row. Only what the charts print.
_GLYPHS: dict[str, tuple[str, ...]] = {
    "0": ("01110", "10001", "10011", "10101", "11001", "10001", "01110"),
    "1": ("00100", "01100", "00100", "00100", "00100", "00100", "01110"),
    "2": ("01110", "10001", "00001", "00010", "00100", "01000", "11111"),
    "3": ("11111", "00010", "00100", "00010", "00001", "10001", "01110"),
    "4": ("00010", "00110", "01010", "10010", "11111", "00010", "00010"),
    "5": ("11111", "10000", "11110", "00001", "00001", "10001", "01110"),
    "6": ("00110", "01000", "10000", "11110", "10001", "10001", "01110"),
    "7": ("11111", "00001", "00010", "00100", "01000", "01000", "01000"),
    "8": ("01110", "10001", "10001", "01110", "10001", "10001", "01110"),
    "9": ("01110", "10001", "10001", "01111", "00001", "00010", "01100"),
    "W": ("10001", "10001", "10001", "10101", "10101", "10101", "01010"),
    "%": ("11000", "11001", "00010", "00100", "01000", "10011", "00011"),
    ".": ("00000", "00000", "00000", "00000", "00000", "01100", "01100"),
    "-": ("00000", "00000", "00000", "11111", "00000", "00000", "00000"),
    "h": ("10000", "10000", "10110", "11001", "10001", "10001", "10001"),
    " ": ("00000",) * 7,
}


def png(width: int, height: int, pixels: bytes | bytearray, palette: Sequence[tuple[int, int, int]]) -> bytes:
    """An 8-bit indexed-colour PNG from row-major palette indices."""
    if len(pixels) != width * height:
        raise ValueError("pixel data does not match the size")
    raw = b"".join(
        b"\x00" + bytes(pixels[y * width : (y + 1) * width]) for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)
    plte = b"".join(bytes(rgb) for rgb in palette)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"PLTE", plte)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


class _Canvas:
    def __init__(self, width: int, height: int):
        self.width, self.height = width, height
        self.pixels = bytearray(width * height)

    def rect(self, x: int, y: int, w: int, h: int, colour: int) -> None:
        x0, y0 = max(x, 0), max(y, 0)
        x1, y1 = min(x + w, self.width), min(y + h, self.height)
        if x1 <= x0:
            return
        row = bytes([colour]) * (x1 - x0)
        for yy in range(y0, y1):
            start = yy * self.width + x0
            self.pixels[start : start + len(row)] = row

    def text(self, s: str, cx: int, y: int, scale: int, colour: int) -> None:
        """Draw ``s`` centred on ``cx`` with its top at ``y``."""
        x = cx - text_width(s, scale) // 2
        for ch in s:
            glyph = _GLYPHS.get(ch, _GLYPHS[" "])
            for gy, bits in enumerate(glyph):
                for gx, bit in enumerate(bits):
                    if bit == "1":
                        self.rect(x + gx * scale, y + gy * scale, scale, scale, colour)
            x += 6 * scale

    def png(self) -> bytes:
        return png(self.width, self.height, self.pixels, PALETTE)


def text_width(s: str, scale: int) -> int:
    return max(len(s) * 6 - 1, 0) * scale


@dataclass(frozen=True)
class BarChart:
    png: bytes
    width: int  # display size in CSS pixels (the image is twice this)
    height: int


def bar_chart(
    values: Sequence[float | None],
    labels: Sequence[str],
    *,
    shown: Sequence[str] | None = None,
    top: float | None = None,
    width: int = 176,
    height: int = 88,
) -> BarChart:
    """Bars for a few weeks, the last one (the week just ended) dark, each with its
    value above and its label below; ``None`` is a week with no data (a dash).
    ``shown``: the value labels (default: the numbers); ``top``: the scale's top
    (default: the largest value)."""
    if len(values) != len(labels):
        raise ValueError("one label per value")
    scale = 2  # drawn at twice the display size
    w, h = width * scale, height * scale
    font = 3 if w // max(len(values), 1) >= 66 else 2
    canvas = _Canvas(w, h)
    label_h = 7 * font + 10
    value_h = 7 * font + 8
    base = h - label_h  # the baseline's y
    span = base - value_h  # the tallest bar
    biggest = top if top is not None else max((v for v in values if v is not None), default=0)
    slot = w // max(len(values), 1)
    bar_w = max(int(slot * 0.62), 2)
    texts = list(shown) if shown is not None else [_number(v) for v in values]
    for i, value in enumerate(values):
        cx = i * slot + slot // 2
        last = i == len(values) - 1
        canvas.text(labels[i], cx, base + 8, font, STRONG if last else TEXT)
        if value is None:
            canvas.rect(cx - bar_w // 4, base - 3 * scale, bar_w // 2, scale, AXIS)
            continue
        bar_h = round(span * value / biggest) if biggest > 0 else 0
        if value > 0:
            bar_h = max(bar_h, scale)  # a small value still shows
        canvas.rect(cx - bar_w // 2, base - bar_h, bar_w, bar_h, LAST if last else BAR)
        size = font if text_width(texts[i], font) <= slot - 10 else font - 1  # "100%"
        canvas.text(texts[i], cx, base - bar_h - 7 * size - 6, size, STRONG if last else TEXT)
    canvas.rect(0, base, w, scale, AXIS)
    return BarChart(canvas.png(), width, height)


def _number(value: float | None) -> str:
    if value is None:
        return "-"
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
