package com.daynight.classify;

/**
 * The cheap first step of a two-step classifier: a model on the statistics alone decides when its calibrated
 * confidence reaches {@code confidence}; the model with the scene network decides the other pictures.
 */
public record Cascade(DayNightModel quick, double confidence) {

    public Cascade {
        if (!(confidence > 0.5)) {
            throw new IllegalArgumentException("a cascade's confidence threshold must be above 0.5, not " + confidence);
        }
    }

    public Cascade copy() {
        return new Cascade(quick.copy(), confidence);
    }
}
