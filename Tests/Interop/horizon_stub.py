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
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(host, port), daemon=True)
        self._thread.start()
        self._ready.wait(10)
        self.url = f"http://{host}:{self.port}"

    def add_account(self, account_id, signers=None, thresholds=(0, 0, 0), sequence=1):
        self.accounts[account_id] = account_record(account_id, signers, thresholds, sequence)

    def stop(self):
        # Capstan keeps its Horizon connections alive, so handlers are still waiting when the stub stops. Each is
        # cancelled and awaited while the loop runs: one left suspended is finalised later by the garbage
        # collector ("Event loop is closed"), and on Python 3.11 that can happen inside pytest's own compile()
        # and fail the whole run after every test passed. A second stop does nothing.
        if self._loop.is_closed() or not self._thread.is_alive():
            return
        try:
            asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(10)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)

    async def _shutdown(self):
        self._server.close()
        for task in list(self._connections):
            task.cancel()
        await asyncio.gather(*self._connections, return_exceptions=True)

    def _run(self, host, port):
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(asyncio.start_server(self._accept, host, port, backlog=1024))
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:
            self._loop.close()

    def _accept(self, reader, writer):
        # The task is known from the moment the connection is, so a shutdown racing an accept still cancels it.
        task = self._loop.create_task(self._serve(reader, writer))
        self._connections.add(task)
        task.add_done_callback(self._connections.discard)

    async def _serve(self, reader, writer):
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method, path, version = (lines[0].split(" ") + ["", "", ""])[:3]
                headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
                if int(headers.get("content-length", "0") or 0):
                    await reader.readexactly(int(headers["content-length"]))
                self.requests += 1
                status, body = self._answer(method, path)
                close = headers.get("connection", "").lower() == "close" or version == "HTTP/1.0"
                connection = "Connection: close\r\n" if close else ""
                writer.write(
                    f"HTTP/1.1 {status}\r\nContent-Type: application/hal+json; charset=utf-8\r\n"
                    f"Content-Length: {len(body)}\r\n{connection}\r\n".encode() + body)
                await writer.drain()
                if close:
                    break
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    def _answer(self, method, path):
        path = path.split("?", 1)[0]
        if method == "GET" and path.startswith("/accounts/"):
            record = self.accounts.get(path[len("/accounts/"):])
            if record is not None:
                return "200 OK", json.dumps(record).encode()
        return "404 Not Found", NOT_FOUND


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
