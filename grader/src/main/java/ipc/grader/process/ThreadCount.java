package ipc.grader.process;

import ipc.grader.platform.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * How many threads a running program has, as the operating system counts them, never as the
 * program says. A JVM whose threads are counted starts every thread of its own with itself (see
 * {@link JavaLaunch#withSteadyJvmThreads()}), so a change in the count is the student's threads:
 * <ul>
 *   <li>Linux: the entries of {@code /proc/<pid>/task}, leaving out those the JVM names as its own;</li>
 *   <li>macOS: the lines of {@code ps -M -p <pid>}, one per thread under a header; the portable mode
 *   on Linux reads {@code ps -L -p <pid>}, which lists threads the same way;</li>
 *   <li>Windows: {@code (Get-Process -Id <pid>).Threads.Count} in PowerShell.</li>
 * </ul>
 */
public final class ThreadCount {

    private static final long COMMAND_TIMEOUT_SECONDS = 10;

    private ThreadCount() {
    }

    /** The threads of {@code pid} now, or empty when the process is gone or cannot be asked. */
    public static OptionalInt of(long pid) {
        if (Platform.procFileSystem()) {
            return fromProc(pid);
        }
        if (Platform.windows()) {
            return fromPowerShell(run(List.of("powershell", "-NoProfile", "-NonInteractive", "-Command",
                    "(Get-Process -Id " + pid + ").Threads.Count")));
        }
        return fromPsListing(run(List.of("ps", Platform.macos() ? "-M" : "-L", "-p", Long.toString(pid))));
    }

    /** What the count reads, for messages: "/proc/<pid>/task", "ps -M". */
    public static String source() {
        return Platform.procFileSystem() ? "/proc/<pid>/task" : Platform.windows() ? "PowerShell's Get-Process"
                : Platform.macos() ? "ps -M" : "ps -L";
    }

    static OptionalInt fromProc(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return OptionalInt.of((int) tasks.filter(task -> !isTheJvms(task)).count());
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    private static boolean isTheJvms(Path task) {
        try {
            return ThreadTurns.isTheJvms(Files.readString(task.resolve("comm")).strip());
        } catch (IOException e) {
            return true; // the thread ended while the list was read: not counted
        }
    }

    /** A {@code ps} listing of one process, a header then one line per thread; empty when the process is gone. */
    static OptionalInt fromPsListing(String listing) {
        if (listing == null) {
            return OptionalInt.empty();
        }
        long lines = listing.lines().filter(line -> !line.isBlank()).count();
        return lines < 2 ? OptionalInt.empty() : OptionalInt.of((int) lines - 1);
    }

    /** PowerShell's answer: a number alone, or nothing (and an error) when the process is gone. */
    static OptionalInt fromPowerShell(String output) {
        if (output == null || !output.strip().matches("\\d+")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(output.strip()));
    }

    /** The command's standard output, or null when it cannot run, fails or hangs. */
    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            // Read while it runs: a listing of a thousand threads is more than a pipe holds.
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
                try {
                    return process.getInputStream().readAllBytes();
                } catch (IOException e) {
                    return null;
                }
            });
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            byte[] bytes = out.get(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return process.exitValue() == 0 && bytes != null ? new String(bytes, StandardCharsets.UTF_8) : null;
        } catch (IOException | ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
