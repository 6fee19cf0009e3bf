package ipc.grader.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalDouble;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CpuYardstickTest {

    @Test
    @DisplayName("a yardstick spins until stopped, tells the share of a core it got, and its thread is gone")
    void spinsThenTellsItsShare() {
        CpuYardstick yardstick = CpuYardstick.start().orElseThrow();
        await("the yardstick's thread spinning").atMost(Duration.ofSeconds(10))
                .until(() -> threadCpuNanos("sockgrader-cpu-yardstick") > 20_000_000L);

        OptionalDouble share = yardstick.stop();

        assertThat(share).as("the share of a core it got").isPresent();
        assertThat(share.getAsDouble()).as("the share of a core it got").isBetween(0.001, 1.0);
        assertThat(threadCpuNanos("sockgrader-cpu-yardstick")).as("CPU of a yardstick thread still there").isEqualTo(-1);
    }

    /** The CPU time of the live thread named {@code name}, or -1 when there is none. */
    private static long threadCpuNanos(String name) {
        var threads = ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds())).filter(info -> info != null
                && info.getThreadName().equals(name)).mapToLong(info -> threads.getThreadCpuTime(info.getThreadId()))
                .filter(cpu -> cpu >= 0).max().orElse(-1);
    }
}
