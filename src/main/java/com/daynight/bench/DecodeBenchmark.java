package com.daynight.bench;

import com.daynight.classify.features.FeatureExtractor;
import com.daynight.classify.ImageDecodeException;
import com.daynight.classify.ImageDecoder;
import com.daynight.classify.ImageFeatures;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Median milliseconds per image, on one thread, for: the ordinary Java way as the issue defines it (ImageIO
 * full decode, {@code getRGB}, features); our ImageIO fallback (full decode, features read straight from the
 * raster); our DC-only path (decode + features); and, where installed, libjpeg-turbo at 1/8 scale (decode only).
 */
final class DecodeBenchmark {

    /** libjpeg-turbo is timed on a sample: each tjbench run takes a fraction of a second. */
    private static final int TJBENCH_SAMPLE = 15;

    private final FeatureExtractor extractor = new FeatureExtractor();
    private final ImageDecoder imageIo = ImageDecoder.imageIo();
    private final ImageFeatures ordinary = new ImageFeatures(this::imageIoThroughGetRgb, extractor);
    private final ImageFeatures imageIoFallback = new ImageFeatures(imageIo, extractor);
    private final ImageFeatures ours = new ImageFeatures(ImageDecoder.dcOnly(), extractor);

    record Row(String dataSet, int images, double ordinaryMillis, double imageIoMillis, double oursMillis,
            Double libjpegTurboMillis) {

        void print(PrintStream out) {
            String turbo = libjpegTurboMillis == null ? "n/a" : String.format(Locale.ROOT, "%.2f", libjpegTurboMillis);
            String vsTurbo = libjpegTurboMillis == null ? "n/a"
                    : String.format(Locale.ROOT, "%.2fx", oursMillis / libjpegTurboMillis);
            out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.1fx | %.1fx | %s | %s |%n", dataSet, images,
                    ordinaryMillis, imageIoMillis, oursMillis, ordinaryMillis / oursMillis, imageIoMillis / oursMillis,
                    turbo, vsTurbo);
        }
    }

    static void printHeader(PrintStream out) {
        out.println("| data set | images | ImageIO + getRGB + features, ms | ImageIO + raster + features, ms"
                + " | ours + features, ms | speed-up vs getRGB | speed-up vs raster | libjpeg-turbo 1/8, ms"
                + " | ours / libjpeg-turbo |");
        out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    }

    Row measure(String dataSet, List<Path> files) throws IOException, InterruptedException {
        List<byte[]> jpegs = new ArrayList<>();
        for (Path file : files) {
            jpegs.add(Files.readAllBytes(file));
        }
        warmUp(jpegs);
        double[] getRgb = new double[jpegs.size()];
        double[] raster = new double[jpegs.size()];
        double[] dc = new double[jpegs.size()];
        for (int i = 0; i < jpegs.size(); i++) {
            getRgb[i] = millis(ordinary, jpegs.get(i));
            raster[i] = millis(imageIoFallback, jpegs.get(i));
            dc[i] = millis(ours, jpegs.get(i));
        }
        return new Row(dataSet, jpegs.size(), median(getRgb), median(raster), median(dc),
                libjpegTurbo(files).orElse(null));
    }

    private void warmUp(List<byte[]> jpegs) {
        for (int round = 0; round < 3; round++) {
            for (byte[] jpeg : jpegs.subList(0, Math.min(jpegs.size(), 20))) {
                millis(ordinary, jpeg);
                millis(imageIoFallback, jpeg);
                millis(ours, jpeg);
            }
        }
    }

    /**
     * The ordinary Java way: the whole picture decoded, then every pixel fetched as packed RGB with
     * {@code getRGB}, which converts colour model by colour model; the features then read that array.
     */
    private BufferedImage imageIoThroughGetRgb(byte[] jpeg) throws ImageDecodeException {
        BufferedImage decoded = imageIo.decode(jpeg);
        int width = decoded.getWidth();
        int height = decoded.getHeight();
        int[] rgb = decoded.getRGB(0, 0, width, height, null, 0, width);
        // Wrapped, not copied, so that only getRGB itself is added to the decode.
        WritableRaster raster = Raster.createPackedRaster(new DataBufferInt(rgb, rgb.length), width, height, width,
                new int[] {0xFF0000, 0xFF00, 0xFF}, null);
        return new BufferedImage(new DirectColorModel(24, 0xFF0000, 0xFF00, 0xFF), raster, false, null);
    }

    private static double millis(ImageFeatures path, byte[] jpeg) {
        long start = System.nanoTime();
        try {
            path.fromJpeg(jpeg);
        } catch (ImageDecodeException e) {
            // an undecodable file costs what it costs; the benchmark data sets have none
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static Optional<Double> libjpegTurbo(List<Path> files) throws IOException, InterruptedException {
        if (!LibjpegTurbo.available()) {
            return Optional.empty();
        }
        List<Double> times = new ArrayList<>();
        int step = Math.max(1, files.size() / TJBENCH_SAMPLE);
        for (int i = 0; i < files.size(); i += step) {
            int[] size = dimensions(files.get(i));
            LibjpegTurbo.millisAtEighth(files.get(i), size[0], size[1]).ifPresent(times::add);
        }
        return times.isEmpty() ? Optional.empty()
                : Optional.of(median(times.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    static int[] dimensions(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
