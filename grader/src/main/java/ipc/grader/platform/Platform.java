package ipc.grader.platform;

import ipc.grader.settings.RunSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the grader may read from the operating system, and the two switches that let Linux run the
 * code paths of the other systems, so that CI tests them on every change:
 * <ul>
 *   <li>{@value #PROPERTY}{@code =portable} turns off every source only Linux has (the kernel's
 *   socket tables in {@code /proc/net}, {@code /proc/<pid>}, the scheduler's per-thread statistics)
 *   and the process command lines Windows does not give, exactly as macOS and Windows lack them;</li>
 *   <li>{@value #LINE_SEPARATOR_PROPERTY}{@code =crlf} starts student JVMs with Windows line ends,
 *   as every Java program on Windows prints them.</li>
 * </ul>
 * Both are system properties of the grader's JVM ({@code java -Dsockgrader.platform=portable -jar
 * grader/target/sockgrader.jar ...}), and every report of a run they change names them, as it names
 * the time scale.
 */
public final class Platform {

    /** {@code native} (the default): whatever this system has; {@code portable}: only what every system has. */
    public static final String PROPERTY = RunSettings.PLATFORM;
    /** {@code native} (the default), {@code lf} or {@code crlf}: the line ends of student JVMs. */
    public static final String LINE_SEPARATOR_PROPERTY = RunSettings.STUDENT_LINE_SEPARATOR;

    private static final String OS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    private static final boolean PROC = Files.isReadable(Path.of("/proc/self/stat"));

    private Platform() {
    }

    /** Whether only what macOS and Windows have too may be used ({@value #PROPERTY}{@code =portable}). */
    public static boolean portable() {
        return portable(RunSettings.current().platform());
    }

    static boolean portable(String value) {
        return switch (value) {
            case "", "native" -> false;
            case "portable" -> true;
            default -> throw new IllegalArgumentException(PROPERTY + " must be native or portable, not '" + value + "'");
        };
    }

    /**
     * Whether the Linux {@code /proc} file system may be read: the kernel's socket tables, a
     * process's open files, threads and scheduler statistics.
     */
    public static boolean procFileSystem() {
        return PROC && !portable();
    }

    /**
     * Whether the JDK tells the command line of another process ({@code ProcessHandle.Info.commandLine()}):
     * Linux and macOS do, Windows does not.
     */
    public static boolean processCommandLines() {
        return !windows() && !portable();
    }

    /**
     * Whether a listening socket refuses connections past its accept backlog, instead of letting the
     * client retry as Linux and macOS do: Windows does, and the portable mode behaves as if it did.
     */
    public static boolean refusesPastBacklog() {
        return windows() || portable();
    }

    public static boolean windows() {
        return OS.startsWith("windows");
    }

    public static boolean macos() {
        return OS.startsWith("mac");
    }

    /** The line ends student JVMs are started with, when a switch sets them. */
    public static Optional<String> studentLineSeparator() {
        return lineSeparator(RunSettings.current().studentLineSeparator());
    }

    static Optional<String> lineSeparator(String value) {
        return switch (value) {
            case "", "native" -> Optional.empty();
            case "lf" -> Optional.of("\n");
            case "crlf" -> Optional.of("\r\n");
            default -> throw new IllegalArgumentException(LINE_SEPARATOR_PROPERTY + " must be native, lf or crlf, not '"
                    + value + "'");
        };
    }

    /**
     * The switches in force, for reports ({@code "portable platform, student line ends crlf"}), or
     * empty when none is.
     */
    public static String switches() {
        return switches(RunSettings.current().platform(), RunSettings.current().studentLineSeparator());
    }

    static String switches(String platform, String lineEnds) {
        List<String> on = new ArrayList<>();
        if (portable(platform)) {
            on.add("portable platform");
        }
        if (lineSeparator(lineEnds).isPresent()) {
            on.add("student line ends " + lineEnds);
        }
        return String.join(", ", on);
    }
}
