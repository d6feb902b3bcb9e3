"""A running capstan with SEP-10 and SEP-24 on, and a wallet that talks to it the way real wallets do: the Python
stellar-sdk reads and checks the SEP-10 challenge, signs it, and uses the JWT on SEP-24.

The server listens on a port chosen up front, so its public URL (what the interactive and more-info links point at)
is the address the tests and the browser actually reach."""
import json
import os
import pathlib
import socket
import tomllib
import urllib.error
import urllib.parse
import urllib.request

from stellar_sdk import Keypair
from stellar_sdk.sep.stellar_web_authentication import read_challenge_transaction

from conftest import REPO, Server
from horizon_stub import HorizonStub


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def request(url, method="GET", body=None, headers=None):
    """(status, headers, body bytes) without raising on 4xx/5xx; never follows redirects."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with opener.open(req, timeout=15) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class Anchor:
    """`capstan serve` with SEP-10 and SEP-24, the reference plugin, and a Horizon stub."""

    def __init__(self, capstan_bin, config, extra_env=None):
        self.horizon = HorizonStub()
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        self.home_domain = f"127.0.0.1:{port}"
        env = {
            "SEP10_ENABLED": "true", "SEP24_ENABLED": "true", "HORIZON_URL": self.horizon.url,
            "ANCHOR_HOME_DOMAIN": self.home_domain, "ANCHOR_PUBLIC_URL": self.url, "LOG_LEVEL": "warning",
            "PLUGINS_DIR": os.environ.get("CAPSTAN_PLUGINS_DIR", str(REPO / "plugins.d")),
        }
        env.update(extra_env or {})
        self.server = Server(capstan_bin, config, env=env, extra_args=("--port", str(port)))
        assert self.server.url.endswith(f":{port}"), self.server.url
        _, _, body = request(self.url + "/.well-known/stellar.toml")
        self.toml = tomllib.loads(body.decode())
        self.transfer_server = self.toml["TRANSFER_SERVER_SEP0024"]

    def stop(self):
        self.server.stop()
        self.horizon.stop()

    def wallet(self, keypair=None, memo=None):
        return Wallet(self, keypair or Keypair.random(), memo)


class Wallet:
    """One SEP-10 identity (an account, optionally with a memo) using the anchor's SEP-24 API."""

    def __init__(self, anchor, keypair, memo=None):
        self.anchor = anchor
        self.keypair = keypair
        self.memo = memo
        self.token = self.authenticate()

    @property
    def account(self):
        return self.keypair.public_key

    def authenticate(self):
        toml = self.anchor.toml
        endpoint = toml["WEB_AUTH_ENDPOINT"]
        params = {"account": self.account}
        if self.memo is not None:
            params["memo"] = str(self.memo)
        status, _, body = request(endpoint + "?" + urllib.parse.urlencode(params))
        assert status == 200, body
        challenge = json.loads(body)["transaction"]
        read = read_challenge_transaction(
            challenge, toml["SIGNING_KEY"], self.anchor.home_domain, urllib.parse.urlparse(endpoint).netloc,
            toml["NETWORK_PASSPHRASE"])
        envelope = read.transaction
        envelope.sign(self.keypair)
        status, _, body = request(endpoint, "POST", json.dumps({"transaction": envelope.to_xdr()}).encode(),
                                  {"Content-Type": "application/json"})
        assert status == 200, body
        return json.loads(body)["token"]

    def call(self, method, path, json_body=None, form=None, auth=True, headers=None):
        """A SEP-24 call; returns (status, headers, parsed JSON or raw bytes)."""
        all_headers = dict(headers or {})
        if auth:
            all_headers["Authorization"] = f"Bearer {self.token}"
        body = None
        if json_body is not None:
            body = json.dumps(json_body).encode()
            all_headers["Content-Type"] = "application/json"
        elif form is not None:
            body = urllib.parse.urlencode(form).encode()
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        status, response_headers, raw = request(self.anchor.transfer_server + path, method, body, all_headers)
        try:
            return status, response_headers, json.loads(raw)
        except ValueError:
            return status, response_headers, raw

    def start(self, kind, **fields):
        """POST /transactions/{deposit,withdraw}/interactive; returns the response body."""
        status, _, body = self.call("POST", f"/transactions/{kind}/interactive", json_body={"asset_code": "SRT", **fields})
        assert status == 200, body
        return body

    def transaction(self, ident):
        status, _, body = self.call("GET", "/transaction?id=" + ident)
        assert status == 200, body
        return body["transaction"]


SCREENSHOTS = pathlib.Path(REPO) / ".build" / "screenshots"
