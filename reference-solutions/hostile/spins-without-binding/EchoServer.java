package ipc.echo;

/** Hostile: burns a core for ever and never listens on its port. */
public final class EchoServer {
    public static volatile long spins;

    public static void main(String[] args) {
        while (true) {
            spins++;
        }
    }
}
