"""A small headless-Chromium driver over the Chrome DevTools Protocol, with nothing beyond Python's standard
library: the WebSocket client (RFC 6455, client side, text frames) is written out below, so the tests need no
PyPI package besides what `make deps` already installs.

    with Chrome() as chrome:
        page = chrome.new_page(viewport=(390, 844))
        page.goto("http://127.0.0.1:8000/sep24/…")
        page.type("#field-amount", "100")
        page.click("button[type=submit]")
        page.screenshot(".build/screenshots/amount.png")

As root (the usual case in containers) Chromium needs `--no-sandbox`.
"""
import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request


class WebSocket:
    """Just enough of a WebSocket client for CDP: one connection, masked text frames out, any frames in."""

    def __init__(self, url, timeout=30):
        parsed = urllib.parse.urlparse(url)
        self.sock = socket.create_connection((parsed.hostname, parsed.port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (f"GET {parsed.path} HTTP/1.1\r\nHost: {parsed.hostname}:{parsed.port}\r\nUpgrade: websocket\r\n"
                   f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(request.encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("WebSocket handshake: connection closed")
            response += chunk
        head, self.buffer = response.split(b"\r\n\r\n", 1)
        if not head.startswith(b"HTTP/1.1 101"):
            raise ConnectionError(f"WebSocket handshake refused: {head[:80]!r}")

    def send(self, text):
        payload = text.encode()
        header = bytearray([0x81])                       # FIN + text frame
        if len(payload) < 126:
            header.append(0x80 | len(payload))
        elif len(payload) < 1 << 16:
            header.append(0x80 | 126)
            header += struct.pack("!H", len(payload))
        else:
            header.append(0x80 | 127)
            header += struct.pack("!Q", len(payload))
        mask = os.urandom(4)                             # clients must mask every frame
        masked = bytes(byte ^ mask[index % 4] for index, byte in enumerate(payload))
        self.sock.sendall(bytes(header) + mask + masked)

    def _read(self, count):
        while len(self.buffer) < count:
            chunk = self.sock.recv(max(65536, count - len(self.buffer)))
            if not chunk:
                raise ConnectionError("WebSocket closed")
            self.buffer += chunk
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def receive(self):
        """The next complete text message (continuation frames joined; pings answered)."""
        message = b""
        while True:
            first, second = self._read(2)
            opcode, length = first & 0x0F, second & 0x7F
            if length == 126:
                length = struct.unpack("!H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack("!Q", self._read(8))[0]
            payload = self._read(length)
            if opcode == 0x9:                            # ping: answer, keep reading
                self.sock.sendall(bytes([0x8A, 0x80 | len(payload)]) + b"\0\0\0\0" + payload)
                continue
            if opcode == 0x8:
                raise ConnectionError("WebSocket closed by the browser")
            message += payload
            if first & 0x80:
                return message.decode()

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


class Page:
    """One tab: navigation, script evaluation, input and screenshots."""

    def __init__(self, websocket_url):
        self.ws = WebSocket(websocket_url)
        self.next_id = 0
        self.events = []
        self.call("Page.enable")
        self.call("Runtime.enable")

    def call(self, method, **params):
        self.next_id += 1
        ident = self.next_id
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.receive())
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for_event(self, method, timeout=15):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for index, event in enumerate(self.events):
                if event.get("method") == method:
                    return self.events.pop(index)
            self.ws.sock.settimeout(max(0.05, deadline - time.monotonic()))
            try:
                self.events.append(json.loads(self.ws.receive()))
            except socket.timeout:
                break
            finally:
                self.ws.sock.settimeout(30)
        raise TimeoutError(f"no {method} within {timeout}s")

    def set_viewport(self, width, height, scale=2, mobile=True):
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=scale, mobile=mobile)

    def disable_javascript(self):
        self.call("Emulation.setScriptExecutionDisabled", value=True)

    def set_languages(self, header):
        self.call("Network.enable")
        self.call("Network.setExtraHTTPHeaders", headers={"Accept-Language": header})

    def goto(self, url):
        self.events.clear()
        result = self.call("Page.navigate", url=url)
        if result.get("errorText"):
            raise RuntimeError(f"navigation to {url} failed: {result['errorText']}")
        self.wait_for_event("Page.loadEventFired")

    def evaluate(self, expression, context_id=None):
        params = {"expression": expression, "returnByValue": True, "awaitPromise": True}
        if context_id is not None:
            params["contextId"] = context_id
        result = self.call("Runtime.evaluate", **params)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def frame_context(self, origin):
        """The newest live script context of a frame showing `origin` (such as a framed anchor page), or None."""
        live = {}
        for event in self.events:
            if event.get("method") == "Runtime.executionContextCreated":
                context = event["params"]["context"]
                live[context["id"]] = context
            elif event.get("method") == "Runtime.executionContextDestroyed":
                live.pop(event["params"]["executionContextId"], None)
            elif event.get("method") == "Runtime.executionContextsCleared":
                live.clear()
        matching = [ident for ident, context in live.items() if context.get("origin") == origin]
        return matching[-1] if matching else None

    def frame_evaluate(self, origin, expression, timeout=10):
        """Evaluates in the frame showing `origin`, waiting for it to exist and for `expression` not to fail."""
        deadline = time.monotonic() + timeout
        while True:
            self.evaluate("0")                      # lets pending context events arrive
            context = self.frame_context(origin)
            if context is not None:
                try:
                    return self.evaluate(expression, context_id=context)
                except RuntimeError:
                    if time.monotonic() > deadline:
                        raise
            elif time.monotonic() > deadline:
                raise TimeoutError(f"no frame for {origin}")
            time.sleep(0.1)

    def text(self, selector="body"):
        return self.evaluate(f"document.querySelector({json.dumps(selector)}).innerText")

    def html(self):
        return self.evaluate("document.documentElement.outerHTML")

    def url(self):
        return self.evaluate("location.href")

    def type(self, selector, text, clear=True):
        """Focuses the field and types as a keyboard would (the page sees `input` events)."""
        reset = 'e.value = "";' if clear else ""
        self.evaluate(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); e.focus(); {reset} }})()")
        self.call("Input.insertText", text=text)

    def click(self, selector, navigates=True):
        """Clicks with a real mouse event at the element's centre; waits for the next page when it navigates."""
        box = self.evaluate(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); e.scrollIntoView({{block: 'center'}});"
                            " const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()")
        self.events.clear()
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)
        if navigates:
            self.wait_for_event("Page.loadEventFired")

    def wait_until(self, expression, timeout=10):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.evaluate(expression):
                return
            time.sleep(0.05)
        raise TimeoutError(f"never true: {expression}")

    def screenshot(self, path, full_page=True):
        params = {"format": "png", "captureBeyondViewport": full_page}
        if full_page:
            metrics = self.call("Page.getLayoutMetrics")
            size = metrics.get("cssContentSize") or metrics["contentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        data = self.call("Page.captureScreenshot", **params)["data"]
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as out:
            out.write(base64.b64decode(data))
        return path

    def close(self):
        self.ws.close()


class Chrome:
    """A headless Chromium with remote debugging on a free loopback port and a throw-away profile."""

    def __init__(self, binary=None):
        self.binary = binary or shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        if not self.binary:
            raise RuntimeError("Chromium is missing: run `make deps`")
        self.profile = tempfile.mkdtemp(prefix="capstan-chrome-")
        self.process = None
        self.pages = []

    def __enter__(self):
        args = [self.binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--hide-scrollbars", "--remote-debugging-port=0",
                "--remote-allow-origins=*", f"--user-data-dir={self.profile}", "about:blank"]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = self.process.stderr.readline()
            if "DevTools listening on" in line:
                self.endpoint = urllib.parse.urlparse(line.split("DevTools listening on", 1)[1].strip())
                return self
            if not line and self.process.poll() is not None:
                break
        self.__exit__(None, None, None)
        raise RuntimeError("Chromium did not start")

    def new_page(self, viewport=(390, 844)):
        base = f"http://{self.endpoint.hostname}:{self.endpoint.port}"
        request = urllib.request.Request(base + "/json/new?about:blank", method="PUT")
        with urllib.request.urlopen(request, timeout=10) as response:
            target = json.loads(response.read())
        page = Page(target["webSocketDebuggerUrl"])
        if viewport:
            page.set_viewport(*viewport)
        self.pages.append(page)
        return page

    def __exit__(self, *exc):
        for page in self.pages:
            page.close()
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)
