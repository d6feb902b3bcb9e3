"""SEP-6 against the running server with the Python stellar-sdk as the wallet (SEP-10 with its own challenge
verification), check by check after the anchor test suite's SEP-6 group (CONFORMANCE.md "SEP-6", numbers in the test
names), plus what the suite leaves out: the v4 `pending_customer_info_update` flow ended through SEP-12, shared
accounts split by memo, exchanges without SEP-38, errors in the wallet's language, and CORS."""
import json
import re
import urllib.parse

import pytest
from stellar_sdk import Keypair, StrKey

from browser.anchor import Anchor, request

TX_STATUS = re.compile("completed|pending_external|pending_anchor|pending_stellar|pending_trust|pending_user|"
                       "pending_customer_info_update|pending_user_transfer_start|incomplete|no_market|too_small|too_large|error")
DEPOSIT_KEYS = {"enabled", "fee_fixed", "fee_minimum", "fee_percent", "min_amount", "max_amount", "authentication_required",
                "funding_methods", "fields"}
WITHDRAW_KEYS = DEPOSIT_KEYS - {"fields"} | {"types"}
WITHDRAW_ANSWER_KEYS = {"account_id", "memo_type", "memo", "id", "eta", "min_amount", "max_amount", "fee_fixed", "fee_percent",
                        "extra_info"}
IBAN = "DE89370400440532013000"


@pytest.fixture
def sep6(anchor, capstan_bin, tmp_path):
    running = Anchor(capstan_bin, anchor, extra_env={
        "SEP6_ENABLED": "true", "SEP12_ENABLED": "true", "SEP12_FILES_DIR": str(tmp_path / "kyc-files"),
    })
    try:
        yield running
    finally:
        running.stop()


def call(anchor, wallet, method, path, query=None, json_body=None, auth=True, headers=None):
    """A SEP-6 call; returns (status, headers, parsed JSON)."""
    all_headers = dict(headers or {})
    if auth and wallet is not None:
        all_headers["Authorization"] = f"Bearer {wallet.token}"
    body = None
    if json_body is not None:
        body = json.dumps(json_body).encode()
        all_headers["Content-Type"] = "application/json"
    url = anchor.toml["TRANSFER_SERVER"] + path + ("?" + urllib.parse.urlencode(query) if query else "")
    status, response_headers, raw = request(url, method, body, all_headers)
    return status, response_headers, json.loads(raw) if raw else None


def become_known_customer(anchor, wallet):
    """SEP-12 PUT /customer with the fields the reference plugin needs before a deposit."""
    body = json.dumps({"first_name": "Ana", "last_name": "Example", "email_address": "ana@example.com"}).encode()
    status, _, raw = request(anchor.toml["KYC_SERVER"] + "/customer", "PUT", body,
                             {"Authorization": f"Bearer {wallet.token}", "Content-Type": "application/json"})
    assert status == 202, raw


def check_transaction(tx, kind):
    """The suite's transaction schema, strictly: required keys, no nulls."""
    assert isinstance(tx["id"], str) and tx["kind"] == kind and TX_STATUS.search(tx["status"])
    assert isinstance(tx["started_at"], str) and tx["started_at"].endswith("Z")
    side = "to" if kind.startswith("deposit") else "from"
    assert isinstance(tx.get(side), str) and tx[side], tx
    assert all(value is not None for value in tx.values()), tx


def test_01_toml_has_the_transfer_server(sep6):
    assert sep6.toml["TRANSFER_SERVER"] == sep6.url + "/sep6"


