package com.daynight.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoundedTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "a|1", "`\"`|2", "'|2", "\\|2", "é|2", "日|3", "\uD83D\uDE00|4", "\u200F|3"})
    void countsTheBytesOfTheEscapedUtf8Literal(String text, int bytes) throws IOException {
        BoundedText out = new BoundedText(100);
        out.write(text);
        assertEquals(bytes, out.bytes(), text);
        assertEquals(text, out.toString());
    }

    @Test
    void controlCharactersTheDriverEscapesCountTwice() throws IOException {
        BoundedText out = new BoundedText(100);
        out.write("\0\n\r\u001a\t");
        assertEquals(9, out.bytes(), "a tab is sent as it is");
    }

    @Test
    void keepsTextUpToTheBudgetExactly() throws IOException {
        BoundedText out = new BoundedText(10);
        out.write("\"quote\"");
        out.write("x");
        assertEquals(10, out.bytes());
        assertEquals("\"quote\"x", out.toString());
    }

    @Test
    void oneByteMoreOverflowsAndDropsTheText() throws IOException {
        BoundedText out = new BoundedText(10);
        out.write("0123456789");
        assertThrows(BoundedText.Overflow.class, () -> out.write("é"));
        assertThrows(BoundedText.Overflow.class, out::toString);
        assertThrows(BoundedText.Overflow.class, () -> out.write("x"), "nothing more is taken");
    }
}
