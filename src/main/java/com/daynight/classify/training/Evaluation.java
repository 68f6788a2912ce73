package com.daynight.classify.training;

import com.daynight.classify.DayNightClassifier;
import com.daynight.classify.DayNightModel;
import com.daynight.classify.ImageDecodeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** How a classifier does on labelled pictures: the confusion matrix and the pictures it could not read. */
public record Evaluation(ConfusionMatrix matrix, List<ImageFailure> failures) {

    public static Evaluation of(DayNightClassifier classifier, List<LabelledImage> images) {
        return of(classifier, images, PictureChange.NONE);
    }

    /** With each picture changed first, e.g. shrunk to test small pictures. */
    public static Evaluation of(DayNightClassifier classifier, List<LabelledImage> images, PictureChange change) {
        ConfusionMatrix matrix = new ConfusionMatrix();
        List<ImageFailure> failures = new ArrayList<>();
        for (LabelledImage image : images) {
            try {
                matrix.add(image.label(), classifier.classify(change.apply(JpegFiles.readBytes(image.file()))).label());
            } catch (ImageDecodeException e) {
                matrix.addError(image.label());
                failures.add(new ImageFailure(image.file(), e.getMessage()));
            } catch (IOException e) {
                matrix.addError(image.label());
                failures.add(new ImageFailure(image.file(), "cannot read: " + e.getMessage()));
            }
        }
        return new Evaluation(matrix, List.copyOf(failures));
    }

    /** On feature vectors already extracted, e.g. the training accuracy. */
    public static ConfusionMatrix ofFeatures(DayNightModel model, List<LabelledFeatures> examples) {
        ConfusionMatrix matrix = new ConfusionMatrix();
        for (LabelledFeatures example : examples) {
            matrix.add(example.label(), model.predict(example.features()).label());
        }
        return matrix;
    }
}
