"""Checks run in the background, one at a time, cached by what they read.

One lock serialises every call into the tender pipeline, decisions and uploads included: two
tabs cannot interleave a read-modify-write of beslut.yaml, and a check never reads a folder
that an upload is half-way through changing (the checks themselves keep no process-wide state:
their paths are shown relative to the tender folder through a context variable). A result is
cached under a hash of every file in the tender folder and the language: a reload with nothing
changed is instant, a changed file or a new decision is a new hash and a new check.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")
LOCK = threading.Lock()
"""Held by every call into the tender pipeline (see the module docstring)."""
_SKIPPED = {
    "utvarderingsprotokoll.html",
    "utvarderingsprotokoll.xlsx",
    "utvarderingsprotokoll.docx",
}


def folder_hash(folder: Path, lang: str) -> str:
    """A hash of every file under `folder` (path, size, modification time) and the language:
    what a check's result depends on. The records tender check writes are left out."""
    digest = hashlib.sha256(lang.encode())
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name not in _SKIPPED:
            stat = path.stat()
            line = f"{path.relative_to(folder).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\n"
            digest.update(line.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


@dataclass
class Job(Generic[T]):
    """One background check: running until `result` or `error` is set."""

    started: float = field(default_factory=time.monotonic)
    result: T | None = None
    error: Exception | None = None
    done: threading.Event = field(default_factory=threading.Event)

    def seconds(self) -> float:
        """How long it has run: the progress page shows it."""
        return time.monotonic() - self.started


class Jobs(Generic[T]):
    """Jobs by key; a finished one is the cache (the newest few are kept)."""

    def __init__(self, keep: int = 32) -> None:
        self._jobs: dict[str, Job[T]] = {}
        self._guard = threading.Lock()
        self._keep = keep

    def get(self, key: str, work: Callable[[], T]) -> Job[T]:
        """The job for `key`, started in a thread when there is none."""
        with self._guard:
            job = self._jobs.get(key)
            if job is not None:
                return job
            job = self._jobs[key] = Job()
            while len(self._jobs) > self._keep:
                del self._jobs[next(iter(self._jobs))]
        threading.Thread(target=self._run, args=(job, work), daemon=True).start()
        return job

    def result(self, key: str) -> T | None:
        """The result of the finished job for `key`; None when there is none (yet)."""
        with self._guard:
            job = self._jobs.get(key)
        return job.result if job is not None and job.done.is_set() else None

    def forget(self, key: str) -> None:
        """Drop a result (after a failed check, so a fixed file is checked again)."""
        with self._guard:
            self._jobs.pop(key, None)

    @staticmethod
    def _run(job: Job[T], work: Callable[[], T]) -> None:
        try:
            with LOCK:
                job.result = work()
        except Exception as error:  # shown on the page, not lost in a thread
            job.error = error
        finally:
            job.done.set()
