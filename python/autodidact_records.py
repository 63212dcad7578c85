"""Reads autodidact records with numpy alone (no safetensors, no torch).

* Examples (``clean.<modality>``, ``examples.<modality>.<method>``): one format-version byte (1), then a safetensors
  buffer: u64 little-endian header length N, N bytes of UTF-8 JSON (``{"<name>": {"dtype", "shape", "data_offsets"},
  "__metadata__": {...}}``, space-padded), then the arrays' little-endian bytes. ``read_example`` checks what the Java
  reader (``dev.autodidact.schema.serde.ExampleSerde``) checks, with the same limits, before building any array.
* Embeddings (``embeddings.<modality>``): bare little-endian float32 values; the ``model-version`` and ``dimension``
  headers say which checkpoint produced them and how many values there are.

As a program it prints one JSON line per record of a topic (``--help``); that part needs ``confluent_kafka``.
"""
import argparse
import hashlib
import json
import math
import re
import struct
import sys
import time
import uuid

import numpy as np

VERSION = 1
# dev.autodidact.schema.example.ExampleLimits
MAX_RECORD_BYTES = 16 * 1024 * 1024
MAX_HEADER_BYTES = 64 * 1024
MAX_ARRAYS = 128
MAX_RANK = 6
MAX_METADATA = 32
MAX_METADATA_VALUE = 1024
MAX_DIMENSION = 2 ** 31 - 1
METADATA = "__metadata__"
DTYPES = {
    "BOOL": np.dtype("?"),
    "U8": np.dtype("u1"),
    "I16": np.dtype("<i2"),
    "I32": np.dtype("<i4"),
    "I64": np.dtype("<i8"),
    "F32": np.dtype("<f4"),
}
# dev.autodidact.schema.example.ArrayNames: lower-case words joined by dots, at most 64 characters.
ARRAY_NAME = re.compile(r"[a-z0-9_]+(\.[a-z0-9_]+)*")
MAX_NAME = 64
# dev.autodidact.schema.HeaderNames
MODEL_VERSION = "model-version"
DIMENSION = "dimension"


class RecordError(ValueError):
    """A record that is not well-formed."""


def _no_duplicates(pairs):
    names = [k for k, _ in pairs]
    if len(set(names)) != len(names):
        raise RecordError("header is not JSON: duplicate name %r" % next(k for k in names if names.count(k) > 1))
    return dict(pairs)


def _is_int(x):
    return isinstance(x, int) and not isinstance(x, bool)


def _header(value):
    if len(value) > MAX_RECORD_BYTES:
        raise RecordError("record of %d bytes is over the limit of %d" % (len(value), MAX_RECORD_BYTES))
    if len(value) < 9:
        raise RecordError("record of %d bytes is too short" % len(value))
    if value[0] != VERSION:
        raise RecordError("unsupported format version %d (expected %d)" % (value[0], VERSION))
    (n,) = struct.unpack_from("<Q", value, 1)
    if n < 2 or n > len(value) - 9:
        raise RecordError("header length %d is out of bounds: %d bytes follow it" % (n, len(value) - 9))
    if n > MAX_HEADER_BYTES:
        raise RecordError("header length %d is over the limit of %d" % (n, MAX_HEADER_BYTES))
    try:
        text = bytes(value[9:9 + n]).decode("utf-8")
    except UnicodeDecodeError:
        raise RecordError("header is not UTF-8") from None
    try:
        header = json.loads(text, object_pairs_hook=_no_duplicates)
    except (ValueError, RecursionError) as e:  # json.JSONDecodeError is a ValueError
        raise RecordError("header is not JSON: %s" % e) from None
    if not isinstance(header, dict):
        raise RecordError("header is not a JSON object")
    return header, 9 + n


def _metadata(meta):
    if meta is None:
        return {}
    if not isinstance(meta, dict) or len(meta) > MAX_METADATA:
        raise RecordError("__metadata__ must be an object of at most %d strings" % MAX_METADATA)
    for k, v in meta.items():
        # Java counts UTF-16 code units.
        if not isinstance(v, str) or len(v.encode("utf-16-le", "surrogatepass")) // 2 > MAX_METADATA_VALUE:
            raise RecordError("metadata %r is not a short string" % k)
    return dict(meta)


