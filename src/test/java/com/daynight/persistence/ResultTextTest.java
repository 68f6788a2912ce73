package com.daynight.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResultTextTest {

    @Test
    void textWithinItsLimitIsStoredWhole() {
        String name = "a/".repeat(2_000) + "x.jpg";
        assertSame(name, ResultText.image(name));
        assertEquals("not a JPEG", ResultText.error("not a JPEG"));
    }

    @Test
    void longerTextKeepsItsBeginningAMarkerAndAHashWithinTheLimit() {
        String name = "d/".repeat(3_000) + "picture.jpg";
        String stored = ResultText.image(name);
        assertEquals(ResultText.MAX_IMAGE_CHARS, stored.length());
        assertTrue(stored.startsWith("d/d/d/"), stored.substring(0, 10));
        assertTrue(stored.matches("(?s).*…#[0-9a-f]{16}"), stored.substring(stored.length() - 30));
        assertEquals(stored, ResultText.image(name), "the same name always gives the same stored form");
        assertNotEquals(stored, ResultText.image("d/".repeat(3_000) + "other.jpg"),
                "two long names that share their beginning still differ");
        assertEquals(ResultText.MAX_ERROR_CHARS, ResultText.error("e".repeat(50_000)).length());
    }

    @Test
    void aPairIsNeverCutInTwo() {
        String emoji = "\uD83D\uDE00";
        for (int pad = 0; pad < 2; pad++) {
            String stored = ResultText.bounded("x".repeat(pad) + emoji.repeat(100), 50);
            assertTrue(stored.length() <= 50);
            assertEquals(ResultText.wellFormed(stored), stored, "no lone surrogate: " + stored);
        }
    }

    @Test
    void loneSurrogatesBecomeReplacementCharacters() {
        assertEquals("a\uFFFDb\uFFFD", ResultText.image("a\uD800b\uDC00"));
        assertEquals("ok \uD83D\uDE00", ResultText.image("ok \uD83D\uDE00"));
    }

    @Test
    void theLastResortIsShortPrintableAscii() {
        String safe = ResultText.safeAscii("é/".repeat(1_000) + "\u0000.jpg");
        assertTrue(safe.length() <= ResultText.SAFE_ASCII_CHARS + 18, String.valueOf(safe.length()));
        assertTrue(safe.substring(0, ResultText.SAFE_ASCII_CHARS).chars().allMatch(c -> c >= 0x20 && c < 0x7f));
    }
}
