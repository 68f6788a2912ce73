package com.daynight.job;

/**
 * How many images one pipeline holds in flight (downloading, downloaded, being classified, done but waiting
 * for their turn in listing order), sized by Little's law so the classifiers never wait on the store: to keep
 * {@code workers} classifiers busy, each taking {@code s} per picture, while a download takes {@code l}, about
 * {@code workers / s x (l + s)} pictures must be on their way. {@code l} and {@code s} are measured as the
 * pictures go (moving averages), so the window grows within one round trip when the store is slow (30 ms, 100 ms
 * per GET) and stays at its floor when it is local. The queue in front of the classifiers is deliberately not
 * part of {@code s}: counting it would let a large window justify itself. The window never goes below its floor
 * nor above its ceiling, and the bytes of what it holds stay within the instance's {@link ByteBudget}.
 * <p>
 * Safe for the download and classifying threads that report to it; {@link #limit()} is read by the pipeline's
 * own thread.
 */
final class FetchWindow {

    /** More than the mean asks for: download times vary, and a late one holds back the ones after it. */
    private static final double HEADROOM = 1.5;
    /** Weight of each new measurement in the moving averages: about the last 20 pictures count. */
    private static final double WEIGHT = 0.05;

    private final int floor;
    private final int ceiling;
    private final int workers;
    private double downloadNanos = -1;
    private double classifyNanos = -1;
    private int downloading;
    private int mostDownloading;

    private FetchWindow(int floor, int ceiling, int workers) {
        if (floor < 1 || ceiling < floor || workers < 1) {
            throw new IllegalArgumentException("need 1 <= floor <= ceiling and workers >= 1, got: "
                    + floor + ", " + ceiling + ", " + workers);
        }
        this.floor = floor;
        this.ceiling = ceiling;
        this.workers = workers;
    }

    /** Always {@code size} in flight, whatever the store's latency. */
    static FetchWindow fixed(int size) {
        return new FetchWindow(size, size, 1);
    }

    /** From {@code floor} up to {@code ceiling} in flight, as latency and classifying time ask for. */
    static FetchWindow adaptive(int floor, int ceiling, int workers) {
        return new FetchWindow(floor, ceiling, workers);
    }

    /** The most images to hold in flight now. */
    synchronized int limit() {
        if (floor == ceiling || downloadNanos < 0 || classifyNanos < 0) {
            return floor;
        }
        double perClassifier = classifyNanos <= 0 ? 1 : classifyNanos;
        double needed = workers * (downloadNanos + perClassifier) / perClassifier * HEADROOM + workers;
        return (int) Math.max(floor, Math.min(ceiling, Math.ceil(needed)));
    }

    synchronized void downloadStarted() {
        downloading++;
        mostDownloading = Math.max(mostDownloading, downloading);
    }

    synchronized void downloadEnded(long nanos) {
        downloading--;
        downloadNanos = average(downloadNanos, nanos);
    }

    synchronized void classified(long nanos) {
        classifyNanos = average(classifyNanos, nanos);
    }

    /** The most downloads that ran at once since this window was made. */
    synchronized int mostDownloading() {
        return mostDownloading;
    }

    private static double average(double average, long sample) {
        return average < 0 ? sample : average + WEIGHT * (sample - average);
    }
}
