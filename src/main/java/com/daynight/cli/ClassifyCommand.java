package com.daynight.cli;

import com.daynight.classify.DayNightClassifier;
import com.daynight.classify.ImageDecodeException;
import com.daynight.classify.Prediction;
import com.daynight.classify.training.JpegFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code classify [--model FILE] PATH...}: one JSON object per picture and line. A file named on the
 * command line is classified whatever its name; folders are searched for JPEG names.
 */
final class ClassifyCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClassifyCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException, IOException {
        CliOptions options = CliOptions.parse(args, Set.of(ModelOption.NAME));
        if (options.positional().isEmpty()) {
            throw new UsageException("no PATH given: name the pictures or folders to classify");
        }
        List<Path> files = picturesIn(options.positional());
        DayNightClassifier classifier = ModelOption.load(options);
        for (Path file : files) {
            out.println(JSON.writeValueAsString(classify(classifier, file)));
        }
        out.flush();
        return Cli.OK;
    }

    private static List<Path> picturesIn(List<String> paths) throws UsageException, IOException {
        List<Path> files = new ArrayList<>();
        for (String name : paths) {
            Path path = Path.of(name);
            if (Files.isDirectory(path)) {
                files.addAll(JpegFiles.below(path));
            } else if (Files.exists(path)) {
                files.add(path);
            } else {
                throw new UsageException("no such file or folder: " + name);
            }
        }
        return files;
    }

    private static ObjectNode classify(DayNightClassifier classifier, Path file) {
        ObjectNode line = JSON.createObjectNode().put("image", file.toString());
        try {
            Prediction prediction = classifier.classify(JpegFiles.readBytes(file));
            // Four decimals are all a calibrated probability can honestly claim.
            return line.put("result", prediction.label().jsonName())
                    .put("confidence", Math.round(prediction.confidence() * 10_000) / 10_000.0);
        } catch (ImageDecodeException e) {
            return line.put("result", "error").put("error", e.getMessage());
        } catch (IOException e) {
            return line.put("result", "error").put("error", "cannot read the file: " + e.getMessage());
        }
    }
}
