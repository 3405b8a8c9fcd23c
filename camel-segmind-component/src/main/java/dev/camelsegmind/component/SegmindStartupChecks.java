package dev.camelsegmind.component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.camelsegmind.component.error.SegmindValidationException;
import dev.camelsegmind.component.model.ModelCatalog;
import dev.camelsegmind.component.model.ModelSlugs;
import dev.camelsegmind.component.model.ModelSpec;
import dev.camelsegmind.component.model.ModelSuggestions;
import dev.camelsegmind.component.model.ParameterSpec;
import dev.camelsegmind.component.model.PayloadValidator;

/**
 * What an endpoint's own settings get wrong, found when its route starts instead of when a message reaches it (by
 * then an earlier step of the route may have been paid for). Only what no message can put right is refused: a
 * message brings its prompt and media and may override an option with a header, or the model with
 * {@code CamelSegmindModel}, so a missing parameter is left to each message, and a value is refused only when it is
 * wrong for the endpoint's model and for every other seed model that has the parameter.
 */
final class SegmindStartupChecks {

    /** Property placeholders that were never resolved: Spring's {@code ${...}} and Camel's {@code {{...}}}. */
    private static final Pattern PLACEHOLDER = Pattern.compile(".*(\\$\\{[^}]*}|\\{\\{.*}}).*", Pattern.DOTALL);
    /** A placeholder alone, which can be shown: it is a name, not a key. */
    private static final Pattern PLACEHOLDER_ONLY = Pattern.compile("(\\$\\{[A-Za-z0-9_.:-]{1,80}}|\\{\\{[A-Za-z0-9_.:-]{1,80}}})");

    static final String HOW_TO_SET_THE_KEY = "set option apiKey on the component (property"
            + " camel.component.segmind.api-key, in Spring Boot and Camel Main alike) or on the endpoint, from the"
            + " environment variable SEGMIND_API_KEY: camel.component.segmind.api-key={{env:SEGMIND_API_KEY}} with"
            + " Camel Main, camel.component.segmind.api-key=${SEGMIND_API_KEY} with Spring Boot, and export"
            + " SEGMIND_API_KEY before starting the application";

    private SegmindStartupChecks() {
    }

    static void verify(SegmindEndpoint endpoint) {
        SegmindConfiguration c = endpoint.getConfiguration();
        if (c.getProvider() == SegmindProvider.crun) {
            crunApiKey(c.getCrunApiKey(), endpoint.getModel());
            if (c.isUploadInputs()) {
                // a picture from the body goes through Segmind's upload-asset, with Segmind's key
                apiKey(c.getApiKey(), endpoint.getModel());
            }
        } else {
            apiKey(c.getApiKey(), endpoint.getModel());
        }
        String model = endpoint.getModel();
        ModelSlugs.requireValid(model);
        ModelSuggestions.nearMiss(model).ifPresent(known -> {
            throw new SegmindValidationException("Model '" + model + "' is not a model this component knows, but"
                    + " it is close to one: did you mean " + known + "? (the endpoint path segmind:" + known + ")."
                    + " Any other Segmind model is used by its exact slug as segmind.com lists it", "model", null);
        });
        fixedValues(endpoint.getConfiguration(), model);
    }

    /** A call without a usable key is refused by Segmind and, on a file or queue route, repeated for every message. */
    static void apiKey(String key, String model) {
        String endpoint = "segmind:" + model;
        if (key == null) {
            throw new SegmindValidationException("No Segmind API key for " + endpoint + ": " + HOW_TO_SET_THE_KEY,
                    "apiKey", model);
        }
        if (key.isBlank()) {
            throw new SegmindValidationException("The Segmind API key for " + endpoint + " is empty (is"
                    + " SEGMIND_API_KEY set in the application's environment?): " + HOW_TO_SET_THE_KEY, "apiKey",
                    model);
        }
        if (PLACEHOLDER.matcher(key).matches()) {
            String shown = PLACEHOLDER_ONLY.matcher(key.trim()).matches() ? " '" + key.trim() + "'" : "";
            throw new SegmindValidationException("The Segmind API key for " + endpoint + " is the unresolved"
                    + " placeholder" + shown + ": the property or environment variable it names is not set (is"
                    + " SEGMIND_API_KEY exported where the application runs?); " + HOW_TO_SET_THE_KEY, "apiKey",
                    model);
        }
    }

    /** As {@link #apiKey} for crun.ai's key (provider=crun). */
    static void crunApiKey(String key, String model) {
        String endpoint = "segmind:" + model + "?provider=crun";
        String how = "set option crunApiKey on the component (property camel.component.segmind.crun-api-key) or on"
                + " the endpoint, from an environment variable such as CRUN_API_KEY";
        if (key == null || key.isBlank()) {
            throw new SegmindValidationException("No crun.ai API key for " + endpoint + ": " + how, "crunApiKey",
                    model);
        }
        if (PLACEHOLDER.matcher(key).matches()) {
            String shown = PLACEHOLDER_ONLY.matcher(key.trim()).matches() ? " '" + key.trim() + "'" : "";
            throw new SegmindValidationException("The crun.ai API key for " + endpoint + " is the unresolved"
                    + " placeholder" + shown + ": the property or environment variable it names is not set; " + how,
                    "crunApiKey", model);
        }
    }

    /** The typed options and parameters.* of the endpoint, checked as its messages would check them. */
    private static void fixedValues(SegmindConfiguration config, String model) {
        if (ModelCatalog.find(model).isEmpty()) {
            return;
        }
        Map<String, Object> fixed = new LinkedHashMap<>();
        if (config.getParameters() != null) {
            fixed.putAll(config.getParameters());
        }
        SegmindRequestSupport.typedOptions(config).forEach((name, value) -> {
            if (value != null) {
                fixed.put(name, value);
            }
        });
        // in the page's order, so the same endpoint always names the same problem first
        for (ParameterSpec parameter : ModelCatalog.find(model).get().parameters()) {
            Object value = fixed.get(parameter.name());
            if (value == null) {
                continue;
            }
            try {
                PayloadValidator.validateValue(model, parameter.name(), value);
            } catch (SegmindValidationException e) {
                if (!usableByAnotherSeedModel(model, parameter.name(), value)) {
                    throw e;
                }
            }
        }
    }

    private static boolean usableByAnotherSeedModel(String model, String parameter, Object value) {
        for (ModelSpec other : ModelCatalog.all()) {
            if (other.slug().equals(model)
                    || other.parameters().stream().noneMatch(p -> p.name().equals(parameter))) {
                continue;
            }
            try {
                PayloadValidator.validateValue(other.slug(), parameter, value);
                return true;
            } catch (SegmindValidationException ignored) {
                // wrong there too
            }
        }
        return false;
    }
}
