package ipc.grader.suites.http;

import ipc.grader.http.HttpResponse;
import ipc.grader.net.TcpConnection;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;

/** The requests the grader sends, written out byte for byte, and a way to send one and read the answer. */
final class Requests {

    /** Text the page must hold: non-ASCII, so that characters and bytes differ. */
    static final String PAGE_TEXT = "Grüße aus dem Socket";

    static final String GET_ROOT = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    static final String GET_ROOT_AND_CLOSE = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    static final String HEAD_ROOT = "HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    private Requests() {
    }

    static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    /** Sends {@code request} whole and reads one response (no body for HEAD). */
    static HttpResponse exchange(TcpConnection connection, String request) {
        connection.send(request);
        return HttpResponse.readFrom(connection, !request.startsWith("HEAD "), Deadline.in(Waits.REPLY));
    }

    static HttpResponse read(TcpConnection connection) {
        return HttpResponse.readFrom(connection, true, Deadline.in(Waits.REPLY));
    }

    /** Fails unless {@code response} has status {@code expected}, showing the whole head. */
    static HttpResponse expectStatus(TcpConnection connection, HttpResponse response, int expected, String request) {
        if (response.status() != expected) {
            throw connection.failure("expected status " + expected + " for " + request + " but got \"" + response.statusLine()
                    + "\":\n" + response.describe());
        }
        return response;
    }
}
