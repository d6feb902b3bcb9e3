"""`make demo` as a test: scripts/demo.py (the Python stellar-sdk as the wallet) against a devnet and an anchor with
every worker, both on free loopback ports, set up by the same scripts/dev_bootstrap.py that `make run` uses."""
import os
import subprocess
import sys

from browser.anchor import free_port
from conftest import REPO, Server, run
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


def test_demo_moves_money_both_ways_with_sep24_and_sep6(tmp_path, capstan_bin):
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
        demo = subprocess.run(
            [sys.executable, str(REPO / "scripts" / "demo.py"), "--anchor", anchor.url, "--timeout", "120"],
            capture_output=True, text=True, timeout=600)
        log.flush()
        context = demo.stdout + demo.stderr + "\n--- anchor log (tail) ---\n" + (tmp_path / "anchor.log").read_text()[-6000:]
        assert demo.returncode == 0, context
        position = 0
        for step in STEPS:                                             # each status printed, in the order it happened
            found = demo.stdout.find(step, position)
            assert found >= 0, f"{step!r} missing or out of order\n{context}"
            position = found
    finally:
        if anchor is not None:
            anchor.stop()
        devnet.stop()
        log.close()
