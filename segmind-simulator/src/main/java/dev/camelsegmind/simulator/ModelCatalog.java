package dev.camelsegmind.simulator;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Profiles by slug, made on first mention so any slug works without set-up. */
final class ModelCatalog {

    private final ConcurrentMap<String, ModelProfile> profiles = new ConcurrentHashMap<>();

    ModelProfile profile(String slug) {
        return profiles.computeIfAbsent(slug, ModelDefaults::profileFor);
    }

    void clear() {
        profiles.clear();
    }
}
