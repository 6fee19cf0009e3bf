package ipc.grader.fault;

import java.time.Duration;
import java.util.Random;

/**
 * How the {@link CuttingProxy} re-cuts the bytes that pass through it in one direction: a plan
 * for where segment boundaries fall, so that a program that takes one read for one message fails
 * every time rather than on an unlucky day.
 *
 * <p>Where a cut says "each read before the next", the proxy sends a piece and waits until the
 * receiving program has taken it out of its socket, so the next piece cannot join it in one read.
 * Random cuts come from a fixed seed, shown in {@link #describe()}, so a failure can be replayed.
 */
public final class Cut {

    private static final int UNLIMITED = Integer.MAX_VALUE;

    private final String description;
    private final long seed;
    private final int smallest;
    private final int largest;
    private final boolean eachReadBeforeNext;
    private final Duration linger;
    private final Duration pause;

    private Cut(String description, long seed, int smallest, int largest, boolean eachReadBeforeNext,
            Duration linger, Duration pause) {
        this.description = description;
        this.seed = seed;
        this.smallest = smallest;
        this.largest = largest;
        this.eachReadBeforeNext = eachReadBeforeNext;
        this.linger = linger;
        this.pause = pause;
    }

    /** Passes bytes on as they are read, in the sizes the sender's writes arrived in. */
    public static Cut asSent() {
        return new Cut("as sent", 0, UNLIMITED, UNLIMITED, false, Duration.ZERO, Duration.ZERO);
    }

    /** Whether this cut changes nothing: bytes pass in the sizes they were written, without pauses. */
    public boolean isAsSent() {
        return smallest == UNLIMITED && largest == UNLIMITED && !eachReadBeforeNext && linger.isZero() && pause.isZero();
    }

    /** One byte per segment, each read by the receiver before the next goes out. */
    public static Cut oneBytePerSegment() {
        return new Cut("one byte per segment, each read before the next", 0, 1, 1, true, Duration.ZERO, Duration.ZERO);
    }

    /**
     * Pieces of a random size from 1 to {@code largest} bytes, drawn from {@code seed}, each read by
     * the receiver before the next goes out.
     */
    public static Cut randomPieces(long seed, int largest) {
        if (largest < 1) {
            throw new IllegalArgumentException("pieces hold at least one byte, not " + largest);
        }
        return new Cut("random pieces of 1 to " + largest + " bytes, each read before the next (seed " + seed + ")",
                seed, 1, largest, true, Duration.ZERO, Duration.ZERO);
    }

    /**
     * Gathers what the sender writes until it has been quiet for {@code linger}, then delivers it
     * all as one segment: several messages written one by one arrive in a single read.
     */
    public static Cut coalesced(Duration linger) {
        return new Cut("several writes joined into one segment", 0, UNLIMITED, UNLIMITED, false, linger, Duration.ZERO);
    }

    /** This cut, with a pause of {@code pause} after every piece: a slow network. */
    public Cut withPauses(Duration pause) {
        return new Cut(description + ", " + pause.toMillis() + " ms apart", seed, smallest, largest, eachReadBeforeNext,
                linger, pause);
    }

    /** For messages: what the proxy did to the stream, with the seed where there is one. */
    public String describe() {
        return description;
    }

    /** A fresh source of piece sizes; every connection gets the same sequence, so runs repeat. */
    PieceSizes pieceSizes() {
        Random random = new Random(seed);
        return () -> smallest == largest ? smallest : smallest + random.nextInt(largest - smallest + 1);
    }

    boolean eachReadBeforeNext() {
        return eachReadBeforeNext;
    }

    boolean coalesces() {
        return !linger.isZero();
    }

    Duration linger() {
        return linger;
    }

    Duration pause() {
        return pause;
    }

    @Override
    public String toString() {
        return describe();
    }

    /** The size of each next piece. */
    @FunctionalInterface
    interface PieceSizes {
        int next();
    }
}
