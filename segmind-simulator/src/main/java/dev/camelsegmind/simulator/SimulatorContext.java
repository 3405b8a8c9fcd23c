package dev.camelsegmind.simulator;

import java.time.Clock;

/** The shared state every handler works on, bundled so handlers take one argument. */
record SimulatorContext(
        Clock clock,
        TimeScale scale,
        String baseUrl,
        ApiKeys keys,
        RateLimits limits,
        CreditAccounts credits,
        ModelCatalog catalog,
        JobStore jobs,
        AssetStore assets,
        MediaLibrary media,
        Journal journal,
        Faults faults,
        Crun crun) {
}
