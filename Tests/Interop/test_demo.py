"""`make demo` as a test: scripts/demo.py (the Python stellar-sdk as the wallet) against a devnet and an anchor with
every worker, both on free loopback ports, set up by the same scripts/dev_bootstrap.py that `make run` uses.

The demo is the one place transactions reach `completed`, so the anchor test suite's SEP-24 checks on completed
transactions (#19, #22, #23, #24; CONFORMANCE.md "SEP-24") run here too, on the deposit and withdrawal it records,
while the same anchor still serves."""
import json
import os
import subprocess
import sys

import pytest

from browser.anchor import free_port, request
from conftest import REPO, Server, run
from sep24_schema import check_transaction, expect_json
from test_devnet import Devnet

STEPS = [
    "SEP-24 deposit: completed",
    "SEP-24 withdrawal: pending_user_transfer_start", "SEP-24 withdrawal: pending_external", "SEP-24 withdrawal: completed",
    "is ACCEPTED",
    "SEP-6 deposit: completed",
    "SEP-6 withdrawal: pending_user_transfer_start", "SEP-6 withdrawal: pending_external", "SEP-6 withdrawal: completed",
    "done: two deposits and two withdrawals completed",
]


def bootstrap(config, horizon):
    return subprocess.run(
        [sys.executable, str(REPO / "scripts" / "dev_bootstrap.py"), "--config", str(config), "--horizon", horizon,
         "--arrival-delay-seconds", "0"],
        capture_output=True, text=True, timeout=120)


class Demo:
    """One run of scripts/demo.py --record, and what to show when something about it fails."""

    def __init__(self, process, record_path, log_path, horizon):
        self.process = process
        self.horizon = horizon
        self.record = json.loads(record_path.read_text()) if record_path.exists() else None
        self.log_path = log_path

    def context(self):
        log = self.log_path.read_text()[-6000:]
        return self.process.stdout + self.process.stderr + "\n--- anchor log (tail) ---\n" + log

    def get(self, query):
        """`GET /transaction?<query>` as the demo's wallet (its JWT), as the suite's fetchTransaction sends it."""
        return request(f"{self.record['transfer_server']}/transaction?{query}",
                       headers={"Authorization": f"Bearer {self.record['token']}"})

    def completed(self, kind):
        """The body of `GET /transaction?id=` for the recorded SEP-24 deposit or withdrawal."""
        assert self.record is not None, "scripts/demo.py recorded nothing\n" + self.context()
        return expect_json(self.get("id=" + self.record[kind]), 200)


@pytest.fixture(scope="module")
def demo(tmp_path_factory, capstan_bin):
    """The devnet, the anchor and the demo, once for every test below; the anchor keeps serving until they end."""
    tmp_path = tmp_path_factory.mktemp("demo")
    plugins = os.environ.get("CAPSTAN_PLUGINS_DIR", str(REPO / "plugins.d"))
    result = run(capstan_bin, "init", "--dir", str(tmp_path / "anchor"), "--network", "devnet", "--plugins-dir", plugins)
    assert result.returncode == 0, result.stderr
    config = tmp_path / "anchor" / "capstan.yaml"
    devnet = Devnet(capstan_bin, "--ledger-interval-ms", "200", "--state", str(tmp_path / "devnet.json"))
    anchor = None
    log = open(tmp_path / "anchor.log", "w")
    try:
        first = bootstrap(config, devnet.url)
        assert first.returncode == 0, first.stdout + first.stderr
        assert "holds 1000000 SRT" in first.stdout
        again = bootstrap(config, devnet.url)                          # idempotent: a second run changes nothing
        assert again.returncode == 0 and again.stdout.startswith("dev_bootstrap: ready"), again.stdout + again.stderr

        port = free_port()
        anchor = Server(capstan_bin, config, workers=True, stderr=log, extra_args=("--port", str(port)), env={
            "ANCHOR_HOME_DOMAIN": f"127.0.0.1:{port}", "ANCHOR_PUBLIC_URL": f"http://127.0.0.1:{port}",
            "SEP12_FILES_DIR": str(tmp_path / "kyc-files"), "LOG_LEVEL": "info",
        })
        record = tmp_path / "sep24.json"
        process = subprocess.run(
            [sys.executable, str(REPO / "scripts" / "demo.py"), "--anchor", anchor.url, "--timeout", "120",
             "--record", str(record)],
            capture_output=True, text=True, timeout=600)
        log.flush()
        yield Demo(process, record, tmp_path / "anchor.log", devnet.url)
    finally:
        if anchor is not None:
            anchor.stop()
        devnet.stop()
        log.close()


def test_demo_moves_money_both_ways_with_sep24_and_sep6(demo):
    assert demo.process.returncode == 0, demo.context()
    position = 0
    for step in STEPS:                                                 # each status printed, in the order it happened
        found = demo.process.stdout.find(step, position)
        assert found >= 0, f"{step!r} missing or out of order\n{demo.context()}"
        position = found


@pytest.mark.parametrize("kind", ["deposit", "withdrawal"])
def test_19_and_22_has_proper_completed_transaction_schema_on_transaction(demo, kind):
    body = demo.completed(kind)
    check_transaction(body, kind == "deposit", is_completed=True)
    assert body["transaction"]["status"] == "completed"


@pytest.mark.parametrize("kind", ["deposit", "withdrawal"])
def test_23_and_24_returns_valid_transaction_when_using_stellar_transaction_id_param(demo, kind):
    # The suite takes the hash from its config file. Here: the withdrawal's is the wallet's own payment, and the
    # deposit's must be a transaction the ledger holds.
    tx = demo.completed(kind)["transaction"]
    if kind == "withdrawal":
        assert tx["stellar_transaction_id"] == demo.record["withdrawal_payment"]
    else:
        status, _, ledger = request(f"{demo.horizon}/transactions/{tx['stellar_transaction_id']}")
        assert status == 200 and json.loads(ledger)["hash"] == tx["stellar_transaction_id"], ledger
    body = expect_json(demo.get("stellar_transaction_id=" + tx["stellar_transaction_id"]), 200)
    check_transaction(body, kind == "deposit", is_completed=True)
    assert body["transaction"]["id"] == tx["id"]
