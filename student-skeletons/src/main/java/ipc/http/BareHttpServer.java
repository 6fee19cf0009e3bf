package ipc.http;

/**
 * Exercise {@code http}. See {@code exercises/http/README.md}.
 *
 * <p>Usage: {@code java ipc.http.BareHttpServer <port>}
 */
public final class BareHttpServer {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);

        // TODO: bind a ServerSocket to 127.0.0.1:port and serve forever: accept a client and give it a
        //       thread of its own (a daemon thread), so a slow client never delays another.
        // TODO: per client: wrap the socket's input once in a BufferedInputStream and keep using it for
        //       every request on this connection (it may already hold the start of the next request).
        // TODO: read the request head byte by byte up to the empty line. Lines end with "\r\n"; accept a
        //       bare "\n" too. Never assume one read() returns one request. If the head grows past 8192
        //       bytes (empty line included), answer 431 and close.
        // TODO: the request line must be METHOD SP TARGET SP HTTP/1.x (single spaces, printable ASCII);
        //       each header line needs a ':' with a name before it. Otherwise answer 400 and close.
        //       Compare header names without regard to case.
        // TODO: a Transfer-Encoding header: answer 501 and close. A Content-Length header: read exactly
        //       that many BYTES of body (not characters, and never until the end of the stream); a value
        //       that is not a plain number: 400 and close.
        // TODO: routes: GET or HEAD on "/" -> 200 with your UTF-8 HTML page (it must contain
        //       "Grüße aus dem Socket" and end with "</html>\n"); POST on "/echo" -> 200 with the request
        //       body as the response body; another method on "/" or "/echo" -> 405 with an Allow header
        //       ("GET, HEAD" or "POST"); any other target -> 404.
        // TODO: every response: "HTTP/1.1 <code> <reason>\r\n", then Content-Type, Content-Length (the
        //       body's length in bytes, after encoding it as UTF-8) and, if you will close afterwards,
        //       "Connection: close", each header ending "\r\n"; then an empty line "\r\n", then the body.
        //       Error responses get a short text body such as "404 Not Found\n".
        // TODO: HEAD: the same status line and headers as GET, Content-Length included, but no body.
        // TODO: keep-alive: after a response, read the next request on the same connection. Close after
        //       the response if the request said "Connection: close", or if it was HTTP/1.0 without
        //       "Connection: keep-alive". A client that closes between requests is not an error.
        System.out.println("TODO: BareHttpServer is not written yet (port " + port + ")");
    }
}
