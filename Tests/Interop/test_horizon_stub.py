"""The Horizon stand-in itself: it must stop cleanly, or a late failure lands in an unrelated test run."""
import socket

from horizon_stub import HorizonStub


def test_stops_with_a_kept_alive_connection_open():
    # CI once failed after all tests passed: a handler left waiting on a kept-alive connection was finalised
    # after its loop had closed.
    horizon = HorizonStub()
    client = socket.create_connection(("127.0.0.1", horizon.port))
    try:
        client.sendall(b"GET /accounts/GNONE HTTP/1.1\r\nHost: horizon\r\n\r\n")
        assert client.recv(4096).startswith(b"HTTP/1.1 404")
        assert len(horizon._connections) == 1
        horizon.stop()
        assert horizon._connections == set()
        assert horizon._loop.is_closed()
        horizon.stop()
    finally:
        client.close()
