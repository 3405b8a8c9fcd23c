package dev.camelsegmind.component.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void plainTextIsUnchanged() {
        assertThat(SafeText.forMessage("a cat on a mat, 4K", 60)).isEqualTo("a cat on a mat, 4K");
    }

    @Test
    void lineBreaksAndTabsAreEscapedSoNoLogLineCanBeForged() {
        String forged = "ok\r\n2024-01-01 INFO fake entry\tx";
        String safe = SafeText.forMessage(forged, 200);
        assertThat(safe).isEqualTo("ok\\r\\n2024-01-01 INFO fake entry\\tx");
        assertThat(safe).doesNotContain("\r", "\n", "\t");
    }

    @Test
    void otherControlCharactersAreUnicodeEscaped() {
        assertThat(SafeText.forMessage("a\u0000b\u001bc\u007fd\u0085e", 200))
                .isEqualTo("a\\u0000b\\u001bc\\u007fd\\u0085e");
    }

    @Test
    void unicodeLineSeparatorsAreEscaped() {
        assertThat(SafeText.forMessage("a\u2028b\u2029c", 200)).isEqualTo("a\\u2028b\\u2029c");
    }

    @Test
    void longTextIsCutWithEllipsis() {
        String safe = SafeText.forMessage("x".repeat(1000), 60);
        assertThat(safe).isEqualTo("x".repeat(60) + "…");
    }

    @Test
    void textOfExactlyMaxIsNotCut() {
        assertThat(SafeText.forMessage("y".repeat(60), 60)).isEqualTo("y".repeat(60));
    }

    @Test
    void cutCountsEscapedOutputSoEscapesCannotBlowUpTheLength() {
        String safe = SafeText.forMessage("\n".repeat(1000), 10);
        assertThat(safe).isEqualTo("\\n\\n\\n\\n\\n…");
        assertThat(safe.length()).isLessThanOrEqualTo(11);
    }

    @Test
    void cutNeverSplitsAnEscapeOrASurrogatePair() {
        assertThat(SafeText.forMessage("abc\u0001", 5)).isEqualTo("abc…");
        String emoji = "\uD83D\uDE00";
        assertThat(SafeText.forMessage("a" + emoji + "b", 2)).isEqualTo("a…");
        assertThat(SafeText.forMessage("a" + emoji + "b", 3)).isEqualTo("a" + emoji + "…");
    }

    @Test
    void loneSurrogatesAreEscaped() {
        assertThat(SafeText.forMessage("a\uD83Db", 20)).isEqualTo("a\\ud83db");
        assertThat(SafeText.forMessage("a\uDE00b", 20)).isEqualTo("a\\ude00b");
    }

    @Test
    void nullAndNonStringValuesUseToString() {
        assertThat(SafeText.forMessage(null, 10)).isEqualTo("null");
        assertThat(SafeText.forMessage(42, 10)).isEqualTo("42");
    }

    @Test
    void negativeMaxIsRefused() {
        assertThatThrownBy(() -> SafeText.forMessage("a", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
