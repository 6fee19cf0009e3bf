package ipc.grader.http;

import ipc.grader.feedback.Bytes;
import ipc.grader.net.TcpConnection;
import ipc.grader.time.Deadline;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP response as the student's server sent it, read off a raw connection: the head line by
 * line with its line ends kept (so a bare {@code \n} can be pointed out), and the body by its
 * {@code Content-Length}, which is what a client on a kept-alive connection has to go by.
 */
public record HttpResponse(String statusLine, int status, List<byte[]> headLines, List<String[]> headers, byte[] body) {

    /** A status line, or a header line, longer than this is not one. */
    private static final int LONGEST_LINE = 8 * 1024;
    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.[01] (\\d{3})( .*)?");

    /**
     * Reads the next response on {@code connection}: for a HEAD request ({@code withBody} false) the
     * head only. Fails, with the conversation, when what comes is not a response.
     */
    public static HttpResponse readFrom(TcpConnection connection, boolean withBody, Deadline deadline) {
        byte[] first = connection.readRawLine(LONGEST_LINE, deadline);
        if (first == null) {
            throw connection.failure("expected a response, but the server closed the connection without one");
        }
        String statusLine = text(first);
        Matcher matcher = STATUS.matcher(statusLine);
        if (!matcher.matches()) {
            throw connection.failure("expected a status line such as \"HTTP/1.1 200 OK\\r\\n\" but got " + Bytes.show(first));
        }
        List<byte[]> lines = new ArrayList<>(List.of(first));
        List<String[]> headers = new ArrayList<>();
        while (true) {
            byte[] line = connection.readRawLine(LONGEST_LINE, deadline);
            if (line == null) {
                throw connection.failure("the server closed the connection in the middle of the response head, before the "
                        + "empty line that ends it");
            }
            lines.add(line);
            String header = text(line);
            if (header.isEmpty()) {
                break;
            }
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw connection.failure("expected a header line \"Name: value\" but got " + Bytes.show(line));
            }
            headers.add(new String[] {header.substring(0, colon).trim(), header.substring(colon + 1).trim()});
        }
        int status = Integer.parseInt(matcher.group(1));
        HttpResponse head = new HttpResponse(statusLine, status, List.copyOf(lines), List.copyOf(headers), new byte[0]);
        if (!withBody) {
            return head;
        }
        String length = head.header("Content-Length").orElseThrow(() -> connection.failure("the response to the grader "
                + "has no Content-Length header, so on a connection that stays open nobody can tell where its body ends"));
        int bytes;
        try {
            bytes = Integer.parseInt(length);
        } catch (NumberFormatException e) {
            throw connection.failure("Content-Length must be a number of bytes, not \"" + length + "\"");
        }
        return new HttpResponse(statusLine, status, head.headLines, head.headers, connection.readExactly(bytes, deadline));
    }

    /** The first header named {@code name}, compared without regard to case, as HTTP says. */
    public Optional<String> header(String name) {
        return headers.stream().filter(header -> header[0].equalsIgnoreCase(name)).map(header -> header[1]).findFirst();
    }

    /** The first head line that does not end with {@code \r\n}, if any. */
    public Optional<byte[]> lineWithoutCrlf() {
        return headLines.stream().filter(line -> line.length < 2 || line[line.length - 2] != '\r').findFirst();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** For messages: the head as sent, {@code \r\n} visible, and the body's size. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        headLines.forEach(line -> out.append("    ").append(Bytes.show(line)).append('\n'));
        return out.append("    (then ").append(body.length).append(" bytes of body)").toString();
    }

    /** A header value without spaces and in lower case, for values whose spelling may vary. */
    public static String normalized(String value) {
        return value.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static String text(byte[] line) {
        int end = line.length;
        if (end > 0 && line[end - 1] == '\n') {
            end--;
        }
        if (end > 0 && line[end - 1] == '\r') {
            end--;
        }
        return new String(line, 0, end, StandardCharsets.ISO_8859_1);
    }
}
