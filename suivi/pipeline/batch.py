"""Extraction of large batches on several processes, or on a Dask cluster.

    options = BatchOptions(workers=2)                      # two local processes
    options = BatchOptions(workers=8, scheduler="tcp://10.0.0.5:8786")   # a cluster
    results = extract_parallel(inputs, options, extractor=already_loaded)

Results come back as a list, one dict per input, in the order of the inputs.

Why the design is shaped this way: loading the French model costs ~8 s and ~1.3 GB of
memory per process, and a loaded pipeline cannot be pickled cheaply. So a process loads its
``Extractor`` once (a module-level cache below) and keeps it for every partition it is
given; local worker processes are kept alive between calls (otherwise each call of
``extract_parallel``, e.g. each 32-document batch of an ingest, would pay the load again);
and with one local worker no Dask, no pool and no second model are involved at all: the
caller's extractor does the work in its own process.

``dask`` is imported only on the parallel paths, ``distributed`` only when a scheduler
address is given (it is the optional extra ``suivi[cluster]``).
"""

from __future__ import annotations

import atexit
import math
import threading
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from suivi.models import ExtractionInput

if TYPE_CHECKING:
    from suivi.pipeline.ingest import Extracting

__all__ = ["BatchOptions", "ParallelExtractor", "extract_parallel", "shutdown"]

# Documents per partition. A partition is the unit a worker is handed: large enough that
# spaCy's nlp.pipe (batches of 16) runs full and the per-task cost (pickling the texts,
# scheduling) is small against ~3 s of extraction; small enough that the last partitions
# do not leave the other workers idle while one finishes a long tail.
PARTITION_SIZE = 24

Result = dict[str, Any]


@dataclass(frozen=True)
class BatchOptions:
    """Where extraction runs.

    ``workers``: how many processes extract at once (local runs), and the least number of
    partitions the work is cut into (cluster runs). ``scheduler``: ``None`` for processes
    on this machine, else a ``dask.distributed`` scheduler address such as
    ``"tcp://10.0.0.5:8786"``, whose workers need suivi and its model installed.
    """

    workers: int = 1
    scheduler: str | None = None

    @property
    def in_process(self) -> bool:
        """Whether extraction runs in the calling process, without Dask."""
        return self.workers <= 1 and self.scheduler is None


def extract_parallel(
    inputs: Sequence[ExtractionInput],
    options: BatchOptions,
    extractor: Extracting | None = None,
) -> list[Result]:
    """Extract every input, one result per input, in the order of ``inputs``.

    ``extractor`` is used only when ``options.in_process``: pass the one already loaded in
    this process so its model is not loaded a second time (without it, one is loaded and
    kept for the process). On the parallel paths each worker process uses its own.
    """
    if not inputs:
        return []
    if options.in_process:
        # One process: Dask would only add a pool and a second copy of the model.
        chosen = extractor if extractor is not None else _process_extractor()
        return list(chosen.extract_many(inputs))
    return _extract_with_dask(list(inputs), options)


class ParallelExtractor:
    """``extract_parallel`` behind the ``extract_many`` interface that ingest and rebuild use.

    The order is the input order, as with ``Extractor``; results are yielded once the whole
    iterable has been extracted, so feed it batches, not an endless stream.
    """

    def __init__(self, options: BatchOptions, extractor: Extracting | None = None) -> None:
        self.options = options
        self.extractor = extractor

    def extract_many(self, inputs: Iterable[ExtractionInput]) -> Iterator[Result]:
        """Extract ``inputs`` with ``extract_parallel``."""
        yield from extract_parallel(list(inputs), self.options, self.extractor)


def shutdown() -> None:
    """Stop the local worker processes and close the cluster clients this process opened."""
    with _LOCK:
        pools = list(_POOLS.values())
        clients = list(_CLIENTS.values())
        _POOLS.clear()
        _CLIENTS.clear()
    for pool in pools:
        pool.shutdown(wait=True, cancel_futures=True)
    for client in clients:
        client.close()


