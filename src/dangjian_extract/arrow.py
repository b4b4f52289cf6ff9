"""Arrow tables and Parquet files of the flat rows (:data:`dangjian_extract.frames.COLUMNS`), one row per metric.

pyarrow is optional (``pip install "dangjian-extract[parquet]"``): this module imports it only when a function
needs it, so ``import dangjian_extract`` stays light, and without it every function raises an ImportError
saying what to install.

Types: ``str`` → ``string``, ``int`` → ``int64``, ``float`` → ``float64``, ``date`` → ``date32``; a column's
``nullable`` and description (field metadata ``description``) come from :data:`COLUMNS` too.

:class:`ParquetSink` writes a row group per batch of reports as they arrive, so converting a large folder
holds one batch in memory, never the whole output.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from types import TracebackType
from typing import TYPE_CHECKING, Any

from .frames import COLUMNS, rows
from .models import Extraction

if TYPE_CHECKING:
    import pyarrow
    import pyarrow.parquet

__all__ = ["DEFAULT_BATCH_REPORTS", "MISSING_PYARROW", "ParquetSink", "arrow_schema", "to_arrow", "write_parquet"]

DEFAULT_BATCH_REPORTS = 64  # reports per row group: a few thousand rows, small next to the pipeline's own memory
MISSING_PYARROW = 'needs pyarrow, which is not installed: pip install "dangjian-extract[parquet]"'


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401 - the submodule must be loaded for pyarrow.parquet.* below
    except ImportError:
        raise ImportError(f"Arrow/Parquet output {MISSING_PYARROW}") from None
    return pyarrow


def _arrow_type(pa: Any, kind: str) -> Any:
    return {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "date": pa.date32()}[kind]


def arrow_schema() -> pyarrow.Schema:
    """The Arrow schema of the flat rows: one field per :data:`COLUMNS` entry, in that order."""
    pa = _pyarrow()
    return pa.schema([pa.field(c.name, _arrow_type(pa, c.type), nullable=c.nullable,
                               metadata={"description": c.description}) for c in COLUMNS])


def _table(extractions: Iterable[Extraction], pa: Any, schema: Any) -> pyarrow.Table:
    columns: dict[str, list[Any]] = {c.name: [] for c in COLUMNS}
    for row in rows(extractions):
        for name, values in columns.items():
            values.append(row[name])
    return pa.Table.from_pydict(columns, schema=schema)


def to_arrow(results: Extraction | Iterable[Extraction]) -> pyarrow.Table:
    """A ``pyarrow.Table`` with one row per metric of every extraction, in order, under :func:`arrow_schema`
    (also when there are no metrics: then it has the columns and no rows)."""
    pa = _pyarrow()
    return _table([results] if isinstance(results, Extraction) else results, pa, arrow_schema())


class ParquetSink:
    """Writes extractions to a Parquet file as they come: one row group per ``batch_reports`` reports.

    >>> with ParquetSink("metrics.parquet") as sink:          # doctest: +SKIP
    ...     for result in extract_many(items):
    ...         sink.write(result)

    A batch whose reports hold no metric adds no row group; a file with no metrics at all still has the schema.
    ``compression`` is any codec pyarrow writes (``"zstd"``, ``"snappy"``, ``"none"``…).
    """

    def __init__(self, path: str | os.PathLike[str], *, batch_reports: int = DEFAULT_BATCH_REPORTS,
                 compression: str = "zstd") -> None:
        if not isinstance(batch_reports, int) or batch_reports < 1:
            raise ValueError(f"batch_reports must be a positive integer, got {batch_reports!r}")
        self._pa = _pyarrow()
        self.schema = arrow_schema()
        self.path = os.fspath(path)
        self.batch_reports = batch_reports
        self.reports = 0
        self.rows = 0
        self.row_groups = 0
        self._pending: list[Extraction] = []
        self._writer: pyarrow.parquet.ParquetWriter | None = self._pa.parquet.ParquetWriter(
            self.path, self.schema, compression=compression)

    def write(self, result: Extraction) -> None:
        """Add one extraction; a full batch is written out at once."""
        if self._writer is None:
            raise ValueError(f"ParquetSink for {self.path} is closed")
        if not isinstance(result, Extraction):
            raise TypeError(f"ParquetSink.write() needs an Extraction, got {type(result).__name__}")
        self._pending.append(result)
        self.reports += 1
        if len(self._pending) >= self.batch_reports:
            self._flush()

    def _flush(self) -> None:
        pending, self._pending = self._pending, []
        table = _table(pending, self._pa, self.schema)
        if table.num_rows and self._writer is not None:
            # row_group_size at least the batch: the writer would otherwise cut its own groups
            self._writer.write_table(table, row_group_size=table.num_rows)
            self.rows += table.num_rows
            self.row_groups += 1

    def close(self) -> None:
        """Write what is pending and finish the file (its footer); closing twice is harmless."""
        if self._writer is None:
            return
        try:
            self._flush()
        finally:
            self._writer.close()
            self._writer = None

    def __enter__(self) -> ParquetSink:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def write_parquet(results: Extraction | Iterable[Extraction], path: str | os.PathLike[str], *,
                  batch_reports: int = DEFAULT_BATCH_REPORTS, compression: str = "zstd") -> int:
    """Stream extractions into a Parquet file (see :class:`ParquetSink`); returns the number of rows written."""
    with ParquetSink(path, batch_reports=batch_reports, compression=compression) as sink:
        for result in [results] if isinstance(results, Extraction) else results:
            sink.write(result)
    return sink.rows
