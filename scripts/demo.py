#!/usr/bin/env python3
"""A wallet moving money through a running Capstan anchor on the devnet, with the Python stellar-sdk.

A new account (friendbot) trusts SRT and signs in with SEP-10; then a SEP-24 deposit (the interactive forms filled
over HTTP), a SEP-24 withdrawal, a SEP-12 customer and a SEP-6 deposit and withdrawal, each waited for until
`completed`, printing every status as it changes. Deposits must raise the wallet's SRT balance on the ledger by the
transaction's amount_out; withdrawals pay SRT to the anchor's account with the memo it gave.

Exits 0 when all four reach `completed`, 1 on any failure or timeout. `make run` serves what it needs.

With `--record FILE`, writes the SEP-24 transfer server, the wallet's SEP-10 JWT, the ids of the SEP-24 deposit and
withdrawal and the hash of the wallet's withdrawal payment to FILE as JSON once both are completed: test_demo.py reads them for the anchor test suite's checks on
completed transactions."""
import argparse
import json
import re
import sys
import time
import tomllib
import urllib.error
import urllib.parse
import urllib.request
import uuid
from decimal import Decimal

from stellar_sdk import Asset, ChangeTrust, Keypair, Payment, Server, TransactionBuilder, TransactionEnvelope
from stellar_sdk.memo import HashMemo, IdMemo, TextMemo
from stellar_sdk.sep.stellar_web_authentication import read_challenge_transaction

IBAN = "DE89370400440532013000"


class DemoFailure(Exception):
    """What went wrong, said once, then exit 1."""


