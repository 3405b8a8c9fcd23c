package dev.camelsegmind.component.http;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** When a rate-limited or unavailable API said it may be called again, read from the answer's headers. */
public final class RateLimitReset {

    private RateLimitReset() {
    }

    /**
     * {@code x-rate-limit-reset-at-utc} (Segmind's documented header, which gateways also send for other APIs), else
     * {@code Retry-After} in seconds or as a date; null when neither says.
     */
    public static Instant of(ApiResponse response) {
        String header = response.headers().firstValue("x-rate-limit-reset-at-utc").orElse(null);
        Instant reset = header == null ? null : parse(header.trim());
        if (reset != null) {
            return reset;
        }
        String retryAfter = response.headers().firstValue("retry-after").orElse(null);
        if (retryAfter != null) {
            try {
                return Instant.now().plusSeconds(Long.parseLong(retryAfter.trim()));
            } catch (NumberFormatException ignored) {
                return parse(retryAfter.trim());
            }
        }
        return null;
    }

    /**
     * A reset time as gateways write it: an ISO-8601 instant or date-time (UTC when no offset is given, as the
     * header's name says), epoch seconds or milliseconds, or an HTTP date. Anything else is null: backoff covers it.
     */
    public static Instant parse(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (text.chars().allMatch(Character::isDigit) && text.length() <= 19) {
            long n = Long.parseLong(text);
            // beyond the year 2286 in seconds, so milliseconds
            return n > 9_999_999_999L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }
}
