package dev.camelsegmind.component.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.camelsegmind.component.error.SegmindAuthenticationException;
import dev.camelsegmind.component.error.SegmindException;
import dev.camelsegmind.component.error.SegmindInsufficientCreditsException;
import dev.camelsegmind.component.model.SafeText;

/**
 * Keys Segmind has just refused, per base URL and key. A file or queue route redelivers a failed message about once a
 * second; with a wrong key or an empty account each delivery would cost a call of the plan's budget (five a minute on
 * the smallest plan) and fail the same way. While a key cools down, messages fail at once with the error Segmind gave,
 * and nothing is sent with the key: nothing at all after a 401, no new job after a lack of credits, no new job of
 * that model after a 403. A later answer of Segmind (a successful credits read) or another key ends it sooner.
 */
public final class KeyCoolDowns {

    /** Why a key cools down. */
    public enum Reason {
        /** 401: the key is unknown or revoked; every call fails. */
        KEY_REJECTED,
        /** 403: the key's team may not use one model; other models still work. */
        MODEL_FORBIDDEN,
        /** Insufficient credits or a spend limit: reads still work, new jobs do not. */
        NO_CREDITS
    }

    /**
     * One key cooling down. Holds no key: the base URL, the model it applies to (null for every model), why, when
     * it began and ends, and Segmind's own error.
     */
    public record CoolDown(String baseUrl, String model, Reason reason, Instant since, Instant until,
                           SegmindException cause) {

        /** What an operator reads: the reason, Segmind's words and the end of the cool-down. */
        public String describe() {
            String what = switch (reason) {
                case KEY_REJECTED -> "Segmind rejected the API key (HTTP " + cause.getHttpStatus() + ")";
                case MODEL_FORBIDDEN -> "Segmind refused the API key for model " + model + " (HTTP "
                        + cause.getHttpStatus() + ")";
                case NO_CREDITS -> "Segmind reported insufficient credits (HTTP " + cause.getHttpStatus() + ")";
            };
            String said = cause.getDetail() != null ? " (" + SafeText.forMessage(cause.getDetail(), 160) + ")" : "";
            return what + said + " at " + since + "; " + hold();
        }

        /** What is held back, and until when. */
        public String hold() {
            String blocked = switch (reason) {
                case KEY_REJECTED -> "no request is sent with this key";
                case MODEL_FORBIDDEN -> "no job of " + model + " is submitted with this key";
                case NO_CREDITS -> "no job is submitted with this key";
            };
            return blocked + " until " + until;
        }
    }

