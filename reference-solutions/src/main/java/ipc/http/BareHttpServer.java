package ipc.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A small HTTP/1.1 server on plain {@code java.net} sockets: one HTML page at {@code /}, an echo of
 * the request body at {@code /echo}, persistent connections, and one thread per client.
 *
 * <p>Usage: {@code java ipc.http.BareHttpServer <port>}
 */
public final class BareHttpServer {

    /** The longest request head accepted, in bytes: request line, headers and the empty line. */
    private static final int MAX_HEAD = 8192;
    /** The longest body accepted: /echo holds it in memory, so a client must not choose any size. */
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private static final String HTML = "text/html; charset=utf-8";
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final Map<Integer, String> REASONS = Map.of(200, "OK", 400, "Bad Request",
            404, "Not Found", 405, "Method Not Allowed", 413, "Content Too Large",
            431, "Request Header Fields Too Large", 501, "Not Implemented");

    // The umlaut and the sharp s are Unicode escapes, so this file compiles the same under any
    // platform encoding. In UTF-8 each takes two bytes, which is why the page is kept as bytes:
    // Content-Length counts those bytes, not the characters.
    private static final byte[] PAGE = ("<!DOCTYPE html>\n<html lang=\"de\">\n"
            + "<head><meta charset=\"utf-8\"><title>BareHttpServer</title></head>\n"
            + "<body>\n<h1>Gr\u00fc\u00dfe aus dem Socket</h1>\n"
            + "<p>No web framework here, only bytes on a java.net.Socket.</p>\n</body>\n</html>\n")
            .getBytes(StandardCharsets.UTF_8);

    /** A parsed request. Header names are lower-cased because HTTP compares them case-insensitively. */
    private record Request(String method, String target, String version, Map<String, String> headers,
            byte[] body) {

        /** Whether the connection ends after the response to this request. */
        boolean closesConnection() {
            String connection = headers.getOrDefault("connection", "");
            // HTTP/1.1 connections stay open unless told otherwise; HTTP/1.0 ones only when asked.
            return hasToken(connection, "close")
                    || version.equals("HTTP/1.0") && !hasToken(connection, "keep-alive");
        }
    }

    /** A response; {@code allow} is the Allow header of a 405, or null. */
    private record Response(int status, String contentType, byte[] body, String allow) {
    }

    /** A request refused before it could be routed. The connection is always closed afterwards. */
    private static final class Refusal extends Exception {
        final int status;

        Refusal(int status, String why) {
            super(why, null, false, false); // no stack trace: a refusal is an answer, not a bug
            this.status = status;
        }
    }

