package ipc.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exercise {@code message-queue}: producer threads put numbered items on one blocking queue,
 * consumer threads take them off; a poison pill per consumer tells it that the work is done.
 */
public final class ProducerConsumer {

    private record Item(int producer, int number) {
    }

    /** Compared by identity: no real item is this object. */
    private static final Item POISON = new Item(0, 0);

    public static void main(String[] args) throws Exception {
        int producers = Integer.parseInt(args[0]);
        int consumers = Integer.parseInt(args[1]);
        int itemsPerProducer = Integer.parseInt(args[2]);
        BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
        AtomicInteger consumed = new AtomicInteger();

        List<Thread> consumerThreads = new ArrayList<>();
        for (int c = 1; c <= consumers; c++) {
            int consumer = c;
            consumerThreads.add(start("consumer-" + c, () -> {
                while (true) {
                    Item item = queue.take(); // blocks, using no CPU, while the queue is empty
                    if (item == POISON) {
                        return;
                    }
                    System.out.println("consumer " + consumer + " got " + item.producer() + ":" + item.number());
                    consumed.incrementAndGet();
                }
            }));
        }
        List<Thread> producerThreads = new ArrayList<>();
        for (int p = 1; p <= producers; p++) {
            int producer = p;
            producerThreads.add(start("producer-" + p, () -> {
                for (int n = 1; n <= itemsPerProducer; n++) {
                    Thread.sleep(1); // making an item takes a moment
                    queue.put(new Item(producer, n));
                }
            }));
        }
        for (Thread producer : producerThreads) {
            producer.join();
        }
        // Only now is every item on the queue, ahead of the pills: one pill for each consumer.
        for (int c = 0; c < consumers; c++) {
            queue.put(POISON);
        }
        for (Thread consumer : consumerThreads) {
            consumer.join();
        }
        System.out.println("consumed " + consumed.get());
    }

    private interface Work {
        void run() throws InterruptedException;
    }

    private static Thread start(String name, Work work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.start();
        return thread;
    }
}
