package com.daynight.classify;

/** One training example: a picture's feature vector and its known label. */
public record LabelledFeatures(double[] features, String label) {
}
