package ipc.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ipc.grader.batch.Shard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BatchOptionsTest {

    @Test
    @DisplayName("batch: the folder, --out, a shard, a time limit, and ./grade's options passed on to each grading")
    void batch() {
        BatchOptions options = BatchOptions.parse(new String[] {"batch", "subs", "--out", "graded", "--shard", "2/4",
                "--time-limit", "90", "--parallel", "3", "--exercise", "echo", "--jobs", "2"}, false);

        assertThat(options.inputs()).containsExactly(Path.of("subs"));
        assertThat(options.out()).isEqualTo(Path.of("graded"));
        assertThat(options.shard()).isEqualTo(new Shard(2, 4));
        assertThat(options.timeLimit()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.parallel()).isEqualTo(3);
        assertThat(options.gradeArguments()).containsExactly("--exercise", "echo", "--jobs", "2");
    }

    @Test
    @DisplayName("batch: each submission in a sandbox unless --no-sandbox")
    void sandbox() {
        assertThat(BatchOptions.parse(new String[] {"batch", "subs", "--out", "graded"}, false).sandbox()).isTrue();
        assertThat(BatchOptions.parse(new String[] {"batch", "subs", "--out", "graded", "--no-sandbox"}, false).sandbox())
                .isFalse();
    }

    @Test
    @DisplayName("merge: --out and the shards' folders, and nothing that only a batch takes")
    void merge() {
        BatchOptions options = BatchOptions.parse(new String[] {"merge", "--out", "class", "graded-1", "graded-2"}, true);
        assertThat(options.inputs()).containsExactly(Path.of("graded-1"), Path.of("graded-2"));

        assertThatThrownBy(() -> BatchOptions.parse(new String[] {"merge", "--out", "c", "g", "--shard", "1/2"}, true))
                .hasMessageContaining("merge takes only");
    }

    @Test
    @DisplayName("a wrong command line says what is wrong")
    void refusals() {
        for (List<String> args : List.of(List.of("batch", "subs"), List.of("batch", "--out", "x"),
                List.of("batch", "a", "b", "--out", "x"), List.of("batch", "s", "--out", "x", "--shard", "3/2"),
                List.of("batch", "s", "--out", "x", "--exercise", "nope"), List.of("batch", "s", "--out", "x", "--time-limit", "0"),
                List.of("merge", "--out", "x"), List.of("batch", "s", "--out", "x", "--frobnicate"))) {
            assertThatThrownBy(() -> BatchOptions.parse(args.toArray(String[]::new), args.get(0).equals("merge")))
                    .as(String.join(" ", args)).isInstanceOf(GradeOptions.UsageException.class).hasMessageNotContaining("null");
        }
    }
}
