"""SEP-10 as a real wallet does it: the Python stellar-sdk reads and checks our challenges with its own
rules (`read_challenge_transaction`), signs them, and posts them back; Horizon is a loopback stub."""
import base64
import json
import threading
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from stellar_sdk import Keypair, MuxedAccount
from stellar_sdk.sep.ed25519_public_key_signer import Ed25519PublicKeySigner
from stellar_sdk.sep.stellar_web_authentication import read_challenge_transaction, verify_challenge_transaction_threshold

from conftest import Server
from horizon_stub import HorizonStub

HOME_DOMAIN = "anchor.test"
PUBLIC_URL = "https://auth.anchor.test"


def request(url, method="GET", body=None, content_type=None):
    headers = {"Content-Type": content_type} if content_type else {}
    req = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=15) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def jwt_claims(token):
    """The payload of a JWT, decoded by hand (PyJWT is not a dependency)."""
    header, payload, signature = token.split(".")
    assert json.loads(base64.urlsafe_b64decode(header + "=" * (-len(header) % 4)))["alg"] == "HS256"
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


class TomlServer:
    """A wallet's domain: serves /.well-known/stellar.toml with its SIGNING_KEY over plain HTTP on loopback."""

    def __init__(self, signing_key):
        body = f'VERSION = "2.7.0"\nSIGNING_KEY = "{signing_key}"\n\n[DOCUMENTATION]\nORG_NAME = "Wallet"\n'.encode()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                found = self.path == "/.well-known/stellar.toml"
                self.send_response(200 if found else 404)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body) if found else 0))
                self.end_headers()
                if found:
                    self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.domain = f"127.0.0.1:{self.server.server_address[1]}"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class Anchor:
    """A running capstan with SEP-10 on, what its stellar.toml says, and a wallet's view of it."""

    def __init__(self, server, horizon):
        self.server = server
        self.horizon = horizon
        _, _, body = request(server.url + "/.well-known/stellar.toml")
        self.toml = tomllib.loads(body.decode())
        self.signing_key = self.toml["SIGNING_KEY"]
        self.passphrase = self.toml["NETWORK_PASSPHRASE"]
        self.endpoint = self.toml["WEB_AUTH_ENDPOINT"]
        self.web_auth_domain = urllib.parse.urlparse(self.endpoint).netloc

    def challenge(self, **params):
        """GET /auth; the raw JSON and the SDK's reading of the challenge (which checks it as a wallet must)."""
        status, headers, body = request(self.server.url + "/auth?" + urllib.parse.urlencode(params))
        assert status == 200, body
        assert headers["Access-Control-Allow-Origin"] == "*"
        document = json.loads(body)
        read = read_challenge_transaction(document["transaction"], self.signing_key, HOME_DOMAIN, self.web_auth_domain, self.passphrase)
        return document, read

    def post(self, envelope_xdr, form=True):
        if form:
            return request(self.server.url + "/auth", "POST", urllib.parse.urlencode({"transaction": envelope_xdr}).encode(),
                           "application/x-www-form-urlencoded")
        return request(self.server.url + "/auth", "POST", json.dumps({"transaction": envelope_xdr}).encode(), "application/json")

    def authenticate(self, account, signers, form=True, **params):
        """The whole flow; returns (status, JSON body, the challenge as the SDK read it)."""
        _, read = self.challenge(account=account, **params)
        envelope = read.transaction
        for signer in signers:
            envelope.sign(signer)
        status, _, body = self.post(envelope.to_xdr(), form=form)
        return status, json.loads(body), read


@pytest.fixture
def sep10(anchor, capstan_bin):
    horizon = HorizonStub()
    server = Server(capstan_bin, anchor, env={
        "SEP10_ENABLED": "true", "HORIZON_URL": horizon.url, "SEP10_ALLOW_INSECURE_CLIENT_DOMAINS": "true",
        "ANCHOR_HOME_DOMAIN": HOME_DOMAIN, "ANCHOR_PUBLIC_URL": PUBLIC_URL,
    })
    try:
        yield Anchor(server, horizon)
    finally:
        server.stop()
        horizon.stop()


def test_challenge_is_what_the_sdk_expects(sep10):
    wallet = Keypair.random()
    document, read = sep10.challenge(account=wallet.public_key)
    # anchor-tests: nothing beside `transaction` and `network_passphrase`.
    assert set(document) == {"transaction", "network_passphrase"}
    assert document["network_passphrase"] == "Test SDF Network ; September 2015"
    assert sep10.endpoint == PUBLIC_URL + "/auth"
    tx = read.transaction.transaction
    assert tx.sequence == 0
    assert tx.preconditions.time_bounds.max_time - tx.preconditions.time_bounds.min_time == 900
    assert read.client_account_id == wallet.public_key
    assert read.matched_home_domain == HOME_DOMAIN
    assert [op.data_name for op in tx.operations] == [f"{HOME_DOMAIN} auth", "web_auth_domain"]
    assert len(read.transaction.signatures) == 1


