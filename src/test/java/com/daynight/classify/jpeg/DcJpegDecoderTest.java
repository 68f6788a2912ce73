package com.daynight.classify.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The DC picture of generated JPEG variants against ImageIO's full decode averaged over 8x8 blocks. */
class DcJpegDecoderTest {

    private static final int RGB = BufferedImage.TYPE_3BYTE_BGR;
    private static final int GREY = BufferedImage.TYPE_BYTE_GRAY;
    private static final JpegCorpus.Options PLAIN = JpegCorpus.Options.plain();

    /**
     * Bounds on the mean absolute error per channel (levels of 0..255, worst channel), against two
     * references computed from ImageIO's full decode (see {@link Reference}).
     *
     * EXACT, against a model of what the DC coefficients hold: luma averaged over the 8x8 block,
     * chroma over the chroma block (16x16 for 4:2:0), edge pixels replicated into partial blocks as
     * libjpeg pads them, CMYK channels averaged before the (non-linear) conversion. What is left is
     * ImageIO's per-pixel rounding and clamping and the DC's own quantisation. Observed max 0.89
     * (1.0 for 1x1 pictures: one rounding), bound 1.5. Exception, EXACT_TINY: 4:2:0 pictures of a
     * few blocks (9x17, 17x9), where ImageIO's smooth chroma upsampling mixes the two or three
     * chroma blocks of unrelated colour into each other; observed max 8.7, bound 10.
     *
     * PLAIN, against plain 8x8 RGB block means (what "mean colour of the block" says). Grey, 4:4:4 and
     * RGB are as close as above: bound 1.5 (observed max 0.56). CMYK: the product C'K' of means is not
     * the mean of the products; observed 2.15, bound 2.5. Subsampled chroma: the DC path replicates a
     * chroma mean over 16 or 32 pixels to every 8x8 block it covers while the full decode keeps the
     * chroma detail; on this picture (saturated shapes of random colours) that costs several levels:
     * observed max 9.5 (4:2 sampling) on the 256x192 picture, bound 10. Small subsampled pictures are
     * dominated by that effect (observed up to 54 at 17x9) and are held to EXACT only.
     */
    static final double EXACT = 1.5;
    static final double EXACT_TINY = 10;
    static final double FULL_CHROMA = 1.5;
    static final double CMYK = 2.5;
    static final double SUBSAMPLED = 10;
    static final double UNCHECKED = Double.POSITIVE_INFINITY;
    /**
     * The largest difference of one feature value (each in [-1, 1]) between the DC picture and the plain
     * block means, for the 256x192 pictures. Most values are square roots of pixel shares, so a share
     * that moves from 0 to 4 of 768 pixels already costs 0.07. Observed max 0.207, bound 0.3.
     */
    static final double FEATURES = 0.3;
    /** The service's limit; these pictures are far below it. */
    static final long MAX_PIXELS = 100_000_000L;

