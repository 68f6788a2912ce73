package com.daynight.job;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.UUID;

/**
 * Names this instance's claims in the database (ClaimedBy, at most 100 characters): a label (worker mode's
 * Cloud Run task, or empty), host, process and a random part for restarts.
 */
public final class InstanceName {

    private InstanceName() {
    }

    public static String of(String label) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        String pid = Long.toString(ManagementFactory.getRuntimeMXBean().getPid());
        String unique = "/" + pid + "/" + UUID.randomUUID().toString().substring(0, 8);
        String prefix = label.isEmpty() ? "" : label + "/";
        int room = Math.max(1, 100 - prefix.length() - unique.length());
        return prefix + (host.length() > room ? host.substring(0, room) : host) + unique;
    }
}
