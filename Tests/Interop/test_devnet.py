"""`capstan devnet` driven by a real wallet: the Python stellar-sdk's `Server`, friendbot, `TransactionBuilder`,
submission and its error types, payments paging and streaming, against the binary on a free port."""
import json
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest
from stellar_sdk import Asset, Claimant, Keypair, Server, TransactionBuilder
from stellar_sdk.exceptions import BadRequestError, NotFoundError
from stellar_sdk.xdr import TransactionResult

PASSPHRASE = "Standalone Network ; February 2017"


class Devnet:
    """A `capstan devnet` process on a free port; the address comes from its one stdout line."""

    def __init__(self, capstan_bin, *args):
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [capstan_bin, "devnet", "--port", "0", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        line = self.process.stdout.readline()
        if not line.startswith("devnet listening on "):
            self.process.kill()
            raise AssertionError(f"no listening line: {line!r} stderr={self.process.stderr.read()}")
        self.url = line.split("devnet listening on ", 1)[1].strip()
        self.server = Server(horizon_url=self.url)

    def friendbot(self, keypair):
        with urllib.request.urlopen(f"{self.url}/friendbot?addr={keypair.public_key}", timeout=15) as response:
            assert response.status == 200
            return json.loads(response.read())

    def stop(self, timeout=10):
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()


@pytest.fixture
def devnet(capstan_bin):
    # A short interval: submissions wait for a real ledger close, as against Horizon.
    process = Devnet(capstan_bin, "--ledger-interval-ms", "200")
    yield process
    process.stop()


def balance(server, account_id, code=None):
    record = server.accounts().account_id(account_id).call()
    for line in record["balances"]:
        if (code is None and line["asset_type"] == "native") or line.get("asset_code") == code:
            return line["balance"]
    return None


def builder(server, source):
    return TransactionBuilder(source_account=server.load_account(source.public_key), network_passphrase=PASSPHRASE, base_fee=100)


def test_root_and_base_fee(devnet):
    root = devnet.server.root().call()
    assert root["network_passphrase"] == PASSPHRASE
    assert root["history_latest_ledger"] >= 1
    assert devnet.server.fetch_base_fee() == 100


def test_wallet_creates_an_account_trusts_an_asset_and_is_paid(devnet):
    server = devnet.server
    issuer, distributor, customer = Keypair.random(), Keypair.random(), Keypair.random()
    devnet.friendbot(issuer)
    funded = devnet.friendbot(distributor)
    assert funded["successful"] is True
    account = server.load_account(distributor.public_key)
    assert account.sequence == int(server.accounts().account_id(distributor.public_key).call()["sequence"])

    usd = Asset("USD", issuer.public_key)
    transaction = (
        builder(server, distributor)
        .append_create_account_op(destination=customer.public_key, starting_balance="100")
        .append_change_trust_op(asset=usd, source=customer.public_key)
        .append_payment_op(destination=customer.public_key, asset=usd, amount="25.5", source=issuer.public_key)
        .add_text_memo("deposit 1")
        .set_timeout(30)
        .build()
    )
    for signer in (distributor, customer, issuer):
        transaction.sign(signer)
    response = server.submit_transaction(transaction)
    assert response["successful"] is True
    assert response["hash"] == transaction.hash_hex()

    assert balance(server, customer.public_key) == "100.0000000"
    assert balance(server, customer.public_key, "USD") == "25.5000000"
    assert balance(server, distributor.public_key) == "9899.9999700"

    payments = server.payments().for_account(customer.public_key).call()["_embedded"]["records"]
    assert [p["type"] for p in payments] == ["create_account", "payment"]
    assert payments[1]["amount"] == "25.5000000"
    assert payments[1]["asset_code"] == "USD" and payments[1]["asset_issuer"] == issuer.public_key
    assert payments[1]["from"] == issuer.public_key and payments[1]["to"] == customer.public_key

    stored = server.transactions().transaction(transaction.hash_hex()).call()
    assert stored["memo_type"] == "text" and stored["memo"] == "deposit 1"
    assert stored["successful"] is True

    # The SDK follows the page's own links.
    page = server.payments().for_account(customer.public_key).limit(1).call()
    assert page["_embedded"]["records"][0]["type"] == "create_account"
    following = server.payments().for_account(customer.public_key).limit(1).cursor(page["_embedded"]["records"][0]["paging_token"]).call()
    assert following["_embedded"]["records"][0]["type"] == "payment"


def test_failed_submission_raises_bad_request_with_result_codes(devnet):
    server = devnet.server
    alice, bob = Keypair.random(), Keypair.random()
    devnet.friendbot(alice)
    devnet.friendbot(bob)
    transaction = builder(server, alice).append_payment_op(bob.public_key, Asset.native(), "20000").set_timeout(30).build()
    transaction.sign(alice)
    with pytest.raises(BadRequestError) as failure:
        server.submit_transaction(transaction)
    assert failure.value.status == 400
    assert failure.value.type == "https://stellar.org/horizon-errors/transaction_failed"
    assert failure.value.extras["result_codes"] == {"transaction": "tx_failed", "operations": ["op_underfunded"]}
    assert failure.value.result_xdr

    # Its sequence number was consumed, so resubmitting a rebuilt copy with the old one is tx_bad_seq.
    stale = TransactionBuilder(
        source_account=server.load_account(alice.public_key), network_passphrase=PASSPHRASE, base_fee=100
    )
    stale.source_account.sequence -= 1
    replay = stale.append_payment_op(bob.public_key, Asset.native(), "1").set_timeout(30).build()
    replay.sign(alice)
    with pytest.raises(BadRequestError) as bad_seq:
        server.submit_transaction(replay)
    assert bad_seq.value.extras["result_codes"]["transaction"] == "tx_bad_seq"

    with pytest.raises(NotFoundError):
        server.accounts().account_id(Keypair.random().public_key).call()


def test_results_decode_with_the_sdks_xdr_and_ids_match_its_own(devnet):
    """The SDK's XDR is the oracle for our result encoding and for claimable balance ids."""
    server = devnet.server
    alice, bob, sponsor = Keypair.random(), Keypair.random(), Keypair.random()
    for keypair in (alice, bob, sponsor):
        devnet.friendbot(keypair)
    transaction = (
        builder(server, alice)
        .append_create_claimable_balance_op(Asset.native(), "5", [Claimant(bob.public_key)])
        .append_path_payment_strict_send_op(bob.public_key, Asset.native(), "3", Asset.native(), "1", [])
        .append_path_payment_strict_receive_op(bob.public_key, Asset.native(), "3", Asset.native(), "2", [])
        .set_timeout(30)
        .build()
    )
    transaction.sign(alice)
    result = TransactionResult.from_xdr(server.submit_transaction(transaction)["result_xdr"]).result
    created = result.results[0].tr.create_claimable_balance_result.balance_id.to_xdr_bytes().hex()
    assert created == transaction.transaction.get_claimable_balance_id(0)
    listed = server.claimable_balances().for_claimant(bob.public_key).call()["_embedded"]["records"]
    assert [record["id"] for record in listed] == [created]
    assert result.results[1].tr.path_payment_strict_send_result.success.last.amount.int64 == 30_000_000
    assert result.results[2].tr.path_payment_strict_receive_result.success.last.amount.int64 == 20_000_000

    # A fee bump around a merge: the sponsor pays, the result nests the inner one.
    inner = builder(server, bob).append_account_merge_op(alice.public_key).set_timeout(30).build()
    inner.sign(bob)
    bump = TransactionBuilder.build_fee_bump_transaction(sponsor.public_key, 200, inner, PASSPHRASE)
    bump.sign(sponsor)
    response = server.submit_transaction(bump)
    assert response["hash"] == bump.hash_hex() and response["fee_account"] == sponsor.public_key
    merged = TransactionResult.from_xdr(response["result_xdr"]).result.inner_result_pair.result.result
    assert merged.results[0].tr.account_merge_result.source_account_balance.int64 == 100_050_000_000
    assert balance(server, sponsor.public_key) == "9999.9999800"

    failing = builder(server, alice).append_payment_op(sponsor.public_key, Asset("USD", sponsor.public_key), "1").set_timeout(30).build()
    failing.sign(alice)
    with pytest.raises(BadRequestError) as failure:
        server.submit_transaction(failing)
    decoded = TransactionResult.from_xdr(failure.value.result_xdr)
    assert decoded.fee_charged.int64 == 100
    assert decoded.result.results[0].tr.payment_result.code.name == "PAYMENT_SRC_NO_TRUST"


def test_payment_stream_delivers_new_payments(devnet):
    server = devnet.server
    anchor, wallet = Keypair.random(), Keypair.random()
    devnet.friendbot(anchor)
    devnet.friendbot(wallet)
    received = []
    arrived = threading.Event()

    def listen():
        for record in server.payments().for_account(anchor.public_key).cursor("now").stream():
            received.append(record)
            arrived.set()
            return

    threading.Thread(target=listen, daemon=True).start()
    time.sleep(0.5)
    transaction = builder(server, wallet).append_payment_op(anchor.public_key, Asset.native(), "12").add_id_memo(99).set_timeout(30).build()
    transaction.sign(wallet)
    server.submit_transaction(transaction)
    assert arrived.wait(10), "no payment arrived on the stream"
    latest = server.payments().for_account(anchor.public_key).order(desc=True).limit(1).call()["_embedded"]["records"][0]
    assert received[0]["paging_token"] == latest["paging_token"]
    assert received[0]["amount"] == "12.0000000"
    assert received[0]["transaction_hash"] == transaction.hash_hex()


def test_sigterm_stops_promptly_with_a_stream_open(devnet):
    request = urllib.request.Request(f"{devnet.url}/payments?cursor=now", headers={"Accept": "text/event-stream"})
    stream = urllib.request.urlopen(request, timeout=10)
    assert stream.readline().startswith(b"retry:")
    started = time.monotonic()
    assert devnet.stop() == 0
    assert time.monotonic() - started < 5
    stream.close()


def test_state_file_keeps_accounts_and_history_across_restarts(tmp_path, capstan_bin):
    state = tmp_path / "ledger.json"
    alice, bob = Keypair.random(), Keypair.random()
    first = Devnet(capstan_bin, "--ledger-interval-ms", "0", "--state", str(state))
    try:
        first.friendbot(alice)
        first.friendbot(bob)
        transaction = builder(first.server, alice).append_payment_op(bob.public_key, Asset.native(), "5").set_timeout(30).build()
        transaction.sign(alice)
        first.server.submit_transaction(transaction)
        sequence = first.server.load_account(alice.public_key).sequence
        cursor = first.server.payments().for_account(bob.public_key).order(desc=True).limit(1).call()["_embedded"]["records"][0]["paging_token"]
    finally:
        assert first.stop() == 0
    assert state.exists()

    second = Devnet(capstan_bin, "--ledger-interval-ms", "0", "--state", str(state))
    try:
        assert second.server.load_account(alice.public_key).sequence == sequence
        assert balance(second.server, bob.public_key) == "10005.0000000"
        transaction = builder(second.server, alice).append_payment_op(bob.public_key, Asset.native(), "6").set_timeout(30).build()
        transaction.sign(alice)
        second.server.submit_transaction(transaction)
        after = second.server.payments().for_account(bob.public_key).cursor(cursor).call()["_embedded"]["records"]
        assert [p["amount"] for p in after] == ["6.0000000"]
    finally:
        second.stop()


def test_bad_options_are_refused(capstan_bin):
    result = subprocess.run([capstan_bin, "devnet", "--port", "70000"], capture_output=True, text=True, timeout=30)
    assert result.returncode != 0
    assert "--port" in result.stderr
    result = subprocess.run([capstan_bin, "devnet", "--help"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0 and "--ledger-interval-ms" in result.stdout
