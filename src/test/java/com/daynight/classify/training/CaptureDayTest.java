package com.daynight.classify.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CaptureDayTest {

    @Test
    void timestampedWebcamFramesAreGroupedByTheirDay() {
        assertEquals("20151102", CaptureDay.of(Path.of("amos", "night", "20151102_231132.jpg")));
    }

    @Test
    void otherNamesHaveNoGroup() {
        assertEquals("", CaptureDay.of(Path.of("pexels-photo-1034662.jpeg")));
        assertEquals("", CaptureDay.of(Path.of("20151102.jpg")));
    }
}
