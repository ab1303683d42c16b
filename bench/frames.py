"""The store's tables as pandas DataFrames, read on first use, for the naive implementations
the benchmarks compare against."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import pandas as pd

from tools.data.schema import TABLES


class LazyFrames(Mapping[str, pd.DataFrame]):
    """`frames["events"]` reads the whole table once; later lookups reuse it."""

    def __init__(self, store):
        self._store = store
        self._cache: dict[str, pd.DataFrame] = {}

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in TABLES:
            raise KeyError(name)
        if name not in self._cache:
            self._cache[name] = self._store.query(f'SELECT * FROM "{name}"')
        return self._cache[name]

    def __iter__(self) -> Iterator[str]:
        return iter(TABLES)

    def __len__(self) -> int:
        return len(TABLES)
