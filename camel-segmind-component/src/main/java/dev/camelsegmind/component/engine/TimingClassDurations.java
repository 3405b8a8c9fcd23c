package dev.camelsegmind.component.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One model's finished jobs by timing class, for {@link AdaptivePollingPolicy}. Only the {@value #CAPACITY} classes
 * used most recently are kept: a class is named by request values, and a parameter with many values (a step count, a
 * length in seconds) must not grow the map without bound. A dropped class is learnt again from scratch, and until it
 * is, its jobs are timed by the model-wide window.
 */
final class TimingClassDurations {

    static final int CAPACITY = 32;

    /** A class's jobs: from submission to the read that saw them finished, and from their PROCESSING sighting. */
    record Learnt(ObservedDurations total, ObservedDurations render) {
    }

    private final Map<String, Learnt> byClass = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Learnt> eldest) {
            return size() > CAPACITY;
        }
    };

    /** What was learnt of a class so far, or null when none of its jobs finished (or it was dropped). */
    synchronized Learnt get(String timingClass) {
        return byClass.get(timingClass);
    }

    /** Where a finished job of this class is recorded, made when it is the class's first. */
    synchronized Learnt learning(String timingClass) {
        return byClass.computeIfAbsent(timingClass, c -> new Learnt(new ObservedDurations(), new ObservedDurations()));
    }

    synchronized int size() {
        return byClass.size();
    }
}
