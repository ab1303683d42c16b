"""The stop signals of `journeybot serve`, in this process: the first one starts the graceful
stop, the ones after it are logged and leave that stop alone (a second Ctrl-C or a repeated
SIGTERM used to cut the index batch and the scheduler's shutdown short, unlogged)."""

from __future__ import annotations

import logging
import os
import signal
import time

import pytest

from bot.cli.serve import stop_on_signals


def _deliver(signum: int) -> None:
    os.kill(os.getpid(), signum)
    time.sleep(0.05)  # Python runs the handler between bytecodes of the main thread


@pytest.mark.parametrize(("first", "second"), [(signal.SIGTERM, signal.SIGTERM), (signal.SIGINT, signal.SIGTERM),
                                               (signal.SIGTERM, signal.SIGINT)])
def test_a_second_stop_signal_is_logged_and_does_not_interrupt_the_stop(caplog, first, second):
    previous = stop_on_signals()
    try:
        with pytest.raises(KeyboardInterrupt):
            _deliver(first)
        finished = False
        with caplog.at_level(logging.WARNING, logger="bot.cli.serve"):
            _deliver(second)  # in the middle of the stop: must not raise
            finished = True
        assert finished
        said = " ".join(r.getMessage() for r in caplog.records)
        assert f"{signal.Signals(second).name} received while stopping" in said
        assert "SIGKILL" in said
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def test_the_handlers_serve_replaced_are_put_back(caplog):
    before = signal.getsignal(signal.SIGTERM)
    previous = stop_on_signals()
    assert signal.getsignal(signal.SIGTERM) is not before
    for signum, handler in previous.items():
        signal.signal(signum, handler)
    assert signal.getsignal(signal.SIGTERM) is before
