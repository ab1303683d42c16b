"""The child process of tools/feedback/encoder_process.py: load the model, then embed what
the server sends until it closes the pipe. Started by `ChildEncoder`, never by hand."""

from __future__ import annotations

import json
import logging
import os
import sys

import numpy as np

from tools.core.heap import trim_heap
from tools.feedback.encoder_process import receive_message, send_message


def main() -> int:
    # The protocol gets a private copy of stdout; fd 1 then points at stderr, so whatever the
    # libraries print (export warnings, progress) cannot corrupt a reply.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    src = sys.stdin.buffer
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s embedding process: %(message)s")
    # Imported after the redirection, so nothing the model stack prints at import reaches the pipe.
    from tools.feedback import embeddings_onnx
    from tools.feedback.embeddings import LocalEmbedder

    # The child embeds in the background beside serve's answers: threads that wait for work
    # sleep instead of spinning on the cores the answers need (the same floats).
    embeddings_onnx.ALLOW_SPINNING = False

    spec = json.loads(sys.argv[1])
    try:
        embedder = LocalEmbedder(spec["path"], threads=spec.get("threads"), runtime=spec["runtime"],
                                 cache_dir=spec.get("cache_dir"), precision=spec.get("precision", "fp32"))
        runtime = embedder.runtime  # loads the model (exports it first when no file is cached)
    except Exception as exc:
        send_message(out, {"error": f"{type(exc).__name__}: {str(exc)[:300]}"})
        return 1
    send_message(out, {"runtime": runtime, "note": embedder.runtime_note})
    while True:
        try:
            request = receive_message(src)
        except EOFError:  # the server closed the pipe or died: nothing more to embed
            return 0
        embedder.batch_size = int(request.get("batch_size") or 64)
        try:
            vectors = np.ascontiguousarray(embedder.embed(list(request["texts"])), dtype=np.float32)
        except Exception as exc:
            send_message(out, {"error": f"{type(exc).__name__}: {str(exc)[:300]}"})
            continue
        try:
            send_message(out, {"rows": int(vectors.shape[0])}, vectors.tobytes())
        except BrokenPipeError:  # the server stopped while this was embedded
            return 0
        del vectors, request
        # The tokenizer's encodings and the request's texts are freed between requests, but
        # glibc keeps the pages; a trim (milliseconds) keeps the child at its arena's size.
        trim_heap()
