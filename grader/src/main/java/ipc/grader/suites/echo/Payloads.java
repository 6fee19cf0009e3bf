package ipc.grader.suites.echo;

import java.util.SplittableRandom;

/** Payloads for echo checks, the same in every run. */
final class Payloads {

    /** Seed of the 1 MiB payload: fixed, so every run sends the same bytes. */
    static final long SEED = 20_261_122L;

    private Payloads() {
    }

    /** The bytes 0x00 to 0xff, in order. */
    static byte[] everyByteValue() {
        byte[] data = new byte[256];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        return data;
    }

    /** 1 MiB of pseudo-random bytes (every value, mostly invalid as UTF-8). */
    static byte[] mebibyte() {
        byte[] data = new byte[1 << 20];
        new SplittableRandom(SEED).nextBytes(data);
        return data;
    }
}
