package dev.camelsegmind.component.springboot;

import java.time.Duration;
import java.util.Map;

import dev.camelsegmind.component.SegmindOperation;
import dev.camelsegmind.component.SegmindOutputType;
import dev.camelsegmind.component.SegmindPollStrategy;
import dev.camelsegmind.component.SegmindProvider;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The options of the {@code segmind} component as typed Spring Boot properties under {@code camel.component.segmind}.
 * Each field's javadoc is the option's description in the component's catalog JSON, so IDEs show the same words as
 * the Camel docs; a test keeps the two in step. Durations take Spring's forms ({@code 2s}, {@code 500ms}, plain
 * numbers are milliseconds) and sizes take {@code 4MB}. The initial values are the component's defaults, shown for
 * completion only: {@link SegmindComponentAutoConfiguration} applies just the options an application sets.
 */
@ConfigurationProperties(prefix = "camel.component.segmind")
public class SegmindComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    // only here for its javadoc: the flag itself is inherited, and the metadata processor reads descriptions from fields
    /**
     * Whether to enable auto configuration of the segmind component. This is enabled by default.
     */
    private Boolean enabled;
    /**
     * Base URL of the Segmind API. Point it at the simulator in tests.
     */
    private String baseUrl = "https://api.segmind.com";
    /**
     * Parameter audio_url: audio to sync motion and lips to (wan2.7-i2v).
     */
    private String audioUrl;
    /**
     * Parameter base64 of wan2.1-i2v-720p: ask for base64 output.
     */
    private Boolean base64 = false;
    /**
     * Parameter duration: video length in seconds, 2 to 15.
     */
    private Integer duration;
    /**
     * Parameter image: the input image as a URL, data URI or base64. A message body holding an image fills it
     * automatically.
     */
    private String image;
    /**
     * The model parameter that media from the message body goes into. By default the model's image input (image, or
     * reference_images for wan2.7-r2v), its audio input for audio and its video input for video.
     */
    private String inputParameter;
    /**
     * An expression (simple language) naming the job of a message, for example ${header.CamelFileName}. A message
     * whose key matches a pending job still kept by Segmind resumes it instead of paying again. By default the key is
     * a digest of the model and the payload.
     */
    private String jobKey;
    /**
     * Parameter last_frame: the ending frame (URL) of wan2.7-i2v.
     */
    private String lastFrame;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * The largest media body, in bytes, accepted as input. Larger bodies fail before any call.
     */
    private DataSize maxInputSize = DataSize.ofMegabytes(20);
    /**
     * The longest interval between status reads with pollStrategy=backoff or adaptive.
     */
    private Duration maxPollInterval = Duration.ofSeconds(10);
    /**
     * Parameter negative_prompt: what to keep out of the output.
     */
    private String negativePrompt;
    /**
     * What to do with each message: generate (submit, wait, download), submit (return the request id at once), status
     * (one status read), await (wait for and download an already submitted request id) or sync (one blocking v1 call,
     * for models that finish in seconds).
     */
    private SegmindOperation operation = SegmindOperation.generate;
    /**
     * What the body holds afterwards: media (the downloaded media; a List for several outputs), url (the output URL or
     * URLs, nothing downloaded) or json (the whole result as a Map).
     */
    private SegmindOutputType outputType = SegmindOutputType.media;
    /**
     * Any other model parameter, by its API name: parameters.guidance_scale=7 sends guidance_scale. Typed options beat
     * these. This is a multi-value option with prefix: parameters.
     */
    private Map<String, String> parameters;
    /**
     * The first (or, with pollStrategy=fixed, every) interval between status reads. Video models may use 2s.
     */
    private Duration pollInterval = Duration.ofSeconds(1);
    /**
     * How status reads are spaced while a job waits: fixed (every pollInterval), backoff (from pollInterval up to
     * maxPollInterval, growing by half each read) or adaptive (learns from finished jobs when the model's jobs finish,
     * waits up to maxPollInterval at a time until then and polls every four fifths of pollInterval while they usually
     * finish; until a model's first job finished it polls like backoff, tighter around the model's published typical
     * time; a job read QUEUED and then PROCESSING is timed from that sighting, so a long queue is read rarely and the
     * render's end closely). adaptive learns per model and per the request parameters that drive render time (for
     * wan2.7-i2v and wan2.7-r2v: duration and resolution; wan2.7-image-pro: size; wan2.1-i2v-720p: resolution,
     * video_length and steps), so 5 s and 15 s videos of one model are each read around their own finish once 16 jobs
     * of that setting finished; other models are learnt model-wide. adaptive is the default: it noticed finished jobs
     * sooner than fixed polling with about a quarter of the status reads (docs/performance.md).
     */
    private SegmindPollStrategy pollStrategy = SegmindPollStrategy.adaptive;
    /**
     * An endpoint URI, for example seda:progress, that gets a small message on every status change of a job (QUEUED,
     * PROCESSING, COMPLETED, FAILED): body a Map with requestId, model, status, elapsedMillis and polls; headers
     * CamelSegmindRequestId, CamelSegmindStatus, CamelSegmindModel and CamelCorrelationId (the exchange id of the
     * message that started the job). Sent asynchronously and in order; a failing receiver is logged and never delays
     * or fails the job.
     */
    private String progressUri;
    /**
     * Parameter prompt: what to generate. A plain text body is used as the prompt too.
     */
    private String prompt;
    /**
     * Record each accepted job in the component's pending-job store until its media is delivered, so a redelivered
     * message resumes it instead of submitting twice.
     */
    private Boolean recordPendingJobs = true;
    /**
     * Parameter reference_images: character reference image URL(s) of wan2.7-r2v.
     */
    private String referenceImages;
    /**
     * Parameter reference_videos: character reference video URL(s) of wan2.7-r2v.
     */
    private String referenceVideos;
    /**
     * Parameter reference_voice: audio URL to clone a voice from (wan2.7-r2v).
     */
    private String referenceVoice;
    /**
     * Parameter resolution: 720P or 1080P for the Wan 2.7 video models; 720, 960 or 1024 for wan2.1-i2v-720p; 1K, 2K
     * or 4K for wan2.7-image-pro with provider=crun (4K for plain text-to-image only).
     */
    private String resolution;
    /**
     * Parameter seed, 0 to 2147483647, for reproducible output.
     */
    private Long seed;
    /**
     * Parameter size of wan2.7-image-pro: 1K, 2K or 4K.
     */
    private String size;
    /**
     * Parameter steps of wan2.1-i2v-720p: 10 to 70.
     */
    private Integer steps;
    /**
     * The deadline for a whole job, from submission to media. On expiry the exchange fails with
     * SegmindTimeoutException carrying the request id; the job keeps running at Segmind and can be collected with
     * operation=await for an hour. Video models may need 900s or more.
     */
    private Duration timeout = Duration.ofMinutes(10);
    /**
     * Upload media from the message body with Segmind's upload-asset endpoint and send its URL, instead of inlining it
     * as a base64 data URI.
     */
    private Boolean uploadInputs = false;
    /**
     * Parameter video_length of wan2.1-i2v-720p: seconds, 1 to 5.
     */
    private Integer videoLength;
    /**
     * Parameter watermark: overlay an AI watermark.
     */
    private Boolean watermark = false;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * How long to wait for a connection to Segmind.
     */
    private Duration connectTimeout = Duration.ofSeconds(10);
    /**
     * Delete media files the component downloaded once the exchange completes. Turn off to keep them in
     * downloadDirectory.
     */
    private Boolean deleteDownloads = true;
    /**
     * Where media larger than inMemoryThreshold is downloaded to, for polled jobs and sync answers alike; a download
     * that fails or is given up leaves no partial file. Default: a camel-segmind folder in java.io.tmpdir.
     */
    private String downloadDirectory;
    /**
     * Media up to this many bytes is kept in memory; larger media is streamed to a file and never enters the heap. A
     * body that grows past it while downloading (its Content-Length absent or wrong) moves to a file at that moment.
     * Applies to sync answers too.
     */
    private DataSize inMemoryThreshold = DataSize.ofMegabytes(4);
    /**
     * Threads that run HTTP completions. Waiting jobs hold none of them.
     */
    private Integer ioThreads = 4;
    /**
     * How long a key that Segmind refused is left alone, per base URL and key: after a 401 nothing is sent with it,
     * after insufficient credits no job is submitted with it, after a 403 no job of that model. Meanwhile messages
     * fail at once with Segmind's error (no call is made), so the redeliveries of a file or queue route cannot spend
     * the plan's budget; the producer health check is DOWN and the segmind console says why and until when. A
     * successful credits read of the health check (with credits left) or another key ends it sooner. 0 turns it off.
     */
    private Duration keyCoolDown = Duration.ofMinutes(5);
    /**
     * At most this many jobs between submit and delivery across all endpoints; further messages wait without holding a
     * thread. 0 means no limit.
     */
    private Integer maxConcurrentJobs = 0;
    /**
     * The largest media file, in bytes, the component will download, polled or answered by a sync call. A larger
     * declared size is refused before a byte is read, and a body that grows past it is cut off as the limit is crossed,
     * never read to the end. (API answers other than media are read up to 64 MiB, a fixed limit.)
     */
    private DataSize maxMediaSize = DataSize.ofGigabytes(4);
    /**
     * At most this many API calls per minute across all endpoints of this component (status reads count), so a backlog
     * waits instead of hitting 429. 0 means no limit.
     */
    private Integer maxRequestsPerMinute = 0;
    /**
     * How often a failed call is retried (connection errors, 429, 5xx). A submit is only retried when Segmind cannot
     * have accepted it.
     */
    private Integer maxRetries = 5;
    /**
     * The longest delay between retries (a 429 reset time may be longer).
     */
    private Duration maxRetryDelay = Duration.ofSeconds(30);
    /**
     * A directory that keeps the pending-job store across restarts, one small file per job (a FilePendingJobStore),
     * for example .segmind/pending-jobs. JVMs sharing the directory share the store safely.
     */
    private String pendingJobDirectory;
    /**
     * A file that keeps the pending-job store across restarts (a FileStateRepository), for example
     * .segmind/pending-jobs.dat; prefer pendingJobDirectory. Ignored when pendingJobRepository is set.
     */
    private String pendingJobFile;
    /**
     * Any Camel StateRepository as the pending-job store. Weaker than a PendingJobStore: a claim is atomic only within
     * one JVM and removed entries stay as empty values. The value is the name of a bean (optionally written #name or
     * #bean:name).
     */
    private String pendingJobRepository;
    /**
     * Where jobs are recorded from submit until their media is delivered, so a redelivered message resumes its job
     * instead of paying again, and two deliveries of one message never both submit: a PendingJobStore bean (for a
     * cluster, one whose putIfAbsent is atomic across nodes). Beats pendingJobDirectory, pendingJobRepository and
     * pendingJobFile. Default: in memory. The value is the name of a bean (optionally written #name or #bean:name).
     */
    private String pendingJobStore;
    /**
     * An endpoint URI (for example direct:resumed) that receives, at start-up, the result of every job found accepted
     * in the pending-job store, so a job a stopped or crashed run paid for is delivered without waiting for its
     * message: the media as the body, the usual headers, CamelSegmindJobKey, CamelSegmindResumed=true and the
     * attributes kept from header CamelSegmindJobAttributes. The entry is removed once that exchange completes; if it
     * fails, the entry stays. Without it, such jobs resume when their messages come back, and the start-up log says
     * how many there are.
     */
    private String resumedJobsUri;
    /**
     * Hosts besides the base URL's that may receive the API key, comma separated (for example a gateway of your own in
     * front of Segmind). The key goes to the base URL's host (any port) and to these only. A status or response URL in
     * an answer, or in a stored pending job, that names any other host is not called at all: the job is followed by its
     * request id on the base URL's host instead, and a WARN names the host. No keyed call follows a redirect: a
     * redirect on submit or sync is reported as an uncertain submit (it is never sent again), elsewhere as a protocol
     * error. Media downloads never carry the key, and they do follow redirects (CDNs use them): at most five hops, only
     * to http and https URLs.
     */
    private String trustedHosts;
    /**
     * HTTP proxy host.
     */
    private String proxyHost;
    /**
     * HTTP proxy port.
     */
    private Integer proxyPort;
    /**
     * How long one HTTP call may wait for its answer to begin (submit, status, result, media, upload, credits), and the
     * longest silence of an answer's body once it has begun: a body that stalls for longer fails the call (a read is
     * then retried; a submit or sync call is uncertain and never sent again). A sync call may take until timeout to
     * begin its answer. Not the job deadline: see timeout, which also ends any call still under way.
     */
    private Duration requestTimeout = Duration.ofMinutes(1);
    /**
     * The first retry delay; doubles with every retry, with jitter.
     */
    private Duration retryDelay = Duration.ofSeconds(1);
    /**
     * Retry a submit whose connection failed after the request was sent. Segmind may have accepted it, so this can
     * bill twice.
     */
    private Boolean retryUncertainSubmit = false;
    /**
     * The URL of Segmind's upload-asset endpoint, used with uploadInputs=true.
     */
    private String uploadUrl = "https://workflows-api.segmind.com/upload-asset";
    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * The least time between two credits calls of the producer health check, per base URL and key; in between, the
     * check reports the last answer.
     */
    private Duration healthCheckInterval = Duration.ofMinutes(1);
    /**
     * Whether the producer health check shows the account's remaining credits (detail credits). Off by default: a
     * health endpoint is often readable by more people than the account's balance should be.
     */
    private Boolean healthCheckShowCredits = false;
    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;
    /**
     * The Segmind API key, sent as header x-api-key. A secret: never logged or shown in URIs. Set it with a property
     * placeholder, for example {{env:SEGMIND_API_KEY}}. A route whose key is missing, empty or an unresolved
     * placeholder does not start: its error names this option, the property camel.component.segmind.api-key and the
     * environment variable SEGMIND_API_KEY.
     */
    private String apiKey;
    /**
     * TLS settings (trust store, client certificate). Without it the JVM's default trust applies; certificate checks
     * are never switched off. The value is the name of a bean (optionally written #name or #bean:name).
     */
    private String sslContextParameters;

    /**
     * Where the jobs run: segmind (Segmind's serverless API, every model) or crun (crun.ai's task API, for
     * wan2.7-image-pro only: its whole feature set, see the crun options, and push callbacks with callbackBaseUrl).
     * Both run on the same job lifecycle, with the same headers, exceptions and pending-job store.
     */
    private SegmindProvider provider = SegmindProvider.segmind;
    /**
     * The crun.ai API key (provider=crun), sent as header x-api-key to crunBaseUrl's host only. A secret: never logged
     * or shown in URIs. Set it with a property placeholder, for example {{env:CRUN_API_KEY}}.
     */
    private String crunApiKey;
    /**
     * Base URL of crun.ai's task API (provider=crun); the key goes to this host and no other. Point it at the simulator
     * in tests.
     */
    private String crunBaseUrl = "https://api.crun.ai";
    /**
     * The names crun's input fields are sent under, by the name in the reference: crunFieldNames.input_urls=img_urls
     * sends the input images as img_urls. The defaults (prompt, input_urls, aspect_ratio, resolution, n,
     * enable_sequential, thinking_mode, color_palette, bbox_list, watermark, seed, nsfw_checker) come from the same
     * model on a sister API and are unconfirmed for crun. This is a multi-value option with prefix: crunFieldNames.
     */
    private Map<String, String> crunFieldNames;
    /**
     * The public URL at which crun.ai reaches this application's HTTP server (platform-http), for example
     * https://hooks.example.com. When set, every crun task is created with a callback URL of its own (this URL, the
     * component's callbackPath and an unguessable per-task token), and its job waits for the callback instead of
     * polling; without a callback by callbackWait it polls after all. Needs camel-platform-http-main (Camel Main) or
     * camel-platform-http-starter (Spring Boot). See docs/providers.md for the security model and reverse proxies.
     */
    private String callbackBaseUrl;
    /**
     * How long a crun job waits for its callback before it starts polling: a lost callback costs this much latency,
     * never the job. 0 means twice the model's typical time, at least 30 s (67 s for wan2.7-image-pro).
     */
    private Duration callbackWait = Duration.ZERO;
    /**
     * The path of the receiver for crun.ai's callbacks on the application's HTTP server (platform-http); one receiver
     * serves every crun endpoint of this component. The callback URLs are callbackBaseUrl followed by this path.
     */
    private String callbackPath = "/segmind/crun/callback";
    /**
     * The largest callback body, in bytes, the receiver reads; a larger one is answered 413 and the job polls instead.
     */
    private DataSize callbackMaxBodySize = DataSize.ofMegabytes(1);
    /**
     * crun parameter input_urls: 1 to 9 input images as http(s) URLs, comma separated; with them the model edits
     * (multi-image editing) instead of generating from text. A picture in the message body is added in front.
     */
    private String inputImages;
    /**
     * crun parameter aspect_ratio, text-to-image only: 1:1, 16:9, 4:3, 21:9, 3:4, 9:16, 8:1 or 1:8.
     */
    private String aspectRatio;
    /**
     * crun parameter n: how many images, 1 to 4, or up to 12 with imageSet. Several images give a List body that
     * split(body()) turns into one message per image, each with its own file name.
     */
    private Integer imageCount;
    /**
     * crun parameter enable_sequential: image-set mode, a series of related images (imageCount up to 12); not with 4K
     * or thinkingMode.
     */
    private Boolean imageSet = false;
    /**
     * crun parameter thinking_mode: the model reasons about the prompt before drawing; plain text-to-image only (no
     * input images, no image set).
     */
    private Boolean thinkingMode = false;
    /**
     * crun parameter color_palette: 3 to 10 colours with their share of the image, as #RRGGBB:ratio, comma separated,
     * for example #1A2B3C:0.5,#FFFFFF:0.3,#000000:0.2 (a ratio may also be written 50%).
     */
    private String colorPalette;
    /**
     * crun parameter bbox_list: regions of the input images to edit, as JSON with one list of x1, y1, x2, y2 boxes per
     * input image, for example 10,10,200,120,. Needs input images.
     */
    private String boundingBoxes;
    /**
     * crun parameter nsfw_checker: let crun screen the output for unsafe content.
     */
    private Boolean nsfwChecker = false;

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getAudioUrl() {
        return audioUrl;
    }

    public void setAudioUrl(String audioUrl) {
        this.audioUrl = audioUrl;
    }

    public Boolean getBase64() {
        return base64;
    }

    public void setBase64(Boolean base64) {
        this.base64 = base64;
    }

    public Integer getDuration() {
        return duration;
    }

    public void setDuration(Integer duration) {
        this.duration = duration;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public String getInputParameter() {
        return inputParameter;
    }

    public void setInputParameter(String inputParameter) {
        this.inputParameter = inputParameter;
    }

    public String getJobKey() {
        return jobKey;
    }

    public void setJobKey(String jobKey) {
        this.jobKey = jobKey;
    }

    public String getLastFrame() {
        return lastFrame;
    }

    public void setLastFrame(String lastFrame) {
        this.lastFrame = lastFrame;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public DataSize getMaxInputSize() {
        return maxInputSize;
    }

    public void setMaxInputSize(DataSize maxInputSize) {
        this.maxInputSize = maxInputSize;
    }

    public Duration getMaxPollInterval() {
        return maxPollInterval;
    }

    public void setMaxPollInterval(Duration maxPollInterval) {
        this.maxPollInterval = maxPollInterval;
    }

    public String getNegativePrompt() {
        return negativePrompt;
    }

    public void setNegativePrompt(String negativePrompt) {
        this.negativePrompt = negativePrompt;
    }

    public SegmindOperation getOperation() {
        return operation;
    }

    public void setOperation(SegmindOperation operation) {
        this.operation = operation;
    }

    public SegmindOutputType getOutputType() {
        return outputType;
    }

    public void setOutputType(SegmindOutputType outputType) {
        this.outputType = outputType;
    }

    public Map<String, String> getParameters() {
        return parameters;
    }

    public void setParameters(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public SegmindPollStrategy getPollStrategy() {
        return pollStrategy;
    }

    public void setPollStrategy(SegmindPollStrategy pollStrategy) {
        this.pollStrategy = pollStrategy;
    }

    public String getProgressUri() {
        return progressUri;
    }

    public void setProgressUri(String progressUri) {
        this.progressUri = progressUri;
    }

    public String getPrompt() {
        return prompt;
    }

    public void setPrompt(String prompt) {
        this.prompt = prompt;
    }

    public Boolean getRecordPendingJobs() {
        return recordPendingJobs;
    }

    public void setRecordPendingJobs(Boolean recordPendingJobs) {
        this.recordPendingJobs = recordPendingJobs;
    }

    public String getReferenceImages() {
        return referenceImages;
    }

    public void setReferenceImages(String referenceImages) {
        this.referenceImages = referenceImages;
    }

    public String getReferenceVideos() {
        return referenceVideos;
    }

    public void setReferenceVideos(String referenceVideos) {
        this.referenceVideos = referenceVideos;
    }

    public String getReferenceVoice() {
        return referenceVoice;
    }

    public void setReferenceVoice(String referenceVoice) {
        this.referenceVoice = referenceVoice;
    }

    public String getResolution() {
        return resolution;
    }

    public void setResolution(String resolution) {
        this.resolution = resolution;
    }

    public Long getSeed() {
        return seed;
    }

    public void setSeed(Long seed) {
        this.seed = seed;
    }

    public String getSize() {
        return size;
    }

    public void setSize(String size) {
        this.size = size;
    }

    public Integer getSteps() {
        return steps;
    }

    public void setSteps(Integer steps) {
        this.steps = steps;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Boolean getUploadInputs() {
        return uploadInputs;
    }

    public void setUploadInputs(Boolean uploadInputs) {
        this.uploadInputs = uploadInputs;
    }

    public Integer getVideoLength() {
        return videoLength;
    }

    public void setVideoLength(Integer videoLength) {
        this.videoLength = videoLength;
    }

    public Boolean getWatermark() {
        return watermark;
    }

    public void setWatermark(Boolean watermark) {
        this.watermark = watermark;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Boolean getDeleteDownloads() {
        return deleteDownloads;
    }

    public void setDeleteDownloads(Boolean deleteDownloads) {
        this.deleteDownloads = deleteDownloads;
    }

    public String getDownloadDirectory() {
        return downloadDirectory;
    }

    public void setDownloadDirectory(String downloadDirectory) {
        this.downloadDirectory = downloadDirectory;
    }

    public DataSize getInMemoryThreshold() {
        return inMemoryThreshold;
    }

    public void setInMemoryThreshold(DataSize inMemoryThreshold) {
        this.inMemoryThreshold = inMemoryThreshold;
    }

    public Integer getIoThreads() {
        return ioThreads;
    }

    public void setIoThreads(Integer ioThreads) {
        this.ioThreads = ioThreads;
    }

    public Duration getKeyCoolDown() {
        return keyCoolDown;
    }

    public void setKeyCoolDown(Duration keyCoolDown) {
        this.keyCoolDown = keyCoolDown;
    }

    public Integer getMaxConcurrentJobs() {
        return maxConcurrentJobs;
    }

    public void setMaxConcurrentJobs(Integer maxConcurrentJobs) {
        this.maxConcurrentJobs = maxConcurrentJobs;
    }

    public DataSize getMaxMediaSize() {
        return maxMediaSize;
    }

    public void setMaxMediaSize(DataSize maxMediaSize) {
        this.maxMediaSize = maxMediaSize;
    }

    public Integer getMaxRequestsPerMinute() {
        return maxRequestsPerMinute;
    }

    public void setMaxRequestsPerMinute(Integer maxRequestsPerMinute) {
        this.maxRequestsPerMinute = maxRequestsPerMinute;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Duration getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(Duration maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public String getPendingJobDirectory() {
        return pendingJobDirectory;
    }

    public void setPendingJobDirectory(String pendingJobDirectory) {
        this.pendingJobDirectory = pendingJobDirectory;
    }

    public String getPendingJobStore() {
        return pendingJobStore;
    }

    public void setPendingJobStore(String pendingJobStore) {
        this.pendingJobStore = pendingJobStore;
    }

    public String getResumedJobsUri() {
        return resumedJobsUri;
    }

    public void setResumedJobsUri(String resumedJobsUri) {
        this.resumedJobsUri = resumedJobsUri;
    }

    public String getTrustedHosts() {
        return trustedHosts;
    }

    public void setTrustedHosts(String trustedHosts) {
        this.trustedHosts = trustedHosts;
    }

    public String getPendingJobFile() {
        return pendingJobFile;
    }

    public void setPendingJobFile(String pendingJobFile) {
        this.pendingJobFile = pendingJobFile;
    }

    public String getPendingJobRepository() {
        return pendingJobRepository;
    }

    public void setPendingJobRepository(String pendingJobRepository) {
        this.pendingJobRepository = pendingJobRepository;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Duration getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(Duration retryDelay) {
        this.retryDelay = retryDelay;
    }

    public Boolean getRetryUncertainSubmit() {
        return retryUncertainSubmit;
    }

    public void setRetryUncertainSubmit(Boolean retryUncertainSubmit) {
        this.retryUncertainSubmit = retryUncertainSubmit;
    }

    public String getUploadUrl() {
        return uploadUrl;
    }

    public void setUploadUrl(String uploadUrl) {
        this.uploadUrl = uploadUrl;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Duration getHealthCheckInterval() {
        return healthCheckInterval;
    }

    public void setHealthCheckInterval(Duration healthCheckInterval) {
        this.healthCheckInterval = healthCheckInterval;
    }

    public Boolean getHealthCheckShowCredits() {
        return healthCheckShowCredits;
    }

    public void setHealthCheckShowCredits(Boolean healthCheckShowCredits) {
        this.healthCheckShowCredits = healthCheckShowCredits;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(String sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public SegmindProvider getProvider() {
        return provider;
    }

    public void setProvider(SegmindProvider provider) {
        this.provider = provider;
    }

    public String getCrunApiKey() {
        return crunApiKey;
    }

    public void setCrunApiKey(String crunApiKey) {
        this.crunApiKey = crunApiKey;
    }

    public String getCrunBaseUrl() {
        return crunBaseUrl;
    }

    public void setCrunBaseUrl(String crunBaseUrl) {
        this.crunBaseUrl = crunBaseUrl;
    }

    public Map<String, String> getCrunFieldNames() {
        return crunFieldNames;
    }

    public void setCrunFieldNames(Map<String, String> crunFieldNames) {
        this.crunFieldNames = crunFieldNames;
    }

    public String getCallbackBaseUrl() {
        return callbackBaseUrl;
    }

    public void setCallbackBaseUrl(String callbackBaseUrl) {
        this.callbackBaseUrl = callbackBaseUrl;
    }

    public Duration getCallbackWait() {
        return callbackWait;
    }

    public void setCallbackWait(Duration callbackWait) {
        this.callbackWait = callbackWait;
    }

    public String getCallbackPath() {
        return callbackPath;
    }

    public void setCallbackPath(String callbackPath) {
        this.callbackPath = callbackPath;
    }

    public DataSize getCallbackMaxBodySize() {
        return callbackMaxBodySize;
    }

    public void setCallbackMaxBodySize(DataSize callbackMaxBodySize) {
        this.callbackMaxBodySize = callbackMaxBodySize;
    }

    public String getInputImages() {
        return inputImages;
    }

    public void setInputImages(String inputImages) {
        this.inputImages = inputImages;
    }

    public String getAspectRatio() {
        return aspectRatio;
    }

    public void setAspectRatio(String aspectRatio) {
        this.aspectRatio = aspectRatio;
    }

    public Integer getImageCount() {
        return imageCount;
    }

    public void setImageCount(Integer imageCount) {
        this.imageCount = imageCount;
    }

    public Boolean getImageSet() {
        return imageSet;
    }

    public void setImageSet(Boolean imageSet) {
        this.imageSet = imageSet;
    }

    public Boolean getThinkingMode() {
        return thinkingMode;
    }

    public void setThinkingMode(Boolean thinkingMode) {
        this.thinkingMode = thinkingMode;
    }

    public String getColorPalette() {
        return colorPalette;
    }

    public void setColorPalette(String colorPalette) {
        this.colorPalette = colorPalette;
    }

    public String getBoundingBoxes() {
        return boundingBoxes;
    }

    public void setBoundingBoxes(String boundingBoxes) {
        this.boundingBoxes = boundingBoxes;
    }

    public Boolean getNsfwChecker() {
        return nsfwChecker;
    }

    public void setNsfwChecker(Boolean nsfwChecker) {
        this.nsfwChecker = nsfwChecker;
    }
}