def request(url, method="GET", body=None, headers=None):
    """(status, headers, body bytes); never raises on 4xx/5xx and never follows redirects."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.build_opener(NoRedirect).open(req, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def expect(status, body, wanted, what):
    if status != wanted:
        raise DemoFailure(f"{what}: HTTP {status} {body[:500]!r}")
    return json.loads(body) if body else None


class Wallet:
    def __init__(self, anchor_url, timeout, log):
        self.anchor_url = anchor_url.rstrip("/")
        self.timeout = timeout
        self.log = log
        self.started = time.monotonic()
        status, _, body = request(self.anchor_url + "/.well-known/stellar.toml")
        if status != 200:
            raise DemoFailure(f"no stellar.toml at {self.anchor_url} (HTTP {status}); is `make run` serving?")
        self.toml = tomllib.loads(body.decode())
        for key in ("WEB_AUTH_ENDPOINT", "TRANSFER_SERVER", "TRANSFER_SERVER_SEP0024", "KYC_SERVER", "HORIZON_URL"):
            if key not in self.toml:
                raise DemoFailure(f"stellar.toml has no {key}: the anchor needs SEP-10, 6, 12 and 24 and a Horizon")
        srt = next((c for c in self.toml.get("CURRENCIES", []) if c.get("code") == "SRT"), None)
        if srt is None:
            raise DemoFailure("stellar.toml lists no SRT currency")
        self.asset = Asset("SRT", srt["issuer"])
        self.horizon = Server(horizon_url=self.toml["HORIZON_URL"])
        self.passphrase = self.toml["NETWORK_PASSPHRASE"]
        self.keypair = Keypair.random()
        self.token = None
        self.last_status = {}                                         # transaction id -> the status last printed

    def say(self, text):
        print(f"[{time.monotonic() - self.started:6.1f}s] {text}", flush=True)

    # --- the ledger -----------------------------------------------------------------------------------------

    def create_account(self):
        horizon = self.toml["HORIZON_URL"].rstrip("/")
        status, _, body = request(f"{horizon}/friendbot?addr={self.keypair.public_key}")
        expect(status, body, 200, "friendbot")
        self.say(f"created {self.keypair.public_key} with friendbot")
        self.submit([ChangeTrust(asset=self.asset, limit="1000000")])
        self.say(f"trusts SRT issued by {self.asset.issuer}")

    def submit(self, operations, memo=None):
        builder = TransactionBuilder(self.horizon.load_account(self.keypair.public_key), self.passphrase, base_fee=100)
        for operation in operations:
            builder.append_operation(operation)
        if memo is not None:
            builder.add_memo(memo)
        envelope = builder.set_timeout(60).build()
        envelope.sign(self.keypair)
        return self.horizon.submit_transaction(envelope)

    def srt_balance(self):
        record = self.horizon.accounts().account_id(self.keypair.public_key).call()
        for line in record["balances"]:
            if line.get("asset_code") == "SRT" and line.get("asset_issuer") == self.asset.issuer:
                return Decimal(line["balance"])
        raise DemoFailure("the wallet's SRT trustline is gone")

    # --- SEP-10 and SEP-12 ----------------------------------------------------------------------------------

    def sign_in(self):
        endpoint = self.toml["WEB_AUTH_ENDPOINT"]
        status, _, body = request(endpoint + "?" + urllib.parse.urlencode({"account": self.keypair.public_key}))
        challenge = expect(status, body, 200, "SEP-10 challenge")["transaction"]
        # The home domain is the one the anchor named in the challenge; read_challenge_transaction checks the rest.
        first = TransactionEnvelope.from_xdr(challenge, self.passphrase).transaction.operations[0]
        home_domain = first.data_name.removesuffix(" auth")
        read = read_challenge_transaction(
            challenge, self.toml["SIGNING_KEY"], home_domain, urllib.parse.urlparse(endpoint).netloc, self.passphrase)
        read.transaction.sign(self.keypair)
        status, _, body = request(endpoint, "POST", json.dumps({"transaction": read.transaction.to_xdr()}).encode(),
                                  {"Content-Type": "application/json"})
        self.token = expect(status, body, 200, "SEP-10 token")["token"]
        self.say("signed in with SEP-10")

    def become_customer(self):
        boundary = uuid.uuid4().hex
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
                 for name, value in (("first_name", "Ana"), ("last_name", "Example"), ("email_address", "ana@example.com"))]
        photo = b"\xff\xd8\xff\xe0" + bytes(2048)                         # a JPEG header is enough for the demo bank
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="photo_id_front"; filename="id.jpg"\r\n'
                     f"Content-Type: image/jpeg\r\n\r\n".encode() + photo + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        status, _, raw = request(self.toml["KYC_SERVER"] + "/customer", "PUT", body, {
            "Authorization": f"Bearer {self.token}", "Content-Type": f"multipart/form-data; boundary={boundary}"})
        customer = expect(status, raw, 202, "SEP-12 PUT /customer")
        status, _, raw = request(self.toml["KYC_SERVER"] + "/customer?id=" + customer["id"],
                                 headers={"Authorization": f"Bearer {self.token}"})
        self.say(f"SEP-12 customer {customer['id']} is {expect(status, raw, 200, 'SEP-12 GET /customer')['status']}")

    # --- SEP-24 and SEP-6 -----------------------------------------------------------------------------------

    def call(self, server_key, method, path, query=None, json_body=None):
        url = self.toml[server_key] + path + ("?" + urllib.parse.urlencode(query) if query else "")
        headers = {"Authorization": f"Bearer {self.token}"}
        body = None
        if json_body is not None:
            body = json.dumps(json_body).encode()
            headers["Content-Type"] = "application/json"
        return request(url, method, body, headers)

    def interactive(self, kind, amount):
        status, _, body = self.call("TRANSFER_SERVER_SEP0024", "POST", f"/transactions/{kind}/interactive",
                                    json_body={"asset_code": "SRT", "account": self.keypair.public_key})
        started = expect(status, body, 200, f"SEP-24 {kind}")
        self.say(f"SEP-24 {kind} {started['id']} started; filling its forms")
        self.fill_forms(started["url"], amount)
        return started["id"]

    def fill_forms(self, url, amount):
        """The reference plugin's pages over plain HTTP with a cookie jar: amount, then name and email, then done."""
        base = "{0.scheme}://{0.netloc}".format(urllib.parse.urlparse(url))
        status, headers, body = request(url)
        if status != 303:
            raise DemoFailure(f"interactive URL: HTTP {status} {body[:300]!r}")
        cookie = headers["Set-Cookie"].split(";")[0]
        page_url = base + headers["Location"]
        values = {"amount": amount, "name": "Ana Example", "email_address": "ana@example.com"}
        for _ in range(6):
            status, headers, body = request(page_url, headers={"Cookie": cookie})
            if status == 303:
                page_url = base + headers["Location"]
                continue
            page = body.decode()
            if 'name="csrf_token"' not in page:
                return                                                 # the last page: no form, just what happens next
            csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
            form_id = re.search(r'name="form_id" value="([^"]+)"', page).group(1)
            names = set(re.findall(r'<(?:input|select)[^>]* name="([^"]+)"', page)) - {"csrf_token", "form_id"}
            fields = {"csrf_token": csrf, "form_id": form_id, **{name: values.get(name, "") for name in names}}
            status, headers, body = request(page_url, "POST", urllib.parse.urlencode(fields).encode(),
                                            {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
            if status != 303:
                raise DemoFailure(f"form {form_id}: HTTP {status} {body[:300]!r}")
            page_url = base + headers["Location"]
        raise DemoFailure("the interactive flow did not end")

    def transaction(self, server_key, ident):
        status, _, body = self.call(server_key, "GET", "/transaction", {"id": ident})
        return expect(status, body, 200, "GET /transaction")["transaction"]

    def wait(self, server_key, ident, until, label):
        """Polls the transaction, printing each status change, until its status is in `until`."""
        deadline = time.monotonic() + self.timeout
        while True:
            tx = self.transaction(server_key, ident)
            seen = tx["status"]
            if self.last_status.get(ident) != seen:
                self.last_status[ident] = seen
                self.say(f"{label}: {seen}" + (f" ({tx['message']})" if tx.get("message") else ""))
            if seen in until:
                return tx
            if seen in ("error", "expired", "refunded", "no_market", "too_small", "too_large"):
                raise DemoFailure(f"{label} ended in {seen}: {tx.get('message', '')}")
            if time.monotonic() > deadline:
                raise DemoFailure(f"{label} still {seen} after {self.timeout:.0f}s")
            time.sleep(0.5)

    def deposit_completes(self, server_key, ident, label, before):
        tx = self.wait(server_key, ident, {"completed"}, label)
        after = self.srt_balance()
        if after - before != Decimal(tx["amount_out"]):
            raise DemoFailure(f"{label}: SRT balance went {before} -> {after}, not up by amount_out {tx['amount_out']}")
        self.say(f"{label}: the wallet holds {after} SRT (+{tx['amount_out']}, stellar tx {tx.get('stellar_transaction_id')})")

    def pay_withdrawal(self, tx, amount, label):
        memo_type, memo = tx["withdraw_memo_type"], tx["withdraw_memo"]
        memo = {"id": lambda: IdMemo(int(memo)), "text": lambda: TextMemo(memo), "hash": lambda: HashMemo(memo)}[memo_type]()
        result = self.submit([Payment(destination=tx["withdraw_anchor_account"], asset=self.asset, amount=amount)], memo)
        self.say(f"{label}: paid {amount} SRT to {tx['withdraw_anchor_account']} with {memo_type} memo "
                 f"{tx['withdraw_memo']} (stellar tx {result['hash'][:12]}…)")
        return result["hash"]

    def record(self, path, deposit, withdrawal, withdrawal_payment):
        with open(path, "w") as out:
            json.dump({"transfer_server": self.toml["TRANSFER_SERVER_SEP0024"], "token": self.token,
                       "deposit": deposit, "withdrawal": withdrawal, "withdrawal_payment": withdrawal_payment},
                      out, indent=2)
        self.say(f"recorded the SEP-24 deposit and withdrawal in {path}")

    def run(self, amount, withdraw_amount, record=None):
        self.create_account()
        self.sign_in()

        before = self.srt_balance()
        deposit = self.interactive("deposit", amount)
        self.deposit_completes("TRANSFER_SERVER_SEP0024", deposit, "SEP-24 deposit", before)

        withdrawal = self.interactive("withdraw", withdraw_amount)
        tx = self.wait("TRANSFER_SERVER_SEP0024", withdrawal, {"pending_user_transfer_start"}, "SEP-24 withdrawal")
        payment = self.pay_withdrawal(tx, tx.get("amount_in") or withdraw_amount, "SEP-24 withdrawal")
        self.wait("TRANSFER_SERVER_SEP0024", withdrawal, {"completed"}, "SEP-24 withdrawal")
        if record:
            self.record(record, deposit, withdrawal, payment)

        self.become_customer()
        before = self.srt_balance()
        status, _, body = self.call("TRANSFER_SERVER", "GET", "/deposit", {
            "asset_code": "SRT", "account": self.keypair.public_key, "amount": amount, "funding_method": "SEPA"})
        deposit = expect(status, body, 200, "SEP-6 deposit")
        self.say(f"SEP-6 deposit {deposit['id']}: {deposit.get('how', '')}")
        self.deposit_completes("TRANSFER_SERVER", deposit["id"], "SEP-6 deposit", before)

        status, _, body = self.call("TRANSFER_SERVER", "GET", "/withdraw", {
            "asset_code": "SRT", "account": self.keypair.public_key, "type": "bank_account", "dest": IBAN, "amount": withdraw_amount})
        withdrawal = expect(status, body, 200, "SEP-6 withdrawal")
        tx = self.wait("TRANSFER_SERVER", withdrawal["id"], {"pending_user_transfer_start"}, "SEP-6 withdrawal")
        self.pay_withdrawal(tx, withdraw_amount, "SEP-6 withdrawal")
        self.wait("TRANSFER_SERVER", withdrawal["id"], {"completed"}, "SEP-6 withdrawal")
        self.say(f"done: two deposits and two withdrawals completed; the wallet holds {self.srt_balance()} SRT")


def main():
    parser = argparse.ArgumentParser(description="Deposit and withdraw SRT through a running Capstan anchor on the devnet.")
    parser.add_argument("--anchor", default="http://localhost:8000", help="the anchor's URL (default: what `make run` serves)")
    parser.add_argument("--amount", default="25", help="SRT per deposit")
    parser.add_argument("--withdraw-amount", default="10", help="SRT per withdrawal (less than a deposit brings after fees)")
    parser.add_argument("--timeout", type=float, default=180, help="seconds each transaction may take to reach its next goal")
    parser.add_argument("--record", metavar="FILE",
                        help="write the SEP-24 transfer server, JWT and completed deposit and withdrawal ids to FILE (JSON)")
    args = parser.parse_args()
    try:
        Wallet(args.anchor, args.timeout, print).run(args.amount, args.withdraw_amount, args.record)
    except DemoFailure as failure:
        print(f"demo failed: {failure}", file=sys.stderr, flush=True)
        sys.exit(1)
    except Exception as error:                          # the SDK's and urllib's errors: say what, exit non-zero
        print(f"demo failed: {type(error).__name__}: {error}", file=sys.stderr, flush=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
