package dev.camelsegmind.component.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ModelSuggestionsTest {

    @ParameterizedTest
    @CsvSource({
            "wan-2.7-i2v, wan2.7-i2v",
            "Wan2.7-I2V, wan2.7-i2v",
            "wan_2_7_i2v, wan2.7-i2v",
            "wan2.7-imgae-pro, wan2.7-image-pro",
            "wan2.7-image-pr, wan2.7-image-pro",
            "wan2.7-imagee-pro, wan2.7-image-pro",
            "wan2.7-rv2, wan2.7-r2v",
            "wan2.1-i2v-720, wan2.1-i2v-720p",
    })
    void aSlipOfASeedModelIsANearMiss(String slug, String meant) {
        assertThat(ModelSuggestions.nearMiss(slug)).contains(meant);
    }

    @ParameterizedTest
    @ValueSource(strings = { "wan2.7-i2v", "wan2.6-i2v", "wan2.7-t2v", "wan2.5-i2v-fast", "wan2.1-i2v-480p",
            "wan2.7-image", "flux-schnell", "seedream-4", "wan2.7-12v" })
    void seedModelsAndPlausibleOtherModelsAreNot(String slug) {
        assertThat(ModelSuggestions.nearMiss(slug)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "wan2.6-i2v, wan2.7-i2v",
            "wan2.7-t2v, wan2.7-i2v",
            "wan2.1-i2v-480p, wan2.1-i2v-720p",
            "wan2.7-image, wan2.7-image-pro",
    })
    void theClosestSeedModelComesFirst(String slug, String closest) {
        assertThat(ModelSuggestions.closest(slug, 2)).hasSize(2).first().isEqualTo(closest);
    }
}
