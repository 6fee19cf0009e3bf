package ipc.grader.fault;

/** Which way bytes or datagrams travel through a proxy or relay. */
public enum Direction {
    /** From whoever connects to the proxy (or sends to the relay) towards the target. */
    REQUESTS,
    /** Back from the target. */
    RESPONSES
}
