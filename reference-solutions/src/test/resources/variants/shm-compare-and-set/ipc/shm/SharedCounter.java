package ipc.shm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Lock-free: an atomic compare-and-set on the mapped bytes, retried until no other copy got in between. */
public final class SharedCounter {

    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    public static void main(String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer counter = channel.map(FileChannel.MapMode.READ_WRITE, 0, 8);
            long increments = Long.parseLong(args[1]);
            for (long i = 0; i < increments; i++) {
                long seen;
                do {
                    seen = (long) LONG.getVolatile(counter, 0);
                } while (!LONG.compareAndSet(counter, 0, seen, seen + 1));
            }
        }
    }
}
