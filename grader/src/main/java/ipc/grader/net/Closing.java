package ipc.grader.net;

import java.io.Closeable;
import java.io.IOException;

/**
 * Closing a socket, channel or pipe when a failure to close leaves nothing to do: it was never
 * bound, its peer is gone, or the process behind it has ended.
 */
public final class Closing {

    private Closing() {
    }

    /** Closes {@code resource}, if there is one, and ignores a failure to. */
    public static void quietly(Closeable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
