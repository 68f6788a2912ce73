package com.daynight.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.classify.network.SceneNetwork;
import com.daynight.classify.training.CascadeStudy;
import com.daynight.classify.training.LabelledFeatures;
import com.daynight.classify.training.ModelTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DayNightClassifierTest {

    private static DayNightClassifier classifier;

    @BeforeAll
    static void trainTinyModel(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tiny.model");
        new ModelTrainer().train(TestPictures.brightAndDarkExamples(8)).save(file);
        classifier = DayNightClassifier.load(file);
    }

    @Test
    void classifiesJpegBytes() throws Exception {
        assertEquals(Label.DAY, classifier.classify(TestPictures.brightJpeg(50)).label());
        assertEquals(Label.NIGHT, classifier.classify(TestPictures.darkJpeg(50)).label());
    }

    @Test
    void passesDecodingFailuresOn() {
        assertThrows(ImageDecodeException.class, () -> classifier.classify(new byte[] {1, 2, 3}));
    }

    @Test
    void copiesWorkSideBySideOnTheirOwnThreads() throws Exception {
        List<byte[]> pictures = new ArrayList<>();
        List<Prediction> expected = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            byte[] picture = i % 2 == 0 ? TestPictures.brightJpeg(200 + i) : TestPictures.darkJpeg(200 + i);
            pictures.add(picture);
            expected.add(classifier.classify(picture));
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Prediction>>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                DayNightClassifier own = classifier.copy();
                runs.add(threads.submit(() -> {
                    List<Prediction> answers = new ArrayList<>();
                    for (int round = 0; round < 20; round++) {
                        for (byte[] picture : pictures) {
                            answers.add(own.classify(picture));
                        }
                    }
                    return answers;
                }));
            }
            for (Future<List<Prediction>> run : runs) {
                List<Prediction> answers = run.get();
                for (int i = 0; i < answers.size(); i++) {
                    assertEquals(expected.get(i % pictures.size()), answers.get(i));
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aCascadeLetsTheQuickModelDecideWhatItIsSureOfAndTheNetworkTheRest() throws Exception {
        try (SceneNetwork network = SceneNetwork.loadBundled()) {
            ImageFeatures withNetwork = ImageFeatures.withNetwork(network);
            List<LabelledFeatures> examples = new ArrayList<>();
            List<byte[]> pictures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                // Mid-grey pictures on both sides, so that the quick model is not sure of every picture.
                byte[] day = TestPictures.jpeg(TestPictures.noisy(96, 96, 120 + 10 * i, i));
                byte[] night = TestPictures.jpeg(TestPictures.noisy(96, 96, 40 + 10 * i, 100 + i));
                examples.add(new LabelledFeatures(withNetwork.fromJpeg(day), Label.DAY));
                examples.add(new LabelledFeatures(withNetwork.fromJpeg(night), Label.NIGHT));
                pictures.add(day);
                pictures.add(night);
            }
            DayNightModel full = new ModelTrainer().train(examples);
            DayNightModel quick = new ModelTrainer().train(CascadeStudy.firstFeatures(examples, 109));
            int quickly = 0;
            int byNetwork = 0;
            for (double threshold : new double[] {0.51, 0.9, 0.999}) {
                DayNightClassifier cascade = new DayNightClassifier(withNetwork, full,
                        Optional.of(new Cascade(quick, threshold)));
                for (int i = 0; i < pictures.size(); i++) {
                    double[] all = examples.get(i).features();
                    Prediction sure = quick.predict(java.util.Arrays.copyOf(all, 109));
                    Prediction expected = sure.confidence() >= threshold ? sure : full.predict(all);
                    assertEquals(expected, cascade.classify(pictures.get(i)), "picture " + i + " at " + threshold);
                    assertEquals(sure.confidence() >= threshold, cascade.decidedQuickly(java.util.Arrays.copyOf(all, 109)));
                    quickly += sure.confidence() >= threshold ? 1 : 0;
                    byNetwork += sure.confidence() >= threshold ? 0 : 1;
                }
            }
            assertTrue(quickly > 0 && byNetwork > 0, "both steps decided some: " + quickly + " / " + byNetwork);
            DayNightClassifier always = new DayNightClassifier(withNetwork, full);
            assertEquals(full.predict(examples.get(3).features()), always.classify(pictures.get(3)));
        }
    }

    @Test
    void refusesAModelOnOtherFeaturesAndACascadeWithoutTheNetwork() throws Exception {
        DayNightModel statistics = new ModelTrainer().train(TestPictures.brightAndDarkExamples(6));
        try (SceneNetwork network = SceneNetwork.loadBundled()) {
            assertThrows(IllegalArgumentException.class,
                    () -> new DayNightClassifier(ImageFeatures.withNetwork(network), statistics));
        }
        assertThrows(IllegalArgumentException.class, () -> new DayNightClassifier(ImageFeatures.standard(), statistics,
                Optional.of(new Cascade(statistics, 0.9))));
    }
}