# --- the work done in a worker process -------------------------------------------------

# One extractor per process, loaded on first use and kept: every partition a worker runs
# after the first one reuses the model instead of paying its load and memory again.
_EXTRACTOR: Extracting | None = None
# Guards the extractor: a distributed worker may run several threads in one process, and
# they must neither load the model twice nor run one spaCy pipeline concurrently.
_EXTRACTOR_LOCK = threading.Lock()


def _process_extractor() -> Extracting:
    global _EXTRACTOR
    with _EXTRACTOR_LOCK:
        if _EXTRACTOR is None:
            from suivi.extraction import Extractor

            _EXTRACTOR = Extractor()
        return _EXTRACTOR


def _extract_partition(items: Iterable[tuple[int, ExtractionInput]]) -> list[tuple[int, Result]]:
    """Extract one partition; each result keeps the position of its input."""
    numbered = list(items)
    extractor = _process_extractor()
    with _EXTRACTOR_LOCK:
        results = list(extractor.extract_many(item for _, item in numbered))
    if len(results) != len(numbered):
        raise RuntimeError(f"extraction gave {len(results)} results for {len(numbered)} inputs")
    return [(position, result) for (position, _), result in zip(numbered, results, strict=True)]


# --- the calling side ------------------------------------------------------------------

_LOCK = threading.Lock()
# Local worker pools by number of workers, kept for the life of the process (see above).
_POOLS: dict[int, Executor] = {}
# Clients of distributed schedulers by address.
_CLIENTS: dict[str, Any] = {}


def _partitions(count: int, workers: int) -> int:
    """How many partitions ``count`` documents are cut into: at least one per worker."""
    return min(count, max(workers, math.ceil(count / PARTITION_SIZE)))


def _extract_with_dask(inputs: list[ExtractionInput], options: BatchOptions) -> list[Result]:
    import dask.bag

    # Each input travels with its position, and each result comes back with it: the output
    # is placed by position, so it is in input order whatever order partitions finish in.
    numbered = list(enumerate(inputs))
    bag = dask.bag.from_sequence(
        numbered, npartitions=_partitions(len(inputs), max(1, options.workers))
    )
    extracted = bag.map_partitions(_extract_partition)
    if options.scheduler is None:
        pairs = extracted.compute(
            scheduler="processes",
            pool=_local_pool(options.workers),
            # Dask hands ready tasks to the pool 6 at a time by default: with partitions
            # already sized for work, that would give one worker most of them.
            chunksize=1,
        )
    else:
        pairs = extracted.compute(scheduler=_client(options.scheduler))
    ordered: list[Result | None] = [None] * len(inputs)
    for position, result in pairs:
        ordered[position] = result
    missing = [position for position, result in enumerate(ordered) if result is None]
    if missing:
        raise RuntimeError(f"no extraction result for inputs at positions {missing[:10]}")
    return [result for result in ordered if result is not None]


def _local_pool(workers: int) -> Executor:
    """A pool of ``workers`` processes, made once and reused by later calls."""
    from dask.multiprocessing import get_context

    with _LOCK:
        pool = _POOLS.get(workers)
        if pool is None:
            # Dask's context ("spawn" unless configured): a fresh interpreter per worker,
            # not a fork of a parent that may hold a loaded model, threads or connections.
            pool = ProcessPoolExecutor(workers, mp_context=get_context())
            _POOLS[workers] = pool
        return pool


def _client(address: str) -> Any:
    """A client of the scheduler at ``address``, opened once per process."""
    from distributed import Client  # the optional extra suivi[cluster]

    with _LOCK:
        client = _CLIENTS.get(address)
        if client is None:
            client = Client(address, set_as_default=False)
            _CLIENTS[address] = client
        return client


atexit.register(shutdown)
