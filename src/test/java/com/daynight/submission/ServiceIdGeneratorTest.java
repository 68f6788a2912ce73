package com.daynight.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceIdGeneratorTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final ServiceIdGenerator generator = new ServiceIdGenerator();

    @Test
    void drawsEightCharactersFromTheAlphabet() {
        for (int i = 0; i < 10_000; i++) {
            String id = generator.get();
            assertEquals(8, id.length(), id);
            assertTrue(id.matches("[A-Z0-9]{8}"), id);
            assertTrue(ServiceIdGenerator.isWellFormed(id), id);
        }
    }

    @Test
    void everyCharacterOfTheAlphabetAppears() {
        int[] counts = new int[128];
        int draws = 5_000; // 40,000 characters, about 1,111 expected per symbol
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < draws; i++) {
            String id = generator.get();
            distinct.add(id);
            id.chars().forEach(c -> counts[c]++);
        }
        int expected = draws * ServiceIdGenerator.LENGTH / ALPHABET.length();
        for (char c : ALPHABET.toCharArray()) {
            assertTrue(counts[c] > 0, "never drawn: " + c);
            // very loose bounds: a sanity check on the distribution, not a statistical test
            assertTrue(counts[c] > expected / 2 && counts[c] < expected * 2,
                    c + " drawn " + counts[c] + " times, expected about " + expected);
        }
        assertEquals(draws, distinct.size(), "36^8 values: no repeats expected in a few thousand draws");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BK98GPW5", "AAAAAAAA", "00000000", "Z9Z9Z9Z9"})
    void wellFormed(String id) {
        assertTrue(ServiceIdGenerator.isWellFormed(id));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"bk98gpw5", "BK98GPw5", "BK98GPW", "BK98GPW59", "BK98-PW5", "BK98GPW ", " BK98GPW",
            "BK98GPW\n", "ÄK98GPW5", "BK98GPW\u0665"})
    void notWellFormed(String id) {
        assertFalse(ServiceIdGenerator.isWellFormed(id));
    }
}
