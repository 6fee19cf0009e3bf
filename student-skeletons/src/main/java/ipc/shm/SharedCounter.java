package ipc.shm;

/**
 * Exercise {@code shared-memory}. See {@code exercises/shared-memory/README.md}.
 *
 * <p>Usage: {@code java ipc.shm.SharedCounter <file> <increments>} (several copies at once)
 */
public final class SharedCounter {

    public static void main(String[] args) throws Exception {
        String file = args[0];
        long increments = Long.parseLong(args[1]);
        // TODO: open the file (it exists, 8 bytes) with a FileChannel for READ and WRITE, and map its
        //       first 8 bytes: channel.map(FileChannel.MapMode.READ_WRITE, 0, 8). The counter is the
        //       long at offset 0, big-endian (a MappedByteBuffer's default order).
        // TODO: add 1 to the counter, increments times. Other copies of this program do the same at the
        //       same time: take a lock that works across processes (channel.lock(0, 8, false)) around
        //       each read-add-write, and read the counter from the mapping every time.
        System.out.println("TODO: SharedCounter is not written yet (" + file + ", " + increments + " increments)");
    }
}
