package ipc.grader.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KernelPollingTest {

    @Test
    @DisplayName("the first looks come quickly, then less often, never more than 20 ms apart")
    void backsOff() {
        assertThat(IntStream.rangeClosed(1, 8).mapToObj(KernelPolling::pauseBefore).map(Duration::toMillis))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 20L, 20L, 20L);
        assertThat(KernelPolling.pauseBefore(1_000_000)).isEqualTo(KernelPolling.LONGEST);
        assertThat(KernelPolling.schedule().next(3, Duration.ZERO)).isEqualTo(Duration.ofMillis(4));
    }
}
