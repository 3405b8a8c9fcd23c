package dev.camelsegmind.component;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;

import dev.camelsegmind.component.engine.AdaptivePollingPolicy;
import dev.camelsegmind.component.engine.BackoffPollingPolicy;
import dev.camelsegmind.component.engine.DownloadOptions;
import dev.camelsegmind.component.engine.FixedPollingPolicy;
import dev.camelsegmind.component.engine.JobListener;
import dev.camelsegmind.component.engine.JobProvider;
import dev.camelsegmind.component.engine.PollingPolicy;
import dev.camelsegmind.component.engine.RetryPolicy;
import dev.camelsegmind.component.engine.UploadCapable;
import dev.camelsegmind.component.model.ModelCatalog;
import dev.camelsegmind.component.http.HttpMediaDownloader;
import dev.camelsegmind.component.http.HttpTransport;
import dev.camelsegmind.component.model.ModelSpec;
import dev.camelsegmind.component.observability.SegmindProgressSender;
import dev.camelsegmind.component.provider.crun.CrunCallbacks;
import dev.camelsegmind.component.provider.crun.CrunJobProvider;
import dev.camelsegmind.component.provider.segmind.SegmindJobProvider;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Generate images and video with Segmind's serverless models (Wan 2.7 Image Pro, Wan 2.7 image-to-video and
 * reference-to-video, Wan 2.1 image-to-video, or any model by its slug), without blocking a thread while they render.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "segmind", title = "Segmind", syntax = "segmind:model",
             producerOnly = true, category = { Category.AI }, headersClass = SegmindConstants.class)
