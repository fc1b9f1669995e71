package ru.repitbot.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Answers "is something listening there?" so callers prefer a real server and fall back to an embedded one. */
public final class Reachability {

    private Reachability() {
    }

    /** True when a TCP connection to {@code host:port} opens within {@code timeout}. */
    public static boolean tcp(String host, int port, Duration timeout) {
        if (port <= 0 || port > 65_535) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(Math.max(1, timeout.toMillis())));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
