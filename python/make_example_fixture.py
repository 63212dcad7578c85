"""Writes the example fixture of ExampleSerdeTest with json and struct alone, independently of the Java writer.

The layout is what the safetensors reference writer (its Rust core, used by ``safetensors.numpy.save``) produces, after
autodidact's one version byte: ``__metadata__`` first, then the arrays sorted by descending dtype size class (I64, F32,
I32, I16, U8, BOOL) and then by name, with offsets in that order; compact JSON, UTF-8 unescaped, padded with spaces
to a multiple of 8. ``--shuffled`` lists the same header entries in reverse order (offsets unchanged), which every
reader must accept.

Run: /usr/bin/python3 python/make_example_fixture.py [--shuffled] (prints base64, 76 characters a line).
"""
import base64
import json
import struct
import sys

VERSION = 1

# (name, dtype, shape, struct format of one element, values), in the reference writer's order.
ARRAYS = [
    ("mask.index", "I64", [3], "q", [0, 5, -(2 ** 40)]),
    ("target", "F32", [2, 2], "f", [1.5, -2.0, 0.0, 3.25]),
    ("length", "I32", [], "i", [7]),
    ("tokens", "I16", [4], "h", [1, -2, 300, -32768]),
    ("empty", "U8", [0, 3], "B", []),
    ("view.0", "U8", [2, 2, 3], "B", list(range(0, 240, 20))),
    ("mask", "BOOL", [4], "B", [1, 0, 0, 1]),
]
METADATA = {"modality": "image", "recipe": "simclr-v1", "note": "café"}


def example_bytes(shuffled=False):
    entries = [("__metadata__", METADATA)]
    data = b""
    for name, dtype, shape, fmt, values in ARRAYS:
        blob = struct.pack("<%d%s" % (len(values), fmt), *values)
        entries.append((name, {"dtype": dtype, "shape": shape, "data_offsets": [len(data), len(data) + len(blob)]}))
        data += blob
    if shuffled:
        entries.reverse()
    header = json.dumps(dict(entries), separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    header += b" " * (-len(header) % 8)
    return bytes([VERSION]) + struct.pack("<Q", len(header)) + header + data


if __name__ == "__main__":
    print(base64.encodebytes(example_bytes("--shuffled" in sys.argv[1:])).decode("ascii"), end="")
