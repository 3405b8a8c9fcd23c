package dev.camelsegmind.simulator;

import static dev.camelsegmind.simulator.ParameterRule.bool;
import static dev.camelsegmind.simulator.ParameterRule.integerBetween;
import static dev.camelsegmind.simulator.ParameterRule.integerOneOf;
import static dev.camelsegmind.simulator.ParameterRule.oneOf;
import static dev.camelsegmind.simulator.ParameterRule.requiredString;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameter constraints published on the seed model pages, and nothing more: unknown
 * parameters pass (Segmind forwards them), and other slugs are not checked, so a client can be
 * tested against any model.
 */
final class PayloadValidator {

    private static final long MAX_SEED = 2_147_483_647L;

    private static final Map<String, List<ParameterRule>> RULES = Map.of(
            "wan2.7-image-pro", List.of(
                    requiredString("prompt"),
                    oneOf("size", "1K", "2K", "4K"),
                    integerBetween("seed", 0, MAX_SEED),
                    bool("watermark")),
            "wan2.7-i2v", List.of(
                    requiredString("prompt"),
                    oneOf("resolution", "720P", "1080P"),
                    integerBetween("duration", 2, 15),
                    integerBetween("seed", 0, MAX_SEED)),
            "wan2.7-r2v", List.of(
                    requiredString("prompt"),
                    oneOf("resolution", "720P", "1080P"),
                    integerBetween("duration", 2, 15)),
            "wan2.1-i2v-720p", List.of(
                    requiredString("image"),
                    requiredString("prompt"),
                    integerOneOf("resolution", 720, 960, 1024),
                    integerBetween("video_length", 1, 5),
                    integerBetween("steps", 10, 70),
                    bool("base64")));

    /** The first broken rule's message, or empty when the payload is acceptable. */
    Optional<String> validate(String slug, JsonNode payload) {
        for (ParameterRule rule : RULES.getOrDefault(slug, List.of())) {
            Optional<String> problem = rule.check(payload);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }
}
