package ipc.grader.time;

import java.time.Duration;

/**
 * A point in time by which a wait must end. Every blocking step of the grader takes one, so no
 * wait is ever unbounded; the nominal duration is kept for messages ("nothing within 3 s").
 */
public final class Deadline {

    private final long endNanos;
    private final Duration budget;

    private Deadline(Duration budget) {
        this.budget = budget;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    /** A deadline {@code nominal} from now, stretched by the {@link TimeScale}. */
    public static Deadline in(Duration nominal) {
        return new Deadline(TimeScale.scaled(nominal));
    }

    /** A deadline with the same budget, counted from now: for a wait whose clock restarts on progress. */
    public Deadline renewed() {
        return new Deadline(budget);
    }

    public boolean hasExpired() {
        return remainingNanos() <= 0;
    }

    public long remainingNanos() {
        return endNanos - System.nanoTime();
    }

    /**
     * Whole milliseconds left, and never less than 1: a timeout of 0 means "wait forever" to
     * {@code Selector.select}, {@code Object.wait} and {@code Thread.join}, so an expired
     * deadline must still hand them a positive bound. Loops test {@link #hasExpired()}.
     */
    public long remainingMillis() {
        return Math.max(1, remainingNanos() / 1_000_000);
    }

    /** The time left, at least 1 ms (see {@link #remainingMillis()}). */
    public Duration remaining() {
        return Duration.ofMillis(remainingMillis());
    }

    /** The whole budget, as granted. */
    public Duration budget() {
        return budget;
    }

    /** The budget in words for messages, such as {@code "3 s"} or {@code "250 ms"}. */
    public String describe() {
        return Durations.describe(budget);
    }
}
