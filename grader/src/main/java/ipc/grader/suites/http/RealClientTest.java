package ipc.grader.suites.http;

import static ipc.grader.suites.http.BareHttpServerTest.SERVER;
import static ipc.grader.suites.http.Requests.GET_ROOT_AND_CLOSE;

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
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The server against a client the grader did not write: the JDK's own HttpClient, in a process of its own. */
@GradedExercise("http")
@DisplayName("http: BareHttpServer and a real client")
class RealClientTest {

    @Test
    @Points(2)
    @DisplayName("serves the page to the JDK's HttpClient, byte for byte")
    @Hint("A real client believes your Content-Length: if it counts characters instead of bytes, the client stops "
            + "reading early and the end of the page is lost.")
    void servesTheJdkHttpClient(Lab lab) {
        StudentProgram server = lab.startServer(SERVER);
        int port = server.arguments().port();
        // What the page really is: read to the end of a Connection: close response, whatever Content-Length says.
        TcpConnection raw = lab.connect(server);
        raw.send(GET_ROOT_AND_CLOSE);
        HttpResponse.readFrom(raw, false, Deadline.in(Waits.REPLY));
        byte[] page = raw.readUntilEndOfStream(Deadline.in(Waits.REPLY));

        long timeout = Deadline.in(Waits.REPLY).remainingMillis();
        StudentProgram client = lab.startGraderTool(FetchWithHttpClient.class, "the JDK's HttpClient",
                "http://127.0.0.1:" + port + "/", timeout);
        client.awaitExit(Deadline.in(Waits.STARTUP.plus(Waits.REPLY)), "it fetched http://127.0.0.1:" + port + "/");
        Map<String, String> fetched = new HashMap<>();
        client.stdout().lines().filter(line -> line.contains("="))
                .forEach(line -> fetched.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        if (fetched.containsKey("error") || !"200".equals(fetched.get("status"))) {
            throw new AssertionError("the JDK's HttpClient could not fetch http://127.0.0.1:" + port + "/: "
                    + fetched.getOrDefault("error", "status " + fetched.get("status")));
        }
        byte[] body = Base64.getDecoder().decode(fetched.getOrDefault("body", ""));
        if (!Arrays.equals(body, page)) {
            throw new AssertionError("the JDK's HttpClient got a page of " + body.length + " bytes, but the server sends "
                    + page.length + " bytes when it closes the connection after the page; the client got "
                    + Bytes.show(body) + "\nThe page as sent: " + Bytes.show(page));
        }
    }
}
