package com.daynight.classify.jpeg;

/**
 * Reads entropy-coded data: a 64-bit buffer, left-aligned, refilled a byte at a time with byte
 * stuffing (0xFF 0x00) removed. It stops at any marker or at the end of the input and then feeds
 * zero bits, counting them, so that running past the real data is detected by {@link #overrun()}.
 * Every refill either advances the position or adds padding, so no loop over it can hang.
 */
final class BitReader {

    private final byte[] data;
    private final int end;
    // Package-private: ScanDecoder's baseline loop keeps these in locals and hands them back here
    // for the rare slow steps (byte stuffing, markers, long codes, restarts).
    int pos;
    long buffer;
    int bits;
    /** Zero bits fed after the data ended (at a marker or the end of input) and not yet dropped. */
    int padding;
    boolean atMarker;

    BitReader(byte[] data, int start, int end) {
        this.data = data;
        this.pos = start;
        this.end = end;
    }

    /** Ensures at least 57 bits in the buffer. */
    void fill() {
        while (bits <= 56) {
            int value = 0;
            if (atMarker || pos >= end) {
                padding += 8;
            } else {
                value = data[pos] & 0xFF;
                if (value != 0xFF) {
                    pos++;
                } else if (pos + 1 < end && data[pos + 1] == 0) {
                    pos += 2;
                } else {
                    // A marker (or fill bytes before one): the entropy-coded segment ends here.
                    atMarker = true;
                    value = 0;
                    padding += 8;
                }
            }
            buffer |= (long) value << (56 - bits);
            bits += 8;
        }
    }

    /** Whether more bits were consumed than the segment held: the data is cut short or corrupt. */
    boolean overrun() {
        return padding > bits;
    }

    /** Whether the input ended (rather than a marker) before the data the decoder needed. */
    boolean hitEndOfInput() {
        return pos >= end;
    }

    /** Decodes one Huffman symbol; -1 when the bits match no code. */
    int decode(HuffmanTable table) {
        if (bits < 32) {
            fill();
        }
        int entry = table.lookup((int) (buffer >>> (64 - HuffmanTable.LOOKUP_BITS)));
        if (entry == 0) {
            entry = table.decodeLong((int) (buffer >>> 48));
            if (entry < 0) {
                return -1;
            }
        }
        int length = entry >> 8;
        buffer <<= length;
        bits -= length;
        return entry & 0xFF;
    }

    /** Reads {@code size} (0..16) bits and sign-extends them as T.81 F.2.2.1 EXTEND. */
    int receiveExtend(int size) {
        if (size == 0) {
            return 0;
        }
        if (bits < 32) {
            fill();
        }
        int value = (int) (buffer >>> (64 - size));
        buffer <<= size;
        bits -= size;
        return value < 1 << (size - 1) ? value - (1 << size) + 1 : value;
    }

    /** Reads one bit. */
    int bit() {
        if (bits < 32) {
            fill();
        }
        int value = (int) (buffer >>> 63);
        buffer <<= 1;
        bits--;
        return value;
    }

    /**
     * Drops the buffered bits and moves past the next marker if it is a restart marker (RST0..7).
     * Returns false when the next marker is something else or there is none.
     */
    boolean restart() {
        buffer = 0;
        bits = 0;
        padding = 0;
        atMarker = false;
        int marker = Markers.find(data, pos, end);
        if (marker < 0 || !Markers.isRestart(data[marker + 1] & 0xFF)) {
            pos = marker < 0 ? end : marker;
            return false;
        }
        pos = marker + 2;
        return true;
    }

    /** Position of the marker that ends this entropy-coded segment (or the end of input). */
    int endOfSegment() {
        int marker = Markers.find(data, pos, end);
        return marker < 0 ? end : marker;
    }
}
