package com.daynight.classify.jpeg;

/** Marker codes (ITU T.81 table B.1) and a scan for the next marker in entropy-coded data. */
final class Markers {

    static final int SOF2 = 0xC2;
    static final int DHT = 0xC4;
    static final int DAC = 0xCC;
    static final int SOI = 0xD8;
    static final int EOI = 0xD9;
    static final int SOS = 0xDA;
    static final int DQT = 0xDB;
    static final int DNL = 0xDC;
    static final int DRI = 0xDD;
    static final int APP1 = 0xE1;
    static final int APP14 = 0xEE;

    private Markers() {
    }

    static boolean isRestart(int marker) {
        return marker >= 0xD0 && marker <= 0xD7;
    }

    static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != DHT && marker != 0xC8 && marker != DAC;
    }

    /**
     * Index of the next marker's 0xFF at or after {@code from} (fill bytes 0xFF skipped; stuffed
     * 0xFF 0x00 is data), or -1 if the input ends first.
     */
    static int find(byte[] data, int from, int end) {
        for (int i = Math.max(0, from); i + 1 < end; i++) {
            if (data[i] == (byte) 0xFF) {
                int next = data[i + 1] & 0xFF;
                if (next != 0 && next != 0xFF) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Like {@link #find} but also passes over restart markers: the end of a scan's entropy data. */
    static int findNonRestart(byte[] data, int from, int end) {
        int at = find(data, from, end);
        while (at >= 0 && isRestart(data[at + 1] & 0xFF)) {
            at = find(data, at + 2, end);
        }
        return at;
    }
}
