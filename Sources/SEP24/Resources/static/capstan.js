// Capstan interactive pages: progressive enhancement only. Every page works without this file; with it the
// fee preview updates as the user types, the error summary takes focus, values can be copied, and the last page
// hands control back to the wallet (SEP-24 `callback=postMessage`).
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // An error summary is the first thing a screen reader or keyboard user should meet after a failed submit.
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();

  // Live fee: ask the server (it owns fee rules) after a short pause in typing.
  var amount = document.querySelector("[data-fee-url]");
  var feeOut = document.querySelector("[data-fee-value]");
  var receiveOut = document.querySelector("[data-receive-value]");
  if (amount && feeOut && receiveOut && window.fetch) {
    var timer = null;
    var latest = 0;
    var update = function () {
      var value = amount.value.trim();
      var request = ++latest;
      if (!/^\d+(\.\d+)?$/.test(value)) {
        feeOut.textContent = "—";
        receiveOut.textContent = "—";
        return;
      }
      fetch(amount.getAttribute("data-fee-url") + "?amount=" + encodeURIComponent(value), {
        credentials: "same-origin",
        headers: { "Accept": "application/json" }
      }).then(function (response) { return response.json(); }).then(function (body) {
        if (request !== latest) return;          // a newer keystroke already asked
        feeOut.textContent = body.fee || "—";
        receiveOut.textContent = body.receive || body.error || "—";
      }).catch(function () {
        if (request !== latest) return;
        feeOut.textContent = "—";
        receiveOut.textContent = "—";
      });
    };
    amount.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, 250);
    });
    if (amount.value) update();
  }

  // Copy buttons for account numbers, memos and references.
  Array.prototype.forEach.call(document.querySelectorAll("[data-copy]"), function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    var label = button.textContent;
    button.addEventListener("click", function () {
      var source = document.getElementById(button.getAttribute("data-copy"));
      navigator.clipboard.writeText(source ? source.textContent : "").then(function () {
        button.textContent = button.getAttribute("data-copied") || label;
        setTimeout(function () { button.textContent = label; }, 1500);
      });
    });
  });

  // SEP-24 postMessage callback: post the transaction to the window that opened us (or our parent frame).
  var payload = document.getElementById("capstan-transaction");
  var sent = false;
  var post = function () {
    if (!payload || sent) return;
    var target = window.opener || (window.parent !== window ? window.parent : null);
    if (!target) return;
    try {
      target.postMessage(JSON.parse(payload.textContent), "*");
      sent = true;
    } catch (error) { /* the wallet went away: nothing to tell */ }
  };
  if (payload && payload.getAttribute("data-send-on-load") === "true") post();

  // Only a window the wallet opened (or framed) can be closed or posted back to; elsewhere the hint says what to do.
  var close = document.querySelector("[data-close]");
  if (close && (window.opener || window.parent !== window)) {
    close.hidden = false;
    close.addEventListener("click", function () {
      post();
      window.close();
    });
  }
})();
