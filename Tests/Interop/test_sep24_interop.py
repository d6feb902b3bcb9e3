"""SEP-24 against the running server with the Python stellar-sdk as the wallet, check by check after the anchor test
suite's SEP-24 group (CONFORMANCE.md "SEP-24", numbers in the test names), plus what the suite leaves out: shared
accounts split by memo, CORS, the three request encodings, and pending transactions reached through the real
interactive pages (driven here over plain HTTP with a cookie jar; the browser tests drive them in Chromium).

Responses are validated with the suite's own schemas (sep24_schema.py). The checks on completed transactions (#19,
#22 to #24) need the devnet and the workers, so they run in test_demo.py on what scripts/demo.py completed."""
import datetime
import html
import re
import urllib.parse

import pytest

from browser.anchor import Anchor, request
from sep24_schema import INFO, INTERACTIVE, check, check_transaction, check_transactions, expect_json


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


def transaction(wallet, ident):
    """The suite's fetchTransaction: `GET /transaction?id=` with the wallet's JWT, 200 and JSON."""
    return expect_json(wallet.call("GET", "/transaction?id=" + ident), 200)


def interactive(wallet, kind):
    """POST /transactions/{kind}/interactive as the suite sends it (JSON, asset and account): 200, JSON, its schema."""
    body = expect_json(wallet.call("POST", f"/transactions/{kind}/interactive",
                                   json_body={"asset_code": "SRT", "account": wallet.account}), 200)
    check(body, INTERACTIVE)
    assert body["type"] == "interactive_customer_info_needed"                # the suite's pattern is unanchored
    return body


def when(timestamp):
    """The suite compares `started_at` values as dates (`new Date(...)`), not as strings."""
    return datetime.datetime.fromisoformat(timestamp.replace("Z", "+00:00"))     # "Z": Python 3.11+ only


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
    # The suite also wants https, except for a home domain containing "localhost": these tests use 127.0.0.1.
    assert sep24.transfer_server == sep24.url + "/sep24" and not sep24.transfer_server.endswith("/")


def test_02_to_04_info_schema_and_enabled_asset(wallet):
    response = wallet.call("GET", "/info", auth=False)
    info = expect_json(response, 200)
    check(info, INFO)                                                                       # 2
    assert info["deposit"]["SRT"]["enabled"] is True                                        # 3
    assert info["withdraw"]["SRT"]["enabled"] is True                                       # 4
    assert response[1]["Access-Control-Allow-Origin"] == "*"
    assert isinstance(info["deposit"]["SRT"]["min_amount"], (int, float))


def test_05_to_13_deposit_and_withdraw_requests(sep24, wallet):
    """#5 to #9 for deposit, #10 to #13 for withdraw (which has no counterpart of #7)."""
    for kind in ("deposit", "withdraw"):
        path = f"/transactions/{kind}/interactive"
        status, _, body = wallet.call("POST", path, json_body={"asset_code": "SRT", "account": wallet.account},
                                      auth=False)
        assert status == 403, body                                                          # 5, 10
        for fields in ({"account": wallet.account},                                         # 6, 11
                       {"asset_code": "NOT_SUPPORTED", "account": wallet.account}):         # 8, 12
            body = expect_json(wallet.call("POST", path, json_body=fields), 400)
            assert isinstance(body["error"], str) and body["error"], (fields, body)
        body = interactive(wallet, kind)                                                    # 9, 13
        assert body["url"].startswith(sep24.url + "/sep24/interactive/" + body["id"] + "?token=")
    body = expect_json(wallet.call("POST", "/transactions/deposit/interactive",
                                   json_body={"asset_code": "SRT", "account": "not a valid account"}), 400)
    assert isinstance(body["error"], str) and body["error"], body                          # 7


def test_14_to_17_20_25_transaction_records_and_more_info(sep24, wallet):
    deposit, withdrawal = interactive(wallet, "deposit")["id"], interactive(wallet, "withdraw")["id"]
    assert wallet.call("GET", "/transaction", auth=False)[0] == 403                         # 14, as the suite asks
    assert wallet.call("GET", "/transaction?id=" + deposit, auth=False)[0] == 403           # and for a real record
    for ident, is_deposit in ((deposit, True), (withdrawal, False)):
        body = transaction(wallet, ident)                                                   # 15, 16
        check_transaction(body, is_deposit)                                                 # 17, 20
        assert body["transaction"]["status"] == "incomplete"
    status, headers, page = request(transaction(wallet, deposit)["transaction"]["more_info_url"])  # no Authorization
    assert status == 200 and "text/html" in headers["Content-Type"]                         # 25
    assert b"Transaction details" in page


