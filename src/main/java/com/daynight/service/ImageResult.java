package com.daynight.service;

/**
 * One entry of the results: result is "day", "night" or "error"; confidence is null for errors,
 * error is null unless result is "error".
 */
public record ImageResult(String image, String result, Double confidence, String error) {

    public static final String ERROR = "error";

    public static ImageResult classified(String image, String label, double confidence) {
        return new ImageResult(image, label, confidence, null);
    }

    public static ImageResult failed(String image, String error) {
        return new ImageResult(image, ERROR, null, error);
    }
}
