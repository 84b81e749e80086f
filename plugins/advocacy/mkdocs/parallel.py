"""Run part of a build in a forked process, and bring back its results and its warnings.

mkdocs-static-i18n builds the languages one after the other in one process; the hub builds half of them in a
child process so that both cores work (see the catalogue plugin). The child inherits the whole build state
by ``fork``; what it must hand back (the pages it wrote, its warnings) comes back as JSON.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import gc
import json
import logging
import multiprocessing
import os
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort


def can_fork() -> bool:
    """Whether this platform can fork (not Windows)."""
    return hasattr(os, "fork")


@dataclass
class Child:
    """A forked part of the build."""

    pid: int
    result: Path


class _Collect(logging.Handler):
    """Keeps the warnings of the child so that the parent logs (and counts) them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _quiet_warnings(record: logging.LogRecord) -> bool:
    return record.levelno < logging.WARNING


def start(work: Callable[[], Any]) -> Child:
    """Fork; the child runs ``work()``, writes its return value (JSON-able) and its warnings, and exits."""
    handle, name = tempfile.mkstemp(prefix="advocacy-child-", suffix=".json")
    os.close(handle)
    result = Path(name)
    pid = os.fork()
    if pid:
        return Child(pid, result)
    code = 0
    collect = _Collect()
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.addHandler(collect)
    # The parent prints the child's warnings when it logs them again: print them once.
    for handler in mkdocs_logger.handlers + logging.getLogger().handlers:
        if handler is not collect:
            handler.addFilter(_quiet_warnings)
    payload: dict[str, Any] = {}
    try:
        payload["value"] = work()
    except Abort as exc:
        # MkDocs' own "Aborted with N warnings in strict mode": the warnings themselves go back to the parent.
        payload["error"] = str(exc)
        code = 1
    except BaseException:
        payload["error"] = traceback.format_exc()
        code = 1
    payload["warnings"] = collect.records
    try:
        result.write_text(json.dumps(payload), encoding="utf-8")
    except BaseException:
        code = 1  # no result: join() reports it
    finally:
        os._exit(code)


def join(child: Child) -> tuple[Any, str | None]:
    """Wait for the child; log its warnings in this process; return its value and its error (or ``None``).
    A child that ended without a value (killed, for one, by the system when memory ran out) is an error."""
    _, status = os.waitpid(child.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    try:
        payload = json.loads(child.result.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        payload = {}
    finally:
        child.result.unlink(missing_ok=True)
    for name, level, message in payload.get("warnings", []):
        logging.getLogger(name).log(level, message)
    if "value" not in payload and not payload.get("error"):
        how = f"killed by signal {-code}" if code < 0 else f"exit status {code}"
        hint = " (signal 9 is often the system out of memory: see search_indexers)" if code == -9 else ""
        payload["error"] = f"the forked build ended without a result ({how}){hint}"
    return payload.get("value"), payload.get("error")


def release_memory() -> None:
    """Give the memory of finished builds back to the system before a step that needs much of it (the C
    library keeps freed memory for this process otherwise). Where the C library cannot (not glibc), nothing."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)


class Claims:
    """Work shared out between processes: each takes the next item when it is free (a counter in memory the
    processes share)."""

    def __init__(self, items: list[str]) -> None:
        self.items = list(items)
        self.taken = multiprocessing.get_context("fork").Value("i", 0)

    def take(self) -> str | None:
        """The next item no process has taken yet, or ``None`` once all are taken."""
        with self.taken.get_lock():
            number = int(self.taken.value)
            if number >= len(self.items):
                return None
            self.taken.value = number + 1
        return self.items[number]
