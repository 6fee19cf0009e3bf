package ipc.grader.suites.http;

import static ipc.grader.suites.http.BareHttpServerTest.SERVER;
import static ipc.grader.suites.http.Requests.GET_ROOT;
import static ipc.grader.suites.http.Requests.exchange;
import static ipc.grader.suites.http.Requests.expectStatus;
import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.feedback.Bytes;
import ipc.grader.http.HttpResponse;
import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hint;
import ipc.grader.junit.Lab;
import ipc.grader.junit.Points;
import ipc.grader.net.TcpConnection;
import ipc.grader.process.StudentProgram;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Requests a server must turn down, each with its own status code, and survive. */
@GradedExercise("http")
@DisplayName("http: BareHttpServer, errors")
class BareHttpServerErrorsTest {

    @Test
    @Points(1)
    @DisplayName("answers an unknown path with 404 Not Found")
    @Hint("Look at the request target: only / (and /echo for POST) exist; anything else is 404 Not Found.")
    void answersUnknownPathWith404(Lab lab) {
        TcpConnection client = lab.connect(lab.startServer(SERVER));
        expectStatus(client, exchange(client, Requests.get("/no-such-page")), 404, "GET /no-such-page");
    }

    @Test
    @Points(1)
    @DisplayName("answers a malformed request line with 400 Bad Request")
    @Hint("A request line is METHOD, a space, the target, a space and the version (HTTP/1.1). Anything else gets "
            + "400 Bad Request, not a page.")
    void answersMalformedRequestLineWith400(Lab lab) {
        TcpConnection client = lab.connect(lab.startServer(SERVER));
        expectStatus(client, exchange(client, "GET /\r\nHost: 127.0.0.1\r\n\r\n"), 400, "the request line \"GET /\"");
    }

    @Test
    @Points(1)
    @DisplayName("answers a header line without a colon with 400 Bad Request")
    @Hint("Every header line is \"Name: value\". Check for the colon, and answer 400 when it is missing.")
    void answersMalformedHeaderWith400(Lab lab) {
        TcpConnection client = lab.connect(lab.startServer(SERVER));
        expectStatus(client, exchange(client, "GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n"), 400,
                "a header line \"Host 127.0.0.1\" without a colon");
    }

    @Test
    @Points(2)
    @DisplayName("answers an unsupported method with 405 and an Allow header")
    @Hint("A method the path does not support gets \"405 Method Not Allowed\" and an \"Allow: GET, HEAD\" header "
            + "that lists the ones it does.")
    void answersUnsupportedMethodWith405(Lab lab) {
        TcpConnection client = lab.connect(lab.startServer(SERVER));
        HttpResponse response = expectStatus(client, exchange(client, "DELETE / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"), 405,
                "DELETE /");
        assertThat(response.header("Allow")).as("the Allow header of the 405 response to DELETE /")
                .hasValueSatisfying(allow -> assertThat(HttpResponse.normalized(allow)).contains("get"));
    }

    @Test
    @Points(1)
    @DisplayName("refuses a request head over 8 KiB with 431 or 400")
    @Hint("Stop reading a head at 8192 bytes: a client could send headers without end. Answer 431 Request Header "
            + "Fields Too Large (or 400) and close the connection.")
    void refusesAnOversizedHead(Lab lab) {
        TcpConnection client = lab.connect(lab.startServer(SERVER));
        String huge = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: " + "x".repeat(9 * 1024) + "\r\n\r\n";
        HttpResponse response = exchange(client, huge);
        assertThat(response.status()).as("status for a request head of %d bytes (over the 8192-byte limit)", huge.length())
                .isIn(431, 400);
    }

    @Test
    @Points(2)
    @DisplayName("answers garbage bytes with 400 and goes on serving other clients")
    @Hint("Bytes that are not a request must neither crash the server nor get a page: answer 400 Bad Request, close "
            + "that connection, and keep accepting.")
    void answersGarbageWith400AndSurvives(Lab lab) {
        StudentProgram server = lab.startServer(SERVER);
        TcpConnection garbage = lab.connect(server);
        byte[] noise = new byte[64];
        new Random(ipc.grader.fault.Seed.value()).nextBytes(noise);
        garbage.send(noise);
        garbage.send("\r\n\r\n");
        expectStatus(garbage, Requests.read(garbage), 400, Bytes.show(noise) + " followed by an empty line");
        TcpConnection next = lab.connect(server);
        expectStatus(next, exchange(next, GET_ROOT), 200, "GET / from the next client");
    }
}
