package com.daynight.service;

import java.time.Instant;

/**
 * One row of the services table with its progress; times are UTC instants, null until they happen.
 * {@code total} is null until the bucket has been listed.
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
        int done,
        Integer total) {

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
