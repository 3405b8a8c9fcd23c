package dev.camelsegmind.component;

import org.apache.camel.spi.Metadata;

/** The headers the Segmind component reads and writes. A header set on the message beats the endpoint's option. */
public final class SegmindConstants {

    // --- read by the producer
    @Metadata(label = "producer", description = "The operation for this message, overriding option operation.",
              javaType = "dev.camelsegmind.component.SegmindOperation")
    public static final String OPERATION = "CamelSegmindOperation";
    @Metadata(label = "producer", description = "The model slug for this message, overriding the endpoint path. Only"
                                                + " read: the model a job ran on is written as CamelSegmindJobModel, so"
                                                + " a picture made by one step does not steer the next step's model.",
              javaType = "String")
    public static final String MODEL = "CamelSegmindModel";
    @Metadata(description = "The Segmind request id. Read by operations status and await; set by every operation"
                            + " that submits or follows a job.",
              javaType = "String")
    public static final String REQUEST_ID = "CamelSegmindRequestId";
    @Metadata(label = "producer", description = "A map of model parameters (snake_case names) for this message. It"
                                                + " beats the body and the endpoint's options; typed headers beat it.",
              javaType = "java.util.Map<String, Object>")
    public static final String PARAMETERS = "CamelSegmindParameters";
    @Metadata(label = "producer", description = "What the body holds afterwards, overriding option outputType.",
              javaType = "dev.camelsegmind.component.SegmindOutputType")
    public static final String OUTPUT_TYPE = "CamelSegmindOutputType";
    @Metadata(label = "producer", description = "The job key for this message, overriding option jobKey: a message"
                                                + " whose key names a pending job resumes it instead of submitting.",
              javaType = "String")
    public static final String JOB_KEY = "CamelSegmindJobKey";
    @Metadata(label = "producer", description = "Text kept with the message's pending job (operation generate with a"
                                                + " job key), a map of names to text, for whoever resumes the job"
                                                + " without this message: a start-up resume (option resumedJobsUri)"
                                                + " sends them back as headers of the message its result is sent in,"
                                                + " and a cluster node uses them to address a result. Only read.",
              javaType = "java.util.Map<String, String>")
    public static final String JOB_ATTRIBUTES = "CamelSegmindJobAttributes";

    /**
     * Exchange property (not a header): a {@code CompletableFuture} that the caller completes to give the message's
     * job up, as when the producer stops. A job still waiting for its turn is never submitted, one under way stops at
     * its next step and stays in the pending-job store, and the route stops there for this exchange, without an error:
     * the caller that gave it up expects nothing. A cluster node uses it when another node takes the job over.
     */
    public static final String ABANDON = "CamelSegmindAbandon";

    // --- typed model parameters, one per option
    @Metadata(label = "producer", description = "Parameter prompt.", javaType = "String")
    public static final String PROMPT = "CamelSegmindPrompt";
    @Metadata(label = "producer", description = "Parameter negative_prompt.", javaType = "String")
    public static final String NEGATIVE_PROMPT = "CamelSegmindNegativePrompt";
    @Metadata(label = "producer", description = "Parameter image (URL, data URI or base64).", javaType = "String")
    public static final String IMAGE = "CamelSegmindImage";
    @Metadata(label = "producer", description = "Parameter seed.", javaType = "Long")
    public static final String SEED = "CamelSegmindSeed";
    @Metadata(label = "producer", description = "Parameter size (1K, 2K or 4K for wan2.7-image-pro).",
              javaType = "String")
    public static final String SIZE = "CamelSegmindSize";
    @Metadata(label = "producer", description = "Parameter watermark.", javaType = "Boolean")
    public static final String WATERMARK = "CamelSegmindWatermark";
    @Metadata(label = "producer", description = "Parameter resolution (720P or 1080P; 720, 960 or 1024 for"
                                                + " wan2.1-i2v-720p; 1K, 2K or 4K with provider=crun).",
              javaType = "String")
    public static final String RESOLUTION = "CamelSegmindResolution";
    @Metadata(label = "producer", description = "Parameter duration, in seconds (2 to 15).", javaType = "Integer")
    public static final String DURATION = "CamelSegmindDuration";
    @Metadata(label = "producer", description = "Parameter last_frame.", javaType = "String")
    public static final String LAST_FRAME = "CamelSegmindLastFrame";
    @Metadata(label = "producer", description = "Parameter audio_url.", javaType = "String")
    public static final String AUDIO_URL = "CamelSegmindAudioUrl";
    @Metadata(label = "producer", description = "Parameter reference_images.", javaType = "String")
    public static final String REFERENCE_IMAGES = "CamelSegmindReferenceImages";
    @Metadata(label = "producer", description = "Parameter reference_videos.", javaType = "String")
    public static final String REFERENCE_VIDEOS = "CamelSegmindReferenceVideos";
    @Metadata(label = "producer", description = "Parameter reference_voice.", javaType = "String")
    public static final String REFERENCE_VOICE = "CamelSegmindReferenceVoice";
    @Metadata(label = "producer", description = "Parameter video_length, in seconds (1 to 5).", javaType = "Integer")
    public static final String VIDEO_LENGTH = "CamelSegmindVideoLength";
    @Metadata(label = "producer", description = "Parameter steps (10 to 70).", javaType = "Integer")
    public static final String STEPS = "CamelSegmindSteps";
    @Metadata(label = "producer", description = "Parameter base64.", javaType = "Boolean")
    public static final String BASE64 = "CamelSegmindBase64";

