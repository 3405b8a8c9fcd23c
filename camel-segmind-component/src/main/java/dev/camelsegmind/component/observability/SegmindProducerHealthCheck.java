package dev.camelsegmind.component.observability;

import dev.camelsegmind.component.SegmindEndpoint;
import dev.camelsegmind.component.SegmindConfiguration;
import java.util.List;
import java.util.Map;

import dev.camelsegmind.component.error.SegmindAuthenticationException;
import dev.camelsegmind.component.error.SegmindConnectionException;
import dev.camelsegmind.component.error.SegmindException;
import dev.camelsegmind.component.error.SegmindTimeoutException;
import dev.camelsegmind.component.store.PendingJob;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.util.URISupport;

/**
 * Whether a Segmind producer can work: its key is accepted and the API answers. It asks Segmind's free credits call,
 * which bills nothing and is not rate limited, through a reading shared by every endpoint with the same base URL and
 * key and refreshed at most once per {@code healthCheckInterval}; a check never waits for that call. The balance is
 * shown (detail {@code credits}) only with option {@code healthCheckShowCredits}.
 * <p>
 * Submits that may have been billed without an answer (pending-job entries in state UNCERTAIN) are reported as detail
 * {@value #UNCERTAIN_SUBMITS} with a message, but leave the check UP: each blocks only its own message, which is
 * refused rather than paid for twice, while every other message is served as before. DOWN would take the whole
 * application out of rotation for something only an operator can settle, and a restart settles nothing.
 */
public class SegmindProducerHealthCheck extends AbstractHealthCheck {

    /** Detail: how many pending-job entries of the component are UNCERTAIN, when there are any. */
    public static final String UNCERTAIN_SUBMITS = "uncertainSubmits";

    private final SegmindEndpoint endpoint;

    public SegmindProducerHealthCheck(SegmindEndpoint endpoint, String clientId) {
        super("camel", "producer:segmind-" + clientId);
        this.endpoint = endpoint;
    }

    /** Readiness only: restarting the application fixes neither a rejected key nor an outage at Segmind. */
    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        SegmindConfiguration configuration = endpoint.getConfiguration();
        String baseUrl = URISupport.sanitizeUri(configuration.getBaseUrl());
        builder.detail("baseUrl", baseUrl);
        if (configuration.getApiKey() == null || configuration.getApiKey().isBlank()) {
            builder.message("No Segmind API key: set option apiKey, for example {{env:SEGMIND_API_KEY}}");
            builder.down();
            return;
        }
        SegmindCreditsProbe.Reading reading = endpoint.getComponent().creditsProbe(endpoint).current();
        if (reading == null) {
            // the first credits call is still under way: not ready yet, and not DOWN either
            builder.message("Checking the key with Segmind's credits call");
            builder.unknown();
            return;
        }
        builder.detail("lastChecked", reading.checkedAt().toString());
        List<PendingJob> uncertain = SegmindUncertainJobs.of(endpoint.getComponent());
        if (!uncertain.isEmpty()) {
            builder.detail(UNCERTAIN_SUBMITS, uncertain.size());
        }
        if (reading.error() == null) {
            if (reading.credits() != null && endpoint.getComponent().isHealthCheckShowCredits()) {
                builder.detail("credits", reading.credits());
            }
            if (!uncertain.isEmpty()) {
                builder.message(uncertain.size() + " submit(s) may have been accepted and billed without an answer;"
                        + " reconcile them with the Segmind account (the segmind dev console lists them by job key)"
                        + " and remove their pending-job entries");
            }
            builder.up();
            return;
        }
        Throwable error = reading.error();
        builder.message(reason(error, baseUrl));
        builder.error(error);
        if (error instanceof SegmindException se && se.getHttpStatus() > 0) {
            builder.detail(SERVICE_STATUS_CODE, se.getHttpStatus());
        }
        builder.down();
    }

    static String reason(Throwable error, String baseUrl) {
        if (error instanceof SegmindAuthenticationException se) {
            return "Segmind rejected the API key (HTTP " + se.getHttpStatus() + "): check option apiKey";
        }
        if (error instanceof SegmindConnectionException || error instanceof SegmindTimeoutException) {
            return "Segmind is unreachable at " + baseUrl + ": " + error.getMessage();
        }
        return "Segmind's credits call failed: " + error.getMessage();
    }
}
