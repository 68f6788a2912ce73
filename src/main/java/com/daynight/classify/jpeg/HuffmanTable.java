package com.daynight.classify.jpeg;

/**
 * One Huffman table (ITU T.81 annex C) with a 9-bit lookup for the short codes, which are nearly
 * all of them, and the canonical max-code walk for the rest. Immutable once built.
 */
final class HuffmanTable {

    static final int LOOKUP_BITS = 9;

    /** Indexed by the next 9 bits: code length << 8 | symbol, or 0 when the code is longer than 9 bits. */
    private final int[] lookup = new int[1 << LOOKUP_BITS];
    /** Largest code of each length (1..16), -1 when there is none; index 17 is a sentinel. */
    private final int[] maxCode = new int[18];
    /** For each length: index into symbols of its first code, minus that code. */
    private final int[] valueOffset = new int[17];
    private final int[] symbols;

    /**
     * @param counts  number of codes of each length 1..16 (counts[0] is for length 1)
     * @param symbols the symbols in code order
     */
    HuffmanTable(int[] counts, int[] symbols) throws JpegException {
        this.symbols = symbols.clone();
        int code = 0;
        int index = 0;
        for (int length = 1; length <= 16; length++) {
            int count = counts[length - 1];
            valueOffset[length] = index - code;
            if (count == 0) {
                maxCode[length] = -1;
            } else {
                for (int i = 0; i < count; i++, code++, index++) {
                    if (length <= LOOKUP_BITS) {
                        int shift = LOOKUP_BITS - length;
                        int entry = length << 8 | symbols[index];
                        for (int fill = code << shift, last = (code + 1) << shift; fill < last; fill++) {
                            lookup[fill] = entry;
                        }
                    }
                }
                maxCode[length] = code - 1;
            }
            if (code > 1 << length) {
                throw JpegException.corrupt("bad Huffman table");
            }
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
    }

    /** Lookup entry for the next 9 bits (length << 8 | symbol), 0 if the code is longer. */
    int lookup(int next9Bits) {
        return lookup[next9Bits];
    }

    /**
     * The symbol of a code longer than 9 bits, given the next 16 bits; returns length << 8 | symbol,
     * or -1 when no code matches (corrupt data).
     */
    int decodeLong(int next16Bits) {
        for (int length = LOOKUP_BITS + 1; length <= 16; length++) {
            int code = next16Bits >>> (16 - length);
            if (code <= maxCode[length]) {
                int index = valueOffset[length] + code;
                return index >= 0 && index < symbols.length ? length << 8 | symbols[index] : -1;
            }
        }
        return -1;
    }
}