public class SegmindEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    @UriPath(description = "The Segmind model slug, for example wan2.7-image-pro, wan2.7-i2v, wan2.7-r2v,"
                           + " wan2.1-i2v-720p, or any other serverless model by its exact slug. A slug one slip"
                           + " away from one of the four (wan-2.7-i2v) stops the route when it starts.")
    @Metadata(required = true)
    private String model;

    @UriParam
    private SegmindConfiguration configuration;

    private JobProvider provider;
    private HttpTransport httpClient;
    private HttpMediaDownloader downloader;
    private PollingPolicy pollingPolicy;
    private volatile SegmindProgressSender progressSender;
    /** Built once while started, not per message: every waiting job holds them. */
    private volatile RetryPolicy retryPolicy;
    private volatile DownloadOptions downloadOptions;
    private volatile Duration timeout;
    private volatile Map<String, Object> basePayload;

    public SegmindEndpoint(String uri, SegmindComponent component, SegmindConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public SegmindComponent getComponent() {
        return (SegmindComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        return new SegmindProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        throw new UnsupportedOperationException("The segmind component has no consumer: use it with to(...)");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // a mistake in the endpoint's own settings stops the route now, before any step of it is paid for
        SegmindStartupChecks.verify(this);
        httpClient = getComponent().httpClientFor(configuration);
        downloader = new HttpMediaDownloader(httpClient, Duration.ofMillis(configuration.getRequestTimeout()),
                getComponent().getScheduler());
        provider = createProvider();
        pollingPolicy = pollingPolicy(configuration);
        retryPolicy = buildRetryPolicy();
        downloadOptions = buildDownloadOptions();
        timeout = Duration.ofMillis(configuration.getTimeout());
        basePayload = SegmindRequestSupport.basePayload(configuration);
        if (configuration.getProgressUri() != null && !configuration.getProgressUri().isBlank()) {
            progressSender = new SegmindProgressSender(getCamelContext(), configuration.getProgressUri(),
                    () -> getComponent().getDeliveryExecutor());
            ServiceHelper.startService(progressSender);
        }
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(progressSender);
        progressSender = null;
        retryPolicy = null;
        downloadOptions = null;
        timeout = null;
        basePayload = null;
        super.doStop();
    }

    /** The one place where an endpoint's provider is chosen; the rest of the component talks to the engine's SPI. */
    private JobProvider createProvider() throws Exception {
        if (configuration.getProvider() == SegmindProvider.crun) {
            return createCrunProvider();
        }
        return segmindProvider();
    }

    private SegmindJobProvider segmindProvider() {
        return new SegmindJobProvider(httpClient, configuration.getBaseUrl(), configuration.getUploadUrl(),
                configuration.getApiKey(), Duration.ofMillis(configuration.getRequestTimeout()),
                configuration.trustedHostSet());
    }

    /**
     * crun reads input images from URLs only, so with uploadInputs a picture from the body is hosted by Segmind's
     * upload-asset (with option apiKey) first; callbacks go to the component's one receiver.
     */
    private JobProvider createCrunProvider() throws Exception {
        UploadCapable uploads = null;
        if (configuration.isUploadInputs()) {
            if (configuration.getApiKey() == null || configuration.getApiKey().isBlank()) {
                throw new IllegalArgumentException("Option uploadInputs with provider=crun uploads the picture of the"
                        + " message body with Segmind's upload-asset, which needs option apiKey (Segmind's key); set"
                        + " it, or give input images as URLs in option inputImages");
            }
            uploads = segmindProvider();
        }
        String base = configuration.getCallbackBaseUrl();
        CrunCallbacks callbacks = null;
        String callbackUrl = null;
        if (base != null && !base.isBlank()) {
            callbacks = getComponent().crunCallbacks();
            String path = getComponent().getCallbackPath();
            callbackUrl = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                    + (path.startsWith("/") ? path : "/" + path);
        }
        long wait = configuration.getCallbackWait();
        return new CrunJobProvider(httpClient, new CrunJobProvider.CrunSettings(configuration.getCrunBaseUrl(),
                configuration.getCrunApiKey(), Duration.ofMillis(configuration.getRequestTimeout()),
                configuration.crunFieldNameMap(), callbackUrl, wait > 0 ? Duration.ofMillis(wait) : null), callbacks,
                uploads);
    }

    /** The base URL the provider's key goes to: a refused key cools down by it and the key. */
    String keyBaseUrl() {
        return configuration.getProvider() == SegmindProvider.crun ? configuration.getCrunBaseUrl()
                : configuration.getBaseUrl();
    }

    /** The key the provider is called with. */
    String keyValue() {
        return configuration.getProvider() == SegmindProvider.crun ? configuration.getCrunApiKey()
                : configuration.getApiKey();
    }

    /** Whether the provider has a free call that proves the key works, for the producer health check. */
    public boolean hasCreditsCall() {
        return provider instanceof SegmindJobProvider;
    }

    /** The progress messages of one message's job, or none without option progressUri. */
    JobListener progressListener(Exchange exchange) {
        SegmindProgressSender sender = progressSender;
        return sender == null ? JobListener.NONE : sender.forExchange(exchange);
    }

    static PollingPolicy pollingPolicy(SegmindConfiguration c) {
        Duration interval = Duration.ofMillis(c.getPollInterval());
        Duration max = Duration.ofMillis(c.getMaxPollInterval());
        switch (c.getPollStrategy()) {
            case fixed:
                return new FixedPollingPolicy(interval);
            case adaptive:
                return new AdaptivePollingPolicy(interval, max,
                        model -> ModelCatalog.find(model).map(ModelSpec::typicalDuration));
            default:
                return new BackoffPollingPolicy(interval, max);
        }
    }

    /** The provider this endpoint's jobs run at; for the component's own packages. */
    public JobProvider getProvider() {
        return provider;
    }

    PollingPolicy getPollingPolicy() {
        return pollingPolicy;
    }

    RetryPolicy retryPolicy() {
        RetryPolicy built = retryPolicy;
        return built != null ? built : buildRetryPolicy();
    }

    DownloadOptions downloadOptions() {
        DownloadOptions built = downloadOptions;
        return built != null ? built : buildDownloadOptions();
    }

    /** The whole job's time limit (option timeout). */
    Duration timeout() {
        Duration built = timeout;
        return built != null ? built : Duration.ofMillis(configuration.getTimeout());
    }

    /** What the endpoint's options put in every payload, before the message's own parameters. */
    Map<String, Object> basePayload() {
        Map<String, Object> built = basePayload;
        return built != null ? built : SegmindRequestSupport.basePayload(configuration);
    }

    private RetryPolicy buildRetryPolicy() {
        return new RetryPolicy(configuration.getMaxRetries(), Duration.ofMillis(configuration.getRetryDelay()),
                Duration.ofMillis(configuration.getMaxRetryDelay()), configuration.isRetryUncertainSubmit());
    }

    private DownloadOptions buildDownloadOptions() {
        Path dir = configuration.getDownloadDirectory() != null ? Paths.get(configuration.getDownloadDirectory())
                : Paths.get(System.getProperty("java.io.tmpdir"), "camel-segmind");
        return new DownloadOptions(downloader, dir, configuration.getInMemoryThreshold(),
                configuration.getMaxMediaSize(), Duration.ofMillis(Math.max(configuration.getRequestTimeout(),
                        configuration.getTimeout())));
    }

    @Override
    public String getServiceUrl() {
        return configuration.getProvider() == SegmindProvider.crun ? configuration.getCrunBaseUrl()
                : configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }

    public String getModel() {
        return model;
    }

    /**
     * The Segmind model slug, for example wan2.7-image-pro, wan2.7-i2v, wan2.7-r2v, wan2.1-i2v-720p, or any other
     * serverless model by its exact slug. A slug one slip away from one of the four (wan-2.7-i2v) stops the route when
     * it starts.
     */
    public void setModel(String model) {
        this.model = model;
    }

    public SegmindConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(SegmindConfiguration configuration) {
        this.configuration = configuration;
    }
}
