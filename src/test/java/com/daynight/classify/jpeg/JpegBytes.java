package com.daynight.classify.jpeg;

/** Finds markers in the test files, for tests that patch or cut them. */
public final class JpegBytes {

    private JpegBytes() {
    }

    /** Index of the first 0xFF of the first marker with this code (outside entropy data of the first scan). */
    public static int find(byte[] jpeg, int marker) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        throw new AssertionError("no marker " + Integer.toHexString(marker));
    }

    public static int scanCount(byte[] jpeg) {
        int count = 0;
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
                count++;
            }
        }
        return count;
    }

    /** Index of the n-th (from 0) SOS marker. */
    public static int nthScan(byte[] jpeg, int n) {
        for (int i = 2, seen = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA && seen++ == n) {
                return i;
            }
        }
        throw new AssertionError("no scan " + n);
    }

    /** Index of the SOS of the progressive DC refinement scan (Ss = 0, Ah > 0). */
    public static int dcRefinementScan(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
                int count = jpeg[i + 4] & 0xFF;
                int at = i + 5 + 2 * count;
                if (jpeg[at] == 0 && (jpeg[at + 2] & 0xF0) != 0) {
                    return i;
                }
            }
        }
        throw new AssertionError("no DC refinement scan");
    }
}
