"""The model's word-embedding table outside the ONNX graph, read a row at a time from a file.

all-MiniLM-L6-v2's word-embedding table is 30,522 x 384 float32: 47 MB of the model's 90. A
batch of texts uses a few hundred of its rows, but inside the graph onnxruntime holds the whole
table in the process's own memory, so serve's embedding child carried 47 MB it mostly never
read (issue 22: serve plus that child at their peak was 24 MB over the 500 MB aim). Here the
table is a file beside the cached ONNX export and the graph takes the looked-up rows as an
input: each inference call reads the rows it needs with `pread`. The file's pages then sit in
the operating system's page cache (shared, dropped under memory pressure, and not the
process's resident memory), not in the process. Memory-mapping the table instead was measured
and does not do this: the kernel maps the cached pages around every fault (64 KB at a time),
so 2,000 chunks made nearly all 47 MB resident.

The split changes no float: the graph is the same graph minus one Gather, and the rows fed in
are the same bytes (tests/tools/test_word_table.py compares the two sessions on real texts).

    split_model(full_onnx, split_onnx, table_file)   # once, beside the export; needs `onnx`
    table = WordTable(table_file)
    rows = table.lookup(ids)                          # (batch, tokens) -> (batch, tokens, 384)
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np

TABLE_SUFFIX = "words.f32"  # beside the split model: raw little-endian float32 rows
WORDS_INPUT = "word_embeddings"  # the split graph's input that takes the looked-up rows
DIM = 384


def split_files(full: Path) -> tuple[Path, Path]:
    """Where the split model and its table go, beside the full export `full` (the cache folder
    is named for the weights' hash, so new weights never meet an old split)."""
    return full.with_name(full.stem + ".split.onnx"), full.with_name(full.stem + "." + TABLE_SUFFIX)


def split_model(full: Path, model_target: Path, table_target: Path) -> None:
    """Write `full` without its word-embedding Gather (the rows become the input WORDS_INPUT)
    and the table as raw rows. The table appears first and the model last, each atomically, so
    a split model on disk always has its table beside it. Raises ValueError when the graph has
    no such Gather (another model)."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    model = onnx.load(str(full))
    graph = model.graph
    gathers = [n for n in graph.node if n.op_type == "Gather" and n.input[1] == "input_ids"
               and n.input[0].endswith("word_embeddings.weight")]
    if len(gathers) != 1:
        raise ValueError(f"{full.name} has {len(gathers)} word-embedding lookups, not one")
    gather = gathers[0]
    init = next(t for t in graph.initializer if t.name == gather.input[0])
    table = numpy_helper.to_array(init)
    if table.dtype != np.float32 or table.ndim != 2 or table.shape[1] != DIM:
        raise ValueError(f"{full.name}'s word-embedding table is {table.dtype} {table.shape}")
    for node in graph.node:
        for i, name in enumerate(node.input):
            if name == gather.output[0]:
                node.input[i] = WORDS_INPUT
    graph.node.remove(gather)
    graph.initializer.remove(init)
    graph.input.append(helper.make_tensor_value_info(WORDS_INPUT, TensorProto.FLOAT, ["batch", "tokens", DIM]))
    _write_atomically(table_target, np.ascontiguousarray(table, dtype="<f4").tobytes())
    _write_atomically(model_target, model.SerializeToString())


def _write_atomically(target: Path, data: bytes) -> None:
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, suffix=".part")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        tmp.chmod(0o644)  # mkstemp makes it private; the cache is as readable as the model
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


class WordTable:
    """The table file, open for reading rows; `rows` is the vocabulary size."""

    def __init__(self, path: Path):
        self.path = path
        self._fd = -1
        self.row_bytes = DIM * 4
        size = path.stat().st_size
        if size == 0 or size % self.row_bytes:
            raise ValueError(f"{path.name} is {size} bytes, not whole rows of {DIM} floats")
        self.rows = size // self.row_bytes
        self._fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))

    def lookup(self, ids: np.ndarray) -> np.ndarray:
        """The rows of `ids` (any shape), float32, shape ids.shape + (384,)."""
        unique, where = np.unique(ids, return_inverse=True)
        if unique.size and (unique[0] < 0 or unique[-1] >= self.rows):
            raise ValueError(f"token id out of the table's {self.rows} rows")
        rb = self.row_bytes
        # One read per distinct token of the call (a few hundred; each a copy from the page
        # cache): pread leaves no page of the table mapped into the process.
        if hasattr(os, "pread"):
            data = b"".join([os.pread(self._fd, rb, int(i) * rb) for i in unique.tolist()])
        else:  # Windows has no pread: the same rows through a memory map
            data = np.memmap(self.path, dtype="<f4", mode="r").reshape(-1, DIM)[unique].tobytes()
        if len(data) != unique.size * rb:
            raise ValueError(f"{self.path.name} was cut short while it was read")
        return np.frombuffer(data, dtype="<f4").reshape(-1, DIM)[where.reshape(ids.shape)]

    def close(self, _close=os.close) -> None:  # bound here: at interpreter exit `os` may be gone
        if self._fd >= 0:
            _close(self._fd)
            self._fd = -1

    def __del__(self) -> None:
        try:
            self.close()
        except OSError:
            pass
