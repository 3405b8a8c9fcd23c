package dev.camelsegmind.component;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import dev.camelsegmind.component.client.SegmindHttpClient;
import dev.camelsegmind.component.engine.JobEngine;
import dev.camelsegmind.component.engine.JobListener;
import dev.camelsegmind.component.engine.PendingJobStore;
import dev.camelsegmind.component.engine.RequestLimiter;
import dev.camelsegmind.component.engine.StateRepositoryPendingJobStore;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.LoggerFactory;

/**
 * Generates images and video with Segmind's serverless models. The component owns what all its endpoints share: the
 * HTTP clients, one scheduler that drives every job's waiting, the request budget and the pending-job store.
 */
@Component("segmind")
public class SegmindComponent extends HealthCheckComponent {

    @Metadata(description = "Options shared by every endpoint; an endpoint's URI options override them.")
    private SegmindConfiguration configuration = new SegmindConfiguration();
    @Metadata(label = "advanced", defaultValue = "0",
              description = "At most this many API calls per minute across all endpoints of this component (status"
                            + " reads count), so a backlog waits instead of hitting 429. 0 means no limit.")
    private int maxRequestsPerMinute;
    @Metadata(label = "advanced", defaultValue = "0",
              description = "At most this many jobs between submit and delivery across all endpoints; further"
                            + " messages wait without holding a thread. 0 means no limit.")
    private int maxConcurrentJobs;
    @Metadata(label = "advanced",
              description = "Where accepted jobs are recorded until their media is delivered: any Camel"
                            + " StateRepository (for a cluster, a shared one). Default: in memory, or a file with"
                            + " pendingJobFile.")
    private StateRepository<String, String> pendingJobRepository;
    @Metadata(label = "advanced",
              description = "A file that keeps the pending-job store across restarts (a FileStateRepository), for"
                            + " example .segmind/pending-jobs.dat. Ignored when pendingJobRepository is set.")
    private String pendingJobFile;
    @Metadata(label = "advanced", defaultValue = "4",
              description = "Threads that run HTTP completions. Waiting jobs hold none of them.")
    private int ioThreads = 4;
    @Metadata(label = "health", defaultValue = "60000", javaType = "java.time.Duration",
              description = "The least time between two credits calls of the producer health check, per base URL and"
                            + " key; in between, the check reports the last answer.")
    private long healthCheckInterval = 60000L;

    private final Map<ClientKey, SegmindHttpClient> clients = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private ExecutorService ioExecutor;
    private ExecutorService deliveryExecutor;
    private StateRepository<String, String> startedRepository;
    private JobEngine engine;
    private JobListener listener = JobListener.NONE;
    private final SegmindRecentFailures recentFailures = new SegmindRecentFailures();
    private final Map<CreditsKey, SegmindCreditsProbe> creditsProbes = new ConcurrentHashMap<>();
    private JobListener metrics = JobListener.NONE;
    // not an option: only tests against a fast-clock simulator shorten the request budget's minute
    private long rateLimitWindowMillis = 60_000;

