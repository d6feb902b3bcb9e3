#!/usr/bin/env python3
"""Prepares a `capstan init --network devnet` config and a running `capstan devnet` for a working anchor.

- the config gets SEP-10, 6, 12 and 24 enabled and `horizon.url` pointing at the devnet (only what is missing is added,
  so the operator's own edits stay);
- the SRT issuer and distribution accounts are created through friendbot, the distribution account trusts SRT and
  holds SRT issued by the issuer.

Every step looks before it acts, so a second run against the same config and devnet state changes nothing."""
import argparse
import os
import re
import sys
import urllib.request
from decimal import Decimal

from stellar_sdk import Asset, ChangeTrust, Keypair, Payment, Server, TransactionBuilder

PASSPHRASE = "Standalone Network ; February 2017"
SEED = r'"?(S[A-Z2-7]{55})"?'
# The distribution account's float: what deposits are paid from.
FLOAT = Decimal("1000000")


def secrets(text):
    """(issuer seed, distribution seed) from the YAML `capstan init` writes; environment variables win, as for capstan."""
    issuer = os.environ.get("DEMO_ISSUER_SECRET") or _first(re.search(r"^\s*issuer_secret:\s*" + SEED, text, re.M))
    listed = re.search(r"^\s*distribution_secrets:\s*\n\s*-\s*" + SEED, text, re.M)
    distribution = (os.environ.get("STELLAR_DISTRIBUTION_SECRETS") or "").split(",")[0].strip() or _first(listed)
    if not issuer or not distribution:
        sys.exit("dev_bootstrap: the config has no demo.issuer_secret or stellar.distribution_secrets (run `capstan init --network devnet`)")
    return Keypair.from_secret(issuer), Keypair.from_secret(distribution)


def _first(match):
    return match.group(1) if match else None


def enable(text, horizon, arrival_delay):
    """The config text with the development settings added where missing."""
    if not re.search(r"^stellar:\n(?:[ #].*\n|\n)*?\s+network:\s*devnet\s*$", text, re.M):
        sys.exit("dev_bootstrap: the config is not for the devnet (stellar.network: devnet)")
    block = re.search(r"^sep10:\n((?:[ #].*\n|\n)*)", text, re.M)
    if block is None:
        text += "\nsep10:\n  enabled: true\n"
    elif not re.search(r"^\s+enabled:", block.group(1), re.M):
        text = text[:block.start(1)] + "  enabled: true\n" + text[block.start(1):]
    for section in ("sep6", "sep12", "sep24"):
        if not re.search(rf"^{section}:", text, re.M):
            text += f"\n{section}:\n  enabled: true\n"
    if not re.search(r"^horizon:", text, re.M):
        text += f'\nhorizon:\n  url: "{horizon}"\n'
    if not re.search(r"^workers:", text, re.M):
        # Development pace: ask the pretend bank again every few seconds rather than every 30.
        text += "\nworkers:\n  interval_ms: 1000\n  recheck_seconds: 3\n"
    plugins = re.search(r"^plugins:\n((?:[ #].*\n|\n)*)", text, re.M)
    if plugins is not None and not re.search(r"^  config:", plugins.group(1), re.M):
        # The reference plugin's pretend bank: deposits arrive this many seconds after the user says they sent them.
        section = f"  config:\n    reference:\n      arrival_delay_seconds: {arrival_delay}\n"
        text = text[:plugins.end(1)].rstrip("\n") + "\n" + section + "\n" + text[plugins.end(1):]
    return text


def account(server, keypair):
    try:
        return server.accounts().account_id(keypair.public_key).call()
    except Exception as error:                      # the SDK's NotFoundError; anything else is re-raised below
        if type(error).__name__ == "NotFoundError":
            return None
        raise


def fund(server, horizon, keypair, name):
    if account(server, keypair) is not None:
        return False
    with urllib.request.urlopen(f"{horizon}/friendbot?addr={keypair.public_key}", timeout=30) as response:
        response.read()
    print(f"dev_bootstrap: funded the {name} account {keypair.public_key}")
    return True


def srt_balance(record, asset):
    for line in record["balances"]:
        if line.get("asset_code") == asset.code and line.get("asset_issuer") == asset.issuer:
            return Decimal(line["balance"])
    return None


def submit(server, source, operations, signers):
    builder = TransactionBuilder(source_account=server.load_account(source.public_key), network_passphrase=PASSPHRASE, base_fee=100)
    for operation in operations:
        builder.append_operation(operation)
    envelope = builder.set_timeout(60).build()
    for signer in signers:
        envelope.sign(signer)
    server.submit_transaction(envelope)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True, help="capstan.yaml written by `capstan init --network devnet`")
    parser.add_argument("--horizon", default="http://127.0.0.1:8001", help="the devnet's URL")
    parser.add_argument("--arrival-delay-seconds", type=int, default=5,
                        help="the reference plugin's arrival_delay_seconds, written when the config has no plugins.config")
    args = parser.parse_args()

    with open(args.config) as handle:
        original = handle.read()
    updated = enable(original, args.horizon, args.arrival_delay_seconds)
    if updated != original:
        with open(args.config, "w") as handle:       # the file keeps its 0600 mode: it is rewritten, not replaced
            handle.write(updated)
        print(f"dev_bootstrap: enabled SEP-10, 6, 12 and 24, the devnet Horizon and the reference rails in {args.config}")

    issuer, distribution = secrets(updated)
    server = Server(horizon_url=args.horizon)
    srt = Asset("SRT", issuer.public_key)
    fund(server, args.horizon, issuer, "SRT issuer")
    fund(server, args.horizon, distribution, "SRT distribution")
    held = srt_balance(account(server, distribution), srt)
    operations = []
    if held is None:
        operations.append(ChangeTrust(asset=srt, source=distribution.public_key))
        held = Decimal(0)
    if held < FLOAT / 2:
        operations.append(Payment(destination=distribution.public_key, asset=srt, amount=str(FLOAT - held), source=issuer.public_key))
    if operations:
        # One transaction, paid by the distribution account, signed by both: the trustline and the float land together.
        submit(server, distribution, operations, [distribution, issuer])
        print(f"dev_bootstrap: the distribution account trusts SRT and holds {FLOAT} SRT")
    print(f"dev_bootstrap: ready (SRT issuer {issuer.public_key}, distribution {distribution.public_key})")


if __name__ == "__main__":
    main()
