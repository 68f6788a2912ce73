package com.daynight.service;

import java.time.Instant;

/**
 * One row of the services table with its progress; times are UTC instants, null until they happen.
 * {@code total} is null until the bucket has been listed. Counts are longs: a bucket may hold more than
 * 2^31 objects (db/V6__bigint_counters.sql).
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
        Long total) {
}
