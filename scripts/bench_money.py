#!/usr/bin/env python3
"""Money-movement benchmarks on `capstan devnet` with the reference plugin (loopback only).

- deposits_per_second: deposits inserted in pending_user_transfer_start (as SEP-24 leaves them once the user says
  they sent the money), then `capstan worker pending-deposits` runs until every one is `completed`, i.e. paid on the
  devnet; a sample is checked against the ledger's balances.
- watcher_payments_per_second: withdrawals waiting for the user's Stellar payment, each with its own id memo, and one
  matching SRT payment each already on the devnet (a backlog); `capstan worker watch-payments` runs until none waits.

Rows are inserted straight into the anchor's SQLite database: the benchmark measures the workers, not the SEP
endpoints (scripts/bench.py and bench_sep24.py cover those)."""
import argparse
import concurrent.futures
import decimal
import json
import os
import pathlib
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

from stellar_sdk import Account, Asset, ChangeTrust, CreateAccount, IdMemo, Keypair, Payment, Server, TransactionBuilder

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import dev_bootstrap  # noqa: E402  (sibling script: the same issuer/distribution set-up as `make dev`)

PASSPHRASE = dev_bootstrap.PASSPHRASE
# Users per set-up envelope: each signs its own trustline, and an envelope carries at most 20 signatures.
USERS_PER_ENVELOPE = 19
OPS_PER_ENVELOPE = 100


def log(message):
    print(f"bench_money: {message}", file=sys.stderr, flush=True)


