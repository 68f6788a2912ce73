package com.daynight.launcher;

import java.net.InetSocketAddress;
import java.util.Map;
import org.apache.catalina.connector.Connector;

/**
 * Where /metrics is served: MANAGEMENT_PORT (unset: nowhere), on MANAGEMENT_BIND_ADDRESS (default 127.0.0.1,
 * so that a scraper on the same machine or in the same pod reaches it and the internet does not). Read by
 * the launcher, like PORT, because it opens the connector before the webapp exists.
 */
record ManagementPort(int port, String bindAddress) {

    static final ManagementPort NONE = new ManagementPort(-1, null);
    static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";

    static ManagementPort fromEnvironment(Map<String, String> env) {
        String port = env.get("MANAGEMENT_PORT");
        if (port == null || port.isBlank()) {
            return NONE;
        }
        int number;
        try {
            number = Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 0 || number > 65535) {
            throw new IllegalArgumentException("MANAGEMENT_PORT must be a port number from 0 to 65535, got: " + port);
        }
        String bind = env.get("MANAGEMENT_BIND_ADDRESS");
        return new ManagementPort(number, bind == null || bind.isBlank() ? DEFAULT_BIND_ADDRESS : bind.trim());
    }

    boolean enabled() {
        return port >= 0;
    }

    InetSocketAddress address() {
        return new InetSocketAddress(bindAddress, port);
    }

    /** A second HTTP connector with the same limits as the public one. */
    Connector connector() {
        Connector connector = new Connector();
        connector.setPort(port);
        if (!connector.setProperty("address", bindAddress)) {
            throw new IllegalStateException("the HTTP connector does not know the setting address");
        }
        HttpLimits.apply(connector);
        return connector;
    }

    @Override
    public String toString() {
        return bindAddress + ":" + port;
    }
}
