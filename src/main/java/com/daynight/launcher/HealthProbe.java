package com.daynight.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code java -jar daynight.jar health}: asks the service on this machine whether it is ready (/readyz) and
 * exits 0 if so, 1 if not. The container's HEALTHCHECK runs it, since slim images have no curl.
 */
final class HealthProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private HealthProbe() {
    }

    static int check(int port, PrintStream out) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                .timeout(TIMEOUT).build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            boolean ready = answer.statusCode() == 200;
            out.println((ready ? "ready " : "not ready ") + answer.statusCode() + " " + answer.body().strip());
            return ready ? 0 : 1;
        } catch (IOException e) {
            out.println("no answer on port " + port + ": " + e);
            return 1;
        }
    }
}
