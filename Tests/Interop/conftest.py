"""Shared fixtures: the built capstan binary and anchors it serves on free loopback ports."""
import os
import pathlib
import signal
import subprocess
import time

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def capstan_bin():
    path = pathlib.Path(os.environ.get("CAPSTAN_BIN", REPO / ".build" / "debug" / "capstan"))
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make test` (it builds the binary first)")
    return str(path)


def run(capstan_bin, *args, env=None, timeout=60):
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([capstan_bin, *args], capture_output=True, text=True, env=full_env, timeout=timeout)


class Server:
    """A `capstan serve` process on a free port; the address comes from its one stdout line."""

    def __init__(self, capstan_bin, config, env=None, extra_args=(), workers=False, stderr=None):
        full_env = dict(os.environ)
        full_env.update(env or {})
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [capstan_bin, "serve", "--config", str(config), "--port", "0", *(() if workers else ("--no-workers",)), *extra_args],
            stdout=subprocess.PIPE, stderr=stderr or subprocess.PIPE, text=True, env=full_env,
        )
        line = self.process.stdout.readline()
        if not line.startswith("listening on "):
            self.process.kill()
            raise AssertionError(f"no listening line: {line!r} stderr={self.process.stderr and self.process.stderr.read()}")
        self.url = line.split("listening on ", 1)[1].strip()

    def stop(self, timeout=10):
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()


@pytest.fixture
def anchor(tmp_path, capstan_bin):
    """A fresh `capstan init` directory using the repo's plugins.d (built by `make plugins`)."""
    result = run(capstan_bin, "init", "--dir", str(tmp_path / "anchor"), "--plugins-dir", str(REPO / "plugins.d"))
    assert result.returncode == 0, result.stderr
    return tmp_path / "anchor" / "capstan.yaml"


@pytest.fixture
def server(anchor, capstan_bin):
    process = Server(capstan_bin, anchor)
    yield process
    process.stop()
