#!/usr/bin/env python3
"""SEP-6 and SEP-12 loopback benchmark: `GET /sep6/info` (no auth) and `GET /kyc/customer` (a wallet with a customer
record in the reference plugin), requests/s and p99 latency from wrk.

Give it a capstan binary (`--bin`, a release build for figures worth quoting): it runs `capstan init` in a temporary
directory, serves with SEP-10, SEP-6 and SEP-12 on (Horizon is a loopback stub) and the reference plugin,
authenticates a wallet with the Python stellar-sdk, registers its customer, then points wrk at both endpoints.
Server, wrk and stub share the machine's cores: the honest setting for a 2-core box.

    swift build -c release --product capstan && python3 scripts/bench_sep6_12.py --bin .build/release/capstan
"""
import argparse
import json
import pathlib
import shutil
import sys
import tempfile

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "Tests" / "Interop"))
sys.path.insert(0, str(REPO / "scripts"))

from bench_sep24 import wrk  # noqa: E402  (one wrk parser for every benchmark)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", required=True, help="a capstan binary")
    parser.add_argument("--plugins", default=str(REPO / "plugins.d"), help="directory holding libreference.so")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=1, help="wrk threads")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: run `make deps`")

    from conftest import run                    # the interop harness knows how to start capstan
    from browser.anchor import Anchor, request

    with tempfile.TemporaryDirectory() as temporary:
        work = pathlib.Path(temporary)
        result = run(args.bin, "init", "--dir", str(work / "anchor"), "--plugins-dir", args.plugins)
        if result.returncode != 0:
            sys.exit(result.stderr)
        anchor = Anchor(args.bin, work / "anchor" / "capstan.yaml", extra_env={
            "LOG_LEVEL": "error", "PLUGINS_DIR": args.plugins, "SEP6_ENABLED": "true", "SEP12_ENABLED": "true",
            "SEP12_FILES_DIR": str(work / "kyc")})
        try:
            wallet = anchor.wallet()
            kyc = anchor.toml["KYC_SERVER"]
            headers = {"Authorization": f"Bearer {wallet.token}", "Content-Type": "application/json"}
            status, _, body = request(kyc + "/customer", "PUT", json.dumps(
                {"first_name": "Ana", "last_name": "Lopez", "email_address": "ana@example.com"}).encode(), headers)
            assert status == 202, body
            status, _, body = request(kyc + "/customer", headers={"Authorization": f"Bearer {wallet.token}"})
            assert status == 200, body
            figures = {
                "sep6_info": wrk(anchor.toml["TRANSFER_SERVER"] + "/info", args.seconds, args.connections, args.threads),
                "kyc_customer": wrk(kyc + "/customer", args.seconds, args.connections, args.threads,
                                    headers=[f"Authorization: Bearer {wallet.token}"]),
            }
            for name, (rps, p99, errors) in figures.items():
                print(f"{name}_rps: {rps:.0f}; p99_ms: {p99:.2f}; non_2xx: {errors}")
        finally:
            anchor.stop()


if __name__ == "__main__":
    main()
