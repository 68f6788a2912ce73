package com.daynight.classify.jpeg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Decodes the entropy-coded data of one scan, keeping only DC coefficients: baseline scans
 * (DC difference, AC coefficients skipped), progressive DC first scans and DC refinement scans
 * (ITU T.81 G.1.2.1). Interleaved and non-interleaved; restart intervals resynchronise at RSTn.
 */
final class ScanDecoder {

    enum Mode { BASELINE, DC_FIRST, DC_REFINE }

    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class,
            java.nio.ByteOrder.BIG_ENDIAN);
    private static final int FAST_SHIFT = 64 - HuffmanTable.FAST_BITS;

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
        if (mode == Mode.BASELINE) {
            return decodeBaseline(data, start);
        }
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
            if (mcuX == 0 && Thread.currentThread().isInterrupted()) {
                throw JpegException.interrupted(); // the picture's time ran out, or the instance is stopping
            }
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
            c.dcPointTransform = pointTransform;
        }
        return reader.endOfSegment();
    }

    private void block(BitReader reader, Component c, int index) throws JpegException {
        // Baseline scans go through decodeBaseline.
        switch (mode) {
            case DC_FIRST -> {
                c.predictor += difference(reader, c);
                c.dc[index] = c.predictor << pointTransform;
            }
            case DC_REFINE -> c.dc[index] |= reader.bit() << pointTransform;
            default -> throw new IllegalStateException(mode.toString());
        }
    }

    private static int difference(BitReader reader, Component c) throws JpegException {
        int size = reader.decode(c.dcTable);
        if (size < 0 || size > 15) {
            throw JpegException.corrupt("bad Huffman code");
        }
        return reader.receiveExtend(size);
    }

    /**
     * The baseline scan in one loop, the bit buffer in local variables: up to 8 bytes are added at a
     * time when the next 8 hold no 0xFF, else the reader's byte-wise fill handles stuffing and markers.
     * A DC difference takes one table lookup when code and magnitude fit in
     * {@link HuffmanTable#FAST_BITS} bits; AC coefficients are skipped one or two symbols per lookup
     * (see {@link HuffmanTable#acSkip()}). Longer codes go the slow way.
     */
    private int decodeBaseline(byte[] data, int start) throws JpegException {
        BitReader reader = new BitReader(data, start, data.length);
        Component[] cs = components;
        boolean single = cs.length == 1;
        int wide = single ? cs[0].blocksWide : mcusWide;
        int high = single ? cs[0].blocksHigh : mcusHigh;
        int blocks = 0;
        for (Component c : cs) {
            blocks += single ? 1 : c.h * c.v;
        }
        // Per block of the MCU: its component, tables, plane and place in the plane.
        int[] owner = new int[blocks];
        int[][] dcFast = new int[blocks][];
        int[][] acSkip = new int[blocks][];
        HuffmanTable[] dcTables = new HuffmanTable[blocks];
        HuffmanTable[] acTables = new HuffmanTable[blocks];
        int[][] planes = new int[blocks][];
        int[] offset = new int[blocks];
        int[] stepX = new int[blocks];
        int[] stepY = new int[blocks];
        for (int i = 0, b = 0; i < cs.length; i++) {
            Component c = cs[i];
            int bh = single ? 1 : c.h;
            int bv = single ? 1 : c.v;
            for (int by = 0; by < bv; by++) {
                for (int bx = 0; bx < bh; bx++, b++) {
                    owner[b] = i;
                    dcTables[b] = c.dcTable;
                    acTables[b] = c.acTable;
                    dcFast[b] = c.dcTable.dcFast();
                    acSkip[b] = c.acTable.acSkip();
                    planes[b] = c.dc;
                    offset[b] = by * c.planeWide + bx;
                    stepX[b] = bh;
                    stepY[b] = bv * c.planeWide;
                }
            }
        }
        int[] predictor = new int[cs.length];
        final int end = data.length;
        long buffer = 0;
        int bits = 0;
        int pos = start;
        int untilRestart = restartInterval;
        for (int mcuY = 0; mcuY < high; mcuY++) {
            if (Thread.currentThread().isInterrupted()) {
                throw JpegException.interrupted(); // the picture's time ran out, or the instance is stopping
            }
            for (int mcuX = 0; mcuX < wide; mcuX++) {
                if (restartInterval > 0) {
                    if (untilRestart == 0) {
                        reader.pos = pos;
                        if (!reader.restart()) {
                            throw reader.hitEndOfInput() ? JpegException.truncated()
                                    : JpegException.corrupt("restart marker missing");
                        }
                        buffer = 0;
                        bits = 0;
                        pos = reader.pos;
                        java.util.Arrays.fill(predictor, 0);
                        untilRestart = restartInterval;
                    }
                    untilRestart--;
                }
                for (int b = 0; b < blocks; b++) {
                    // DC difference. The refill below appears twice on purpose: the bit buffer lives in
                    // local variables (a helper could not hand back three values without a field or an
                    // allocation per call), and this loop is nearly all of a baseline decode's time.
                    if (bits < 32) {
                        long word;
                        if (pos + 8 <= end && (((word = (long) LONG_BE.get(data, pos)) & 0x7F7F7F7F7F7F7F7FL)
                                + 0x0101010101010101L & word & 0x8080808080808080L) == 0) {
                            // No 0xFF among the next 8 bytes: take as many whole bytes as fit. The bits of
                            // the byte that does not fit fall below the buffered ones, where the next
                            // refill puts the same byte again.
                            buffer |= word >>> bits;
                            int taken = (63 - bits) >> 3;
                            bits += taken << 3;
                            pos += taken;
                        } else {
                            reader.buffer = buffer;
                            reader.bits = bits;
                            reader.pos = pos;
                            reader.fill();
                            buffer = reader.buffer;
                            bits = reader.bits;
                            pos = reader.pos;
                        }
                    }
                    int entry = dcFast[b][(int) (buffer >>> FAST_SHIFT)];
                    int difference;
                    if (entry != 0) {
                        int length = entry & 0xFF;
                        buffer <<= length;
                        bits -= length;
                        difference = entry >> 8;
                    } else {
                        reader.buffer = buffer;
                        reader.bits = bits;
                        reader.pos = pos;
                        int size = reader.decode(dcTables[b]);
                        if (size < 0 || size > 15) {
                            throw JpegException.corrupt("bad Huffman code");
                        }
                        difference = reader.receiveExtend(size);
                        buffer = reader.buffer;
                        bits = reader.bits;
                        pos = reader.pos;
                    }
                    int owned = owner[b];
                    int value = predictor[owned] + difference;
                    predictor[owned] = value;
                    planes[b][offset[b] + mcuY * stepY[b] + mcuX * stepX[b]] = value;
                    // AC coefficients: only their extent matters
                    int[] skip = acSkip[b];
                    for (int k = 1; k < 64; ) {
                        if (bits < 32) {
                            long word;
                            if (pos + 8 <= end && (((word = (long) LONG_BE.get(data, pos)) & 0x7F7F7F7F7F7F7F7FL)
                                    + 0x0101010101010101L & word & 0x8080808080808080L) == 0) {
                                // As for the DC difference above.
                                buffer |= word >>> bits;
                                int taken = (63 - bits) >> 3;
                                bits += taken << 3;
                                pos += taken;
                            } else {
                                reader.buffer = buffer;
                                reader.bits = bits;
                                reader.pos = pos;
                                reader.fill();
                                buffer = reader.buffer;
                                bits = reader.bits;
                                pos = reader.pos;
                            }
                        }
                        int step = skip[(int) (buffer >>> FAST_SHIFT)];
                        if (step == 0) {
                            step = slowSkip(acTables[b], buffer) * 0x10001;
                        }
                        // Both symbols when the first leaves the block unfinished, as one at a time would.
                        int taken = k + ((step >> 8) & 0xFF) < 64 ? step >>> 16 : step & 0xFFFF;
                        int length = taken & 0xFF;
                        buffer <<= length;
                        bits -= length;
                        k += taken >>> 8;
                    }
                }
                if (reader.padding > bits) {
                    throw pos >= end ? JpegException.truncated()
                            : JpegException.corrupt("entropy-coded data ends early");
                }
            }
        }
        for (Component c : cs) {
            c.dcPointTransform = 0;
        }
        reader.pos = pos;
        return reader.endOfSegment();
    }

    /** An AC code longer than the fast lookup: its skip entry as {@link HuffmanTable#acSkip()} gives it. */
    private static int slowSkip(HuffmanTable table, long buffer) throws JpegException {
        int entry = table.lookup((int) (buffer >>> (64 - HuffmanTable.LOOKUP_BITS)));
        if (entry == 0) {
            entry = table.decodeLong((int) (buffer >>> 48));
            if (entry < 0) {
                throw JpegException.corrupt("bad Huffman code");
            }
        }
        int size = entry & 0x0F;
        int run = (entry >> 4) & 0x0F;
        int advance = size != 0 ? run + 1 : run == 15 ? 16 : 64;
        return advance << 8 | ((entry >> 8) + size);
    }
}
