package dev.camelsegmind.component.provider.segmind;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code x-rate-limit-reset-at-utc} as gateways write it. The reference says only that the header "may say when the
 * window resets"; these are the forms a reset time is written in, each read as the same instant.
 */
class ResetTimeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2026-03-01T12:30:05Z               | 2026-03-01T12:30:05Z",
            "2026-03-01T12:30:05.250Z           | 2026-03-01T12:30:05.250Z",
            "2026-03-01T14:30:05+02:00          | 2026-03-01T12:30:05Z",
            "2026-03-01T12:30:05                | 2026-03-01T12:30:05Z",
            "2026-03-01 12:30:05                | 2026-03-01T12:30:05Z",
            "2026-03-01T12:30:05.123456         | 2026-03-01T12:30:05.123456Z",
            "1772368205                         | 2026-03-01T12:30:05Z",
            "1772368205250                      | 2026-03-01T12:30:05.250Z",
            "'Sun, 1 Mar 2026 12:30:05 GMT'     | 2026-03-01T12:30:05Z",
    })
    void readsEachForm(String header, String expected) {
        assertThat(SegmindErrors.parseResetTime(header.trim())).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "soon", "12:30", "-5", "2026-13-01T00:00:00Z", "99999999999999999999" })
    void anythingElseIsUnknownAndLeftToBackoff(String header) {
        assertThat(SegmindErrors.parseResetTime(header)).isNull();
    }
}
