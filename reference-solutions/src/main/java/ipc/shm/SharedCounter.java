package ipc.shm;

import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exercise {@code shared-memory}: one of several copies that add to one counter kept in a
 * memory-mapped file. The mapping is shared memory: every copy sees the same 8 bytes.
 */
public final class SharedCounter {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long increments = Long.parseLong(args[1]);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer counter = channel.map(FileChannel.MapMode.READ_WRITE, 0, Long.BYTES); // big-endian
            for (long i = 0; i < increments; i++) {
                // A FileLock is held by this process against the others; read, add and write under it,
                // or two copies read the same value and one of the two additions is lost.
                try (FileLock lock = channel.lock(0, Long.BYTES, false)) {
                    counter.putLong(0, counter.getLong(0) + 1);
                }
            }
        }
    }
}
