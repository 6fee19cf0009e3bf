package ipc.fifo;

/**
 * Exercise {@code fifo}, a writer. See {@code exercises/fifo/README.md}.
 *
 * <p>Usage: {@code java ipc.fifo.FifoWriter <path> <message>...}
 */
public final class FifoWriter {

    public static void main(String[] args) throws Exception {
        String path = args[0];
        // TODO: open the named pipe at path for writing (StandardOpenOption.WRITE only: never create
        //       a regular file). If there is nothing at path, print a message on System.err and exit
        //       with status 1.
        // TODO: write every message (args[1], args[2], ...) followed by "\n", then close the pipe.
        System.out.println("TODO: FifoWriter is not written yet (" + path + ")");
    }
}
