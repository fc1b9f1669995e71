package ru.repitbot.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks a free loopback port for servers that cannot bind port 0 and report back. */
final class FreePort {

    private FreePort() {
    }

    static int resolve(int portOrZero) {
        if (portOrZero < 0 || portOrZero > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + portOrZero);
        }
        return portOrZero != 0 ? portOrZero : pick();
    }

    static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port", e);
        }
    }
}
