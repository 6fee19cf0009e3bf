package ipc.grader.time;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.awaitility.pollinterval.FixedPollInterval;
import org.awaitility.pollinterval.PollInterval;

/**
 * The one way the grader waits for a condition: looked at in the waiting thread (so a wait adds no
 * thread of its own), first at once and then every so often, until it holds, until a reason to stop
 * early appears (the program it waits for has died), or until the deadline. Like Awaitility's
 * {@code ConditionFactory}, on which it is built, a {@code Poll} is an immutable set of settings;
 * each {@code with...} returns a new one.
 *
 * <pre>{@code
 * Poll.named("EchoServer to listen").every(KernelPolling.schedule()).stoppingWhen(() -> !program.isAlive())
 *     .until(deadline, () -> listening(port));     // MET, STOPPED or TIMED_OUT
 * }</pre>
 */
public final class Poll {

    /** How a wait ended. */
    public enum Outcome {
        /** The condition held. */
        MET,
        /** The reason to stop early appeared first. */
        STOPPED,
        /** The deadline passed first. */
        TIMED_OUT;

        public boolean met() {
            return this == MET;
        }
    }

    private static final PollInterval DEFAULT_INTERVAL = new FixedPollInterval(Duration.ofMillis(5));

    private final String alias;
    private final PollInterval interval;
    private final BooleanSupplier stopWhen;

    private Poll(String alias, PollInterval interval, BooleanSupplier stopWhen) {
        this.alias = alias;
        this.interval = interval;
        this.stopWhen = stopWhen;
    }

    /** A wait for what {@code alias} says ("EchoServer to listen"), every 5 ms, never stopping early. */
    public static Poll named(String alias) {
        return new Poll(alias, DEFAULT_INTERVAL, () -> false);
    }

    public Poll every(Duration pause) {
        return new Poll(alias, new FixedPollInterval(pause), stopWhen);
    }

    /** A schedule of its own, such as {@link KernelPolling#schedule()}. */
    public Poll every(PollInterval schedule) {
        return new Poll(alias, schedule, stopWhen);
    }

    /** Stops the wait as soon as {@code reason} holds, looked at before the condition each time. */
    public Poll stoppingWhen(BooleanSupplier reason) {
        return new Poll(alias, interval, reason);
    }

    /** Waits until {@code condition} holds, the reason to stop appears, or {@code deadline} passes. */
    public Outcome until(Deadline deadline, Callable<Boolean> condition) {
        try {
            factory(deadline).until(condition);
            return Outcome.MET;
        } catch (TerminalFailureException stopped) {
            return Outcome.STOPPED;
        } catch (ConditionTimeoutException late) {
            return Outcome.TIMED_OUT;
        }
    }

    /** Waits until {@code supplier}'s value matches {@code done}, and returns the last value seen. */
    public <T> T until(Deadline deadline, Callable<T> supplier, Predicate<? super T> done) {
        Object[] last = new Object[1];
        until(deadline, () -> {
            T value = supplier.call();
            last[0] = value;
            return done.test(value);
        });
        @SuppressWarnings("unchecked")
        T value = (T) last[0];
        return value;
    }

    private ConditionFactory factory(Deadline deadline) {
        return Awaitility.await(alias).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(interval)
                .atMost(deadline.remaining()).failFast(alias + ": stopped early", stopWhen::getAsBoolean);
    }
}
