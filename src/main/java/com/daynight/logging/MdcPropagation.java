package com.daynight.logging;

import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.MDC;

/**
 * Carries the logging context (the ServiceID) from the thread that hands work to a shared pool into the
 * pool thread that runs it, so a download's or a classification's log lines name their service too.
 */
public final class MdcPropagation {

    private MdcPropagation() {
    }

    /** Each task runs with the submitter's MDC; the pool thread's own is restored afterwards. */
    public static Executor of(Executor pool) {
        return task -> {
            Map<String, String> submitter = MDC.getCopyOfContextMap();
            pool.execute(() -> {
                Map<String, String> own = MDC.getCopyOfContextMap();
                replace(submitter);
                try {
                    task.run();
                } finally {
                    replace(own);
                }
            });
        };
    }

    private static void replace(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }
}
