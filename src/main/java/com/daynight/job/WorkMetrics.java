package com.daynight.job;

import com.daynight.service.ImageResult;

/** What the workers report about each image as it is done, for the instance's metrics. */
public interface WorkMetrics {

    /** Reports nothing: benchmarks and tests that do not look at metrics. */
    WorkMetrics NONE = (result, nanos) -> { };

    /** One image is done, {@code nanos} after its download started; called on a classifying thread. */
    void imageDone(ImageResult result, long nanos);
}
