package dev.camelsegmind.component.springboot;

import dev.camelsegmind.component.springboot.example.GenerateApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * An application whose key property names an environment variable that is not set keeps Spring's placeholder as
 * text; the routes then do not start, and the error says which option, property and variable to set, instead of
 * sending the placeholder to Segmind for every message.
 */
class SegmindStarterMissingKeyTest {

    @Test
    void anUnresolvedKeyPlaceholderStopsTheApplicationWithWhatToSet() {
        Throwable thrown = catchThrowable(() -> {
            try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(GenerateApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties("camel.component.segmind.api-key=${SEGMIND_API_KEY_NEVER_SET_IN_THIS_TEST}",
                            "camel.component.segmind.base-url=http://127.0.0.1:9",
                            "spring.main.banner-mode=off", "logging.level.root=OFF")
                    .run()) {
                // started: the assertion below fails
            }
        });

        assertThat(thrown).as("the application must not start").isNotNull();
        Throwable root = thrown;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertThat(root).hasMessageContaining("unresolved placeholder '${SEGMIND_API_KEY_NEVER_SET_IN_THIS_TEST}'")
                .hasMessageContaining("option apiKey").hasMessageContaining("camel.component.segmind.api-key")
                .hasMessageContaining("SEGMIND_API_KEY");
    }
}
