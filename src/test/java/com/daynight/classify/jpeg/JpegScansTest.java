package com.daynight.classify.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.classify.TestPictures;
import java.awt.Color;
import org.junit.jupiter.api.Test;

class JpegScansTest {

    @Test
    void countsTheScansOfGeneratedFiles() {
        assertEquals(1, JpegScans.count(TestPictures.jpeg(TestPictures.uniform(64, 48, Color.GRAY))), "baseline");
        assertEquals(2, JpegScans.count(ManyScanJpeg.grey(64, 64, 2, false)));
        assertEquals(1_000, JpegScans.count(ManyScanJpeg.grey(800, 800, 1_000, true)));
    }

    @Test
    void aFileWithManyScansIsStillReadByTheDcPathWhichStopsAfterItsDcScan() throws Exception {
        // The DC decoder never reaches the 1,000 AC scans: reading this file costs it one scan.
        byte[] file = ManyScanJpeg.grey(800, 800, 1_000, false);
        assertEquals(100, new DcJpegDecoder(100_000_000L).decode(file).getWidth());
    }

    @Test
    void theDcParserRefusesAFileWhoseDcIsNotCompleteWithinTheScanLimit() {
        // AC scans before the DC scan: the parser passes over them, counting, and stops at the limit.
        byte[] file = acScansFirst(ManyScanJpeg.grey(64, 64, 150, false));
        JpegException e = assertThrows(JpegException.class, () -> new DcJpegDecoder(100_000_000L).decode(file));
        assertEquals("too many scans: 150 (limit 100)", e.getMessage());
        assertTrue(!e.worthAFullDecode(), "no other decoder should try");
    }

    @Test
    void truncatedAndOddFilesEndTheCountWithoutFailing() {
        byte[] file = ManyScanJpeg.grey(64, 64, 10, false);
        for (int cut = 0; cut < file.length; cut += 7) {
            byte[] part = java.util.Arrays.copyOf(file, cut);
            assertTrue(JpegScans.count(part) <= 10);
        }
    }

    /** The same file with its DC scan moved after the AC scans (not a valid order; the parser must still stop). */
    private static byte[] acScansFirst(byte[] file) {
        int firstScan = indexOfScan(file, 0);
        int secondScan = indexOfScan(file, firstScan + 2);
        int end = file.length - 2; // before EOI
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(file, 0, firstScan);
        out.write(file, secondScan, end - secondScan);
        out.write(file, firstScan, secondScan - firstScan);
        out.write(file, end, 2);
        return out.toByteArray();
    }

    private static int indexOfScan(byte[] file, int from) {
        for (int i = from; i + 1 < file.length; i++) {
            if (file[i] == (byte) 0xFF && file[i + 1] == (byte) 0xDA) {
                return i;
            }
        }
        throw new IllegalArgumentException("no scan");
    }
}
