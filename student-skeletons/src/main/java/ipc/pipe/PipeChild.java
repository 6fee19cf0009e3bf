package ipc.pipe;

/**
 * Exercise {@code pipe}, the child, started by {@link PipeParent}. See {@code exercises/pipe/README.md}.
 *
 * <p>Usage: started by PipeParent, not by hand
 */
public final class PipeChild {

    public static void main(String[] args) throws Exception {
        // TODO: print "hello from child <your pid>" (ProcessHandle.current().pid()) on System.out, and flush.
        // TODO: read one line from System.in: the parent's answer.
        // TODO: if a line came, print "Child got: <line>" on System.err and exit with status 0;
        //       if System.in ended first, print "Child got nothing" on System.err and exit with status 3.
        System.out.println("TODO: PipeChild is not written yet");
    }
}
