"""Crash safety of deposits: `capstan worker pending-deposits` is SIGKILLed at random moments while it pays 200
deposits on `capstan devnet`, restarted each time; at the end the devnet ledger (not our table) must show every
deposit paid exactly once."""
import decimal
import json
import os
import pathlib
import random
import signal
import sqlite3
import subprocess
import time
import urllib.request
import uuid

import pytest
from stellar_sdk import Asset, ChangeTrust, CreateAccount, Keypair, Payment, Server, TransactionBuilder

from conftest import REPO, run

PASSPHRASE = "Standalone Network ; February 2017"
DEPOSITS = 200
KILLS = 20
# Users per setup envelope: each signs its own trustline, and an envelope carries at most 20 signatures.
USERS_PER_ENVELOPE = 19


class Devnet:
    """`capstan devnet` on a free loopback port, closing a ledger every 50 ms."""

    def __init__(self, capstan_bin, log):
        self.process = subprocess.Popen(
            [capstan_bin, "devnet", "--port", "0", "--ledger-interval-ms", "50"],
            stdout=subprocess.PIPE, stderr=log, text=True,
        )
        line = self.process.stdout.readline()
        if not line.startswith("devnet listening on "):
            self.process.kill()
            raise AssertionError(f"no listening line: {line!r}")
        self.url = line.split("devnet listening on ", 1)[1].strip()
        self.server = Server(horizon_url=self.url)

    def get(self, path):
        with urllib.request.urlopen(f"{self.url}{path}", timeout=15) as response:
            return json.loads(response.read())

    def friendbot(self, account_id):
        assert self.get(f"/friendbot?addr={account_id}")["successful"] is True

    def submit(self, source, operations, signers):
        builder = TransactionBuilder(
            source_account=self.server.load_account(source.public_key), network_passphrase=PASSPHRASE, base_fee=100)
        for operation in operations:
            builder.append_operation(operation)
        envelope = builder.set_timeout(60).build()
        envelope.sign(source)
        for signer in signers:
            envelope.sign(signer)
        response = self.server.submit_transaction(envelope)
        assert response["successful"] is True, response

    def balance(self, account_id, code, issuer):
        for line in self.get(f"/accounts/{account_id}")["balances"]:
            if line.get("asset_code") == code and line.get("asset_issuer") == issuer:
                return decimal.Decimal(line["balance"])
        return None

    def payments(self, account_id):
        records, cursor = [], ""
        while True:
            page = self.get(f"/accounts/{account_id}/payments?limit=200&order=asc{cursor}")["_embedded"]["records"]
            records += page
            if len(page) < 200:
                return records
            cursor = f"&cursor={page[-1]['paging_token']}"

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        finally:
            if self.process.poll() is None:
                self.process.kill()


def build_rails_plugin(directory):
    """Compiles fault_rails.c (every deposit asked about has arrived) into DIRECTORY/libfaultrails.so."""
    directory.mkdir(parents=True)
    output = directory / "libfaultrails.so"
    subprocess.run(
        [os.environ.get("CC", "cc"), "-std=c11", "-Wall", "-Wextra", "-Werror", "-shared", "-fPIC", "-fvisibility=hidden",
         "-I", str(REPO / "Sources" / "CCapstanPlugin" / "include"), "-o", str(output),
         str(pathlib.Path(__file__).with_name("fault_rails.c"))],
        check=True, capture_output=True, text=True,
    )
    return output


def configure_anchor(capstan_bin, tmp_path, horizon_url):
    """`capstan init --network devnet`, pointed at the devnet and at a plugin directory holding only the test rails."""
    plugins = tmp_path / "plugins"
    build_rails_plugin(plugins)
    result = run(capstan_bin, "init", "--dir", str(tmp_path / "anchor"), "--network", "devnet", "--plugins-dir", str(plugins))
    assert result.returncode == 0, result.stderr
    config = tmp_path / "anchor" / "capstan.yaml"
    database = tmp_path / "anchor" / "capstan.sqlite"
    lines = []
    for line in config.read_text().splitlines():
        if line.strip().startswith("order:"):
            continue                                    # the example plugins it names are not loaded here
        if line.strip().startswith("url: \"sqlite:"):
            line = f"  url: \"sqlite:{database}\""
        lines.append(line)
    lines += ["", "horizon:", f"  url: \"{horizon_url}\""]
    config.write_text("\n".join(lines) + "\n")
    return config, database


def secrets(config):
    """The SRT distribution and issuer secrets `capstan init` wrote."""
    text = config.read_text().splitlines()
    distribution = next(text[i + 1] for i, line in enumerate(text) if "distribution_secrets:" in line)
    issuer = next(line for line in text if "issuer_secret:" in line)
    unquote = lambda value: value.split('"')[1]
    return Keypair.from_secret(unquote(distribution)), Keypair.from_secret(unquote(issuer))


def fund_accounts(devnet, issuer, distribution, users):
    """Issuer and distribution from friendbot, SRT to the distribution account, users created with SRT trustlines."""
    srt = Asset("SRT", issuer.public_key)
    devnet.friendbot(issuer.public_key)
    devnet.friendbot(distribution.public_key)
    devnet.submit(distribution, [ChangeTrust(asset=srt)], [])
    devnet.submit(issuer, [Payment(destination=distribution.public_key, asset=srt, amount="1000000")], [])
    funder = Keypair.random()
    devnet.friendbot(funder.public_key)
    for start in range(0, len(users), USERS_PER_ENVELOPE):
        batch = users[start:start + USERS_PER_ENVELOPE]
        operations = [CreateAccount(destination=user.public_key, starting_balance="5") for user in batch]
        operations += [ChangeTrust(asset=srt, source=user.public_key) for user in batch]
        devnet.submit(funder, operations, batch)


