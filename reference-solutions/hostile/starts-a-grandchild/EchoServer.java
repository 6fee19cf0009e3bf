package ipc.echo;

/**
 * Hostile: starts processes of its own, one that stays its child and one that it orphans on
 * purpose (the shell that started it exits), then never listens.
 */
public final class EchoServer {
    public static void main(String[] args) throws Exception {
        new ProcessBuilder("/bin/sh", "-c", "sleep 3600; : sockgrader-hostile-child").start();
        new ProcessBuilder("/bin/sh", "-c", "(sleep 3600; : sockgrader-hostile-orphan) &").start().waitFor();
        System.out.println("grandchildren started");
        Thread.sleep(Long.MAX_VALUE);
    }
}
