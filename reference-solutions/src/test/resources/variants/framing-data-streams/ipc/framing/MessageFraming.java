package ipc.framing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

public class MessageFraming {
    static final int LIMIT = 16 * 1024 * 1024;

    public static void writeMessage(OutputStream out, byte[] payload) throws IOException {
        if (payload.length > LIMIT) {
            throw new IllegalArgumentException("a payload of " + payload.length + " bytes does not fit in a frame");
        }
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(payload.length);
        data.write(payload);
        data.flush();
    }

    public static byte[] readMessage(InputStream in) throws IOException {
        int first = in.read();
        if (first == -1) {
            return null;
        }
        byte[] rest = new byte[3];
        new DataInputStream(in).readFully(rest);
        int length = first << 24 | (rest[0] & 0xff) << 16 | (rest[1] & 0xff) << 8 | (rest[2] & 0xff);
        if (length < 0 || length > LIMIT) {
            throw new IOException("refusing a frame of " + length + " bytes");
        }
        byte[] payload = in.readNBytes(length);
        if (payload.length != length) {
            throw new EOFException("frame cut after " + payload.length + " of " + length + " bytes");
        }
        return payload;
    }
}