def insert_deposits(database, users, asset_code):
    """One SEP-24 deposit per user in pending_user_transfer_start, each with its own amount."""
    now = int(time.time() * 1000)
    deposits = []
    with sqlite3.connect(database) as db:
        for index, user in enumerate(users):
            amount = f"{100 + index}.{(index * 37) % 100:02d}"
            deposit = {"id": str(uuid.uuid4()), "account": user.public_key, "amount": decimal.Decimal(amount)}
            db.execute(
                "INSERT INTO transactions (id, kind, protocol, sub, asset_code, version, status, started_at, updated_at,"
                " amount_in, amount_out, amount_fee, to_address, refunded, claimable_balance_supported)"
                " VALUES (?, 'deposit', 'sep24', ?, ?, 1, 'pending_user_transfer_start', ?, ?, ?, ?, '0', ?, 0, 0)",
                (deposit["id"], user.public_key, asset_code, now, now, amount, amount, user.public_key),
            )
            deposits.append(deposit)
    return deposits


def statuses(database):
    with sqlite3.connect(database) as db:
        return dict(db.execute("SELECT id, status FROM transactions").fetchall())


def test_sigkilled_deposit_worker_pays_every_deposit_exactly_once(capstan_bin, tmp_path):
    started = time.monotonic()
    devnet_log = open(tmp_path / "devnet.log", "w")
    devnet = Devnet(capstan_bin, devnet_log)
    worker_log = open(tmp_path / "worker.log", "w")
    worker = None
    try:
        config, database = configure_anchor(capstan_bin, tmp_path, devnet.url)
        distribution, issuer = secrets(config)
        users = [Keypair.random() for _ in range(DEPOSITS)]
        fund_accounts(devnet, issuer, distribution, users)
        before = devnet.balance(distribution.public_key, "SRT", issuer.public_key)

        # `init` prepared the schema; one pass with nothing to do proves the config, plugin and Horizon URL load.
        result = run(capstan_bin, "worker", "pending-deposits", "--config", str(config), "--once")
        assert result.returncode == 0, result.stderr
        deposits = insert_deposits(database, users, "SRT")

        def start_worker():
            return subprocess.Popen(
                [capstan_bin, "worker", "pending-deposits", "--config", str(config), "--interval", "0.2"],
                stdout=worker_log, stderr=worker_log,
            )

        # A fresh seed each run (timing varies anyway); CAPSTAN_FAULT_SEED replays a failing run's kill moments.
        seed = os.environ.get("CAPSTAN_FAULT_SEED", str(random.randrange(1 << 32)))
        rng = random.Random(seed)
        kills = 0
        while kills < KILLS:
            worker = start_worker()
            time.sleep(rng.uniform(0.05, 1.5))
            worker.send_signal(signal.SIGKILL)
            worker.wait(timeout=10)
            kills += 1
            worker_log.write(f"\n=== SIGKILL {kills} ===\n")
            worker_log.flush()

        worker = start_worker()
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if all(status == "completed" for status in statuses(database).values()):
                break
            assert worker.poll() is None, "the worker exited on its own"
            time.sleep(0.5)
        final = statuses(database)

        # The ledger is the judge: each destination holds exactly one SRT payment, of exactly its deposit's amount.
        srt_payments = {}
        for deposit in deposits:
            payments = [
                record for record in devnet.payments(deposit["account"])
                if record["type"] == "payment" and record.get("asset_code") == "SRT"
            ]
            srt_payments[deposit["id"]] = payments
        wrong = {
            deposit["id"]: [(p["from"], p["amount"]) for p in srt_payments[deposit["id"]]]
            for deposit in deposits
            if len(srt_payments[deposit["id"]]) != 1
            or decimal.Decimal(srt_payments[deposit["id"]][0]["amount"]) != deposit["amount"]
            or srt_payments[deposit["id"]][0]["from"] != distribution.public_key
            or devnet.balance(deposit["account"], "SRT", issuer.public_key) != deposit["amount"]
        }
        assert not wrong, f"seed {seed}: {len(wrong)} deposits not paid exactly once on the ledger: {list(wrong.items())[:5]}"
        after = devnet.balance(distribution.public_key, "SRT", issuer.public_key)
        assert before - after == sum(deposit["amount"] for deposit in deposits), f"seed {seed}"
        paid_out = [
            record for record in devnet.payments(distribution.public_key)
            if record["type"] == "payment" and record["from"] == distribution.public_key
        ]
        assert len(paid_out) == DEPOSITS, f"seed {seed}: the distribution account made {len(paid_out)} payments"

        # Our table agrees: completed, with the hash of the transaction that paid.
        stuck = {id: status for id, status in final.items() if status != "completed"}
        assert not stuck, f"seed {seed}: {len(stuck)} deposits not completed: {list(stuck.items())[:5]}"
        with sqlite3.connect(database) as db:
            recorded = dict(db.execute("SELECT id, stellar_transaction_id FROM transactions").fetchall())
        for deposit in deposits:
            assert recorded[deposit["id"]] == srt_payments[deposit["id"]][0]["transaction_hash"]
        assert kills >= 20
        assert time.monotonic() - started < 240
    finally:
        if worker is not None and worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                worker.kill()
        devnet.stop()
        worker_log.close()
        devnet_log.close()
