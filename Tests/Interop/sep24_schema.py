"""The anchor test suite's SEP-24 response schemas, for the `jsonschema` package, and what we check beyond them.

The upstream part mirrors stellar/stellar-anchor-tests `@stellar/anchor-tests/src/schemas/sep24.ts` at commit
52d1e81afb7f14b040ee00491ce22f5ba1b7d5a0: `infoSchema` (INFO), `successResponseSchema` (INTERACTIVE),
`getTransactionSchema` (transaction_schema) and `transactionsSchema` (TRANSACTIONS). The suite validates with the
Node `jsonschema` package, which checks the `uri` and `date-time` formats; python-jsonschema skips both unless
optional packages are installed, so FORMATS implements them here.

The suite's other `getTransactionSchema(kind, status)` (the one CONFORMANCE.md describes, next to the
`stellar_transaction_id` checks #23 and #24) differs from that commit: it does not require `refunded`, but types `to`
on deposits and `from` on withdrawals as plain strings, types `refunds` as an object, and requires `withdraw_memo`,
`withdraw_memo_type` and `withdraw_anchor_account` on pending_user_transfer_start and completed withdrawals. The
strict schemas add exactly those, plus no `null` anywhere (CONFORMANCE.md "Gotchas" #6), so a transaction that passes
check_transaction passes either version of the suite."""
import copy
import datetime
import json
import re
import urllib.parse

import jsonschema

# --- upstream, schemas/sep24.ts at 52d1e81 ------------------------------------------------------------------------

_ASSET = {
    "properties": {
        "enabled": {"type": "boolean"},
        "fee_fixed": {"type": "number"},
        "fee_minimum": {"type": "number"},
        "fee_percent": {"type": "number"},
        "min_amount": {"type": "number"},
        "max_amount": {"type": "number"},
    },
    "required": ["enabled"],
    "additionalProperties": False,
}
_DEPOSIT_AND_WITHDRAW_INFO = {"type": "object", "patternProperties": {".*": _ASSET}}

INFO = {
    "type": "object",
    "properties": {
        "deposit": _DEPOSIT_AND_WITHDRAW_INFO,
        "withdraw": _DEPOSIT_AND_WITHDRAW_INFO,
        "fee": {
            "type": "object",
            "properties": {"enabled": {"type": "boolean"}, "authentication_required": {"type": "boolean"}},
            "required": ["enabled"],
        },
    },
    "required": ["deposit", "withdraw", "fee"],
}

INTERACTIVE = {
    "type": "object",
    "properties": {
        "type": {"type": "string", "pattern": "interactive_customer_info_needed"},
        "url": {"type": "string", "format": "uri"},
        "id": {"type": "string"},
    },
    "required": ["type", "url", "id"],
    "additionalProperties": False,
}

STATUSES = [
    "incomplete", "pending_anchor", "pending_external", "pending_stellar", "pending_trust", "pending_user",
    "pending_user_transfer_start", "pending_user_transfer_complete", "completed", "refunded", "expired", "no_market",
    "too_small", "too_large", "error",
]
_NULLABLE_STRING = {"type": ["string", "null"]}

_TRANSACTION = {
    "type": "object",
    "properties": {
        "transaction": {
            "type": "object",
            "properties": {
                "id": {"type": "string"},
                "kind": {"type": "string", "pattern": "deposit|withdrawal"},
                "status": {"type": "string", "enum": STATUSES},
                "more_info_url": {"type": "string", "format": "uri"},
                "status_eta": {"type": ["number", "null"]},
                "amount_in": _NULLABLE_STRING,
                "amount_out": _NULLABLE_STRING,
                "amount_fee": _NULLABLE_STRING,
                "amount_in_asset": _NULLABLE_STRING,
                "amount_out_asset": _NULLABLE_STRING,
                "amount_fee_asset": _NULLABLE_STRING,
                "started_at": {"type": "string", "format": "date-time"},
                "updated_at": {"type": ["string", "null"], "format": "date-time"},
                "completed_at": {"type": ["string", "null"], "format": "date-time"},
                "stellar_transaction_id": _NULLABLE_STRING,
                "external_transaction_id": _NULLABLE_STRING,
                "message": _NULLABLE_STRING,
                "refunded": {"type": "boolean"},
                "claimable_balance_id": _NULLABLE_STRING,
                "kyc_verified": {"type": ["boolean", "null"]},
            },
            "required": ["id", "kind", "status", "more_info_url", "started_at", "refunded"],
        },
    },
    "required": ["transaction"],
}
_PENDING_REQUIRED = ["amount_in", "amount_in_asset", "amount_out", "amount_out_asset"]
_DEPOSIT_PROPERTIES = {"deposit_memo": _NULLABLE_STRING, "deposit_memo_type": _NULLABLE_STRING,
                       "from": _NULLABLE_STRING, "to": _NULLABLE_STRING}
_WITHDRAW_PROPERTIES = {"withdraw_anchor_account": _NULLABLE_STRING, "withdraw_memo": _NULLABLE_STRING,
                        "withdraw_memo_type": _NULLABLE_STRING, "from": _NULLABLE_STRING, "to": _NULLABLE_STRING}


