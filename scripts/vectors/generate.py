#!/usr/bin/env python3
"""Writes StellarKit's golden vectors with the Python stellar-sdk as the independent oracle.

Run from the repository root: `python3 scripts/vectors/generate.py`. The output,
Tests/StellarKitTests/Vectors/transactions.json, is committed; the Swift tests rebuild each
transaction from its description with StellarKit's builder and compare bytes and hashes.

Everything is deterministic: keys come from fixed seeds, sequence numbers and time bounds are
fixed, and ed25519 signatures are deterministic, so re-running gives an identical file.

Description schema (all 64-bit integers are decimal strings, so no JSON reader rounds them):
  case: name, network (passphrase), kind ("v1" | "v0" | "fee_bump"), source (G/M), sequence
  (the transaction's own sequence number), base_fee, preconditions, memo, operations, signers
  (S... seeds that sign the transaction), and for fee bumps fee_bump {fee_source, base_fee, signers}.
"""

import base64
import hashlib
import json
import random
import sys
import warnings
from decimal import Decimal
from pathlib import Path

import stellar_sdk
from stellar_sdk import (
    Account,
    Asset,
    AuthorizationFlag,
    Claimant,
    ClaimPredicate,
    Keypair,
    LiquidityPoolAsset,
    MuxedAccount,
    Network,
    Signer,
    SignerKey,
    StrKey,
    TransactionBuilder,
)
from stellar_sdk.memo import HashMemo, IdMemo, NoneMemo, ReturnHashMemo, TextMemo
from stellar_sdk.operation import (
    AccountMerge,
    ChangeTrust,
    ClaimClaimableBalance,
    CreateAccount,
    CreateClaimableBalance,
    ManageData,
    PathPaymentStrictReceive,
    PathPaymentStrictSend,
    Payment,
    SetOptions,
)

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "Tests" / "StellarKitTests" / "Vectors"
TESTNET = Network.TESTNET_NETWORK_PASSPHRASE
PUBNET = Network.PUBLIC_NETWORK_PASSPHRASE


def keypair(name: str) -> Keypair:
    """A key derived from its name, so every run and every reader gets the same one."""
    return Keypair.from_raw_ed25519_seed(hashlib.sha256(f"capstan-vector-{name}".encode()).digest())


def muxed(name: str, muxed_id: int) -> str:
    return MuxedAccount(keypair(name).public_key, muxed_id).account_muxed


def stroops_to_amount(stroops: str) -> str:
    return str(Decimal(int(stroops)) / Decimal(10**7))


ALICE = keypair("alice")
BOB = keypair("bob")
CAROL = keypair("carol")
ISSUER = keypair("issuer")
ANCHOR = keypair("anchor")
SPONSOR = keypair("sponsor")

USDC = {"type": "credit", "code": "USDC", "issuer": ISSUER.public_key}
SRT = {"type": "credit", "code": "SRT", "issuer": ISSUER.public_key}
LONG = {"type": "credit", "code": "LONGASSET12X", "issuer": ANCHOR.public_key}
NATIVE = {"type": "native"}
TIME = {"type": "time", "min_time": "1700000000", "max_time": "1700000300"}


# MARK: description -> stellar_sdk objects


def to_asset(spec: dict):
    if spec["type"] == "native":
        return Asset.native()
    if spec["type"] == "credit":
        return Asset(spec["code"], spec["issuer"])
    if spec["type"] == "pool_share":
        return LiquidityPoolAsset(to_asset(spec["asset_a"]), to_asset(spec["asset_b"]), spec["fee"])
    raise ValueError(spec)


