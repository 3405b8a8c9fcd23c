package dev.camelsegmind.component.provider.crun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callback URLs handed to crun, one per task, each with a reference and a secret token that only this JVM and
 * crun know. crun signs nothing, so the token is what makes a callback ours: it is compared in constant time, and a
 * callback is only a hint that makes the engine read the task once. A registration outlives its job for the
 * provider's retention, so a late or replayed callback is recognised and ignored rather than taken for a stranger.
 */
public final class CrunCallbacks {

    private static final Logger LOG = LoggerFactory.getLogger(CrunCallbacks.class);
    private static final int TOKEN_BYTES = 32;
    private static final int REF_BYTES = 16;
    /** Compared against when a reference is unknown, so an unknown one takes as long as a wrong token. */
    private static final byte[] NO_TOKEN = new byte[43];

    /** What became of one callback; the receiver answers by it. */
    public enum Outcome {
        /** A callback for a task being waited for: the engine reads the task now. */
        SIGNALLED(200),
        /** The task's answer to CreateTask has not been read yet: it will be read as soon as it is. */
        EARLY(200),
        /** A second callback for a task already signalled: ignored. */
        DUPLICATE(200),
        /** A callback for a task whose job has ended: ignored. */
        FINISHED(200),
        /** A callback for a task whose CreateTask answer was lost (an uncertain submit): logged for the operator. */
        UNCERTAIN_TASK(200),
        /** The token is wrong, or the reference unknown or expired: nothing is said about which. */
        REJECTED(404),
        /** A valid URL, but the body names another task than the one the URL was made for. */
        WRONG_TASK(400),
        /** The body is not a JSON object with a task_id. */
        BAD_BODY(400),
        /** The body is larger than the receiver accepts. */
        TOO_LARGE(413);

        private final int status;

        Outcome(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Duration keep;
    private final Map<String, Registration> byRef = new ConcurrentHashMap<>();
    private final Map<String, Registration> byTask = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Registration> byAge = new ConcurrentLinkedQueue<>();
    private final Map<Outcome, LongAdder> counts = new EnumMap<>(Outcome.class);

    /** @param keep how long a registration is remembered after it was made (the provider's retention) */
    public CrunCallbacks(Duration keep) {
        this.keep = keep;
        for (Outcome o : Outcome.values()) {
            counts.put(o, new LongAdder());
        }
    }

    /** A new callback address for a task about to be created. */
    Registration register() {
        sweep();
        byte[] ref = new byte[REF_BYTES];
        byte[] token = new byte[TOKEN_BYTES];
        random.nextBytes(ref);
        random.nextBytes(token);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        Registration r = new Registration(b64.encodeToString(ref), b64.encodeToString(token),
                Instant.now().plus(keep));
        byRef.put(r.ref, r);
        byAge.add(r);
        return r;
    }

    /** crun accepted the task: callbacks for it are now matched against its id. */
    void bind(Registration r, String taskId) {
        r.taskId = taskId;
        byTask.put(taskId, r);
        String early = r.earlyTaskId;
        if (early != null && !early.equals(taskId)) {
            // the early callback named another task: it did not tell about this one
            r.received.set(false);
        }
    }

    /** The submit was refused: nothing can call back. */
    void forget(Registration r) {
        byRef.remove(r.ref, r);
    }

    /** The submit may have created a task whose id never arrived: a callback for it is worth a log line. */
    void uncertain(Registration r) {
        r.uncertain = true;
    }

    /** The job of this task ended: later callbacks are ignored. */
    void finished(String taskId) {
        Registration r = byTask.get(taskId);
        if (r != null) {
            r.finished = true;
        }
    }

    Registration forTask(String taskId) {
        return taskId == null ? null : byTask.get(taskId);
    }

    /** How many callbacks ended each way, since start; for tests and the console. */
    public Map<Outcome, Long> counts() {
        Map<Outcome, Long> out = new EnumMap<>(Outcome.class);
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /**
     * Decides a callback. The token is checked before the body is looked at, in constant time whatever the reference;
     * {@code taskId} is what the body names, read only after the token matched.
     */
    Outcome verify(String ref, String token) {
        Registration r = ref == null ? null : byRef.get(ref);
        byte[] expected = r == null ? NO_TOKEN : r.token;
        byte[] given = token == null ? new byte[0] : token.getBytes(StandardCharsets.US_ASCII);
        boolean match = MessageDigest.isEqual(expected, given);
        if (r == null || !match || r.expiresAt.isBefore(Instant.now())) {
            return count(Outcome.REJECTED);
        }
        return null;
    }

    /** What the callback for {@code ref} (whose token matched) naming {@code taskId} means. */
    Outcome accept(String ref, String taskId) {
        Registration r = byRef.get(ref);
        if (r == null) {
            return count(Outcome.REJECTED);
        }
        if (r.finished) {
            return count(Outcome.FINISHED);
        }
        String bound = r.taskId;
        if (bound == null) {
            if (r.uncertain) {
                LOG.warn("crun.ai called back for task {}, created by a CreateTask whose answer was lost: that task"
                        + " exists and is billed; collect it with operation=await, provider=crun and header"
                        + " CamelSegmindRequestId={}", taskId, taskId);
                return count(Outcome.UNCERTAIN_TASK);
            }
            synchronized (r) {
                if (r.earlyTaskId == null) {
                    r.earlyTaskId = taskId;
                    r.received.set(true);
                    return count(Outcome.EARLY);
                }
            }
            return count(Outcome.DUPLICATE);
        }
        if (!bound.equals(taskId)) {
            return count(Outcome.WRONG_TASK);
        }
        return count(r.received.compareAndSet(false, true) ? Outcome.SIGNALLED : Outcome.DUPLICATE);
    }

    Outcome count(Outcome o) {
        counts.get(o).increment();
        return o;
    }

    /** Forgets registrations older than the retention; called as new ones are made, so no timer is needed. */
    private void sweep() {
        Instant now = Instant.now();
        for (Registration r = byAge.peek(); r != null && r.expiresAt.isBefore(now); r = byAge.peek()) {
            if (byAge.remove(r)) {
                byRef.remove(r.ref, r);
                if (r.taskId != null) {
                    byTask.remove(r.taskId, r);
                }
            }
        }
    }

    /** One task's callback address and what has been heard on it. */
    static final class Registration {
        private final String ref;
        private final byte[] token;
        private final String tokenText;
        private final Instant expiresAt;
        private final AtomicBoolean received = new AtomicBoolean();
        private volatile String taskId;
        private volatile String earlyTaskId;
        private volatile boolean finished;
        private volatile boolean uncertain;

        private Registration(String ref, String token, Instant expiresAt) {
            this.ref = ref;
            this.tokenText = token;
            this.token = token.getBytes(StandardCharsets.US_ASCII);
            this.expiresAt = expiresAt;
        }

        /** {@code base} with this registration's reference and token as query parameters. */
        String url(String base) {
            return base + (base.contains("?") ? "&" : "?") + "ref=" + ref + "&token=" + tokenText;
        }

        /** Whether a callback already told about the task, so waiting for one is pointless. */
        boolean received() {
            return received.get();
        }

        @Override
        public String toString() {
            // the token is a secret
            return "Registration[" + ref + ", task " + taskId + "]";
        }
    }
}
