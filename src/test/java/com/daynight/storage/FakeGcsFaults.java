package com.daynight.storage;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A fault that strikes a given number of requests: an HTTP error status, or an answer held back (a timeout). */
final class FakeGcsFaults {

    private final AtomicInteger left;
    private final int status;
    private final Duration stall;

    private FakeGcsFaults(int count, int status, Duration stall) {
        this.left = new AtomicInteger(count);
        this.status = status;
        this.stall = stall;
    }

    static FakeGcsFaults failing(int count, int status) {
        return new FakeGcsFaults(count, status, Duration.ZERO);
    }

    static FakeGcsFaults stalling(int count, Duration stall) {
        return new FakeGcsFaults(count, 0, stall);
    }

    /** True when this request was struck (and answered, or left hanging until the client gave up). */
    boolean strike(HttpExchange exchange) throws IOException {
        if (left.getAndDecrement() <= 0) {
            return false;
        }
        if (status != 0) {
            FakeGcsResponses.sendError(exchange, status, "FakeGcsServer: injected fault " + status);
            return true;
        }
        try {
            Thread.sleep(stall.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        FakeGcsResponses.sendError(exchange, 504, "FakeGcsServer: answered after the stall");
        return true;
    }
}
