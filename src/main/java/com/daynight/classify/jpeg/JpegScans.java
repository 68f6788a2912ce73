package com.daynight.classify.jpeg;

/**
 * The scans of a JPEG, counted from its markers alone. A full decoder goes over the whole picture once per
 * scan, so a small file with many scans (a 337 KB, 10000x10000 progressive file with 1,000 scans cost ImageIO
 * 45 s of CPU) is refused by its count before any decoder starts. Real encoders write 1 (baseline) to about
 * 10-20 (progressive) scans.
 */
public final class JpegScans {

    /** The most scans a picture may have. */
    public static final int MAX_SCANS = 100;

    private JpegScans() {
    }

    /** The number of start-of-scan markers, walking segment by segment; linear in the file's size. */
    public static int count(byte[] data) {
        int scans = 0;
        int pos = 2;
        while (pos >= 0 && pos + 3 < data.length) {
            if ((data[pos] & 0xFF) != 0xFF || (data[pos + 1] & 0xFF) == 0) {
                pos = Markers.find(data, pos, data.length);
                continue;
            }
            int marker = data[pos + 1] & 0xFF;
            if (marker == 0xFF || marker == 0x01 || Markers.isRestart(marker) || marker == Markers.SOI) {
                pos += marker == 0xFF ? 1 : 2;
                continue;
            }
            if (marker == Markers.EOI) {
                break;
            }
            int end = pos + 2 + Segments.u16(data, pos + 2);
            if (end <= pos + 2 || end > data.length) {
                break;
            }
            if (marker == Markers.SOS) {
                scans++;
                end = Markers.findNonRestart(data, end, data.length); // past the scan's entropy-coded data
            }
            pos = end;
        }
        return scans;
    }
}
