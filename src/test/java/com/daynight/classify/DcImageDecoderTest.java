package com.daynight.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.daynight.classify.jpeg.JpegBytes;
import com.daynight.classify.jpeg.JpegCorpus;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The DC decoder with its ImageIO fallback. Corrupt, truncated and hostile input: always an
 * ImageDecodeException or a picture, never a hang (the 2 s timeouts are hang guards, not speed tests)
 * nor another exception.
 */
class DcImageDecoderTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(2);
    private static final BufferedImage PICTURE = JpegCorpus.picture(96, 64, BufferedImage.TYPE_3BYTE_BGR, 11);
    private static final byte[] BASELINE = JpegCorpus.write(PICTURE, JpegCorpus.Options.plain().sampling(2, 2));
    private static final byte[] PROGRESSIVE = JpegCorpus.write(PICTURE, JpegCorpus.Options.plain().sampling(2, 2).progressively());
    private static final byte[] RESTARTS = JpegCorpus.write(PICTURE, JpegCorpus.Options.plain().sampling(2, 2).restart(2));

    private final ImageDecoder decoder = ImageDecoder.dcOnly();

    @Test
    void refusesZeroBytesAndOtherFormats() {
        assertEquals("empty file", refused(new byte[0]).getMessage());
        assertEquals("not a JPEG", refused(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}).getMessage());
        assertEquals("not a JPEG", refused(new byte[] {(byte) 0xFF, (byte) 0xD8}).getMessage());
    }

    @Test
    void randomBytesWithAndWithoutAStartMarker() {
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[1 + random.nextInt(4096)];
            random.nextBytes(bytes);
            if (i % 2 == 0 && bytes.length > 2) {
                bytes[0] = (byte) 0xFF;
                bytes[1] = (byte) 0xD8;
            }
            pictureOrRefusal(bytes);
        }
    }

    @Test
    void baselineCutAnywhereInItsScanIsTruncated() {
        int scan = JpegBytes.find(BASELINE, 0xDA);
        for (int cut = 2; cut < BASELINE.length - 2; cut += 7) {
            byte[] head = Arrays.copyOf(BASELINE, cut);
            if (cut > scan + 14) {
                assertEquals("truncated JPEG", refused(head).getMessage(), "cut at " + cut);
            } else {
                pictureOrRefusal(head);
            }
        }
    }

    @Test
    void progressiveCutAfterItsDcScansStillGivesTheDcPicture() throws Exception {
        BufferedImage whole = decoder.decode(PROGRESSIVE);
        int firstAcScan = JpegBytes.nthScan(PROGRESSIVE, 1);
        int lastScan = JpegBytes.nthScan(PROGRESSIVE, JpegBytes.scanCount(PROGRESSIVE) - 1);
        int dcRefinement = JpegBytes.dcRefinementScan(PROGRESSIVE);
        assertTrue(dcRefinement > firstAcScan, "the default script refines DC after some AC scans");
        int pictures = 0;
        for (int cut = 2; cut < PROGRESSIVE.length; cut += 5) {
            BufferedImage picture = pictureOrRefusal(Arrays.copyOf(PROGRESSIVE, cut));
            if (cut > dcRefinement + 100 && cut < lastScan) {
                // DC complete, AC cut short: exactly the DC picture of the whole file.
                assertArrayEquals(pixels(whole), pixels(picture), "cut at " + cut);
            }
            pictures += picture == null ? 0 : 1;
        }
        assertTrue(pictures > 0);
    }

    @Test
    void garbageEntropyDataBehindAValidHeader() {
        Random random = new Random(2);
        int data = JpegBytes.find(BASELINE, 0xDA) + 14;
        for (int i = 0; i < 50; i++) {
            byte[] bytes = BASELINE.clone();
            for (int j = data; j < bytes.length - 2; j++) {
                bytes[j] = (byte) random.nextInt(256);
            }
            pictureOrRefusal(bytes);
        }
    }

    @Test
    void corruptHuffmanTables() {
        int table = JpegBytes.find(BASELINE, 0xC4) + 5; // the 16 code counts
        byte[] tooManyCodes = BASELINE.clone();
        tooManyCodes[table] = 3; // three codes of length 1
        pictureOrRefusal(tooManyCodes);
        byte[] overlong = BASELINE.clone();
        Arrays.fill(overlong, table, table + 16, (byte) 0xFF);
        pictureOrRefusal(overlong);
        Random random = new Random(3);
        for (int i = 0; i < 50; i++) {
            byte[] bytes = BASELINE.clone();
            for (int j = 0; j < 17; j++) {
                bytes[table - 1 + j] = (byte) random.nextInt(256);
            }
            pictureOrRefusal(bytes);
        }
    }

    @Test
    void malformedExifSegmentsMeanNoTurn() throws Exception {
        int[] upright = pixels(decoder.decode(BASELINE));
        Random random = new Random(5);
        for (int orientation = 1; orientation <= 8; orientation++) {
            byte[] turned = JpegCorpus.withOrientation(BASELINE, orientation);
            for (int i = 0; i < 40; i++) {
                byte[] bytes = turned.clone();
                int at = 10 + random.nextInt(26); // inside the TIFF header, IFD and entry
                bytes[at] = (byte) random.nextInt(256);
                BufferedImage picture = pictureOrRefusal(bytes);
                assertTrue(picture != null, "the EXIF segment alone cannot spoil the picture");
            }
            byte[] cut = turned.clone();
            cut[5] = 12; // the APP1 length now ends inside the TIFF header
            assertEquals(upright.length, pixels(pictureOrRefusal(cut)).length);
        }
    }

    @Test
    void refusesAHugeFrameBeforeAllocating() {
        byte[] bytes = BASELINE.clone();
        int frame = JpegBytes.find(bytes, 0xC0);
        bytes[frame + 5] = (byte) 0xEA; // 60000 = 0xEA60
        bytes[frame + 6] = 0x60;
        bytes[frame + 7] = (byte) 0xEA;
        bytes[frame + 8] = 0x60;
        String message = refused(bytes).getMessage();
        assertTrue(message.startsWith("picture too large: 60000x60000 pixels"), message);
    }

    @Test
    void aLargeFrameWithLittleDataIsTruncatedNotAllocated() {
        byte[] bytes = BASELINE.clone();
        int frame = JpegBytes.find(bytes, 0xC0);
        bytes[frame + 5] = 0x27; // 10000 x 10000: allowed, but far more blocks than the data could hold
        bytes[frame + 6] = 0x10;
        bytes[frame + 7] = 0x27;
        bytes[frame + 8] = 0x10;
        assertEquals("truncated JPEG", refused(bytes).getMessage());
    }

    @Test
    void restartMarkersOutOfPlace() throws Exception {
        int dri = JpegBytes.find(RESTARTS, 0xDD);
        byte[] wrongInterval = RESTARTS.clone();
        wrongInterval[dri + 5] = 1;
        pictureOrRefusal(wrongInterval);
        byte[] noInterval = RESTARTS.clone();
        noInterval[dri + 5] = 0;
        pictureOrRefusal(noInterval);
        byte[] renumbered = RESTARTS.clone();
        for (int i = dri + 6; i + 1 < renumbered.length; i++) {
            if ((renumbered[i] & 0xFF) == 0xFF && (renumbered[i + 1] & 0xF8) == 0xD0) {
                renumbered[i + 1] = (byte) 0xD3; // RSTn out of sequence: resynchronised all the same
            }
        }
        assertArrayEquals(pixels(decoder.decode(RESTARTS)), pixels(decoder.decode(renumbered)));
        byte[] bogus = RESTARTS.clone();
        for (int i = dri + 6; i + 1 < bogus.length; i++) {
            if ((bogus[i] & 0xFF) == 0xFF && (bogus[i + 1] & 0xF8) == 0xD0) {
                bogus[i + 1] = (byte) 0xC8; // an unknown marker where a restart should be
            }
        }
        pictureOrRefusal(bogus);
    }

    @Test
    void unsupportedVariantsNameTheReasonWhenTheFallbackFailsToo() {
        // A relabelled Huffman file: the JDK's reader decodes it regardless, so a fallback that fails stands in.
        byte[] arithmetic = BASELINE.clone();
        arithmetic[JpegBytes.find(arithmetic, 0xC0) + 1] = (byte) 0xC9;
        ImageDecoder failing = jpeg -> {
            throw new ImageDecodeException("not a decodable JPEG");
        };
        ImageDecodeException refused = assertThrows(ImageDecodeException.class, () -> new DcImageDecoder(failing).decode(arithmetic));
        assertEquals("unsupported JPEG: arithmetic coding", refused.getMessage());
        byte[] twelveBit = BASELINE.clone();
        twelveBit[JpegBytes.find(twelveBit, 0xC0) + 4] = 12;
        assertEquals("unsupported JPEG: 12-bit precision", refused(twelveBit).getMessage());
    }

    @Test
    void theFallbackPictureHasTheDcPicturesSizeAndOrientation() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        BufferedImage full = new BufferedImage(43, 21, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                full.setRGB(x, y, 0xFF0000);
            }
        }
        ImageDecoder fallback = jpeg -> {
            calls.incrementAndGet();
            return full;
        };
        byte[] lossless = JpegCorpus.withOrientation(BASELINE.clone(), 6);
        lossless[JpegBytes.find(lossless, 0xC0) + 1] = (byte) 0xC3;
        BufferedImage small = new DcImageDecoder(fallback).decode(lossless);
        assertEquals(1, calls.get());
        assertEquals(BufferedImage.TYPE_INT_RGB, small.getType());
        assertEquals(3, small.getWidth()); // 21 rows -> 3 blocks, turned a quarter
        assertEquals(6, small.getHeight());
        assertEquals(0xFF0000, small.getRGB(2, 0) & 0xFFFFFF, "the top-left block went to the top right");
        assertEquals(0, small.getRGB(0, 0) & 0xFFFFFF);
    }

    @Test
    void theFactoryGivesTheDcDecoderWithItsSize() throws Exception {
        byte[] jpeg = JpegCorpus.write(JpegCorpus.picture(256, 192, BufferedImage.TYPE_3BYTE_BGR, 9),
                JpegCorpus.Options.plain().sampling(2, 2));
        BufferedImage small = ImageDecoder.dcOnly().decode(jpeg);
        assertEquals(32, small.getWidth());
        assertEquals(24, small.getHeight());
    }

    @Test
    void oneDecoderServesManyThreads() throws Exception {
        List<byte[]> inputs = List.of(BASELINE, PROGRESSIVE, RESTARTS);
        List<int[]> expected = new ArrayList<>();
        for (byte[] input : inputs) {
            expected.add(pixels(decoder.decode(input)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int which = i % inputs.size();
                results.add(pool.submit(() -> Arrays.equals(expected.get(which), pixels(decoder.decode(inputs.get(which))))));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private ImageDecodeException refused(byte[] bytes) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(ImageDecodeException.class, () -> decoder.decode(bytes)));
    }

    /** The picture, or null for an ImageDecodeException; anything else fails the test. */
    private BufferedImage pictureOrRefusal(byte[] bytes) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
            try {
                BufferedImage picture = decoder.decode(bytes);
                assertEquals(BufferedImage.TYPE_INT_RGB, picture.getType());
                return picture;
            } catch (ImageDecodeException expected) {
                return null;
            } catch (RuntimeException e) {
                fail("not an ImageDecodeException", e);
                return null;
            }
        });
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
