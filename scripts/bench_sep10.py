#!/usr/bin/env python3
"""SEP-10 loopback benchmark: challenges/s (GET /auth), verifications/s (POST /auth with pre-signed
challenges) and full round trips/s (GET, sign, POST), each with its p99 latency.

Give it a running server (`--url`, SEP-10 on, HORIZON_URL pointing at a Horizon stub), or let it start
one (`--bin` = a capstan binary: it runs `capstan init` in a temporary directory and serves with
`horizon_stub.py` on loopback). GET and POST load comes from wrk (POST through a Lua script that rotates
over a file of pre-signed challenges) because a Python client cannot produce thousands of requests per
second; round trips need an ed25519 signature per request on the client, so they use the Python
stellar-sdk in several processes and are bounded by that client, which the report says.

Everything shares the machine's cores (server, wrk, Horizon stub), the honest setting for a 2-core box.
"""
import argparse
import base64
import hashlib
import json
import multiprocessing
import os
import pathlib
import re
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.parse
import urllib.request

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "Tests" / "Interop"))

POST_LUA = """
local bodies = {}
local counter = 0
init = function(args)
  for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
  counter = math.random(#bodies)
end
request = function()
  counter = counter + 1
  return wrk.format("POST", "/auth", {["Content-Type"] = "application/json"}, bodies[(counter % #bodies) + 1])
end
"""


