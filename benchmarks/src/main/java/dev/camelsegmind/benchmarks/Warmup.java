package dev.camelsegmind.benchmarks;

/**
 * A few instant jobs on a model of their own before measuring, so class loading and the JIT's first compilations are
 * not billed to the scenario, and nothing about the measured model is learnt in advance.
 */
final class Warmup {

    private Warmup() {
    }

    static void run(Contender contender, String model, int jobs) {
        for (int round = 0; round < 2; round++) {
            Batch warm = new Batch();
            for (int i = 0; i < jobs; i++) {
                warm.add(contender.submit(model, "warm-up " + round + "-" + i));
            }
            warm.await(System.currentTimeMillis() + 60_000);
        }
    }
}
