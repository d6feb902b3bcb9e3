"""SEP-24 against the running server with the Python stellar-sdk as the wallet, check by check after the anchor test
suite's SEP-24 group (CONFORMANCE.md "SEP-24", numbers in the test names), plus what the suite leaves out: shared
accounts split by memo, CORS, the three request encodings, and pending transactions reached through the real
interactive pages (driven here over plain HTTP with a cookie jar; the browser tests drive them in Chromium)."""
import html
import re
import urllib.parse

import pytest

from browser.anchor import Anchor, request

TX_STATUSES = {"incomplete", "pending_anchor", "pending_external", "pending_stellar", "pending_trust", "pending_user",
               "pending_user_transfer_start", "pending_user_transfer_complete", "completed", "refunded", "expired",
               "no_market", "too_small", "too_large", "error"}
ASSET_KEYS = {"enabled", "fee_fixed", "fee_minimum", "fee_percent", "min_amount", "max_amount"}


@pytest.fixture
def sep24(anchor, capstan_bin):
    running = Anchor(capstan_bin, anchor)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def wallet(sep24):
    return sep24.wallet()


def check_transaction(tx, kind):
    """The suite's transaction schema, strictly: required keys, no nulls where a string is typed."""
    for key in ("id", "kind", "status", "more_info_url", "started_at"):
        assert isinstance(tx.get(key), str), (key, tx)
    assert tx["kind"] == kind and tx["status"] in TX_STATUSES
    assert tx["more_info_url"].startswith("http")
    side = "to" if kind == "deposit" else "from"
    assert isinstance(tx.get(side), str) and tx[side], tx
    for key, value in tx.items():
        assert value is not None, key
    if tx["status"].startswith("pending_"):
        for key in ("amount_in", "amount_in_asset", "amount_out", "amount_out_asset"):
            assert isinstance(tx.get(key), str), (key, tx)
    if kind == "withdrawal" and tx["status"] == "pending_user_transfer_start":
        for key in ("withdraw_memo", "withdraw_memo_type", "withdraw_anchor_account"):
            assert isinstance(tx.get(key), str), (key, tx)


