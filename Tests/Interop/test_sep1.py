"""SEP-1 as an outside client sees it: the file parsed by an independent TOML parser (Python's tomllib),
with the rules of the official anchor-tests suite's TOML group."""
import tomllib
import urllib.request

SEP1_URL_KEYS = [
    "FEDERATION_SERVER", "AUTH_SERVER", "TRANSFER_SERVER", "TRANSFER_SERVER_SEP0024", "KYC_SERVER",
    "WEB_AUTH_ENDPOINT", "HORIZON_URL", "DIRECT_PAYMENT_SERVER", "ANCHOR_QUOTE_SERVER",
]


def fetch(url, method="GET"):
    request = urllib.request.Request(url, method=method)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def test_toml_is_valid_and_has_the_reference_plugin_fields(server):
    status, headers, body = fetch(server.url + "/.well-known/stellar.toml")
    assert status == 200
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert headers["Content-Type"].startswith("text/plain")
    assert len(body) <= 100_000
    toml = tomllib.loads(body.decode("utf-8"))
    assert toml["NETWORK_PASSPHRASE"] == "Test SDF Network ; September 2015"
    assert toml["SIGNING_KEY"].startswith("G") and len(toml["SIGNING_KEY"]) == 56
    assert toml["DOCUMENTATION"]["ORG_NAME"] == "Capstan Reference Anchor"
    currencies = {c["code"]: c for c in toml["CURRENCIES"]}
    srt = currencies["SRT"]
    for required in ["code", "desc", "status", "is_asset_anchored", "anchor_asset_type"]:
        assert required in srt, f"CURRENCIES entry lacks {required}"
    assert srt["issuer"].startswith("G")
    assert srt["anchor_asset_type"] in {"fiat", "crypto", "stock", "bond", "commodity", "realestate", "other"}
    assert isinstance(srt["is_asset_anchored"], bool)
    assert toml["ACCOUNTS"], "the distribution account is listed"
    for key in SEP1_URL_KEYS:
        if key in toml:
            assert not toml[key].endswith("/"), key


def test_endpoints_of_sep_not_enabled_are_not_published(server):
    _, _, body = fetch(server.url + "/.well-known/stellar.toml")
    toml = tomllib.loads(body.decode("utf-8"))
    for key in ["TRANSFER_SERVER", "TRANSFER_SERVER_SEP0024", "KYC_SERVER", "DIRECT_PAYMENT_SERVER", "ANCHOR_QUOTE_SERVER"]:
        assert key not in toml


def test_asset_added_with_the_cli_appears_in_the_toml(anchor, capstan_bin):
    from conftest import Server, run

    result = run(capstan_bin, "assets", "add", "--config", str(anchor), "--code", "USDX",
                 "--issuer", "GCKFBEIYV2U22IO2BJ4KVJOIP7XPWQGQFKKWXR6DOSJBV7STMAQSMTGG", "--seps", "24",
                 "--deposit", "true", "--deposit-min", "5", "--deposit-fee-percent", "1.5")
    assert result.returncode == 0, result.stderr
    server = Server(capstan_bin, anchor)
    try:
        _, _, body = fetch(server.url + "/.well-known/stellar.toml")
        codes = [c["code"] for c in tomllib.loads(body.decode("utf-8"))["CURRENCIES"]]
        assert codes == ["SRT", "USDX"]
    finally:
        server.stop()
