package ipc.grader.suites.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

/**
 * A real HTTP client in a JVM of its own: fetches one URL with the JDK's {@link HttpClient} and
 * prints what it got, one {@code key=value} line each. Run by the grader as a process, so the
 * client's threads and connections end with it instead of lingering in the grader.
 *
 * <p>Usage: {@code FetchWithHttpClient <url> <timeout millis>}
 */
public final class FetchWithHttpClient {

    private FetchWithHttpClient() {
    }

    public static void main(String[] args) {
        Duration timeout = Duration.ofMillis(Long.parseLong(args[1]));
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(args[0])).timeout(timeout).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            System.out.println("status=" + response.statusCode());
            System.out.println("content-type=" + response.headers().firstValue("Content-Type").orElse(""));
            System.out.println("body=" + Base64.getEncoder().encodeToString(response.body()));
            System.exit(0);
        } catch (Exception e) {
            System.out.println("error=" + e);
            System.exit(2);
        } 
    }
}
