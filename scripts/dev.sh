#!/usr/bin/env bash
# `make run`: the devnet, the SRT accounts on it, and the anchor with every worker, in the foreground.
# Ctrl-C (or SIGTERM) stops both processes. A second run reuses the config and the devnet's state file.
set -euo pipefail

CAPSTAN=${CAPSTAN:-.build/debug/capstan}
CONFIG_DIR=${CONFIG_DIR:-.capstan}
CONFIG=${CONFIG:-$CONFIG_DIR/capstan.yaml}
DEVNET_PORT=${DEVNET_PORT:-8001}
HORIZON="http://127.0.0.1:$DEVNET_PORT"

if [[ ! -f $CONFIG ]]; then
    "$CAPSTAN" init --dir "$CONFIG_DIR" --network devnet --home-domain localhost:8000
elif ! grep -Eq '^\s+network:\s*devnet\s*$' "$CONFIG"; then
    echo "$CONFIG is not a devnet config (an older \`make run\` wrote it for testnet); move it away and run again" >&2
    exit 1
fi

devnet_log="$CONFIG_DIR/devnet.log"
"$CAPSTAN" devnet --port "$DEVNET_PORT" --state "$CONFIG_DIR/devnet-state.json" >"$devnet_log" 2>&1 &
devnet_pid=$!
trap 'kill "$devnet_pid" 2>/dev/null; wait "$devnet_pid" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM

for _ in $(seq 100); do
    grep -q "devnet listening on" "$devnet_log" && break
    kill -0 "$devnet_pid" 2>/dev/null || { cat "$devnet_log" >&2; exit 1; }
    sleep 0.1
done
grep -q "devnet listening on" "$devnet_log" || { echo "the devnet did not start; see $devnet_log" >&2; exit 1; }
echo "devnet on $HORIZON (log: $devnet_log)"

python3 scripts/dev_bootstrap.py --config "$CONFIG" --horizon "$HORIZON"
echo "anchor on http://127.0.0.1:8000 with every worker; try \`make demo\` in another shell. Ctrl-C stops both."
"$CAPSTAN" serve --config "$CONFIG"