def test_18_and_21_pending_transactions_after_the_interactive_flow(sep24, wallet):
    deposit = wallet.start("deposit")
    page = complete_flow(sep24, deposit["url"], "100")
    assert "Now send your payment" in page and "Capstan Demo Bank" in page
    body = transaction(wallet, deposit["id"])
    check_transaction(body, True, is_pending=True)                                          # 18
    tx = body["transaction"]
    assert tx["status"] == "pending_user_transfer_start"                                    # the suite: any pending_
    assert (tx["amount_in"], tx["amount_fee"], tx["amount_out"]) == ("100", "2", "98")      # the plugin's fee: 1 + 1 %

    withdrawal = wallet.start("withdraw", amount="250")
    page = complete_flow(sep24, withdrawal["url"], "250")           # returning customer: no second KYC form
    body = transaction(wallet, withdrawal["id"])
    check_transaction(body, False, is_pending=True)                                         # 21
    tx = body["transaction"]
    assert tx["status"] == "pending_user_transfer_start"
    assert tx["withdraw_memo_type"] == "id" and tx["withdraw_memo"] in html.unescape(page)
    assert tx["withdraw_anchor_account"] in page


def test_26_to_28_unknown_transactions(wallet):
    for query in ("id=9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d", "external_transaction_id=9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d",
                  "stellar_transaction_id=021581089cb614be94b0ac5dc71cadf23a1cd96a2584152268de505ee2e5e999"):
        assert wallet.call("GET", "/transaction?" + query)[0] == 404


def test_29_to_40_transaction_lists(sep24, wallet):
    """In the suite's order: the wallet's deposit (#9) and withdrawal (#13), then the deposits #35 and #36 add."""
    assert wallet.call("GET", "/transactions", auth=False)[0] == 403                        # 29
    deposit, withdrawal = interactive(wallet, "deposit")["id"], interactive(wallet, "withdraw")["id"]
    body = expect_json(wallet.call("GET", "/transactions?asset_code=SRT"), 200)
    listed = [tx["id"] for tx in body["transactions"]]
    assert deposit in listed and withdrawal in listed                                       # 30, 31
    check_transactions(body)                                                                # 32, 33

    body = expect_json(sep24.wallet().call("GET", "/transactions?asset_code=SRT"), 200)
    check_transactions(body)
    assert body["transactions"] == []                                                       # 34

    third = interactive(wallet, "deposit")["id"]
    body = expect_json(wallet.call("GET", "/transactions?asset_code=SRT&limit=1"), 200)
    check_transactions(body)
    assert len(body["transactions"]) == 1                                                   # 35

    fourth = interactive(wallet, "deposit")["id"]
    body = expect_json(wallet.call("GET", "/transactions?asset_code=SRT"), 200)
    check_transactions(body)
    listed = body["transactions"]
    newest = when(listed[0]["started_at"])
    assert len(listed) >= 2 and all(when(tx["started_at"]) <= newest for tx in listed)     # 36
    assert [tx["id"] for tx in listed] == [fourth, third, withdrawal, deposit]              # ours: exactly newest first

    assert len(listed) >= 3                                                                 # 37
    cutoff = listed[-2]["started_at"]                                 # sent unencoded, as the suite does
    body = expect_json(wallet.call("GET", "/transactions?asset_code=SRT&no_older_than=" + cutoff), 200)
    check_transactions(body)
    assert len(body["transactions"]) >= 2 and all(when(tx["started_at"]) >= when(cutoff) for tx in body["transactions"])

    for kind in ("withdrawal", "deposit"):                                                  # 38, 39
        body = expect_json(wallet.call("GET", "/transactions?asset_code=SRT&kind=" + kind), 200)
        check_transactions(body)
        assert body["transactions"] and {tx["kind"] for tx in body["transactions"]} == {kind}
    assert wallet.call("GET", "/transactions?asset_code=BADCODE")[0] == 400                 # 40


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
