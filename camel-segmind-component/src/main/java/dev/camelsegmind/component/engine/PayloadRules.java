package dev.camelsegmind.component.engine;

import java.util.Map;

/**
 * A provider whose inputs differ from the catalogue's (other names, other combination rules) checks a payload itself,
 * on the caller's thread before anything is claimed or sent.
 */
public interface PayloadRules {

    /**
     * Throws the provider's validation error, naming the option, the value and what is allowed, when {@code payload}
     * breaks a rule of {@code model}.
     */
    void check(String model, Map<String, Object> payload);
}
