"""The digest's PNG charts: valid PNG, small, the same bytes for the same numbers,
and bars that say what the numbers say."""

from __future__ import annotations

import struct
import zlib

import pytest

from bot.adapters.charts import BAR, BG, LAST, PALETTE, bar_chart, png


def decode(data: bytes) -> tuple[int, int, list[bytes], list[tuple[int, int, int]]]:
    """A minimal PNG reader for what charts.png writes (8-bit indexed, filter 0),
    checking every chunk's CRC on the way."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks = 8, []
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert crc == zlib.crc32(kind + body), kind
        chunks.append((kind, body))
        pos += 12 + length
    assert [k for k, _ in chunks] == [b"IHDR", b"PLTE", b"IDAT", b"IEND"]
    width, height, depth, colour, *_ = struct.unpack(">IIBBBBB", chunks[0][1])
    assert (depth, colour) == (8, 3)
    plte = chunks[1][1]
    palette = [tuple(plte[i : i + 3]) for i in range(0, len(plte), 3)]
    raw = zlib.decompress(chunks[2][1])
    assert len(raw) == height * (width + 1)
    rows = [raw[y * (width + 1) : (y + 1) * (width + 1)] for y in range(height)]
    assert all(r[0] == 0 for r in rows)
    return width, height, [r[1:] for r in rows], palette


def test_png_round_trips():
    pixels = bytes([0, 1, 2, 3, 4, 5] * 2)
    width, height, rows, palette = decode(png(3, 4, pixels, PALETTE))
    assert (width, height) == (3, 4)
    assert b"".join(rows) == pixels
    assert palette == list(PALETTE)
    with pytest.raises(ValueError):
        png(3, 3, pixels, PALETTE)


def column(rows: list[bytes], x: int) -> list[int]:
    return [r[x] for r in rows]


def test_bar_chart_draws_each_week_to_scale():
    chart = bar_chart([4, None, 8, 0, 6], ["44", "45", "46", "47", "48"])
    assert (chart.width, chart.height) == (176, 88)
    width, height, rows, _ = decode(chart.png)
    assert (width, height) == (2 * 176, 2 * 88)  # drawn at twice the display size
    slot = width // 5
    heights = []
    for i in range(5):
        col = column(rows, i * slot + slot // 2 - 4)  # inside the bar, beside any label
        heights.append(sum(1 for c in col if c in (BAR, LAST)))
    assert heights[1] == 0 and heights[3] == 0  # no data, and zero: no bar
    assert heights[2] > heights[4] > heights[0] > 0
    assert abs(heights[0] * 2 - heights[2]) <= 2  # 4 is half of 8
    last = column(rows, 4 * slot + slot // 2 - 4)
    assert LAST in last and BAR not in last  # the week just ended stands out
    assert all(c in (BG, BAR) or c > LAST for c in column(rows, slot // 2 - 4))


def test_bar_chart_is_deterministic_and_small():
    a = bar_chart([0.5, 0.75, 1.0, 0.9, 0.83], ["44", "45", "46", "47", "48"], top=1.0)
    b = bar_chart([0.5, 0.75, 1.0, 0.9, 0.83], ["44", "45", "46", "47", "48"], top=1.0)
    assert a.png == b.png
    assert len(a.png) < 4000
    assert bar_chart([1, 2], ["a", "b"]).png != bar_chart([2, 1], ["a", "b"]).png


def test_a_chart_with_nothing_in_it_is_still_a_chart():
    chart = bar_chart([None, None, 0], ["46", "47", "48"])
    width, height, rows, _ = decode(chart.png)
    assert not any(c in (BAR, LAST) for r in rows for c in r)
    with pytest.raises(ValueError):
        bar_chart([1, 2], ["only one label"])
