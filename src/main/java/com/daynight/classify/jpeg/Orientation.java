package com.daynight.classify.jpeg;

/**
 * The EXIF orientation (tag 0x0112 in IFD0 of an APP1 "Exif" segment, either byte order) and its
 * application to packed pixels. Every read is bounds-checked: a malformed segment means orientation 1.
 */
final class Orientation {

    private Orientation() {
    }

    /** The orientation 1..8 from the segments before the first scan; 1 when absent or unreadable. */
    static int read(byte[] data) {
        int pos = 2;
        while (data != null && pos + 4 <= data.length && (data[pos] & 0xFF) == 0xFF) {
            int marker = data[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++;
                continue;
            }
            if (marker == Markers.SOS || marker == Markers.EOI) {
                break;
            }
            int length = (data[pos + 2] & 0xFF) << 8 | (data[pos + 3] & 0xFF);
            int start = pos + 4;
            int end = Math.min(data.length, pos + 2 + length);
            if (length < 2) {
                break;
            }
            if (marker == Markers.APP1 && end - start >= 14 && data[start] == 'E' && data[start + 1] == 'x'
                    && data[start + 2] == 'i' && data[start + 3] == 'f' && data[start + 4] == 0) {
                return fromTiff(data, start + 6, end);
            }
            pos += 2 + length;
        }
        return 1;
    }

    private static int fromTiff(byte[] data, int tiff, int end) {
        boolean little;
        if (data[tiff] == 'I' && data[tiff + 1] == 'I') {
            little = true;
        } else if (data[tiff] == 'M' && data[tiff + 1] == 'M') {
            little = false;
        } else {
            return 1;
        }
        if (u16(data, tiff + 2, little) != 42) {
            return 1;
        }
        long offset = little ? (u16(data, tiff + 6, true) & 0xFFFFL) << 16 | u16(data, tiff + 4, true)
                : (u16(data, tiff + 4, false) & 0xFFFFL) << 16 | u16(data, tiff + 6, false);
        long ifd = tiff + offset;
        if (ifd + 2 > end) {
            return 1;
        }
        int entries = u16(data, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            long entry = ifd + 2 + 12L * i;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(data, (int) entry, little) == 0x0112) {
                int value = u16(data, (int) entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] data, int pos, boolean little) {
        int a = data[pos] & 0xFF;
        int b = data[pos + 1] & 0xFF;
        return little ? b << 8 | a : a << 8 | b;
    }

    /** Whether the orientation swaps width and height (5..8). */
    static boolean transposes(int orientation) {
        return orientation >= 5;
    }

    /** The pixels as they should be displayed; {@code width} x {@code height} are the stored sizes. */
    static int[] apply(int[] pixels, int width, int height, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return pixels;
        }
        int outWidth = transposes(orientation) ? height : width;
        int[] out = new int[pixels.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int ox;
                int oy;
                switch (orientation) {
                    case 2 -> { ox = width - 1 - x; oy = y; }
                    case 3 -> { ox = width - 1 - x; oy = height - 1 - y; }
                    case 4 -> { ox = x; oy = height - 1 - y; }
                    case 5 -> { ox = y; oy = x; }
                    case 6 -> { ox = height - 1 - y; oy = x; }
                    case 7 -> { ox = height - 1 - y; oy = width - 1 - x; }
                    default -> { ox = y; oy = width - 1 - x; }
                }
                out[oy * outWidth + ox] = pixels[y * width + x];
            }
        }
        return out;
    }
}
