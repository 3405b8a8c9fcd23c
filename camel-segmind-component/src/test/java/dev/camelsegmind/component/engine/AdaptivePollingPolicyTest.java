package dev.camelsegmind.component.engine;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule, read off the policy with made-up elapsed times: no clock, no waiting. */
class AdaptivePollingPolicyTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private final AdaptivePollingPolicy policy = new AdaptivePollingPolicy(SECOND, TEN_SECONDS,
            model -> "image".equals(model) ? Optional.of(Duration.ofSeconds(40)) : Optional.empty());

    @Test
    void unknownModelBacksOffLikeTheBackoffPolicy() {
        BackoffPollingPolicy backoff = new BackoffPollingPolicy(SECOND, TEN_SECONDS);
        for (int polls = 0; polls < 12; polls++) {
            assertThat(policy.nextDelay("other", polls, Duration.ofSeconds(polls), JobState.PROCESSING))
                    .isEqualTo(backoff.nextDelay("other", polls, Duration.ofSeconds(polls), JobState.PROCESSING));
        }
    }

    @Test
    void beforeAnyJobFinishedItPollsNoLaterThanBackoffAndTighterAroundThePublishedTime() {
        BackoffPollingPolicy backoff = new BackoffPollingPolicy(SECOND, TEN_SECONDS);
        // the published 40 s would say "wait 10 s"; a published figure never stretches polling past backoff
        assertThat(policy.nextDelay("image", 0, Duration.ZERO, null)).isEqualTo(SECOND);
        assertThat(policy.nextDelay("image", 2, Duration.ofSeconds(15), JobState.PROCESSING))
                .isEqualTo(backoff.nextDelay("image", 2, Duration.ofSeconds(15), JobState.PROCESSING));
        // from half the published time on, every four fifths of the interval
        assertThat(policy.nextDelay("image", 9, Duration.ofSeconds(20), JobState.PROCESSING))
                .isEqualTo(Duration.ofMillis(800));
    }

    @Test
    void oneFinishedJobReplacesThePublishedTime() {
        // a simulator running 5 times faster: the catalog's 40 s would be far too late
        policy.jobFinished("image", Duration.ofSeconds(8));
        ObservedDurations.Window window = policy.windowFor("image");
        assertThat(window.samples()).isEqualTo(1);
        assertThat(window.earliest()).isEqualTo(Duration.ofSeconds(6));
        assertThat(window.latest()).isEqualTo(Duration.ofSeconds(10));
        // learnt times run up to one tight interval long, so the window opens that much earlier
        assertThat(policy.nextDelay("image", 0, Duration.ZERO, null)).isEqualTo(Duration.ofMillis(5200));
    }

    @Test
    void waitsInStepsOfAtMostMaxIntervalUntilTheLearntWindowOpens() {
        learn("video", 100, 130, 160);
        ObservedDurations.Window window = policy.windowFor("video");
        Duration opens = window.earliest().minusMillis(800);
        assertThat(policy.nextDelay("video", 0, Duration.ZERO, null)).isEqualTo(TEN_SECONDS);
        Duration justBefore = opens.minusSeconds(3);
        assertThat(policy.nextDelay("video", 9, justBefore, JobState.PROCESSING)).isEqualTo(Duration.ofSeconds(3));
        // never faster than a quarter of the interval, even when the window is a hair away
        assertThat(policy.nextDelay("video", 10, opens.minusMillis(10), JobState.PROCESSING))
                .isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void pollsEveryFourFifthsOfTheIntervalInsideTheWindow() {
        learn("video", 100, 130, 160);
        ObservedDurations.Window window = policy.windowFor("video");
        for (Duration at = window.earliest(); at.compareTo(window.latest()) <= 0; at = at.plusSeconds(7)) {
            assertThat(policy.nextDelay("video", 12, at, JobState.PROCESSING)).isEqualTo(Duration.ofMillis(800));
        }
    }

    @Test
    void backsOffByHalfTheOverrunPastTheWindowUpToMaxInterval() {
        learn("video", 100, 130, 160);
        Duration latest = policy.windowFor("video").latest();
        assertThat(policy.nextDelay("video", 40, latest.plusSeconds(1), JobState.PROCESSING))
                .isEqualTo(Duration.ofMillis(800));
        assertThat(policy.nextDelay("video", 41, latest.plusSeconds(8), JobState.PROCESSING))
                .isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.nextDelay("video", 42, latest.plusSeconds(300), JobState.PROCESSING))
                .isEqualTo(TEN_SECONDS);
    }

    @Test
    void windowNarrowsAsEvidenceGrowsAndFollowsRecentJobs() {
        learn("video", 100, 101, 102, 103);
        Duration fewEarliest = policy.windowFor("video").earliest();
        for (int i = 0; i < ObservedDurations.CAPACITY; i++) {
            policy.jobFinished("video", Duration.ofMillis(100_000 + (i % 4) * 1000));
        }
        ObservedDurations.Window many = policy.windowFor("video");
        assertThat(many.samples()).isEqualTo(ObservedDurations.CAPACITY);
        assertThat(many.earliest()).isGreaterThan(fewEarliest);
        // older, slower jobs fall out of the ring: the window follows a model that got faster
        for (int i = 0; i < ObservedDurations.CAPACITY; i++) {
            policy.jobFinished("video", Duration.ofSeconds(50));
        }
        assertThat(policy.windowFor("video").latest()).isLessThan(Duration.ofSeconds(52));
    }

    @Test
    void modelsLearnSeparately() {
        learn("video", 130);
        assertThat(policy.windowFor("image").samples()).isZero();
        assertThat(policy.windowFor("other")).isNull();
    }

    private void learn(String model, long... seconds) {
        for (long s : seconds) {
            policy.jobFinished(model, Duration.ofSeconds(s));
        }
    }
}
