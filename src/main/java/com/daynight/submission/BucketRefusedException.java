package com.daynight.submission;

import com.daynight.storage.BucketUnavailableException;

/**
 * The bucket is missing, forbidden to the service's account, or not allowed to the submitter: answered alike
 * (404, field "bucket", one message), so that an answer never tells which buckets exist.
 */
public class BucketRefusedException extends ValidationException {
    public BucketRefusedException() {
        super(SubmissionValidator.BUCKET, BucketUnavailableException.USER_MESSAGE);
    }
}
