package ipc.echo;

import java.util.ArrayList;
import java.util.List;

/** Hostile: allocates a mebibyte after another until no heap is left, and never listens. */
public final class EchoServer {
    public static void main(String[] args) {
        List<byte[]> hoard = new ArrayList<>();
        while (true) {
            hoard.add(new byte[1 << 20]);
        }
    }
}
