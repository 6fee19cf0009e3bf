package ipc.grader.suites.http;

import static ipc.grader.suites.http.Requests.GET_ROOT;
import static ipc.grader.suites.http.Requests.GET_ROOT_AND_CLOSE;
import static ipc.grader.suites.http.Requests.HEAD_ROOT;
import static ipc.grader.suites.http.Requests.PAGE_TEXT;
import static ipc.grader.suites.http.Requests.exchange;
import static ipc.grader.suites.http.Requests.expectStatus;
import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.fault.Cut;
import ipc.grader.fault.CuttingProxy;
import ipc.grader.fault.Direction;
import ipc.grader.fault.Seed;
import ipc.grader.feedback.Bytes;
import ipc.grader.http.HttpResponse;
import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hint;
import ipc.grader.junit.Lab;
import ipc.grader.junit.Points;
import ipc.grader.net.TcpConnection;
import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The request head, the response bytes, and keep-alive: the grader plays the browser, byte by byte. */
@GradedExercise("http")
@DisplayName("http: BareHttpServer, requests and responses")
class BareHttpServerTest {

    static final String SERVER = "ipc.http.BareHttpServer";

    @Test
    @Points(2)
    @DisplayName("answers GET / with 200 OK and the page")
    @Hint("Answer \"HTTP/1.1 200 OK\", then the headers, an empty line and the page, written as UTF-8 bytes "
            + "(text.getBytes(StandardCharsets.UTF_8)).")
    void servesThePage(Lab lab) {
        TcpConnection client = lab.connect(lab.startServer(SERVER));
        HttpResponse page = expectStatus(client, exchange(client, GET_ROOT), 200, "GET /");
        if (!page.bodyText().contains(PAGE_TEXT)) {
            throw client.failure("the page should contain the UTF-8 text \"" + PAGE_TEXT + "\", but its body is "
                    + Bytes.show(page.body()));
        }
    }

    @Test
    @Points(2)
    @DisplayName("ends the status line and every header line with \\r\\n")
    @Hint("HTTP lines end with CR LF, \"\\r\\n\", not just \"\\n\": println and \"%n\" write the platform's line end. "
            + "Write \"\\r\\n\" yourself, and end the head with an empty line \"\\r\\n\".")
    void endsHeadLinesWithCrlf(Lab lab) {
        TcpConnection client = lab.connect(lab.startServer(SERVER));
        HttpResponse page = exchange(client, GET_ROOT);
        page.lineWithoutCrlf().ifPresent(line -> {
            throw client.failure("the line " + Bytes.show(line) + " ends without \\r; the head was:\n" + page.describe());
        });
    }

    @Test
    @Points(2)
    @DisplayName("gives Content-Length in bytes, not characters")
    @Hint("Content-Length counts bytes. \"ü\" and \"ß\" take two bytes each in UTF-8, so page.length() is too small: "
            + "encode the page first and send bytes.length.")
    void countsContentLengthInBytes(Lab lab) {
        TcpConnection client = lab.connect(lab.startServer(SERVER));
        client.send(GET_ROOT_AND_CLOSE);
        HttpResponse head = HttpResponse.readFrom(client, false, Deadline.in(Waits.REPLY));
        byte[] body = client.readUntilEndOfStream(Deadline.in(Waits.REPLY));
        String length = head.header("Content-Length").orElseThrow(() -> client.failure("the response has no Content-Length"));
        if (!length.equals(String.valueOf(body.length))) {
            throw client.failure("Content-Length says " + length + " but the body that followed had " + body.length
                    + " bytes (the server closed the connection after it, as asked by Connection: close)");
        }
    }

    @Test
    @Points(1)
    @DisplayName("labels the page Content-Type: text/html; charset=utf-8")
    @Hint("Without the charset a browser guesses the encoding and shows \"GrÃ¼ÃŸe\": send "
            + "\"Content-Type: text/html; charset=utf-8\".")
    void labelsTheContentType(Lab lab) {
        TcpConnection client = lab.connect(lab.startServer(SERVER));
        HttpResponse page = exchange(client, GET_ROOT);
        String type = page.header("Content-Type").orElse("(none)");
        assertThat(HttpResponse.normalized(type)).as("Content-Type of the page").isEqualTo("text/html;charset=utf-8");
    }

    @Test
    @Points(3)
    @DisplayName("reads a request head that arrives one byte at a time")
    @Hint("One read() is not one request: read the head line by line until the empty line, however many reads it "
            + "takes (a BufferedInputStream, and a loop until \"\\r\\n\\r\\n\").")
    void readsAHeadOneByteAtATime(Lab lab) {
        CuttingProxy proxy = lab.proxyTo(lab.startServer(SERVER), Cut.oneBytePerSegment());
        TcpConnection client = lab.connect(proxy);
        expectStatus(client, exchange(client, GET_ROOT), 200, "GET / sent one byte at a time");
        proxy.expectDelivered(Direction.REQUESTS, GET_ROOT.length(), proxy.targetName());
    }

