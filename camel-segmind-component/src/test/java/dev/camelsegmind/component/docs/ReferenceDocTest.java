package dev.camelsegmind.component.docs;

import java.io.InputStream;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/reference.md is rendered from the component JSON that Camel's generator builds from the annotations and javadoc:
 * an option added or reworded in code without regenerating the page fails here.
 */
class ReferenceDocTest {

    private static final String METADATA = "META-INF/dev/camelsegmind/component/segmind.json";

    @Test
    void referencePageMatchesTheComponentMetadata() throws Exception {
        Map<String, Object> json = metadata();
        String page = new ReferenceDoc(json).render();
        DocFiles.checkOrWrite(DocFiles.projectRoot().resolve("docs/reference.md"), page, ReferenceDoc.REGENERATE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOptionAndHeaderIsOnThePage() throws Exception {
        Map<String, Object> json = metadata();
        String page = new ReferenceDoc(json).render();
        for (String section : new String[] { "componentProperties", "properties", "headers" }) {
            Map<String, Map<String, Object>> entries = (Map<String, Map<String, Object>>) json.get(section);
            assertThat(entries).as(section).isNotEmpty();
            entries.forEach((name, o) -> {
                String shown = Boolean.TRUE.equals(o.get("multiValue")) ? o.get("prefix") + "*" : name;
                assertThat(page).as("%s %s", section, name).contains("| `" + shown + "` |");
                if (o.get("description") != null && !o.get("description").toString().isBlank()) {
                    // the first words of the description, as rendered into the table cell
                    String start = o.get("description").toString().replace("|", "\\|").split("\n")[0];
                    assertThat(page).contains(start.substring(0, Math.min(40, start.length())));
                }
            });
        }
        assertThat(page).contains("`camel.component.segmind.max-requests-per-minute`")
                .contains("segmind:model[?options]").contains("string, secret");
    }

    @Test
    void javaTypesAreShownWithoutPackages() {
        assertThat(ReferenceDoc.simpleJavaType("java.util.Map<java.lang.String, java.lang.Object>"))
                .isEqualTo("Map<String, Object>");
        assertThat(ReferenceDoc.simpleJavaType("org.apache.camel.spi.StateRepository<java.lang.String, java.lang.String>"))
                .isEqualTo("StateRepository<String, String>");
        assertThat(ReferenceDoc.kebab("maxRequestsPerMinute")).isEqualTo("max-requests-per-minute");
    }

    private static Map<String, Object> metadata() throws Exception {
        try (InputStream in = ReferenceDocTest.class.getClassLoader().getResourceAsStream(METADATA)) {
            assertThat(in).as("%s on the classpath (built by camel-component-maven-plugin)", METADATA).isNotNull();
            @SuppressWarnings("unchecked")
            Map<String, Object> json = new ObjectMapper().readValue(in, Map.class);
            return json;
        }
    }
}
