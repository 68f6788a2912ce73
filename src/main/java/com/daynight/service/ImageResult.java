package com.daynight.service;

import com.daynight.classify.Label;

/** One entry of the results: the picture was classified, or it could not be (and why). */
public sealed interface ImageResult permits ImageResult.Classified, ImageResult.Failed {

    /** The {@code result} word of a failed entry, beside the labels' "day" and "night". */
    String ERROR = "error";

    /** The object's name in the bucket. */
    String image();

    /** The entry's {@code result} word in the document, the CSV and the database: "day", "night" or "error". */
    String result();

    /** {@code confidence}: the model's calibrated probability of its answer. */
    record Classified(String image, Label label, double confidence) implements ImageResult {
        @Override
        public String result() {
            return label.jsonName();
        }
    }

    /** {@code error}: why this picture has no answer, in words for the user. */
    record Failed(String image, String error) implements ImageResult {
        @Override
        public String result() {
            return ERROR;
        }
    }

    static ImageResult classified(String image, Label label, double confidence) {
        return new Classified(image, label, confidence);
    }

    static ImageResult failed(String image, String error) {
        return new Failed(image, error);
    }
}
