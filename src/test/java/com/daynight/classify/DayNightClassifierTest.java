package com.daynight.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.daynight.classify.training.ModelTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
}