def to_predicate(spec: dict) -> ClaimPredicate:
    kind = spec["type"]
    if kind == "unconditional":
        return ClaimPredicate.predicate_unconditional()
    if kind == "and":
        left, right = spec["predicates"]
        return ClaimPredicate.predicate_and(to_predicate(left), to_predicate(right))
    if kind == "or":
        left, right = spec["predicates"]
        return ClaimPredicate.predicate_or(to_predicate(left), to_predicate(right))
    if kind == "not":
        return ClaimPredicate.predicate_not(to_predicate(spec["predicate"]))
    if kind == "before_absolute_time":
        return ClaimPredicate.predicate_before_absolute_time(int(spec["value"]))
    if kind == "before_relative_time":
        return ClaimPredicate.predicate_before_relative_time(int(spec["value"]))
    raise ValueError(spec)


def flags(value):
    return AuthorizationFlag(value) if value is not None else None


def to_operation(spec: dict):
    source = spec.get("source")
    kind = spec["type"]
    if kind == "create_account":
        return CreateAccount(spec["destination"], stroops_to_amount(spec["starting_balance"]), source)
    if kind == "payment":
        return Payment(spec["destination"], to_asset(spec["asset"]), stroops_to_amount(spec["amount"]), source)
    if kind == "path_payment_strict_receive":
        return PathPaymentStrictReceive(
            spec["destination"], to_asset(spec["send_asset"]), stroops_to_amount(spec["send_max"]),
            to_asset(spec["dest_asset"]), stroops_to_amount(spec["dest_amount"]),
            [to_asset(a) for a in spec["path"]], source,
        )
    if kind == "path_payment_strict_send":
        return PathPaymentStrictSend(
            spec["destination"], to_asset(spec["send_asset"]), stroops_to_amount(spec["send_amount"]),
            to_asset(spec["dest_asset"]), stroops_to_amount(spec["dest_min"]),
            [to_asset(a) for a in spec["path"]], source,
        )
    if kind == "manage_data":
        value = bytes.fromhex(spec["value_hex"]) if spec["value_hex"] is not None else None
        return ManageData(spec["name"], value, source)
    if kind == "set_options":
        signer = None
        if spec.get("signer") is not None:
            signer = Signer(SignerKey.from_encoded_signer_key(spec["signer"]["key"]), spec["signer"]["weight"])
        return SetOptions(
            inflation_dest=spec.get("inflation_dest"), clear_flags=flags(spec.get("clear_flags")),
            set_flags=flags(spec.get("set_flags")), master_weight=spec.get("master_weight"),
            low_threshold=spec.get("low_threshold"), med_threshold=spec.get("med_threshold"),
            high_threshold=spec.get("high_threshold"), signer=signer, home_domain=spec.get("home_domain"),
            source=source,
        )
    if kind == "change_trust":
        limit = stroops_to_amount(spec["limit"]) if spec.get("limit") is not None else None
        return ChangeTrust(to_asset(spec["asset"]), limit, source)
    if kind == "create_claimable_balance":
        claimants = [Claimant(c["destination"], to_predicate(c["predicate"])) for c in spec["claimants"]]
        return CreateClaimableBalance(to_asset(spec["asset"]), stroops_to_amount(spec["amount"]), claimants, source)
    if kind == "claim_claimable_balance":
        return ClaimClaimableBalance(spec["balance_id"], source)
    if kind == "account_merge":
        return AccountMerge(spec["destination"], source)
    raise ValueError(spec)


def to_memo(spec: dict):
    kind = spec["type"]
    if kind == "none":
        return NoneMemo()
    if kind == "text":
        return TextMemo(spec["value"])
    if kind == "id":
        return IdMemo(int(spec["value"]))
    if kind == "hash":
        return HashMemo(bytes.fromhex(spec["value_hex"]))
    if kind == "return":
        return ReturnHashMemo(bytes.fromhex(spec["value_hex"]))
    raise ValueError(spec)