def fetch(url, data=None, content_type=None):
    request = urllib.request.Request(url, data=data, headers={"Content-Type": content_type} if content_type else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


def wrk(url, seconds, connections, threads, script=None, script_args=()):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if script:
        command += ["-s", script]
    command.append(url)
    if script_args:
        command += ["--", *script_args]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    p99_ms = float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return rps, p99_ms, int(errors.group(1)) if errors else 0, socket_errors.group(1) if socket_errors else ""


def cpu_seconds(pid):
    """User + system CPU time of a process so far (Linux /proc)."""
    if not pid:
        return None
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def per_cpu(pid, before, requests):
    """Requests per CPU-second of the server: its capacity per dedicated core, whatever else shares the box."""
    if before is None:
        return ""
    used = cpu_seconds(pid) - before
    return f"  server CPU {used:.1f} s -> {requests / used:,.0f} req per server-CPU-second" if used > 0 else ""


class Target:
    """The server under test and what its stellar.toml says."""

    def __init__(self, url):
        self.url = url.rstrip("/")
        toml = tomllib.loads(fetch(self.url + "/.well-known/stellar.toml").decode())
        self.signing_key = toml["SIGNING_KEY"]
        self.passphrase = toml["NETWORK_PASSPHRASE"]
        self.web_auth_domain = urllib.parse.urlparse(toml["WEB_AUTH_ENDPOINT"]).netloc


def sign_challenge(xdr, keypair, network_id):
    """Adds `keypair`'s signature to a one-signature v1 envelope by splicing the XDR: the transaction bytes
    sit between the 4-byte envelope type and the signature array (count + 72 bytes per signature). This
    is ~20x faster than a full parse with the SDK, whose checks the interop tests already run."""
    raw = base64.b64decode(xdr)
    assert raw[:4] == b"\x00\x00\x00\x02" and raw[-76:-72] == b"\x00\x00\x00\x01", "expected a v1 envelope with one signature"
    transaction = raw[4:-76]
    digest = hashlib.sha256(network_id + b"\x00\x00\x00\x02" + transaction).digest()
    signature = keypair.signature_hint() + struct.pack(">I", 64) + keypair.sign(digest)
    return base64.b64encode(raw[:-76] + struct.pack(">I", 2) + raw[-72:] + signature).decode()


def signed_challenge(url, network_id, keypair):
    """One GET + sign: the signed envelope XDR."""
    document = json.loads(fetch(f"{url}/auth?account={keypair.public_key}"))
    return sign_challenge(document["transaction"], keypair, network_id)


def _presign_worker(job):
    from stellar_sdk import Keypair
    url, passphrase, count = job
    network_id = hashlib.sha256(passphrase.encode()).digest()
    return [signed_challenge(url, network_id, Keypair.random()) for _ in range(count)]


def presign(target, count, processes):
    chunks = [count // processes + (1 if i < count % processes else 0) for i in range(processes)]
    with multiprocessing.Pool(processes) as pool:
        results = pool.map(_presign_worker, [(target.url, target.passphrase, chunk) for chunk in chunks])
    return [xdr for chunk in results for xdr in chunk]


def _round_trip_worker(job):
    from stellar_sdk import Keypair
    import http.client
    url, passphrase, seconds = job
    parsed = urllib.parse.urlparse(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    latencies, failures = [], 0
    deadline = time.perf_counter() + seconds
    network_id = hashlib.sha256(passphrase.encode()).digest()
    # A pool of wallets: generating a key pair per round trip would measure the client, not the server.
    wallets = [Keypair.random() for _ in range(64)]
    while time.perf_counter() < deadline:
        keypair = wallets[len(latencies) % len(wallets)]
        started = time.perf_counter()
        connection.request("GET", f"/auth?account={keypair.public_key}")
        document = json.loads(connection.getresponse().read())
        signed = sign_challenge(document["transaction"], keypair, network_id)
        connection.request("POST", "/auth", json.dumps({"transaction": signed}), {"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        latencies.append((time.perf_counter() - started) * 1000)
        failures += response.status != 200
    return latencies, failures


def round_trips(target, seconds, processes):
    with multiprocessing.Pool(processes) as pool:
        results = pool.map(_round_trip_worker, [(target.url, target.passphrase, seconds)] * processes)
    latencies = sorted(latency for chunk, _ in results for latency in chunk)
    failures = sum(failed for _, failed in results)
    p99 = latencies[int(len(latencies) * 0.99) - 1] if latencies else float("nan")
    return len(latencies) / seconds, p99, failures, statistics.median(latencies) if latencies else float("nan")


def libsodium_rates(seconds=1.0):
    """ed25519 signatures and verifications per second on one core, through libsodium itself (ctypes), now: the
    machine's speed when the run was made. Each POST /auth verifies one signature, so this bounds what two cores
    can do, and it moves with the machine (the issue's figures were 60,000 and 20,000)."""
    import ctypes
    import ctypes.util
    name = ctypes.util.find_library("sodium")
    if not name:
        return None
    sodium = ctypes.CDLL(name)
    if sodium.sodium_init() < 0:
        return None
    buffer, length = ctypes.c_char_p, ctypes.c_ulonglong
    sodium.crypto_sign_detached.argtypes = [buffer, ctypes.c_void_p, buffer, length, buffer]
    sodium.crypto_sign_verify_detached.argtypes = [buffer, buffer, length, buffer]
    public, secret, signature = ctypes.create_string_buffer(32), ctypes.create_string_buffer(64), ctypes.create_string_buffer(64)
    message = bytes(32)
    sodium.crypto_sign_keypair(public, secret)
    if sodium.crypto_sign_detached(signature, None, message, 32, secret) != 0 or \
            sodium.crypto_sign_verify_detached(signature, message, 32, public) != 0:
        return None

    def rate(operation):
        started, count = time.perf_counter(), 0
        while time.perf_counter() - started < seconds:
            for _ in range(100):
                operation()
            count += 100
        return count / (time.perf_counter() - started)

    signs = rate(lambda: sodium.crypto_sign_detached(signature, None, message, 32, secret))
    verifies = rate(lambda: sodium.crypto_sign_verify_detached(signature, message, 32, public))
    return signs, verifies


def client_signing_rate():
    """How fast one Python process splices a signature into a challenge: part of the round-trip ceiling."""
    from stellar_sdk import Keypair
    from stellar_sdk.sep.stellar_web_authentication import build_challenge_transaction
    passphrase = "Test SDF Network ; September 2015"
    keypair = Keypair.random()
    xdr = build_challenge_transaction(Keypair.random().secret, keypair.public_key, "a.example", "a.example", passphrase)
    network_id = hashlib.sha256(passphrase.encode()).digest()
    started, count = time.perf_counter(), 0
    while time.perf_counter() - started < 1:
        sign_challenge(xdr, keypair, network_id)
        count += 1
    return count / (time.perf_counter() - started)


def start_server(binary, workdir):
    from conftest import Server, run  # noqa: the interop fixtures know how to start capstan
    from horizon_stub import HorizonStub
    result = run(binary, "init", "--dir", str(workdir / "anchor"), "--plugins-dir", str(workdir / "plugins.d"))
    if result.returncode != 0:
        sys.exit(result.stderr)
    horizon = HorizonStub()
    server = Server(binary, workdir / "anchor" / "capstan.yaml", env={
        "SEP10_ENABLED": "true", "HORIZON_URL": horizon.url, "LOG_LEVEL": "error",
    })
    return server, horizon


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--url", help="a running server with SEP-10 enabled")
    where.add_argument("--bin", help="a capstan binary to start (with a loopback Horizon stub)")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=1, help="wrk threads")
    parser.add_argument("--challenges", type=int, default=2000, help="pre-signed challenges POSTed in rotation")
    parser.add_argument("--post-runs", type=int, default=3, help="POST runs; the median is reported")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 2, help="Python client processes")
    parser.add_argument("--pid", type=int, help="the server's process id with --url, to report its CPU per request")
    args = parser.parse_args()
    if args.post_runs < 1:
        parser.error("--post-runs must be at least 1")
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (apt-get install wrk)")

    with tempfile.TemporaryDirectory() as temporary:
        server = horizon = None
        url = args.url
        if args.bin:
            (pathlib.Path(temporary) / "plugins.d").mkdir()
            server, horizon = start_server(args.bin, pathlib.Path(temporary))
            url = server.url
        try:
            target = Target(url)
            pid = server.process.pid if server else args.pid
            account = "GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7"

            before = cpu_seconds(pid)
            rps, p99, errors, socket = wrk(f"{target.url}/auth?account={account}", args.seconds, args.connections, args.threads)
            print(f"sep10 challenges/s (GET /auth, wrk -t{args.threads} -c{args.connections}): {rps:,.0f}  p99 {p99:.2f} ms  "
                  f"errors {errors} {socket}{per_cpu(pid, before, rps * args.seconds)}")

            started = time.perf_counter()
            bodies = presign(target, args.challenges, args.processes)
            bodies_file = pathlib.Path(temporary) / "bodies.txt"
            bodies_file.write_text("".join(json.dumps({"transaction": xdr}) + "\n" for xdr in bodies))
            script = pathlib.Path(temporary) / "post.lua"
            script.write_text(POST_LUA)
            print(f"  pre-signed {len(bodies)} challenges in {time.perf_counter() - started:.1f} s")
            # Repeated, and the median reported with the range: on shared cores one 10 s run can land in a slow spell.
            runs = []
            for _ in range(args.post_runs):
                requests_before = horizon.requests if horizon else None
                before = cpu_seconds(pid)
                rps, p99, errors, socket = wrk(f"{target.url}/auth", args.seconds, args.connections, args.threads,
                                               str(script), [str(bodies_file)])
                cpu = per_cpu(pid, before, rps * args.seconds)
                lookups = f"  Horizon lookups {horizon.requests - requests_before:,}" if horizon else ""
                print(f"  run {len(runs) + 1}: {rps:,.0f}/s  p99 {p99:.2f} ms  errors {errors} {socket}{lookups}{cpu}")
                runs.append((rps, p99, errors))
            rps, p99, _ = sorted(runs)[(len(runs) - 1) // 2]
            # All of them were issued by this server moments ago, so it recognises its own signature from its record
            # of issued challenges (IssuedChallenges), as it does for any wallet that signs and posts within ~4,000
            # GET /auth of its own; past that it signs again, 28 us more.
            print(f"sep10 verifications/s (POST /auth, {len(bodies)} distinct unfunded accounts, challenges issued by this "
                  f"server, wrk -t{args.threads} -c{args.connections}, median of {len(runs)} runs of {args.seconds} s): "
                  f"{rps:,.0f}  p99 {p99:.2f} ms  (runs {min(r[0] for r in runs):,.0f} to {max(r[0] for r in runs):,.0f})  "
                  f"errors {sum(r[2] for r in runs)}")
            rates = libsodium_rates()
            if rates:
                print(f"  libsodium on this machine now, one core: {rates[0]:,.0f} signatures/s, {rates[1]:,.0f} verifications/s "
                      f"(each POST verifies one signature)")

            ceiling = client_signing_rate()
            before = cpu_seconds(pid)
            rps, p99, failures, median = round_trips(target, args.seconds, args.processes)
            cpu = per_cpu(pid, before, rps * args.seconds)
            print(f"sep10 round trips/s (GET + sign + POST, {args.processes} Python processes, keep-alive): {rps:,.0f}  "
                  f"p50 {median:.2f} ms  p99 {p99:.2f} ms  failures {failures}  "
                  f"(client: one Python process signs ~{ceiling:,.0f} challenges/s, plus two HTTP exchanges per trip){cpu}")
        finally:
            if server:
                server.stop()
            if horizon:
                horizon.stop()


if __name__ == "__main__":
    main()