def test_02_to_06_info(sep6):
    status, headers, info = call(sep6, None, "GET", "/info", auth=False)
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert {"deposit", "withdraw", "fee", "transaction", "transactions"} <= set(info)
    for block in ("fee", "transaction", "transactions"):
        assert isinstance(info[block]["enabled"], bool)
    srt_in, srt_out = info["deposit"]["SRT"], info["withdraw"]["SRT"]
    assert set(srt_in) <= DEPOSIT_KEYS and set(srt_out) <= WITHDRAW_KEYS
    assert srt_in["enabled"] is True and srt_out["enabled"] is True and srt_in["authentication_required"] is True
    assert srt_in["funding_methods"] == ["SEPA", "SWIFT"]
    assert all(field.get("optional") for field in srt_in.get("fields", {}).values())     # suite #5's inverted check
    assert list(srt_out["types"]) == ["bank_account", "cash"]
    assert set(srt_out["types"]["bank_account"]["fields"]) == {"dest", "dest_extra"}
    assert info["features"] == {"account_creation": True, "claimable_balances": False}
    assert call(sep6, None, "GET", "/info", {"lang": "es"}, auth=False)[2]["withdraw"]["SRT"]["types"]["bank_account"][
        "fields"]["dest"]["description"] == "Tu número de cuenta o IBAN"


def test_07_to_12_deposit(sep6):
    wallet = sep6.wallet()
    assert call(sep6, wallet, "GET", "/deposit", {"asset_code": "SRT", "account": wallet.account}, auth=False)[0] == 403
    status, headers, body = call(sep6, wallet, "GET", "/deposit", {"account": wallet.account})
    assert status == 400 and headers["Content-Type"].startswith("application/json") and isinstance(body["error"], str)
    status, _, body = call(sep6, wallet, "GET", "/deposit", {"asset_code": "NOT_SUPPORTED", "account": wallet.account})
    assert status == 400 and isinstance(body["error"], str)
    status, _, body = call(sep6, wallet, "GET", "/deposit", {"asset_code": "SRT", "account": "GBADACCOUNT"})
    assert status == 400

    # Unknown customer: v4's 200 with the transaction waiting for SEP-12 (how and id as the suite requires).
    status, _, body = call(sep6, wallet, "GET", "/deposit", {"asset_code": "SRT", "account": wallet.account, "type": "SWIFT"})
    assert status == 200 and isinstance(body["how"], str) and isinstance(body["id"], str) and "instructions" not in body, body
    status, _, tx = call(sep6, wallet, "GET", "/transaction", {"id": body["id"]})
    assert status == 200 and tx["transaction"]["status"] == "pending_customer_info_update"
    assert set(tx["transaction"]["required_customer_info_updates"]) == {"first_name", "last_name", "email_address"}
    check_transaction(tx["transaction"], "deposit")

    become_known_customer(sep6, wallet)
    status, _, body = call(sep6, wallet, "GET", "/deposit",
                           {"asset_code": "SRT", "account": wallet.account, "amount": "100", "funding_method": "SEPA"})
    assert status == 200, body
    assert body["instructions"]["organization.bank_name"]["value"] == "Capstan Demo Bank"
    assert "Routing number: 121000358" in body["how"] and body["eta"] == 172800
    tx = call(sep6, wallet, "GET", "/transaction", {"id": body["id"]})[2]["transaction"]
    assert tx["status"] == "pending_user_transfer_start" and tx["amount_in"] == "100"
    assert (tx["amount_fee"], tx["amount_out"]) == ("2", "98")                     # the plugin's fee: 1 + 1 %
    assert tx["fee_details"]["details"][0]["name"] == "Fixed fee"
    assert tx["instructions"]["organization.bank_number"]["value"] == "121000358"
    check_transaction(tx, "deposit")


def test_13_to_18_withdraw(sep6):
    wallet = sep6.wallet()
    base = {"asset_code": "SRT", "account": wallet.account, "type": "bank_account", "dest": IBAN}
    assert call(sep6, wallet, "GET", "/withdraw", base, auth=False)[0] == 403
    assert call(sep6, wallet, "GET", "/withdraw", {k: v for k, v in base.items() if k != "asset_code"})[0] == 400
    assert call(sep6, wallet, "GET", "/withdraw", {**base, "asset_code": "NOT_SUPPORTED"})[0] == 400
    status, _, body = call(sep6, wallet, "GET", "/withdraw", {**base, "type": "crypto"})
    assert status == 400 and "crypto" in body["error"]
    status, _, body = call(sep6, wallet, "GET", "/withdraw", {k: v for k, v in base.items() if k != "dest"})
    assert status == 400 and "dest" in body["error"]                               # the plugin's own rule

    memos = set()
    for _ in range(2):
        status, _, body = call(sep6, wallet, "GET", "/withdraw", {**base, "amount": "50"})
        assert status == 200 and set(body) <= WITHDRAW_ANSWER_KEYS, body
        assert StrKey.is_valid_ed25519_public_key(body["account_id"]) and body["memo_type"] == "id" and int(body["memo"]) > 0
        memos.add(body["memo"])
        tx = call(sep6, wallet, "GET", "/transaction", {"id": body["id"]})[2]["transaction"]
        assert tx["status"] == "pending_user_transfer_start" and tx["to"] == IBAN
        assert (tx["withdraw_anchor_account"], tx["withdraw_memo"]) == (body["account_id"], body["memo"])
        check_transaction(tx, "withdrawal")
    assert len(memos) == 2


