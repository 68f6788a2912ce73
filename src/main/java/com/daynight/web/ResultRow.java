package com.daynight.web;

import com.daynight.service.ImageResult;
import java.util.Locale;

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

    /** Two decimals: the page is for reading; the JSON and CSV carry the full rounded value. */
    public String getConfidence() {
        return result.confidence() == null ? "" : String.format(Locale.ROOT, "%.2f", result.confidence());
    }
}
