"""The SEP-24 interactive pages in headless Chromium, on a phone-sized screen, as a user completes them: a deposit
(with a validation error and its correction, the live fee, the KYC step and the payment instructions), a withdrawal
(account and memo to pay, handed back to the wallet by postMessage), Spanish pages, and the same deposit without
JavaScript. Screenshots of every page land in .build/screenshots/."""
import json
import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from browser.anchor import SCREENSHOTS, Anchor
from browser.cdp import Chrome

pytestmark = pytest.mark.skipif(not (shutil.which("chromium") or shutil.which("chromium-browser")),
                                reason="Chromium is missing: run `make deps`")


@pytest.fixture
def sep24(anchor, capstan_bin):
    running = Anchor(capstan_bin, anchor)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def chrome():
    with Chrome() as browser:
        yield browser


def shot(page, name):
    return page.screenshot(str(SCREENSHOTS / f"sep24-{name}.png"))


def test_deposit_with_a_validation_error_and_its_correction(sep24, chrome):
    wallet = sep24.wallet()
    started = wallet.start("deposit")
    page = chrome.new_page()
    page.goto(started["url"])
    assert "/sep24/interactive/" in page.url() and "token=" not in page.url()
    assert page.text("h1") == "How much would you like to deposit?"
    assert "Between 1.00 and 10000.00 SRT" in page.text()
    shot(page, "deposit-1-amount")

    page.type("#field-amount", "0.5")
    page.click("button[type=submit]")
    assert page.evaluate("document.activeElement.id") == "error-summary"      # focus moves to the errors
    assert "Enter 1.00 or more" in page.text(".error-summary")
    assert page.evaluate("document.querySelector('#field-amount').getAttribute('aria-invalid')") == "true"
    shot(page, "deposit-2-amount-error")

    page.type("#field-amount", "150")
    page.wait_until("document.querySelector('[data-fee-value]').textContent === '2.50 SRT'")    # the plugin's 1 + 1 %
    assert page.text("[data-receive-value]") == "147.50 SRT"
    shot(page, "deposit-3-amount-fee")
    page.click("button[type=submit]")

    assert page.text("h1") == "Tell us who you are"
    assert "147.50 SRT" in page.text(".panel")                 # what the user agreed to, shown again
    page.type("#field-name", "Ana Example")
    page.type("#field-email_address", "ana@mail.invalid")
    page.click("button[type=submit]")
    assert "This email address can't receive mail" in page.text(".error-summary")
    shot(page, "deposit-4-kyc-error")
    page.type("#field-email_address", "ana@example.com")
    shot(page, "deposit-5-kyc")
    page.click("button[type=submit]")

    assert page.text("h1") == "Now send your payment"
    body = page.text()
    assert "Capstan Demo Bank" in body and "121000358" in body and "What happens next" in body
    shot(page, "deposit-6-instructions")
    tx = wallet.transaction(started["id"])
    assert tx["status"] == "pending_user_transfer_start"
    assert (tx["amount_in"], tx["amount_fee"], tx["amount_out"]) == ("150", "2.5", "147.5")

    page.goto(tx["more_info_url"])
    assert page.text("h1") == "Transaction details" and "Waiting for your payment" in page.text()
    shot(page, "more-info")


class WalletPage:
    """The wallet's own page: it frames the anchor's URL and records what the anchor posts back."""

    def __init__(self, interactive_url):
        document = ("<!doctype html><meta charset=utf-8><title>Wallet</title><body style='margin:0'>"
                    "<iframe id=anchor style='width:100%;height:100vh;border:0' src='" + interactive_url + "'></iframe>"
                    "<script>window.received=[];addEventListener('message',e=>window.received.push(e.data));</script>").encode()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(document)))
                self.end_headers()
                self.wfile.write(document)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def test_withdrawal_hands_control_back_by_post_message(sep24, chrome):
    wallet = sep24.wallet()
    started = wallet.start("withdraw", amount="40")
    page = chrome.new_page()
    page.goto(started["url"] + "&callback=postMessage")
    assert page.text("h1") == "How much would you like to withdraw?"
    assert page.evaluate("document.querySelector('#field-amount').value") == "40.00"
    page.wait_until("document.querySelector('[data-fee-value]').textContent === '0.70 SRT'")   # 0.50 + 0.5 %
    shot(page, "withdraw-1-amount")
    page.click("button[type=submit]")
    page.type("#field-name", "Bo Example")
    page.type("#field-email_address", "bo@example.com")
    shot(page, "withdraw-2-kyc")
    page.click("button[type=submit]")

    tx = wallet.transaction(started["id"])
    assert tx["status"] == "pending_user_transfer_start"
    assert page.text("h1") == "Confirm the payment in your wallet"
    assert tx["withdraw_anchor_account"] in page.text() and tx["withdraw_memo"] in page.text()
    shot(page, "withdraw-3-send")

    # The same end of flow inside a wallet that frames the anchor: the page posts the transaction to its parent.
    second = wallet.start("withdraw", amount="25")
    framed = WalletPage(second["url"] + "&callback=postMessage")
    try:
        host = chrome.new_page()
        host.goto(framed.url)
        # The frame is another origin: script it through its own context, as a user's click would reach it.
        deadline = time.monotonic() + 10
        while not host.frame_evaluate(sep24.url, "document.querySelector('button[type=submit]') !== null"):
            assert time.monotonic() < deadline, "the framed form never appeared"
            time.sleep(0.1)
        host.frame_evaluate(sep24.url, "document.querySelector('button[type=submit]').click()")     # the prefilled amount
        host.wait_until("window.received.length > 0", timeout=15)
        message = host.evaluate("window.received[0]")
        posted = message if isinstance(message, dict) else json.loads(message)
        assert posted["transaction"]["id"] == second["id"]
        assert posted["transaction"]["status"] == "pending_user_transfer_start"
        assert posted["transaction"]["withdraw_memo"] == wallet.transaction(second["id"])["withdraw_memo"]
        shot(host, "withdraw-4-wallet-frame")
    finally:
        framed.stop()


def test_pages_in_spanish_from_the_browser_language(sep24, chrome):
    wallet = sep24.wallet()
    started = wallet.start("deposit")
    page = chrome.new_page()
    page.set_languages("es-ES,es;q=0.9")
    page.goto(started["url"])
    assert page.evaluate("document.documentElement.lang") == "es"
    assert page.text("h1") == "¿Cuánto quieres depositar?"
    assert "Entre 1.00 y 10000.00 SRT" in page.text()
    page.click("button[type=submit]")
    assert "Introduce importe" in page.text(".error-summary")
    shot(page, "deposit-es-error")


def test_deposit_without_javascript(sep24, chrome):
    wallet = sep24.wallet()
    started = wallet.start("deposit")
    page = chrome.new_page()
    page.disable_javascript()
    page.goto(started["url"])
    assert "shown on the next page" in page.text()              # the fee explains itself without script
    page.type("#field-amount", "100")
    page.click("button[type=submit]")
    assert page.text("h1") == "Tell us who you are"
    assert "2.00 SRT" in page.text(".panel") and "98.00 SRT" in page.text(".panel")
    shot(page, "nojs-kyc-with-fee")
    page.type("#field-name", "Cy Example")
    page.type("#field-email_address", "cy@example.com")
    page.click("button[type=submit]")
    assert page.text("h1") == "Now send your payment"
    assert page.evaluate("document.querySelector('[data-close]').hidden") is True   # Close needs script; the hint says so
    assert wallet.transaction(started["id"])["status"] == "pending_user_transfer_start"
