package com.daynight.classify.jpeg;

/** One colour component of a frame and its plane of DC coefficients (one value per 8x8 block). */
final class Component {

    final int id;
    final int h;
    final int v;
    final int quantTable;
    /** Blocks that hold picture data (non-interleaved scans cover exactly these). */
    int blocksWide;
    int blocksHigh;
    /** Blocks in the padded plane that interleaved scans cover: whole MCUs. */
    int planeWide;
    int planeHigh;
    /** DC coefficients (quantised), allocated when the component's first scan starts. */
    int[] dc;
    /** quant table entry 0, latched when the component's first scan starts. */
    int quant0;
    /** The point transform Al of the last DC scan read; -1 before any. 0 means the DC is complete. */
    int dcPointTransform = -1;
    /** Scan state: DC predictor and table selections. */
    int predictor;
    HuffmanTable dcTable;
    HuffmanTable acTable;

    Component(int id, int h, int v, int quantTable) {
        this.id = id;
        this.h = h;
        this.v = v;
        this.quantTable = quantTable;
    }

    void layOut(int width, int height, int maxH, int maxV, int mcusWide, int mcusHigh) {
        blocksWide = ceilDiv(ceilDiv(width * h, maxH), 8);
        blocksHigh = ceilDiv(ceilDiv(height * v, maxV), 8);
        planeWide = mcusWide * h;
        planeHigh = mcusHigh * v;
    }

    /** The block's mean sample value, 0..255 as a real number (unclamped rounding is left to the caller). */
    double mean(int blockX, int blockY) {
        double value = dc[blockY * planeWide + blockX] * (double) quant0 / 8.0 + 128.0;
        return value < 0 ? 0 : value > 255 ? 255 : value;
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