def test_19_to_26_transaction(sep6):
    wallet = sep6.wallet()
    ident = call(sep6, wallet, "GET", "/deposit", {"asset_code": "SRT"})[2]["id"]
    assert call(sep6, wallet, "GET", "/transaction", {"id": ident}, auth=False)[0] == 403
    assert call(sep6, wallet, "GET", "/transaction", {"id": ident})[0] == 200
    for query in ({"id": "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"}, {"external_transaction_id": "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"},
                  {"stellar_transaction_id": "021581089cb614be94b0ac5dc71cadf23a1cd96a2584152268de505ee2e5e999"}):
        assert call(sep6, wallet, "GET", "/transaction", query)[0] == 404
    assert call(sep6, sep6.wallet(), "GET", "/transaction", {"id": ident})[0] == 404     # another wallet


def test_27_to_36_transactions(sep6):
    wallet = sep6.wallet()
    assert call(sep6, wallet, "GET", "/transactions", {"asset_code": "SRT", "account": wallet.account}, auth=False)[0] == 403
    ids = [call(sep6, wallet, "GET", "/deposit", {"asset_code": "SRT"})[2]["id"],
           call(sep6, wallet, "GET", "/withdraw", {"asset_code": "SRT", "type": "cash"})[2]["id"],
           call(sep6, wallet, "GET", "/deposit", {"asset_code": "SRT"})[2]["id"]]
    query = {"asset_code": "SRT", "account": wallet.account}
    listed = call(sep6, wallet, "GET", "/transactions", query)[2]["transactions"]
    assert [tx["id"] for tx in listed] == ids[::-1]
    for tx in listed:
        check_transaction(tx, tx["kind"])
    starts = [tx["started_at"] for tx in listed]
    assert starts == sorted(starts, reverse=True)
    assert len(call(sep6, wallet, "GET", "/transactions", {**query, "limit": 1})[2]["transactions"]) == 1
    newer = call(sep6, wallet, "GET", "/transactions", {**query, "no_older_than": starts[-2]})[2]["transactions"]
    assert len(newer) == 2 and all(tx["started_at"] >= starts[-2] for tx in newer)
    kinds = {tx["kind"] for tx in call(sep6, wallet, "GET", "/transactions", {**query, "kind": "withdrawal"})[2]["transactions"]}
    assert kinds == {"withdrawal"}
    assert call(sep6, wallet, "GET", "/transactions", {**query, "paging_id": ids[1]})[2]["transactions"][0]["id"] == ids[0]
    stranger = sep6.wallet()
    assert call(sep6, stranger, "GET", "/transactions", {"asset_code": "SRT", "account": stranger.account})[2] == {"transactions": []}
    assert call(sep6, stranger, "GET", "/transactions", query)[0] == 403                 # someone else's account


def test_two_memos_of_one_account_are_two_users(sep6):
    first = sep6.wallet(memo=1)
    second = sep6.wallet(first.keypair, memo=2)
    own = call(sep6, first, "GET", "/deposit", {"asset_code": "SRT"})[2]["id"]
    assert call(sep6, second, "GET", "/transaction", {"id": own})[0] == 404
    assert call(sep6, sep6.wallet(first.keypair), "GET", "/transaction", {"id": own})[0] == 404
    tx = call(sep6, first, "GET", "/transaction", {"id": own})[2]["transaction"]
    assert tx["to"] == first.account and tx["deposit_memo"] == "1" and tx["deposit_memo_type"] == "id"


