package com.daynight.web;

import com.daynight.service.ImageResult;

/** One line of a service page's results table; a bean with getters for the same reason as {@link ServiceView}. */
public final class ResultRow {

    private final ImageResult result;

    public ResultRow(ImageResult result) {
        this.result = result;
    }

    public String getImage() {
        return result.image();
    }

    public String getResult() {
        return result.result();
    }

    public String getError() {
        return result.error();
    }

    public boolean isFailed() {
        return ImageResult.ERROR.equals(result.result());
    }

    /**
     * A whole percentage, as people read a model's certainty ("97%"); empty for an error. The JSON and CSV
     * carry the value itself. The page script formats the rows it adds the same way.
     */
    public String getConfidence() {
        return result.confidence() == null ? "" : Math.round(result.confidence() * 100) + "%";
    }
}
