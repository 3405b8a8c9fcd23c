package dev.camelsegmind.component.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
    void keepsPollingTightForHalfTheWindowsWidthPastItThenBacksOffByHalfTheFurtherOverrun() {
        learn("video", 100, 130, 160);
        ObservedDurations.Window window = policy.windowFor("video");
        Duration latest = window.latest();
        Duration grace = latest.minus(window.earliest()).dividedBy(2);
        assertThat(grace).isGreaterThan(Duration.ofSeconds(30));
        assertThat(policy.nextDelay("video", 40, latest.plusSeconds(1), JobState.PROCESSING))
                .isEqualTo(Duration.ofMillis(800));
        // half the overrun would be 14 s here: a job just past a window learnt from the quick finishers is read on
        assertThat(policy.nextDelay("video", 41, latest.plus(grace).minusSeconds(1), JobState.PROCESSING))
                .isEqualTo(Duration.ofMillis(800));
        assertThat(policy.nextDelay("video", 42, latest.plus(grace).plusSeconds(8), JobState.PROCESSING))
                .isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.nextDelay("video", 43, latest.plusSeconds(300), JobState.PROCESSING))
                .isEqualTo(TEN_SECONDS);
    }

    @Test
    void overlappingJobsWithALogNormalTailAreNoticedWithinOneTightIntervalAtTheNinetyNinthPercentile() {
        // the latency benchmark's log-normal tail on made-up time: 400 jobs arrive over 600 s, alternately an image
        // (median 33.4 s) and a video (137.7 s), σ 0.4, so early on the window is learnt from the quick finishers
        // only; each seed's p99 must stay within one tight interval, with a tenth fewer reads than a fixed poller at
        // that interval, whose p99 it would be (a tail this long costs about as many reads as a 1 s poller's)
        for (long seed = 1; seed <= 6; seed++) {
            Concurrent run = concurrent(policy, new Random(seed), 400, 600_000);
            assertThat(run.p99Late()).as("seed %d: p99 of how late the finish was read", seed).isLessThanOrEqualTo(800);
            assertThat(run.readsPerJob()).as("seed %d", seed).isLessThan(0.9 * run.meanSeconds() / 0.8);
        }
    }

    @Test
    void twoTimingClassesOfOneModelInterleavedAreEachPolledInTheirOwnWindow() {
        // 5 s videos render in about 60 s and 15 s videos in about 170 s, ±10 % each, alternately: one window learnt
        // for both spans 54..187 s and every long video is read densely through most of it; a window per class is
        // narrow. Each seed's p99 stays within one tight interval, with at most 0.6 of the model-wide reads.
        for (long seed = 1; seed <= 6; seed++) {
            Concurrent perClass = twoVideoLengths(new Random(seed), true);
            Concurrent modelWide = twoVideoLengths(new Random(seed), false);
            assertThat(perClass.p99Late()).as("seed %d: p99 of how late the finish was read", seed)
                    .isLessThanOrEqualTo(800);
            assertThat(perClass.readsPerJob()).as("seed %d: reads per job with classes, against %.1f without", seed,
                    modelWide.readsPerJob()).isLessThanOrEqualTo(0.6 * modelWide.readsPerJob());
        }
    }

    @Test
    void oneTimingClassForEveryJobGivesExactlyTheScheduleWithoutClasses() {
        for (long seed = 1; seed <= 3; seed++) {
            Concurrent one = concurrent(fresh(), new Random(seed), 400, 600_000, (j, r) -> new Shape("image", "size=2K",
                    1_000 + Math.round(33_380 * Math.exp(0.4 * r.nextGaussian()))));
            Concurrent none = concurrent(fresh(), new Random(seed), 400, 600_000, (j, r) -> new Shape("image", null,
                    1_000 + Math.round(33_380 * Math.exp(0.4 * r.nextGaussian()))));
            assertThat(one.reads).isEqualTo(none.reads);
            assertThat(one.late).isEqualTo(none.late);
        }
    }

    private static AdaptivePollingPolicy fresh() {
        return new AdaptivePollingPolicy(SECOND, TEN_SECONDS,
                model -> "image".equals(model) ? Optional.of(Duration.ofSeconds(40)) : Optional.empty());
    }

    /** 400 videos over 600 s of one model, alternately 5 s (about 60 s) and 15 s long (about 170 s), ±10 %. */
    private static Concurrent twoVideoLengths(Random random, boolean withClasses) {
        return concurrent(fresh(), random, 400, 600_000, (j, r) -> {
            boolean longer = j % 2 == 1;
            String timingClass = withClasses ? (longer ? "duration=15" : "duration=5") : null;
            return new Shape("video", timingClass,
                    2_000 + Math.round((longer ? 170_000 : 60_000) * (0.9 + 0.2 * r.nextDouble())));
        });
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
    void theWindowReachesPastTheExtremesByFifteenPercentOfEachSidesSpread() {
        // a long right tail: the slowest job seen is not the slowest to come
        for (int i = 0; i < ObservedDurations.CAPACITY; i++) {
            policy.jobFinished("video", Duration.ofSeconds(i == 0 ? 60 : i == 1 ? 400 : 130 + i % 20));
        }
        ObservedDurations.Window window = policy.windowFor("video");
        double margin = 0.25 / Math.sqrt(ObservedDurations.CAPACITY);
        long median = 140_000;
        // 0.15 of 260 s past the slowest, 0.15 of 80 s before the fastest (the median is 139-140 s)
        assertThat(window.latest().toMillis())
                .isCloseTo(Math.round(400_000 * (1 + margin) + 0.15 * (400_000 - median)), within(150L));
        assertThat(window.earliest().toMillis())
                .isCloseTo(Math.round(60_000 * (1 - margin) - 0.15 * (median - 60_000)), within(150L));
    }

    @Test
    void modelsLearnSeparately() {
        learn("video", 130);
        assertThat(policy.windowFor("image").samples()).isZero();
        assertThat(policy.windowFor("other")).isNull();
    }

    @Test
    void aLongRandomQueueThenASteadyRenderIsTimedFromTheFirstProcessingSighting() {
        // 70 % of jobs start within 2 s, the others wait 20-100 s in the queue; every render takes 30 +- 1 s
        Random random = new Random(11);
        run(policy, random, 40, true);
        Run learnt = run(policy, random, 200, true);
        assertThat(learnt.late).as("the read that saw COMPLETED came within one tight interval of the end")
                .allMatch(late -> late <= 800);

        // the same jobs timed from submission only, as before the sighting was known: the queue's spread forces
        // dense polling through the spread of the totals, after long waits
        AdaptivePollingPolicy blind = new AdaptivePollingPolicy(SECOND, TEN_SECONDS, m -> Optional.empty());
        Random same = new Random(11);
        run(blind, same, 40, false);
        Run submissionOnly = run(blind, same, 200, false);
        assertThat(learnt.readsPerJob()).isLessThan(submissionOnly.readsPerJob() / 2);
        // and a fixed 1 s poller of the same jobs would read about once per second of their mean duration
        assertThat(learnt.readsPerJob()).isLessThan(learnt.meanSeconds() / 3);
    }

    @Test
    void aSteadyQueueAndASpreadRenderStayTimedFromSubmission() {
        // the first jobs are read early (backoff) and seen leaving the 1 s queue; later ones are already running at
        // their first read: a render window learnt from the first must not time the later ones
        Random random = new Random(5);
        run(policy, random, 40, true, true);
        Run learnt = run(policy, random, 200, true, true);
        assertThat(learnt.late).allMatch(late -> late <= 800);
        assertThat(learnt.readsPerJob()).isLessThan(learnt.meanSeconds() / 3);
    }

    @Test
    void aJobStillQueuedIsReadNoMoreOftenThanItsShortestRenderAllows() {
        policy.jobFinished("video", Duration.ofSeconds(140), Duration.ofSeconds(130));
        assertThat(policy.nextDelay("video", 3, Duration.ofSeconds(30), JobState.QUEUED, null)).isEqualTo(TEN_SECONDS);
        policy.jobFinished("flash", Duration.ofSeconds(5), Duration.ofSeconds(4));
        Duration shortest = policy.renderWindowFor("flash").earliest();
        assertThat(shortest).isLessThan(Duration.ofSeconds(4));
        assertThat(policy.nextDelay("flash", 3, Duration.ofSeconds(30), JobState.QUEUED, null)).isEqualTo(shortest);
    }

    @Test
    void onceProcessingTheNarrowerWindowDecides() {
        // totals spread 40-120 s by the queue; renders after the sighting 30-32 s
        for (int i = 0; i < 20; i++) {
            policy.jobFinished("video", Duration.ofSeconds(40 + 4 * i), Duration.ofMillis(30_000 + 100 * i));
        }
        ObservedDurations.Window render = policy.renderWindowFor("video");
        // seen PROCESSING at 50 s: nothing can finish before 50 s + the render window, so it waits for it
        Duration seen = Duration.ofSeconds(50);
        assertThat(policy.nextDelay("video", 5, Duration.ofSeconds(55), JobState.PROCESSING, seen))
                .isEqualTo(TEN_SECONDS);
        Duration opens = seen.plus(render.earliest()).minusMillis(800);
        assertThat(policy.nextDelay("video", 6, opens.minusSeconds(2), JobState.PROCESSING, seen))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.nextDelay("video", 7, opens.plusMillis(100), JobState.PROCESSING, seen))
                .isEqualTo(Duration.ofMillis(800));
        // without the sighting the submission window (40 s on) still applies
        assertThat(policy.nextDelay("video", 5, Duration.ofSeconds(55), JobState.PROCESSING, null))
                .isEqualTo(Duration.ofMillis(800));
    }

    /** Jobs read as the engine reads them, on made-up time: each read lands where the policy's delay says. */
    private static Run run(AdaptivePollingPolicy policy, Random random, int jobs, boolean reportsSighting) {
        return run(policy, random, jobs, reportsSighting, false);
    }

    private static Run run(AdaptivePollingPolicy policy, Random random, int jobs, boolean reportsSighting,
                           boolean steadyQueue) {
        Run run = new Run();
        for (int j = 0; j < jobs; j++) {
            long queue = steadyQueue ? 1_000
                    : random.nextDouble() < 0.7 ? 500 + random.nextInt(1_500) : 20_000 + random.nextInt(80_000);
            long end = queue + (steadyQueue ? 27_000 + random.nextInt(6_001) : 29_000 + random.nextInt(2_001));
            long now = 0;
            int polls = 0;
            JobState state = null;
            Long seen = null;
            while (true) {
                Duration seenAt = reportsSighting && seen != null ? Duration.ofMillis(seen) : null;
                now += policy.nextDelay("video", polls, Duration.ofMillis(now), state, seenAt).toMillis();
                polls++;
                JobState previous = state;
                state = now < queue ? JobState.QUEUED : now < end ? JobState.PROCESSING : JobState.COMPLETED;
                // as the engine reports it: only a sighting right after a QUEUED read brackets the start
                if (state == JobState.PROCESSING && previous == JobState.QUEUED && seen == null) {
                    seen = now;
                }
                if (state == JobState.COMPLETED) {
                    policy.jobFinished("video", Duration.ofMillis(now),
                            reportsSighting && seen != null ? Duration.ofMillis(now - seen) : null);
                    break;
                }
            }
            run.reads += polls;
            run.jobs++;
            run.totalMillis += end;
            run.late.add(now - end);
        }
        return run;
    }

    /**
     * Jobs that overlap, as in a running route: each read lands where the policy's delay says, in time order across
     * jobs, and a finish is learnt the moment it is read. Lateness is counted after the first 160 s, as in the
     * benchmark.
     */
    private static Concurrent concurrent(AdaptivePollingPolicy policy, Random random, int jobs, long arrivalWindow) {
        return concurrent(policy, random, jobs, arrivalWindow, (j, r) -> {
            boolean image = j % 2 == 0;
            long queue = image ? 1_000 : 2_000;
            return new Shape(image ? "image" : "video", null,
                    queue + Math.round((image ? 33_380 : 137_700) * Math.exp(0.4 * r.nextGaussian())));
        });
    }

    /** One job of a replay: its model, its timing class (or null) and when it finishes, from its submission. */
    private record Shape(String model, String timingClass, long end) {
    }

    private static Concurrent concurrent(AdaptivePollingPolicy policy, Random random, int jobs, long arrivalWindow,
                                         java.util.function.BiFunction<Integer, Random, Shape> shapes) {
        long[] arrival = new long[jobs];
        for (int j = 0; j < jobs; j++) {
            arrival[j] = (long) (random.nextDouble() * arrivalWindow);
        }
        java.util.Arrays.sort(arrival);
        String[] model = new String[jobs];
        String[] timingClass = new String[jobs];
        long[] end = new long[jobs];
        int[] polls = new int[jobs];
        JobState[] state = new JobState[jobs];
        java.util.PriorityQueue<long[]> reads = new java.util.PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        for (int j = 0; j < jobs; j++) {
            Shape shape = shapes.apply(j, random);
            model[j] = shape.model();
            timingClass[j] = shape.timingClass();
            end[j] = shape.end();
            reads.add(new long[] { arrival[j] + policy.nextDelay(model[j], timingClass[j], 0, Duration.ZERO, null,
                    null).toMillis(), j });
        }
        Concurrent run = new Concurrent();
        while (!reads.isEmpty()) {
            long[] read = reads.poll();
            int j = (int) read[1];
            long elapsed = read[0] - arrival[j];
            polls[j]++;
            state[j] = elapsed < end[j] ? JobState.PROCESSING : JobState.COMPLETED;
            if (state[j] == JobState.COMPLETED) {
                policy.jobFinished(model[j], timingClass[j], Duration.ofMillis(elapsed), null);
                if (arrival[j] >= 160_000) {
                    run.late.add(elapsed - end[j]);
                    run.reads += polls[j];
                    run.totalMillis += end[j];
                    run.jobs++;
                }
                continue;
            }
            reads.add(new long[] { read[0] + policy.nextDelay(model[j], timingClass[j], polls[j],
                    Duration.ofMillis(elapsed), state[j], null).toMillis(), j });
        }
        return run;
    }

    private static final class Concurrent extends Run {

        long p99Late() {
            java.util.List<Long> sorted = new java.util.ArrayList<>(late);
            java.util.Collections.sort(sorted);
            return sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1);
        }
    }

    private static class Run {
        int jobs;
        long reads;
        long totalMillis;
        final java.util.List<Long> late = new java.util.ArrayList<>();

        double readsPerJob() {
            return reads / (double) jobs;
        }

        double meanSeconds() {
            return totalMillis / 1000.0 / jobs;
        }
    }

    private void learn(String model, long... seconds) {
        for (long s : seconds) {
            policy.jobFinished(model, Duration.ofSeconds(s));
        }
    }
}
