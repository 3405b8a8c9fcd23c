package dev.camelsegmind.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The most recently rendered files, up to a byte budget. A client usually asks for a file more
 * than once (the result body states a video's size, then it is downloaded, perhaps with a HEAD
 * first), and rendering a 4K image or a 1080p video costs milliseconds, so recent ones are kept.
 * Rendering happens outside the lock: two racing requests may both render, which is harmless.
 */
final class RenderCache {

    private final long budget;
    private long used;
    private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(64, 0.75f, true);

    RenderCache(long budgetBytes) {
        this.budget = budgetBytes;
    }

    byte[] get(String key, Supplier<byte[]> render) {
        synchronized (this) {
            byte[] hit = entries.get(key);
            if (hit != null) {
                return hit;
            }
        }
        byte[] made = render.get();
        synchronized (this) {
            if (made.length <= budget && entries.put(key, made) == null) {
                used += made.length;
                evict();
            }
        }
        return made;
    }

    private void evict() {
        var it = entries.entrySet().iterator();
        while (used > budget && it.hasNext()) {
            Map.Entry<String, byte[]> eldest = it.next();
            used -= eldest.getValue().length;
            it.remove();
        }
    }

    synchronized void clear() {
        entries.clear();
        used = 0;
    }
}
