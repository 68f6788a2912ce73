package com.daynight.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 written by hand on a socket, for requests no well-behaved client sends: malformed request lines,
 * paths a client would normalise, absurd headers, bodies that lie about their length.
 */
final class RawHttp {

    /** An answer: the status line's code (0 when the server closed without answering), headers and body. */
    record Answer(int status, String head, String body) {
        boolean hasHeader(String name) {
            return head.toLowerCase(Locale.ROOT).contains("\r\n" + name.toLowerCase(Locale.ROOT) + ":");
        }

        String all() {
            return head + "\r\n\r\n" + body;
        }
    }

    private RawHttp() {
    }

    /** Sends {@code request} as it is (ISO-8859-1 bytes) and reads until the server closes or goes quiet. */
    static Answer exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    /** A request line and the usual headers, closing the connection after the answer. */
    static String request(String method, String target, String... headers) {
        StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return request.append("Connection: close\r\n\r\n").toString();
    }

    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | SocketException stopped) {
            // what arrived so far is the answer
        }
        String text = received.toString(StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 4);
        int status = head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : 0;
        return new Answer(status, head, body);
    }
}
