"""The threaded-echo exercise in Python: a thread per client, forever; a reset costs only its own
client. python3 threaded_echo_server.py <port>"""
import socket
import sys
import threading


def serve(conn):
    with conn:
        try:
            while data := conn.recv(65536):
                conn.sendall(data)
        except OSError:
            pass  # the client reset its connection: only this client is gone


with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
    server.bind(("127.0.0.1", int(sys.argv[1])))
    server.listen(128)
    while True:
        conn, _ = server.accept()
        threading.Thread(target=serve, args=(conn,), daemon=True).start()
