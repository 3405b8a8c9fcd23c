package dev.camelsegmind.simulator;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Uploaded files, in memory: uploads in tests are small and must vanish with the simulator. */
final class AssetStore {

    private final ConcurrentMap<String, MediaFile> files = new ConcurrentHashMap<>();

    /** Stores the file and returns the name it is served under. */
    String put(DataUri uri) {
        String name = UUID.randomUUID() + "." + MediaTypes.extension(uri.mediaType());
        files.put(name, new MediaFile(uri.mediaType(), Body.bytes(uri.bytes())));
        return name;
    }

    Optional<MediaFile> get(String name) {
        return Optional.ofNullable(files.get(name));
    }

    void clear() {
        files.clear();
    }
}
