package com.daynight.service;

import java.time.Instant;

/**
 * One row of the services table with its progress; times are UTC instants, null until they happen.
 * {@code total} is the number of JPEGs listed so far (null before the first chunk is cut); until {@code listed}
 * (the listing reached the bucket's end) it is a lower bound: "at least n". Counts are longs:
 * a bucket may hold more than 2^31 objects.
 */
public record ServiceRecord(
        String serviceId,
        String userName,
        String bucket,
        Instant requestTime,
        Instant startTime,
        ServiceStatus status,
        Instant endTime,
        String error,
        long done,
        Long total,
        boolean listed) {

    /** A service whose total, when known, is final. */
    public ServiceRecord(String serviceId, String userName, String bucket, Instant requestTime, Instant startTime,
                         ServiceStatus status, Instant endTime, String error, long done, Long total) {
        this(serviceId, userName, bucket, requestTime, startTime, status, endTime, error, done, total, total != null);
    }

    /** Whether {@code total} is only what the listing found so far (the service runs, its bucket is not listed). */
    public boolean totalIsLowerBound() {
        return total != null && !listed && !status.isDone();
    }

    /**
     * What a finished service with no result means, said in words (the page and the JSON's Notice), so that an
     * empty bucket, or one of other files only, is not taken for a success at 100 %; null otherwise.
     */
    public String notice() {
        if (status != ServiceStatus.FINISHED || done > 0 || total != null && total > 0) {
            return null;
        }
        return NO_JPEGS;
    }

    public static final String NO_JPEGS = "The bucket holds no JPEG picture, so nothing was classified: it is empty,"
            + " or its objects are other files. Only objects whose name ends in .jpg or .jpeg (any case), or that"
            + " are stored as image/jpeg, are read.";
}
