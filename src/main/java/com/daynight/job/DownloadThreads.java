package com.daynight.job;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that wait on the store. There are as many as downloads are running: the pipelines'
 * {@link FetchWindow}s decide how many that is (a handful over a local folder, hundreds behind a slow store),
 * so the pool itself sets no number; threads left idle for a minute end.
 */
public final class DownloadThreads {

    private static final long IDLE_SECONDS = 60;

    private DownloadThreads() {
    }

    public static ExecutorService pool() {
        AtomicInteger counter = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "download-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }
}
