package com.daynight.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.classify.jpeg.ManyScanJpeg;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: what one picture may cost the decoders. The scan limit refuses the costly file before any decoder
 * starts; an interrupt (the per-picture deadline, or shutdown) stops a decode in progress, in the DC decoder and
 * in the ImageIO fallback alike.
 */
class PictureCostTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timer.shutdownNow();
        Thread.interrupted();
    }

    @Test
    void aThousandScanFileIsRefusedByItsCountBeforeTheFallbackDecodes() {
        byte[] file = ManyScanJpeg.grey(10_000, 10_000, 1_000, true); // the probe's file: ~370 KB, 45 s of ImageIO
        long started = System.nanoTime();
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageDecoder.dcOnly().decode(file));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals("too many scans: 1000 (limit 100)", e.getMessage());
        assertTrue(millis < 1_000, "refused in " + millis + " ms");
        assertThrows(ImageDecodeException.class, () -> ImageDecoder.imageIo().decode(file), "ImageIO alone too");
    }

    @Test
    void anInterruptStopsTheImageIoFallbackMidDecode() {
        // 60 scans of 10000x10000: several seconds of ImageIO, under the scan limit; its first DC code is invalid,
        // so it goes to the fallback.
        byte[] file = ManyScanJpeg.grey(10_000, 10_000, 60, true);
        Thread decoding = Thread.currentThread();
        timer.schedule(decoding::interrupt, 300, TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageDecoder.dcOnly().decode(file));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals("decode interrupted", e.getMessage());
        assertTrue(millis < 2_000, "stopped " + millis + " ms after it started (interrupted at 300 ms)");
    }

    @Test
    void anInterruptedThreadGetsNoPictureFromTheDcDecoderAndNoFallback() {
        byte[] file = ManyScanJpeg.grey(4_000, 4_000, 2, false);
        Thread.currentThread().interrupt();
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageDecoder.dcOnly().decode(file));
        assertEquals("decode interrupted", e.getMessage());
    }

    @Test
    void withoutAnInterruptTheSameFilesDecode() throws Exception {
        assertEquals(500, ImageDecoder.dcOnly().decode(ManyScanJpeg.grey(4_000, 4_000, 2, false)).getWidth());
        assertEquals(100, ImageDecoder.dcOnly().decode(ManyScanJpeg.grey(800, 800, 20, true)).getWidth(),
                "through the fallback");
    }
}
