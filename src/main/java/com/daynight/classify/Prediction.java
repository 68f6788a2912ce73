package com.daynight.classify;

/** The model's answer for one image: day or night, and its calibrated probability. */
public record Prediction(Label label, double confidence) {
}
