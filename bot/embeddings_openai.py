"""OpenAI embeddings (or any OpenAI-compatible server) behind tools.feedback.embeddings.Embedder.

Used when [feedback] embedding = "openai". It needs none of the local model stack. The
identity recorded with the collection is the remote model id (plus the server when it is not
OpenAI's), so switching models or servers is caught before vectors mix.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

import numpy as np

from tools.core.errors import ToolInputError, ToolUnavailable
from tools.feedback.embeddings import normalize_rows

KNOWN_DIMS = {"text-embedding-3-small": 1536, "text-embedding-3-large": 3072, "text-embedding-ada-002": 1536}
MAX_INPUTS = 2048  # per request, OpenAI's limit


class OpenAIEmbedder:
    languages = None  # OpenAI's embedding models are multilingual: themes use every language
    def __init__(self, model: str, *, api_key: str | None, base_url: str | None = None,
                 batch_size: int = 256, client: Any = None, timeout: float = 60.0):
        self.model = model
        self.base_url = base_url
        self.batch_size = max(1, min(batch_size, MAX_INPUTS))
        self._api_key = api_key
        self._client = client
        self._timeout = timeout
        self._dim: int | None = KNOWN_DIMS.get(model)

    @property
    def name(self) -> str:
        return self.model

    @property
    def identity(self) -> str:
        if self.base_url:
            host = urlparse(self.base_url).netloc or self.base_url
            return f"openai-compatible:{self.model}@{host}"
        return f"openai:{self.model}"

    @property
    def dim(self) -> int:
        if self._dim is None:
            self._dim = int(self.embed(["dimension probe"]).shape[1])
        return self._dim

    def client(self) -> Any:
        if self._client is None:
            if not self._api_key and not self.base_url:
                raise ToolUnavailable(
                    "[feedback] embedding = \"openai\" needs the OPENAI_API_KEY environment variable; "
                    "set it, or use embedding = \"local\" (offline).")
            import openai

            # Compatible local servers often take any key; OpenAI itself never gets a blank one.
            self._client = openai.OpenAI(api_key=self._api_key or "unused", base_url=self.base_url,
                                         timeout=self._timeout, max_retries=2)
        return self._client

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self._dim or 0), dtype=np.float32)
        import openai

        rows: list[np.ndarray] = []
        for start in range(0, len(texts), self.batch_size):
            batch = [t if t.strip() else " " for t in texts[start:start + self.batch_size]]
            try:
                response = self.client().embeddings.create(model=self.model, input=batch)
            except openai.AuthenticationError:
                raise ToolUnavailable("OpenAI refused the API key (OPENAI_API_KEY); check it.") from None
            except openai.NotFoundError:
                raise ToolInputError(
                    f"The embedding model {self.model!r} does not exist on "
                    f"{self.base_url or 'OpenAI'}; set [feedback] openai_model.") from None
            except (openai.APIConnectionError, openai.APITimeoutError, openai.RateLimitError,
                    openai.InternalServerError) as exc:
                raise ToolUnavailable(
                    f"The embedding service {self.base_url or 'OpenAI'} is unavailable "
                    f"({type(exc).__name__}); try again later.") from None
            data = sorted(response.data, key=lambda d: d.index)
            rows.append(np.asarray([d.embedding for d in data], dtype=np.float32))
        vectors = normalize_rows(np.vstack(rows))
        self._dim = int(vectors.shape[1])
        return vectors
