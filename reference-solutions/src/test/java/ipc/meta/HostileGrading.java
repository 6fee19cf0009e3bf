package ipc.meta;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One hostile submission graded as {@code ./grade} grades it: {@code reference-solutions/hostile/<name>/EchoServer.java}
 * as the echo exercise, beside the reference tcp-ping-pong, by a grader JVM of its own with a 256 MiB
 * heap, its own temp folder and its own report folder. What it left behind is there to inspect.
 */
final class HostileGrading {

    static final Path HOSTILE = Repository.MODULE.resolve("hostile");
    /** Far more than any grading here takes (the slowest, about 13 s); reaching it is a failure. */
    static final Duration BOUND = Duration.ofSeconds(240);

    final String name;
    final Path folder;
    final Path submission;
    final Path tmp;
    final Path out;
    final Path log;
    /** When this grading was set up; a process started since then and marked as a hostile one is its. */
    private Instant started = Instant.now();
    private boolean finished;
    private int status = -1;
    private Duration took;

    private HostileGrading(String name, Path folder) {
        this.name = name;
        this.folder = folder;
        this.submission = folder.resolve("submission");
        this.tmp = folder.resolve("tmp");
        this.out = folder.resolve("out");
        this.log = folder.resolve("grade.log");
    }

    /** Prepares the submission in {@code folder}: the hostile echo server and the reference tcp-ping-pong. */
    static HostileGrading of(String name, Path folder) throws IOException {
        HostileGrading grading = new HostileGrading(name, folder);
        Path echo = Files.createDirectories(grading.submission.resolve("ipc/echo"));
        Files.copy(HOSTILE.resolve(name).resolve("EchoServer.java"), echo.resolve("EchoServer.java"));
        Path tcp = Files.createDirectories(grading.submission.resolve("ipc/tcp"));
        for (Path file : SecretLines.filesIn(Repository.REFERENCE.resolve("ipc/tcp"))) {
            Files.copy(file, tcp.resolve(file.getFileName()));
        }
        Files.createDirectories(grading.tmp);
        return grading;
    }

    /** Runs the grading to its end, or kills it at {@link #BOUND}; {@code more} are extra options (--sandbox). */
    HostileGrading run(String... more) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + tmp, "-Dsockgrader.home=" + Repository.ROOT,
                "ipc.grader.cli.GradeCommand", submission.toString(), "--exercise", "echo", "--exercise", "tcp-ping-pong",
                "--quiet", "--out", out.toString()));
        command.addAll(List.of(more));
        long start = System.nanoTime();
        Process grader = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        finished = grader.waitFor(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        took = Duration.ofNanos(System.nanoTime() - start);
        if (!finished) {
            grader.descendants().forEach(ProcessHandle::destroyForcibly);
            grader.destroyForcibly();
        } else {
            status = grader.exitValue();
        }
        return this;
    }

    boolean finished() {
        return finished;
    }

    int status() {
        return status;
    }

    Duration took() {
        return took;
    }

    String printed() throws IOException {
        return Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    JsonNode results() throws IOException {
        return new ObjectMapper().readTree(out.resolve("results.json").toFile());
    }

    /** The tests of results.json whose name starts with {@code exercise + ":"}. */
    List<JsonNode> tests(String exercise) throws IOException {
        List<JsonNode> tests = new ArrayList<>();
        results().get("tests").forEach(test -> {
            if (test.get("name").asText().startsWith(exercise + ":")) {
                tests.add(test);
            }
        });
        return tests;
    }

    /**
     * Processes of this grading still running, seen once things have had 10 s to end: any whose
     * command line names this grading's folder (student programs run from there), or carries a
     * hostile marker, or is a {@code sleep 3600} started since the grading began.
     */
    List<String> survivors() {
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> living().isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // returned below
        }
        return living().stream().map(process -> process.pid() + " " + process.info().commandLine().orElse("?")).toList();
    }

    /** Kills whatever {@link #survivors()} found, so one failed case does not leave the machine busy. */
    void killSurvivors() {
        living().forEach(ProcessHandle::destroyForcibly);
    }

    private List<ProcessHandle> living() {
        String path = folder.toString();
        return ProcessHandle.allProcesses().filter(process -> {
            String line = process.info().commandLine().orElse("");
            boolean recent = process.info().startInstant().map(start -> !start.isBefore(started.minusSeconds(1))).orElse(false);
            return process.isAlive() && (line.contains(path) || line.contains("sockgrader-hostile")
                    || recent && line.equals("sleep 3600"));
        }).toList();
    }

    /** Files the grader left in its temp folder: its workspaces and scratch folders must all be gone. */
    List<String> leftInTemp() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.map(path -> path.getFileName().toString()).filter(file -> file.startsWith("sockgrader-")).toList();
        }
    }

    /** Bytes of every report written, together. */
    long reportBytes() throws IOException {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