    record Variant(String name, byte[] jpeg, Reference.Colours colours, int orientation, int chromaWidth,
            int chromaHeight, double exactBound, double plainBound) {
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
            String name = s[0] + "x" + s[1];
            all.add(variant(name, JpegCorpus.write(picture, PLAIN.sampling(s[0], s[1])), s));
            all.add(variant(name + " progressive", JpegCorpus.write(picture, PLAIN.sampling(s[0], s[1]).progressively()), s));
            all.add(variant(name + " restart 3", JpegCorpus.write(picture, PLAIN.sampling(s[0], s[1]).restart(3)), s));
        }
        int[] full = {1, 1};
        int[] quarter = {2, 2};
        all.add(variant("1x1 restart 1", JpegCorpus.write(picture, PLAIN.restart(1)), full));
        all.add(variant("2x2 progressive restart 2", JpegCorpus.write(picture, PLAIN.sampling(2, 2).progressively().restart(2)), quarter));
        all.add(variant("2x2 quality 0.3", JpegCorpus.write(picture, PLAIN.sampling(2, 2).quality(0.3f)), quarter));
        all.add(variant("2x2 quality 0.3 progressive", JpegCorpus.write(picture, PLAIN.sampling(2, 2).quality(0.3f).progressively()), quarter));
        BufferedImage grey = JpegCorpus.picture(256, 192, GREY, 2);
        all.add(variant("grey", JpegCorpus.write(grey, PLAIN), full));
        all.add(variant("grey progressive", JpegCorpus.write(grey, PLAIN.progressively()), full));
        all.add(variant("grey restart 5", JpegCorpus.write(grey, PLAIN.restart(5)), full));
        for (int[] size : new int[][] {{67, 45}, {1, 1}, {9, 17}, {17, 9}}) {
            String name = size[0] + "x" + size[1] + " ";
            BufferedImage odd = JpegCorpus.picture(size[0], size[1], RGB, 3);
            all.add(variant(name + "4:4:4", JpegCorpus.write(odd, PLAIN), full));
            // A few blocks of unrelated colours: see EXACT_TINY (4:1:1 is upsampled by replication, no mixing).
            double exact420 = size[0] * size[1] > 1 && size[0] * size[1] < 400 ? EXACT_TINY : EXACT;
            all.add(small(name + "4:2:0", JpegCorpus.write(odd, PLAIN.sampling(2, 2)), quarter, exact420));
            all.add(small(name + "4:2:0 progressive", JpegCorpus.write(odd, PLAIN.sampling(2, 2).progressively()), quarter,
                    exact420));
            all.add(small(name + "4:1:1 restart 2", JpegCorpus.write(odd, PLAIN.sampling(4, 1).restart(2)), new int[] {4, 1},
                    EXACT));
            all.add(variant(name + "grey", JpegCorpus.write(JpegCorpus.picture(size[0], size[1], GREY, 3), PLAIN), full));
        }
        all.add(variant("RGB (Adobe transform 0)", JpegCorpus.write(picture.getRaster(), PLAIN.adobe(0)), full));
        var cmyk = JpegCorpus.invertedCmyk(JpegCorpus.picture(96, 72, RGB, 4));
        all.add(cmyk("CMYK", JpegCorpus.write(cmyk, PLAIN.adobe(0)), Reference.Colours.CMYK));
        all.add(cmyk("YCCK", JpegCorpus.write(JpegCorpus.ycck(cmyk), PLAIN.adobe(2)), Reference.Colours.YCCK));
        all.add(cmyk("CMYK progressive", JpegCorpus.write(cmyk, PLAIN.adobe(0).progressively()), Reference.Colours.CMYK));
        all.add(cmyk("YCCK progressive restart 4", JpegCorpus.write(JpegCorpus.ycck(cmyk), PLAIN.adobe(2).progressively().restart(4)),
                Reference.Colours.YCCK));
        BufferedImage turned = JpegCorpus.picture(67, 45, RGB, 5);
        byte[] baseline = JpegCorpus.write(turned, PLAIN.sampling(2, 2));
        byte[] progressive = JpegCorpus.write(turned, PLAIN.sampling(2, 2).progressively());
        for (int orientation = 1; orientation <= 8; orientation++) {
            all.add(new Variant("orientation " + orientation, JpegCorpus.withOrientation(baseline, orientation),
                    Reference.Colours.RGB, orientation, 16, 16, EXACT, UNCHECKED));
            all.add(new Variant("orientation " + orientation + " progressive",
                    JpegCorpus.withOrientation(progressive, orientation), Reference.Colours.RGB, orientation, 16, 16,
                    EXACT, UNCHECKED));
        }
        return all.stream();
    }

    private static Variant variant(String name, byte[] jpeg, int[] sampling) {
        boolean subsampled = sampling[0] * sampling[1] > 1;
        return new Variant(name, jpeg, Reference.Colours.RGB, 1, 8 * sampling[0], 8 * sampling[1],
                EXACT, subsampled ? SUBSAMPLED : FULL_CHROMA);
    }

    private static Variant small(String name, byte[] jpeg, int[] sampling, double exactBound) {
        return new Variant(name, jpeg, Reference.Colours.RGB, 1, 8 * sampling[0], 8 * sampling[1], exactBound, UNCHECKED);
    }

    private static Variant cmyk(String name, byte[] jpeg, Reference.Colours colours) {
        return new Variant(name, jpeg, colours, 1, 8, 8, EXACT, CMYK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void matchesTheFullDecodeAveragedOverBlocks(Variant variant) throws Exception {
        BufferedImage full = Reference.fullDecode(variant.jpeg(), variant.colours());
        BufferedImage exact = variant.colours() == Reference.Colours.RGB
                ? Reference.dcModel(full, variant.orientation(), variant.chromaWidth(), variant.chromaHeight())
                : Reference.dcModelCmyk(variant.jpeg(), variant.colours() == Reference.Colours.YCCK);
        BufferedImage plain = Reference.smallPicture(full, variant.orientation());
        BufferedImage actual = new DcJpegDecoder(MAX_PIXELS).decode(variant.jpeg());
        assertEquals(BufferedImage.TYPE_INT_RGB, actual.getType());
        assertEquals(plain.getWidth(), actual.getWidth(), "width");
        assertEquals(plain.getHeight(), actual.getHeight(), "height");
        double exactError = Reference.max(Reference.meanAbsoluteError(actual, exact));
        double plainError = Reference.max(Reference.meanAbsoluteError(actual, plain));
        double features = Reference.featureDistance(actual, plain);
        System.out.printf(Locale.ROOT, "%-32s exact %.3f plain %.3f features %.3f%n", variant.name(), exactError,
                plainError, features);
        assertTrue(exactError <= variant.exactBound(), () -> variant.name() + ": mean absolute error " + exactError);
        assertTrue(plainError <= variant.plainBound(), () -> variant.name() + ": mean absolute error " + plainError);
        if (full.getWidth() == 256) {
            assertTrue(features <= FEATURES, () -> variant.name() + ": feature distance " + features);
        }
    }

}
