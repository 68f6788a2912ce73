package com.daynight.classify.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.classify.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CascadeStudyTest {

    /**
     * The first value (the quick model's) tells the label only for the pictures far from 0; the second, which only
     * the full model reads, always tells it. So the quick model alone errs, the network alone does not, and a
     * cascade that sends the unsure pictures on does as well as the network for a fraction of the pictures.
     */
    private static List<LabelledFeatures> examples() {
        Random random = new Random(3);
        List<LabelledFeatures> examples = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            Label label = i % 2 == 0 ? Label.DAY : Label.NIGHT;
            double sign = label == Label.DAY ? 1 : -1;
            boolean clear = i % 4 < 2;
            double quick = clear ? sign * (2 + random.nextDouble()) : random.nextGaussian() * 0.3;
            double full = sign * (1 + random.nextDouble());
            examples.add(new LabelledFeatures(new double[] {quick, full}, label, i < 40 ? "a" : "b", ""));
        }
        return examples;
    }

    @Test
    void measuresEveryThresholdAndKeepsTheNetworkWhenACascadeIsOnlyAsGood() {
        SvmSettings linear = SvmSettings.linear(1);
        CascadeStudy.Result result = new CascadeStudy(5, 1).run(examples(), 1, linear, linear);
        assertEquals(CascadeStudy.THRESHOLDS.length, result.rows().size());
        CascadeStudy.Row quickAlone = result.rows().get(0);
        CascadeStudy.Row networkAlways = result.rows().get(result.rows().size() - 1);
        assertEquals(0.0, quickAlone.networkShare());
        assertEquals(1.0, networkAlways.networkShare());
        assertTrue(networkAlways.alwaysNetwork());
        assertTrue(quickAlone.matrix().accuracy() < 0.9, quickAlone.matrix().accuracyLine());
        assertEquals(1.0, networkAlways.matrix().accuracy());
        // A cascade that sends the unsure half on does as well, but no better: the network stays.
        assertTrue(result.rows().stream().anyMatch(row -> row.networkShare() < 1 && row.matrix().accuracy() == 1.0));
        assertTrue(result.chosen().alwaysNetwork(), result.chosen().toString());
        assertEquals(2, result.chosen().bySource().size());
    }

    @Test
    void aThresholdReplacesTheNetworkOnlyWhenRightOnMoreThanOneMorePicture() {
        CascadeStudy.Row network = row(1.01, 90, 1.0);
        CascadeStudy.Row onePictureBetter = row(0.99, 91, 0.8);
        assertEquals(network, CascadeStudy.choose(List.of(onePictureBetter, network)));
        CascadeStudy.Row twoBetter = row(0.98, 92, 0.6);
        CascadeStudy.Row twoBetterCheaper = row(0.95, 92, 0.4);
        CascadeStudy.Row threeBetterDearer = row(0.995, 93, 0.9);
        assertEquals(twoBetterCheaper, CascadeStudy.choose(List.of(twoBetter, twoBetterCheaper, network)));
        assertEquals(threeBetterDearer, CascadeStudy.choose(List.of(twoBetter, threeBetterDearer, twoBetterCheaper, network)));
    }

    /** A row with {@code correct} of 100 pictures right, all from one data set. */
    private static CascadeStudy.Row row(double threshold, int correct, double share) {
        ConfusionMatrix matrix = new ConfusionMatrix();
        for (int i = 0; i < 100; i++) {
            matrix.add(Label.DAY, i < correct ? Label.DAY : Label.NIGHT);
        }
        return new CascadeStudy.Row(threshold, matrix, java.util.Map.of("a", matrix), share);
    }

    @Test
    void theQuickModelReadsTheFirstValuesOnly() {
        List<LabelledFeatures> firsts = CascadeStudy.firstFeatures(examples(), 1);
        assertEquals(1, firsts.get(0).features().length);
        assertEquals(examples().get(5).features()[0], firsts.get(5).features()[0]);
        assertEquals("a", firsts.get(5).source());
    }
}
