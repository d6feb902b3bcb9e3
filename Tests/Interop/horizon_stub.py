"""A loopback stand-in for Horizon's `GET /accounts/{id}`: JSON shaped like Horizon's account record for
the accounts it was told about, 404 (Horizon's problem document) for every other id.

It runs an asyncio server with HTTP/1.1 keep-alive on its own thread, so it keeps up with the SEP-10
benchmark as well as with tests. Run it alone with `python3 horizon_stub.py --port 8001`."""
import argparse
import asyncio
import json
import threading

NOT_FOUND = json.dumps({
    "type": "https://stellar.org/horizon-errors/not_found", "title": "Resource Missing", "status": 404,
    "detail": "The resource at the url requested was not found.",
}).encode()


def account_record(account_id, signers=None, thresholds=(0, 0, 0), sequence=1):
    """A Horizon account record. `signers` is a list of (G… key, weight); default: the master key, weight 1."""
    signers = signers if signers is not None else [(account_id, 1)]
    low, medium, high = thresholds
    return {
        "_links": {"self": {"href": f"/accounts/{account_id}"}},
        "id": account_id, "account_id": account_id, "sequence": str(sequence), "subentry_count": len(signers) - 1,
        "last_modified_ledger": 1, "last_modified_time": "2026-01-01T00:00:00Z",
        "thresholds": {"low_threshold": low, "med_threshold": medium, "high_threshold": high},
        "flags": {"auth_required": False, "auth_revocable": False, "auth_immutable": False, "auth_clawback_enabled": False},
        "balances": [{"balance": "10000.0000000", "buying_liabilities": "0.0000000", "selling_liabilities": "0.0000000",
                      "asset_type": "native"}],
        "signers": [{"weight": weight, "key": key, "type": "ed25519_public_key"} for key, weight in signers],
        "data": {}, "num_sponsoring": 0, "num_sponsored": 0, "paging_token": account_id,
    }


class HorizonStub:
    """Serves the accounts in `self.accounts` (id → record) on a free loopback port until `stop()`."""

    def __init__(self, host="127.0.0.1", port=0):
        self.accounts = {}
        self.requests = 0
        self._connections = set()
        self._stopping = False
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(host, port), daemon=True)
        self._thread.start()
        self._ready.wait(10)
        self.url = f"http://{host}:{self.port}"

    def add_account(self, account_id, signers=None, thresholds=(0, 0, 0), sequence=1):
        self.accounts[account_id] = account_record(account_id, signers, thresholds, sequence)

    def stop(self):
        # Capstan keeps its Horizon connections alive, so some are open when the stub stops: each is closed on the
        # loop before it stops, leaving nothing for the garbage collector to finalise after the loop has closed
        # (which once failed a whole pytest run after every test passed). A second stop does nothing.
        if self._loop.is_closed() or not self._thread.is_alive():
            return
        try:
            asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(10)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)

    async def _shutdown(self):
        self._stopping = True
        self._server.close()
        for connection in list(self._connections):
            connection.abort()

    def _run(self, host, port):
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(
            self._loop.create_server(lambda: _Connection(self), host, port, backlog=1024))
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:
            self._loop.close()

    def answer(self, method, path):
        """The whole HTTP/1.1 response (kept alive) to a request for `path`."""
        self.requests += 1
        path = path.split("?", 1)[0]
        if method == b"GET" and path.startswith("/accounts/"):
            record = self.accounts.get(path[len("/accounts/"):])
            if record is not None:
                return _response("200 OK", json.dumps(record).encode())
        return _NOT_FOUND_RESPONSE


def _response(status, body):
    return (f"HTTP/1.1 {status}\r\nContent-Type: application/hal+json; charset=utf-8\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body


def _with_close(response):
    head_end = response.index(b"\r\n\r\n")
    return response[:head_end] + b"\r\nConnection: close" + response[head_end:]


_NOT_FOUND_RESPONSE = _response("404 Not Found", NOT_FOUND)


class _Connection(asyncio.Protocol):
    """One client connection: HTTP/1.1 requests answered in order as their bytes arrive.

    A protocol rather than asyncio streams because the SEP-10 benchmark runs the stub on the same two cores as the
    server it measures: a request costs about 55 µs of CPU instead of 75 through a reader and writer, and what the
    stub saves the server gets. Nothing waits on a suspended coroutine, so a stop has nothing to cancel."""

    MAX_HEAD = 64 * 1024

    def __init__(self, stub):
        self.stub = stub
        self.buffer = bytearray()
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport
        if self.stub._stopping:  # accepted while the stub was stopping
            transport.abort()
            return
        self.stub._connections.add(self)

    def connection_lost(self, exc):
        self.stub._connections.discard(self)

    def abort(self):
        """Closes at once, unsent bytes and all: the loop stops right after, and must leave no transport open."""
        self.transport.abort()
        self.stub._connections.discard(self)

    def data_received(self, data):
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                if len(self.buffer) > self.MAX_HEAD:
                    self.transport.close()
                return
            head = bytes(self.buffer[:end])
            request_line, _, header_block = head.partition(b"\r\n")
            method, _, rest = request_line.partition(b" ")
            path, _, version = rest.partition(b" ")
            # HTTP/1.0 connections are closed after one answer, whatever they ask (this stub never says keep-alive).
            length, close = 0, version == b"HTTP/1.0"
            for line in header_block.split(b"\r\n"):
                name, _, value = line.partition(b":")
                name = name.strip().lower()
                if name == b"content-length":
                    if not value.strip().isdigit():
                        self.transport.write(_with_close(_response("400 Bad Request", b"{}")))
                        self.transport.close()
                        return
                    length = int(value.strip())
                elif name == b"connection":
                    close = close or value.strip().lower() == b"close"
            if len(self.buffer) < end + 4 + length:
                return
            del self.buffer[:end + 4 + length]
            response = self.stub.answer(method, path.decode("latin-1"))
            if close:
                self.transport.write(_with_close(response))
                self.transport.close()
                return
            self.transport.write(response)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--accounts", help="JSON file: a list of {account, signers: [[key, weight]], thresholds: [l, m, h]}")
    arguments = parser.parse_args()
    stub = HorizonStub(arguments.host, arguments.port)
    if arguments.accounts:
        with open(arguments.accounts) as file:
            for entry in json.load(file):
                stub.add_account(entry["account"], entry.get("signers"), tuple(entry.get("thresholds", (0, 0, 0))))
    print(f"horizon stub on {stub.url}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        stub.stop()
