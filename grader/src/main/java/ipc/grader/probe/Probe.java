package ipc.grader.probe;

import ipc.grader.feedback.Text;
import ipc.grader.process.JavaLaunch;
import ipc.grader.process.ProgramArguments;
import ipc.grader.process.StudentProgram;
import ipc.grader.submission.Submission;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Unit-level checks of a library class from a submission (one with static methods rather than a
 * main), run in a JVM of their own: the student's code may hang, exit or flood, and the grader's
 * JVM must not share its fate. The probe JVM has the student's classes first on its classpath,
 * then the grader's probe class and Mockito, and nothing of the reference.
 *
 * <p>One run answers every scenario of a probe; the checks of a suite share it through
 * {@link Submission#shared}, so a submission pays one JVM start for all of them.
 */
public final class Probe {

    private static final String[] TOOLS = {
        "org.mockito.Mockito", "net.bytebuddy.ByteBuddy", "org.objenesis.Objenesis",
    };
    /**
     * Mockito's defaults attach an agent to the JVM, for its mock maker and again to call real
     * methods, and each attach writes a {@code byteBuddyAgent*.jar} into the temp folder that stays
     * there. Subclassing and plain reflection are enough to mock {@code InputStream}, attach
     * nothing and start faster. Key: the settings file; value: what it chooses.
     */
    private static final Map<String, String> MOCKITO_SETTINGS = Map.of(
            "mockito-extensions/org.mockito.plugins.MockMaker", "mock-maker-subclass",
            "mockito-extensions/org.mockito.plugins.MemberAccessor", "member-accessor-reflection");

    private Probe() {
    }

    /** Runs {@code probeMain} against {@code libraryClass} of {@code submission}, once per submission. */
    public static ProbeResults results(Submission submission, Class<?> probeMain, String libraryClass, int scenarios) {
        return submission.shared("probing " + libraryClass, () -> run(submission, probeMain, libraryClass, scenarios));
    }

    private static ProbeResults run(Submission submission, Class<?> probeMain, String libraryClass, int scenarios) {
        Path classes = submission.classesOf(libraryClass);
        String library = libraryClass.substring(libraryClass.lastIndexOf('.') + 1);
        long limit = Deadline.in(Waits.REPLY).remainingMillis();
        Path scratch = submission.newScratchFolder();
        String nonce = Long.toHexString(new SecureRandom().nextLong());
        try (StudentProgram probe = StudentProgram.of(new JavaLaunch(classpath(classes, settings(scratch), probeMain), probeMain.getName(),
                        library), ProgramArguments.of(limit))
                .inDirectory(scratch)) {
            probe.start();
            try (OutputStream stdin = probe.stdin()) {
                stdin.write((nonce + "\n").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // it died at once: reported below from its exit
            }
            Deadline deadline = Deadline.in(Waits.STARTUP.plus(Waits.REPLY.multipliedBy(scenarios)));
            try {
                probe.awaitExit(deadline, "it had run every scenario");
            } catch (AssertionError e) {
                // still running: what it reported so far counts, the rest is "not measured"
            }
            probe.close(); // drains its output
            return parse(library, nonce, probe);
        } finally {
            submission.deleteScratchFolder(scratch);
        }
    }

    private static ProbeResults parse(String library, String nonce, StudentProgram probe) {
        Map<String, Boolean> passed = new HashMap<>();
        Map<String, String> failures = new HashMap<>();
        Set<String> threw = new HashSet<>();
        // lines(), not split("\n"): a probe JVM on Windows ends its lines with \r\n.
        for (String line : probe.stdout().lines().toList()) {
            if (!line.startsWith(nonce + " ")) {
                continue;
            }
            String[] fields = line.substring(nonce.length() + 1).split(" ", 3);
            if (fields.length < 2 || passed.containsKey(fields[0])) {
                continue; // a result is reported once; a second line can only be forged
            }
            boolean pass = ProbeScenarios.PASS.equals(fields[1]);
            passed.put(fields[0], pass);
            if (!pass) {
                failures.put(fields[0], ProbeScenarios.unescape(fields.length > 2 ? fields[2] : "failed"));
            }
            if (ProbeScenarios.THREW.equals(fields[1])) {
                threw.add(fields[0]);
            }
        }
        return new ProbeResults(library, passed, failures, threw, probe.exitSummary(),
                probe.stderr().isBlank() ? "" : Text.indent(Text.cut(probe.stderr(), 2_000), "    | "));
    }

    /** A folder with Mockito's settings for the probe JVM. */
    private static Path settings(Path scratch) {
        Path folder = scratch.resolve("probe-settings");
        try {
            for (Map.Entry<String, String> setting : MOCKITO_SETTINGS.entrySet()) {
                Path file = folder.resolve(setting.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, setting.getValue() + "\n");
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the probe's settings: " + e.getMessage(), e);
        }
    }

    /** The student's classes first, then the probe's settings, then where the probe and its tools were loaded from. */
    private static List<Path> classpath(Path classes, Path settings, Class<?> probeMain) {
        Set<Path> entries = new LinkedHashSet<>();
        entries.add(classes);
        entries.add(settings);
        entries.add(JavaLaunch.codeSourceOf(probeMain));
        for (String tool : TOOLS) {
            try {
                // Found, not initialised: starting Mockito in the grader's JVM would cost a second for nothing.
                entries.add(JavaLaunch.codeSourceOf(Class.forName(tool, false, Probe.class.getClassLoader())));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("the grader is missing " + tool + ", which its probes need", e);
            }
        }
        return new ArrayList<>(entries);
    }
}
