"""A correct echo server in Python, graded through a command template to show that the grader
judges behaviour on the wire, whatever the language: python3 tcp_echo_server.py <port>"""
import socket
import sys

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
    server.bind(("127.0.0.1", int(sys.argv[1])))
    server.listen(1)
    conn, _ = server.accept()
    with conn:
        while True:
            data = conn.recv(65536)
            if not data:
                break
            conn.sendall(data)
