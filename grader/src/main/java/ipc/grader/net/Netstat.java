package ipc.grader.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@code netstat -an} where the kernel's socket tables cannot be read: a student's macOS or
 * Windows laptop, or Linux with {@code -Dsockgrader.platform=portable}. {@link NetstatTable} reads
 * what it prints.
 *
 * <p>One command on every system. On Windows, {@code -p TCP} would shorten the output, but it lists
 * IPv4 sockets only: a server bound to {@code [::]} (Java's dual-stack default) needs {@code -p TCPv6}
 * too, which is a second process per question; the spawn, not the parsing, is what costs.
 */
final class Netstat {

    /** A laptop under load answers in well under a second; past this, netstat hangs and is killed. */
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final List<String> COMMAND = List.of("netstat", "-an");

    private Netstat() {
    }

    static boolean isListening(int port) {
        return read().isListening(port);
    }

    static boolean isBoundUdp(int port) {
        return read().isBoundUdp(port);
    }

    /** The Recv-Q of the connection from {@code localPort} to {@code remotePort}; empty when it is gone. */
    static OptionalInt unreadBytes(int localPort, int remotePort) {
        return read().unreadBytes(localPort, remotePort);
    }

    /**
     * Whether netstat here prints each socket's queues, so that unread bytes can be polled: Linux's
     * and macOS's do, Windows' does not (asked once: a table with no queue columns has none later).
     */
    static boolean showsQueues() {
        Boolean known = showsQueues;
        if (known == null) {
            known = read().showsQueues();
            showsQueues = known;
        }
        return known;
    }

    private static volatile Boolean showsQueues;

    /** The sockets netstat shows now; the process is always gone when this returns. */
    static NetstatTable read() {
        Process netstat = start();
        try {
            // Read on another thread: a netstat that hangs with its output open would block a plain
            // read past any deadline.
            FutureTask<byte[]> output = new FutureTask<>(() -> netstat.getInputStream().readAllBytes());
            Thread reader = new Thread(output, "netstat output");
            reader.setDaemon(true);
            reader.start();
            // Any single-byte charset keeps the columns: the translated words (in the console's code
            // page on Windows) are never read, so their bytes need not decode right.
            String text = new String(output.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.ISO_8859_1);
            if (netstat.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS) && netstat.exitValue() != 0) {
                throw new IllegalStateException("cannot tell which ports are listening: " + String.join(" ", COMMAND)
                        + " exited with " + netstat.exitValue() + ": " + text.strip());
            }
            return NetstatTable.parse(text);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot tell which ports are listening: " + String.join(" ", COMMAND)
                    + " did not finish within " + DEADLINE.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot tell which ports are listening: reading the output of "
                    + String.join(" ", COMMAND) + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            // Whoever waits for readiness is being stopped: report nothing listening and keep the flag.
            Thread.currentThread().interrupt();
            return NetstatTable.parse("");
        } finally {
            netstat.destroyForcibly();
            closeStreams(netstat);
        }
    }

    /** A process's pipes stay open until closed, even after it ends: one per poll would leak descriptors. */
    private static void closeStreams(Process netstat) {
        try {
            netstat.getOutputStream().close();
            netstat.getInputStream().close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static Process start() {
        ProcessBuilder builder = new ProcessBuilder(COMMAND).redirectErrorStream(true);
        // net-tools translates its headers and states too; English keeps error messages readable.
        builder.environment().put("LC_ALL", "C");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot tell which ports are listening: /proc/net/tcp is not read here and "
                    + String.join(" ", COMMAND) + " cannot be started: " + e.getMessage(), e);
        }
    }
}
