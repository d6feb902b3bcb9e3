"""The Horizon stand-in itself: it must speak HTTP/1.1 as a client expects, and stop cleanly, or a late failure
lands in an unrelated test run."""
import socket

import pytest

from horizon_stub import HorizonStub


@pytest.fixture
def horizon():
    stub = HorizonStub()
    stub.add_account("GFUNDED")
    yield stub
    stub.stop()


def exchange(horizon, *chunks, responses=1):
    """Sends `chunks` one by one on a new connection; returns everything read until `responses` answers arrived
    (or the stub closed the connection), and whether it was closed."""
    with socket.create_connection(("127.0.0.1", horizon.port), timeout=5) as client:
        for chunk in chunks:
            client.sendall(chunk)
        data = b""
        while data.count(b"HTTP/1.1 ") < responses or not complete(data):
            more = client.recv(65536)
            if not more:
                return data, True
            data += more
        client.settimeout(0.3)
        try:
            closed = client.recv(1) == b""
        except socket.timeout:
            closed = False
        return data, closed


def complete(data):
    """True when the last response in `data` has all the bytes its Content-Length announces."""
    head, _, body = data.rpartition(b"\r\n\r\n")
    length = int(head.lower().rsplit(b"content-length:", 1)[1].split(b"\r\n", 1)[0])
    return len(body) >= length


def test_answers_pipelined_requests_in_order(horizon):
    data, closed = exchange(horizon, b"GET /accounts/GNONE HTTP/1.1\r\nHost: h\r\n\r\n"
                                     b"GET /accounts/GFUNDED HTTP/1.1\r\nHost: h\r\n\r\n", responses=2)
    first, second = data.split(b"HTTP/1.1 ")[1:]
    assert first.startswith(b"404") and second.startswith(b"200") and b'"GFUNDED"' in second
    assert not closed
    assert horizon.requests == 2


def test_a_request_split_across_reads_and_one_with_a_body(horizon):
    data, closed = exchange(horizon, b"POST /transactions HTTP/1.1\r\nContent-Le", b"ngth: 5\r\n\r\nab", b"cde"
                            b"GET /accounts/GFUNDED HTTP/1.1\r\n\r\n", responses=2)
    assert data.count(b"HTTP/1.1 404") == 1 and data.count(b"HTTP/1.1 200") == 1
    assert not closed


def test_connection_close_and_http_1_0_are_closed_after_the_answer(horizon):
    data, closed = exchange(horizon, b"GET /accounts/GFUNDED HTTP/1.1\r\nConnection: close\r\n\r\n")
    assert data.startswith(b"HTTP/1.1 200") and b"Connection: close" in data and closed
    data, closed = exchange(horizon, b"GET /accounts/GFUNDED HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
    assert data.startswith(b"HTTP/1.1 200") and b"Connection: close" in data and closed


def test_a_malformed_content_length_is_a_400_and_a_close(horizon):
    data, closed = exchange(horizon, b"POST /transactions HTTP/1.1\r\nContent-Length: -3\r\n\r\nabc")
    assert data.startswith(b"HTTP/1.1 400") and closed


def test_stops_with_a_kept_alive_connection_open():
    # CI once failed after all tests passed: a handler left waiting on a kept-alive connection was finalised
    # after its loop had closed. Now nothing may be left open: the client sees the connection end.
    horizon = HorizonStub()
    client = socket.create_connection(("127.0.0.1", horizon.port), timeout=5)
    try:
        client.sendall(b"GET /accounts/GNONE HTTP/1.1\r\nHost: horizon\r\n\r\n")
        assert client.recv(4096).startswith(b"HTTP/1.1 404")
        assert len(horizon._connections) == 1
        horizon.stop()
        assert horizon._loop.is_closed()
        try:
            assert client.recv(1) == b""
        except ConnectionResetError:
            pass  # an abort may reset rather than close: either way the connection is gone
        horizon.stop()
    finally:
        client.close()