def build(case: dict) -> dict:
    network = case["network"]
    builder = TransactionBuilder(
        Account(case["source"], int(case["sequence"]) - 1), network, case["base_fee"], v1=case["kind"] != "v0"
    )
    builder.add_memo(to_memo(case["memo"]))
    pre = case["preconditions"]
    if pre["type"] == "time":
        builder.add_time_bounds(int(pre["min_time"]), int(pre["max_time"]))
    elif pre["type"] == "v2":
        if pre["time_bounds"] is not None:
            builder.add_time_bounds(int(pre["time_bounds"]["min_time"]), int(pre["time_bounds"]["max_time"]))
        if pre["ledger_bounds"] is not None:
            builder.set_ledger_bounds(pre["ledger_bounds"]["min_ledger"], pre["ledger_bounds"]["max_ledger"])
        if pre["min_sequence_number"] is not None:
            builder.set_min_sequence_number(int(pre["min_sequence_number"]))
        builder.set_min_sequence_age(int(pre["min_sequence_age"]))
        builder.set_min_sequence_ledger_gap(pre["min_sequence_ledger_gap"])
        for signer in pre["extra_signers"]:
            builder.add_extra_signer(signer)
    for op in case["operations"]:
        builder.append_operation(to_operation(op))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        envelope = builder.build()
    for seed in case["signers"]:
        envelope.sign(Keypair.from_secret(seed))
    if case["kind"] == "fee_bump":
        bump = case["fee_bump"]
        envelope = TransactionBuilder.build_fee_bump_transaction(
            bump["fee_source"], bump["base_fee"], envelope, network
        )
        for seed in bump["signers"]:
            envelope.sign(Keypair.from_secret(seed))
    result = dict(case)
    result["envelope_xdr"] = envelope.to_xdr()
    result["hash"] = envelope.hash_hex()
    return result


# MARK: the cases


def case(name, operations, *, source=None, sequence="103420918407103889", base_fee=100, memo=None,
         preconditions=None, signers=None, kind="v1", network=TESTNET, fee_bump=None):
    return {
        "name": name,
        "network": network,
        "kind": kind,
        "source": source or ALICE.public_key,
        "sequence": sequence,
        "base_fee": base_fee,
        "preconditions": preconditions or TIME,
        "memo": memo or {"type": "none"},
        "operations": operations,
        "signers": signers if signers is not None else [ALICE.secret],
        **({"fee_bump": fee_bump} if fee_bump else {}),
    }


def hash_hex(label: str) -> str:
    return hashlib.sha256(label.encode()).hexdigest()


