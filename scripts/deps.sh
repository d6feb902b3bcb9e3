#!/usr/bin/env bash
# Installs what Capstan's build and tests need, only when it is missing, and says nothing when all is there.
set -euo pipefail

apt_packages=(libsodium-dev pkg-config chromium postgresql wrk)
# A machine whose python3 has no pip gets Debian's.
python3 -m pip --version >/dev/null 2>&1 || apt_packages+=(python3-pip)
missing=()
for package in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "deps: installing ${missing[*]}"
    sudo_cmd=""
    [[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo_cmd apt-get update -qq >/dev/null
    $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# jsonschema: the interop tests validate SEP-24 responses with the anchor test suite's schemas (sep24_schema.py).
if ! python3 -c 'import stellar_sdk, pytest, jsonschema' 2>/dev/null; then
    echo "deps: installing stellar-sdk, pytest and jsonschema"
    python3 -m pip install -q --disable-pip-version-check stellar-sdk pytest jsonschema 2>/dev/null \
        || python3 -m pip install -q --disable-pip-version-check --break-system-packages stellar-sdk pytest jsonschema
fi