def complete_flow(sep24, url, amount, name="Ana Example", email="ana@example.com"):
    """Walks the reference plugin's forms over HTTP: amount, then name and email (once per customer)."""
    url = url.replace(urllib.parse.urlparse(url).scheme + "://" + urllib.parse.urlparse(url).netloc, sep24.url)
    status, headers, _ = request(url)
    assert status == 303
    cookie = headers["Set-Cookie"].split(";")[0]
    page_url = sep24.url + headers["Location"]
    values = {"amount": amount, "name": name, "email_address": email}
    for _ in range(4):
        status, headers, body = request(page_url, headers={"Cookie": cookie})
        if status == 303:
            page_url = sep24.url + headers["Location"]
            continue
        page = body.decode()
        if 'name="csrf_token"' not in page:
            return page
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        form_id = re.search(r'name="form_id" value="([^"]+)"', page).group(1)
        names = set(re.findall(r'<(?:input|select)[^>]* name="([^"]+)"', page)) - {"csrf_token", "form_id"}
        fields = {"csrf_token": csrf, "form_id": form_id, **{n: values[n] for n in names}}
        status, headers, body = request(page_url, "POST", urllib.parse.urlencode(fields).encode(),
                                        {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
        assert status == 303, body.decode()[:2000]
        page_url = sep24.url + headers["Location"]
    raise AssertionError("the flow did not end")


def test_01_toml_has_the_transfer_server(sep24):
    assert sep24.transfer_server == sep24.url + "/sep24"


def test_02_to_04_info_schema_and_enabled_asset(wallet):
    status, headers, info = wallet.call("GET", "/info", auth=False)
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert {"deposit", "withdraw", "fee"} <= set(info)
    assert isinstance(info["fee"]["enabled"], bool)
    for side in ("deposit", "withdraw"):
        srt = info[side]["SRT"]
        assert set(srt) <= ASSET_KEYS and srt["enabled"] is True
        assert isinstance(srt["min_amount"], (int, float))


def test_05_to_13_deposit_and_withdraw_requests(sep24, wallet):
    for kind in ("deposit", "withdraw"):
        status, _, body = wallet.call("POST", f"/transactions/{kind}/interactive",
                                      json_body={"asset_code": "SRT", "account": wallet.account}, auth=False)
        assert status == 403, body
        status, headers, body = wallet.call("POST", f"/transactions/{kind}/interactive", json_body={"account": wallet.account})
        assert status == 400 and headers["Content-Type"].startswith("application/json") and isinstance(body["error"], str)
        status, _, body = wallet.call("POST", f"/transactions/{kind}/interactive",
                                      json_body={"asset_code": "NOT_SUPPORTED", "account": wallet.account})
        assert status == 400 and isinstance(body["error"], str)
        body = wallet.start(kind, account=wallet.account)
        assert set(body) == {"type", "url", "id"} and body["type"] == "interactive_customer_info_needed"
        assert body["url"].startswith(sep24.url + "/sep24/interactive/" + body["id"] + "?token=")
    status, _, body = wallet.call("POST", "/transactions/deposit/interactive",
                                  json_body={"asset_code": "SRT", "account": "not a valid account"})
    assert status == 400 and isinstance(body["error"], str)


def test_14_to_17_20_25_transaction_records_and_more_info(sep24, wallet):
    deposit = wallet.start("deposit")["id"]
    withdrawal = wallet.start("withdraw")["id"]
    assert wallet.call("GET", "/transaction?id=" + deposit, auth=False)[0] == 403
    for ident, kind in ((deposit, "deposit"), (withdrawal, "withdrawal")):
        tx = wallet.transaction(ident)
        assert tx["status"] == "incomplete"
        check_transaction(tx, kind)
    status, headers, page = request(wallet.transaction(deposit)["more_info_url"])   # no Authorization header
    assert status == 200 and "text/html" in headers["Content-Type"]
    assert b"Transaction details" in page


def test_18_and_21_pending_transactions_after_the_interactive_flow(sep24, wallet):
    deposit = wallet.start("deposit")
    page = complete_flow(sep24, deposit["url"], "100")
    assert "Now send your payment" in page and "Capstan Demo Bank" in page
    tx = wallet.transaction(deposit["id"])
    assert tx["status"] == "pending_user_transfer_start"
    assert (tx["amount_in"], tx["amount_fee"], tx["amount_out"]) == ("100", "2", "98")      # the plugin's fee: 1 + 1 %
    check_transaction(tx, "deposit")

    withdrawal = wallet.start("withdraw", amount="250")
    page = complete_flow(sep24, withdrawal["url"], "250")           # returning customer: no second KYC form
    tx = wallet.transaction(withdrawal["id"])
    assert tx["status"] == "pending_user_transfer_start"
    check_transaction(tx, "withdrawal")
    assert tx["withdraw_memo_type"] == "id" and tx["withdraw_memo"] in html.unescape(page)
    assert tx["withdraw_anchor_account"] in page


def test_26_to_28_unknown_transactions(wallet):
    for query in ("id=9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d", "external_transaction_id=9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d",
                  "stellar_transaction_id=021581089cb614be94b0ac5dc71cadf23a1cd96a2584152268de505ee2e5e999"):
        assert wallet.call("GET", "/transaction?" + query)[0] == 404


def test_29_to_40_transaction_lists(sep24, wallet):
    assert wallet.call("GET", "/transactions?asset_code=SRT", auth=False)[0] == 403
    ids = [wallet.start(kind)["id"] for kind in ("deposit", "withdraw", "deposit")]
    status, _, body = wallet.call("GET", "/transactions?asset_code=SRT")
    assert status == 200
    listed = body["transactions"]
    assert [tx["id"] for tx in listed] == ids[::-1]
    for tx in listed:
        check_transaction(tx, tx["kind"])
    starts = [tx["started_at"] for tx in listed]
    assert starts == sorted(starts, reverse=True)
    assert len(wallet.call("GET", "/transactions?asset_code=SRT&limit=1")[2]["transactions"]) == 1
    cutoff = starts[-2]
    newer = wallet.call("GET", "/transactions?asset_code=SRT&no_older_than=" + urllib.parse.quote(cutoff))[2]["transactions"]
    assert len(newer) >= 2 and all(tx["started_at"] >= cutoff for tx in newer)
    assert {tx["kind"] for tx in wallet.call("GET", "/transactions?asset_code=SRT&kind=withdrawal")[2]["transactions"]} == {"withdrawal"}
    assert {tx["kind"] for tx in wallet.call("GET", "/transactions?asset_code=SRT&kind=deposit")[2]["transactions"]} == {"deposit"}
    assert wallet.call("GET", "/transactions?asset_code=BADCODE")[0] == 400
    assert sep24.wallet().call("GET", "/transactions?asset_code=SRT")[2] == {"transactions": []}


def test_two_memos_of_one_account_are_two_customers(sep24):
    first = sep24.wallet()
    second = sep24.wallet(first.keypair, memo=2)
    first_memo = sep24.wallet(first.keypair, memo=1)
    own = first_memo.start("deposit")["id"]
    assert first_memo.call("GET", "/transaction?id=" + own)[0] == 200
    assert second.call("GET", "/transaction?id=" + own)[0] == 404
    assert first.call("GET", "/transaction?id=" + own)[0] == 404
    assert second.call("GET", "/transactions?asset_code=SRT")[2]["transactions"] == []
    tx = first_memo.transaction(own)
    assert tx["to"] == first.account and tx["deposit_memo"] == "1" and tx["deposit_memo_type"] == "id"


def test_form_encoded_requests_and_preflight(sep24, wallet):
    status, _, body = wallet.call("POST", "/transactions/withdraw/interactive", form={"asset_code": "SRT", "amount": "12.5"})
    assert status == 200, body
    assert wallet.transaction(body["id"])["amount_in"] == "12.5"
    status, headers, _ = request(sep24.transfer_server + "/transactions/deposit/interactive", "OPTIONS",
                                 headers={"Origin": "https://wallet.example", "Access-Control-Request-Method": "POST"})
    assert status == 204 and headers["Access-Control-Allow-Origin"] == "*"


def test_an_interactive_link_works_once(sep24, wallet):
    url = wallet.start("deposit")["url"]
    assert request(url)[0] == 303
    status, headers, page = request(url)
    assert status == 410 and "text/html" in headers["Content-Type"] and b"already been used" in page
