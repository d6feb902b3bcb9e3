"""The capstan binary as an operator uses it: init, serve, shutdown, errors, and every command's --help."""
import os
import socket
import stat
import time
import urllib.error
import urllib.request

import pytest

from conftest import Server, run

COMMANDS = [[], ["serve"], ["init"], ["migrate"], ["keys"], ["keys", "generate"], ["assets"], ["assets", "list"],
            ["assets", "add"], ["assets", "update"], ["plugins"], ["plugins", "list"], ["devnet"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "capstan")
def test_every_command_has_help(capstan_bin, command):
    result = run(capstan_bin, *command, "--help")
    assert result.returncode == 0, result.stderr
    assert "USAGE:" in result.stdout


def test_init_writes_a_private_config_and_refuses_to_overwrite(tmp_path, capstan_bin):
    directory = tmp_path / "a"
    first = run(capstan_bin, "init", "--dir", str(directory), "--network", "devnet", "--home-domain", "anchor.test:9000")
    assert first.returncode == 0, first.stderr
    config = directory / "capstan.yaml"
    assert stat.S_IMODE(os.stat(config).st_mode) == 0o600
    text = config.read_text()
    assert "network: devnet" in text and 'home_domain: "anchor.test:9000"' in text
    again = run(capstan_bin, "init", "--dir", str(directory))
    assert again.returncode != 0
    assert "already exists; refusing to overwrite it" in again.stderr
    assert config.read_text() == text


def test_two_inits_get_different_keys(tmp_path, capstan_bin):
    texts = []
    for name in ["a", "b"]:
        assert run(capstan_bin, "init", "--dir", str(tmp_path / name)).returncode == 0
        texts.append((tmp_path / name / "capstan.yaml").read_text())
    secrets = [[line for line in t.splitlines() if "signing_key" in line][0] for t in texts]
    assert secrets[0] != secrets[1]


def test_serve_prints_the_bound_address_and_stops_on_sigterm(server):
    assert server.url.startswith("http://127.0.0.1:")
    with urllib.request.urlopen(server.url + "/health", timeout=5) as response:
        assert response.status == 200
    started = time.monotonic()
    assert server.stop() == 0
    assert time.monotonic() - started < 10


def test_invalid_config_stops_before_binding(anchor, capstan_bin):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run(capstan_bin, "serve", "--config", str(anchor), env={"HTTP_PORT": "not-a-port", "SEP10_JWT_SECRET": "short"})
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1] == "capstan: config: http.port: 'not-a-port' is not a whole number in 0...65535"
    assert "listening on" not in result.stdout
    # Nothing was bound: the probe port (free a moment ago) is still free.
    with socket.socket() as again:
        again.bind(("127.0.0.1", port))


def test_migrate_and_keys(anchor, capstan_bin):
    result = run(capstan_bin, "migrate", "--config", str(anchor))
    assert result.returncode == 0 and "database is up to date" in result.stdout
    keys = run(capstan_bin, "keys", "generate").stdout.splitlines()
    assert keys[0].startswith("public: G") and keys[1].startswith("secret: S")


def test_assets_add_update_list_and_bad_input(anchor, capstan_bin):
    config = str(anchor)
    bad = run(capstan_bin, "assets", "add", "--config", config, "--code", "BAD", "--deposit-min", "1e5000")
    assert bad.returncode != 0 and "'1e5000' is not a decimal amount" in bad.stderr
    dup = run(capstan_bin, "assets", "add", "--config", config, "--code", "SRT")
    assert dup.returncode != 0
    ok = run(capstan_bin, "assets", "update", "--config", config, "--code", "SRT", "--withdraw-fee-fixed", "0.5", "--decimals", "3")
    assert ok.returncode == 0, ok.stderr
    listing = run(capstan_bin, "assets", "list", "--config", config).stdout
    assert "SRT" in listing and "fee 0.5+0%" in listing
    missing = run(capstan_bin, "assets", "update", "--config", config, "--code", "NOPE", "--decimals", "1")
    assert missing.returncode != 0


def test_plugins_list_shows_both_example_plugins(anchor, capstan_bin):
    result = run(capstan_bin, "plugins", "list", "--config", str(anchor))
    assert result.returncode == 0, result.stderr
    assert "reference" in result.stdout and "minimal" in result.stdout
    assert "toml" in result.stdout and "fee" in result.stdout