def _slot(name, entry):
    """(begin, end, name, dtype, shape) of one header entry."""
    if not isinstance(entry, dict):
        raise RecordError("array %r is not an object" % name)
    dtype = entry.get("dtype")
    if not isinstance(dtype, str) or dtype not in DTYPES:
        raise RecordError("array %r has unsupported type %r" % (name, dtype))
    shape = entry.get("shape")
    if not isinstance(shape, list):
        raise RecordError("array %r: shape must be an array of dimensions" % name)
    if len(shape) > MAX_RANK:
        raise RecordError("array %r has rank %d, at most %d allowed" % (name, len(shape), MAX_RANK))
    for d in shape:
        if not _is_int(d) or d < 0 or d > MAX_DIMENSION:
            raise RecordError("array %r has bad dimension %r" % (name, d))
    offsets = entry.get("data_offsets")
    if not isinstance(offsets, list) or len(offsets) != 2 or not all(_is_int(o) for o in offsets):
        raise RecordError("array %r needs data_offsets [begin, end] of two integers, got %r" % (name, offsets))
    return offsets[0], offsets[1], name, DTYPES[dtype], tuple(shape)


def read_example(value):
    """Decodes an example record.

    :param value: the record's value (bytes)
    :return: ``(arrays, metadata)``: arrays by name in the order of their offsets, read-only numpy views of
        ``value`` (copy one to modify it), and the string metadata
    :raises RecordError: if the value is not a well-formed example within the limits
    """
    if not isinstance(value, (bytes, bytearray, memoryview)):
        raise RecordError("an example is bytes, not %s" % type(value).__name__)
    header, data_start = _header(value)
    names = [k for k in header if k != METADATA]
    if len(names) > MAX_ARRAYS:
        raise RecordError("header has %d arrays, at most %d allowed" % (len(names), MAX_ARRAYS))
    if not names:
        raise RecordError("an example needs at least one array")
    metadata = _metadata(header.get(METADATA))
    # By begin and then end, as safetensors does (a zero-size array may share its begin with the next one); stable.
    slots = sorted((_slot(name, header[name]) for name in names), key=lambda s: (s[0], s[1]))
    data_length = len(value) - data_start
    arrays = {}
    expected = 0
    for begin, end, name, dtype, shape in slots:
        nbytes = math.prod(shape) * dtype.itemsize
        offsets = "array %r has data_offsets [%d, %d]" % (name, begin, end)
        if begin != expected or end < begin:
            raise RecordError("%s, expected [%d, %d]: arrays must tile the data without gaps or overlaps"
                              % (offsets, expected, expected + nbytes))
        if end - begin != nbytes:
            raise RecordError("%s, expected [%d, %d] for %s%s" % (offsets, begin, begin + nbytes, dtype, list(shape)))
        if end > data_length:
            raise RecordError("%s past the end of the %d data bytes" % (offsets, data_length))
        if len(name) > MAX_NAME or not ARRAY_NAME.fullmatch(name):
            raise RecordError("Invalid array name %r" % name)
        arrays[name] = np.frombuffer(value, dtype=dtype, count=math.prod(shape), offset=data_start + begin) \
            .reshape(shape)
        expected = end
    if expected != data_length:
        raise RecordError("%d trailing bytes after the arrays" % (data_length - expected))
    return arrays, metadata


def header_value(headers, name):
    """The last value of header ``name`` as a string, or None; ``headers`` as confluent_kafka gives them (a list of
    ``(name, bytes)`` pairs or None) or a dict."""
    if headers is None:
        return None
    pairs = headers.items() if isinstance(headers, dict) else headers
    found = None
    for k, v in pairs:
        if k == name:
            found = v
    if isinstance(found, (bytes, bytearray)):
        return bytes(found).decode("utf-8", "replace")
    return found


def _header_int(headers, name):
    text = header_value(headers, name)
    if text is None:
        raise RecordError("embedding record lacks the %r header" % name)
    if not re.fullmatch(r"[+-]?[0-9]+", text.strip()):
        raise RecordError("header %r is not an integer: %r" % (name, text))
    return int(text.strip())


