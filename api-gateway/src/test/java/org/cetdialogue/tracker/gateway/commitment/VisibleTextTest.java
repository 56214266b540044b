package org.cetdialogue.tracker.gateway.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which text counts as blank: the categories {@link VisibleText} names, and nothing a reader can see. */
class VisibleTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "\t\n\r",
                "\u200b",
                "\u200c\u200d\u2060",
                "\ufeff",
                "\u00a0\u2007\u202f\u3000",
                "\u2028\u2029",
                "\u202a\u202e\u2066\u2069",
                "\u00ad",
                "\u180e",
                "\u3164",
                "\u115f\u1160",
                "\uffa0",
                "\u2800",
                "\u034f",
                "\u17b4\u17b5",
                "\u0000\u0085"
            })
    void invisibleTextIsBlank(String text) {
        assertThat(VisibleText.Validator.hasVisible(text)).as(codePoints(text)).isFalse();
        assertThat(new VisibleText.Validator().isValid(text, null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"a", "\u200bx\u200b", "한국표준과학연구원", "\u00e9", "e\u0301", "\ud83d\ude80", "-", "0", "\u3000.\u3000"
            })
    void textWithOneVisibleCharacterIsText(String text) {
        assertThat(VisibleText.Validator.hasVisible(text)).as(codePoints(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0x0041, 0xAC00, 0x4E00, 0x0661, 0x1F600})
    void lettersDigitsAndSymbolsAreVisible(int codePoint) {
        assertThat(VisibleText.Validator.isInvisible(codePoint)).isFalse();
    }

    @Test
    void nullIsLeftToNotNull() {
        assertThat(new VisibleText.Validator().isValid(null, null)).isTrue();
    }

    private static String codePoints(String text) {
        return IntStream.range(0, text.length())
                .mapToObj(i -> String.format("U+%04X", (int) text.charAt(i)))
                .toList()
                .toString();
    }
}
