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

import dev.camelsegmind.component.engine.JobEngine;
import dev.camelsegmind.component.engine.JobListener;
import dev.camelsegmind.component.engine.RequestLimiter;
import dev.camelsegmind.component.http.HttpTransport;
import dev.camelsegmind.component.observability.SegmindCreditsProbe;
import dev.camelsegmind.component.observability.SegmindLoggingJobListener;
import dev.camelsegmind.component.observability.SegmindMetricsSupport;
import dev.camelsegmind.component.observability.SegmindRecentFailures;
import dev.camelsegmind.component.provider.crun.CrunCallbackReceiver;
import dev.camelsegmind.component.provider.crun.CrunCallbackService;
import dev.camelsegmind.component.provider.crun.CrunCallbacks;
import dev.camelsegmind.component.provider.crun.CrunJobProvider;
import dev.camelsegmind.component.provider.segmind.SegmindJobProvider;
import dev.camelsegmind.component.store.FilePendingJobStore;
import dev.camelsegmind.component.store.MemoryPendingJobStore;
import dev.camelsegmind.component.store.PendingJobStore;
import dev.camelsegmind.component.store.StateRepositoryPendingJobStore;
import org.apache.camel.Endpoint;

import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.processor.state.FileStateRepository;
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
              description = "Where jobs are recorded from submit until their media is delivered, so a redelivered"
                            + " message resumes its job instead of paying again, and two deliveries of one message"
                            + " never both submit: a PendingJobStore bean (for a cluster, one whose putIfAbsent is"
                            + " atomic across nodes). Beats pendingJobDirectory, pendingJobRepository and"
                            + " pendingJobFile. Default: in memory.")
    private PendingJobStore pendingJobStore;
    @Metadata(label = "advanced",
              description = "A directory that keeps the pending-job store across restarts, one small file per job"
                            + " (a FilePendingJobStore), for example .segmind/pending-jobs. JVMs sharing the directory"
                            + " share the store safely.")
    private String pendingJobDirectory;
    @Metadata(label = "advanced",
              description = "Any Camel StateRepository as the pending-job store. Weaker than a PendingJobStore: a"
                            + " claim is atomic only within one JVM and removed entries stay as empty values.")
    private StateRepository<String, String> pendingJobRepository;
    @Metadata(label = "advanced",
              description = "A file that keeps the pending-job store across restarts (a FileStateRepository), for"
                            + " example .segmind/pending-jobs.dat; prefer pendingJobDirectory. Ignored when"
                            + " pendingJobRepository is set.")
    private String pendingJobFile;
    @Metadata(label = "advanced", defaultValue = "4",
              description = "Threads that run HTTP completions. Waiting jobs hold none of them.")
    private int ioThreads = 4;
    @Metadata(label = "health", defaultValue = "60000", javaType = "java.time.Duration",
              description = "The least time between two credits calls of the producer health check, per base URL and"
                            + " key; in between, the check reports the last answer.")
    private long healthCheckInterval = 60000L;
    @Metadata(label = "advanced", defaultValue = "/segmind/crun/callback",
              description = "The path of the receiver for crun.ai's callbacks on the application's HTTP server"
                            + " (platform-http); one receiver serves every crun endpoint of this component. The"
                            + " callback URLs are callbackBaseUrl followed by this path.")
    private String callbackPath = "/segmind/crun/callback";
    @Metadata(label = "advanced", defaultValue = "1048576",
              description = "The largest callback body, in bytes, the receiver reads; a larger one is answered 413"
                            + " and the job polls instead.")
    private long callbackMaxBodySize = 1048576L;

    private final Map<ClientKey, HttpTransport> clients = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private ExecutorService ioExecutor;
    private ExecutorService deliveryExecutor;
    private ExecutorService storeExecutor;
    private StateRepository<String, String> startedRepository;
    private PendingJobStore startedStore;
    private JobEngine engine;
    private JobListener listener = JobListener.NONE;
    private final SegmindRecentFailures recentFailures = new SegmindRecentFailures();
    private CrunCallbacks crunCallbacks;
    private CrunCallbackService callbackService;
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
        // never CallerRuns: a full queue would then run the rest of a route on the scheduler or an HTTP thread
        deliveryExecutor = unboundedPool("SegmindDelivery", 10);
        startedStore = startStore();
        if (startedStore.isBlocking()) {
            // disk, database or broker calls wait on I/O: they get threads of their own
            storeExecutor = unboundedPool("SegmindStore", 2);
        }
        engine = new JobEngine(scheduler, new RequestLimiter(maxRequestsPerMinute, maxConcurrentJobs, scheduler,
                rateLimitWindowMillis), startedStore, storeExecutor != null ? storeExecutor : Runnable::run,
                observers(), getCamelContext().getName());
    }

    /**
     * A fixed pool whose queue never fills, so a task is never rejected nor run by its caller (Camel's profiles fall
     * back to CallerRuns), and threads named the Camel way.
     */
    private ExecutorService unboundedPool(String name, int threads) {
        org.apache.camel.spi.ExecutorServiceManager manager = getCamelContext().getExecutorServiceManager();
        java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(threads, threads,
                60, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, manager.resolveThreadName(name));
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private PendingJobStore startStore() throws Exception {
        if (pendingJobStore != null) {
            ServiceHelper.startService(pendingJobStore);
            return pendingJobStore;
        }
        if (pendingJobDirectory != null) {
            return new FilePendingJobStore(java.nio.file.Paths.get(pendingJobDirectory));
        }
        if (pendingJobRepository != null || pendingJobFile != null) {
            startedRepository = pendingJobRepository != null ? pendingJobRepository
                    : FileStateRepository.fileStateRepository(new File(pendingJobFile));
            ServiceHelper.startService(startedRepository);
            return new StateRepositoryPendingJobStore(startedRepository);
        }
        return new MemoryPendingJobStore();
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
        synchronized (this) {
            ServiceHelper.stopService(callbackService);
            callbackService = null;
            crunCallbacks = null;
        }
        if (metrics instanceof AutoCloseable closeable) {
            closeable.close();
        }
        metrics = JobListener.NONE;
        creditsProbes.clear();
        if (startedRepository != null && startedRepository != pendingJobRepository) {
            ServiceHelper.stopService(startedRepository);
        }
        startedRepository = null;
        if (storeExecutor != null) {
            storeExecutor.shutdown();
            storeExecutor = null;
        }
        clients.clear();
        if (scheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
            scheduler = null;
        }
        if (deliveryExecutor != null) {
            // callbacks already handed over still run; nothing new is accepted
            deliveryExecutor.shutdown();
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
    HttpTransport httpClientFor(SegmindConfiguration c) throws Exception {
        ClientKey key = new ClientKey(c.getConnectTimeout(), c.getProxyHost(), c.getProxyPort(),
                c.getSslContextParameters());
        HttpTransport existing = clients.get(key);
        if (existing != null) {
            return existing;
        }
        HttpClient.Builder b = HttpClient.newBuilder().executor(ioExecutor)
                .connectTimeout(Duration.ofMillis(c.getConnectTimeout()))
                // a redirect would carry the key to wherever it points: no call follows one
                .followRedirects(HttpClient.Redirect.NEVER);
        if (c.getProxyHost() != null) {
            b.proxy(ProxySelector.of(new InetSocketAddress(c.getProxyHost(),
                    c.getProxyPort() != null ? c.getProxyPort() : 8080)));
        }
        if (c.getSslContextParameters() != null) {
            b.sslContext(c.getSslContextParameters().createSSLContext(getCamelContext()));
        }
        HttpTransport client = new HttpTransport(b.build(), "camel-segmind/" + version());
        HttpTransport raced = clients.putIfAbsent(key, client);
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

    /** The job engine of this component; for the component's own packages (console, metrics). */
    public JobEngine getEngine() {
        return engine;
    }

    ExecutorService getDeliveryExecutor() {
        return deliveryExecutor;
    }

    /** Recent failures, for the console. */
    public SegmindRecentFailures recentFailures() {
        return recentFailures;
    }

    /** One credits reading per base URL and key, shared by the health checks of every endpoint using them. */
    public SegmindCreditsProbe creditsProbe(SegmindEndpoint endpoint) {
        SegmindConfiguration c = endpoint.getConfiguration();
        return creditsProbes.computeIfAbsent(new CreditsKey(c.getBaseUrl(), c.getApiKey()),
                k -> new SegmindCreditsProbe(() -> ((SegmindJobProvider) endpoint.getProvider()).credits(),
                        Duration.ofMillis(healthCheckInterval)));
    }

    /**
     * The callback addresses of crun tasks, with their receiver started on the application's HTTP server on first
     * use: one per component, whatever the number of crun endpoints.
     */
    public synchronized CrunCallbacks crunCallbacks() throws Exception {
        if (crunCallbacks == null) {
            CrunCallbacks callbacks = new CrunCallbacks(CrunJobProvider.RETENTION);
            CrunCallbackService service = new CrunCallbackService(getCamelContext(), callbackPath,
                    new CrunCallbackReceiver(callbacks, callbackMaxBodySize, taskId -> {
                        JobEngine e = engine;
                        return e != null && e.signal(CrunJobProvider.ID, taskId);
                    }));
            ServiceHelper.startService(service);
            callbackService = service;
            crunCallbacks = callbacks;
        }
        return crunCallbacks;
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

    public PendingJobStore getPendingJobStore() {
        return pendingJobStore;
    }

    /**
     * Where jobs are recorded from submit until their media is delivered, so a redelivered message resumes its job
     * instead of paying again, and two deliveries of one message never both submit: a PendingJobStore bean (for a
     * cluster, one whose putIfAbsent is atomic across nodes). Beats pendingJobDirectory, pendingJobRepository and
     * pendingJobFile. Default: in memory.
     */
    public void setPendingJobStore(PendingJobStore pendingJobStore) {
        this.pendingJobStore = pendingJobStore;
    }

    public String getPendingJobDirectory() {
        return pendingJobDirectory;
    }

    /**
     * A directory that keeps the pending-job store across restarts, one small file per job (a FilePendingJobStore),
     * for example .segmind/pending-jobs. JVMs sharing the directory share the store safely.
     */
    public void setPendingJobDirectory(String pendingJobDirectory) {
        this.pendingJobDirectory = pendingJobDirectory;
    }

    public StateRepository<String, String> getPendingJobRepository() {
        return pendingJobRepository;
    }

    /**
     * Any Camel StateRepository as the pending-job store. Weaker than a PendingJobStore: a claim is atomic only within
     * one JVM and removed entries stay as empty values.
     */
    public void setPendingJobRepository(StateRepository<String, String> pendingJobRepository) {
        this.pendingJobRepository = pendingJobRepository;
    }

    public String getPendingJobFile() {
        return pendingJobFile;
    }

    /**
     * A file that keeps the pending-job store across restarts (a FileStateRepository), for example
     * .segmind/pending-jobs.dat; prefer pendingJobDirectory. Ignored when pendingJobRepository is set.
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

    public String getCallbackPath() {
        return callbackPath;
    }

    /**
     * The path of the receiver for crun.ai's callbacks on the application's HTTP server (platform-http); one receiver
     * serves every crun endpoint of this component. The callback URLs are callbackBaseUrl followed by this path.
     */
    public void setCallbackPath(String callbackPath) {
        this.callbackPath = callbackPath;
    }

    public long getCallbackMaxBodySize() {
        return callbackMaxBodySize;
    }

    /**
     * The largest callback body, in bytes, the receiver reads; a larger one is answered 413 and the job polls instead.
     */
    public void setCallbackMaxBodySize(long callbackMaxBodySize) {
        this.callbackMaxBodySize = callbackMaxBodySize;
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