def test_g_account_gets_a_token_with_the_spec_claims(sep10):
    wallet = Keypair.random()
    status, body, read = sep10.authenticate(wallet.public_key, [wallet])
    assert status == 200, body
    claims = jwt_claims(body["token"])
    assert claims["iss"] == sep10.endpoint
    assert claims["sub"] == wallet.public_key
    assert claims["iat"] == read.transaction.transaction.preconditions.time_bounds.min_time
    assert claims["exp"] == claims["iat"] + 86400
    assert claims["jti"] == read.transaction.hash_hex()
    assert claims["home_domain"] == HOME_DOMAIN
    assert "client_domain" not in claims


def test_json_body_is_accepted(sep10):
    wallet = Keypair.random()
    status, body, _ = sep10.authenticate(wallet.public_key, [wallet], form=False)
    assert status == 200, body
    assert jwt_claims(body["token"])["sub"] == wallet.public_key


def test_id_memo_makes_the_subject_account_colon_memo(sep10):
    wallet = Keypair.random()
    status, body, read = sep10.authenticate(wallet.public_key, [wallet], memo="4242")
    assert status == 200, body
    assert read.memo == 4242
    assert jwt_claims(body["token"])["sub"] == f"{wallet.public_key}:4242"


def test_muxed_account_is_the_subject(sep10):
    wallet = Keypair.random()
    muxed = MuxedAccount(wallet.public_key, 1234567890123).account_muxed
    status, body, read = sep10.authenticate(muxed, [wallet])
    assert status == 200, body
    assert read.client_account_id == muxed
    assert jwt_claims(body["token"])["sub"] == muxed


def test_memo_with_muxed_account_is_refused(sep10):
    muxed = MuxedAccount(Keypair.random().public_key, 5).account_muxed
    status, _, body = request(sep10.server.url + "/auth?" + urllib.parse.urlencode({"account": muxed, "memo": "5"}))
    assert status == 400
    assert isinstance(json.loads(body)["error"], str)


def test_client_domain_from_a_loopback_stellar_toml(sep10):
    wallet = Keypair.random()
    domain_key = Keypair.random()
    toml = TomlServer(domain_key.public_key)
    try:
        status, body, read = sep10.authenticate(wallet.public_key, [wallet, domain_key], client_domain=toml.domain)
        assert status == 200, body
        op = read.transaction.transaction.operations[2]
        assert (op.data_name, op.data_value, op.source.account_id) == ("client_domain", toml.domain.encode(), domain_key.public_key)
        assert jwt_claims(body["token"])["client_domain"] == toml.domain
        # Without the client domain's signature the challenge is refused.
        status, body, _ = sep10.authenticate(wallet.public_key, [wallet], client_domain=toml.domain)
        assert status == 400
    finally:
        toml.stop()


def test_client_domain_that_cannot_be_fetched_is_400(sep10):
    status, _, body = request(sep10.server.url + "/auth?" + urllib.parse.urlencode(
        {"account": Keypair.random().public_key, "client_domain": "127.0.0.1:9"}))
    assert status == 400
    assert json.loads(body) == {"error": "could not read SIGNING_KEY from the client_domain's stellar.toml"}


def test_multisig_account_needs_its_medium_threshold(sep10):
    master, second = Keypair.random(), Keypair.random()
    sep10.horizon.add_account(master.public_key, signers=[(master.public_key, 1), (second.public_key, 1)], thresholds=(1, 2, 2))
    status, body, read = sep10.authenticate(master.public_key, [master, second])
    assert status == 200, body
    # The SDK's own server-side check agrees with ours.
    assert len(read.transaction.signatures) == 3
    found = verify_challenge_transaction_threshold(
        read.transaction.to_xdr(), sep10.signing_key, HOME_DOMAIN, sep10.web_auth_domain, sep10.passphrase, 2,
        [Ed25519PublicKeySigner(master.public_key, 1), Ed25519PublicKeySigner(second.public_key, 1)])
    assert len(found) == 2

    status, body, _ = sep10.authenticate(master.public_key, [master])
    assert status == 400
    assert body == {"error": "signatures weigh 1, below the account's medium threshold 2"}


def test_unfunded_account_signed_by_an_extra_key_is_400(sep10):
    wallet = Keypair.random()
    status, body, _ = sep10.authenticate(wallet.public_key, [wallet, Keypair.random()])
    assert status == 400
    assert "exactly 2 signatures" in body["error"]


def test_challenge_not_signed_by_the_client_is_400(sep10):
    status, body, _ = sep10.authenticate(Keypair.random().public_key, [])
    assert status == 400, body


def test_transaction_that_is_not_a_string_is_400(sep10):
    status, _, body = request(sep10.server.url + "/auth", "POST", b'{"transaction": {"not a transaction string": true}}',
                              "application/json")
    assert status == 400
    assert json.loads(body) == {"error": "transaction must be a string"}


def test_horizon_outage_is_503_not_a_master_key_fallback(sep10):
    wallet = Keypair.random()
    _, read = sep10.challenge(account=wallet.public_key)
    envelope = read.transaction
    envelope.sign(wallet)
    sep10.horizon.stop()
    status, _, body = sep10.post(envelope.to_xdr())
    assert status == 503
    assert "error" in json.loads(body)


def test_preflight_and_cors(sep10):
    status, headers, _ = request(sep10.server.url + "/auth", "OPTIONS")
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]
    status, headers, _ = request(sep10.server.url + "/auth")
    assert status == 400
    assert headers["Access-Control-Allow-Origin"] == "*"

