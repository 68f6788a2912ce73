package com.daynight.classify.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.classify.ImageDecoder;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The DC picture of generated JPEG variants against ImageIO's full decode averaged over 8x8 blocks. */
class DcJpegDecoderTest {

    private static final int RGB = BufferedImage.TYPE_3BYTE_BGR;
    private static final int GREY = BufferedImage.TYPE_BYTE_GRAY;
    private static final JpegCorpus.Options PLAIN = JpegCorpus.Options.plain();

    /**
     * Bounds on the mean absolute error per channel (levels of 0..255).
     * FULL_CHROMA (grey, 4:4:4, RGB, CMYK): the DC term is the exact block mean of the coded samples;
     * what remains is ImageIO's rounding and clamping per pixel and the DC's own quantisation
     * rounding, well under one level; observed max 0.62, bound 1.0.
     * SUBSAMPLED: the chroma DC is the mean over 16 (or 32) pixels, replicated to every 8x8 luma
     * block it covers, while ImageIO upsamples chroma smoothly; on this busy test picture that
     * costs a few levels; observed max 2.9 (4:1:1 and 4:2:0 at 67x45), bound 4.0.
     */
    static final double FULL_CHROMA = 1.0;
    static final double SUBSAMPLED = 4.0;
    /** L1 distance between feature histograms (0..2); observed max 0.06, bound 0.12. */
    static final double FEATURES = 0.12;

    record Variant(String name, byte[] jpeg, boolean cmyk, int orientation, double bound) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Variant> variants() {
        List<Variant> all = new ArrayList<>();
        int[][] samplings = {{1, 1}, {2, 1}, {2, 2}, {1, 2}, {4, 1}, {4, 2}, {2, 4}};
        BufferedImage picture = JpegCorpus.picture(256, 192, RGB, 1);
        for (int[] s : samplings) {
            double bound = s[0] * s[1] == 1 ? FULL_CHROMA : SUBSAMPLED;
            String name = s[0] + "x" + s[1];
            all.add(variant(name, JpegCorpus.write(picture, PLAIN.sampling(s[0], s[1])), bound));
            all.add(variant(name + " progressive", JpegCorpus.write(picture, PLAIN.sampling(s[0], s[1]).progressively()), bound));
            all.add(variant(name + " restart 3", JpegCorpus.write(picture, PLAIN.sampling(s[0], s[1]).restart(3)), bound));
        }
        all.add(variant("1x1 restart 1", JpegCorpus.write(picture, PLAIN.restart(1)), FULL_CHROMA));
        all.add(variant("2x2 progressive restart 2", JpegCorpus.write(picture, PLAIN.sampling(2, 2).progressively().restart(2)), SUBSAMPLED));
        all.add(variant("2x2 quality 0.3", JpegCorpus.write(picture, PLAIN.sampling(2, 2).quality(0.3f)), SUBSAMPLED));
        all.add(variant("2x2 quality 0.3 progressive", JpegCorpus.write(picture, PLAIN.sampling(2, 2).quality(0.3f).progressively()), SUBSAMPLED));
        BufferedImage grey = JpegCorpus.picture(256, 192, GREY, 2);
        all.add(variant("grey", JpegCorpus.write(grey, PLAIN), FULL_CHROMA));
        all.add(variant("grey progressive", JpegCorpus.write(grey, PLAIN.progressively()), FULL_CHROMA));
        all.add(variant("grey restart 5", JpegCorpus.write(grey, PLAIN.restart(5)), FULL_CHROMA));
        for (int[] size : new int[][] {{67, 45}, {1, 1}, {9, 17}, {17, 9}}) {
            String name = size[0] + "x" + size[1] + " ";
            BufferedImage odd = JpegCorpus.picture(size[0], size[1], RGB, 3);
            all.add(variant(name + "4:4:4", JpegCorpus.write(odd, PLAIN), FULL_CHROMA));
            all.add(variant(name + "4:2:0", JpegCorpus.write(odd, PLAIN.sampling(2, 2)), SUBSAMPLED));
            all.add(variant(name + "4:2:0 progressive", JpegCorpus.write(odd, PLAIN.sampling(2, 2).progressively()), SUBSAMPLED));
            all.add(variant(name + "4:1:1 restart 2", JpegCorpus.write(odd, PLAIN.sampling(4, 1).restart(2)), SUBSAMPLED));
            all.add(variant(name + "grey", JpegCorpus.write(JpegCorpus.picture(size[0], size[1], GREY, 3), PLAIN), FULL_CHROMA));
        }
        all.add(variant("RGB (Adobe transform 0)", JpegCorpus.write(picture.getRaster(), PLAIN.adobe(0)), FULL_CHROMA));
        BufferedImage cmykPicture = JpegCorpus.picture(96, 72, RGB, 4);
        all.add(new Variant("CMYK", JpegCorpus.write(JpegCorpus.invertedCmyk(cmykPicture), PLAIN.adobe(0)), true, 1, FULL_CHROMA));
        all.add(new Variant("YCCK", JpegCorpus.write(JpegCorpus.invertedCmyk(cmykPicture), PLAIN.adobe(2)), true, 1, FULL_CHROMA));
        all.add(new Variant("CMYK progressive", JpegCorpus.write(JpegCorpus.invertedCmyk(cmykPicture),
                PLAIN.adobe(0).progressively()), true, 1, FULL_CHROMA));
        BufferedImage turned = JpegCorpus.picture(67, 45, RGB, 5);
        byte[] baseline = JpegCorpus.write(turned, PLAIN.sampling(2, 2));
        byte[] progressive = JpegCorpus.write(turned, PLAIN.sampling(2, 2).progressively());
        for (int orientation = 1; orientation <= 8; orientation++) {
            all.add(new Variant("orientation " + orientation, JpegCorpus.withOrientation(baseline, orientation),
                    false, orientation, SUBSAMPLED));
            all.add(new Variant("orientation " + orientation + " progressive",
                    JpegCorpus.withOrientation(progressive, orientation), false, orientation, SUBSAMPLED));
        }
        return all.stream();
    }

    private static Variant variant(String name, byte[] jpeg, double bound) {
        return new Variant(name, jpeg, false, 1, bound);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void matchesTheFullDecodeAveragedOverBlocks(Variant variant) throws Exception {
        BufferedImage expected = Reference.smallPicture(Reference.fullDecode(variant.jpeg(), variant.cmyk()),
                variant.orientation());
        // The DC path alone: a fallback would hide a gap in it.
        BufferedImage actual = DcJpegDecoder.decodeDc(variant.jpeg());
        assertEquals(BufferedImage.TYPE_INT_RGB, actual.getType());
        assertEquals(expected.getWidth(), actual.getWidth(), "width");
        assertEquals(expected.getHeight(), actual.getHeight(), "height");
        double error = Reference.max(Reference.meanAbsoluteError(actual, expected));
        double features = Reference.featureDistance(actual, expected);
        System.out.printf(Locale.ROOT, "%-32s MAE %.3f features %.3f%n", variant.name(), error, features);
        assertTrue(error <= variant.bound(), () -> variant.name() + ": mean absolute error " + error);
        assertTrue(features <= FEATURES, () -> variant.name() + ": feature distance " + features);
    }

    @Test
    void theFactoryGivesTheDcDecoderWithItsSize() throws Exception {
        byte[] jpeg = JpegCorpus.write(JpegCorpus.picture(256, 192, RGB, 9), PLAIN.sampling(2, 2));
        BufferedImage small = ImageDecoder.dcOnly().decode(jpeg);
        assertEquals(32, small.getWidth());
        assertEquals(24, small.getHeight());
    }
}
