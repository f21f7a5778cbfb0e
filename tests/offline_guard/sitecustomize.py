"""Loaded by every Python process of an offline test run (via PYTHONPATH): any attempt to
connect to an address outside the loopback range raises, so a network call fails loudly.
Kernels talk to their client over 127.0.0.1, which stays allowed."""
import socket

_connect = socket.socket.connect


def _guarded(self, address):
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and not (host.startswith("127.") or host in ("localhost", "::1")) \
            and self.family in (socket.AF_INET, socket.AF_INET6):
        raise OSError(f"network access blocked in the offline test: {address}")
    return _connect(self, address)


socket.socket.connect = _guarded