    // --- crun's inputs (provider=crun), one per option
    @Metadata(label = "producer", description = "crun parameter input_urls: input image URLs, a List or comma"
                                                + " separated.",
              javaType = "java.util.List<String>")
    public static final String INPUT_IMAGES = "CamelSegmindInputImages";
    @Metadata(label = "producer", description = "crun parameter aspect_ratio.", javaType = "String")
    public static final String ASPECT_RATIO = "CamelSegmindAspectRatio";
    @Metadata(label = "producer", description = "crun parameter n: how many images.", javaType = "Integer")
    public static final String IMAGE_COUNT = "CamelSegmindImageCount";
    @Metadata(label = "producer", description = "crun parameter enable_sequential: image-set mode.",
              javaType = "Boolean")
    public static final String IMAGE_SET = "CamelSegmindImageSet";
    @Metadata(label = "producer", description = "crun parameter thinking_mode.", javaType = "Boolean")
    public static final String THINKING_MODE = "CamelSegmindThinkingMode";
    @Metadata(label = "producer", description = "crun parameter color_palette: #RRGGBB:ratio text, or a List of"
                                                + " {hex, ratio} maps.",
              javaType = "String")
    public static final String COLOR_PALETTE = "CamelSegmindColorPalette";
    @Metadata(label = "producer", description = "crun parameter bbox_list: JSON text or a List, one list of"
                                                + " [x1, y1, x2, y2] boxes per input image.",
              javaType = "String")
    public static final String BOUNDING_BOXES = "CamelSegmindBoundingBoxes";
    @Metadata(label = "producer", description = "crun parameter nsfw_checker.", javaType = "Boolean")
    public static final String NSFW_CHECKER = "CamelSegmindNsfwChecker";

    // --- written by the producer
    @Metadata(label = "producer", description = "The model the job ran on. Written only: a later segmind step reads"
                                                + " its own model from its endpoint or CamelSegmindModel.",
              javaType = "String")
    public static final String JOB_MODEL = "CamelSegmindJobModel";
    @Metadata(label = "producer", description = "How the provider finds the job again (opaque). Written by submit,"
                                                + " generate and await; read by status and await with the request id,"
                                                + " and only followed when it belongs to that request and to a host"
                                                + " the key may go to.",
              javaType = "String")
    public static final String JOB_LOCATOR = "CamelSegmindJobLocator";
    @Metadata(label = "producer", description = "The job's last status: QUEUED, PROCESSING, COMPLETED or FAILED.",
              javaType = "String")
    public static final String STATUS = "CamelSegmindStatus";
    @Metadata(label = "producer", description = "The first output URL.", javaType = "String")
    public static final String OUTPUT_URL = "CamelSegmindOutputUrl";
    @Metadata(label = "producer", description = "Every output URL, in order.", javaType = "java.util.List<String>")
    public static final String OUTPUT_URLS = "CamelSegmindOutputUrls";
    @Metadata(label = "producer", description = "The content type of the (first) media.", javaType = "String")
    public static final String CONTENT_TYPE = "CamelSegmindContentType";
    @Metadata(label = "producer", description = "The job's metrics as Segmind reported them.",
              javaType = "java.util.Map<String, Object>")
    public static final String METRICS = "CamelSegmindMetrics";
    @Metadata(label = "producer", description = "Server compute time in seconds (metrics.inference_time).",
              javaType = "Double")
    public static final String INFERENCE_TIME = "CamelSegmindInferenceTime";
    @Metadata(label = "producer", description = "Time in the queue in seconds (metrics.queue_time), when reported.",
              javaType = "Double")
    public static final String QUEUE_TIME = "CamelSegmindQueueTime";
    @Metadata(label = "producer", description = "Total time in seconds (metrics.total_time), when reported.",
              javaType = "Double")
    public static final String TOTAL_TIME = "CamelSegmindTotalTime";
    @Metadata(label = "producer", description = "Credits the job cost, when reported.", javaType = "Double")
    public static final String COST = "CamelSegmindCost";
    @Metadata(label = "producer", description = "Credits left on the account, when reported.", javaType = "Double")
    public static final String REMAINING_CREDITS = "CamelSegmindRemainingCredits";
    @Metadata(label = "producer", description = "The URL the job's status is read from.", javaType = "String")
    public static final String STATUS_URL = "CamelSegmindStatusUrl";
    @Metadata(label = "producer", description = "The URL the job's result is read from.", javaType = "String")
    public static final String RESPONSE_URL = "CamelSegmindResponseUrl";
    @Metadata(label = "producer", description = "True when the producer resumed a job accepted earlier instead of"
                                                + " submitting a new one.",
              javaType = "Boolean")
    public static final String RESUMED = "CamelSegmindResumed";
    @Metadata(label = "producer", description = "The server's error detail of a FAILED job (operation status).",
              javaType = "String")
    public static final String ERROR = "CamelSegmindError";
    @Metadata(label = "producer", description = "The seed the server used, when it says so (sync).",
              javaType = "String")
    public static final String SEED_VALUE = "CamelSegmindSeedValue";

    private SegmindConstants() {
    }
}
