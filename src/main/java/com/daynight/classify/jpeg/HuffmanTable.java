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
    private final int[] counts;
    /** Built on first use: see {@link #acSkip()} and {@link #dcFast()}. */
    private int[] acSkip;
    private int[] dcFast;

    /**
     * @param counts  number of codes of each length 1..16 (counts[0] is for length 1)
     * @param symbols the symbols in code order
     */
    HuffmanTable(int[] counts, int[] symbols) throws JpegException {
        this.symbols = symbols.clone();
        this.counts = counts.clone();
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

    /** Bits of the lookups that consume a code and its magnitude bits at once. */
    static final int FAST_BITS = 11;

    /**
     * For skipping AC coefficients, indexed by the next {@link #FAST_BITS} bits. The low 16 bits
     * describe one symbol: the bits its code and magnitude take together (low 8) and, above them,
     * how far the coefficient index advances (run + 1; 16 for ZRL; 64 for end of block). The high 16
     * bits describe the same for that symbol and the next together, when the next one's code also
     * lies within the FAST_BITS (else they repeat the low 16). 0 when the first code is longer than
     * FAST_BITS or matches nothing. Magnitude bits need not be among the FAST_BITS: only their
     * number, which the symbol gives, matters. The pair may be used only when the first symbol
     * leaves the block unfinished, which is when decoding one symbol at a time would go on to the
     * second.
     */
    int[] acSkip() {
        int[] table = acSkip;
        if (table == null) {
            int[] single = build(true);
            int mask = (1 << FAST_BITS) - 1;
            table = new int[single.length];
            for (int i = 0; i < single.length; i++) {
                int first = single[i];
                if (first == 0) {
                    continue;
                }
                int one = first & 0xFFFF;
                int both = one;
                int length = first & 0xFF;
                int advance = (first >> 8) & 0xFF;
                if (advance < 64 && length < FAST_BITS) {
                    int second = single[(i << length) & mask];
                    if (second != 0 && (second >>> 16) <= FAST_BITS - length) {
                        both = (advance + ((second >> 8) & 0xFF)) << 8 | (length + (second & 0xFF));
                    }
                }
                table[i] = both << 16 | one;
            }
            acSkip = table;
        }
        return table;
    }

    /**
     * For DC differences, indexed by the next {@link #FAST_BITS} bits: the difference (EXTENDed,
     * above the low 8 bits) and the bits code and magnitude take together (low 8 bits); 0 when
     * they do not both fit in FAST_BITS or the code matches nothing.
     */
    int[] dcFast() {
        int[] table = dcFast;
        if (table == null) {
            table = dcFast = build(false);
        }
        return table;
    }

    private int[] build(boolean ac) {
        int[] table = new int[1 << FAST_BITS];
        int code = 0;
        int index = 0;
        for (int length = 1; length <= FAST_BITS; length++) {
            for (int i = 0; i < counts[length - 1]; i++, code++, index++) {
                int symbol = symbols[index];
                int size = symbol & 0x0F;
                int shift = FAST_BITS - length;
                int first = code << shift;
                int last = (code + 1) << shift;
                if (ac) {
                    int run = symbol >> 4;
                    int advance = size != 0 ? run + 1 : run == 15 ? 16 : 64;
                    int entry = length << 16 | advance << 8 | (length + size);
                    for (int fill = first; fill < last; fill++) {
                        table[fill] = entry;
                    }
                } else if (symbol <= 15 && length + symbol <= FAST_BITS) {
                    int total = length + symbol;
                    for (int fill = first; fill < last; fill++) {
                        int value = symbol == 0 ? 0 : (fill >> (FAST_BITS - total)) & ((1 << symbol) - 1);
                        if (symbol != 0 && value < 1 << (symbol - 1)) {
                            value += 1 - (1 << symbol);
                        }
                        table[fill] = value << 8 | total;
                    }
                }
            }
            code <<= 1;
        }
        return table;
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
