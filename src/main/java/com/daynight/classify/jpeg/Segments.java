package com.daynight.classify.jpeg;

import java.util.Locale;

/** Readers of the table and frame segments (ITU T.81 B.2.2, B.2.4.1, B.2.4.2), bounds-checked. */
final class Segments {

    private Segments() {
    }

    /** SOF0..SOF15: the frame, or the reason it is not one this decoder reads. */
    static Frame startOfFrame(byte[] data, int marker, int start, int end, long maxPixels) throws JpegException {
        if (marker == 0xC3) {
            throw JpegException.unsupported("lossless");
        } else if (marker >= 0xC5 && marker <= 0xC7) {
            throw JpegException.unsupported("hierarchical");
        } else if (marker >= 0xC9) {
            throw JpegException.unsupported("arithmetic coding");
        }
        need(data, start, 6, end);
        if ((data[start] & 0xFF) != 8) {
            throw JpegException.unsupported((data[start] & 0xFF) + "-bit precision");
        }
        int height = u16(data, start + 1);
        int width = u16(data, start + 3);
        int count = data[start + 5] & 0xFF;
        if (height == 0) {
            throw JpegException.unsupported("height set by DNL");
        }
        if (width == 0) {
            throw JpegException.corrupt("zero width");
        }
        if ((long) width * height > maxPixels) {
            throw new JpegException(JpegException.Kind.TOO_LARGE, String.format(Locale.ROOT,
                    "picture too large: %dx%d pixels (limit %d megapixels)", width, height, maxPixels / 1_000_000));
        }
        if (count != 1 && count != 3 && count != 4) {
            throw JpegException.unsupported(count + " colour components");
        }
        need(data, start + 6, 3 * count, end);
        Component[] components = new Component[count];
        for (int i = 0; i < count; i++) {
            int at = start + 6 + 3 * i;
            int h = (data[at + 1] & 0xFF) >> 4;
            int v = data[at + 1] & 0x0F;
            int table = data[at + 2] & 0xFF;
            if (h < 1 || h > 4 || v < 1 || v > 4 || table > 3) {
                throw JpegException.corrupt("bad component in frame header");
            }
            components[i] = new Component(data[at] & 0xFF, h, v, table);
            for (int j = 0; j < i; j++) {
                if (components[j].id == components[i].id) {
                    throw JpegException.corrupt("duplicate component");
                }
            }
        }
        return new Frame(width, height, marker == Markers.SOF2, components);
    }

    /** DHT: one or more tables into their slots. */
    static void huffmanTables(byte[] data, int pos, int end, HuffmanTable[] dcTables, HuffmanTable[] acTables)
            throws JpegException {
        while (pos < end) {
            need(data, pos, 17, end);
            int kind = (data[pos] & 0xFF) >> 4;
            int slot = data[pos] & 0x0F;
            if (kind > 1 || slot > 3) {
                throw JpegException.corrupt("bad Huffman table");
            }
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = data[pos + 1 + i] & 0xFF;
                total += counts[i];
            }
            if (total > 256) {
                throw JpegException.corrupt("bad Huffman table");
            }
            need(data, pos + 17, total, end);
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = data[pos + 17 + i] & 0xFF;
            }
            (kind == 0 ? dcTables : acTables)[slot] = new HuffmanTable(counts, symbols);
            pos += 17 + total;
        }
    }

    /** DQT: entry 0 of each table (all the DC path needs) and which slots are defined. */
    static void quantTables(byte[] data, int pos, int end, int[] quant0, boolean[] quantDefined) throws JpegException {
        while (pos < end) {
            int precision = (data[pos] & 0xFF) >> 4;
            int slot = data[pos] & 0x0F;
            if (precision > 1 || slot > 3) {
                throw JpegException.corrupt("bad quantisation table");
            }
            need(data, pos + 1, precision == 0 ? 64 : 128, end);
            quant0[slot] = precision == 0 ? data[pos + 1] & 0xFF : u16(data, pos + 1);
            quantDefined[slot] = true;
            pos += 1 + (precision == 0 ? 64 : 128);
        }
    }

    static boolean need(byte[] data, int pos, int bytes, int end) throws JpegException {
        if (pos + bytes > end) {
            throw JpegException.corrupt("segment too short");
        }
        return true;
    }

    static int u16(byte[] data, int pos) {
        return (data[pos] & 0xFF) << 8 | (data[pos + 1] & 0xFF);
    }
}
