package dev.camelsegmind.component.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camelsegmind.component.error.SegmindValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelSlugsTest {

    @ParameterizedTest
    @ValueSource(strings = {"wan2.7-i2v", "flux_1.1-pro", "wan2.1-i2v-720p", "A", "9x", "seedream-4.0"})
    void acceptsOrdinarySlugs(String slug) {
        assertThat(ModelSlugs.requireValid(slug)).isEqualTo(slug);
        assertThat(ModelSlugs.isValid(slug)).isTrue();
    }

    @Test
    void acceptsTheLongestAllowedSlug() {
        String slug = "a".repeat(128);
        assertThat(ModelSlugs.requireValid(slug)).isEqualTo(slug);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "../v1/get-user-credits", "wan..i2v", "a%2Fb", "a%2fb", "wan 2.7", "wan\r\nx",
            "wan\nx", "", " ", "-leading-dash", ".hidden", "_under", "a?b=c", "a#b", "a\\b", "a:b", "ünïcode"})
    void refusesUnsafeSlugs(String slug) {
        assertThatThrownBy(() -> ModelSlugs.requireValid(slug))
                .isInstanceOf(SegmindValidationException.class)
                .satisfies(e -> assertThat(((SegmindValidationException) e).getOption()).isEqualTo("model"))
                .hasMessageContaining("(the endpoint path segmind:<model> or header CamelSegmindModel)");
        assertThat(ModelSlugs.isValid(slug)).isFalse();
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> ModelSlugs.requireValid(null)).isInstanceOf(SegmindValidationException.class);
        assertThat(ModelSlugs.isValid(null)).isFalse();
    }

    @Test
    void refuses200Characters() {
        assertThatThrownBy(() -> ModelSlugs.requireValid("a".repeat(200)))
                .isInstanceOf(SegmindValidationException.class)
                .hasMessageContaining("128");
        assertThatThrownBy(() -> ModelSlugs.requireValid("a".repeat(129)))
                .isInstanceOf(SegmindValidationException.class);
    }

    @Test
    void messageForASlashNamesTheRule() {
        assertThatThrownBy(() -> ModelSlugs.requireValid("a/b"))
                .hasMessage("model slug 'a/b' is not valid: use letters, digits, '.', '_' and '-' only"
                        + " (the endpoint path segmind:<model> or header CamelSegmindModel)");
    }

    @Test
    void messageEscapesLineBreaksSoLogLinesCannotBeForged() {
        assertThatThrownBy(() -> ModelSlugs.requireValid("x\r\nINFO forged"))
                .hasMessageStartingWith("model slug 'x\\r\\nINFO forged' is not valid")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n"));
    }

    @Test
    void messageForDotDotSaysSo() {
        assertThatThrownBy(() -> ModelSlugs.requireValid("a..b")).hasMessageContaining("'..' is not allowed");
    }
}
