package ipc.grader.time;

import static ipc.grader.time.TimeScaleTest.withTimeScale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated // sets the JVM-wide time scale, which every deadline of a test running beside it would read
class DeadlineTest {

    @Test
    @DisplayName("a deadline of zero has expired, yet still leaves 1 ms, never 0 (which means forever)")
    void expiredDeadlineLeavesOneMillisecond() {
        Deadline deadline = Deadline.in(Duration.ZERO);

        assertThat(deadline.hasExpired()).isTrue();
        assertThat(deadline.remainingNanos()).isNotPositive();
        assertThat(deadline.remainingMillis()).isEqualTo(1);
        assertThat(deadline.remaining()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    @DisplayName("a renewed deadline keeps the budget, scaled once, and counts it from now")
    void renewedDeadlineCountsFromNow() {
        Deadline expired = withTimeScale("2", () -> Deadline.in(Duration.ofMillis(-1)));
        Deadline spent = withTimeScale("2", () -> Deadline.in(Duration.ofHours(1)));

        Deadline renewed = withTimeScale("5", spent::renewed);

        assertThat(renewed.budget()).isEqualTo(Duration.ofHours(2));
        assertThat(renewed.remaining()).isGreaterThan(Duration.ofMinutes(119));
        assertThat(expired.renewed().budget()).isEqualTo(Duration.ofMillis(-2));
    }

    @Test
    @DisplayName("a deadline long past still leaves 1 ms, not a negative time")
    void longExpiredDeadlineLeavesOneMillisecond() {
        Deadline deadline = Deadline.in(Duration.ofSeconds(-5));

        assertThat(deadline.hasExpired()).isTrue();
        assertThat(deadline.remainingNanos()).isNegative();
        assertThat(deadline.remainingMillis()).isEqualTo(1);
    }

    @Test
    @DisplayName("a far deadline has not expired and leaves at most its budget")
    void farDeadlineHasTimeLeft() {
        Deadline deadline = withTimeScale("1", () -> Deadline.in(Duration.ofHours(1)));

        assertThat(deadline.hasExpired()).isFalse();
        assertThat(deadline.remainingMillis()).isBetween(Duration.ofMinutes(59).toMillis(), Duration.ofHours(1).toMillis());
        // Two readings of a moving clock differ: compare each with bounds, never with each other.
        assertThat(deadline.remaining()).isGreaterThan(Duration.ofMinutes(59)).isLessThanOrEqualTo(Duration.ofHours(1));
    }

    @Test
    @DisplayName("a short deadline expires as time passes, then leaves 1 ms")
    void expiresAsTimePasses() {
        Deadline deadline = withTimeScale("1", () -> Deadline.in(Duration.ofMillis(300)));

        assertThat(deadline.hasExpired()).isFalse();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(deadline::hasExpired);
        assertThat(deadline.remainingMillis()).isEqualTo(1);
    }

    @Test
    @DisplayName("the budget and its description are the nominal duration at time scale 1")
    void describesTheBudget() {
        Deadline deadline = withTimeScale("1", () -> Deadline.in(Duration.ofSeconds(3)));

        assertThat(deadline.budget()).isEqualTo(Duration.ofSeconds(3));
        assertThat(deadline.describe()).isEqualTo("3 s");
    }

    @Test
    @DisplayName("the budget is stretched by the time scale")
    void stretchesTheBudget() {
        Deadline deadline = withTimeScale("2", () -> Deadline.in(Duration.ofMillis(1500)));

        assertThat(deadline.budget()).isEqualTo(Duration.ofSeconds(3));
        assertThat(deadline.describe()).isEqualTo("3 s");
        assertThat(deadline.remainingMillis()).isGreaterThan(1500);
    }
}
