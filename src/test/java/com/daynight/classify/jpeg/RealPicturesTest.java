package com.daynight.classify.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The shared data sets (outside the repository) through the DC path, against ImageIO's full decode.
 * What the DC path refuses as worth a full decode goes to ImageIO averaged over the same blocks, as
 * the service does, and is counted.
 *
 * Bounds, mean absolute error per channel, worst channel of the worst picture:
 * EXACT (against the DC model of {@link Reference#dcModel}: chroma averaged over its own block):
 * looser than for the generated pictures because ImageIO's smooth chroma upsampling leaks a little
 * of each chroma block into its neighbours and saturated night lights clamp; AMOS observed max
 * 1.77, pexels 2.23 (all 100 of the fixed sample); bound 2.5.
 * PLAIN (against plain 8x8 RGB block means): the cost of replicated chroma (all 4:2:0 here) on real
 * pictures; AMOS observed max 5.6, pexels 18.2 (a close-up of confetti); bounds 8 and 20.
 * Pictures are turned by their EXIF orientation in both.
 */
class RealPicturesTest {

    private static final Path AMOS_TEST = Path.of("..", "shared", "datasets", "amos-day-night", "test");
    private static final Path PEXELS = Path.of("..", "shared", "datasets", "pexels-day-night", "train");
    private static final double EXACT = 2.5;
    /** The service's limit. */
    private static final long MAX_PIXELS = 100_000_000L;

    @Test
    void everyAmosTestPictureDecodesWithoutFallback() throws Exception {
        assumeTrue(Files.isDirectory(AMOS_TEST), "no AMOS pictures at " + AMOS_TEST.toAbsolutePath());
        Outcome outcome = check(jpegs(AMOS_TEST, Integer.MAX_VALUE), 8);
        assertTrue(outcome.pictures >= 100, "too few pictures: " + outcome.pictures);
        assertEquals(0, outcome.fallbacks, "AMOS pictures are plain baseline JPEGs");
    }

    @Test
    void aSampleOfPexelsPhotosDecodes() throws Exception {
        assumeTrue(Files.isDirectory(PEXELS), "no pexels pictures at " + PEXELS.toAbsolutePath());
        Outcome outcome = check(jpegs(PEXELS, 100), 20);
        assertEquals(100, outcome.pictures);
    }

    private record Outcome(int pictures, int fallbacks) {
    }

    private static Outcome check(List<Path> files, double plainBound) throws IOException, JpegException {
        DcJpegDecoder decoder = new DcJpegDecoder(MAX_PIXELS);
        int fallbacks = 0;
        double worstExact = 0;
        double worstPlain = 0;
        Path worstExactFile = null;
        Path worstPlainFile = null;
        for (Path file : files) {
            byte[] jpeg = Files.readAllBytes(file);
            BufferedImage actual;
            try {
                actual = decoder.decode(jpeg);
            } catch (JpegException e) {
                if (!e.worthAFullDecode()) {
                    throw e;
                }
                fallbacks++;
                actual = DcJpegDecoder.blockMeans(ImageIO.read(new ByteArrayInputStream(jpeg)), jpeg);
            }
            BufferedImage full = Reference.fullDecode(jpeg, Reference.Colours.RGB);
            int orientation = Orientation.read(jpeg);
            int[] chroma = Reference.chromaBlock(jpeg);
            double exact = Reference.max(Reference.meanAbsoluteError(actual,
                    Reference.dcModel(full, orientation, chroma[0], chroma[1])));
            double plain = Reference.max(Reference.meanAbsoluteError(actual, Reference.smallPicture(full, orientation)));
            if (exact > worstExact) {
                worstExact = exact;
                worstExactFile = file;
            }
            if (plain > worstPlain) {
                worstPlain = plain;
                worstPlainFile = file;
            }
        }
        System.out.printf(Locale.ROOT, "%d pictures, %d fallbacks, worst exact %.3f, worst plain %.3f%n", files.size(),
                fallbacks, worstExact, worstPlain);
        assertTrue(worstExact <= EXACT, worstExactFile + ": " + worstExact);
        assertTrue(worstPlain <= plainBound, worstPlainFile + ": " + worstPlain);
        return new Outcome(files.size(), fallbacks);
    }

    /** The JPEGs under a folder, sorted; a fixed-seed sample of {@code limit} of them when there are more. */
    static List<Path> jpegs(Path folder, int limit) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = new ArrayList<>(walk.filter(p -> p.toString().toLowerCase(Locale.ROOT).matches(".*\\.jpe?g"))
                    .sorted().toList());
        }
        if (files.size() > limit) {
            Collections.shuffle(files, new Random(20261124));
            files = files.subList(0, limit);
        }
        return files;
    }
}