def read_embedding(value, headers):
    """Decodes an embedding record.

    :param value: the record's value: little-endian float32 values
    :param headers: the record's headers (see :func:`header_value`)
    :return: ``(vector, model_version)``: a read-only float32 array and the checkpoint version that produced it
    :raises RecordError: if the value is not float32 values, or the headers are missing or disagree with it
    """
    if not isinstance(value, (bytes, bytearray, memoryview)):
        raise RecordError("an embedding is bytes, not %s" % type(value).__name__)
    if len(value) % 4:
        raise RecordError("embedding of %d bytes is not a float32 vector" % len(value))
    version = _header_int(headers, MODEL_VERSION)
    dimension = _header_int(headers, DIMENSION)
    if dimension != len(value) // 4:
        raise RecordError("header 'dimension' says %d, the value holds %d float32 values"
                          % (dimension, len(value) // 4))
    return np.frombuffer(value, dtype="<f4"), version


def _number(x):
    """A JSON-safe number: non-finite floats become strings."""
    return x if not isinstance(x, float) or math.isfinite(x) else str(x)


def describe_array(a):
    """Name-free summary of one array: dtype, shape, exact sum, SHA-256 of its C-order little-endian bytes, first
    values."""
    if a.dtype.kind == "f":
        total = _number(float(a.sum(dtype=np.float64)))
    elif a.dtype == np.int64:
        total = sum(a.ravel().tolist())
    else:
        total = int(a.sum(dtype=np.int64))
    return {
        "dtype": next(k for k, v in DTYPES.items() if v == a.dtype),
        "shape": list(a.shape),
        "sum": total,
        "sha256": hashlib.sha256(np.ascontiguousarray(a).tobytes()).hexdigest(),
        "first": [_number(x) for x in a.ravel()[:8].tolist()],
    }


def describe(kind, msg, values=False):
    """The JSON line for one consumed message."""
    key = msg.key()
    headers = msg.headers() or []
    out = {
        "topic": msg.topic(),
        "partition": msg.partition(),
        "offset": msg.offset(),
        "key": None if key is None else key.decode("utf-8", "replace"),
        "headers": {k: None if v is None else v.decode("utf-8", "replace") for k, v in headers},
    }
    try:
        if kind == "embedding":
            vector, version = read_embedding(msg.value(), headers)
            out.update(dimension=len(vector), model_version=version,
                       norm=_number(float(np.linalg.norm(vector.astype(np.float64)))))
            if values:
                out["values"] = [_number(x) for x in vector.tolist()]
        else:
            arrays, metadata = read_example(msg.value())
            out["arrays"] = [dict(name=name, **describe_array(a)) for name, a in arrays.items()]
            out["metadata"] = metadata
    except RecordError as e:
        out["error"] = str(e)
    return out


def _arguments(argv):
    p = argparse.ArgumentParser(description="Prints one JSON line per record of an autodidact topic, from its "
                                            "beginning (no consumer group offsets are committed).")
    p.add_argument("--bootstrap", default="localhost:9092", help="Kafka bootstrap servers (default %(default)s)")
    p.add_argument("--topic", required=True, help="e.g. autodidact.examples.image.simclr")
    p.add_argument("--count", type=int, default=10, help="records to print (default %(default)s)")
    p.add_argument("--kind", choices=["example", "embedding"],
                   help="record kind (default: embedding for an embeddings.<modality> topic, else example)")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for --count records")
    p.add_argument("--values", action="store_true", help="print every value of each embedding")
    args = p.parse_args(argv)
    if args.count < 1:
        p.error("--count must be at least 1")
    if args.kind is None:
        args.kind = "embedding" if re.search(r"(^|\.)embeddings\.[^.]+$", args.topic) else "example"
    return args


def main(argv=None):
    args = _arguments(argv)
    from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaError, TopicPartition

    consumer = Consumer({
        "bootstrap.servers": args.bootstrap,
        "group.id": "autodidact-records-" + uuid.uuid4().hex,
        "enable.auto.commit": False,
        "auto.offset.reset": "earliest",
    })
    deadline = time.monotonic() + args.timeout
    try:
        topic = consumer.list_topics(args.topic, timeout=max(1.0, args.timeout)).topics.get(args.topic)
        if topic is None or topic.error is not None or not topic.partitions:
            print("autodidact_records: no topic %r: %s" % (args.topic, topic and topic.error), file=sys.stderr)
            return 2
        consumer.assign([TopicPartition(args.topic, p, OFFSET_BEGINNING) for p in sorted(topic.partitions)])
        printed = failed = 0
        while printed < args.count:
            left = deadline - time.monotonic()
            if left <= 0:
                print("autodidact_records: %d of %d records within %.0f s" % (printed, args.count, args.timeout),
                      file=sys.stderr)
                return 2
            msg = consumer.poll(min(left, 1.0))
            if msg is None:
                continue
            if msg.error():
                if msg.error().code() == KafkaError._PARTITION_EOF:
                    continue
                print("autodidact_records: %s" % msg.error(), file=sys.stderr)
                return 2
            line = describe(args.kind, msg, args.values)
            failed += "error" in line
            print(json.dumps(line, ensure_ascii=False), flush=True)
            printed += 1
        return 1 if failed else 0
    finally:
        consumer.close()


if __name__ == "__main__":
    sys.exit(main())
