package ipc.grader.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Limits a student process is started under, set by a shell that then becomes the program (same
 * pid, same command line once it runs): at most {@value #OPEN_FILES} open files, and, where a check
 * asks for one, a file-creation mask (a server that must set its files' mode itself is started
 * under a permissive one, so one that leaves the mode to the mask shows it on every run, whatever
 * the grader's own mask). A program that
 * grabs every port it can, one socket per port, then holds about two thousand of them instead of
 * all of the machine's, and the grader's own connections still find free ports. The exercises need a
 * few dozen, but selector-echo, which holds a thousand clients besides the JVM's own files. Memory is capped by the JVM options of {@link JavaLaunch}; threads cannot be capped
 * per process without root, and end with the process.
 */
final class ProcessLimits {

    static final int OPEN_FILES = 2048;

    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT)
            .startsWith("windows");

    private ProcessLimits() {
    }

    /**
     * {@code command}, started under the limits where a POSIX shell can set them, and under
     * {@code umask} (octal; null: the grader's own). Fails as starting the program itself would when
     * there is no such program: behind the shell, that would show only as an exit status of 127.
     */
    static List<String> applyTo(List<String> command, Path directory, String umask) throws IOException {
        if (WINDOWS) {
            return command;
        }
        String program = command.get(0);
        if (!findable(program, directory)) {
            throw new IOException("Cannot run program \"" + program + "\": no such file, or not executable");
        }
        List<String> limited = new ArrayList<>(List.of("/bin/sh", "-c",
                // A hard limit already lower is kept: ulimit fails, and the program runs under that one.
                "ulimit -n " + OPEN_FILES + " 2>/dev/null; " + (umask == null ? "" : "umask " + umask + " && ")
                        + "exec \"$@\"", "sockgrader-limits"));
        limited.addAll(command);
        return limited;
    }

    private static boolean findable(String program, Path directory) {
        if (program.contains("/")) {
            Path path = Path.of(program);
            return Files.isExecutable(path.isAbsolute() || directory == null ? path : directory.resolve(path));
        }
        String searched = System.getenv("PATH");
        return searched != null && Arrays.stream(searched.split(File.pathSeparator))
                .anyMatch(folder -> !folder.isEmpty() && Files.isExecutable(Path.of(folder, program)));
    }
}
