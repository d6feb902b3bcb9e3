"""SEP-12 against the running server with the Python stellar-sdk as the wallet (SEP-10 with its own challenge
verification), after the anchor test suite's SEP-12 group (CONFORMANCE.md "SEP-12"), plus what it leaves out:
multipart uploads with binary SEP-9 fields, files, and IDOR attempts across accounts and memos."""
import json
import os
import urllib.parse
import uuid

import pytest

from browser.anchor import Anchor, request


@pytest.fixture
def kyc(anchor, capstan_bin, tmp_path):
    running = Anchor(capstan_bin, anchor, extra_env={
        "SEP12_ENABLED": "true", "SEP12_FILES_DIR": str(tmp_path / "kyc-files"), "SEP12_MAX_FILE_BYTES": str(512 * 1024),
    })
    try:
        yield running
    finally:
        running.stop()


def call(anchor, wallet, method, path, json_body=None, multipart=None, auth=True):
    headers = {"Authorization": f"Bearer {wallet.token}"} if auth else {}
    body = None
    if json_body is not None:
        body = json.dumps(json_body).encode()
        headers["Content-Type"] = "application/json"
    elif multipart is not None:
        boundary = uuid.uuid4().hex
        chunks = []
        for name, value in multipart:
            if isinstance(value, bytes):
                chunks.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{name}.jpg"\r\n'
                              f'Content-Type: image/jpeg\r\n\r\n'.encode() + value + b"\r\n")
            else:
                chunks.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        body = b"".join(chunks) + f"--{boundary}--\r\n".encode()
        headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
    status, _, raw = request(anchor.toml["KYC_SERVER"] + path, method, body, headers)
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, raw


def test_toml_has_kyc_server(kyc):
    assert kyc.toml["KYC_SERVER"] == kyc.url + "/kyc"


def test_requires_sep10(kyc):
    wallet = kyc.wallet()
    for method, path in (("GET", "/customer"), ("PUT", "/customer"), ("DELETE", f"/customer/{wallet.account}")):
        status, _ = call(kyc, wallet, method, path, auth=False)
        assert status in (401, 403), (method, path)


def test_new_customer_then_multipart_upload_reaches_accepted(kyc):
    wallet = kyc.wallet()
    status, body = call(kyc, wallet, "GET", "/customer?type=sep6")
    assert status == 200 and body["status"] == "NEEDS_INFO" and "id" not in body, body
    assert set(body["fields"]) >= {"first_name", "email_address", "photo_id_front"}
    status, body = call(kyc, wallet, "PUT", "/customer", multipart=[
        ("first_name", "Ana"), ("last_name", "Example"), ("email_address", "ana@example.com"),
        ("photo_id_front", os.urandom(200 * 1024)),
    ])
    assert status == 202 and isinstance(body["id"], str), body
    customer_id = body["id"]
    status, body = call(kyc, wallet, "GET", "/customer?id=" + customer_id)
    assert status == 200 and body["status"] == "ACCEPTED" and body["id"] == customer_id, body
    status, body = call(kyc, wallet, "GET", "/customer/files?customer_id=" + customer_id)
    assert status == 200 and len(body["files"]) == 1 and body["files"][0]["size"] == 200 * 1024


def test_file_over_the_limit_is_413(kyc):
    wallet = kyc.wallet()
    status, _ = call(kyc, wallet, "POST", "/customer/files", multipart=[("file", os.urandom(512 * 1024 + 1))])
    assert status == 413


def test_bad_sep9_values_are_400(kyc):
    wallet = kyc.wallet()
    for fields in ({"birth_date": "1990-13-01"}, {"mobile_number": "555"}, {"not_a_field": "x"}):
        status, body = call(kyc, wallet, "PUT", "/customer", json_body=fields)
        assert status == 400 and "error" in body, fields


def test_memos_differentiate_customers_and_ids_do_not_cross(kyc):
    one = kyc.wallet(memo=1)
    two = kyc.wallet(keypair=one.keypair, memo=2)
    status, body = call(kyc, one, "PUT", "/customer", json_body={"memo": "1", "memo_type": "id", "first_name": "One"})
    assert status == 202, body
    first = body["id"]
    status, body = call(kyc, two, "PUT", "/customer", json_body={"memo": "2", "memo_type": "id", "first_name": "Two"})
    assert status == 202 and body["id"] != first, body
    status, body = call(kyc, two, "GET", "/customer?id=" + urllib.parse.quote(first))
    assert status == 404 and "One" not in json.dumps(body)
    stranger = kyc.wallet()
    status, _ = call(kyc, stranger, "GET", "/customer?id=" + urllib.parse.quote(first))
    assert status == 404
    status, _ = call(kyc, stranger, "PUT", "/customer", json_body={"id": first, "first_name": "Mallory"})
    assert status == 404


def test_delete_customer(kyc):
    wallet = kyc.wallet()
    status, body = call(kyc, wallet, "PUT", "/customer", json_body={"account": wallet.account, "first_name": "Del"})
    assert status == 202, body
    status, _ = call(kyc, wallet, "GET", f"/customer?account={wallet.account}")
    assert status == 200
    status, _ = call(kyc, kyc.wallet(), "DELETE", f"/customer/{wallet.account}")
    assert status == 404
    status, _ = call(kyc, wallet, "DELETE", f"/customer/{wallet.account}")
    assert status == 200
