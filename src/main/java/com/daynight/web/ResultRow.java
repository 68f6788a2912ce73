package com.daynight.web;

import com.daynight.service.ImageResult;
import java.util.Locale;

/** One result as the page shows it, a row or a picture; a bean with getters for the same reason as {@link ServiceView}. */
public final class ResultRow {

    private final long seq;
    private final ImageResult result;

    public ResultRow(long seq, ImageResult result) {
        this.seq = seq;
        this.result = result;
    }

    /** The result's Seq (its place in the listing): the n of its thumbnail's address. */
    public long getSeq() {
        return seq;
    }

    public String getImage() {
        return result.image();
    }

    public String getResult() {
        return result.result();
    }

    public String getError() {
        return result instanceof ImageResult.Failed failed ? failed.error() : null;
    }

    public boolean isFailed() {
        return result instanceof ImageResult.Failed;
    }

    /**
     * A percentage with one decimal, rounded down so that 0.9996 reads 99.9% and only a certain answer reads
     * 100%; empty for an error. The page script formats the rows it adds the same way.
     */
    public String getConfidence() {
        if (!(result instanceof ImageResult.Classified classified)) {
            return "";
        }
        double tenths = Math.floor(classified.confidence() * 1000 + 1e-9) / 10; // the epsilon keeps 0.971 at 97.1
        return tenths >= 100 ? "100%" : String.format(Locale.ROOT, "%.1f%%", tenths);
    }
}
