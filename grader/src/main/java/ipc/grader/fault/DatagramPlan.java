package ipc.grader.fault;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * What a {@link DatagramRelay} does to each datagram: deliver it, drop it, send it twice, or hold
 * it back until the next one has gone (a swap). Datagrams are counted from 1 in each direction.
 * A plan is either explicit ({@code dropping(REQUESTS, 1)}: lose the first ping) or random from a
 * fixed seed, shown in {@link #describe()} so a failure can be replayed.
 */
public final class DatagramPlan {

    /** What happens to one datagram. */
    public enum Fate { DELIVER, DROP, DUPLICATE, SWAP_WITH_NEXT }

    /** The fates of numbered datagrams, by direction; never changed once the plan is made. */
    private final Map<Direction, Map<Integer, Fate>> explicit;
    private final Long seed;
    private final int dropPercent;
    private final int duplicatePercent;
    private final int swapPercent;

    private DatagramPlan(Map<Direction, Map<Integer, Fate>> explicit, Long seed, int dropPercent, int duplicatePercent,
            int swapPercent) {
        this.explicit = explicit;
        this.seed = seed;
        this.dropPercent = dropPercent;
        this.duplicatePercent = duplicatePercent;
        this.swapPercent = swapPercent;
    }

    private static Map<Direction, Map<Integer, Fate>> noExplicitFates() {
        Map<Direction, Map<Integer, Fate>> none = new EnumMap<>(Direction.class);
        for (Direction direction : Direction.values()) {
            none.put(direction, Collections.unmodifiableMap(new TreeMap<>()));
        }
        return Collections.unmodifiableMap(none);
    }

    /** Every datagram delivered once, in order. */
    public static DatagramPlan deliverAll() {
        return new DatagramPlan(noExplicitFates(), null, 0, 0, 0);
    }

    /** Each datagram, in both directions, dropped, doubled or swapped with the next by chance from {@code seed}. */
    public static DatagramPlan random(long seed, int dropPercent, int duplicatePercent, int swapPercent) {
        if (dropPercent < 0 || duplicatePercent < 0 || swapPercent < 0
                || (long) dropPercent + duplicatePercent + swapPercent > 100) {
            throw new IllegalArgumentException("percentages must be from 0 and add up to at most 100");
        }
        return new DatagramPlan(noExplicitFates(), seed, dropPercent, duplicatePercent, swapPercent);
    }

    /** Drops the datagrams numbered {@code numbers} (from 1) going {@code direction}. */
    public DatagramPlan dropping(Direction direction, int... numbers) {
        return with(direction, Fate.DROP, numbers);
    }

    /** Sends the datagrams numbered {@code numbers} going {@code direction} twice. */
    public DatagramPlan duplicating(Direction direction, int... numbers) {
        return with(direction, Fate.DUPLICATE, numbers);
    }

    /**
     * Holds each datagram numbered {@code numbers} back until the one after it has gone (or half a
     * second has passed with none); held datagrams in a row go out newest first.
     */
    public DatagramPlan swappingWithNext(Direction direction, int... numbers) {
        return with(direction, Fate.SWAP_WITH_NEXT, numbers);
    }

    /** A new plan: this one, with {@code fate} for the datagrams numbered {@code numbers} going {@code direction}. */
    private DatagramPlan with(Direction direction, Fate fate, int... numbers) {
        Map<Integer, Fate> fates = new TreeMap<>(explicit.get(direction));
        for (int number : numbers) {
            if (number < 1) {
                throw new IllegalArgumentException("datagrams are counted from 1, not " + number);
            }
            fates.put(number, fate);
        }
        Map<Direction, Map<Integer, Fate>> changed = new EnumMap<>(explicit);
        changed.put(direction, Collections.unmodifiableMap(fates));
        return new DatagramPlan(Collections.unmodifiableMap(changed), seed, dropPercent, duplicatePercent, swapPercent);
    }

    /** For messages: the plan in words, with the seed where there is one. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        explicit.forEach((direction, fates) -> fates.forEach((number, fate) -> parts.add(
                words(fate) + " " + (direction == Direction.REQUESTS ? "request" : "response") + " datagram " + number)));
        if (seed != null) {
            parts.add("dropped " + dropPercent + "%, doubled " + duplicatePercent + "%, swapped " + swapPercent
                    + "% of the datagrams at random (seed " + seed + ")");
        }
        return parts.isEmpty() ? "delivered every datagram" : String.join(", ", parts);
    }

    private static String words(Fate fate) {
        return switch (fate) {
            case DELIVER -> "delivered";
            case DROP -> "dropped";
            case DUPLICATE -> "doubled";
            case SWAP_WITH_NEXT -> "swapped with the next";
        };
    }

    /** A fresh decision source for one direction: the same plan always decides the same way. */
    Fates fates(Direction direction) {
        Map<Integer, Fate> fixed = Map.copyOf(explicit.get(direction));
        Random random = seed == null ? null : new Random(seed * 31 + direction.ordinal());
        return number -> {
            Fate fate = fixed.get(number);
            if (fate != null) {
                return fate;
            }
            if (random == null) {
                return Fate.DELIVER;
            }
            int roll = random.nextInt(100);
            if (roll < dropPercent) {
                return Fate.DROP;
            }
            if (roll < dropPercent + duplicatePercent) {
                return Fate.DUPLICATE;
            }
            return roll < dropPercent + duplicatePercent + swapPercent ? Fate.SWAP_WITH_NEXT : Fate.DELIVER;
        };
    }

    @Override
    public String toString() {
        return describe();
    }

    /** The fate of datagram {@code number} (from 1). */
    @FunctionalInterface
    interface Fates {
        Fate of(int number);
    }
}
