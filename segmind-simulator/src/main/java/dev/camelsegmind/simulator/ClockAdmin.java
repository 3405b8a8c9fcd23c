package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;

/**
 * {@code GET /_sim/clock} tells the simulator's time; {@code POST /_sim/clock}
 * {@code {"advance_ms": 3600000}} moves a {@link SimulatedClock} forward, so a test in another
 * process (or language) can step past a render or the hour of retention. On the system clock the
 * POST is refused with 409: real time cannot be moved.
 */
final class ClockAdmin {

    private ClockAdmin() {
    }

    static Reply handle(Call call, Clock clock) {
        if (call.method().equals("GET")) {
            return now(clock);
        }
        if (!(clock instanceof SimulatedClock simulated)) {
            return Replies.error(409, "The simulator runs on the system clock; start it with --simulated-clock "
                    + "(or give the builder a SimulatedClock) to move time");
        }
        JsonNode body = Json.parse(call.body());
        JsonNode advance = body == null ? null : body.get("advance_ms");
        if (advance == null || !advance.canConvertToLong() || advance.asLong() < 0 || !advance.isIntegralNumber()) {
            return Replies.badRequest("Body must be {\"advance_ms\": <milliseconds, 0 or more>}");
        }
        simulated.advance(Duration.ofMillis(advance.asLong()));
        return now(clock);
    }

    private static Reply now(Clock clock) {
        return Reply.json(200, Json.object().put("now", clock.instant().toString())
                .put("simulated", clock instanceof SimulatedClock));
    }
}
