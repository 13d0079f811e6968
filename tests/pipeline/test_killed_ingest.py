"""An ingest killed with SIGKILL at any point, then run again as it was, leaves the same
records as an ingest never interrupted: each document goes in whole or not at all, and
records are brought up to date by the next run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from suivi.cli import samples_dir

# When to kill, in seconds after the start: while the model loads, between documents, and
# while records are being recomputed (an uninterrupted ingest of the samples takes ~10 s).
KILL_AFTER = (1.5, 4.0, 6.0, 7.5, 9.0)
ENV = {**os.environ, "SUIVI_TODAY": "2026-12-01"}


def suivi(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "suivi", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=300,
    )


@pytest.mark.slow
def test_a_killed_ingest_run_again_gives_the_records_of_an_uninterrupted_one(
    tmp_path: Path,
) -> None:
    whole = tmp_path / "whole.db"
    assert suivi(whole, "ingest", "--quiet", str(samples_dir())).returncode == 0
    expected = suivi(whole, "records", "--format", "json").stdout
    assert expected.count('"id"') > 50
    for number, delay in enumerate(KILL_AFTER):
        db = tmp_path / f"killed{number}.db"
        started = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "suivi",
                "--db",
                str(db),
                "ingest",
                "--quiet",
                str(samples_dir()),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=ENV,
        )
        time.sleep(delay)
        if started.poll() is None:
            os.kill(started.pid, signal.SIGKILL)
        started.wait(timeout=60)
        again = suivi(db, "ingest", "--quiet", str(samples_dir()))
        assert again.returncode == 0, again.stderr
        got = suivi(db, "records", "--format", "json").stdout
        assert got == expected, f"killed after {delay} s"
