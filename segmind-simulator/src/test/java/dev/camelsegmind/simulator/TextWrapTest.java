package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextWrapTest {

    @Test
    void breaksAtSpacesWithinTheColumnLimit() {
        assertThat(TextWrap.wrap("a cat on a mat in the sun", 10, 5))
                .containsExactly("a cat on a", "mat in the", "sun");
    }

    @Test
    void splitsAWordLongerThanALine() {
        assertThat(TextWrap.wrap("supercalifragilistic ok", 8, 5)).containsExactly("supercal", "ifragili", "stic ok");
    }

    @Test
    void textThatFitsExactlyGetsNoEllipsis() {
        assertThat(TextWrap.wrap("aaaa bbbb", 4, 2)).containsExactly("aaaa", "bbbb");
    }

    @Test
    void cutTextEndsWithAnEllipsisWithinTheLine() {
        assertThat(TextWrap.wrap("one two three four five six", 9, 2)).containsExactly("one two", "three...");
        assertThat(TextWrap.wrap("aaaa bbbb cccc", 4, 2)).containsExactly("aaaa", "b...");
    }

    @Test
    void aVeryLongPromptStopsAtTheLineLimit() {
        String prompt = "word ".repeat(100_000);

        assertThat(TextWrap.wrap(prompt, 20, 3)).hasSize(3).allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(20))
                .last().asString().endsWith(TextWrap.ELLIPSIS);
    }

    @Test
    void keepsThePromptsLineBreaksAndFoldsOtherWhiteSpace() {
        assertThat(TextWrap.wrap("first\r\nsecond\tthird\n\n  fourth  ", 20, 5))
                .containsExactly("first", "second third", "fourth");
    }

    @Test
    void showsEachCharacterTheFontLacksAsOneQuestionMark() {
        assertThat(TextWrap.wrap("caf\u00e9 \u732b \uD83D\uDC31!", 20, 1)).containsExactly("caf? ? ?!");
    }

    @Test
    void nothingToShowGivesNoLines() {
        assertThat(TextWrap.wrap(null, 10, 2)).isEmpty();
        assertThat(TextWrap.wrap("   \n ", 10, 2)).isEmpty();
        assertThat(TextWrap.wrap("text", 0, 2)).isEmpty();
        assertThat(TextWrap.wrap("text", 10, 0)).isEmpty();
    }

    @Test
    void narrowerThanTheEllipsisStillStaysWithinTheColumns() {
        assertThat(TextWrap.wrap("abc def", 2, 1)).containsExactly("..");
    }
}
