package com.daynight.classify.training;

import com.daynight.classify.Label;
import java.nio.file.Path;

/** A picture file with its known answer. */
public record LabelledImage(Path file, Label label) {
}