class Devnet:
    """`capstan devnet` on a free loopback port."""

    def __init__(self, capstan_bin, interval_ms, log_file):
        self.process = subprocess.Popen(
            [capstan_bin, "devnet", "--port", "0", "--ledger-interval-ms", str(interval_ms)],
            stdout=subprocess.PIPE, stderr=log_file, text=True)
        line = self.process.stdout.readline()
        if not line.startswith("devnet listening on "):
            self.process.kill()
            sys.exit(f"bench_money: the devnet did not start: {line!r}")
        self.url = line.split("devnet listening on ", 1)[1].strip()
        self.server = Server(horizon_url=self.url)

    def get(self, path):
        with urllib.request.urlopen(f"{self.url}{path}", timeout=30) as response:
            return json.loads(response.read())

    def post_envelope(self, xdr):
        """Submits one envelope; returns (ok, body). Plain urllib: the SDK's per-call overhead would be measured too."""
        data = urllib.parse.urlencode({"tx": xdr}).encode()
        request = urllib.request.Request(f"{self.url}/transactions", data=data,
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                body = json.loads(response.read())
                return body.get("successful", True) is not False, body
        except urllib.error.HTTPError as error:
            return False, error.read().decode(errors="replace")

    def submit(self, source, operations, signers):
        builder = TransactionBuilder(source_account=self.server.load_account(source.public_key),
                                     network_passphrase=PASSPHRASE, base_fee=100)
        for operation in operations:
            builder.append_operation(operation)
        envelope = builder.set_timeout(300).build()
        envelope.sign(source)
        for signer in signers:
            envelope.sign(signer)
        ok, body = self.post_envelope(envelope.to_xdr())
        if not ok:
            sys.exit(f"bench_money: set-up transaction failed: {str(body)[:500]}")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def configure_anchor(capstan_bin, work, horizon):
    """`capstan init --network devnet` with the reference plugin alone, arrival delay 0, Horizon = the devnet."""
    plugins = work / "plugins"
    plugins.mkdir()
    shutil.copy(args.plugin, plugins / "libreference.so")
    anchor = work / "anchor"
    subprocess.run([capstan_bin, "init", "--dir", str(anchor), "--network", "devnet", "--plugins-dir", str(plugins)],
                   check=True, capture_output=True, text=True)
    config = anchor / "capstan.yaml"
    database = anchor / "capstan.sqlite"
    lines = []
    for line in config.read_text().splitlines():
        if line.strip().startswith("order:"):
            line = "  order: [reference]"                       # the other example plugins are not in this directory
        elif line.strip().startswith('url: "sqlite:'):
            line = f'  url: "sqlite:{database}"'               # workers run from any directory
        lines.append(line)
    text = dev_bootstrap.enable("\n".join(lines) + "\n", horizon, 0)
    config.write_text(text)
    return config, database, text


def bootstrap(devnet, text):
    """The SRT issuer and distribution accounts exactly as scripts/dev_bootstrap.py leaves them."""
    issuer, distribution = dev_bootstrap.secrets(text)
    srt = Asset("SRT", issuer.public_key)
    dev_bootstrap.fund(devnet.server, devnet.url, issuer, "SRT issuer")
    dev_bootstrap.fund(devnet.server, devnet.url, distribution, "SRT distribution")
    dev_bootstrap.submit(devnet.server, distribution, [
        ChangeTrust(asset=srt, source=distribution.public_key),
        Payment(destination=distribution.public_key, asset=srt, amount=str(dev_bootstrap.FLOAT), source=issuer.public_key),
    ], [distribution, issuer])
    return issuer, distribution, srt


def create_users(devnet, srt, users, issuer=None, srt_each=None):
    """Accounts with SRT trustlines, 19 per envelope (signature limit); optionally SRT from the issuer, 100 per envelope."""
    funder = Keypair.random()
    dev_bootstrap.fund(devnet.server, devnet.url, funder, "set-up funder")
    for start in range(0, len(users), USERS_PER_ENVELOPE):
        batch = users[start:start + USERS_PER_ENVELOPE]
        operations = [CreateAccount(destination=user.public_key, starting_balance="5") for user in batch]
        operations += [ChangeTrust(asset=srt, source=user.public_key) for user in batch]
        devnet.submit(funder, operations, batch)
    if issuer is not None:
        for start in range(0, len(users), OPS_PER_ENVELOPE):
            operations = [Payment(destination=user.public_key, asset=srt, amount=srt_each)
                          for user in users[start:start + OPS_PER_ENVELOPE]]
            devnet.submit(issuer, operations, [])


def count(database, sql, *parameters):
    with sqlite3.connect(database, timeout=30) as db:
        return db.execute(sql, parameters).fetchone()[0]


def srt_balance(devnet, account_id, srt):
    for line in devnet.get(f"/accounts/{account_id}")["balances"]:
        if line.get("asset_code") == srt.code and line.get("asset_issuer") == srt.issuer:
            return decimal.Decimal(line["balance"])
    return None


def run_worker_until(capstan_bin, config, name, database, done_sql, total, log_file, timeout):
    """Starts `capstan worker NAME` and returns the seconds until DONE_SQL counts TOTAL rows (process start included)."""
    started = time.monotonic()
    worker = subprocess.Popen([capstan_bin, "worker", name, "--config", str(config), "--interval", str(args.interval)],
                              stdout=log_file, stderr=log_file)
    try:
        while True:
            done = count(database, done_sql)
            if done >= total:
                return time.monotonic() - started
            if worker.poll() is not None:
                sys.exit(f"bench_money: `worker {name}` exited ({worker.returncode}) with {done}/{total} done; see {log_file.name}")
            if time.monotonic() - started > timeout:
                sys.exit(f"bench_money: `worker {name}` did {done}/{total} in {timeout} s; see {log_file.name}")
            time.sleep(0.05)
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.kill()


def bench_deposits(devnet, config, database, srt, log_file):
    users = [Keypair.random() for _ in range(args.deposit_accounts)]
    create_users(devnet, srt, users)
    now = int(time.time() * 1000)
    deposits = []
    with sqlite3.connect(database) as db:
        for index in range(args.deposits):
            user = users[index % len(users)]
            amount = f"{10 + index % 90}.{(index * 37) % 100:02d}"
            deposit_id = str(uuid.uuid4())
            # As SEP-24 leaves a deposit once the user says they sent the money; the reference rails see it arrived.
            db.execute(
                "INSERT INTO transactions (id, kind, protocol, sub, asset_code, version, status, started_at, updated_at,"
                " amount_in, amount_in_asset, amount_out, amount_out_asset, amount_fee, amount_fee_asset, to_address,"
                " refunded, claimable_balance_supported)"
                " VALUES (?, 'deposit', 'sep24', ?, 'SRT', 1, 'pending_user_transfer_start', ?, ?, ?, ?, ?, ?, '0', ?, ?, 0, 0)",
                (deposit_id, user.public_key, now, now, amount, f"stellar:SRT:{srt.issuer}", amount,
                 f"stellar:SRT:{srt.issuer}", f"stellar:SRT:{srt.issuer}", user.public_key))
            deposits.append((user.public_key, decimal.Decimal(amount)))
    log(f"{args.deposits} deposits to {len(users)} accounts inserted; starting `worker pending-deposits`")
    seconds = run_worker_until(args.bin, config, "pending-deposits", database,
                               "SELECT COUNT(*) FROM transactions WHERE kind = 'deposit' AND status = 'completed'",
                               args.deposits, log_file, args.timeout)
    # The ledger is the judge: a sample of accounts holds exactly what their deposits sum to.
    expected = {}
    for account_id, amount in deposits:
        expected[account_id] = expected.get(account_id, decimal.Decimal(0)) + amount
    for account_id in list(expected)[:10]:
        held = srt_balance(devnet, account_id, srt)
        if held != expected[account_id]:
            sys.exit(f"bench_money: {account_id} holds {held} SRT on the devnet, its deposits total {expected[account_id]}")
    print(f"deposits_per_second: {args.deposits / seconds:.1f} ({args.deposits} deposits, {seconds:.2f} s)", flush=True)


def bench_watcher(devnet, config, database, issuer, distribution, srt, log_file):
    total = args.payments
    sources = [Keypair.random() for _ in range(min(args.payment_sources, total))]
    per_source = -(-total // len(sources))
    create_users(devnet, srt, sources, issuer=issuer, srt_each=str(per_source * 2))
    now = int(time.time() * 1000)
    memo_base = 7_000_000
    with sqlite3.connect(database) as db:
        rows = [(str(uuid.uuid4()), sources[i % len(sources)].public_key, now, now, distribution.public_key,
                 str(memo_base + i)) for i in range(total)]
        db.executemany(
            "INSERT INTO transactions (id, kind, protocol, sub, asset_code, version, status, started_at, updated_at,"
            " amount_expected, amount_in_asset, withdraw_anchor_account, withdraw_memo, withdraw_memo_type,"
            " refunded, claimable_balance_supported)"
            f" VALUES (?, 'withdrawal', 'sep24', ?, 'SRT', 1, 'pending_user_transfer_start', ?, ?, '1.5',"
            f" 'stellar:SRT:{srt.issuer}', ?, ?, 'id', 0, 0)", rows)

    # One memo per transaction, so one payment per transaction: every source sends its share in sequence, all
    # sources at once. Envelopes are built and signed first so the submission rate is the devnet's.
    envelopes = [[] for _ in sources]
    for index, source in enumerate(sources):
        sequence = int(devnet.get(f"/accounts/{source.public_key}")["sequence"])
        account = Account(source.public_key, sequence)
        for i in range(index, total, len(sources)):
            envelope = (TransactionBuilder(source_account=account, network_passphrase=PASSPHRASE, base_fee=100)
                        .append_operation(Payment(destination=distribution.public_key, asset=srt, amount="1.5"))
                        .add_memo(IdMemo(memo_base + i)).set_timeout(600).build())
            envelope.sign(source)
            envelopes[index].append(envelope.to_xdr())
    log(f"{total} withdrawals inserted and {total} payments signed; submitting from {len(sources)} accounts")
    failures = []
    lock = threading.Lock()

    def send(queue):
        for xdr in queue:
            ok, body = devnet.post_envelope(xdr)
            if not ok:
                with lock:
                    failures.append(str(body)[:300])
                return

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(sources)) as pool:
        list(pool.map(send, envelopes))
    if failures:
        sys.exit(f"bench_money: {len(failures)} payment submissions failed, e.g. {failures[0]}")
    log(f"{total} payments on the devnet in {time.monotonic() - started:.1f} s; starting `worker watch-payments`")
    seconds = run_worker_until(args.bin, config, "watch-payments", database,
                               "SELECT COUNT(*) FROM transactions WHERE kind = 'withdrawal'"
                               " AND status != 'pending_user_transfer_start'", total, log_file, args.timeout)
    matched = count(database, "SELECT COUNT(*) FROM transactions WHERE kind = 'withdrawal' AND stellar_transaction_id IS NOT NULL")
    if matched != total:
        sys.exit(f"bench_money: {matched}/{total} withdrawals carry the paying transaction's hash")
    print(f"watcher_payments_per_second: {total / seconds:.1f} ({total} payments, {seconds:.2f} s)", flush=True)


def main():
    global args
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=".build/release/capstan", help="the capstan binary")
    parser.add_argument("--plugin", default=".build/bench/plugins.d/libreference.so", help="the reference plugin")
    parser.add_argument("--deposits", type=int, default=200)
    parser.add_argument("--deposit-accounts", type=int, default=100)
    parser.add_argument("--payments", type=int, default=10_000, help="withdrawal payments in the watcher's backlog")
    parser.add_argument("--payment-sources", type=int, default=200, help="accounts the payments are sent from")
    parser.add_argument("--ledger-interval-ms", type=int, default=50)
    parser.add_argument("--interval", type=float, default=0.2, help="the workers' seconds between passes")
    parser.add_argument("--timeout", type=float, default=180, help="seconds each worker gets to finish")
    parser.add_argument("--only", choices=["deposits", "watcher"], help="run one benchmark")
    parser.add_argument("--keep", action="store_true", help="keep the work directory (logs, database)")
    args = parser.parse_args()
    args.bin = os.path.abspath(args.bin)
    for path in (args.bin, args.plugin):
        if not os.path.exists(path):
            sys.exit(f"bench_money: {path} not found")

    work = pathlib.Path(tempfile.mkdtemp(prefix="capstan-bench-money-"))
    devnet_log = open(work / "devnet.log", "w")
    worker_log = open(work / "workers.log", "w")
    devnet = Devnet(args.bin, args.ledger_interval_ms, devnet_log)
    try:
        config, database, text = configure_anchor(args.bin, work, devnet.url)
        issuer, distribution, srt = bootstrap(devnet, text)
        if args.only in (None, "deposits"):
            bench_deposits(devnet, config, database, srt, worker_log)
        if args.only in (None, "watcher"):
            bench_watcher(devnet, config, database, issuer, distribution, srt, worker_log)
    finally:
        devnet.stop()
        devnet_log.close()
        worker_log.close()
        if args.keep:
            log(f"work directory kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
