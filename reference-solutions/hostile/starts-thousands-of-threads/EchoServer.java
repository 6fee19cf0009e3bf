package ipc.echo;

/** Hostile: starts three thousand threads that never end, then never listens. */
public final class EchoServer {
    public static void main(String[] args) throws Exception {
        for (int i = 0; i < 3_000; i++) {
            Thread sleeper = new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    // keep the thread count up
                }
            });
            sleeper.start();
        }
        System.out.println("3000 threads started");
        Thread.sleep(Long.MAX_VALUE);
    }
}
