package com.daynight.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class MdcPropagationTest {

    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() throws InterruptedException {
        MDC.clear();
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void eachTaskRunsWithTheServiceIdOfWhoeverSubmittedIt() throws Exception {
        var executor = MdcPropagation.of(pool);

        MDC.put("serviceId", "AAAAAAAA");
        var first = CompletableFuture.supplyAsync(() -> MDC.get("serviceId"), executor);
        MDC.put("serviceId", "BBBBBBBB");
        var second = CompletableFuture.supplyAsync(() -> MDC.get("serviceId"), executor);

        assertEquals("AAAAAAAA", first.get(5, TimeUnit.SECONDS));
        assertEquals("BBBBBBBB", second.get(5, TimeUnit.SECONDS));
    }

    @Test
    void thePoolThreadKeepsNoServiceIdAfterwards() throws Exception {
        MDC.put("serviceId", "AAAAAAAA");
        CompletableFuture.runAsync(() -> { }, MdcPropagation.of(pool)).get(5, TimeUnit.SECONDS);

        assertNull(pool.submit(() -> MDC.get("serviceId")).get(5, TimeUnit.SECONDS));
    }

    @Test
    void aSubmitterWithoutContextLeavesTheTaskWithoutOne() throws Exception {
        MDC.clear();
        assertNull(CompletableFuture.supplyAsync(() -> MDC.get("serviceId"), MdcPropagation.of(pool))
                .get(5, TimeUnit.SECONDS));
    }
}
