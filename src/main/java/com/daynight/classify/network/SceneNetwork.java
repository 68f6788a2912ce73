package com.daynight.classify.network;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the picture shows, as numbers: the ImageNet part of nsfwjs@4.4.0's MobileNetV2 up to {@code block_12_add}
 * (weka-models/MODEL_CARD.md), run by ONNX Runtime on the CPU, its 96 channels averaged over the whole map, its
 * top half and its bottom half. One session serves every thread (ONNX Runtime's run is thread-safe), each call on
 * its caller's thread alone, so WORKERS threads use WORKERS cores and no more. Close it to free the native session.
 */
public final class SceneNetwork implements AutoCloseable {

    public static final String BUNDLED = "/weka-models/mobilenet_v2_block12.onnx";
    /** The network's input is the whole picture squashed to this many pixels square. */
    public static final int INPUT_SIZE = 128;
    static final int CHANNELS = 96;
    private static final String INPUT_NAME = "pixels";
    private static final List<String> NAMES = names();

    private final OrtEnvironment environment;
    private final OrtSession session;
    private boolean closed;

    private SceneNetwork(OrtEnvironment environment, OrtSession session) {
        this.environment = environment;
        this.session = session;
    }

    /** The network packaged from weka-models/, refused unless its bytes have the SHA-256 committed beside it. */
    public static SceneNetwork loadBundled() throws IOException {
        byte[] model = resource(BUNDLED);
        String expected = new String(resource(BUNDLED + ".sha256"), StandardCharsets.US_ASCII).trim().split("\\s+")[0];
        String actual = sha256(model);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new IOException("the scene network " + BUNDLED + " is not the committed file: SHA-256 " + actual
                    + ", expected " + expected);
        }
        return load(model);
    }

    static SceneNetwork load(byte[] model) throws IOException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // One thread per call: the service already runs one picture per worker thread.
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return new SceneNetwork(environment, environment.createSession(model, options));
        } catch (OrtException | UnsatisfiedLinkError e) {
            throw new IOException("cannot start the scene network: " + e.getMessage(), e);
        }
    }

    /** The names of {@link #features}' values: {@code scene_all_00}.., {@code scene_top_00}.., {@code scene_bottom_00}.. */
    public static List<String> featureNames() {
        return NAMES;
    }

    /** The 288 pooled activations of a picture made by {@link NetworkInput}. */
    public float[] features(float[] pixels) {
        if (pixels.length != INPUT_SIZE * INPUT_SIZE * 3) {
            throw new IllegalArgumentException("expected " + INPUT_SIZE + "x" + INPUT_SIZE + "x3 values, got " + pixels.length);
        }
        long[] shape = {1, INPUT_SIZE, INPUT_SIZE, 3};
        try (OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(pixels), shape);
                OrtSession.Result result = session.run(Map.of(INPUT_NAME, input))) {
            float[][] output = (float[][]) result.get(0).getValue();
            return output[0];
        } catch (OrtException e) {
            throw new IllegalStateException("the scene network failed: " + e.getMessage(), e);
        }
    }

    /** Frees the native session; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("could not close the scene network: " + e.getMessage(), e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream input = SceneNetwork.class.getResourceAsStream(name)) {
            if (input == null) {
                throw new IOException(name + " is missing from the classpath");
            }
            return input.readAllBytes();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (String part : new String[] {"all", "top", "bottom"}) {
            for (int channel = 0; channel < CHANNELS; channel++) {
                names.add(String.format(Locale.ROOT, "scene_%s_%02d", part, channel));
            }
        }
        return List.copyOf(names);
    }
}
