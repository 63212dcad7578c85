"""Tests of autodidact_records without a broker: /usr/bin/python3 -m unittest discover -s python"""
import json
import struct
import unittest

import numpy as np

import autodidact_records as records
from make_example_fixture import example_bytes


def record(header, data=0, declared=None):
    """Version byte, header length, the header (' for ") padded with spaces, then ``data`` zero bytes."""
    raw = header.replace("'", '"').encode("utf-8") if isinstance(header, str) else header
    raw += b" " * (-len(raw) % 8)
    return bytes([1]) + struct.pack("<Q", len(raw) if declared is None else declared) + raw + bytes(data)


def u8(shape, offsets):
    return "{'dtype':'U8','shape':[%s],'data_offsets':[%s]}" % (shape, offsets)


class ReadExampleTest(unittest.TestCase):
    def assertMalformed(self, value, fragment):
        with self.assertRaises(records.RecordError) as caught:
            records.read_example(value)
        self.assertIn(fragment, str(caught.exception))

    def test_reads_the_fixture_in_offset_order_whatever_the_header_order(self):
        for shuffled in (False, True):
            arrays, metadata = records.read_example(example_bytes(shuffled))
            self.assertEqual(list(arrays), ["mask.index", "target", "length", "tokens", "empty", "view.0", "mask"])
            self.assertEqual(metadata, {"modality": "image", "recipe": "simclr-v1", "note": "caf\u00e9"})
            self.assertEqual(arrays["mask.index"].tolist(), [0, 5, -(2 ** 40)])
            self.assertEqual(arrays["target"].tolist(), [[1.5, -2.0], [0.0, 3.25]])
            self.assertEqual(arrays["length"].shape, ())
            self.assertEqual(int(arrays["length"]), 7)
            self.assertEqual(arrays["tokens"].tolist(), [1, -2, 300, -32768])
            self.assertEqual(arrays["empty"].shape, (0, 3))
            self.assertEqual(arrays["view.0"][1, 1].tolist(), [180, 200, 220])
            self.assertEqual(arrays["mask"].dtype, np.bool_)
            self.assertEqual(arrays["mask"].tolist(), [True, False, False, True])

    def test_rejects_malformed_records(self):
        x = "{'x':" + u8("1", "0,1") + "}"
        cases = [
            (b"V\x01\x00\x02", "too short"),
            (b"\x02" + record(x, 1)[1:], "unsupported format version 2"),
            (record(x, 1, declared=2 ** 40), "out of bounds"),
            (record(x, 1, declared=2 ** 64 - 1), "header length 18446744073709551615"),
            (record(" " * records.MAX_HEADER_BYTES + x, 1), "over the limit of 65536"),
            (bytes([1]) + bytes(records.MAX_RECORD_BYTES), "over the limit"),
            (record("{'x':", 0), "header is not JSON"),
            (record(x + " {}", 1), "header is not JSON"),
            (record("{'x':" + u8("1", "0,1") + ",'x':" + u8("1", "0,1") + "}", 1), "duplicate name 'x'"),
            (record("[" * 5000, 0), "header is not JSON"),
            (record(b'{"caf\xe9":{}}', 0), "not UTF-8"),
            (record("[1]", 0), "not a JSON object"),
            (record("{}", 0), "at least one array"),
            (record("{'x':{'dtype':'F16','shape':[1],'data_offsets':[0,2]}}", 2), "unsupported type 'F16'"),
            (record("{'x':" + u8("1,1,1,1,1,1,1", "0,1") + "}", 1), "rank 7"),
            (record("{'x':" + u8("-1", "0,0") + "}", 0), "bad dimension -1"),
            (record("{'x':" + u8("1.5", "0,1") + "}", 1), "bad dimension 1.5"),
            (record("{'x':" + u8("true", "0,1") + "}", 1), "bad dimension True"),
            (record("{'x':" + u8("65536,65536,65536", "0,281474976710656") + "}", 8), "past the end"),
            (record("{'a':" + u8("8", "0,8") + ",'b':" + u8("8", "4,12") + "}", 12), "expected [8, 16]"),
            (record("{'a':" + u8("8", "0,8") + ",'b':" + u8("8", "12,20") + "}", 20), "expected [8, 16]"),
            (record("{'a':{'dtype':'F32','shape':[3],'data_offsets':[0,8]}}", 8), "expected [0, 12]"),
            (record("{'a':" + u8("8", "0.0,8") + "}", 8), "data_offsets"),
            (record(x, 2), "1 trailing bytes"),
            (record("{'__metadata__':{'seed':1}," + x[1:], 1), "metadata 'seed' is not a short string"),
            (record("{'__metadata__':{'k':'" + "x" * 1025 + "'}," + x[1:], 1), "metadata 'k'"),
            (record("{'View.0':" + u8("1", "0,1") + "}", 1), "Invalid array name 'View.0'"),
        ]
        many = ",".join("'a%d':%s" % (i, u8("1", "%d,%d" % (i, i + 1))) for i in range(129))
        cases.append((record("{" + many + "}", 129), "129 arrays"))
        meta = ",".join("'k%d':'v'" % i for i in range(33))
        cases.append((record("{'__metadata__':{" + meta + "}," + x[1:], 1), "at most 32"))
        for value, fragment in cases:
            with self.subTest(fragment=fragment):
                self.assertMalformed(value, fragment)


class ReadEmbeddingTest(unittest.TestCase):
    def test_reads_values_and_version(self):
        value = struct.pack("<3f", 0.5, -1.0, 2.0)
        vector, version = records.read_embedding(value, [("model-version", b"7"), ("dimension", b"3")])
        self.assertEqual(vector.dtype, np.float32)
        self.assertEqual(vector.tolist(), [0.5, -1.0, 2.0])
        self.assertEqual(version, 7)

    def test_rejects_bad_embeddings(self):
        headers = [("model-version", b"7"), ("dimension", b"3")]
        for value, hdrs, fragment in [
            (bytes(10), headers, "not a float32 vector"),
            (bytes(8), headers, "says 3"),
            (bytes(12), [("dimension", b"3")], "lacks the 'model-version' header"),
            (bytes(12), [("model-version", b"1_0"), ("dimension", b"3")], "not an integer"),
            (bytes(12), None, "lacks"),
        ]:
            with self.subTest(fragment=fragment), self.assertRaises(records.RecordError) as caught:
                records.read_embedding(value, hdrs)
            self.assertIn(fragment, str(caught.exception))


class DescribeTest(unittest.TestCase):
    def test_sums_and_hashes_arrays_exactly(self):
        a = np.arange(6, dtype=np.uint8).reshape(2, 3)
        d = records.describe_array(a)
        self.assertEqual((d["dtype"], d["shape"], d["sum"], d["first"]), ("U8", [2, 3], 15, [0, 1, 2, 3, 4, 5]))
        self.assertEqual(records.describe_array(np.array([2 ** 62, 2 ** 62], dtype="<i8"))["sum"], 2 ** 63)
        self.assertEqual(json.loads(json.dumps(records.describe_array(np.array([np.nan], "<f4"))))["sum"], "nan")


if __name__ == "__main__":
    unittest.main()
