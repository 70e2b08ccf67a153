#!/usr/bin/env python3
"""Draws Pexper's icon (three workflow nodes joined by two edges on a rounded square) as PNGs.

Pure Python so it runs anywhere: `releng/bin/make-icons.py bundles/com.pexper.ui/icons`.
"""
import math
import struct
import sys
import zlib

BACKGROUND = (37, 99, 235)   # blue
EDGE = (191, 219, 254)
NODE = (255, 255, 255)


def inside_rounded_square(x, y, size, radius):
    cx = min(max(x, radius), size - radius)
    cy = min(max(y, radius), size - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def distance_to_segment(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def pixel(x, y, size):
    """RGBA of the pixel centre (x, y), 4x supersampled for smooth edges."""
    nodes = [(0.28, 0.30), (0.28, 0.72), (0.74, 0.51)]
    r_node = 0.12 * size
    width = 0.06 * size
    samples = []
    for sx in (0.125, 0.375, 0.625, 0.875):
        for sy in (0.125, 0.375, 0.625, 0.875):
            px, py = x + sx, y + sy
            if not inside_rounded_square(px, py, size, 0.22 * size):
                samples.append(None)
                continue
            colour = BACKGROUND
            for a, b in ((nodes[0], nodes[2]), (nodes[1], nodes[2])):
                if distance_to_segment(px, py, a[0] * size, a[1] * size, b[0] * size, b[1] * size) <= width / 2:
                    colour = EDGE
            for n in nodes:
                if math.hypot(px - n[0] * size, py - n[1] * size) <= r_node:
                    colour = NODE
            samples.append(colour)
    covered = [s for s in samples if s is not None]
    if not covered:
        return (0, 0, 0, 0)
    rgb = [round(sum(c[i] for c in covered) / len(covered)) for i in range(3)]
    return (*rgb, round(255 * len(covered) / len(samples)))


def png(size):
    rows = b"".join(b"\x00" + bytes(v for x in range(size) for v in pixel(x, y, size)) for y in range(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    folder = sys.argv[1]
    for size in (16, 32, 48, 64, 128, 256):
        with open(f"{folder}/pexper-{size}.png", "wb") as out:
            out.write(png(size))
