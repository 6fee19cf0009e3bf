package ipc.grader.net;

/**
 * What a student client can be pointed at on 127.0.0.1: the grader's own server, or a proxy or
 * relay in front of one. A client is started with {@code 127.0.0.1 <port()>}.
 */
public interface ServerEndpoint {

    int port();
}
