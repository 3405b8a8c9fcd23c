package dev.camelsegmind.component.engine;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Jobs of one model timed per timing class (the parameters that drive render time), on made-up time. */
class AdaptivePollingPolicyTimingClassTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private static AdaptivePollingPolicy policy() {
        return new AdaptivePollingPolicy(SECOND, TEN_SECONDS, model -> Optional.empty());
    }

    @Test
    void aClassWithFewFinishedJobsIsTimedByTheModelWideWindow() {
        AdaptivePollingPolicy policy = policy();
        for (int i = 0; i < 20; i++) {
            policy.jobFinished("video", "short", Duration.ofSeconds(60 + i % 5), null);
        }
        for (int i = 0; i < AdaptivePollingPolicy.TRUSTED_SAMPLES - 1; i++) {
            policy.jobFinished("video", "long", Duration.ofSeconds(170 + i % 5), null);
            assertThat(policy.windowFor("video", "long")).isEqualTo(policy.windowFor("video"));
            assertThat(policy.nextDelay("video", "long", 3, Duration.ofSeconds(58), JobState.PROCESSING, null))
                    .isEqualTo(policy.nextDelay("video", 3, Duration.ofSeconds(58), JobState.PROCESSING));
        }
        // the model-wide window opens with the short videos: a long one is read densely from 57 s
        assertThat(policy.nextDelay("video", "long", 3, Duration.ofSeconds(58), JobState.PROCESSING, null))
                .isEqualTo(Duration.ofMillis(800));
        policy.jobFinished("video", "long", Duration.ofSeconds(172), null);
        ObservedDurations.Window own = policy.windowFor("video", "long");
        assertThat(own.samples()).isEqualTo(AdaptivePollingPolicy.TRUSTED_SAMPLES);
        assertThat(own.earliest()).isGreaterThan(Duration.ofSeconds(150));
        assertThat(policy.nextDelay("video", "long", 3, Duration.ofSeconds(58), JobState.PROCESSING, null))
                .isEqualTo(TEN_SECONDS);
        // a job of no class (resumed after a restart), or of a class never seen, keeps the model-wide window
        assertThat(policy.windowFor("video", null)).isEqualTo(policy.windowFor("video"));
        assertThat(policy.windowFor("video", "unseen")).isEqualTo(policy.windowFor("video"));
        assertThat(policy.windowFor("video").samples()).isEqualTo(20 + AdaptivePollingPolicy.TRUSTED_SAMPLES);
    }

    @Test
    void theRenderWindowIsLearntPerClassWithTheSameFallback() {
        AdaptivePollingPolicy policy = policy();
        for (int i = 0; i < AdaptivePollingPolicy.TRUSTED_SAMPLES; i++) {
            policy.jobFinished("video", "long", Duration.ofSeconds(90), Duration.ofSeconds(8));
        }
        policy.jobFinished("video", "short", Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertThat(policy.renderWindowFor("video", "long").earliest()).isGreaterThan(Duration.ofSeconds(7));
        assertThat(policy.renderWindowFor("video").earliest()).isLessThan(Duration.ofSeconds(2));
        assertThat(policy.renderWindowFor("video", "short")).isEqualTo(policy.renderWindowFor("video"));
        // still queued: each is read as often as the shortest render of its own class (or the model's) allows
        assertThat(policy.nextDelay("video", "long", 1, Duration.ofSeconds(5), JobState.QUEUED, null))
                .isEqualTo(policy.renderWindowFor("video", "long").earliest());
        assertThat(policy.nextDelay("video", "short", 1, Duration.ofSeconds(5), JobState.QUEUED, null))
                .isEqualTo(policy.renderWindowFor("video").earliest());
    }

    @Test
    void theClassesOfOneModelAreCappedAndTheLeastRecentlyUsedIsDropped() {
        AdaptivePollingPolicy policy = policy();
        for (int i = 0; i < AdaptivePollingPolicy.TRUSTED_SAMPLES; i++) {
            policy.jobFinished("video", "kept", Duration.ofSeconds(300), null);
            policy.jobFinished("video", "dropped", Duration.ofSeconds(30), null);
        }
        assertThat(policy.windowFor("video", "dropped")).isNotEqualTo(policy.windowFor("video"));
        // a job of "kept" still waiting is a use, so it is the other that goes
        policy.nextDelay("video", "kept", 1, Duration.ofSeconds(1), JobState.PROCESSING, null);
        for (int c = 0; c < TimingClassDurations.CAPACITY - 1; c++) {
            policy.jobFinished("video", "steps=" + c, Duration.ofSeconds(100), null);
        }
        assertThat(policy.timingClasses("video")).isEqualTo(TimingClassDurations.CAPACITY);
        assertThat(policy.windowFor("video", "dropped")).isEqualTo(policy.windowFor("video"));
        assertThat(policy.windowFor("video", "kept").samples()).isEqualTo(AdaptivePollingPolicy.TRUSTED_SAMPLES);
        for (int c = 0; c < 100; c++) {
            policy.jobFinished("video", "steps=x" + c, Duration.ofSeconds(100), null);
        }
        assertThat(policy.timingClasses("video")).isEqualTo(TimingClassDurations.CAPACITY);
    }
}
