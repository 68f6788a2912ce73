package com.daynight.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LabelTest {

    @Test
    void theJsonNamesAreTheLowerCaseWords() {
        assertEquals("day", Label.DAY.jsonName());
        assertEquals("night", Label.NIGHT.jsonName());
        assertEquals(Label.DAY, Label.fromJsonName("day"));
        assertEquals(Label.NIGHT, Label.fromJsonName("night"));
    }

    @Test
    void refusesAnythingElse() {
        assertThrows(IllegalArgumentException.class, () -> Label.fromJsonName("DAY"));
        assertThrows(IllegalArgumentException.class, () -> Label.fromJsonName("error"));
    }
}
