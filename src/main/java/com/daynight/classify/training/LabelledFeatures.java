package com.daynight.classify.training;

import com.daynight.classify.Label;

/**
 * One training example: a picture's feature vector, its known label, the data set it comes from
 * (weighted and scored separately by the model selection) and its cross-validation group (examples of
 * one group, e.g. webcam frames of one day, always share a fold; empty for none).
 */
public record LabelledFeatures(double[] features, Label label, String source, String group) {

    public LabelledFeatures(double[] features, Label label) {
        this(features, label, "", "");
    }
}