    /** The cause of a refusal made during a cool-down: tells that no call was made, and is not itself a refusal. */
    public static final class NotSent extends RuntimeException {
        NotSent(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<Key, CoolDown> entries = new ConcurrentHashMap<>();
    private final Supplier<Duration> length;

    /** @param length how long a key cools down, read at each refusal; zero turns cool-downs off */
    public KeyCoolDowns(Supplier<Duration> length) {
        this.length = length;
    }

    /**
     * Starts a cool-down when an error of Segmind says the key cannot be used now.
     *
     * @return the cool-down it started, or null when the error is of another kind, it came from a refusal of this
     *         class, or the key already cools down for that reason (so a caller acts once per cool-down)
     */
    public CoolDown observe(String baseUrl, String apiKey, String model, Throwable error) {
        Duration length = this.length.get();
        if (length.isZero() || length.isNegative() || apiKey == null || !(error instanceof SegmindException se) || se.getHttpStatus() <= 0
                || se.getCause() instanceof NotSent) {
            return null;
        }
        Reason reason;
        if (se instanceof SegmindAuthenticationException) {
            reason = se.getHttpStatus() == 403 && model != null ? Reason.MODEL_FORBIDDEN : Reason.KEY_REJECTED;
        } else if (se instanceof SegmindInsufficientCreditsException) {
            reason = Reason.NO_CREDITS;
        } else {
            return null;
        }
        Instant now = Instant.now();
        Key key = new Key(baseUrl, apiKey, reason == Reason.MODEL_FORBIDDEN ? model : null, reason);
        CoolDown fresh = new CoolDown(baseUrl, key.model(), reason, now, now.plus(length), se);
        CoolDown[] started = new CoolDown[1];
        entries.compute(key, (k, old) -> {
            if (old != null && old.until().isAfter(now)) {
                return old;
            }
            started[0] = fresh;
            return fresh;
        });
        return started[0];
    }

    /**
     * The cool-down that stops a call with this key, or null.
     *
     * @param newJob whether the call would start a job (submit, generate, sync), which costs credits
     */
    public CoolDown active(String baseUrl, String apiKey, String model, boolean newJob) {
        if (entries.isEmpty() || apiKey == null) {
            return null;
        }
        Instant now = Instant.now();
        CoolDown found = null;
        for (Map.Entry<Key, CoolDown> e : entries.entrySet()) {
            Key k = e.getKey();
            if (!k.matches(baseUrl, apiKey)) {
                continue;
            }
            CoolDown c = e.getValue();
            if (!c.until().isAfter(now)) {
                entries.remove(k, c);
                continue;
            }
            boolean stops = switch (c.reason()) {
                case KEY_REJECTED -> true;
                case NO_CREDITS -> newJob;
                case MODEL_FORBIDDEN -> newJob && Objects.equals(c.model(), model);
            };
            if (stops && (found == null || c.reason() == Reason.KEY_REJECTED)) {
                found = c;
            }
        }
        return found;
    }

    /** Every cool-down of this key that has not ended, for its health check. */
    public List<CoolDown> activeFor(String baseUrl, String apiKey) {
        Instant now = Instant.now();
        List<CoolDown> list = new ArrayList<>();
        entries.forEach((k, c) -> {
            if (k.matches(baseUrl, apiKey) && c.until().isAfter(now)) {
                list.add(c);
            }
        });
        return list;
    }

    /** Every cool-down that has not ended, without keys: for the console. */
    public List<CoolDown> list() {
        Instant now = Instant.now();
        return entries.values().stream().filter(c -> c.until().isAfter(now))
                .sorted(java.util.Comparator.comparing(CoolDown::since)).toList();
    }

    /**
     * Segmind answered a credits read for this key: the key works again, and with credits left (or a balance not
     * shown) jobs can be paid for again. A refusal for one model stays: the credits call says nothing about models.
     */
    public void credited(String baseUrl, String apiKey, Double credits) {
        entries.keySet().removeIf(k -> k.matches(baseUrl, apiKey) && (k.reason() == Reason.KEY_REJECTED
                || k.reason() == Reason.NO_CREDITS && (credits == null || credits > 0)));
    }

    /**
     * The error a message gets while its key cools down: the same type as Segmind's, naming the cool-down and how to
     * end it. No call is made for it.
     */
    public static SegmindException refusal(CoolDown c, String model) {
        String message = c.describe() + ", so redelivered messages cannot spend the plan's budget (component"
                + " option keyCoolDown). " + switch (c.reason()) {
                    case KEY_REJECTED -> "Check option apiKey (camel.component.segmind.api-key, environment"
                            + " variable SEGMIND_API_KEY); another key, or a successful credits read of the health"
                            + " check, ends the cool-down";
                    case MODEL_FORBIDDEN -> "Enable the model for the key's team at Segmind or use another key";
                    case NO_CREDITS -> "Top up the account; a credits read of the health check that shows credits,"
                            + " or another key, ends the cool-down";
                };
        NotSent notSent = new NotSent("Not sent: the key cools down until " + c.until());
        SegmindException cause = c.cause();
        if (cause instanceof SegmindInsufficientCreditsException) {
            return new SegmindInsufficientCreditsException(message, cause.getHttpStatus(), cause.getDetail(), null,
                    model, notSent);
        }
        return new SegmindAuthenticationException(message, cause.getHttpStatus(), cause.getDetail(), null, model,
                notSent);
    }

    /** Forgets every cool-down (the component stopped). */
    public void clear() {
        entries.clear();
    }

    /** Holds a key only to compare it: its toString never shows the key. */
    private record Key(String baseUrl, String apiKey, String model, Reason reason) {
        boolean matches(String otherBaseUrl, String otherKey) {
            return Objects.equals(baseUrl, otherBaseUrl) && Objects.equals(apiKey, otherKey);
        }

        @Override
        public String toString() {
            return "Key[" + baseUrl + ", " + model + ", " + reason + "]";
        }
    }
}
