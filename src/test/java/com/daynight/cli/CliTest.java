package com.daynight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.classify.TestPictures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliTest {

    @TempDir
    static Path work;
    private static Path data;
    private static Path model;

    /** Bright and dark pictures in day/ and night/, and a model trained on them through the CLI. */
    @BeforeAll
    static void trainThroughTheCli() throws Exception {
        data = work.resolve("data");
        for (int i = 0; i < 6; i++) {
            write(data.resolve("day/bright" + i + ".jpg"), TestPictures.brightJpeg(i));
            write(data.resolve("night/dark" + i + ".JPEG"), TestPictures.darkJpeg(i));
        }
        model = work.resolve("models/tiny.model");
        Run train = run("train", "--data", data.toString(), "--out", model.toString());
        assertEquals(0, train.code, train.err);
        assertTrue(train.out.contains("training accuracy: 1.0000 (12/12)"), train.out);
        assertTrue(Files.size(model) > 0);
    }

    @Test
    void trainWithAHoldOutSelectsOnTheRestAndScoresOnIt() {
        Path heldOutModel = work.resolve("models/held-out.model");
        Run train = run("train", "--data", data.toString(), "--hold-out", data.toString(), "--out", heldOutModel.toString());
        assertEquals(0, train.code, train.err);
        // round(20% of 6) = 1 picture of each label is held out, 10 remain for cross-validation and training.
        assertTrue(train.out.contains("hold-out (seed 4, 20% of each label): 2 pictures (day 1, night 1)"), train.out);
        assertTrue(train.out.contains("training on 10 pictures (day 5, night 5)"), train.out);
        assertTrue(train.out.contains("chosen (highest mean of the data sets' accuracies, then overall): "), train.out);
        assertTrue(train.out.contains("hold-out accuracy: 1.0000 (2/2)"), train.out);

        Run evaluate = run("evaluate", "--hold-out", data.toString(), "--model", heldOutModel.toString());
        assertEquals(0, evaluate.code, evaluate.err);
        assertTrue(evaluate.out.strip().endsWith("accuracy: 1.0000 (2/2)"), evaluate.out);
    }

    @Test
    void trainWithTheSceneNetworkMeasuresTheCascadeAndKeepsTheNetworkUnlessACascadeIsMoreAccurate() {
        Path cascadeModel = work.resolve("models/cascade.model");
        Run train = run("train", "--data", data.toString(), "--out", cascadeModel.toString());
        assertEquals(0, train.code, train.err);
        assertTrue(train.out.contains("training on 12 pictures (day 6, night 6), 397 features each"), train.out);
        assertTrue(train.out.contains("cross-validation on the training pictures, statistics alone (the quick model)"), train.out);
        assertTrue(train.out.contains("cross-validation on the training pictures, statistics and scene network"), train.out);
        assertTrue(train.out.contains("cascade, cross-validated"), train.out);
        assertTrue(train.out.contains("network always"), train.out);
        // Bright against dark: the quick model alone is right on every picture, but no more than the network.
        assertTrue(train.out.contains("then the most accurate, then the cheapest): network always"), train.out);
        assertTrue(train.out.contains("on 397 features: training accuracy: 1.0000 (12/12)"), train.out);
    }

    @Test
    void trainOnTheStatisticsAloneSkipsTheNetwork() {
        Run train = run("train", "--data", data.toString(), "--features", "statistics",
                "--out", work.resolve("models/statistics.model").toString());
        assertEquals(0, train.code, train.err);
        assertTrue(train.out.contains("12 pictures (day 6, night 6), 109 features each"), train.out);
        assertTrue(!train.out.contains("cascade"), train.out);
    }

    @Test
    void trainAppliesTheWrittenLabelCorrectionsAndRefusesOnesThatNameNoPicture() throws Exception {
        Path corrections = Files.writeString(work.resolve("corrections.tsv"),
                "# path\tlabel\treason\nnight/dark0.JPEG\tday\ta test says so\n");
        Run train = run("train", "--data", data.toString(), "--features", "statistics", "--corrections",
                corrections.toString(), "--out", work.resolve("models/corrected.model").toString());
        assertEquals(0, train.code, train.err);
        assertTrue(train.out.contains("dark0.JPEG: night -> day (a test says so)"), train.out);
        assertTrue(train.out.contains("training on 12 pictures (day 7, night 5)"), train.out);

        Files.writeString(corrections, "night/no-such.jpg\tday\ta picture that is not there\n");
        Run refused = run("train", "--data", data.toString(), "--features", "statistics", "--corrections",
                corrections.toString(), "--out", work.resolve("models/never.model").toString());
        assertEquals(1, refused.code, refused.out);
        assertTrue(refused.err.contains("label corrections that name no training picture: [night/no-such.jpg]"),
                refused.err);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "                                          | no command",
        "fly                                       | unknown command fly",
        "train --data DATA                         | --out is required",
        "train --out x.model                       | --data is required",
        "train --data DATA --out                   | --out needs a value",
        "train --data DATA --features colour --out x.model | --features must be scene or statistics, not colour",
        "evaluate --data DATA --colour blue        | unknown option --colour",
        "evaluate --data /no/such/folder           | no such folder: /no/such/folder",
        "evaluate --data DATA/day                  | night",
        "evaluate --data DATA --model /no/such.model | no such file: /no/such.model",
        "classify --model MODEL                    | no PATH",
        "classify --model MODEL /no/such.jpg       | no such file or folder: /no/such.jpg"})
    void wrongCommandLinesExitWithTwoAndNameTheProblem(String commandLine, String problem) {
        String[] args = commandLine == null ? new String[0]
                : commandLine.replace("DATA", data.toString()).replace("MODEL", model.toString()).trim().split("\\s+");
        Run result = run(args);
        assertEquals(2, result.code, result.err);
        assertTrue(result.err.contains(problem), result.err);
        assertTrue(result.err.contains("usage:"), result.err);
    }

    @Test
    void classifyPrintsOneJsonLinePerPicture() throws Exception {
        Path folder = work.resolve("mixed");
        write(folder.resolve("a-bright.jpg"), TestPictures.brightJpeg(40));
        write(folder.resolve("b-broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        write(folder.resolve("notes.txt"), new byte[] {1});
        Path dark = write(work.resolve("c-dark.jpg"), TestPictures.darkJpeg(41));

        Run result = run("classify", "--model", model.toString(), folder.toString(), dark.toString());
        assertEquals(0, result.code, result.err);
        List<JsonNode> lines = result.out.lines().map(CliTest::json).toList();
        assertEquals(3, lines.size(), result.out);
        assertLine(lines.get(0), folder.resolve("a-bright.jpg"), "day");
        assertLine(lines.get(1), folder.resolve("b-broken.jpg"), "error");
        assertTrue(lines.get(1).get("error").asText().contains("JPEG"), result.out);
        assertLine(lines.get(2), dark, "night");
        double confidence = lines.get(2).get("confidence").asDouble();
        assertTrue(confidence > 0.5 && confidence <= 1.0, result.out);
    }

    @Test
    void evaluateEndsWithTheAccuracyAndCountsBrokenPictures() throws Exception {
        Path withBroken = work.resolve("with-broken");
        Files.createDirectories(withBroken.resolve("night"));
        write(withBroken.resolve("day/bright.jpg"), TestPictures.brightJpeg(60));
        write(withBroken.resolve("day/broken.jpg"), new byte[0]);

        Run result = run("evaluate", "--data", withBroken.toString(), "--model", model.toString());
        assertEquals(0, result.code, result.err);
        List<String> lines = result.out.lines().toList();
        assertTrue(lines.get(lines.size() - 1).matches("accuracy: \\d\\.\\d{4} \\(\\d+/\\d+\\)"), result.out);
        assertEquals("accuracy: 0.5000 (1/2)", lines.get(lines.size() - 1));
        assertTrue(result.out.contains("broken.jpg: empty file"), result.out);
    }

    private static void assertLine(JsonNode line, Path image, String result) {
        assertEquals(image.toString(), line.get("image").asText());
        assertEquals(result, line.get("result").asText());
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private static Path write(Path file, byte[] bytes) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
