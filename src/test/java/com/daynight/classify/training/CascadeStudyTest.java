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
    void measuresEveryThresholdAndPrefersAccuracyThenFewerPicturesToTheNetwork() {
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
        CascadeStudy.Row chosen = result.chosen();
        assertEquals(1.0, chosen.meanSourceAccuracy());
        assertTrue(chosen.networkShare() < 1.0, "a cascade does as well for less: " + chosen);
        assertTrue(chosen.networkShare() >= 0.4, "the unsure half still goes to the network: " + chosen);
        assertEquals(2, chosen.bySource().size());
    }

    @Test
    void theQuickModelReadsTheFirstValuesOnly() {
        List<LabelledFeatures> firsts = CascadeStudy.firstFeatures(examples(), 1);
        assertEquals(1, firsts.get(0).features().length);
        assertEquals(examples().get(5).features()[0], firsts.get(5).features()[0]);
        assertEquals("a", firsts.get(5).source());
    }
}
