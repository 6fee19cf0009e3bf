package ipc.fifo;

/**
 * Exercise {@code fifo}, the reader. See {@code exercises/fifo/README.md}.
 *
 * <p>Usage: {@code java ipc.fifo.FifoReader <path>}
 */
public final class FifoReader {

    public static void main(String[] args) throws Exception {
        String path = args[0];
        // TODO: if nothing exists at path, make a named pipe there: run the command "mkfifo <path>"
        //       (new ProcessBuilder("mkfifo", path)) and wait for it. If a named pipe is there, use it.
        // TODO: open the pipe for reading (this waits until a writer opens it) and, for every line,
        //       print "Received: <line>" on System.out.
        // TODO: readLine() returns null once every writer has closed the pipe: then delete the pipe
        //       and exit with status 0.
        System.out.println("TODO: FifoReader is not written yet (" + path + ")");
    }
}
