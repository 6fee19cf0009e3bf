package ipc.http;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A variant of the http exercise: a cached pool of daemon threads, a head reader written by hand
 * over the buffered socket stream (ISO-8859-1 lines, CRLF or bare LF), headers in a case-insensitive
 * TreeMap, and each response assembled in a StringBuilder and sent with one write.
 */
public final class BareHttpServer {

    private static final int HEAD_LIMIT = 8192;
    private static final long BODY_LIMIT = 16L * 1024 * 1024;
    private static final String HTML = "text/html;charset=UTF-8";
    private static final String TEXT = "text/plain;charset=UTF-8";
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private static final byte[] PAGE = ("<!doctype html>\n"
            + "<html>\n"
            + "<head><meta charset=\"utf-8\"><title>tiny</title></head>\n"
            + "<body>\n"
            + "<h1>Grüße aus dem Socket</h1>\n"
            + "<p>Served by a thread pool, one head byte at a time.</p>\n"
            + "</body>\n"
            + "</html>\n").getBytes(StandardCharsets.UTF_8);

    private BareHttpServer() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        ExecutorService pool = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "http-client");
            thread.setDaemon(true);
            return thread;
        });
        try (ServerSocket listener = new ServerSocket(port, 100, InetAddress.getByName("127.0.0.1"))) {
            System.out.println("tiny listening on 127.0.0.1:" + port);
            while (true) {
                Socket socket;
                try {
                    socket = listener.accept();
                } catch (IOException e) {
                    System.err.println("accept failed: " + e);
                    continue;
                }
                pool.execute(() -> serve(socket));
            }
        }
    }

    /** Thrown when a request cannot be answered normally: answer with this status, then close. */
    private static final class Refusal extends Exception {
        final int status;

        Refusal(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    private record Request(String method, String target, String version, Map<String, String> headers, byte[] body) {
    }

    private static void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                Request request;
                try {
                    request = readRequest(in);
                } catch (Refusal refusal) {
                    send(out, refusal.status, TEXT, errorBody(refusal.status), true, null, false);
                    lingeringClose(socket, in);
                    return;
                }
                if (request == null) {
                    return; // the client closed between two requests
                }
                boolean close = wantsClose(request);
                respond(out, request, close);
                System.out.println(request.method() + " " + request.target());
                if (close) {
                    lingeringClose(socket, in);
                    return;
                }
            }
        } catch (EOFException e) {
            // the client went away in the middle of a request: nothing to answer
        } catch (IOException | RuntimeException e) {
            System.err.println("client dropped: " + e);
        }
    }

    /** Reads one request; null when the stream ends before its first byte. */
    private static Request readRequest(InputStream in) throws IOException, Refusal {
        List<String> lines = new ArrayList<>();
        int used = 0;
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (used == 0) {
                    return null;
                }
                throw new EOFException("end of stream inside a request head");
            }
            if (++used > HEAD_LIMIT) {
                throw new Refusal(431);
            }
            if (b != '\n') {
                line.append((char) b); // ISO-8859-1: one byte, one char
                continue;
            }
            int end = line.length();
            if (end > 0 && line.charAt(end - 1) == '\r') {
                line.setLength(end - 1);
            }
            if (line.length() == 0) {
                break;
            }
            lines.add(line.toString());
            line.setLength(0);
        }
        if (lines.isEmpty()) {
            throw new Refusal(400); // an empty line where the request line should be
        }

        String[] parts = lines.get(0).split(" ", -1);
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new Refusal(400);
        }
        for (String part : parts) {
            if (part.isEmpty() || !part.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new Refusal(400);
            }
        }

        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String header : lines.subList(1, lines.size())) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new Refusal(400);
            }
            String name = header.substring(0, colon);
            String value = header.substring(colon + 1).trim();
            String earlier = headers.get(name);
            if (earlier != null && name.equalsIgnoreCase("Content-Length") && !earlier.equals(value)) {
                throw new Refusal(400);
            }
            headers.merge(name, value, (a, v) -> a + ", " + v);
        }

        if (headers.containsKey("Transfer-Encoding")) {
            throw new Refusal(501);
        }
        byte[] body = new byte[0];
        String length = headers.get("Content-Length");
        if (length != null) {
            if (length.contains(",")) { // repeated with the same value
                length = length.substring(0, length.indexOf(',')).trim();
            }
            if (length.isEmpty() || !length.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new Refusal(400);
            }
            String digits = length.replaceFirst("^0+(?=.)", "");
            if (digits.length() > 9 || Long.parseLong(digits) > BODY_LIMIT) {
                throw new Refusal(413);
            }
            int n = Integer.parseInt(digits);
            body = in.readNBytes(n);
            if (body.length < n) {
                throw new EOFException("end of stream inside a request body");
            }
        }
        return new Request(parts[0], parts[1], parts[2], headers, body);
    }

    private static boolean wantsClose(Request request) {
        boolean close = false;
        boolean keepAlive = false;
        String connection = request.headers().get("Connection");
        if (connection != null) {
            for (String token : connection.split(",")) {
                close |= token.trim().equalsIgnoreCase("close");
                keepAlive |= token.trim().equalsIgnoreCase("keep-alive");
            }
        }
        return close || (request.version().equals("HTTP/1.0") && !keepAlive);
    }

    private static void respond(OutputStream out, Request request, boolean close) throws IOException {
        String method = request.method();
        boolean head = method.equals("HEAD");
        switch (request.target()) {
            case "/" -> {
                if (head || method.equals("GET")) {
                    send(out, 200, HTML, PAGE, close, null, head);
                } else {
                    send(out, 405, TEXT, errorBody(405), close, "GET, HEAD", head);
                }
            }
            case "/echo" -> {
                if (method.equals("POST")) {
                    send(out, 200, TEXT, request.body(), close, null, false);
                } else {
                    send(out, 405, TEXT, errorBody(405), close, "POST", head);
                }
            }
            default -> send(out, 404, TEXT, errorBody(404), close, null, head);
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Payload Too Large";
            case 431 -> "Request Header Fields Too Large";
            case 501 -> "Not Implemented";
            default -> "Unknown";
        };
    }

    private static byte[] errorBody(int status) {
        return (status + " " + reason(status) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Status line and headers built in a StringBuilder; head and body leave in a single write. */
    private static void send(OutputStream out, int status, String type, byte[] body, boolean close, String allow,
            boolean headOnly) throws IOException {
        StringBuilder head = new StringBuilder(160);
        head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        head.append("Date: ").append(HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
        head.append("Server: tiny\r\n");
        if (close) {
            head.append("Connection: close\r\n");
        }
        if (allow != null) {
            head.append("Allow: ").append(allow).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("Content-Type: ").append(type).append("\r\n");
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        int bodyLength = headOnly ? 0 : body.length;
        byte[] message = new byte[headBytes.length + bodyLength];
        System.arraycopy(headBytes, 0, message, 0, headBytes.length);
        System.arraycopy(body, 0, message, headBytes.length, bodyLength);
        out.write(message);
        out.flush();
    }

    /**
     * Ends the connection without a reset: send FIN, then read and drop what the client still sends
     * for a moment, so that unread request bytes do not make the kernel discard the response.
     */
    private static void lingeringClose(Socket socket, InputStream in) {
        try {
            socket.shutdownOutput();
            socket.setSoTimeout(500);
            byte[] sink = new byte[4096];
            long dropped = 0;
            while (dropped < 1 << 20) {
                int n = in.read(sink);
                if (n < 0) {
                    break;
                }
                dropped += n;
            }
        } catch (SocketTimeoutException e) {
            // the client is still connected but quiet: close anyway
        } catch (IOException e) {
            // already gone
        }
    }
}
