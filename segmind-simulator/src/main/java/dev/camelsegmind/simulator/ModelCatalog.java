package dev.camelsegmind.simulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The models the simulator serves: the four seed models from the start, and any slug a test
 * registers by asking for its profile. Other slugs answer 404, as on Segmind, unless the
 * simulator was built to accept any slug.
 */
final class ModelCatalog {

    private final ConcurrentMap<String, ModelProfile> profiles = new ConcurrentHashMap<>();
    private final boolean acceptUnknown;
    private final int workersPerModel;
    private final String[] blockedWords;

    ModelCatalog(boolean acceptUnknown, int workersPerModel, List<String> blockedWords) {
        this.acceptUnknown = acceptUnknown;
        this.workersPerModel = workersPerModel;
        this.blockedWords = blockedWords.toArray(new String[0]);
        seed();
    }

    /** The profile for a slug, registering it with generic settings if the catalogue lacks it. */
    ModelProfile profile(String slug) {
        return profiles.computeIfAbsent(slug,
                s -> SeedModels.profileFor(s).workers(workersPerModel).blockedWords(blockedWords));
    }

    /** The profile a request for this slug is served by, if the slug is known (or any slug is accepted). */
    Optional<ModelProfile> find(String slug) {
        ModelProfile known = profiles.get(slug);
        if (known != null || !acceptUnknown) {
            return Optional.ofNullable(known);
        }
        return Optional.of(profile(slug));
    }

    Collection<ModelProfile> all() {
        List<ModelProfile> list = new ArrayList<>(profiles.values());
        list.sort(Comparator.comparing(ModelProfile::slug));
        return list;
    }

    /** Back to the seed models as their pages describe them. */
    void clear() {
        profiles.clear();
        seed();
    }

    private void seed() {
        SeedModels.SLUGS.forEach(this::profile);
    }
}