def cases() -> list:
    balance_id = "00000000" + hash_hex("a claimable balance")
    all_predicates = {
        "type": "and",
        "predicates": [
            {"type": "or", "predicates": [
                {"type": "before_absolute_time", "value": "1800000000"},
                {"type": "before_relative_time", "value": "86400"},
            ]},
            {"type": "not", "predicate": {"type": "unconditional"}},
        ],
    }
    return [
        case("create_account", [
            {"type": "create_account", "destination": BOB.public_key, "starting_balance": "100000000"},
        ]),
        case("payment_native_memo_text", [
            {"type": "payment", "destination": BOB.public_key, "asset": NATIVE, "amount": "12345678"},
        ], memo={"type": "text", "value": "withdrawal 42"}),
        case("payment_credit4_memo_id_muxed_destination", [
            {"type": "payment", "destination": muxed("bob", 1234567890123), "asset": USDC, "amount": "500000000"},
        ], memo={"type": "id", "value": "18446744073709551615"}),
        case("payment_credit12_memo_hash_muxed_source", [
            {"type": "payment", "destination": CAROL.public_key, "asset": LONG, "amount": "1"},
        ], source=muxed("alice", 9223372036854775808), memo={"type": "hash", "value_hex": hash_hex("memo hash")}),
        case("payment_memo_return_unicode_text_op_source", [
            {"type": "payment", "destination": BOB.public_key, "asset": SRT, "amount": "9223372036854775807",
             "source": muxed("carol", 7)},
        ], memo={"type": "return", "value_hex": hash_hex("refunded transaction")},
           signers=[ALICE.secret, CAROL.secret]),
        case("memo_text_utf8", [
            {"type": "payment", "destination": BOB.public_key, "asset": NATIVE, "amount": "10"},
        ], memo={"type": "text", "value": "caf\u00e9 \u2603 \u00fcber 28 bytes!!!!"}),
        case("path_payment_strict_receive", [
            {"type": "path_payment_strict_receive", "send_asset": NATIVE, "send_max": "1000000000",
             "destination": muxed("bob", 1), "dest_asset": USDC, "dest_amount": "250000000",
             "path": [SRT, LONG]},
        ]),
        case("path_payment_strict_send", [
            {"type": "path_payment_strict_send", "send_asset": USDC, "send_amount": "250000000",
             "destination": BOB.public_key, "dest_asset": NATIVE, "dest_min": "900000000", "path": []},
        ]),
        case("manage_data_sep10_challenge", [
            {"type": "manage_data", "name": "testanchor.stellar.org auth",
             "value_hex": base64.b64encode(hashlib.sha384(b"nonce").digest()).hex(), "source": CAROL.public_key},
            {"type": "manage_data", "name": "web_auth_domain", "value_hex": "testanchor.stellar.org".encode().hex(),
             "source": ANCHOR.public_key},
            {"type": "manage_data", "name": "to delete", "value_hex": None},
        ], source=ANCHOR.public_key, sequence="0", signers=[ANCHOR.secret, CAROL.secret]),
        case("set_options_all_fields_ed25519_signer", [
            {"type": "set_options", "inflation_dest": BOB.public_key, "clear_flags": 2, "set_flags": 9,
             "master_weight": 10, "low_threshold": 1, "med_threshold": 2, "high_threshold": 3,
             "home_domain": "example.com", "signer": {"key": CAROL.public_key, "weight": 5}},
        ]),
        case("set_options_signer_kinds", [
            {"type": "set_options", "signer": {"key": StrKey.encode_pre_auth_tx(bytes.fromhex(hash_hex("pre"))),
                                               "weight": 1}},
            {"type": "set_options", "signer": {"key": StrKey.encode_sha256_hash(bytes.fromhex(hash_hex("x"))),
                                               "weight": 2}},
            {"type": "set_options", "signer": {"key": SignerKey.ed25519_signed_payload(
                stellar_sdk.SignedPayloadSigner(BOB.public_key, b"\x01\x02\x03\x04\x05")).encoded_signer_key,
                "weight": 3}},
            {"type": "set_options", "home_domain": "", "master_weight": 0},
        ]),
        case("change_trust_variants", [
            {"type": "change_trust", "asset": USDC, "limit": "10000000000"},
            {"type": "change_trust", "asset": LONG, "limit": None},
            {"type": "change_trust", "asset": SRT, "limit": "0"},
            {"type": "change_trust", "asset": {"type": "pool_share", "asset_a": NATIVE, "asset_b": USDC,
                                               "fee": 30}, "limit": "5000000000"},
        ]),
        case("create_claimable_balance_all_predicates", [
            {"type": "create_claimable_balance", "asset": USDC, "amount": "1000000", "claimants": [
                {"destination": BOB.public_key, "predicate": {"type": "unconditional"}},
                {"destination": CAROL.public_key, "predicate": all_predicates},
                {"destination": ALICE.public_key, "predicate": {"type": "before_relative_time", "value": "3600"}},
            ]},
        ]),
        case("claim_claimable_balance", [
            {"type": "claim_claimable_balance", "balance_id": balance_id},
        ], source=BOB.public_key, signers=[BOB.secret]),
        case("account_merge_muxed_destination", [
            {"type": "account_merge", "destination": muxed("anchor", 42)},
        ]),
        case("no_preconditions_public_network", [
            {"type": "payment", "destination": BOB.public_key, "asset": NATIVE, "amount": "1"},
        ], preconditions={"type": "none"}, network=PUBNET, base_fee=250),
        case("preconditions_v2", [
            {"type": "payment", "destination": BOB.public_key, "asset": NATIVE, "amount": "1"},
        ], preconditions={
            "type": "v2", "time_bounds": {"min_time": "0", "max_time": "1700000300"},
            "ledger_bounds": {"min_ledger": 100, "max_ledger": 0}, "min_sequence_number": "103420918407103800",
            "min_sequence_age": "300", "min_sequence_ledger_gap": 5,
            "extra_signers": [CAROL.public_key, StrKey.encode_sha256_hash(bytes.fromhex(hash_hex("extra")))],
        }, signers=[ALICE.secret, CAROL.secret]),
        case("preconditions_v2_minimal", [
            {"type": "payment", "destination": BOB.public_key, "asset": NATIVE, "amount": "1"},
        ], preconditions={
            "type": "v2", "time_bounds": None, "ledger_bounds": None, "min_sequence_number": None,
            "min_sequence_age": "0", "min_sequence_ledger_gap": 0, "extra_signers": [],
        }),
        case("v0_envelope", [
            {"type": "payment", "destination": BOB.public_key, "asset": USDC, "amount": "20000000"},
            {"type": "create_account", "destination": CAROL.public_key, "starting_balance": "20000000"},
        ], kind="v0", memo={"type": "text", "value": "v0"}),
        case("v0_envelope_no_time_bounds", [
            {"type": "payment", "destination": BOB.public_key, "asset": NATIVE, "amount": "3"},
        ], kind="v0", preconditions={"type": "none"}),
        case("fee_bump", [
            {"type": "payment", "destination": BOB.public_key, "asset": NATIVE, "amount": "30000000"},
            {"type": "payment", "destination": CAROL.public_key, "asset": NATIVE, "amount": "30000000"},
        ], kind="fee_bump", fee_bump={"fee_source": muxed("sponsor", 99), "base_fee": 500,
                                      "signers": [SPONSOR.secret]}),
        case("unsigned", [
            {"type": "manage_data", "name": "k", "value_hex": "00"},
        ], signers=[]),
    ]


