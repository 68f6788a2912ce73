package com.daynight.launcher;

import org.apache.catalina.Host;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * What the HTTP connector accepts from a client, set explicitly rather than left to defaults that differ
 * between Tomcat's embedded connector and its server.xml, and the container's own error answers stripped of
 * anything that helps an attacker. The numbers follow from the service's only input: two short form fields.
 */
final class HttpLimits {

    /** A submission is two fields of at most a few hundred bytes; 64 KB leaves room and no more. */
    static final int MAX_POST_BYTES = 64 * 1024;
    /**
     * After refusing a body (413), Tomcat reads and drops up to this much of the rest so that the client can
     * read the answer on a connection still in a clean state; a larger rest closes the connection instead.
     */
    static final int MAX_SWALLOW_BYTES = 256 * 1024;
    /** Request line and headers together; a longer URL or header is refused with 400. Tomcat's usual value. */
    static final int MAX_HEADER_BYTES = 8 * 1024;
    /**
     * How long a connection may stay silent: before its request line, between reads of a request, and idle
     * between requests. The embedded connector's default is 60 s; 20 s is the standard server.xml's.
     * It is a silence limit, not a deadline: a client that sends a byte every few seconds is not cut off by
     * it, but waits for those bytes without holding a request thread (NIO), and maxHttpHeaderSize ends it.
     */
    static final int CONNECTION_TIMEOUT_MILLIS = 20_000;
    /**
     * Silence allowed while a request body is being read (its headers have arrived, so a request thread waits
     * on it). Without disableUploadTimeout=false Tomcat waits for body bytes as long as for a new request; set
     * here explicitly so that a client that stops sending its body frees the thread after this long.
     */
    static final int UPLOAD_TIMEOUT_MILLIS = 20_000;
    /** The forms have two fields; many more is an attack on the parameter parser, not a submission. */
    static final int MAX_PARAMETERS = 100;

    private HttpLimits() {
    }

    static void apply(Connector connector) {
        connector.setMaxPostSize(MAX_POST_BYTES);
        connector.setMaxParameterCount(MAX_PARAMETERS);
        set(connector, "maxSwallowSize", MAX_SWALLOW_BYTES);
        set(connector, "maxHttpHeaderSize", MAX_HEADER_BYTES);
        set(connector, "connectionTimeout", CONNECTION_TIMEOUT_MILLIS);
        setText(connector, "disableUploadTimeout", "false");
        set(connector, "connectionUploadTimeout", UPLOAD_TIMEOUT_MILLIS);
        connector.setAllowTrace(false); // TRACE echoes the request, cookies included
        connector.setXpoweredBy(false);
    }

    /**
     * The Host's error report answers what never reaches the webapp's error pages (a malformed request line,
     * headers too large, an encoded path that climbs out of the root). By default it names Tomcat and its
     * version and may show an exception's message; here it gives the status line and the reason only.
     */
    static void hideServerDetails(Host host) {
        ErrorReportValve report = new ErrorReportValve();
        report.setShowReport(false);
        report.setShowServerInfo(false);
        host.getPipeline().addValve(report);
    }

    private static void set(Connector connector, String name, int value) {
        setText(connector, name, Integer.toString(value));
    }

    private static void setText(Connector connector, String name, String value) {
        if (!connector.setProperty(name, value)) {
            throw new IllegalStateException("the HTTP connector does not know the setting " + name);
        }
    }
}
