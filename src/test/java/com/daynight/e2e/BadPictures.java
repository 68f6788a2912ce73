package com.daynight.e2e;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Objects named .jpg that are not what they claim, or JPEGs at the edges of what a decoder meets, made
 * in the test's own folder from one real picture: what a user's bucket may hold by mistake or on purpose.
 */
final class BadPictures {

    /** A picture of 81 megapixels: under the decoder's 100-megapixel limit, 243 MB once fully decoded. */
    static final int HUGE_SIDE = 9_000;
    /** A file larger than the service's whole heap in the test. */
    static final long HUGE_FILE_BYTES = 300L * 1024 * 1024;

    private BadPictures() {
    }

    /** Writes every case into {@code bucket}; returns object name -> what the file is. */
    static Map<String, String> write(Path bucket, byte[] realJpeg) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("text.jpg", "this is a text file, not a picture\n".getBytes());
        files.put("png.jpg", png());
        files.put("empty.jpg", new byte[0]);
        files.put("truncated.jpg", Arrays.copyOf(realJpeg, realJpeg.length / 2));
        files.put("huge-header.jpg", withSize(realJpeg, 60_000, 60_000));
        files.put("cmyk.jpg", cmyk());
        files.put("corrupt-entropy.jpg", withJunkInScan(realJpeg));
        files.put("huge-valid.jpg", flatGrey(HUGE_SIDE, HUGE_SIDE, false));
        files.put("huge-corrupt.jpg", flatGrey(HUGE_SIDE, HUGE_SIDE, true));
        files.put("normal.jpg", realJpeg);
        Files.createDirectories(bucket);
        Map<String, String> sizes = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(bucket.resolve(file.getKey()), file.getValue());
            sizes.put(file.getKey(), file.getValue().length + " bytes");
        }
        // Sparse: 300 MB to whoever reads it, next to nothing on the test machine's disk.
        try (RandomAccessFile huge = new RandomAccessFile(bucket.resolve("huge-file.jpg").toFile(), "rw")) {
            huge.setLength(HUGE_FILE_BYTES);
        }
        sizes.put("huge-file.jpg", HUGE_FILE_BYTES + " bytes");
        return sizes;
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The same file with its frame header claiming another size (the scan data no longer matches it). */
    static byte[] withSize(byte[] jpeg, int width, int height) {
        byte[] copy = jpeg.clone();
        int sof = markerAt(copy, 0xC0, 0xC2);
        copy[sof + 5] = (byte) (height >> 8);
        copy[sof + 6] = (byte) height;
        copy[sof + 7] = (byte) (width >> 8);
        copy[sof + 8] = (byte) width;
        return copy;
    }

    /** A third of the scan's data, from its middle on, replaced by bytes that are no valid Huffman codes. */
    private static byte[] withJunkInScan(byte[] jpeg) {
        byte[] copy = jpeg.clone();
        int sos = markerAt(copy, 0xDA, 0xDA);
        int start = sos + (copy.length - sos) / 2;
        int end = Math.min(copy.length - 2, start + (copy.length - sos) / 3);
        for (int i = start; i < end; i++) {
            copy[i] = (byte) (i % 2 == 0 ? 0xFE : 0x01); // never 0xFF: no marker appears by chance
        }
        return copy;
    }

    /** A CMYK JPEG (four components, Adobe segment, no JFIF), as print workflows write them. */
    private static byte[] cmyk() throws IOException {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 64, 48, 4, null);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                raster.setPixel(x, y, new int[] {x * 4, y * 5, 128, 40}); // inverted CMYK: 255 = no ink
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * A baseline three-component JPEG of one flat grey, written directly: one-code Huffman tables make
     * every 8x8 block two zero bits (DC difference 0, end of block), so 81 megapixels take under 1 MB and
     * no picture of that size is ever held by the test. With {@code corrupt}, a stretch of the scan holds
     * bits that match no code, which sends the service's decoder to its full-decode fallback.
     */
    static byte[] flatGrey(int width, int height, boolean corrupt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        byte[] quant = new byte[65];
        Arrays.fill(quant, 1, 65, (byte) 1);
        segment(out, 0xDB, quant);
        segment(out, 0xC0, new byte[] {8, (byte) (height >> 8), (byte) height, (byte) (width >> 8), (byte) width,
                3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0});
        byte[] oneCode = new byte[18]; // class/id, 16 counts (one code of length 1), its symbol 0
        oneCode[1] = 1;
        segment(out, 0xC4, oneCode);
        byte[] acTable = oneCode.clone();
        acTable[0] = 0x10;
        segment(out, 0xC4, acTable);
        segment(out, 0xDA, new byte[] {3, 1, 0, 2, 0, 3, 0, 0, 63, 0});
        long mcus = (long) ((width + 7) / 8) * ((height + 7) / 8);
        byte[] scan = new byte[(int) ((mcus * 6 + 7) / 8)];
        if (corrupt) {
            Arrays.fill(scan, scan.length / 3, scan.length / 3 + 4096, (byte) 0x55);
        }
        scan[scan.length - 1] |= (byte) ((1 << ((8 - (int) (mcus * 6 % 8)) % 8)) - 1); // pad with one-bits
        out.writeBytes(scan);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] body) {
        int length = body.length + 2;
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length});
        out.writeBytes(body);
    }

    private static int markerAt(byte[] jpeg, int first, int last) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            int marker = jpeg[i + 1] & 0xFF;
            if ((jpeg[i] & 0xFF) == 0xFF && marker >= first && marker <= last) {
                return i;
            }
        }
        throw new IllegalArgumentException("no marker 0x" + Integer.toHexString(first));
    }
}
