package com.daynight.classify.training;

import java.nio.file.Path;

/** A picture that could not be read or decoded, and why. */
public record ImageFailure(Path file, String message) {
}
