"""Drives headless Chromium through the SEP-24 interactive pages (see cdp.py), and the wallet/anchor harness."""
