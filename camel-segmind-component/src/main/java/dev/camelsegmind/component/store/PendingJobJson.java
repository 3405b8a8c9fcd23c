package dev.camelsegmind.component.store;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.camelsegmind.component.support.Json;

/** The one text form of a {@link PendingJob}, shared by every store that keeps text or bytes. */
public final class PendingJobJson {

    private PendingJobJson() {
    }

    public static String write(PendingJob job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jobKey", job.jobKey());
        m.put("state", job.state().name());
        m.put("provider", job.provider());
        m.put("model", job.model());
        m.put("requestId", job.requestId());
        m.put("locator", job.locator());
        m.put("since", job.since() == null ? null : job.since().toString());
        m.put("expiresAt", job.expiresAt() == null ? null : job.expiresAt().toString());
        m.put("owner", job.owner());
        m.put("detail", job.detail());
        m.put("attributes", job.attributes());
        return Json.writeString(m);
    }

    /** Reads an entry; also the older form without a state (an accepted job with its two URLs). */
    @SuppressWarnings("unchecked")
    public static PendingJob read(String text) throws IOException {
        Map<String, Object> m = Json.parseObject(text);
        String state = str(m.get("state"));
        String locator = str(m.get("locator"));
        Instant since = instant(m.get("since"));
        if (state == null) {
            // written before entries had states: always an accepted Segmind job
            state = PendingJob.State.ACCEPTED.name();
            since = instant(m.get("submittedAt"));
            if (locator == null && m.get("statusUrl") != null) {
                locator = m.get("statusUrl") + " " + m.get("responseUrl");
            }
        }
        Object attributes = m.get("attributes");
        Map<String, String> attrs = new LinkedHashMap<>();
        if (attributes instanceof Map<?, ?> a) {
            a.forEach((k, v) -> attrs.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        }
        String provider = str(m.get("provider"));
        return new PendingJob(str(m.get("jobKey")), PendingJob.State.valueOf(state),
                provider != null ? provider : "segmind", str(m.get("model")), str(m.get("requestId")), locator, since,
                instant(m.get("expiresAt")), str(m.get("owner")), str(m.get("detail")), attrs);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static Instant instant(Object o) {
        return o == null ? null : Instant.parse(o.toString());
    }
}
