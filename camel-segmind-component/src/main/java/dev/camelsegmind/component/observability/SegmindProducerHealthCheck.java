package dev.camelsegmind.component.observability;

import dev.camelsegmind.component.SegmindEndpoint;
import dev.camelsegmind.component.SegmindConfiguration;
import java.util.List;
import java.util.Map;

import dev.camelsegmind.component.budget.KeyCoolDowns;

import dev.camelsegmind.component.error.SegmindAuthenticationException;
import dev.camelsegmind.component.error.SegmindConnectionException;
import dev.camelsegmind.component.error.SegmindException;
import dev.camelsegmind.component.error.SegmindInsufficientCreditsException;
import dev.camelsegmind.component.error.SegmindTimeoutException;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.util.URISupport;

/**
 * Whether a Segmind producer can work: its key is accepted and the API answers. It asks Segmind's free credits call,
 * which bills nothing and is not rate limited, through a reading shared by every endpoint with the same base URL and
 * key and refreshed at most once per {@code healthCheckInterval}; a check never waits for that call.
 */
public class SegmindProducerHealthCheck extends AbstractHealthCheck {

    private final SegmindEndpoint endpoint;

    public SegmindProducerHealthCheck(SegmindEndpoint endpoint, String clientId) {
        super("camel", "producer:segmind-" + clientId);
        this.endpoint = endpoint;
    }

    /**
     * A readable id that stays the same from one start to the next: the model ({@code producer:segmind-wan2.7-i2v}),
     * with a number when another endpoint of the same model (another key, other options) registered first.
     */
    public static String clientId(SegmindEndpoint endpoint, HealthCheckRepository repository) {
        String model = endpoint.getModel();
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? model : model + "-" + n;
            String id = "producer:segmind-" + candidate;
            boolean taken = repository.stream().anyMatch(c -> c.getId().equals(id)
                    && !(c instanceof SegmindProducerHealthCheck s && s.endpoint == endpoint));
            if (!taken) {
                return candidate;
            }
        }
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
            // no call without a key: Segmind could only answer 401
            down(builder, "No Segmind API key: set option apiKey (camel.component.segmind.api-key), for example"
                    + " from the environment variable SEGMIND_API_KEY");
            return;
        }
        SegmindCreditsProbe.Reading reading = endpoint.getComponent().creditsProbe(endpoint).current();
        List<KeyCoolDowns.CoolDown> coolDowns = endpoint.getComponent().coolDowns()
                .activeFor(configuration.getBaseUrl(), configuration.getApiKey());
        if (!coolDowns.isEmpty()) {
            // the reason messages are refused now, whatever the last credits reading said
            KeyCoolDowns.CoolDown c = coolDowns.get(0);
            builder.detail("coolDownUntil", c.until().toString());
            builder.detail(SERVICE_STATUS_CODE, c.cause().getHttpStatus());
            builder.error(c.cause());
            if (reading != null) {
                builder.detail("lastChecked", reading.checkedAt().toString());
            }
            down(builder, reason(c.cause(), baseUrl) + "; " + coolDowns.stream().map(KeyCoolDowns.CoolDown::hold)
                    .collect(java.util.stream.Collectors.joining("; ")) + " (option keyCoolDown)");
            return;
        }
        if (reading == null) {
            // the first credits call is still under way: not ready yet, and not DOWN either
            builder.message("Checking the key with Segmind's credits call");
            builder.unknown();
            return;
        }
        builder.detail("lastChecked", reading.checkedAt().toString());
        if (reading.error() == null) {
            if (reading.credits() != null) {
                builder.detail("credits", reading.credits());
            }
            builder.up();
            return;
        }
        Throwable error = reading.error();
        builder.error(error);
        if (error instanceof SegmindException se && se.getHttpStatus() > 0) {
            builder.detail(SERVICE_STATUS_CODE, se.getHttpStatus());
        }
        down(builder, reason(error, baseUrl));
    }

    /**
     * DOWN with the reason as the message and as detail {@code reason}: Spring Boot's Actuator shows a check's
     * details and error, not its message.
     */
    private static void down(HealthCheckResultBuilder builder, String reason) {
        builder.message(reason);
        builder.detail("reason", reason);
        builder.down();
    }

    static String reason(Throwable error, String baseUrl) {
        if (error instanceof SegmindAuthenticationException se && se.getHttpStatus() == 403
                && se.getModel() != null) {
            return "Segmind refused the API key for model " + se.getModel() + " (HTTP 403)";
        }
        if (error instanceof SegmindAuthenticationException se) {
            return "Segmind rejected the API key (HTTP " + se.getHttpStatus() + "): check option apiKey"
                    + " (camel.component.segmind.api-key, SEGMIND_API_KEY)";
        }
        if (error instanceof SegmindInsufficientCreditsException se) {
            return "Segmind reported insufficient credits (HTTP " + se.getHttpStatus() + "): top up the account";
        }
        if (error instanceof SegmindConnectionException || error instanceof SegmindTimeoutException) {
            return "Segmind is unreachable at " + baseUrl + ": " + error.getMessage();
        }
        return "Segmind's credits call failed: " + error.getMessage();
    }
}
