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
import java.util.concurrent.ScheduledExecutorService;

import dev.camelsegmind.component.client.SegmindHttpClient;
import dev.camelsegmind.component.engine.JobEngine;
import dev.camelsegmind.component.engine.JobListener;
import dev.camelsegmind.component.engine.PendingJobStore;
import dev.camelsegmind.component.engine.RequestLimiter;
import dev.camelsegmind.component.engine.StateRepositoryPendingJobStore;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;

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

    private final Map<ClientKey, SegmindHttpClient> clients = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private ExecutorService ioExecutor;
    private ExecutorService deliveryExecutor;
    private StateRepository<String, String> startedRepository;
    private JobEngine engine;
    private JobListener listener = JobListener.NONE;

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
        scheduler = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                "SegmindScheduler");
        ioExecutor = getCamelContext().getExecutorServiceManager().newFixedThreadPool(this, "SegmindIO",
                Math.max(1, ioThreads));
        deliveryExecutor = getCamelContext().getExecutorServiceManager().newDefaultThreadPool(this,
                "SegmindDelivery");
        startedRepository = pendingJobRepository != null ? pendingJobRepository
                : pendingJobFile != null ? FileStateRepository.fileStateRepository(new File(pendingJobFile))
                : new MemoryStateRepository();
        ServiceHelper.startService(startedRepository);
        PendingJobStore store = new StateRepositoryPendingJobStore(startedRepository);
        engine = new JobEngine(scheduler, new RequestLimiter(maxRequestsPerMinute, maxConcurrentJobs, scheduler),
                store, JobListener.compose(new SegmindLoggingJobListener(), listener));
    }

    @Override
    protected void doStop() throws Exception {
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

    JobEngine getEngine() {
        return engine;
    }

    ExecutorService getDeliveryExecutor() {
        return deliveryExecutor;
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
