package com.daynight.classify.training;

import com.daynight.classify.ImageDecodeException;
import com.daynight.classify.ImageFeatures;
import com.daynight.classify.Label;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The baseline the model must beat on any kind of photo: a picture is day when its mean brightness (luma, the
 * first statistic) reaches a threshold, the one that is right on the most training pictures. Written here: it
 * is one sort and one pass, and it must read the same statistics as the model.
 */
public record BrightnessThreshold(double threshold) {

    /** The first statistic is the luma mean (its signed root, which keeps the order). */
    private static final int LUMA_MEAN = 0;

    public static BrightnessThreshold fit(List<LabelledFeatures> examples) {
        double[] values = examples.stream().mapToDouble(example -> example.features()[LUMA_MEAN]).sorted().distinct()
                .toArray();
        double best = values.length == 0 ? 0 : values[0];
        long bestCorrect = -1;
        for (double candidate : values) {
            long correct = examples.stream().filter(example -> predict(example.features()[LUMA_MEAN], candidate)
                    == example.label()).count();
            if (correct > bestCorrect) {
                bestCorrect = correct;
                best = candidate;
            }
        }
        return new BrightnessThreshold(best);
    }

    public Label predict(double[] features) {
        return predict(features[LUMA_MEAN], threshold);
    }

    /** How the threshold does on labelled pictures, read with the statistics alone. */
    public ConfusionMatrix evaluate(List<LabelledImage> images, ImageFeatures statistics, PictureChange change) {
        ConfusionMatrix matrix = new ConfusionMatrix();
        for (LabelledImage image : images) {
            try {
                matrix.add(image.label(), predict(statistics.fromJpeg(change.apply(JpegFiles.readBytes(image.file())))));
            } catch (ImageDecodeException | IOException e) {
                matrix.addError(image.label());
            }
        }
        return matrix;
    }

    private static Label predict(double lumaMean, double threshold) {
        return lumaMean >= threshold ? Label.DAY : Label.NIGHT;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "mean brightness >= %.1f of 255", threshold * Math.abs(threshold) * 255);
    }
}
