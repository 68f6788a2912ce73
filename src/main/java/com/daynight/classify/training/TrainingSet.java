package com.daynight.classify.training;

import com.daynight.classify.ImageDecodeException;
import com.daynight.classify.ImageFeatures;
import com.daynight.classify.Label;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The feature vectors of labelled pictures, and the pictures that could not be used. */
public record TrainingSet(List<LabelledFeatures> examples, List<ImageFailure> failures) {

    /** The examples carry {@code source} and, for timestamped webcam frames, their capture day as group. */
    public static TrainingSet extract(List<LabelledImage> images, ImageFeatures features, String source) {
        List<LabelledFeatures> examples = new ArrayList<>();
        List<ImageFailure> failures = new ArrayList<>();
        for (LabelledImage image : images) {
            try {
                examples.add(new LabelledFeatures(features.fromJpeg(JpegFiles.readBytes(image.file())), image.label(),
                        source, CaptureDay.of(image.file())));
            } catch (ImageDecodeException e) {
                failures.add(new ImageFailure(image.file(), e.getMessage()));
            } catch (IOException e) {
                failures.add(new ImageFailure(image.file(), "cannot read: " + e.getMessage()));
            }
        }
        return new TrainingSet(List.copyOf(examples), List.copyOf(failures));
    }

    public long count(Label label) {
        return examples.stream().filter(example -> example.label() == label).count();
    }
}
