package ipc.grader.suites.queue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code consumer <c> got <p>:<n>} lines of one run, and what is wrong with them: items never
 * consumed, items consumed twice, and items a consumer got out of their producer's order.
 */
final class ConsumedItems {

    private static final Pattern GOT = Pattern.compile("consumer (\\d+) got (\\d+):(\\d+)");
    private static final int SHOWN = 8;

    private final List<int[]> items = new ArrayList<>(); // consumer, producer, number

    private ConsumedItems() {
    }

    static ConsumedItems from(String output) {
        ConsumedItems consumed = new ConsumedItems();
        output.lines().map(String::strip).map(GOT::matcher).filter(Matcher::matches).forEach(m -> consumed.items.add(
                new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))}));
        return consumed;
    }

    /** Whether a {@code got} line for item {@code producer:number} was printed. */
    static boolean isGotLine(String line, int producer, int number) {
        Matcher m = GOT.matcher(line.strip());
        return m.matches() && Integer.parseInt(m.group(2)) == producer && Integer.parseInt(m.group(3)) == number;
    }

    int count() {
        return items.size();
    }

    /** Every way the run differs from "each item p:n, 1 <= p <= producers, 1 <= n <= perProducer, once". */
    List<String> problems(int producers, int perProducer) {
        Map<String, Integer> times = new HashMap<>();
        for (int[] item : items) {
            times.merge(item[1] + ":" + item[2], 1, Integer::sum);
        }
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int p = 1; p <= producers; p++) {
            for (int n = 1; n <= perProducer; n++) {
                if (!times.containsKey(p + ":" + n)) {
                    missing.add(p + ":" + n);
                }
            }
        }
        if (!missing.isEmpty()) {
            problems.add(missing.size() + " items never consumed: " + shown(missing));
        }
        List<String> doubled = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        times.forEach((item, count) -> {
            String[] parts = item.split(":");
            int p = Integer.parseInt(parts[0]);
            int n = Integer.parseInt(parts[1]);
            if (p < 1 || p > producers || n < 1 || n > perProducer) {
                unknown.add(item);
            } else if (count > 1) {
                doubled.add(item + " (" + count + " times)");
            }
        });
        if (!doubled.isEmpty()) {
            problems.add(doubled.size() + " items consumed more than once: " + shown(doubled));
        }
        if (!unknown.isEmpty()) {
            problems.add(unknown.size() + " items no producer made: " + shown(unknown));
        }
        problems.addAll(outOfOrder());
        return problems;
    }

    /** Within one consumer, a producer's items must come in the order they were made. */
    private List<String> outOfOrder() {
        Map<String, Integer> lastSeen = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (int[] item : items) {
            String key = "consumer " + item[0] + ", producer " + item[1];
            Integer previous = lastSeen.put(key, item[2]);
            if (previous != null && previous >= item[2]) {
                wrong.add(key + ": " + item[1] + ":" + item[2] + " after " + item[1] + ":" + previous);
            }
        }
        return wrong.isEmpty() ? List.of() : List.of(wrong.size() + " items out of their producer's order: " + shown(wrong));
    }

    private static String shown(List<String> list) {
        List<String> sorted = list.stream().sorted().toList();
        return sorted.size() <= SHOWN ? String.join(", ", sorted)
                : String.join(", ", sorted.subList(0, SHOWN)) + ", ... (" + (sorted.size() - SHOWN) + " more)";
    }
}