def transaction_schema(is_deposit, is_pending=False, is_completed=False):
    """`getTransactionSchema(isDeposit, isPending, isCompleted)`: the body of `GET /transaction`. The suite's checks
    call it with (kind, False, False) for `incomplete`, (kind, True, False) for `pending_` deposits and
    `pending_user_transfer_start` withdrawals, and (kind, False, True) for `completed`."""
    schema = copy.deepcopy(_TRANSACTION)
    transaction = schema["properties"]["transaction"]
    transaction["properties"]["kind"]["pattern"] = "deposit" if is_deposit else "withdrawal"
    if is_pending:
        transaction["required"] += _PENDING_REQUIRED
        if not is_deposit:
            transaction["required"] += ["withdraw_anchor_account"]
    if is_completed:
        transaction["required"] += ["stellar_transaction_id", "completed_at"] + _PENDING_REQUIRED
    transaction["required"] += ["to"] if is_deposit else ["from"]
    transaction["properties"].update(copy.deepcopy(_DEPOSIT_PROPERTIES if is_deposit else _WITHDRAW_PROPERTIES))
    return schema


def list_schema(schema):
    """`transactionsSchema`'s shape: a `transactions` array whose items are either kind's object under `schema`."""
    kinds = [schema(is_deposit)["properties"]["transaction"] for is_deposit in (True, False)]
    return {
        "type": "object",
        "properties": {"transactions": {"type": "array", "items": {"anyOf": kinds}}},
        "required": ["transactions"],
    }


TRANSACTIONS = list_schema(transaction_schema)

# --- ours: what the suite's other getTransactionSchema requires, and no nulls ---------------------------------------


def strict_transaction_schema(is_deposit, is_pending=False, is_completed=False):
    """Checked together with transaction_schema (same arguments); see the module docstring."""
    side = "to" if is_deposit else "from"
    required = [side]
    if not is_deposit and (is_pending or is_completed):
        required += ["withdraw_memo", "withdraw_memo_type", "withdraw_anchor_account"]
    transaction = {
        "type": "object",
        "properties": {
            "kind": {"const": "deposit" if is_deposit else "withdrawal"},
            side: {"type": "string", "minLength": 1},
            "refunds": {"type": "object"},
        },
        "patternProperties": {".*": {"not": {"type": "null"}}},
        "required": required,
    }
    return {"type": "object", "properties": {"transaction": transaction}, "required": ["transaction"]}


STRICT_TRANSACTIONS = list_schema(strict_transaction_schema)

# --- formats and validation ---------------------------------------------------------------------------------------

FORMATS = jsonschema.FormatChecker(formats=())
_RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})")


@FORMATS.checks("uri", raises=ValueError)
def is_absolute_url(value):
    """An absolute URL with a scheme and a host (a bare `scheme:path` does not link anywhere a wallet can open)."""
    if not isinstance(value, str):
        return True
    parts = urllib.parse.urlsplit(value)
    return bool(parts.scheme and parts.netloc) and not any(c.isspace() for c in value)


@FORMATS.checks("date-time", raises=ValueError)
def is_rfc3339(value):
    """RFC 3339 `date-time`: the shape by regular expression, the field ranges by `fromisoformat` (which raises)."""
    if not isinstance(value, str):
        return True
    value = value.upper()                                      # RFC 3339 5.6: "T" and "Z" may be lower case
    match = _RFC3339.fullmatch(value)
    if match is None:
        return False
    if match.group(1) == "60":                                 # a leap second, which datetime cannot hold
        value = value[:match.start(1)] + "59" + value[match.end(1):]
    datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))           # "Z" itself: Python 3.11+ only
    return True


def errors(instance, schema):
    """Every violation as `path: message`, with the reasons each branch of an anyOf failed."""
    found = []
    validator = jsonschema.Draft7Validator(schema, format_checker=FORMATS)
    for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path)):
        path = "/".join(str(part) for part in error.absolute_path) or "(root)"
        found.append(f"{path}: {error.message}")
        found += [f"  {'/'.join(str(p) for p in sub.absolute_path)}: {sub.message}" for sub in error.context or ()]
    return found


def check(instance, *schemas):
    """Asserts that `instance` is valid under every schema, naming all violations at once."""
    found = [line for schema in schemas for line in errors(instance, schema)]
    assert not found, "\n".join(found) + f"\n--- in ---\n{instance}"


def expect_json(response, status):
    """The suite's `makeRequest(call, status, result, "application/json")` on a (status, headers, body) response: the
    status, a Content-Type containing application/json, and the parsed body."""
    got, headers, body = response
    assert got == status, (got, body)
    assert "application/json" in (headers.get("Content-Type") or ""), dict(headers)
    return json.loads(body) if isinstance(body, bytes) else body


def check_transaction(body, is_deposit, is_pending=False, is_completed=False):
    """A `GET /transaction` body against the suite's schema and ours."""
    check(body, transaction_schema(is_deposit, is_pending, is_completed),
          strict_transaction_schema(is_deposit, is_pending, is_completed))


def check_transactions(body):
    """A `GET /transactions` body against the suite's schema and ours."""
    check(body, TRANSACTIONS, STRICT_TRANSACTIONS)