    private BareHttpServer() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            System.out.println("BareHttpServer: listening on http://127.0.0.1:" + port + "/");
            while (true) {
                Socket client = server.accept();
                Thread handler = new Thread(() -> serve(client), "http-" + client.getPort());
                handler.setDaemon(true);
                handler.start();
            }
        }
    }

    private static void serve(Socket client) {
        String who = "client " + client.getPort();
        try (client) {
            // One buffered stream for the whole connection: if the next request arrived together
            // with this one, its bytes wait in this buffer instead of being lost.
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = new BufferedOutputStream(client.getOutputStream());
            boolean keepOpen = true;
            while (keepOpen) {
                Request request;
                try {
                    request = readRequest(in);
                } catch (Refusal refusal) {
                    System.out.println("BareHttpServer: " + who + " refused: " + refusal.getMessage());
                    send(out, error(refusal.status, null), false, true);
                    break;
                }
                if (request == null) {
                    break; // the client closed between requests: nothing to answer
                }
                Response response = route(request);
                keepOpen = !request.closesConnection();
                send(out, response, request.method().equals("HEAD"), !keepOpen);
                System.out.println("BareHttpServer: " + who + " " + request.method() + " "
                        + request.target() + " -> " + response.status());
            }
            closeGently(client, in);
        } catch (IOException e) {
            System.out.println("BareHttpServer: " + who + " lost: " + e.getMessage());
        }
    }

    /** Reads one request, or returns null if the stream ends before its first byte. */
    private static Request readRequest(InputStream in) throws IOException, Refusal {
        int[] headBytes = {0}; // shared by the readLine calls, so the limit covers the whole head
        String requestLine = readLine(in, headBytes, true);
        if (requestLine == null) {
            return null;
        }
        // Three non-empty runs of visible ASCII (! to ~) between single spaces, the last HTTP/1.x.
        if (!requestLine.matches("[!-~]+ [!-~]+ HTTP/1\\.[!-~]*")) {
            throw new Refusal(400, "bad request line \"" + requestLine + "\"");
        }
        String[] parts = requestLine.split(" ");
        Map<String, String> headers = new HashMap<>();
        for (String line = readLine(in, headBytes, false); !line.isEmpty();
                line = readLine(in, headBytes, false)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new Refusal(400, "bad header line \"" + line + "\"");
            }
            // A repeated header becomes one comma-separated list, as HTTP defines; two different
            // Content-Length values then no longer parse, and the request is refused.
            headers.merge(line.substring(0, colon).toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).trim(), (first, next) -> first + ", " + next);
        }
        if (headers.containsKey("transfer-encoding")) {
            throw new Refusal(501, "Transfer-Encoding is not supported");
        }
        return new Request(parts[0], parts[1], parts[2], headers, readBody(in, headers.get("content-length")));
    }

    /** Reads one line of the head, without its line end; null if the stream ends before the head. */
    private static String readLine(InputStream in, int[] headBytes, boolean requestLine) throws IOException, Refusal {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b == -1 && headBytes[0] == 0) {
                return null; // no request at all: the client has finished
            } else if (b == -1) {
                throw new Refusal(400, "the stream ended inside the request head");
            }
            if (++headBytes[0] > MAX_HEAD) {
                throw new Refusal(431, "the request head is longer than " + MAX_HEAD + " bytes");
            }
            if (b == '\n') {
                // CRLF ends a line, but a bare LF is tolerated: drop the CR only if it is there.
                if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
                    line.setLength(line.length() - 1);
                }
                return line.toString();
            }
            // A request line is printable ASCII. Refusing other bytes at once means garbage (a TLS
            // handshake, say) gets its 400 without waiting for a line end that may never come.
            if (requestLine && b != '\r' && (b < 0x20 || b > 0x7e)) {
                throw new Refusal(400, "byte 0x" + Integer.toHexString(b) + " in the request line");
            }
            // ISO-8859-1: one char per byte, so header values with non-ASCII bytes survive unharmed.
            line.append((char) b);
        }
    }

    /** Reads exactly Content-Length bytes: the client does not close after its body, so EOF is no end. */
    private static byte[] readBody(InputStream in, String contentLength) throws IOException, Refusal {
        if (contentLength == null) {
            return new byte[0];
        }
        // Digits only: Integer.parseInt would also take "+5", and a list such as "5, 7" is refused.
        if (!contentLength.matches("[0-9]+")) {
            throw new Refusal(400, "bad Content-Length \"" + contentLength + "\"");
        }
        int length = contentLength.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(contentLength);
        if (length > MAX_BODY) {
            throw new Refusal(413, "Content-Length " + contentLength + " is over " + MAX_BODY);
        }
        // readNBytes stops after exactly this many bytes, so a pipelined next request stays in the stream.
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new Refusal(400, "the stream ended after " + body.length + " of " + length + " body bytes");
        }
        return body;
    }

    private static Response route(Request request) {
        String method = request.method();
        switch (request.target()) {
            case "/":
                return method.equals("GET") || method.equals("HEAD")
                        ? new Response(200, HTML, PAGE, null) : error(405, "GET, HEAD");
            case "/echo":
                return method.equals("POST") ? new Response(200, TEXT, request.body(), null) : error(405, "POST");
            default:
                return error(404, null);
        }
    }

    /** An error response: a short plain-text body, and for a 405 the methods the target allows. */
    private static Response error(int status, String allow) {
        byte[] body = (status + " " + REASONS.get(status) + "\n").getBytes(StandardCharsets.US_ASCII);
        return new Response(status, TEXT, body, allow);
    }

    /** Writes status line, headers and (unless it answers a HEAD) body, then flushes. */
    private static void send(OutputStream out, Response response, boolean headOnly, boolean closing)
            throws IOException {
        // A HEAD response announces the length the GET body would have, without sending the body.
        String head = "HTTP/1.1 " + response.status() + " " + REASONS.get(response.status()) + "\r\n"
                + "Content-Type: " + response.contentType() + "\r\n"
                + "Content-Length: " + response.body().length + "\r\n"
                + (response.allow() != null ? "Allow: " + response.allow() + "\r\n" : "")
                + (closing ? "Connection: close\r\n" : "")
                + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        if (!headOnly) {
            out.write(response.body());
        }
        out.flush();
    }

    /**
     * Ends the connection without losing the last response. Closing with unread input (the rest of a
     * refused request, say) makes the kernel send a reset, which can destroy the response before the
     * client reads it. So end our side first, then drop what the client still sends, for a moment.
     */
    private static void closeGently(Socket client, InputStream in) {
        try {
            client.shutdownOutput();
            client.setSoTimeout(1000);
            byte[] sink = new byte[8192];
            int dropped = 0;
            int n;
            // At most 1 MiB, so a client that never stops sending cannot hold this thread forever.
            while (dropped < (1 << 20) && (n = in.read(sink)) != -1) {
                dropped += n;
            }
        } catch (IOException e) {
            // A timeout or a reset here changes nothing: the response has already gone out.
        }
    }

    /** Whether a comma-separated header value such as "keep-alive, Upgrade" holds the token. */
    private static boolean hasToken(String list, String token) {
        return Arrays.stream(list.split(",")).anyMatch(item -> item.trim().equalsIgnoreCase(token));
    }
}
