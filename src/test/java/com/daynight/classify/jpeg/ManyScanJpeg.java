package com.daynight.classify.jpeg;

import java.io.ByteArrayOutputStream;

/**
 * A hand-made grey progressive JPEG: one DC scan, then {@code scans - 1} identical AC scans that say "nothing
 * here" for every block (end-of-band runs). Small on disk, but a full decoder passes over every block once per
 * scan: the costly file of issue 13 (337 KB, 10000x10000, 1,000 scans: 45 s of ImageIO). With
 * {@code firstDcCodeInvalid} the DC scan starts with a bit pattern its Huffman table has no code for, so the DC
 * decoder gives up ("corrupt") and hands the file to ImageIO, which only warns.
 */
public final class ManyScanJpeg {

    private ManyScanJpeg() {
    }

    public static byte[] grey(int width, int height, int scans, boolean firstDcCodeInvalid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        byte[] quant = new byte[65];
        java.util.Arrays.fill(quant, 1, 65, (byte) 1);
        segment(out, 0xDB, quant);
        segment(out, 0xC2, new byte[] {8, (byte) (height >> 8), (byte) height, (byte) (width >> 8), (byte) width,
            1, 1, 0x11, 0});
        // DC table 0: one code, "0", for category 0 (a difference of 0).
        byte[] dc = new byte[18];
        dc[0] = 0x00;
        dc[1] = 1;
        dc[17] = 0;
        segment(out, 0xC4, dc);
        // AC table 0: fifteen 4-bit codes for the end-of-band runs EOB0 .. EOB14 (symbols 0x00, 0x10, ... 0xE0).
        byte[] ac = new byte[17 + 15];
        ac[0] = 0x10;
        ac[4] = 15;
        for (int r = 0; r < 15; r++) {
            ac[17 + r] = (byte) (r << 4);
        }
        segment(out, 0xC4, ac);
        long blocks = (long) ((width + 7) / 8) * ((height + 7) / 8);

        segment(out, 0xDA, new byte[] {1, 1, 0x00, 0, 0, 0});
        Bits dcBits = new Bits(out);
        if (firstDcCodeInvalid) {
            dcBits.write(0xFFFF, 16); // no code of the table starts with 1
        }
        for (long b = 0; b < blocks; b++) {
            dcBits.write(0, 1);
        }
        dcBits.flush();

        for (int s = 1; s < scans; s++) {
            segment(out, 0xDA, new byte[] {1, 1, 0x00, 1, 63, 0});
            Bits acBits = new Bits(out);
            long left = blocks;
            while (left > 0) {
                int r = Math.min(14, 63 - Long.numberOfLeadingZeros(left));
                long run = Math.min(left, (1L << (r + 1)) - 1);
                acBits.write(r, 4); // code r is symbol r << 4 (codes of one length are assigned in order)
                acBits.write((int) (run - (1L << r)), r);
                left -= run;
            }
            acBits.flush();
        }
        out.write(0xFF);
        out.write(0xD9);
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] body) {
        out.write(0xFF);
        out.write(marker);
        out.write((body.length + 2) >> 8);
        out.write(body.length + 2);
        out.write(body, 0, body.length);
    }

    /** Entropy-coded bits, most significant first, with 0xFF stuffed and the last byte padded with ones. */
    private static final class Bits {
        private final ByteArrayOutputStream out;
        private int buffer;
        private int count;

        Bits(ByteArrayOutputStream out) {
            this.out = out;
        }

        void write(int value, int bits) {
            for (int i = bits - 1; i >= 0; i--) {
                buffer = buffer << 1 | (value >> i & 1);
                if (++count == 8) {
                    emit();
                }
            }
        }

        void flush() {
            while (count != 0) {
                write(1, 1);
            }
        }

        private void emit() {
            out.write(buffer);
            if (buffer == 0xFF) {
                out.write(0);
            }
            buffer = 0;
            count = 0;
        }
    }
}
