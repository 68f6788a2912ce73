package com.daynight.classify;

import com.daynight.classify.features.FeatureExtractor;
import com.daynight.classify.jpeg.DcJpegDecoder;
import com.daynight.classify.network.NetworkInput;
import com.daynight.classify.network.SceneNetwork;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JPEG bytes to the model's feature vector: the 1/8 picture, its 109 statistics ({@link FeatureExtractor}) and,
 * with a scene network, the network's 288 numbers after them. In two steps, so that a cascade can stop after the
 * first. Thread-safe.
 */
public final class ImageFeatures implements AutoCloseable {

    /**
     * Below this many pixels on its short side the 1/8 picture is too coarse for the network (a 200 x 200 photo
     * is 25 x 25 there): such small pictures are decoded in full for it, which costs little at their size.
     */
    static final int SMALL_SIDE = 32;
    /** The full decode of a small picture holds at most this many pixels (a long thin panorama is subsampled). */
    private static final long SMALL_FULL_PIXELS = 1_000_000;

    private final ImageDecoder decoder;
    private final FeatureExtractor extractor;
    private final SceneNetwork network;
    private final ImageDecoder fullDecoder = ImageDecoder.imageIo(SMALL_FULL_PIXELS);

    /** @param network null for the 109 statistics alone */
    public ImageFeatures(ImageDecoder decoder, FeatureExtractor extractor, SceneNetwork network) {
        this.decoder = decoder;
        this.extractor = extractor;
        this.network = network;
    }

    public ImageFeatures(ImageDecoder decoder, FeatureExtractor extractor) {
        this(decoder, extractor, null);
    }

    /** The 109 statistics of the 1/8 picture, without the network. */
    public static ImageFeatures standard() {
        return new ImageFeatures(ImageDecoder.dcOnly(), new FeatureExtractor());
    }

    /** The statistics and the scene network's numbers. */
    public static ImageFeatures withNetwork(SceneNetwork network) {
        return new ImageFeatures(ImageDecoder.dcOnly(), new FeatureExtractor(), network);
    }

    /** The names of the values {@link #fromJpeg} gives, in order. */
    public List<String> names() {
        return names(network != null);
    }

    public static List<String> names(boolean withNetwork) {
        if (!withNetwork) {
            return FeatureExtractor.featureNames();
        }
        List<String> names = new ArrayList<>(FeatureExtractor.featureNames());
        names.addAll(SceneNetwork.featureNames());
        return List.copyOf(names);
    }

    /** The names for feature vectors of {@code count} values: the statistics, or the statistics and the network. */
    public static Optional<List<String>> namesFor(int count) {
        for (boolean withNetwork : new boolean[] {false, true}) {
            if (names(withNetwork).size() == count) {
                return Optional.of(names(withNetwork));
            }
        }
        return Optional.empty();
    }

    public boolean hasNetwork() {
        return network != null;
    }

    public double[] fromJpeg(byte[] jpeg) throws ImageDecodeException {
        Statistics statistics = statistics(jpeg);
        return network == null ? statistics.values() : withScene(statistics);
    }

    /** A decoded picture and its statistics: the first step. */
    public record Statistics(byte[] jpeg, BufferedImage small, double[] values) {
    }

    /** The 1/8 picture alone; for the benchmark that times the stages apart. */
    public BufferedImage decode(byte[] jpeg) throws ImageDecodeException {
        return decoder.decode(jpeg);
    }

    public Statistics statistics(byte[] jpeg) throws ImageDecodeException {
        BufferedImage small = decoder.decode(jpeg);
        return new Statistics(jpeg, small, extractor.extract(small));
    }

    /** The statistics followed by the scene network's numbers: the second step. */
    public double[] withScene(Statistics statistics) {
        if (network == null) {
            throw new IllegalStateException("no scene network");
        }
        float[] scene = network.features(NetworkInput.of(networkPicture(statistics)));
        double[] values = new double[statistics.values().length + scene.length];
        System.arraycopy(statistics.values(), 0, values, 0, statistics.values().length);
        for (int i = 0; i < scene.length; i++) {
            values[statistics.values().length + i] = scene[i];
        }
        return values;
    }

    /** Frees the scene network's native session, if there is one. */
    @Override
    public void close() {
        if (network != null) {
            network.close();
        }
    }

    private BufferedImage networkPicture(Statistics statistics) {
        BufferedImage small = statistics.small();
        if (Math.min(small.getWidth(), small.getHeight()) >= SMALL_SIDE) {
            return small;
        }
        try {
            return DcJpegDecoder.oriented(fullDecoder.decode(statistics.jpeg()), statistics.jpeg());
        } catch (ImageDecodeException | RuntimeException e) {
            // The 1/8 picture was read; a full decode that fails on the same bytes only costs detail.
            return small;
        }
    }
}
