package ipc.grader.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * One part of a batch split across the jobs of a CI matrix: {@code --shard 2/5} is the second of
 * five. Submissions are dealt round-robin in name order, so every job that sees the same folder
 * takes the same part, the parts never overlap, and together they hold every submission.
 *
 * @param index which part, from 1
 * @param count how many parts
 */
public record Shard(int index, int count) {

    /** The whole batch, unsplit. */
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is i/n with 1 <= i <= n, not " + index + "/" + count);
        }
    }

    /** Parses {@code i/n}. */
    public static Shard parse(String text) {
        String[] parts = text.split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--shard takes i/n, e.g. 2/5 for the second of five parts, not '" + text + "'");
    }

    /** This shard's part of {@code names}, which must be in the same order for every shard. */
    public List<String> of(List<String> names) {
        List<String> mine = new ArrayList<>();
        for (int i = index - 1; i < names.size(); i += count) {
            mine.add(names.get(i));
        }
        return mine;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
