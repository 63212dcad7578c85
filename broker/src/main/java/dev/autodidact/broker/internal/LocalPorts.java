package dev.autodidact.broker.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Resolves port 0 to a port that is free on the loopback interface right now. */
public final class LocalPorts {

    private LocalPorts() {}

    /**
     * Returns {@code port} itself, or a free loopback port when it is 0.
     *
     * <p>The port is released before it is returned, so another process may take it first; for a broker that
     * binds it a moment later on a laptop or CI runner this race is rare enough.
     *
     * @param port a port, or 0 for any free one
     * @return a concrete port
     */
    public static int resolve(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [0, 65535]: " + port);
        }
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        }
    }
}
