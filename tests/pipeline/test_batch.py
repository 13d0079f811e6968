"""The batch layer: parallel extraction gives what one process gives, in the same order."""

from __future__ import annotations

import json
import pickle
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from suivi.extraction import Extractor
from suivi.models import ExtractionInput
from suivi.pipeline import batch
from suivi.pipeline.batch import BatchOptions, extract_parallel

# Six short dispatches of unequal length, each with an actor, a figure or an agreement, so
# the results compared below are not empty lists.
TEXTS = [
    "Le Sénégal et la Mauritanie ont signé mardi à Dakar un accord de coopération "
    "sur l'exploitation commune du gisement gazier offshore.",
    "La Banque africaine de développement a promis 250 millions de dollars au Niger pour "
    "la construction d'une centrale solaire près de Niamey. Le chantier doit commencer en "
    "mars 2026, selon le ministre de l'Énergie.",
    "Le président ivoirien a reçu lundi son homologue ghanéen à Abidjan.",
    "Le Maroc livrera 40 000 tonnes d'engrais à l'Éthiopie d'ici la fin de l'année, aux "
    "termes d'un protocole d'entente conclu à Addis-Abeba. Les deux pays prévoient aussi "
    "une usine commune à Dire Dawa. Le premier ministre éthiopien a salué un partenariat "
    "stratégique.",
    "La Chine a accordé un prêt de 1,2 milliard d'euros au Kenya pour prolonger la ligne "
    "ferroviaire entre Nairobi et Malaba.",
    "Le Tchad et le Cameroun ont convenu de renforcer leur coopération militaire à la "
    "frontière, a annoncé jeudi le gouvernement tchadien à N'Djamena.",
]


@pytest.fixture(scope="module")
def inputs() -> list[ExtractionInput]:
    return [
        ExtractionInput(doc=f"depeche_{i}.txt", text=text, published=f"2025-06-1{i}", language="fr")
        for i, text in enumerate(TEXTS)
    ]


@pytest.fixture(scope="module")
def expected(extractor: Extractor, inputs: list[ExtractionInput]) -> str:
    """What the single-process extractor gives, as JSON."""
    return as_json(list(extractor.extract_many(inputs)))


@pytest.fixture(scope="module", autouse=True)
def stop_workers() -> Iterator[None]:
    """Stop the worker processes and clients this module started, at its end."""
    yield
    batch.shutdown()


def as_json(results: list[dict[str, Any]]) -> str:
    return json.dumps(results, ensure_ascii=False, sort_keys=True)


def test_options_pickle() -> None:
    options = BatchOptions(workers=4, scheduler="tcp://10.0.0.5:8786")
    assert pickle.loads(pickle.dumps(options)) == options
    assert not options.in_process
    assert BatchOptions().in_process and BatchOptions(workers=0).in_process
    assert not BatchOptions(workers=1, scheduler="tcp://10.0.0.5:8786").in_process


def test_partitions_are_sized_for_work_and_workers() -> None:
    assert batch._partitions(6, 2) == 2  # at least one per worker
    assert batch._partitions(1, 4) == 1  # never an empty partition
    assert batch._partitions(200, 2) == 9  # ~24 documents each
    assert batch._partitions(10_000, 8) == 417


def test_no_inputs_no_work() -> None:
    pools = dict(batch._POOLS)
    assert extract_parallel([], BatchOptions(workers=3)) == []
    assert pools == batch._POOLS


@pytest.mark.slow
def test_one_worker_runs_in_process_without_dask(
    extractor: Extractor,
    inputs: list[ExtractionInput],
    expected: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Dask made unimportable: the in-process path must not need it, and no pool is made.
    for name in [m for m in sys.modules if m == "dask" or m.startswith("dask.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "dask", None)
    pools = dict(batch._POOLS)
    results = extract_parallel(inputs, BatchOptions(workers=1), extractor)
    assert as_json(results) == expected
    assert pools == batch._POOLS


@pytest.mark.slow
def test_two_local_processes_give_the_same_results_in_order(
    inputs: list[ExtractionInput], expected: str
) -> None:
    options = BatchOptions(workers=2)
    results = extract_parallel(inputs, options)
    assert [r["doc"] for r in results] == [i.doc for i in inputs]
    assert as_json(results) == expected
    pool = batch._POOLS[2]
    # A second call reuses the same worker processes (their models already loaded).
    again = extract_parallel(inputs[::-1], options)
    assert batch._POOLS[2] is pool
    assert as_json(again[::-1]) == expected


@pytest.mark.slow
def test_a_dask_cluster_gives_the_same_results(
    inputs: list[ExtractionInput], expected: str
) -> None:
    distributed = pytest.importorskip("distributed")
    # One worker thread inside this process, reached over TCP on the loopback: the same
    # client path as a remote cluster, without a second copy of the model in memory.
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tcp://127.0.0.1:")
        try:
            results = extract_parallel(inputs, BatchOptions(workers=2, scheduler=address))
        finally:
            batch.shutdown()  # the client goes before its cluster
    assert [r["doc"] for r in results] == [i.doc for i in inputs]
    assert as_json(results) == expected
