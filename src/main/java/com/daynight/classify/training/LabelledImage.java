package com.daynight.classify.training;

import java.nio.file.Path;

/** A picture file with its known answer, "day" or "night". */
public record LabelledImage(Path file, String label) {
}
