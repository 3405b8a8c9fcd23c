package dev.camelsegmind.simulator;

import java.time.Duration;

/**
 * How long, in simulated time, a job's status/result and its media stay reachable. They differ on
 * Segmind (one hour against about a week), and clients must cope with the gap.
 */
record JobRetention(Duration results, Duration media) {
}
