package ipc.grader.net;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.time.TimeScale;
import ipc.grader.time.Waits;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated // reads the time scale, which TimeScaleTest changes
class PacedDeliveryTest {

    private static PacedDelivery delivering(LongSupplier delivered, boolean ended) {
        return new PacedDelivery() {
            @Override
            public long delivered() {
                return delivered.getAsLong();
            }

            @Override
            public boolean ended() {
                return ended;
            }
        };
    }

    private static long scaledNanos(Duration duration, double times) {
        return (long) (duration.toNanos() * times * TimeScale.factor());
    }

    @Test
    @DisplayName("waits through a step slower than the time the go-between gives a program to read a piece")
    void waitsThroughASlowStep() {
        long start = System.nanoTime();
        // The go-between waited out its CONSUME for a slow reader, then took a moment more to move on.
        long step = scaledNanos(Waits.CONSUME, 1.25);
        PacedDelivery slow = delivering(() -> System.nanoTime() - start >= step ? 2 : 1, false);

        slow.awaitDelivered(2);

        assertThat(slow.delivered()).as("bytes passed on when awaitDelivered returned").isEqualTo(2);
    }

    @Test
    @DisplayName("gives up on a go-between that stalls for good, after twice the time it gives a piece")
    void givesUpOnAStall() {
        long start = System.nanoTime();

        delivering(() -> 1, false).awaitDelivered(2);

        // Awaitility times its atMost itself, from a moment after start: it can end a few microseconds
        // short of twice CONSUME by this clock (3,999,918,066 ns of 4 s, seen once).
        long clockSlack = 5_000_000;
        assertThat(System.nanoTime() - start).as("nanoseconds waited")
                .isBetween(scaledNanos(Waits.CONSUME, 2) - clockSlack, scaledNanos(Waits.CONSUME, 4));
    }

    @Test
    @DisplayName("returns at once when the go-between has ended")
    void returnsWhenEnded() {
        long start = System.nanoTime();

        delivering(() -> 1, true).awaitDelivered(2);

        assertThat(System.nanoTime() - start).as("nanoseconds waited").isLessThan(scaledNanos(Waits.CONSUME, 0.5));
    }
}
