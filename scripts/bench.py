#!/usr/bin/env python3
"""Loopback benchmarks for `make bench`: start-up time, idle memory, and wrk load on each endpoint.

Each figure is printed as one line so notes and CI logs can quote them. The server and wrk share the
machine's cores, which is the honest setting for a 2-core box.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request


def start(binary, config):
    started = time.perf_counter()
    process = subprocess.Popen([binary, "serve", "--config", config, "--port", "0", "--no-workers"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    url = line.split("listening on ", 1)[1].strip()
    while True:
        try:
            with urllib.request.urlopen(url + "/.well-known/stellar.toml", timeout=1) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.002)
    return process, url, (time.perf_counter() - started) * 1000


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def wrk(url, seconds, connections, threads):
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url],
                         capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, float(p99.group(1)) * scale, int(errors.group(1)) if errors else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--plugins", required=True)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: run `make deps`")

    work = tempfile.mkdtemp(prefix="capstan-bench-")
    subprocess.run([args.bin, "init", "--dir", work, "--plugins-dir", os.path.abspath(args.plugins)], check=True,
                   stdout=subprocess.DEVNULL)
    config = os.path.join(work, "capstan.yaml")
    os.environ["LOG_LEVEL"] = "error"

    startups = []
    for _ in range(5):
        process, url, millis = start(args.bin, config)
        startups.append(millis)
        process.terminate()
        process.wait()
    process, url, _ = start(args.bin, config)
    try:
        time.sleep(1)
        idle = rss_mb(process.pid)
        print(f"startup_ms (exec to first 200, median of 5): {sorted(startups)[2]:.0f}")
        print(f"idle_rss_mb: {idle:.1f}")
        endpoints = [("stellar.toml", "/.well-known/stellar.toml"), ("health", "/health")]
        for name, path in endpoints:
            rps, p99, errors = wrk(url + path, args.seconds, args.connections, args.threads)
            print(f"{name}: {rps:,.0f} req/s, p99 {p99:.2f} ms, non-2xx {errors} "
                  f"({args.connections} connections, {args.seconds}s)")
        print(f"loaded_rss_mb: {rss_mb(process.pid):.1f}")
    finally:
        process.terminate()
        process.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
