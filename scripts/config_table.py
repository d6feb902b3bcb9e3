#!/usr/bin/env python3
"""Rewrites the configuration table in README.md from Sources/CapstanApp/ConfigKeys.swift.

The Swift test `readmeConfigurationTableMatchesTheKeyList` fails when the two disagree; run this after
adding or changing a key.
"""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[1]
source = (ROOT / "Sources/CapstanApp/ConfigKeys.swift").read_text()
rows = re.findall(r'\.init\("([^"]+)", "([^"]*)", "((?:[^"\\]|\\.)*)"(, secret: true)?\)', source)
lines = ["| Key | Environment | Default | Description |", "| --- | --- | --- | --- |"]
for name, default, summary, secret in rows:
    env = "—" if "<" in name else "`" + name.upper().replace(".", "_").replace("-", "_") + "`"
    lines.append(f"| `{name}` | {env} | {default} | {summary}{' (secret)' if secret else ''} |")
readme = (ROOT / "README.md").read_text()
pattern = re.compile(r"\| Key \| Environment \| Default \| Description \|\n(?:\|.*\|\n)+")
readme, count = pattern.subn("\n".join(lines) + "\n", readme)
assert count == 1, "configuration table not found in README.md"
(ROOT / "README.md").write_text(readme)
print(f"{len(rows)} keys")
