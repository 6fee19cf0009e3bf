package ipc.grader.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Listening sockets from {@code netstat -an}, for systems without {@code /proc/net/tcp} (a
 * student's macOS or Windows laptop). Slower than /proc, but as non-intrusive.
 */
final class Netstat {

    private Netstat() {
    }

    static boolean isListening(int port) {
        // macOS writes 127.0.0.1.8080, Linux and Windows 127.0.0.1:8080; the state is LISTEN(ING).
        Pattern row = Pattern.compile("(?m)^\\s*tcp.*?[.:]" + port + "\\s+\\S+\\s+LISTEN", Pattern.CASE_INSENSITIVE);
        return row.matcher(output()).find();
    }

    static boolean isBoundUdp(int port) {
        Pattern row = Pattern.compile("(?m)^\\s*udp.*?[.:]" + port + "\\s", Pattern.CASE_INSENSITIVE);
        return row.matcher(output()).find();
    }

    private static String output() {
        try {
            Process netstat = new ProcessBuilder("netstat", "-an").redirectErrorStream(true).start();
            try (InputStream in = netstat.getInputStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                netstat.waitFor(5, TimeUnit.SECONDS);
                return text;
            } finally {
                netstat.destroyForcibly();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot tell which ports are listening: /proc/net/tcp is missing and netstat failed: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
