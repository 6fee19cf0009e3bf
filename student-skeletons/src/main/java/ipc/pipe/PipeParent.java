package ipc.pipe;

/**
 * Exercise {@code pipe}, the parent. See {@code exercises/pipe/README.md}.
 *
 * <p>Usage: {@code java ipc.pipe.PipeParent} (then type one line)
 */
public final class PipeParent {

    public static void main(String[] args) throws Exception {
        // TODO: start PipeChild as a second JVM: new ProcessBuilder(<java.home>/bin/java, "-cp",
        //       System.getProperty("java.class.path"), "ipc.pipe.PipeChild"), with
        //       redirectError(ProcessBuilder.Redirect.INHERIT) so the child's stderr shows on yours.
        // TODO: read the child's greeting, one line, from child.getInputStream() and print
        //       "Parent got: <greeting>" on System.out.
        // TODO: read one line from your own System.in (what the user types; the last line may have no
        //       "\n"). If there is one, write it and "\n" to child.getOutputStream() and flush.
        //       Then close child.getOutputStream() in every case: that is the child's end of input.
        // TODO: wait for the child (waitFor()) and exit with its exit status (System.exit(status)).
        System.out.println("TODO: PipeParent is not written yet");
    }
}