def test_exchanges_without_sep38(sep6):
    wallet = sep6.wallet()
    query = {"destination_asset": "SRT", "source_asset": "iso4217:BRL", "amount": "500"}
    status, _, body = call(sep6, wallet, "GET", "/deposit-exchange", {**query, "quote_id": "no-such-quote"})
    assert status == 400 and "no-such-quote" in body["error"]
    assert call(sep6, wallet, "GET", "/deposit-exchange", {**query, "source_asset": "BRL"})[0] == 400
    status, _, body = call(sep6, wallet, "GET", "/deposit-exchange", query)
    assert status == 200, body
    tx = call(sep6, wallet, "GET", "/transaction", {"id": body["id"]})[2]["transaction"]
    assert tx["kind"] == "deposit-exchange" and tx["amount_in_asset"] == "iso4217:BRL"
    check_transaction(tx, "deposit-exchange")


def test_fee_errors_in_the_wallets_language_and_preflight(sep6):
    wallet = sep6.wallet()
    status, _, body = call(sep6, wallet, "GET", "/fee", {"operation": "withdraw", "asset_code": "SRT", "amount": "100", "type": "cash"})
    assert status == 200 and body == {"fee": 1}                                       # the plugin's fee: 0.50 + 0.5 %
    status, _, body = call(sep6, wallet, "GET", "/deposit", {"asset_code": "NOPE", "lang": "es"})
    assert status == 400 and "no es un activo" in body["error"]
    status, headers, _ = request(sep6.toml["TRANSFER_SERVER"] + "/transactions/some-id", "OPTIONS",
                                 headers={"Origin": "https://wallet.example", "Access-Control-Request-Method": "PATCH"})
    assert status == 204 and headers["Access-Control-Allow-Origin"] == "*" and "PATCH" in headers["Access-Control-Allow-Methods"]
    ident = call(sep6, wallet, "GET", "/withdraw", {"asset_code": "SRT", "type": "cash"})[2]["id"]
    status, _, body = call(sep6, wallet, "PATCH", "/transactions/" + ident, json_body={"transaction": {"dest": IBAN}})
    assert status == 400 and isinstance(body["error"], str)                          # not waiting for an update


def test_a_customer_accepted_through_sep12_moves_the_waiting_deposit_on(sep6):
    """SEP-6 v4: a deposit waits in `pending_customer_info_update` until SEP-12 has what the anchor needs; the
    reference plugin accepts a customer once a name, an email and a photo id (a multipart file upload) are on file."""
    wallet = sep6.wallet()
    status, _, body = call(sep6, wallet, "GET", "/deposit", {"asset_code": "SRT", "account": wallet.account, "amount": "25"})
    assert status == 200, body
    waiting = body["id"]
    assert call(sep6, wallet, "GET", "/transaction", {"id": waiting})[2]["transaction"]["status"] == "pending_customer_info_update"

    boundary = "capstan-interop-boundary"
    fields = {"first_name": "Ana", "last_name": "Example", "email_address": "ana@example.com"}
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n' for name, value in fields.items()]
    payload = "".join(parts).encode() + (
        f'--{boundary}\r\nContent-Disposition: form-data; name="photo_id_front"; filename="id.jpg"\r\n'
        "Content-Type: image/jpeg\r\n\r\n").encode() + bytes(range(256)) * 64 + f"\r\n--{boundary}--\r\n".encode()
    status, _, raw = request(sep6.toml["KYC_SERVER"] + "/customer", "PUT", payload, {
        "Authorization": f"Bearer {wallet.token}", "Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert status == 202, raw
    status, _, raw = request(sep6.toml["KYC_SERVER"] + "/customer", headers={"Authorization": f"Bearer {wallet.token}"})
    assert status == 200 and json.loads(raw)["status"] == "ACCEPTED", raw

    tx = call(sep6, wallet, "GET", "/transaction", {"id": waiting})[2]["transaction"]
    assert tx["status"] == "pending_user_transfer_start", tx
