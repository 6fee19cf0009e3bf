package ipc.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private static String shown(Function<PrintStream, Progress> kind) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Progress progress = kind.apply(out);
        progress.begin(4, 1);
        progress.started();
        progress.started();
        progress.finished("alice", Outcome.GRADED, "212 / 214", Duration.ofMillis(4200));
        progress.finished("bob", Outcome.TIMED_OUT, "grading took longer than the limit of 300 s", Duration.ofSeconds(300));
        progress.end();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("in a CI log: a plain line per finished submission, no control characters")
    void plainLines() {
        assertThat(shown(Progress::plain)).contains("Grading 4 submissions (1 more unchanged since their last grading, kept)",
                "[1/4] alice: graded, 212 / 214 (4.2 s)", "[2/4] bob: timed out, grading took longer than the limit of 300 s (300.0 s)",
                "Graded 2 submissions in").doesNotContain("\r", "\033");
    }

    @Test
    @DisplayName("on a terminal: one bar redrawn in place, with done, running, failed and the time left; failures kept above it")
    void bar() {
        String shown = shown(Progress::bar);
        assertThat(shown).contains("\r\033[K[###############...............] 2/4 done, 0 running, 1 failed, ETA")
                .contains("bob: timed out, grading took longer").doesNotContain("alice: graded");
    }
}
