package ipc.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShardTest {

    private static final List<String> CLASS = IntStream.range(0, 23).mapToObj(i -> String.format("student-%02d", i)).toList();

    @Test
    @DisplayName("the shards of a split hold every submission once, and each gets its share give or take one")
    void partition() {
        for (int count = 1; count <= 6; count++) {
            List<String> all = new ArrayList<>();
            for (int index = 1; index <= count; index++) {
                List<String> part = new Shard(index, count).of(CLASS);
                assertThat(part.size()).as("shard %d/%d", index, count).isBetween(CLASS.size() / count, CLASS.size() / count + 1);
                all.addAll(part);
            }
            assertThat(all).as("%d shards together", count).containsExactlyInAnyOrderElementsOf(CLASS).doesNotHaveDuplicates();
        }
    }

    @Test
    @DisplayName("the same shard of the same folder is the same submissions every time")
    void deterministic() {
        assertThat(Shard.parse("2/3").of(CLASS)).isEqualTo(Shard.parse(" 2 / 3 ").of(List.copyOf(CLASS)))
                .startsWith("student-01", "student-04");
    }

    @Test
    @DisplayName("--shard refuses what is not i/n with 1 <= i <= n, saying what it takes")
    void refusesNonsense() {
        for (String bad : List.of("0/3", "4/3", "1/0", "2", "a/b", "1/2/3", "")) {
            assertThatThrownBy(() -> Shard.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("i/n");
        }
    }
}
