"""The forked second process of a build: its value and warnings come back, and a process that ends without a
result (killed by the system when memory runs out, for one) is an error that says so, not a crash."""

from __future__ import annotations

import logging
import os
import signal

import pytest

from advocacy.mkdocs import parallel


def test_the_value_and_the_warnings_come_back(caplog: pytest.LogCaptureFixture) -> None:
    def work() -> dict[str, list[str]]:
        logging.getLogger("mkdocs.plugins.test").warning("from the child")
        return {"languages": ["fr"]}

    value, error = parallel.join(parallel.start(work))
    assert (value, error) == ({"languages": ["fr"]}, None)
    assert "from the child" in caplog.text


def test_an_error_in_the_child_comes_back_with_its_traceback() -> None:
    def work() -> None:
        raise RuntimeError("broken page")

    value, error = parallel.join(parallel.start(work))
    assert value is None
    assert error is not None and "RuntimeError: broken page" in error


def test_a_child_killed_before_its_result_is_an_error_naming_the_signal() -> None:
    def work() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    value, error = parallel.join(parallel.start(work))
    assert value is None
    assert error is not None
    assert "ended without a result (killed by signal 9)" in error
    assert "out of memory" in error


def test_a_result_json_cannot_carry_is_an_error() -> None:
    value, error = parallel.join(parallel.start(lambda: {"not json": object()}))
    assert value is None
    assert error is not None and "ended without a result (exit status 1)" in error
