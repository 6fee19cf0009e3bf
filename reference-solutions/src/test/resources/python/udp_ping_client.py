"""A correct UDP ping client in Python, graded through a command template in place of
ipc.udp.UdpPingClient: python3 udp_ping_client.py <host> <port> [count=5]"""
import socket
import sys
import time

TIMEOUT = 0.5
RETRIES = 3


def await_pong(sock, expected):
    """True when `expected` arrives within TIMEOUT; anything else is skipped within the same time."""
    sock.settimeout(TIMEOUT)
    deadline = time.monotonic() + TIMEOUT
    while True:
        try:
            data, _ = sock.recvfrom(2048)
        except socket.timeout:
            return False
        if data.decode("utf-8", "replace").strip() == expected:
            return True
        # a late pong to an earlier ping: not ours, wait on for the rest of this try's time
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        sock.settimeout(left)


host, port = sys.argv[1], int(sys.argv[2])
count = int(sys.argv[3]) if len(sys.argv) > 3 else 5

with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
    for i in range(count):
        ping = f"ping-{i}"
        for _ in range(1 + RETRIES):
            sock.sendto(ping.encode("utf-8"), (host, port))
            if await_pong(sock, f"pong-{i}"):
                break
        else:
            print(f"no answer to {ping} from {host}:{port} after {RETRIES} retries; is the server up?", file=sys.stderr)
            sys.exit(1)
        print(f"[{i}] pong-{i}", flush=True)
