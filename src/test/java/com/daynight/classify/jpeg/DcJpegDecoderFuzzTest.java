package com.daynight.classify.jpeg;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.awt.image.BufferedImage;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any bytes: the decoder returns a picture or throws JpegException, nothing else (Jazzer reports any
 * other exception, and a hang past its per-input timeout, as a finding). Seeded with small generated
 * JPEGs of each kind; in plain test runs only the seeds run (regression mode), with JAZZER_FUZZ=1 Jazzer
 * mutates them for maxDuration.
 */
class DcJpegDecoderFuzzTest {

    /** The service's limit: a mutated frame header may claim anything up to it. */
    private static final DcJpegDecoder DECODER = new DcJpegDecoder(100_000_000L);

    static Stream<Arguments> seeds() {
        BufferedImage colour = JpegCorpus.picture(24, 17, BufferedImage.TYPE_3BYTE_BGR, 1);
        BufferedImage grey = JpegCorpus.picture(17, 9, BufferedImage.TYPE_BYTE_GRAY, 2);
        JpegCorpus.Options plain = JpegCorpus.Options.plain().quality(0.5f);
        return Stream.of(
                JpegCorpus.write(colour, plain.sampling(2, 2)),
                JpegCorpus.write(colour, plain.sampling(2, 1).restart(1)),
                JpegCorpus.write(colour, plain.sampling(2, 2).progressively()),
                JpegCorpus.write(grey, plain),
                JpegCorpus.write(JpegCorpus.ycck(JpegCorpus.invertedCmyk(colour)), plain.adobe(2).progressively()),
                JpegCorpus.withOrientation(JpegCorpus.write(colour, plain), 6))
                .map(bytes -> Arguments.of((Object) bytes));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "20s")
    void decodesOrRefuses(byte[] data) {
        try {
            BufferedImage picture = DECODER.decode(data);
            if (picture.getType() != BufferedImage.TYPE_INT_RGB) {
                throw new AssertionError("picture of type " + picture.getType());
            }
        } catch (JpegException expected) {
            // refused: fine
        }
    }
}
