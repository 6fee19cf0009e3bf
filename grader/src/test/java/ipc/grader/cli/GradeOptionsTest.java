package ipc.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import ipc.grader.cli.GradeOptions.UsageException;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GradeOptionsTest {

    private static final Path HOME = Path.of("/course");

    private static GradeOptions parse(String... args) {
        return GradeOptions.parse(args, HOME);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertUsageError(String... args) {
        return assertThatThrownBy(() -> parse(args)).isInstanceOf(UsageException.class);
    }

    private static String parseRestoringTimeScale(String... args) {
        return String.valueOf(parse(args).settings().timeScale());
    }

    @Test
    @DisplayName("a path alone names the submission and leaves every option at its default")
    void pathAlone() {
        GradeOptions options = parse("students/alice");

        assertThat(options.submission()).isEqualTo(Path.of("students/alice"));
        assertThat(options.exercises()).isEmpty();
        assertThat(options.commands()).isEmpty();
        assertThat(options.out()).isNull();
        assertThat(options.quiet()).isFalse();
        assertThat(options.jobs()).isNull();
    }

    @Test
    @DisplayName("--reference grades the reference solutions of the instructor repository")
    void reference() {
        assertThat(parse("--reference").submission()).isEqualTo(Path.of("/course/reference-solutions"));
    }

    @Test
    @DisplayName("--sandbox asks for one; without it there is none")
    void sandbox() {
        assertThat(parse("--reference", "--sandbox").sandbox()).isTrue();
        assertThat(parse("--reference").sandbox()).isFalse();
    }

    @Test
    @DisplayName("--exercise can be given several times and keeps the order")
    void repeatedExercise() {
        assertThat(parse("--reference", "--exercise", "echo", "--exercise", "tcp-ping-pong").exercises())
                .containsExactly("echo", "tcp-ping-pong");
    }

    @Test
    @DisplayName("an exercise the catalogue does not have is a usage error")
    void unknownExercise() {
        assertUsageError("--reference", "--exercise", "ecco").hasMessageStartingWith("unknown exercise 'ecco'");
    }

    @Test
    @DisplayName("--command can be given several times and splits at the first equals sign")
    void repeatedCommand() {
        GradeOptions options = parse("--reference",
                "--command", "ipc.echo.EchoServer=python3 echo.py {port}",
                "--command", "ipc.tcp.TcpPongServer=node pong.js --mode=fast");

        assertThat(options.commands()).containsExactly(
                entry("ipc.echo.EchoServer", "python3 echo.py {port}"),
                entry("ipc.tcp.TcpPongServer", "node pong.js --mode=fast"));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"ipc.echo.EchoServer", "=python3 echo.py", "ipc.echo.EchoServer="})
    @DisplayName("--command without both MAIN and TEMPLATE is a usage error")
    void badCommand(String spec) {
        assertUsageError("--reference", "--command", spec).hasMessageContaining("--command takes MAIN=TEMPLATE");
    }

    @Test
    @DisplayName("--out names the folder for results.json")
    void out() {
        assertThat(parse("--reference", "--out", "results").out()).isEqualTo(Path.of("results"));
    }

    @Test
    @DisplayName("--jobs sets how many checks run at once")
    void jobs() {
        assertThat(parse("--reference", "--jobs", "8").jobs()).isEqualTo(8);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"0", "-2", "many"})
    @DisplayName("--jobs that is not a positive number is a usage error")
    void badJobs(String value) {
        assertUsageError("--reference", "--jobs", value)
                .hasMessage("--jobs takes a positive whole number, not '" + value + "'");
    }

    @Test
    @DisplayName("--jobs that is not a whole number is a usage error")
    void fractionalJobs() {
        assertUsageError("--reference", "--jobs", "2.5");
    }

    @Test
    @DisplayName("--quiet asks for the summary only")
    void quiet() {
        assertThat(parse("--quiet", "--reference").quiet()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--help", "-h"})
    @DisplayName("--help is a usage error without a message, so only the usage is shown")
    void help(String option) {
        assertUsageError("--reference", option).hasMessage(null);
    }

    @Test
    @DisplayName("two submissions are a usage error")
    void twoSubmissions() {
        assertUsageError("alice", "bob").hasMessage("one submission at a time: alice and bob");
        assertUsageError("--reference", "alice").hasMessageStartingWith("one submission at a time");
    }

    @Test
    @DisplayName("no submission at all is a usage error")
    void noSubmission() {
        assertUsageError("--quiet").hasMessage("name a submission folder, or --reference");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--exercise", "--command", "--out", "--jobs", "--time-scale"})
    @DisplayName("an option missing its value is a usage error")
    void missingValue(String option) {
        assertUsageError("--reference", option).hasMessage(option + " needs a value");
    }

    @Test
    @DisplayName("an unknown option is a usage error")
    void unknownOption() {
        assertUsageError("--reference", "--verbose").hasMessage("unknown option --verbose");
    }

    @Test
    @DisplayName("--time-scale sets the run's time scale")
    void timeScale() {
        assertThat(parseRestoringTimeScale("--reference", "--time-scale", "2.5")).isEqualTo("2.5");
    }

    @Test
    @DisplayName("--time-scale that is not a positive number is a usage error")
    void badTimeScale() {
        assertThatThrownBy(() -> parseRestoringTimeScale("--reference", "--time-scale", "0"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--time-scale takes a positive number, not '0'");
    }

    @Test
    @DisplayName("--time-scale NaN is a usage error")
    void nanTimeScale() {
        assertThatThrownBy(() -> parseRestoringTimeScale("--reference", "--time-scale", "NaN"))
                .isInstanceOf(UsageException.class);
    }
}
