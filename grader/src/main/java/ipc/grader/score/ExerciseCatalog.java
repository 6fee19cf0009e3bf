package ipc.grader.score;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The graded exercises, in the order of the course (and of every report): the one list of them.
 * The command line checks {@code --exercise} against it, and the meta-tests check that each
 * exercise here is complete (suites, README with its points, mutants, reference and skeletons) and
 * that nothing of an exercise exists outside it. Adding an exercise starts here (README.md,
 * "Adding an exercise").
 */
public final class ExerciseCatalog {

    /**
     * Each exercise, in order, with the package of its programs as the catalogue names them
     * ({@code ipc.echo.EchoServer}); its graded suites live in the package of the same last name under
     * {@code ipc.grader.suites}.
     */
    private static final List<Map.Entry<String, String>> EXERCISES = List.of(
            Map.entry("pipe", "ipc.pipe"), Map.entry("udp-ping-pong", "ipc.udp"), Map.entry("tcp-ping-pong", "ipc.tcp"),
            Map.entry("echo", "ipc.echo"), Map.entry("sequential-echo", "ipc.echo"), Map.entry("threaded-echo", "ipc.echo"),
            Map.entry("framing", "ipc.framing"), Map.entry("http", "ipc.http"), Map.entry("chat", "ipc.chat"),
            Map.entry("fifo", "ipc.fifo"), Map.entry("unix-echo", "ipc.unix"), Map.entry("shared-memory", "ipc.shm"),
            Map.entry("message-queue", "ipc.queue"), Map.entry("selector-echo", "ipc.nio"));
    private static final List<String> IDS = EXERCISES.stream().map(Map.Entry::getKey).toList();
    private static final Map<String, String> PACKAGES = EXERCISES.stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private ExerciseCatalog() {
    }

    public static boolean contains(String id) {
        return IDS.contains(id);
    }

    /** Position in the catalogue, for sorting; unknown ids sort last. */
    public static int order(String id) {
        int index = IDS.indexOf(id);
        return index < 0 ? IDS.size() : index;
    }

    public static List<String> ids() {
        return IDS;
    }

    /** The package of exercise {@code id}'s programs, such as {@code ipc.echo}. */
    public static String sourcePackage(String id) {
        String sourcePackage = PACKAGES.get(id);
        if (sourcePackage == null) {
            throw new IllegalArgumentException("no exercise " + id);
        }
        return sourcePackage;
    }
}