    public SegmindComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SegmindConfiguration copy = configuration.copy();
        SegmindEndpoint endpoint = new SegmindEndpoint(uri, this, copy);
        endpoint.setModel(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (ForkJoinPool.getCommonPoolParallelism() < 2) {
            // the JDK HttpClient completes every sendAsync on CompletableFuture's default pool, which below two
            // workers is a new thread per response: measured here as twice the CPU per job and bursts of threads
            LoggerFactory.getLogger(SegmindComponent.class).warn("The JVM's common pool has fewer than 2 workers"
                    + " ({} CPUs), so the JDK HttpClient starts a thread for every Segmind response. Start the JVM"
                    + " with -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 (see docs/performance.md)",
                    Runtime.getRuntime().availableProcessors());
        }
        // every waiting job has one poll queued here: Camel's default cap of 1000 queued tasks would reject job 1001
        scheduler = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this, "SegmindScheduler",
                new ThreadPoolProfileBuilder("SegmindScheduler").poolSize(1).maxPoolSize(1).maxQueueSize(-1).build());
        if (scheduler instanceof ScheduledThreadPoolExecutor stpe) {
            // each job's deadline watchdog is cancelled when the job ends; drop it from the queue at once
            stpe.setRemoveOnCancelPolicy(true);
        }
        ioExecutor = getCamelContext().getExecutorServiceManager().newFixedThreadPool(this, "SegmindIO",
                Math.max(1, ioThreads));
        deliveryExecutor = getCamelContext().getExecutorServiceManager().newDefaultThreadPool(this,
                "SegmindDelivery");
        startedRepository = pendingJobRepository != null ? pendingJobRepository
                : pendingJobFile != null ? FileStateRepository.fileStateRepository(new File(pendingJobFile))
                : new MemoryStateRepository();
        ServiceHelper.startService(startedRepository);
        PendingJobStore store = new StateRepositoryPendingJobStore(startedRepository);
        engine = new JobEngine(scheduler, new RequestLimiter(maxRequestsPerMinute, maxConcurrentJobs, scheduler,
                rateLimitWindowMillis),
                store, observers());
    }

    /** Logging, the console's failure log and, with Micrometer and a MeterRegistry, metrics; then user listeners. */
    private JobListener observers() {
        metrics = SegmindMetricsSupport.listenerFor(getCamelContext(), () -> {
            JobEngine e = engine;
            return e == null ? java.util.List.of() : e.activeJobs();
        });
        JobListener builtIn = JobListener.compose(JobListener.compose(new SegmindLoggingJobListener(), recentFailures),
                metrics);
        return JobListener.compose(builtIn, listener);
    }

    @Override
    protected void doStop() throws Exception {
        if (metrics instanceof AutoCloseable closeable) {
            closeable.close();
        }
        metrics = JobListener.NONE;
        creditsProbes.clear();
        if (startedRepository != pendingJobRepository) {
            ServiceHelper.stopService(startedRepository);
        }
        clients.clear();
        if (scheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
            scheduler = null;
        }
        if (deliveryExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdown(deliveryExecutor);
            deliveryExecutor = null;
        }
        if (ioExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(ioExecutor);
            ioExecutor = null;
        }
        engine = null;
        super.doStop();
    }

    /**
     * One HTTP client per distinct connection setting (timeouts, proxy, TLS), shared by the endpoints that use it: a
     * JDK client carries a selector thread and a connection pool, so one per endpoint would waste both.
     */
    SegmindHttpClient httpClientFor(SegmindConfiguration c) throws Exception {
        ClientKey key = new ClientKey(c.getConnectTimeout(), c.getProxyHost(), c.getProxyPort(),
                c.getSslContextParameters());
        SegmindHttpClient existing = clients.get(key);
        if (existing != null) {
            return existing;
        }
        HttpClient.Builder b = HttpClient.newBuilder().executor(ioExecutor)
                .connectTimeout(Duration.ofMillis(c.getConnectTimeout()))
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (c.getProxyHost() != null) {
            b.proxy(ProxySelector.of(new InetSocketAddress(c.getProxyHost(),
                    c.getProxyPort() != null ? c.getProxyPort() : 8080)));
        }
        if (c.getSslContextParameters() != null) {
            b.sslContext(c.getSslContextParameters().createSSLContext(getCamelContext()));
        }
        SegmindHttpClient client = new SegmindHttpClient(b.build(), "camel-segmind/" + version());
        SegmindHttpClient raced = clients.putIfAbsent(key, client);
        return raced != null ? raced : client;
    }

    static String version() {
        String v = SegmindComponent.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    /** For tests only: the length of the request budget's "minute", in real milliseconds. */
    void setRateLimitWindowMillis(long windowMillis) {
        this.rateLimitWindowMillis = windowMillis;
    }

    JobEngine getEngine() {
        return engine;
    }

    ExecutorService getDeliveryExecutor() {
        return deliveryExecutor;
    }

    SegmindRecentFailures recentFailures() {
        return recentFailures;
    }

    /** One credits reading per base URL and key, shared by the health checks of every endpoint using them. */
    SegmindCreditsProbe creditsProbe(SegmindEndpoint endpoint) {
        SegmindConfiguration c = endpoint.getConfiguration();
        return creditsProbes.computeIfAbsent(new CreditsKey(c.getBaseUrl(), c.getApiKey()),
                k -> new SegmindCreditsProbe(() -> endpoint.getProvider().credits(),
                        Duration.ofMillis(healthCheckInterval)));
    }

    ScheduledExecutorService getScheduler() {
        return scheduler;
    }

    /** Adds a listener to every job of this component (metrics, console); set before the component starts. */
    public void addJobListener(JobListener extra) {
        this.listener = JobListener.compose(this.listener, extra);
    }

    public SegmindConfiguration getConfiguration() {
        return configuration;
    }

    /** Options shared by every endpoint; an endpoint's URI options override them. */
    public void setConfiguration(SegmindConfiguration configuration) {
        this.configuration = configuration;
    }

    public int getMaxRequestsPerMinute() {
        return maxRequestsPerMinute;
    }

    /**
     * At most this many API calls per minute across all endpoints of this component (status reads count), so a
     * backlog waits instead of hitting 429. 0 means no limit.
     */
    public void setMaxRequestsPerMinute(int maxRequestsPerMinute) {
        this.maxRequestsPerMinute = maxRequestsPerMinute;
    }

    public int getMaxConcurrentJobs() {
        return maxConcurrentJobs;
    }

    /**
     * At most this many jobs between submit and delivery across all endpoints; further messages wait without holding
     * a thread. 0 means no limit.
     */
    public void setMaxConcurrentJobs(int maxConcurrentJobs) {
        this.maxConcurrentJobs = maxConcurrentJobs;
    }

    public StateRepository<String, String> getPendingJobRepository() {
        return pendingJobRepository;
    }

    /**
     * Where accepted jobs are recorded until their media is delivered: any Camel StateRepository (for a cluster, a
     * shared one). Default: in memory, or a file with pendingJobFile.
     */
    public void setPendingJobRepository(StateRepository<String, String> pendingJobRepository) {
        this.pendingJobRepository = pendingJobRepository;
    }

    public String getPendingJobFile() {
        return pendingJobFile;
    }

    /**
     * A file that keeps the pending-job store across restarts (a FileStateRepository), for example
     * .segmind/pending-jobs.dat. Ignored when pendingJobRepository is set.
     */
    public void setPendingJobFile(String pendingJobFile) {
        this.pendingJobFile = pendingJobFile;
    }

    public int getIoThreads() {
        return ioThreads;
    }

    /** Threads that run HTTP completions. Waiting jobs hold none of them. */
    public void setIoThreads(int ioThreads) {
        this.ioThreads = ioThreads;
    }

    public long getHealthCheckInterval() {
        return healthCheckInterval;
    }

    /**
     * The least time between two credits calls of the producer health check, per base URL and key; in between, the
     * check reports the last answer.
     */
    public void setHealthCheckInterval(long healthCheckInterval) {
        this.healthCheckInterval = healthCheckInterval;
    }

    /** Holds a key only to compare it: its toString never shows the key. */
    private record CreditsKey(String baseUrl, String apiKey) {
        @Override
        public String toString() {
            return "CreditsKey[" + baseUrl + "]";
        }
    }

    private record ClientKey(long connectTimeout, String proxyHost, Integer proxyPort, Object ssl) {
        @Override
        public boolean equals(Object o) {
            // TLS settings are compared by identity: two equal-looking parameter objects may load different stores
            return o instanceof ClientKey k && k.connectTimeout == connectTimeout
                    && Objects.equals(k.proxyHost, proxyHost) && Objects.equals(k.proxyPort, proxyPort) && k.ssl == ssl;
        }

        @Override
        public int hashCode() {
            return Objects.hash(connectTimeout, proxyHost, proxyPort, System.identityHashCode(ssl));
        }
    }
}
