package ipc.queue;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.ArrayList;
import java.util.List;

/** Executors for both sides, a small bounded queue of strings, printf, and an empty string as the pill. */
public final class ProducerConsumer {

    private static final String PILL = "";

    public static void main(String[] args) throws Exception {
        int producers = Integer.parseInt(args[0]);
        int consumers = Integer.parseInt(args[1]);
        int items = Integer.parseInt(args[2]);
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(8);
        LongAdder total = new LongAdder();

        ExecutorService consuming = Executors.newFixedThreadPool(consumers);
        for (int c = 1; c <= consumers; c++) {
            final int me = c;
            consuming.submit(() -> {
                for (String item = queue.take(); !item.isEmpty(); item = queue.take()) {
                    System.out.printf("consumer %d got %s%n", me, item);
                    total.increment();
                }
                return null;
            });
        }
        ExecutorService producing = Executors.newFixedThreadPool(producers);
        List<Future<?>> made = new ArrayList<>();
        for (int p = 1; p <= producers; p++) {
            final int me = p;
            made.add(producing.submit(() -> {
                for (int n = 1; n <= items; n++) {
                    TimeUnit.MILLISECONDS.sleep(1);
                    queue.put(me + ":" + n);
                }
                return null;
            }));
        }
        for (Future<?> producer : made) {
            producer.get();
        }
        producing.shutdown();
        for (int c = 0; c < consumers; c++) {
            queue.put(PILL);
        }
        consuming.shutdown();
        consuming.awaitTermination(1, TimeUnit.MINUTES);
        System.out.printf("consumed %d%n", total.sum());
    }
}
