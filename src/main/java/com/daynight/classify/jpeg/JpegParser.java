package com.daynight.classify.jpeg;

/**
 * Walks a JPEG's markers and decodes the scans that carry DC coefficients, stopping as soon as
 * every component's DC is complete (for progressive files: before the AC scans that remain).
 * One instance per decode; every loop advances through the input, so corrupt data cannot hang it.
 */
final class JpegParser {

    private final byte[] data;
    private final long maxPixels;
    private final HuffmanTable[] dcTables = new HuffmanTable[4];
    private final HuffmanTable[] acTables = new HuffmanTable[4];
    private final int[] quant0 = new int[4];
    private final boolean[] quantDefined = new boolean[4];
    private int restartInterval;
    private int adobeTransform = -1;
    private boolean jfif;
    private Frame frame;
    private int scans;

    private JpegParser(byte[] data, long maxPixels) {
        this.data = data;
        this.maxPixels = maxPixels;
    }

    /** @param maxPixels a larger frame is refused before anything is allocated for it */
    static Frame parse(byte[] data, long maxPixels) throws JpegException {
        if (data == null || data.length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != Markers.SOI) {
            throw new JpegException(JpegException.Kind.NOT_JPEG, "not a JPEG");
        }
        return new JpegParser(data, maxPixels).run();
    }

    private Frame run() throws JpegException {
        int pos = 2;
        while (pos >= 0 && pos + 3 < data.length) {
            if ((data[pos] & 0xFF) != 0xFF || (data[pos + 1] & 0xFF) == 0) {
                pos = Markers.find(data, pos, data.length); // stray bytes between segments
                continue;
            }
            int marker = data[pos + 1] & 0xFF;
            pos += 2;
            if (marker == 0xFF || Markers.isRestart(marker) || marker == 0x01) {
                pos -= marker == 0xFF ? 1 : 0;
                continue;
            }
            if (marker == Markers.EOI) {
                break;
            }
            if (marker == Markers.SOI) {
                throw JpegException.corrupt("misplaced start of image");
            }
            int length = Segments.u16(data, pos);
            int end = pos + length;
            if (length < 2 || end > data.length) {
                break;
            }
            if (marker == Markers.SOS) {
                pos = scan(pos + 2, end);
                if (frame.dcComplete()) {
                    return finish();
                }
                continue;
            }
            segment(marker, pos + 2, end);
            pos = end;
        }
        return finish();
    }

    private Frame finish() throws JpegException {
        if (frame == null || !frame.dcStarted()) {
            throw JpegException.truncated();
        }
        frame.adobeTransform = adobeTransform;
        frame.jfif = jfif;
        return frame;
    }

    private void segment(int marker, int start, int end) throws JpegException {
        if (Markers.isStartOfFrame(marker)) {
            if (frame != null) {
                throw JpegException.corrupt("second frame header");
            }
            frame = Segments.startOfFrame(data, marker, start, end, maxPixels);
        } else if (marker == Markers.DHT) {
            Segments.huffmanTables(data, start, end, dcTables, acTables);
        } else if (marker == Markers.DQT) {
            Segments.quantTables(data, start, end, quant0, quantDefined);
        } else if (marker == Markers.DRI) {
            restartInterval = Segments.need(data, start, 2, end) ? Segments.u16(data, start) : 0;
        } else if (marker == Markers.DAC) {
            throw JpegException.unsupported("arithmetic coding");
        } else if (marker == Markers.DNL || marker == 0xDE || marker == 0xDF) {
            throw JpegException.unsupported(marker == Markers.DNL ? "height set by DNL" : "hierarchical");
        } else if (marker == 0xE0 && end - start >= 5 && ascii(start, "JFIF\0")) {
            jfif = true;
        } else if (marker == Markers.APP14 && end - start >= 12 && ascii(start, "Adobe")) {
            adobeTransform = data[start + 11] & 0xFF;
        }
    }

    /** Reads a scan header and decodes or skips its data; returns the position after the scan's data. */
    private int scan(int start, int end) throws JpegException {
        if (frame == null) {
            throw JpegException.corrupt("scan before frame header");
        }
        if (++scans > JpegScans.MAX_SCANS) {
            throw JpegException.tooManyScans(JpegScans.count(data), JpegScans.MAX_SCANS);
        }
        Segments.need(data, start, 1, end);
        int count = data[start] & 0xFF;
        Segments.need(data, start + 1, 2 * count + 3, end);
        if (count < 1 || count > 4) {
            throw JpegException.corrupt("bad scan header");
        }
        int at = start + 1 + 2 * count;
        int spectralStart = data[at] & 0xFF;
        int spectralEnd = data[at + 1] & 0xFF;
        int high = (data[at + 2] & 0xFF) >> 4;
        int low = data[at + 2] & 0x0F;
        if (frame.progressive && spectralStart != 0) {
            // An AC scan: nothing we need. Skip its data by looking for the next marker.
            int next = Markers.findNonRestart(data, end, data.length);
            return next < 0 ? data.length : next;
        }
        Component[] components = new Component[count];
        int blocksPerMcu = 0;
        for (int i = 0; i < count; i++) {
            Component c = frame.component(data[start + 1 + 2 * i] & 0xFF);
            int tables = data[start + 2 + 2 * i] & 0xFF;
            if (c == null || (tables >> 4) > 3 || (tables & 0x0F) > 3) {
                throw JpegException.corrupt("bad scan header");
            }
            for (int j = 0; j < i; j++) {
                if (components[j] == c) {
                    throw JpegException.corrupt("bad scan header");
                }
            }
            c.dcTable = dcTables[tables >> 4];
            c.acTable = acTables[tables & 0x0F];
            components[i] = c;
            blocksPerMcu += c.h * c.v;
        }
        if (count > 1 && blocksPerMcu > 10) {
            throw JpegException.corrupt("too many blocks in an MCU");
        }
        ScanDecoder.Mode mode = scanMode(components, spectralEnd, high, low);
        ScanDecoder decoder = new ScanDecoder(components, mode, low, restartInterval, frame.mcusWide, frame.mcusHigh);
        long minimumBits = decoder.blockCount() * (mode == ScanDecoder.Mode.BASELINE ? 2 : 1);
        if (minimumBits > (long) (data.length - end) * 8 + 64) {
            throw JpegException.truncated();
        }
        for (Component c : components) {
            if (c.dc == null) {
                if (!quantDefined[c.quantTable]) {
                    throw JpegException.corrupt("missing quantisation table");
                }
                c.quant0 = quant0[c.quantTable];
                c.dc = new int[c.planeWide * c.planeHigh];
            }
        }
        return decoder.decode(data, end);
    }

    private ScanDecoder.Mode scanMode(Component[] components, int spectralEnd, int high, int low)
            throws JpegException {
        if (!frame.progressive) {
            for (Component c : components) {
                if (c.dcTable == null || c.acTable == null) {
                    throw JpegException.corrupt("missing Huffman table");
                }
            }
            return ScanDecoder.Mode.BASELINE;
        }
        if (spectralEnd != 0 || low > 13) {
            throw JpegException.corrupt("bad progressive DC scan");
        }
        for (Component c : components) {
            if (high == 0 ? c.dcTable == null : c.dcPointTransform != high) {
                throw JpegException.corrupt("bad progressive DC scan");
            }
        }
        return high == 0 ? ScanDecoder.Mode.DC_FIRST : ScanDecoder.Mode.DC_REFINE;
    }

    private boolean ascii(int pos, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (data[pos + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
