package dev.camelsegmind.component;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import dev.camelsegmind.component.budget.DeliveredJobs;
import dev.camelsegmind.component.budget.KeyCoolDowns;
import dev.camelsegmind.component.engine.JobEngine;
import dev.camelsegmind.component.engine.JobListener;
import dev.camelsegmind.component.engine.RequestLimiter;
import dev.camelsegmind.component.error.SegmindException;
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
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.StartupListener;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.LifecycleStrategy;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.LifecycleStrategySupport;
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
    @Metadata(label = "advanced",
              description = "An endpoint URI (for example direct:resumed) that receives, at start-up, the result of"
                            + " every job found accepted in the pending-job store, so a job a stopped or crashed run"
                            + " paid for is delivered without waiting for its message: the media as the body, the"
                            + " usual headers, CamelSegmindJobKey, CamelSegmindResumed=true and the attributes kept"
                            + " from header CamelSegmindJobAttributes. The entry is removed once that exchange"
                            + " completes; if it fails, the entry stays. Without it, such jobs resume when their"
                            + " messages come back, and the start-up log says how many there are.")
    private String resumedJobsUri;
    @Metadata(label = "advanced", defaultValue = "4",
              description = "Threads that run HTTP completions. Waiting jobs hold none of them.")
    private int ioThreads = 4;
    @Metadata(label = "health", defaultValue = "60000", javaType = "java.time.Duration",
              description = "The least time between two credits calls of the producer health check, per base URL and"
                            + " key; in between, the check reports the last answer.")
    private long healthCheckInterval = 60000L;
    @Metadata(label = "advanced", defaultValue = "300000", javaType = "java.time.Duration",
              description = "How long a key that Segmind refused is left alone, per base URL and key: after a 401"
                            + " nothing is sent with it, after insufficient credits no job is submitted with it, after"
                            + " a 403 no job of that model. Meanwhile messages fail at once with Segmind's error"
                            + " (no call is made), so the redeliveries of a file or queue route cannot spend the plan's"
                            + " budget; the producer health check is DOWN and the segmind console says why and until"
                            + " when. A successful credits read of the health check (with credits left) or another key"
                            + " ends it sooner. 0 turns it off.")
    private long keyCoolDown = 300000L;
    @Metadata(label = "health", defaultValue = "false",
              description = "Whether the producer health check shows the account's remaining credits (detail"
                            + " credits). Off by default: a health endpoint is often readable by more people than"
                            + " the account's balance should be.")
    private boolean healthCheckShowCredits;
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
    private final Set<SegmindProducer> producers = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService scheduler;
    private ExecutorService ioExecutor;
    private ExecutorService deliveryExecutor;
    private ExecutorService storeExecutor;
    private StateRepository<String, String> startedRepository;
    private PendingJobStore startedStore;
    private JobEngine engine;
    private PendingJobResumer resumer;
    private JobListener listener = JobListener.NONE;
    private final SegmindRecentFailures recentFailures = new SegmindRecentFailures();
    private CrunCallbacks crunCallbacks;
    private CrunCallbackService callbackService;
    private final Map<CreditsKey, SegmindCreditsProbe> creditsProbes = new ConcurrentHashMap<>();
    private JobListener metrics = JobListener.NONE;
    private final KeyCoolDowns coolDowns = new KeyCoolDowns(() -> Duration.ofMillis(keyCoolDown));
    private final DeliveredJobs deliveredJobs = new DeliveredJobs();
    private LifecycleStrategy shutdownHook;
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
        shutdownHook = new LifecycleStrategySupport() {
            @Override
            public void onContextStopping(CamelContext context) {
                handBackParkedJobs();
            }
        };
        getCamelContext().addLifecycleStrategy(shutdownHook);
        resumeAtStart();
    }

    /**
     * When the application shuts down, messages that are only waiting for their turn (maxConcurrentJobs,
     * maxRequestsPerMinute, a rate limit's reset time) go back to their source at once, unsent, instead of holding
     * the graceful shutdown until its timeout. Jobs already submitted are left to finish.
     */
    private void handBackParkedJobs() {
        JobEngine e = engine;
        if (e == null) {
            return;
        }
        int handedBack = e.handBackUnsent((provider, model) -> true, model -> new SegmindException("Not sent: the"
                + " application is shutting down and this message was still waiting for its turn (options"
                + " maxConcurrentJobs, maxRequestsPerMinute); nothing was submitted or billed, and a redelivery"
                + " submits it", 0, null, null, model));
        if (handedBack > 0) {
            LoggerFactory.getLogger(SegmindComponent.class).info("Shutting down: {} Segmind message(s) waiting for"
                    + " their turn handed back unsent", handedBack);
        }
    }

    /** Once the routes run (resumedJobsUri may name one of them), the store is listed and its jobs resumed. */
    private void resumeAtStart() throws Exception {
        PendingJobResumer started = new PendingJobResumer(this, resumedJobsUri);
        resumer = started;
        java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
        getCamelContext().addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                // alreadyStarted: the component started after the context, and no other call follows
                if (alreadyStarted && resumer == started && once.compareAndSet(false, true)) {
                    started.start();
                }
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                if (resumer == started && isStarted() && once.compareAndSet(false, true)) {
                    started.start();
                }
            }
        });
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
        if (shutdownHook != null) {
            getCamelContext().getLifecycleStrategies().remove(shutdownHook);
            shutdownHook = null;
        }
        // a producer no route manages may outlive the component: its exchanges get their callbacks now, while the
        // delivery pool still runs them
        if (engine != null) {
            engine.limiter().holdGrants();
        }
        try {
            for (SegmindProducer producer : List.copyOf(producers)) {
                producer.giveUpAll();
            }
            if (resumer != null) {
                resumer.stop();
                resumer = null;
            }
        } finally {
            if (engine != null) {
                engine.limiter().resumeGrants();
            }
        }
        if (metrics instanceof AutoCloseable closeable) {
            closeable.close();
        }
        metrics = JobListener.NONE;
        creditsProbes.clear();
        coolDowns.clear();
        if (startedRepository != null && startedRepository != pendingJobRepository) {
            ServiceHelper.stopService(startedRepository);
        }
        startedRepository = null;
        if (storeExecutor != null) {
            storeExecutor.shutdown();
            storeExecutor = null;
        }
        for (HttpTransport client : clients.values()) {
            // its I/O threads end with it; calls still on the wire were given up above
            client.close();
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
     * client carries its I/O threads and a connection pool, so one per endpoint would waste both.
     */
    HttpTransport httpClientFor(SegmindConfiguration c) throws Exception {
        ClientKey key = new ClientKey(c.getConnectTimeout(), c.getProxyHost(), c.getProxyPort(),
                c.getSslContextParameters());
        HttpTransport existing = clients.get(key);
        if (existing != null) {
            return existing;
        }
        HttpTransport client = new HttpTransport(Duration.ofMillis(c.getConnectTimeout()), c.getProxyHost(),
                c.getProxyPort(), c.getSslContextParameters() != null
                        ? c.getSslContextParameters().createSSLContext(getCamelContext()) : null,
                "camel-segmind/" + version(), ioExecutor, scheduler);
        HttpTransport raced = clients.putIfAbsent(key, client);
        if (raced != null) {
            client.close();
            return raced;
        }
        return client;
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

    /** Where calls of a blocking store run; null for a store in memory, which is called in place. */
    ExecutorService getStoreExecutor() {
        return storeExecutor;
    }

    void producerStarted(SegmindProducer producer) {
        producers.add(producer);
    }

    void producerStopped(SegmindProducer producer) {
        producers.remove(producer);
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
                        Duration.ofMillis(healthCheckInterval), reading -> {
                            // the credits call is Segmind's answer about the key, as good as a refused submit
                            if (reading.error() == null) {
                                coolDowns.credited(k.baseUrl(), k.apiKey(), reading.credits());
                            } else {
                                coolDownIfRefused(k.baseUrl(), k.apiKey(), null, reading.error());
                            }
                        }));
    }

    /** Keys Segmind refused lately, per base URL and key; for producers, the health check and the console. */
    public KeyCoolDowns coolDowns() {
        return coolDowns;
    }

    /** Messages whose route failed after their job was delivered; for producers. */
    DeliveredJobs deliveredJobs() {
        return deliveredJobs;
    }

    /**
     * Starts a cool-down when Segmind's error says the key cannot be used, and gives the messages of that key still
     * waiting for their turn the same error at once, so none of them is sent with it.
     */
    void coolDownIfRefused(String baseUrl, String apiKey, String model, Throwable error) {
        KeyCoolDowns.CoolDown started = coolDowns.observe(baseUrl, apiKey, model, error);
        if (started == null) {
            return;
        }
        LoggerFactory.getLogger(SegmindComponent.class).warn("{}, so redelivered messages cannot spend the plan's"
                + " budget (component option keyCoolDown)", started.describe());
        java.util.Set<Object> providers = new java.util.HashSet<>();
        for (Endpoint e : getCamelContext().getEndpoints()) {
            if (e instanceof SegmindEndpoint se && se.getComponent() == this && se.getProvider() != null
                    && Objects.equals(se.getConfiguration().getBaseUrl(), baseUrl)
                    && Objects.equals(se.getConfiguration().getApiKey(), apiKey)) {
                providers.add(se.getProvider());
            }
        }
        JobEngine e = engine;
        if (e != null && !providers.isEmpty()) {
            e.handBackUnsent((provider, m) -> providers.contains(provider)
                    && (started.model() == null || started.model().equals(m)),
                    m -> KeyCoolDowns.refusal(started, m));
        }
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

    public String getResumedJobsUri() {
        return resumedJobsUri;
    }

    /**
     * An endpoint URI (for example direct:resumed) that receives, at start-up, the result of every job found accepted
     * in the pending-job store, so a job a stopped or crashed run paid for is delivered without waiting for its
     * message: the media as the body, the usual headers, CamelSegmindJobKey, CamelSegmindResumed=true and the
     * attributes kept from header CamelSegmindJobAttributes. The entry is removed once that exchange completes; if it
     * fails, the entry stays. Without it, such jobs resume when their messages come back, and the start-up log says
     * how many there are.
     */
    public void setResumedJobsUri(String resumedJobsUri) {
        this.resumedJobsUri = resumedJobsUri;
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

    public long getKeyCoolDown() {
        return keyCoolDown;
    }

    /**
     * How long a key that Segmind refused is left alone, per base URL and key: after a 401 nothing is sent with it,
     * after insufficient credits no job is submitted with it, after a 403 no job of that model. Meanwhile messages
     * fail at once with Segmind's error (no call is made), so the redeliveries of a file or queue route cannot spend
     * the plan's budget; the producer health check is DOWN and the segmind console says why and until when. A
     * successful credits read of the health check (with credits left) or another key ends it sooner. 0 turns it off.
     */
    public void setKeyCoolDown(long keyCoolDown) {
        this.keyCoolDown = keyCoolDown;
    }

    public boolean isHealthCheckShowCredits() {
        return healthCheckShowCredits;
    }

    /**
     * Whether the producer health check shows the account's remaining credits (detail credits). Off by default: a
     * health endpoint is often readable by more people than the account's balance should be.
     */
    public void setHealthCheckShowCredits(boolean healthCheckShowCredits) {
        this.healthCheckShowCredits = healthCheckShowCredits;
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
