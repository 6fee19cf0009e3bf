package ipc.meta;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.feedback.FailureKind;
import ipc.grader.process.StudentProgram;
import ipc.grader.run.GradingRun;
import ipc.grader.score.CheckResult;
import ipc.grader.score.ExerciseCatalog;
import ipc.grader.score.GradeReport;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The two ends of the scale, graded once each with nothing else running, and what they leave
 * behind: the reference gets full marks, the skeletons get zero without waiting out a single
 * deadline, and afterwards no process, grader thread, socket or temp folder remains.
 */
@Isolated("counts this JVM's processes, threads and sockets, which other gradings would change")
class ReferenceAndSkeletonTest {

    private static final List<String> GRADED = ExerciseCatalog.ids();

    /** How a skeleton's checks fail: the program ended before doing anything, or its library method threw. */
    private static final Set<FailureKind> FAIL_FAST = EnumSet.of(FailureKind.EXITED_EARLY, FailureKind.EXIT_STATUS,
            FailureKind.THREW);

    private static Resources before;
    private static GradeReport reference;
    private static GradeReport skeleton;
    private static Resources after;

    @BeforeAll
    static void gradeBoth() throws IOException {
        // The JDK opens one socket of its own for good at the first use of a socket channel in a
        // JVM (the dispatcher's pre-close descriptor): opened here, it is in both counts, not only
        // in the one after the runs when this class runs first.
        SocketChannel.open().close();
        before = Resources.now();
        reference = GradingRun.of(Repository.REFERENCE).run();
        skeleton = GradingRun.of(Repository.SKELETONS).run();
        after = Resources.now();
    }

    @Test
    @DisplayName("the reference solutions get full marks on every graded exercise")
    void referenceGetsFullMarks() {
        assertThat(reference.byExercise().keySet()).as("graded exercises").containsExactlyInAnyOrderElementsOf(GRADED);
        assertThat(reference.checks()).as("checks the reference fails")
                .filteredOn(check -> !check.passed())
                // The whole message: what was sent and received tells a flaw in the check from a load.
                .extracting(check -> check.id() + " (took " + check.duration().toMillis() + " ms): " + check.message())
                .isEmpty();
        assertThat(reference.score()).isEqualTo(reference.maxScore()).isPositive();
    }

    @Test
    @DisplayName("the skeletons get zero, every check failing fast because the program is dead")
    void skeletonGetsZeroWithoutWaitingOutDeadlines() {
        assertThat(skeleton.maxScore()).isEqualTo(reference.maxScore());
        assertThat(skeleton.score()).isZero();
        // Fail fast: a skeleton exits at once (or its library method throws), and the grader must
        // notice rather than wait out a deadline. The kind says so, whatever the wording.
        assertThat(skeleton.checks())
                .as("skeleton checks that failed otherwise than by the program's early end or a thrown TODO")
                .filteredOn(check -> !FAIL_FAST.contains(check.kind()) || !check.reason().contains("TODO:"))
                .extracting(check -> check.id() + " (" + check.kind() + "): " + check.reason())
                .isEmpty();
    }

    @Test
    @DisplayName("a skeleton's failure shows what it printed, so a student sees their own TODO")
    void skeletonFailureShowsTheProgramOutput() {
        assertThat(skeleton.checks()).extracting(CheckResult::message)
                .allMatch(message -> message.contains("TODO:") && message.contains("Hint:"));
    }

    @Test
    @DisplayName("after grading, no student process, grader thread, socket or temp folder is left")
    void nothingIsLeftBehind() {
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(StudentProgram.running()).as("student programs still running").isZero();
        soft.assertThat(after.childProcesses).as("child processes of the grader").isEmpty();
        soft.assertThat(after.graderThreads).as("grader threads").isEmpty();
        soft.assertThat(after.sockets).as("open sockets (before the runs: %s)", before.sockets)
                .isLessThanOrEqualTo(before.sockets);
        soft.assertThat(after.tempFolders).as("sockgrader temp folders").isSubsetOf(before.tempFolders);
        soft.assertAll();
    }

    /** What this JVM holds at one moment. */
    private record Resources(List<String> childProcesses, List<String> graderThreads, long sockets, Set<String> tempFolders) {

        static Resources now() throws IOException {
            List<String> children = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                    .map(process -> process.pid() + " " + process.info().commandLine().orElse("?")).toList();
            List<String> threads = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.isAlive() && thread.getName().startsWith("sockgrader-"))
                    .map(Thread::getName).toList();
            return new Resources(children, threads, countSockets(), listTempFolders());
        }

        private static long countSockets() throws IOException {
            Path fds = Path.of("/proc/self/fd");
            if (!Files.isDirectory(fds)) {
                return 0;
            }
            try (Stream<Path> links = Files.list(fds)) {
                return links.filter(link -> {
                    try {
                        return Files.readSymbolicLink(link).toString().startsWith("socket:");
                    } catch (IOException e) {
                        return false; // closed while listing
                    }
                }).count();
            }
        }

        private static Set<String> listTempFolders() throws IOException {
            try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                return files.map(file -> file.getFileName().toString())
                        .filter(name -> name.startsWith("sockgrader-")).collect(Collectors.toSet());
            }
        }
    }
}
