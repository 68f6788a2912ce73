package com.daynight.classify.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ONNX file run from Java gives the numbers that nsfwjs's own network gave under node (tfjs, CPU backend)
 * for the same generated pictures (src/test/resources/onnx/reference.json, made by tools/nsfwjs-onnx/reference.sh).
 */
class SceneNetworkTest {

    private static final double TOLERANCE = 1e-4;
    private static SceneNetwork network;

    @BeforeAll
    static void load() throws IOException {
        network = SceneNetwork.loadBundled();
    }

    @AfterAll
    static void close() {
        network.close();
    }

    static Stream<JsonNode> cases() throws IOException {
        try (InputStream input = SceneNetworkTest.class.getResourceAsStream("/onnx/reference.json")) {
            JsonNode root = new ObjectMapper().readTree(input);
            List<JsonNode> all = new ArrayList<>();
            root.get("cases").forEach(all::add);
            return all.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheOriginalNetwork(JsonNode reference) {
        int size = reference.get("size").asInt();
        assertEquals(SceneNetwork.INPUT_SIZE, size);
        float[] pixels = picture(reference.get("picture").asText(), size);
        float[] features = network.features(pixels);
        JsonNode expected = reference.get("features");
        assertEquals(expected.size(), features.length);
        assertEquals(SceneNetwork.featureNames().size(), features.length);
        double worst = 0;
        for (int i = 0; i < features.length; i++) {
            worst = Math.max(worst, Math.abs(features[i] - expected.get(i).asDouble()));
        }
        assertTrue(worst < TOLERANCE, reference.get("picture").asText() + ": largest difference " + worst);
    }

    @Test
    void theWholeMapIsTheMeanOfItsHalves() {
        float[] features = network.features(picture("noise", SceneNetwork.INPUT_SIZE));
        int c = SceneNetwork.CHANNELS;
        for (int i = 0; i < c; i++) {
            assertEquals(features[i], (features[c + i] + features[2 * c + i]) / 2, 1e-4);
        }
    }

    @Test
    void refusesAnInputOfAnotherSize() {
        assertThrows(IllegalArgumentException.class, () -> network.features(new float[10]));
    }

    @Test
    void refusesBytesThatAreNoNetwork() {
        IOException e = assertThrows(IOException.class, () -> SceneNetwork.load(new byte[] {1, 2, 3}));
        assertTrue(e.getMessage().startsWith("cannot start the scene network"), e.getMessage());
    }

    @Test
    void namesEachValue() {
        assertEquals(288, SceneNetwork.featureNames().size());
        assertEquals("scene_all_00", SceneNetwork.featureNames().get(0));
        assertEquals("scene_bottom_95", SceneNetwork.featureNames().get(287));
    }

    /** The pictures as reference.json describes them. */
    static float[] picture(String name, int s) {
        float[] values = new float[s * s * 3];
        long state = 2463534242L;
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                for (int c = 0; c < 3; c++) {
                    int v = switch (name) {
                        case "gradient" -> c == 0 ? 255 * x / (s - 1) : c == 1 ? 255 * y / (s - 1) : 255 * (s - 1 - x) / (s - 1);
                        case "checkerboard" -> (x / 8 + y / 8) % 2 == 0 ? 255 : 0;
                        case "grey" -> 128;
                        case "noise" -> {
                            state ^= (state << 13) & 0xFFFFFFFFL;
                            state ^= state >>> 17;
                            state ^= (state << 5) & 0xFFFFFFFFL;
                            yield (int) (state >>> 24);
                        }
                        default -> throw new IllegalArgumentException(name);
                    };
                    values[(y * s + x) * 3 + c] = v / 255f;
                }
            }
        }
        return values;
    }
}
