package ipc.queue;

/**
 * Exercise {@code message-queue}. See {@code exercises/message-queue/README.md}.
 *
 * <p>Usage: {@code java ipc.queue.ProducerConsumer <producers> <consumers> <items-per-producer>}
 */
public final class ProducerConsumer {

    public static void main(String[] args) throws Exception {
        int producers = Integer.parseInt(args[0]);
        int consumers = Integer.parseInt(args[1]);
        int itemsPerProducer = Integer.parseInt(args[2]);
        // TODO: make one BlockingQueue shared by every thread (for example a LinkedBlockingQueue).
        // TODO: start the consumer threads, numbered 1..consumers. Each takes items with take() (which
        //       waits without using the CPU) and prints "consumer <c> got <p>:<n>" for each one, until
        //       it takes a poison pill: then it stops.
        // TODO: start the producer threads, numbered 1..producers. Producer p makes the items
        //       p:1, p:2, ... p:itemsPerProducer in that order, sleeping 1 ms (Thread.sleep(1)) before
        //       each one, and puts them on the queue.
        // TODO: wait for every producer (join), then put one poison pill on the queue per consumer,
        //       wait for every consumer, and print "consumed <total>" as the last line.
        System.out.println("TODO: ProducerConsumer is not written yet (" + producers + " producers, " + consumers
                + " consumers, " + itemsPerProducer + " items each)");
    }
}
