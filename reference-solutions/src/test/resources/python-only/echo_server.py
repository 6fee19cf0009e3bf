"""The echo exercise in Python: one client, every byte back until it closes its side.
python3 echo_server.py <port>"""
import socket
import sys

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
    server.bind(("127.0.0.1", int(sys.argv[1])))
    server.listen(1)
    conn, _ = server.accept()
    with conn:
        while data := conn.recv(65536):
            conn.sendall(data)