def strkey_vectors() -> list:
    """SDK-made strkeys from seeded random material, for round trips through our encoder."""
    rng = random.Random(20250207)
    out = []
    for index in range(16):
        seed = rng.randbytes(32)
        pair = Keypair.from_raw_ed25519_seed(seed)
        ids = [0, 1, 2**63, 2**64 - 1, rng.getrandbits(64)]
        payload = rng.randbytes(rng.randint(0, 64))
        hashes = rng.randbytes(32)
        out.append({
            "seed_hex": seed.hex(),
            "public_key_hex": pair.raw_public_key().hex(),
            "account_id": pair.public_key,
            "secret_seed": pair.secret,
            "muxed": [{"id": str(i), "address": MuxedAccount(pair.public_key, i).account_muxed} for i in ids],
            "hash_hex": hashes.hex(),
            "pre_auth_tx": StrKey.encode_pre_auth_tx(hashes),
            "hash_x": StrKey.encode_sha256_hash(hashes),
            "contract": StrKey.encode_contract(hashes),
            "liquidity_pool": StrKey.encode_liquidity_pool(hashes),
            "claimable_balance": StrKey.encode_claimable_balance(b"\x00" + hashes),
            "signed_payload_hex": payload.hex(),
            "signed_payload": SignerKey.ed25519_signed_payload(
                stellar_sdk.SignedPayloadSigner(pair.public_key, payload)).encoded_signer_key,
            "message_hex": hashes.hex(),
            "signature_hex": pair.sign(hashes).hex(),
        })
    return out


def main() -> int:
    document = {
        "generator": "scripts/vectors/generate.py",
        "stellar_sdk": stellar_sdk.__version__,
        "transactions": [build(c) for c in cases()],
        "strkeys": strkey_vectors(),
    }
    VECTORS.mkdir(parents=True, exist_ok=True)
    path = VECTORS / "transactions.json"
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}: {len(document['transactions'])} transactions, "
          f"{len(document['strkeys'])} key sets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
