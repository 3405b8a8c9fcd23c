package dev.camelsegmind.component;

import java.util.Map;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options of the Segmind component. The component holds one; each endpoint gets a copy with its URI's options
 * applied, so an endpoint option overrides the component's without touching it, and a message header overrides both.
 */
@UriParams
@Configurer
public class SegmindConfiguration implements Cloneable {

    @UriParam(label = "security", secret = true)
    @Metadata(secret = true)
    private String apiKey;
    @UriParam(label = "common", defaultValue = "https://api.segmind.com")
    private String baseUrl = "https://api.segmind.com";
    @UriParam(label = "producer", defaultValue = "generate")
    private SegmindOperation operation = SegmindOperation.generate;
    @UriParam(label = "producer", defaultValue = "media")
    private SegmindOutputType outputType = SegmindOutputType.media;
    @UriParam(label = "producer")
    private String prompt;
    @UriParam(label = "producer")
    private String negativePrompt;
    @UriParam(label = "producer")
    private String image;
    @UriParam(label = "producer")
    private Long seed;
    @UriParam(label = "producer")
    private String size;
    @UriParam(label = "producer")
    private Boolean watermark;
    @UriParam(label = "producer")
    private String resolution;
    @UriParam(label = "producer")
    private Integer duration;
    @UriParam(label = "producer")
    private String lastFrame;
    @UriParam(label = "producer")
    private String audioUrl;
    @UriParam(label = "producer")
    private String referenceImages;
    @UriParam(label = "producer")
    private String referenceVideos;
    @UriParam(label = "producer")
    private String referenceVoice;
    @UriParam(label = "producer")
    private Integer videoLength;
    @UriParam(label = "producer")
    private Integer steps;
    @UriParam(label = "producer")
    private Boolean base64;
    @UriParam(label = "producer", prefix = "parameters.", multiValue = true)
    private Map<String, Object> parameters;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean uploadInputs = false;
    @UriParam(label = "producer")
    private String inputParameter;
    @UriParam(label = "producer", defaultValue = "20971520")
    private long maxInputSize = 20971520L;
    @UriParam(label = "producer", defaultValue = "adaptive")
    private SegmindPollStrategy pollStrategy = SegmindPollStrategy.adaptive;
    @UriParam(label = "producer", defaultValue = "1000", javaType = "java.time.Duration")
    private long pollInterval = 1000L;
    @UriParam(label = "producer", defaultValue = "10000", javaType = "java.time.Duration")
    private long maxPollInterval = 10000L;
    @UriParam(label = "producer", defaultValue = "600000", javaType = "java.time.Duration")
    private long timeout = 600000L;
    @UriParam(label = "producer")
    private String jobKey;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean recordPendingJobs = true;
    @UriParam(label = "producer")
    private String progressUri;
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration")
    private long connectTimeout = 10000L;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long requestTimeout = 60000L;
    @UriParam(label = "advanced")
    private String proxyHost;
    @UriParam(label = "advanced")
    private Integer proxyPort;
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "security")
    private String trustedHosts;
    @UriParam(label = "advanced", defaultValue = "https://workflows-api.segmind.com/upload-asset")
    private String uploadUrl = "https://workflows-api.segmind.com/upload-asset";
    @UriParam(label = "advanced")
    private String downloadDirectory;
    @UriParam(label = "advanced", defaultValue = "4194304")
    private long inMemoryThreshold = 4194304L;
    @UriParam(label = "advanced", defaultValue = "4294967296")
    private long maxMediaSize = 4294967296L;
    @UriParam(label = "advanced", defaultValue = "true")
    private boolean deleteDownloads = true;
    @UriParam(label = "advanced", defaultValue = "5")
    private int maxRetries = 5;
    @UriParam(label = "advanced", defaultValue = "1000", javaType = "java.time.Duration")
    private long retryDelay = 1000L;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long maxRetryDelay = 30000L;
    @UriParam(label = "advanced", defaultValue = "false")
    private boolean retryUncertainSubmit = false;
    @UriParam(label = "common", defaultValue = "segmind")
    private SegmindProvider provider = SegmindProvider.segmind;
    @UriParam(label = "security", secret = true)
    @Metadata(secret = true)
    private String crunApiKey;
    @UriParam(label = "common", defaultValue = "https://api.crun.ai")
    private String crunBaseUrl = "https://api.crun.ai";
    @UriParam(label = "advanced", prefix = "crunFieldNames.", multiValue = true)
    private Map<String, Object> crunFieldNames;
    @UriParam(label = "producer")
    private String callbackBaseUrl;
    @UriParam(label = "producer", defaultValue = "0", javaType = "java.time.Duration")
    private long callbackWait;
    @UriParam(label = "producer")
    private String inputImages;
    @UriParam(label = "producer")
    private String aspectRatio;
    @UriParam(label = "producer")
    private Integer imageCount;
    @UriParam(label = "producer")
    private Boolean imageSet;
    @UriParam(label = "producer")
    private Boolean thinkingMode;
    @UriParam(label = "producer")
    private String colorPalette;
    @UriParam(label = "producer")
    private String boundingBoxes;
    @UriParam(label = "producer")
    private Boolean nsfwChecker;

    public String getApiKey() {
        return apiKey;
    }

    /**
     * The Segmind API key, sent as header x-api-key. A secret: never logged or shown in URIs. Set it with a property placeholder, for example {{env:SEGMIND_API_KEY}}. A route whose key is missing, empty or an unresolved placeholder does not start: its error names this option, the property camel.component.segmind.api-key and the environment variable SEGMIND_API_KEY.
     */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Base URL of the Segmind API. Point it at the simulator in tests.
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public SegmindOperation getOperation() {
        return operation;
    }

    /**
     * What to do with each message: generate (submit, wait, download), submit (return the request id at once), status (one status read), await (wait for and download an already submitted request id) or sync (one blocking v1 call, for models that finish in seconds).
     */
    public void setOperation(SegmindOperation operation) {
        this.operation = operation;
    }

    public SegmindOutputType getOutputType() {
        return outputType;
    }

    /**
     * What the body holds afterwards: media (the downloaded media; a List for several outputs), url (the output URL or URLs, nothing downloaded) or json (the whole result as a Map).
     */
    public void setOutputType(SegmindOutputType outputType) {
        this.outputType = outputType;
    }

    public String getPrompt() {
        return prompt;
    }

    /**
     * Parameter prompt: what to generate. A plain text body is used as the prompt too.
     */
    public void setPrompt(String prompt) {
        this.prompt = prompt;
    }

    public String getNegativePrompt() {
        return negativePrompt;
    }

    /**
     * Parameter negative_prompt: what to keep out of the output.
     */
    public void setNegativePrompt(String negativePrompt) {
        this.negativePrompt = negativePrompt;
    }

    public String getImage() {
        return image;
    }

    /**
     * Parameter image: the input image as a URL, data URI or base64. A message body holding an image fills it automatically.
     */
    public void setImage(String image) {
        this.image = image;
    }

    public Long getSeed() {
        return seed;
    }

    /**
     * Parameter seed, 0 to 2147483647, for reproducible output.
     */
    public void setSeed(Long seed) {
        this.seed = seed;
    }

    public String getSize() {
        return size;
    }

    /**
     * Parameter size of wan2.7-image-pro: 1K, 2K or 4K.
     */
    public void setSize(String size) {
        this.size = size;
    }

    public Boolean getWatermark() {
        return watermark;
    }

    /**
     * Parameter watermark: overlay an AI watermark.
     */
    public void setWatermark(Boolean watermark) {
        this.watermark = watermark;
    }

    public String getResolution() {
        return resolution;
    }

    /**
     * Parameter resolution: 720P or 1080P for the Wan 2.7 video models; 720, 960 or 1024 for wan2.1-i2v-720p; 1K, 2K
     * or 4K for wan2.7-image-pro with provider=crun (4K for plain text-to-image only).
     */
    public void setResolution(String resolution) {
        this.resolution = resolution;
    }

    public Integer getDuration() {
        return duration;
    }

    /**
     * Parameter duration: video length in seconds, 2 to 15.
     */
    public void setDuration(Integer duration) {
        this.duration = duration;
    }

    public String getLastFrame() {
        return lastFrame;
    }

    /**
     * Parameter last_frame: the ending frame (URL) of wan2.7-i2v.
     */
    public void setLastFrame(String lastFrame) {
        this.lastFrame = lastFrame;
    }

    public String getAudioUrl() {
        return audioUrl;
    }

    /**
     * Parameter audio_url: audio to sync motion and lips to (wan2.7-i2v).
     */
    public void setAudioUrl(String audioUrl) {
        this.audioUrl = audioUrl;
    }

    public String getReferenceImages() {
        return referenceImages;
    }

    /**
     * Parameter reference_images: character reference image URL(s) of wan2.7-r2v.
     */
    public void setReferenceImages(String referenceImages) {
        this.referenceImages = referenceImages;
    }

    public String getReferenceVideos() {
        return referenceVideos;
    }

    /**
     * Parameter reference_videos: character reference video URL(s) of wan2.7-r2v.
     */
    public void setReferenceVideos(String referenceVideos) {
        this.referenceVideos = referenceVideos;
    }

    public String getReferenceVoice() {
        return referenceVoice;
    }

    /**
     * Parameter reference_voice: audio URL to clone a voice from (wan2.7-r2v).
     */
    public void setReferenceVoice(String referenceVoice) {
        this.referenceVoice = referenceVoice;
    }

    public Integer getVideoLength() {
        return videoLength;
    }

    /**
     * Parameter video_length of wan2.1-i2v-720p: seconds, 1 to 5.
     */
    public void setVideoLength(Integer videoLength) {
        this.videoLength = videoLength;
    }

    public Integer getSteps() {
        return steps;
    }

    /**
     * Parameter steps of wan2.1-i2v-720p: 10 to 70.
     */
    public void setSteps(Integer steps) {
        this.steps = steps;
    }

    public Boolean getBase64() {
        return base64;
    }

    /**
     * Parameter base64 of wan2.1-i2v-720p: ask for base64 output.
     */
    public void setBase64(Boolean base64) {
        this.base64 = base64;
    }

    public Map<String, Object> getParameters() {
        return parameters;
    }

    /**
     * Any other model parameter, by its API name: parameters.guidance_scale=7 sends guidance_scale. Typed options beat these.
     */
    public void setParameters(Map<String, Object> parameters) {
        this.parameters = parameters;
    }

    public boolean isUploadInputs() {
        return uploadInputs;
    }

    /**
     * Upload media from the message body with Segmind's upload-asset endpoint and send its URL, instead of inlining it as a base64 data URI.
     */
    public void setUploadInputs(boolean uploadInputs) {
        this.uploadInputs = uploadInputs;
    }

    public String getInputParameter() {
        return inputParameter;
    }

    /**
     * The model parameter that media from the message body goes into. By default the model's image input (image, or reference_images for wan2.7-r2v), its audio input for audio and its video input for video.
     */
    public void setInputParameter(String inputParameter) {
        this.inputParameter = inputParameter;
    }

    public long getMaxInputSize() {
        return maxInputSize;
    }

    /**
     * The largest media body, in bytes, accepted as input. Larger bodies fail before any call.
     */
    public void setMaxInputSize(long maxInputSize) {
        this.maxInputSize = maxInputSize;
    }

    public SegmindPollStrategy getPollStrategy() {
        return pollStrategy;
    }

    /**
     * How status reads are spaced while a job waits: fixed (every pollInterval), backoff (from pollInterval up to maxPollInterval, growing by half each read) or adaptive (learns from finished jobs when the model's jobs finish, waits up to maxPollInterval at a time until then and polls every four fifths of pollInterval while they usually finish; until a model's first job finished it polls like backoff, tighter around the model's published typical time; a job read QUEUED and then PROCESSING is timed from that sighting, so a long queue is read rarely and the render's end closely). adaptive learns per model and per the request parameters that drive render time (for wan2.7-i2v and wan2.7-r2v: duration and resolution; wan2.7-image-pro: size; wan2.1-i2v-720p: resolution, video_length and steps), so 5 s and 15 s videos of one model are each read around their own finish once 16 jobs of that setting finished; other models are learnt model-wide. adaptive is the default: it noticed finished jobs sooner than fixed polling with about a quarter of the status reads (docs/performance.md).
     */
    public void setPollStrategy(SegmindPollStrategy pollStrategy) {
        this.pollStrategy = pollStrategy;
    }

    public long getPollInterval() {
        return pollInterval;
    }

    /**
     * The first (or, with pollStrategy=fixed, every) interval between status reads. Video models may use 2s.
     */
    public void setPollInterval(long pollInterval) {
        this.pollInterval = pollInterval;
    }

    public long getMaxPollInterval() {
        return maxPollInterval;
    }

    /**
     * The longest interval between status reads with pollStrategy=backoff or adaptive.
     */
    public void setMaxPollInterval(long maxPollInterval) {
        this.maxPollInterval = maxPollInterval;
    }

    public long getTimeout() {
        return timeout;
    }

    /**
     * The deadline for a whole job, from submission to media. On expiry the exchange fails with SegmindTimeoutException carrying the request id; the job keeps running at Segmind and can be collected with operation=await for an hour. Video models may need 900s or more.
     */
    public void setTimeout(long timeout) {
        this.timeout = timeout;
    }

    public String getJobKey() {
        return jobKey;
    }

    /**
     * An expression (simple language) naming the job of a message, for example ${header.CamelFileName}. A message whose key matches a pending job still kept by Segmind resumes it instead of paying again. By default the key is a digest of the model and the payload.
     */
    public void setJobKey(String jobKey) {
        this.jobKey = jobKey;
    }

    public boolean isRecordPendingJobs() {
        return recordPendingJobs;
    }

    /**
     * Record each accepted job in the component's pending-job store until its media is delivered, so a redelivered message resumes it instead of submitting twice.
     */
    public void setRecordPendingJobs(boolean recordPendingJobs) {
        this.recordPendingJobs = recordPendingJobs;
    }

    public String getProgressUri() {
        return progressUri;
    }

    /**
     * An endpoint URI, for example seda:progress, that gets a small message on every status change of a job (QUEUED, PROCESSING, COMPLETED, FAILED): body a Map with requestId, model, status, elapsedMillis and polls; headers CamelSegmindRequestId, CamelSegmindStatus, CamelSegmindModel and CamelCorrelationId (the exchange id of the message that started the job). Sent asynchronously and in order; a failing receiver is logged and never delays or fails the job.
     */
    public void setProgressUri(String progressUri) {
        this.progressUri = progressUri;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * How long to wait for a connection to Segmind.
     */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    /**
     * How long one HTTP call may wait for its answer to begin (submit, status, result, media, upload, credits), and
     * the longest silence of an answer's body once it has begun: a body that stalls for longer fails the call (a read
     * is then retried; a submit or sync call is uncertain and never sent again). A sync call may take until timeout
     * to begin its answer. Not the job deadline: see timeout, which also ends any call still under way.
     */
    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /**
     * HTTP proxy host.
     */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    /**
     * HTTP proxy port.
     */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * TLS settings (trust store, client certificate). Without it the JVM's default trust applies; certificate checks are never switched off.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getUploadUrl() {
        return uploadUrl;
    }

    /**
     * The URL of Segmind's upload-asset endpoint, used with uploadInputs=true.
     */
    public void setUploadUrl(String uploadUrl) {
        this.uploadUrl = uploadUrl;
    }

    public String getDownloadDirectory() {
        return downloadDirectory;
    }

    /**
     * Where media larger than inMemoryThreshold is downloaded to, for polled jobs and sync answers alike; a download
     * that fails or is given up leaves no partial file. Default: a camel-segmind folder in java.io.tmpdir.
     */
    public void setDownloadDirectory(String downloadDirectory) {
        this.downloadDirectory = downloadDirectory;
    }

    public long getInMemoryThreshold() {
        return inMemoryThreshold;
    }

    /**
     * Media up to this many bytes is kept in memory; larger media is streamed to a file and never enters the heap. A
     * body that grows past it while downloading (its Content-Length absent or wrong) moves to a file at that moment.
     * Applies to sync answers too.
     */
    public void setInMemoryThreshold(long inMemoryThreshold) {
        this.inMemoryThreshold = inMemoryThreshold;
    }

    public long getMaxMediaSize() {
        return maxMediaSize;
    }

    /**
     * The largest media file, in bytes, the component will download, polled or answered by a sync call. A larger
     * declared size is refused before a byte is read, and a body that grows past it is cut off as the limit is
     * crossed, never read to the end. (API answers other than media are read up to 64 MiB, a fixed limit.)
     */
    public void setMaxMediaSize(long maxMediaSize) {
        this.maxMediaSize = maxMediaSize;
    }

    public boolean isDeleteDownloads() {
        return deleteDownloads;
    }

    /**
     * Delete media files the component downloaded once the exchange completes. Turn off to keep them in downloadDirectory.
     */
    public void setDeleteDownloads(boolean deleteDownloads) {
        this.deleteDownloads = deleteDownloads;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * How often a failed call is retried (connection errors, 429, 5xx). A submit is only retried when Segmind cannot have accepted it.
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    /**
     * The first retry delay; doubles with every retry, with jitter.
     */
    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public long getMaxRetryDelay() {
        return maxRetryDelay;
    }

    /**
     * The longest delay between retries (a 429 reset time may be longer).
     */
    public void setMaxRetryDelay(long maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public boolean isRetryUncertainSubmit() {
        return retryUncertainSubmit;
    }

    /**
     * Retry a submit whose connection failed after the request was sent. Segmind may have accepted it, so this can bill twice.
     */
    public void setRetryUncertainSubmit(boolean retryUncertainSubmit) {
        this.retryUncertainSubmit = retryUncertainSubmit;
    }

    public SegmindProvider getProvider() {
        return provider;
    }

    /**
     * Where the jobs run: segmind (Segmind's serverless API, every model) or crun (crun.ai's task API, for
     * wan2.7-image-pro only: its whole feature set, see the crun options, and push callbacks with callbackBaseUrl).
     * Both run on the same job lifecycle, with the same headers, exceptions and pending-job store.
     */
    public void setProvider(SegmindProvider provider) {
        this.provider = provider;
    }

    public String getCrunApiKey() {
        return crunApiKey;
    }

    /**
     * The crun.ai API key (provider=crun), sent as header x-api-key to crunBaseUrl's host only. A secret: never logged
     * or shown in URIs. Set it with a property placeholder, for example {{env:CRUN_API_KEY}}.
     */
    public void setCrunApiKey(String crunApiKey) {
        this.crunApiKey = crunApiKey;
    }

    public String getCrunBaseUrl() {
        return crunBaseUrl;
    }

    /**
     * Base URL of crun.ai's task API (provider=crun); the key goes to this host and no other. Point it at the
     * simulator in tests.
     */
    public void setCrunBaseUrl(String crunBaseUrl) {
        this.crunBaseUrl = crunBaseUrl;
    }

    public Map<String, Object> getCrunFieldNames() {
        return crunFieldNames;
    }

    /**
     * The names crun's input fields are sent under, by the name in the reference: crunFieldNames.input_urls=img_urls
     * sends the input images as img_urls. The defaults (prompt, input_urls, aspect_ratio, resolution, n,
     * enable_sequential, thinking_mode, color_palette, bbox_list, watermark, seed, nsfw_checker) come from the same
     * model on a sister API and are unconfirmed for crun.
     */
    public void setCrunFieldNames(Map<String, Object> crunFieldNames) {
        this.crunFieldNames = crunFieldNames;
    }

    public String getCallbackBaseUrl() {
        return callbackBaseUrl;
    }

    /**
     * The public URL at which crun.ai reaches this application's HTTP server (platform-http), for example
     * https://hooks.example.com. When set, every crun task is created with a callback URL of its own (this URL, the
     * component's callbackPath and an unguessable per-task token), and its job waits for the callback instead of
     * polling; without a callback by callbackWait it polls after all. Needs camel-platform-http-main (Camel Main) or
     * camel-platform-http-starter (Spring Boot). See docs/providers.md for the security model and reverse proxies.
     */
    public void setCallbackBaseUrl(String callbackBaseUrl) {
        this.callbackBaseUrl = callbackBaseUrl;
    }

    public long getCallbackWait() {
        return callbackWait;
    }

    /**
     * How long a crun job waits for its callback before it starts polling: a lost callback costs this much latency,
     * never the job. 0 means twice the model's typical time, at least 30 s (67 s for wan2.7-image-pro).
     */
    public void setCallbackWait(long callbackWait) {
        this.callbackWait = callbackWait;
    }

    public String getInputImages() {
        return inputImages;
    }

    /**
     * crun parameter input_urls: 1 to 9 input images as http(s) URLs, comma separated; with them the model edits
     * (multi-image editing) instead of generating from text. A picture in the message body is added in front.
     */
    public void setInputImages(String inputImages) {
        this.inputImages = inputImages;
    }

    public String getAspectRatio() {
        return aspectRatio;
    }

    /**
     * crun parameter aspect_ratio, text-to-image only: 1:1, 16:9, 4:3, 21:9, 3:4, 9:16, 8:1 or 1:8.
     */
    public void setAspectRatio(String aspectRatio) {
        this.aspectRatio = aspectRatio;
    }

    public Integer getImageCount() {
        return imageCount;
    }

    /**
     * crun parameter n: how many images, 1 to 4, or up to 12 with imageSet. Several images give a List body that
     * split(body()) turns into one message per image, each with its own file name.
     */
    public void setImageCount(Integer imageCount) {
        this.imageCount = imageCount;
    }

    public Boolean getImageSet() {
        return imageSet;
    }

    /**
     * crun parameter enable_sequential: image-set mode, a series of related images (imageCount up to 12); not with
     * 4K or thinkingMode.
     */
    public void setImageSet(Boolean imageSet) {
        this.imageSet = imageSet;
    }

    public Boolean getThinkingMode() {
        return thinkingMode;
    }

    /**
     * crun parameter thinking_mode: the model reasons about the prompt before drawing; plain text-to-image only (no
     * input images, no image set).
     */
    public void setThinkingMode(Boolean thinkingMode) {
        this.thinkingMode = thinkingMode;
    }

    public String getColorPalette() {
        return colorPalette;
    }

    /**
     * crun parameter color_palette: 3 to 10 colours with their share of the image, as #RRGGBB:ratio, comma
     * separated, for example #1A2B3C:0.5,#FFFFFF:0.3,#000000:0.2 (a ratio may also be written 50%).
     */
    public void setColorPalette(String colorPalette) {
        this.colorPalette = colorPalette;
    }

    public String getBoundingBoxes() {
        return boundingBoxes;
    }

    /**
     * crun parameter bbox_list: regions of the input images to edit, as JSON with one list of [x1, y1, x2, y2] boxes
     * per input image, for example [[[10,10,200,120]],[]]. Needs input images.
     */
    public void setBoundingBoxes(String boundingBoxes) {
        this.boundingBoxes = boundingBoxes;
    }

    public Boolean getNsfwChecker() {
        return nsfwChecker;
    }

    /**
     * crun parameter nsfw_checker: let crun screen the output for unsafe content.
     */
    public void setNsfwChecker(Boolean nsfwChecker) {
        this.nsfwChecker = nsfwChecker;
    }

    /** {@link #getCrunFieldNames()} as text, by the reference's name. */
    public Map<String, String> crunFieldNameMap() {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        if (crunFieldNames != null) {
            crunFieldNames.forEach((k, v) -> {
                if (v != null && !v.toString().isBlank()) {
                    names.put(k, v.toString().trim());
                }
            });
        }
        return names;
    }

    /** A copy for one endpoint; the parameter map is copied too so endpoints never share it. */
    public String getTrustedHosts() {
        return trustedHosts;
    }

    /**
     * Hosts besides the base URL's that may receive the API key, comma separated (for example a gateway of your own
     * in front of Segmind). The key goes to the base URL's host (any port) and to these only. A status or response
     * URL in an answer, or in a stored pending job, that names any other host is not called at all: the job is
     * followed by its request id on the base URL's host instead, and a WARN names the host. No keyed call follows a
     * redirect: a redirect on submit or sync is reported as an uncertain submit (it is never sent again), elsewhere as
     * a protocol error. Media downloads never carry the key, and they do follow redirects (CDNs use them): at most
     * five hops, only to http and https URLs.
     */
    public void setTrustedHosts(String trustedHosts) {
        this.trustedHosts = trustedHosts;
    }

    /** {@link #getTrustedHosts()} as a set of host names. */
    public java.util.Set<String> trustedHostSet() {
        java.util.Set<String> hosts = new java.util.LinkedHashSet<>();
        if (trustedHosts != null) {
            for (String h : trustedHosts.split(",")) {
                if (!h.isBlank()) {
                    hosts.add(h.trim());
                }
            }
        }
        return hosts;
    }

    public SegmindConfiguration copy() {
        try {
            SegmindConfiguration copy = (SegmindConfiguration) super.clone();
            if (parameters != null) {
                copy.parameters = new java.util.LinkedHashMap<>(parameters);
            }
            if (crunFieldNames != null) {
                copy.crunFieldNames = new java.util.LinkedHashMap<>(crunFieldNames);
            }
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        // the key is a secret: only whether one is set is shown
        return "SegmindConfiguration[provider=" + provider + ", baseUrl=" + baseUrl + ", operation=" + operation
                + ", apiKey=" + (apiKey == null ? "none" : "xxxxxx") + ", crunApiKey="
                + (crunApiKey == null ? "none" : "xxxxxx") + "]";
    }
}
