package com.daynight.classify.jpeg;

/**
 * Decodes the entropy-coded data of one scan, keeping only DC coefficients: baseline scans
 * (DC difference, AC coefficients skipped), progressive DC first scans and DC refinement scans
 * (ITU T.81 G.1.2.1). Interleaved and non-interleaved; restart intervals resynchronise at RSTn.
 */
final class ScanDecoder {

    enum Mode { BASELINE, DC_FIRST, DC_REFINE }

    private final Component[] components;
    private final Mode mode;
    private final int pointTransform;
    private final int restartInterval;
    private final int mcusWide;
    private final int mcusHigh;

    ScanDecoder(Component[] components, Mode mode, int pointTransform, int restartInterval,
            int mcusWide, int mcusHigh) {
        this.components = components;
        this.mode = mode;
        this.pointTransform = pointTransform;
        this.restartInterval = restartInterval;
        this.mcusWide = mcusWide;
        this.mcusHigh = mcusHigh;
    }

    /** Number of blocks the scan codes: a lower bound on its size in bits (every block takes at least one). */
    long blockCount() {
        if (components.length == 1) {
            return (long) components[0].blocksWide * components[0].blocksHigh;
        }
        long perMcu = 0;
        for (Component c : components) {
            perMcu += (long) c.h * c.v;
        }
        return perMcu * mcusWide * mcusHigh;
    }

    /** Decodes the scan from {@code start}; returns the position of the marker that follows it. */
    int decode(byte[] data, int start) throws JpegException {
        BitReader reader = new BitReader(data, start, data.length);
        for (Component c : components) {
            c.predictor = 0;
        }
        boolean single = components.length == 1;
        int wide = single ? components[0].blocksWide : mcusWide;
        int high = single ? components[0].blocksHigh : mcusHigh;
        long total = (long) wide * high;
        int untilRestart = restartInterval;
        for (long mcu = 0; mcu < total; mcu++) {
            if (restartInterval > 0) {
                if (untilRestart == 0) {
                    if (!reader.restart()) {
                        throw reader.hitEndOfInput() ? JpegException.truncated()
                                : JpegException.corrupt("restart marker missing");
                    }
                    for (Component c : components) {
                        c.predictor = 0;
                    }
                    untilRestart = restartInterval;
                }
                untilRestart--;
            }
            int mcuX = (int) (mcu % wide);
            int mcuY = (int) (mcu / wide);
            if (single) {
                Component c = components[0];
                block(reader, c, mcuY * c.planeWide + mcuX);
            } else {
                for (Component c : components) {
                    for (int by = 0; by < c.v; by++) {
                        int row = (mcuY * c.v + by) * c.planeWide + mcuX * c.h;
                        for (int bx = 0; bx < c.h; bx++) {
                            block(reader, c, row + bx);
                        }
                    }
                }
            }
            if (reader.overrun()) {
                throw reader.hitEndOfInput() ? JpegException.truncated()
                        : JpegException.corrupt("entropy-coded data ends early");
            }
        }
        for (Component c : components) {
            c.dcPointTransform = mode == Mode.BASELINE ? 0 : pointTransform;
        }
        return reader.endOfSegment();
    }

    private void block(BitReader reader, Component c, int index) throws JpegException {
        switch (mode) {
            case BASELINE -> {
                c.predictor += difference(reader, c);
                c.dc[index] = c.predictor;
                if (!reader.skipAc(c.acTable)) {
                    throw JpegException.corrupt("bad Huffman code");
                }
            }
            case DC_FIRST -> {
                c.predictor += difference(reader, c);
                c.dc[index] = c.predictor << pointTransform;
            }
            case DC_REFINE -> c.dc[index] |= reader.bit() << pointTransform;
        }
    }

    private static int difference(BitReader reader, Component c) throws JpegException {
        int size = reader.decode(c.dcTable);
        if (size < 0 || size > 15) {
            throw JpegException.corrupt("bad Huffman code");
        }
        return reader.receiveExtend(size);
    }
}
