#!/usr/bin/env python3
"""SEP-24 loopback benchmark: `GET /sep24/info` and `GET /sep24/transactions` (an account holding 1,000
transactions, `limit=50`), requests/s and p99 latency from wrk.

Give it a capstan binary (`--bin`, a release build for figures worth quoting): it runs `capstan init` in a temporary
directory, serves with SEP-10 and SEP-24 on (Horizon is a loopback stub), authenticates a wallet with the Python
stellar-sdk, creates the 1,000 transactions through the API, then points wrk at both endpoints with the wallet's JWT.
Server, wrk and stub share the machine's cores: the honest setting for a 2-core box.

    swift build -c release --product capstan && python3 scripts/bench_sep24.py --bin .build/release/capstan
"""
import argparse
import concurrent.futures
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "Tests" / "Interop"))

TARGETS = {"info": 15_000, "transactions": 3_000}


def wrk(url, seconds, connections, threads, headers=()):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    out = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    p99_ms = float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, p99_ms, int(errors.group(1)) if errors else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", required=True, help="a capstan binary")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=1, help="wrk threads")
    parser.add_argument("--transactions", type=int, default=1000, help="transactions the benchmark account owns")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: run `make deps`")

    from conftest import run                    # the interop harness knows how to start capstan
    from browser.anchor import Anchor

    with tempfile.TemporaryDirectory() as temporary:
        work = pathlib.Path(temporary)
        (work / "plugins.d").mkdir()
        result = run(args.bin, "init", "--dir", str(work / "anchor"), "--plugins-dir", str(work / "plugins.d"))
        if result.returncode != 0:
            sys.exit(result.stderr)
        anchor = Anchor(args.bin, work / "anchor" / "capstan.yaml",
                        extra_env={"LOG_LEVEL": "error", "PLUGINS_DIR": str(work / "plugins.d")})
        try:
            wallet = anchor.wallet()
            with concurrent.futures.ThreadPoolExecutor(8) as pool:
                list(pool.map(lambda index: wallet.start("deposit" if index % 2 else "withdraw"), range(args.transactions)))
            status, _, body = wallet.call("GET", "/transactions?asset_code=SRT&limit=50")
            assert status == 200 and len(body["transactions"]) == 50, body
            print(f"account transactions: {args.transactions}")

            figures = {
                "info": wrk(anchor.transfer_server + "/info", args.seconds, args.connections, args.threads),
                "transactions": wrk(anchor.transfer_server + "/transactions?asset_code=SRT&limit=50", args.seconds,
                                    args.connections, args.threads, headers=[f"Authorization: Bearer {wallet.token}"]),
            }
            for name, (rps, p99, errors) in figures.items():
                verdict = "ok" if rps >= TARGETS[name] and errors == 0 else "BELOW TARGET"
                print(f"sep24_{name}_rps: {rps:.0f} (target >= {TARGETS[name]}, {verdict}); p99_ms: {p99:.2f}; non_2xx: {errors}")
        finally:
            anchor.stop()


if __name__ == "__main__":
    main()
