package dev.camelsegmind.component.store;

import java.time.Duration;

import dev.camelsegmind.component.LogCapture;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract for this module's stores, whose expiry warnings are asserted instead of printed. */
abstract class ComponentStoreContract extends PendingJobStoreContract {

    private LogCapture logs;

    @BeforeEach
    void captureStoreLogs() {
        logs = LogCapture.of(Level.INFO, "dev.camelsegmind.component.store");
    }

    @AfterEach
    void releaseStoreLogs() {
        logs.close();
    }

    @Test
    void anAcceptedJobThatExpiredIsReportedAsPaidAndNeverDelivered() {
        store.put(accepted("k", "req-expired"));
        clock.advance(Duration.ofHours(2));
        assertThat(store.find("k")).isEmpty();
        assertThat(logs.text()).startsWith("WARN").contains("req-expired").contains("before its media was delivered");
    }
}