    @Test
    @Points(2)
    @DisplayName("reads a request head that arrives in pieces, with pauses between them")
    @Hint("A slow network delivers a request in pieces, with pauses. Keep reading until the empty line that ends the "
            + "head; never answer after the first read.")
    void readsAHeadInPiecesWithPauses(Lab lab) {
        Cut pieces = Cut.randomPieces(Seed.value(), 12).withPauses(Duration.ofMillis(20));
        CuttingProxy proxy = lab.proxyTo(lab.startServer(SERVER), pieces);
        TcpConnection client = lab.connect(proxy);
        expectStatus(client, exchange(client, GET_ROOT), 200, "GET / sent in pieces");
        proxy.expectDelivered(Direction.REQUESTS, GET_ROOT.length(), proxy.targetName());
    }

    @Test
    @Points(3)
    @DisplayName("reads a POST body by its Content-Length and answers at once")
    @Hint("The body is exactly Content-Length bytes long: read that many and answer. Reading until the end of the "
            + "stream waits for ever, because the client keeps the connection open for its next request.")
    void readsABodyByContentLength(Lab lab) {
        TcpConnection client = lab.connect(lab.startServer(SERVER));
        byte[] body = Bytes.utf8("Grüße, body!");
        client.send("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + body.length + "\r\n\r\n");
        client.send(body);
        HttpResponse echo = expectStatus(client, Requests.read(client), 200, "POST /echo");
        if (!java.util.Arrays.equals(echo.body(), body)) {
            throw client.failure("POST /echo should answer with the request body " + Bytes.show(body) + " but answered "
                    + Bytes.show(echo.body()));
        }
    }

    @Test
    @Points(2)
    @DisplayName("answers HEAD with the headers of GET and no body")
    @Hint("HEAD asks for the head only: send the same status and headers as for GET (Content-Length too), then "
            + "nothing. Body bytes after a HEAD response are read as the start of the next response.")
    void answersHeadWithoutBody(Lab lab) {
        TcpConnection client = lab.connect(lab.startServer(SERVER));
        HttpResponse head = expectStatus(client, exchange(client, HEAD_ROOT), 200, "HEAD /");
        HttpResponse page = expectStatus(client, exchange(client, GET_ROOT), 200, "GET / right after HEAD / on one connection");
        assertThat(head.header("Content-Length")).as("Content-Length for HEAD / (the length GET / would send)")
                .isEqualTo(page.header("Content-Length"));
    }

    @Test
    @Points(2)
    @DisplayName("answers two requests, one after the other, on one connection")
    @Hint("HTTP/1.1 keeps the connection open: after a response, go back to reading the next request head on the same "
            + "socket, until the client closes or asks for Connection: close.")
    void keepsTheConnectionAlive(Lab lab) {
        TcpConnection client = lab.connect(lab.startServer(SERVER));
        expectStatus(client, exchange(client, GET_ROOT), 200, "the first GET /");
        expectStatus(client, exchange(client, Requests.get("/no-such-page")), 404, "a second request on the same connection");
    }

    @Test
    @Points(2)
    @DisplayName("answers two requests sent together in one piece, in order")
    @Hint("Pipelined requests arrive in one read. Parse one request from your buffered stream, answer it, then parse "
            + "the next from what is left; never throw away what a read brought beyond the first request.")
    void answersPipelinedRequestsInOrder(Lab lab) {
        TcpConnection client = lab.connect(lab.startServer(SERVER));
        client.send(GET_ROOT + Requests.get("/no-such-page"));
        expectStatus(client, Requests.read(client), 200, "the first of two pipelined requests, GET /");
        expectStatus(client, Requests.read(client), 404, "the second, GET /no-such-page");
    }

    @Test
    @Points(1)
    @DisplayName("closes the connection after answering a request with Connection: close")
    @Hint("\"Connection: close\" means: answer, then close the socket. Header names and values are case-insensitive.")
    void honoursConnectionClose(Lab lab) {
        TcpConnection client = lab.connect(lab.startServer(SERVER));
        expectStatus(client, exchange(client, GET_ROOT_AND_CLOSE), 200, "GET / with Connection: close");
        client.expectEndOfStream("after answering a request with Connection: close");
    }

    @Test
    @Points(3)
    @DisplayName("serves another client while one has sent only half a request")
    @Hint("Give each client its own thread: a client that stalls in the middle of its request must not keep the "
            + "server from accepting and answering the next one.")
    void servesOthersWhileOneStalls(Lab lab) {
        StudentProgram server = lab.startServer(SERVER);
        TcpConnection slow = lab.connect(server);
        slow.sendPiece(Bytes.utf8("GET / HTTP/1.1\r\nHo"));
        TcpConnection other = lab.connect(server);
        expectStatus(other, exchange(other, GET_ROOT), 200, "GET / from a second client, while the first is stalled");
        slow.send("st: 127.0.0.1\r\n\r\n");
        expectStatus(slow, Requests.read(slow), 200, "the stalled client's GET /, once complete");
    }
}
