package dev.camelsegmind.component.dsl;

import java.time.Duration;
import java.util.Map;

import dev.camelsegmind.component.SegmindOperation;
import dev.camelsegmind.component.SegmindOutputType;
import dev.camelsegmind.component.SegmindPollStrategy;
import dev.camelsegmind.component.SegmindProvider;
import org.apache.camel.builder.EndpointProducerBuilder;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Typed endpoints for the Java DSL, in the style of Camel's Endpoint DSL (which has no builders for third-party
 * components):
 * <pre>{@code
 * import static dev.camelsegmind.component.dsl.SegmindEndpointBuilderFactory.segmind;
 *
 * from("direct:a").to(segmind("wan2.7-i2v").resolution("1080P").duration(5));
 * }</pre>
 * There is one method per endpoint option, with the option's description from the component's catalog JSON; less
 * common options sit behind {@link SegmindEndpointBuilder#advanced()}. {@code SegmindEndpointBuilderFactoryTest}
 * fails when an option is added to the component without a method here, or the other way round.
 */
public final class SegmindEndpointBuilderFactory {

    private SegmindEndpointBuilderFactory() {
    }

    /**
     * A {@code segmind:model} endpoint: generate images and video with Segmind's serverless models.
     *
     * @param  model the Segmind model slug, for example wan2.7-image-pro, wan2.7-i2v, wan2.7-r2v or wan2.1-i2v-720p
     * @return       the dsl builder
     */
    public static SegmindEndpointBuilder segmind(String model) {
        return segmind("segmind", model);
    }

    /**
     * A Segmind endpoint of a component registered under another name, for example a second {@code segmind}
     * component with its own key.
     *
     * @param  componentName the name the component is registered under
     * @param  model         the Segmind model slug
     * @return               the dsl builder
     */
    public static SegmindEndpointBuilder segmind(String componentName, String model) {
        return new SegmindEndpointUriBuilder(componentName, model);
    }

    /** The common and producer options of a {@code segmind} endpoint. */
    public interface SegmindEndpointBuilder extends EndpointProducerBuilder {

        /**
         * The advanced options (timeouts, retries, downloads, proxy).
         *
         * @return the advanced view of this builder
         */
        default AdvancedSegmindEndpointBuilder advanced() {
            return (AdvancedSegmindEndpointBuilder) this;
        }

        /**
         * Base URL of the Segmind API. Point it at the simulator in tests.
         * <p>
         * The option is a: <code>java.lang.String</code> type. Default: https://api.segmind.com. Group: common.
         *
         * @param baseUrl the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder baseUrl(String baseUrl) {
            doSetProperty("baseUrl", baseUrl);
            return this;
        }

        /**
         * Parameter audio_url: audio to sync motion and lips to (wan2.7-i2v).
         * <p>
         * The option is a: <code>java.lang.String</code> type. Group: producer.
         *
         * @param audioUrl the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder audioUrl(String audioUrl) {
            doSetProperty("audioUrl", audioUrl);
            return this;
        }

        /**
         * Parameter base64 of wan2.1-i2v-720p: ask for base64 output.
         * <p>
         * The option is a: <code>java.lang.Boolean</code> type. Default: false. Group: producer.
         *
         * @param base64 the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder base64(boolean base64) {
            doSetProperty("base64", base64);
            return this;
        }

        /**
         * Parameter base64 of wan2.1-i2v-720p: ask for base64 output.
         * <p>
         * The option is a: <code>java.lang.Boolean</code> type. Default: false. Group: producer. The text form, or
         * a property placeholder.
         *
         * @param base64 the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder base64(String base64) {
            doSetProperty("base64", base64);
            return this;
        }

        /**
         * Parameter duration: video length in seconds, 2 to 15.
         * <p>
         * The option is a: <code>java.lang.Integer</code> type. Group: producer.
         *
         * @param duration the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder duration(int duration) {
            doSetProperty("duration", duration);
            return this;
        }

        /**
         * Parameter duration: video length in seconds, 2 to 15.
         * <p>
         * The option is a: <code>java.lang.Integer</code> type. Group: producer. The text form, or a property
         * placeholder.
         *
         * @param duration the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder duration(String duration) {
            doSetProperty("duration", duration);
            return this;
        }

        /**
         * Parameter image: the input image as a URL, data URI or base64. A message body holding an image fills it
         * automatically.
         * <p>
         * The option is a: <code>java.lang.String</code> type. Group: producer.
         *
         * @param image the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder image(String image) {
            doSetProperty("image", image);
            return this;
        }

        /**
         * The model parameter that media from the message body goes into. By default the model's image input
         * (image, or reference_images for wan2.7-r2v), its audio input for audio and its video input for video.
         * <p>
         * The option is a: <code>java.lang.String</code> type. Group: producer.
         *
         * @param inputParameter the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder inputParameter(String inputParameter) {
            doSetProperty("inputParameter", inputParameter);
            return this;
        }

        /**
         * An expression (simple language) naming the job of a message, for example ${header.CamelFileName}. A
         * message whose key matches a pending job still kept by Segmind resumes it instead of paying again. By
         * default the key is a digest of the model and the payload.
         * <p>
         * The option is a: <code>java.lang.String</code> type. Group: producer.
         *
         * @param jobKey the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder jobKey(String jobKey) {
            doSetProperty("jobKey", jobKey);
            return this;
        }

        /**
         * Parameter last_frame: the ending frame (URL) of wan2.7-i2v.
         * <p>
         * The option is a: <code>java.lang.String</code> type. Group: producer.
         *
         * @param lastFrame the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder lastFrame(String lastFrame) {
            doSetProperty("lastFrame", lastFrame);
            return this;
        }

        /**
         * The largest media body, in bytes, accepted as input. Larger bodies fail before any call.
         * <p>
         * The option is a: <code>long</code> type. Default: 20971520. Group: producer.
         *
         * @param maxInputSize the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder maxInputSize(long maxInputSize) {
            doSetProperty("maxInputSize", maxInputSize);
            return this;
        }

        /**
         * The largest media body, in bytes, accepted as input. Larger bodies fail before any call.
         * <p>
         * The option is a: <code>long</code> type. Default: 20971520. Group: producer. The text form, or a
         * property placeholder.
         *
         * @param maxInputSize the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder maxInputSize(String maxInputSize) {
            doSetProperty("maxInputSize", maxInputSize);
            return this;
        }

        /**
         * The longest interval between status reads with pollStrategy=backoff or adaptive.
         * <p>
         * The option is a: <code>long</code> type. Default: 10000. Group: producer. In milliseconds.
         *
         * @param maxPollInterval the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder maxPollInterval(long maxPollInterval) {
            doSetProperty("maxPollInterval", maxPollInterval);
            return this;
        }

        /**
         * The longest interval between status reads with pollStrategy=backoff or adaptive.
         * <p>
         * The option is a: <code>long</code> type. Default: 10000. Group: producer.
         *
         * @param maxPollInterval the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder maxPollInterval(Duration maxPollInterval) {
            doSetProperty("maxPollInterval", maxPollInterval.toMillis());
            return this;
        }

        /**
         * The longest interval between status reads with pollStrategy=backoff or adaptive.
         * <p>
         * The option is a: <code>long</code> type. Default: 10000. Group: producer. The text form: 500, 2s, 1m30s,
         * or a property placeholder.
         *
         * @param maxPollInterval the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder maxPollInterval(String maxPollInterval) {
            doSetProperty("maxPollInterval", maxPollInterval);
            return this;
        }

        /**
         * Parameter negative_prompt: what to keep out of the output.
         * <p>
         * The option is a: <code>java.lang.String</code> type. Group: producer.
         *
         * @param negativePrompt the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder negativePrompt(String negativePrompt) {
            doSetProperty("negativePrompt", negativePrompt);
            return this;
        }

        /**
         * What to do with each message: generate (submit, wait, download), submit (return the request id at once),
         * status (one status read), await (wait for and download an already submitted request id) or sync (one
         * blocking v1 call, for models that finish in seconds).
         * <p>
         * The option is a: <code>dev.camelsegmind.component.SegmindOperation</code> type. Default: generate.
         * Group: producer.
         *
         * @param operation the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder operation(SegmindOperation operation) {
            doSetProperty("operation", operation);
            return this;
        }

        /**
         * What to do with each message: generate (submit, wait, download), submit (return the request id at once),
         * status (one status read), await (wait for and download an already submitted request id) or sync (one
         * blocking v1 call, for models that finish in seconds).
         * <p>
         * The option is a: <code>dev.camelsegmind.component.SegmindOperation</code> type. Default: generate.
         * Group: producer. The text form: one of generate, submit, status, await, sync.
         *
         * @param operation the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder operation(String operation) {
            doSetProperty("operation", operation);
            return this;
        }

        /**
         * What the body holds afterwards: media (the downloaded media; a List for several outputs), url (the
         * output URL or URLs, nothing downloaded) or json (the whole result as a Map).
         * <p>
         * The option is a: <code>dev.camelsegmind.component.SegmindOutputType</code> type. Default: media. Group:
         * producer.
         *
         * @param outputType the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder outputType(SegmindOutputType outputType) {
            doSetProperty("outputType", outputType);
            return this;
        }

        /**
         * What the body holds afterwards: media (the downloaded media; a List for several outputs), url (the
         * output URL or URLs, nothing downloaded) or json (the whole result as a Map).
         * <p>
         * The option is a: <code>dev.camelsegmind.component.SegmindOutputType</code> type. Default: media. Group:
         * producer. The text form: one of media, url, json.
         *
         * @param outputType the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder outputType(String outputType) {
            doSetProperty("outputType", outputType);
            return this;
        }

        /**
         * Any other model parameter, by its API name: parameters.guidance_scale=7 sends guidance_scale. Typed
         * options beat these. This is a multi-value option with prefix: parameters.
         * <p>
         * The option is a: <code>java.util.Map&lt;java.lang.String, java.lang.Object&gt;</code> type. Group:
         * producer. Sets one entry: parameters("guidance_scale", 7).
         *
         * @param value the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder parameters(String key, Object value) {
            doSetMultiValueProperty("parameters", "parameters." + key, value);
            return this;
        }

        /**
         * Any other model parameter, by its API name: parameters.guidance_scale=7 sends guidance_scale. Typed
         * options beat these. This is a multi-value option with prefix: parameters.
         * <p>
         * The option is a: <code>java.util.Map&lt;java.lang.String, java.lang.Object&gt;</code> type. Group:
         * producer. Sets several entries at once.
         *
         * @param values the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder parameters(Map<String, Object> values) {
            doSetMultiValueProperties("parameters", "parameters.", values);
            return this;
        }

        /**
         * The first (or, with pollStrategy=fixed, every) interval between status reads. Video models may use 2s.
         * <p>
         * The option is a: <code>long</code> type. Default: 1000. Group: producer. In milliseconds.
         *
         * @param pollInterval the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder pollInterval(long pollInterval) {
            doSetProperty("pollInterval", pollInterval);
            return this;
        }

        /**
         * The first (or, with pollStrategy=fixed, every) interval between status reads. Video models may use 2s.
         * <p>
         * The option is a: <code>long</code> type. Default: 1000. Group: producer.
         *
         * @param pollInterval the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder pollInterval(Duration pollInterval) {
            doSetProperty("pollInterval", pollInterval.toMillis());
            return this;
        }

        /**
         * The first (or, with pollStrategy=fixed, every) interval between status reads. Video models may use 2s.
         * <p>
         * The option is a: <code>long</code> type. Default: 1000. Group: producer. The text form: 500, 2s, 1m30s,
         * or a property placeholder.
         *
         * @param pollInterval the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder pollInterval(String pollInterval) {
            doSetProperty("pollInterval", pollInterval);
            return this;
        }

        /**
         * How status reads are spaced while a job waits: fixed (every pollInterval), backoff (from pollInterval up to
         * maxPollInterval, growing by half each read) or adaptive (learns from finished jobs when the model's jobs
         * finish, waits up to maxPollInterval at a time until then and polls every four fifths of pollInterval while
         * they usually finish; until a model's first job finished it polls like backoff, tighter around the model's
         * published typical time; a job read QUEUED and then PROCESSING is timed from that sighting, so a long queue is
         * read rarely and the render's end closely). adaptive learns per model and per the request parameters that
         * drive render time (for wan2.7-i2v and wan2.7-r2v: duration and resolution; wan2.7-image-pro: size;
         * wan2.1-i2v-720p: resolution, video_length and steps), so 5 s and 15 s videos of one model are each read
         * around their own finish once 16 jobs of that setting finished; other models are learnt model-wide. adaptive
         * is the default: it noticed finished jobs sooner than fixed polling with about a quarter of the status reads
         * (docs/performance.md).
         * <p>
         * The option is a: <code>dev.camelsegmind.component.SegmindPollStrategy</code> type. Default: adaptive.
         * Group: producer.
         *
         * @param pollStrategy the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder pollStrategy(SegmindPollStrategy pollStrategy) {
            doSetProperty("pollStrategy", pollStrategy);
            return this;
        }

        /**
         * How status reads are spaced while a job waits: fixed (every pollInterval), backoff (from pollInterval up to
         * maxPollInterval, growing by half each read) or adaptive (learns from finished jobs when the model's jobs
         * finish, waits up to maxPollInterval at a time until then and polls every four fifths of pollInterval while
         * they usually finish; until a model's first job finished it polls like backoff, tighter around the model's
         * published typical time; a job read QUEUED and then PROCESSING is timed from that sighting, so a long queue is
         * read rarely and the render's end closely). adaptive learns per model and per the request parameters that
         * drive render time (for wan2.7-i2v and wan2.7-r2v: duration and resolution; wan2.7-image-pro: size;
         * wan2.1-i2v-720p: resolution, video_length and steps), so 5 s and 15 s videos of one model are each read
         * around their own finish once 16 jobs of that setting finished; other models are learnt model-wide. adaptive
         * is the default: it noticed finished jobs sooner than fixed polling with about a quarter of the status reads
         * (docs/performance.md).
         * <p>
         * The option is a: <code>dev.camelsegmind.component.SegmindPollStrategy</code> type. Default: adaptive.
         * Group: producer. The text form: one of fixed, backoff, adaptive.
         *
         * @param pollStrategy the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder pollStrategy(String pollStrategy) {
            doSetProperty("pollStrategy", pollStrategy);
            return this;
        }

        /**
         * An endpoint URI, for example seda:progress, that gets a small message on every status change of a job
         * (QUEUED, PROCESSING, COMPLETED, FAILED): body a Map with requestId, model, status, elapsedMillis and
         * polls; headers CamelSegmindRequestId, CamelSegmindStatus, CamelSegmindModel and CamelCorrelationId (the
         * exchange id of the message that started the job). Sent asynchronously and in order; a failing receiver
         * is logged and never delays or fails the job.
         * <p>
         * The option is a: <code>java.lang.String</code> type. Group: producer.
         *
         * @param progressUri the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder progressUri(String progressUri) {
            doSetProperty("progressUri", progressUri);
            return this;
        }

        /**
         * Parameter prompt: what to generate. A plain text body is used as the prompt too.
         * <p>
         * The option is a: <code>java.lang.String</code> type. Group: producer.
         *
         * @param prompt the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder prompt(String prompt) {
            doSetProperty("prompt", prompt);
            return this;
        }

        /**
         * Record each accepted job in the component's pending-job store until its media is delivered, so a
         * redelivered message resumes it instead of submitting twice.
         * <p>
         * The option is a: <code>boolean</code> type. Default: true. Group: producer.
         *
         * @param recordPendingJobs the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder recordPendingJobs(boolean recordPendingJobs) {
            doSetProperty("recordPendingJobs", recordPendingJobs);
            return this;
        }

        /**
         * Record each accepted job in the component's pending-job store until its media is delivered, so a
         * redelivered message resumes it instead of submitting twice.
         * <p>
         * The option is a: <code>boolean</code> type. Default: true. Group: producer. The text form, or a property
         * placeholder.
         *
         * @param recordPendingJobs the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder recordPendingJobs(String recordPendingJobs) {
            doSetProperty("recordPendingJobs", recordPendingJobs);
            return this;
        }

        /**
         * Parameter reference_images: character reference image URL(s) of wan2.7-r2v.
         * <p>
         * The option is a: <code>java.lang.String</code> type. Group: producer.
         *
         * @param referenceImages the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder referenceImages(String referenceImages) {
            doSetProperty("referenceImages", referenceImages);
            return this;
        }

        /**
         * Parameter reference_videos: character reference video URL(s) of wan2.7-r2v.
         * <p>
         * The option is a: <code>java.lang.String</code> type. Group: producer.
         *
         * @param referenceVideos the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder referenceVideos(String referenceVideos) {
            doSetProperty("referenceVideos", referenceVideos);
            return this;
        }

        /**
         * Parameter reference_voice: audio URL to clone a voice from (wan2.7-r2v).
         * <p>
         * The option is a: <code>java.lang.String</code> type. Group: producer.
         *
         * @param referenceVoice the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder referenceVoice(String referenceVoice) {
            doSetProperty("referenceVoice", referenceVoice);
            return this;
        }

        /**
         * Parameter resolution: 720P or 1080P for the Wan 2.7 video models; 720, 960 or 1024 for wan2.1-i2v-720p;
         * 1K, 2K or 4K for wan2.7-image-pro with provider=crun (4K for plain text-to-image only).
         * <p>
         * The option is a: <code>java.lang.String</code> type. Group: producer.
         *
         * @param resolution the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder resolution(String resolution) {
            doSetProperty("resolution", resolution);
            return this;
        }

        /**
         * Parameter seed, 0 to 2147483647, for reproducible output.
         * <p>
         * The option is a: <code>java.lang.Long</code> type. Group: producer.
         *
         * @param seed the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder seed(long seed) {
            doSetProperty("seed", seed);
            return this;
        }

        /**
         * Parameter seed, 0 to 2147483647, for reproducible output.
         * <p>
         * The option is a: <code>java.lang.Long</code> type. Group: producer. The text form, or a property
         * placeholder.
         *
         * @param seed the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder seed(String seed) {
            doSetProperty("seed", seed);
            return this;
        }

        /**
         * Parameter size of wan2.7-image-pro: 1K, 2K or 4K.
         * <p>
         * The option is a: <code>java.lang.String</code> type. Group: producer.
         *
         * @param size the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder size(String size) {
            doSetProperty("size", size);
            return this;
        }

        /**
         * Parameter steps of wan2.1-i2v-720p: 10 to 70.
         * <p>
         * The option is a: <code>java.lang.Integer</code> type. Group: producer.
         *
         * @param steps the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder steps(int steps) {
            doSetProperty("steps", steps);
            return this;
        }

        /**
         * Parameter steps of wan2.1-i2v-720p: 10 to 70.
         * <p>
         * The option is a: <code>java.lang.Integer</code> type. Group: producer. The text form, or a property
         * placeholder.
         *
         * @param steps the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder steps(String steps) {
            doSetProperty("steps", steps);
            return this;
        }

        /**
         * The deadline for a whole job, from submission to media. On expiry the exchange fails with
         * SegmindTimeoutException carrying the request id; the job keeps running at Segmind and can be collected
         * with operation=await for an hour. Video models may need 900s or more.
         * <p>
         * The option is a: <code>long</code> type. Default: 600000. Group: producer. In milliseconds.
         *
         * @param timeout the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder timeout(long timeout) {
            doSetProperty("timeout", timeout);
            return this;
        }

        /**
         * The deadline for a whole job, from submission to media. On expiry the exchange fails with
         * SegmindTimeoutException carrying the request id; the job keeps running at Segmind and can be collected
         * with operation=await for an hour. Video models may need 900s or more.
         * <p>
         * The option is a: <code>long</code> type. Default: 600000. Group: producer.
         *
         * @param timeout the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder timeout(Duration timeout) {
            doSetProperty("timeout", timeout.toMillis());
            return this;
        }

        /**
         * The deadline for a whole job, from submission to media. On expiry the exchange fails with
         * SegmindTimeoutException carrying the request id; the job keeps running at Segmind and can be collected
         * with operation=await for an hour. Video models may need 900s or more.
         * <p>
         * The option is a: <code>long</code> type. Default: 600000. Group: producer. The text form: 500, 2s,
         * 1m30s, or a property placeholder.
         *
         * @param timeout the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder timeout(String timeout) {
            doSetProperty("timeout", timeout);
            return this;
        }

        /**
         * Upload media from the message body with Segmind's upload-asset endpoint and send its URL, instead of
         * inlining it as a base64 data URI.
         * <p>
         * The option is a: <code>boolean</code> type. Default: false. Group: producer.
         *
         * @param uploadInputs the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder uploadInputs(boolean uploadInputs) {
            doSetProperty("uploadInputs", uploadInputs);
            return this;
        }

        /**
         * Upload media from the message body with Segmind's upload-asset endpoint and send its URL, instead of
         * inlining it as a base64 data URI.
         * <p>
         * The option is a: <code>boolean</code> type. Default: false. Group: producer. The text form, or a
         * property placeholder.
         *
         * @param uploadInputs the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder uploadInputs(String uploadInputs) {
            doSetProperty("uploadInputs", uploadInputs);
            return this;
        }

        /**
         * Parameter video_length of wan2.1-i2v-720p: seconds, 1 to 5.
         * <p>
         * The option is a: <code>java.lang.Integer</code> type. Group: producer.
         *
         * @param videoLength the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder videoLength(int videoLength) {
            doSetProperty("videoLength", videoLength);
            return this;
        }

        /**
         * Parameter video_length of wan2.1-i2v-720p: seconds, 1 to 5.
         * <p>
         * The option is a: <code>java.lang.Integer</code> type. Group: producer. The text form, or a property
         * placeholder.
         *
         * @param videoLength the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder videoLength(String videoLength) {
            doSetProperty("videoLength", videoLength);
            return this;
        }

        /**
         * Parameter watermark: overlay an AI watermark.
         * <p>
         * The option is a: <code>java.lang.Boolean</code> type. Default: false. Group: producer.
         *
         * @param watermark the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder watermark(boolean watermark) {
            doSetProperty("watermark", watermark);
            return this;
        }

        /**
         * Parameter watermark: overlay an AI watermark.
         * <p>
         * The option is a: <code>java.lang.Boolean</code> type. Default: false. Group: producer. The text form, or
         * a property placeholder.
         *
         * @param watermark the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder watermark(String watermark) {
            doSetProperty("watermark", watermark);
            return this;
        }

        /**
         * The Segmind API key, sent as header x-api-key. A secret: never logged or shown in URIs. Set it with a
         * property placeholder, for example {{env:SEGMIND_API_KEY}}. A route whose key is missing, empty or an
         * unresolved placeholder does not start: its error names this option, the property
         * camel.component.segmind.api-key and the environment variable SEGMIND_API_KEY.
         * <p>
         * The option is a: <code>java.lang.String</code> type. A secret: Camel masks it in logs. Group: security.
         *
         * @param apiKey the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder apiKey(String apiKey) {
            doSetProperty("apiKey", apiKey);
            return this;
        }

        /**
         * TLS settings (trust store, client certificate). Without it the JVM's default trust applies; certificate
         * checks are never switched off.
         * <p>
         * The option is a: <code>org.apache.camel.support.jsse.SSLContextParameters</code> type. Group: security.
         *
         * @param sslContextParameters the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder sslContextParameters(SSLContextParameters sslContextParameters) {
            doSetProperty("sslContextParameters", sslContextParameters);
            return this;
        }

        /**
         * TLS settings (trust store, client certificate). Without it the JVM's default trust applies; certificate
         * checks are never switched off.
         * <p>
         * The option is a: <code>org.apache.camel.support.jsse.SSLContextParameters</code> type. Group: security.
         * A reference to a bean, #name.
         *
         * @param sslContextParameters the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder sslContextParameters(String sslContextParameters) {
            doSetProperty("sslContextParameters", sslContextParameters);
            return this;
        }

        /**
         * Hosts besides the base URL's that may receive the API key, comma separated (for example a gateway of your
         * own in front of Segmind). The key goes to the base URL's host (any port) and to these only. A status or
         * response URL in an answer, or in a stored pending job, that names any other host is not called at all: the
         * job is followed by its request id on the base URL's host instead, and a WARN names the host. No keyed call
         * follows a redirect: a redirect on submit or sync is reported as an uncertain submit (it is never sent
         * again), elsewhere as a protocol error. Media downloads never carry the key, and they do follow redirects
         * (CDNs use them): at most five hops, only to http and https URLs.
         * <p>
         * The option is a: <code>java.lang.String</code> type. Group: security.
         *
         * @param trustedHosts the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder trustedHosts(String trustedHosts) {
            doSetProperty("trustedHosts", trustedHosts);
            return this;
        }

        /**
         * Where the jobs run: segmind (Segmind's serverless API, every model) or crun (crun.ai's task API, for
         * wan2.7-image-pro only: its whole feature set, see the crun options, and push callbacks with
         * callbackBaseUrl). Both run on the same job lifecycle, with the same headers, exceptions and pending-job
         * store.
         * <p>
         * The option is a: <code>dev.camelsegmind.component.SegmindProvider</code> type. Default: segmind. Group:
         * common.
         *
         * @param provider the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder provider(SegmindProvider provider) {
            doSetProperty("provider", provider);
            return this;
        }

        /**
         * Where the jobs run: segmind (Segmind's serverless API, every model) or crun (crun.ai's task API, for
         * wan2.7-image-pro only: its whole feature set, see the crun options, and push callbacks with
         * callbackBaseUrl). Both run on the same job lifecycle, with the same headers, exceptions and pending-job
         * store.
         * <p>
         * The option is a: <code>dev.camelsegmind.component.SegmindProvider</code> type. Default: segmind. Group:
         * common. The text form: one of segmind, crun.
         *
         * @param provider the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder provider(String provider) {
            doSetProperty("provider", provider);
            return this;
        }

        /**
         * The crun.ai API key (provider=crun), sent as header x-api-key to crunBaseUrl's host only. A secret: never
         * logged or shown in URIs. Set it with a property placeholder, for example {{env:CRUN_API_KEY}}.
         * <p>
         * The option is a: <code>java.lang.String</code> type. A secret: Camel masks it in logs. Group: security.
         *
         * @param crunApiKey the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder crunApiKey(String crunApiKey) {
            doSetProperty("crunApiKey", crunApiKey);
            return this;
        }

        /**
         * Base URL of crun.ai's task API (provider=crun); the key goes to this host and no other. Point it at the
         * simulator in tests.
         * <p>
         * The option is a: <code>java.lang.String</code> type. Default: https://api.crun.ai. Group: common.
         *
         * @param crunBaseUrl the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder crunBaseUrl(String crunBaseUrl) {
            doSetProperty("crunBaseUrl", crunBaseUrl);
            return this;
        }

        /**
         * The public URL at which crun.ai reaches this application's HTTP server (platform-http), for example
         * https://hooks.example.com. When set, every crun task is created with a callback URL of its own (this URL,
         * the component's callbackPath and an unguessable per-task token), and its job waits for the callback instead
         * of polling; without a callback by callbackWait it polls after all. Needs camel-platform-http-main (Camel
         * Main) or camel-platform-http-starter (Spring Boot). See docs/providers.md for the security model and
         * reverse proxies.
         * <p>
         * The option is a: <code>java.lang.String</code> type. Group: producer.
         *
         * @param callbackBaseUrl the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder callbackBaseUrl(String callbackBaseUrl) {
            doSetProperty("callbackBaseUrl", callbackBaseUrl);
            return this;
        }

        /**
         * How long a crun job waits for its callback before it starts polling: a lost callback costs this much
         * latency, never the job. 0 means twice the model's typical time, at least 30 s (67 s for wan2.7-image-pro).
         * <p>
         * The option is a: <code>long</code> type. Default: 0. Group: producer. In milliseconds.
         *
         * @param callbackWait the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder callbackWait(long callbackWait) {
            doSetProperty("callbackWait", callbackWait);
            return this;
        }

        /**
         * How long a crun job waits for its callback before it starts polling: a lost callback costs this much
         * latency, never the job. 0 means twice the model's typical time, at least 30 s (67 s for wan2.7-image-pro).
         * <p>
         * The option is a: <code>long</code> type. Default: 0. Group: producer.
         *
         * @param callbackWait the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder callbackWait(Duration callbackWait) {
            doSetProperty("callbackWait", callbackWait.toMillis());
            return this;
        }

        /**
         * How long a crun job waits for its callback before it starts polling: a lost callback costs this much
         * latency, never the job. 0 means twice the model's typical time, at least 30 s (67 s for wan2.7-image-pro).
         * <p>
         * The option is a: <code>long</code> type. Default: 0. Group: producer. The text form: 500, 2s, 1m30s, or a
         * property placeholder.
         *
         * @param callbackWait the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder callbackWait(String callbackWait) {
            doSetProperty("callbackWait", callbackWait);
            return this;
        }

        /**
         * crun parameter input_urls: 1 to 9 input images as http(s) URLs, comma separated; with them the model edits
         * (multi-image editing) instead of generating from text. A picture in the message body is added in front.
         * <p>
         * The option is a: <code>java.lang.String</code> type. Group: producer.
         *
         * @param inputImages the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder inputImages(String inputImages) {
            doSetProperty("inputImages", inputImages);
            return this;
        }

        /**
         * crun parameter aspect_ratio, text-to-image only: 1:1, 16:9, 4:3, 21:9, 3:4, 9:16, 8:1 or 1:8.
         * <p>
         * The option is a: <code>java.lang.String</code> type. Group: producer.
         *
         * @param aspectRatio the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder aspectRatio(String aspectRatio) {
            doSetProperty("aspectRatio", aspectRatio);
            return this;
        }

        /**
         * crun parameter n: how many images, 1 to 4, or up to 12 with imageSet. Several images give a List body that
         * split(body()) turns into one message per image, each with its own file name.
         * <p>
         * The option is a: <code>java.lang.Integer</code> type. Group: producer.
         *
         * @param imageCount the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder imageCount(int imageCount) {
            doSetProperty("imageCount", imageCount);
            return this;
        }

        /**
         * crun parameter n: how many images, 1 to 4, or up to 12 with imageSet. Several images give a List body that
         * split(body()) turns into one message per image, each with its own file name.
         * <p>
         * The option is a: <code>java.lang.Integer</code> type. Group: producer. The text form, or a property
         * placeholder.
         *
         * @param imageCount the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder imageCount(String imageCount) {
            doSetProperty("imageCount", imageCount);
            return this;
        }

        /**
         * crun parameter enable_sequential: image-set mode, a series of related images (imageCount up to 12); not
         * with 4K or thinkingMode.
         * <p>
         * The option is a: <code>java.lang.Boolean</code> type. Default: False. Group: producer.
         *
         * @param imageSet the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder imageSet(boolean imageSet) {
            doSetProperty("imageSet", imageSet);
            return this;
        }

        /**
         * crun parameter enable_sequential: image-set mode, a series of related images (imageCount up to 12); not
         * with 4K or thinkingMode.
         * <p>
         * The option is a: <code>java.lang.Boolean</code> type. Default: False. Group: producer. The text form, or a
         * property placeholder.
         *
         * @param imageSet the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder imageSet(String imageSet) {
            doSetProperty("imageSet", imageSet);
            return this;
        }

        /**
         * crun parameter thinking_mode: the model reasons about the prompt before drawing; plain text-to-image only
         * (no input images, no image set).
         * <p>
         * The option is a: <code>java.lang.Boolean</code> type. Default: False. Group: producer.
         *
         * @param thinkingMode the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder thinkingMode(boolean thinkingMode) {
            doSetProperty("thinkingMode", thinkingMode);
            return this;
        }

        /**
         * crun parameter thinking_mode: the model reasons about the prompt before drawing; plain text-to-image only
         * (no input images, no image set).
         * <p>
         * The option is a: <code>java.lang.Boolean</code> type. Default: False. Group: producer. The text form, or a
         * property placeholder.
         *
         * @param thinkingMode the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder thinkingMode(String thinkingMode) {
            doSetProperty("thinkingMode", thinkingMode);
            return this;
        }

        /**
         * crun parameter color_palette: 3 to 10 colours with their share of the image, as #RRGGBB:ratio, comma
         * separated, for example #1A2B3C:0.5,#FFFFFF:0.3,#000000:0.2 (a ratio may also be written 50%).
         * <p>
         * The option is a: <code>java.lang.String</code> type. Group: producer.
         *
         * @param colorPalette the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder colorPalette(String colorPalette) {
            doSetProperty("colorPalette", colorPalette);
            return this;
        }

        /**
         * crun parameter bbox_list: regions of the input images to edit, as JSON with one list of x1, y1, x2, y2
         * boxes per input image, for example 10,10,200,120,. Needs input images.
         * <p>
         * The option is a: <code>java.lang.String</code> type. Group: producer.
         *
         * @param boundingBoxes the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder boundingBoxes(String boundingBoxes) {
            doSetProperty("boundingBoxes", boundingBoxes);
            return this;
        }

        /**
         * crun parameter nsfw_checker: let crun screen the output for unsafe content.
         * <p>
         * The option is a: <code>java.lang.Boolean</code> type. Default: False. Group: producer.
         *
         * @param nsfwChecker the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder nsfwChecker(boolean nsfwChecker) {
            doSetProperty("nsfwChecker", nsfwChecker);
            return this;
        }

        /**
         * crun parameter nsfw_checker: let crun screen the output for unsafe content.
         * <p>
         * The option is a: <code>java.lang.Boolean</code> type. Default: False. Group: producer. The text form, or a
         * property placeholder.
         *
         * @param nsfwChecker the value to set
         * @return the dsl builder
         */
        default SegmindEndpointBuilder nsfwChecker(String nsfwChecker) {
            doSetProperty("nsfwChecker", nsfwChecker);
            return this;
        }
    }

    /** The advanced options of a {@code segmind} endpoint. */
    public interface AdvancedSegmindEndpointBuilder extends EndpointProducerBuilder {

        /**
         * Back to the common options.
         *
         * @return the basic view of this builder
         */
        default SegmindEndpointBuilder basic() {
            return (SegmindEndpointBuilder) this;
        }

        /**
         * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to
         * allow CamelContext and routes to startup in situations where a producer may otherwise fail during
         * starting and cause the route to fail being started. By deferring this startup to be lazy then the
         * startup failure can be handled during routing messages via Camel's routing error handlers. Beware that
         * when the first message is processed then creating and starting the producer may take a little time and
         * prolong the total processing time of the processing.
         * <p>
         * The option is a: <code>boolean</code> type. Default: false. Group: producer (advanced).
         *
         * @param lazyStartProducer the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder lazyStartProducer(boolean lazyStartProducer) {
            doSetProperty("lazyStartProducer", lazyStartProducer);
            return this;
        }

        /**
         * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to
         * allow CamelContext and routes to startup in situations where a producer may otherwise fail during
         * starting and cause the route to fail being started. By deferring this startup to be lazy then the
         * startup failure can be handled during routing messages via Camel's routing error handlers. Beware that
         * when the first message is processed then creating and starting the producer may take a little time and
         * prolong the total processing time of the processing.
         * <p>
         * The option is a: <code>boolean</code> type. Default: false. Group: producer (advanced). The text form,
         * or a property placeholder.
         *
         * @param lazyStartProducer the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder lazyStartProducer(String lazyStartProducer) {
            doSetProperty("lazyStartProducer", lazyStartProducer);
            return this;
        }

        /**
         * How long to wait for a connection to Segmind.
         * <p>
         * The option is a: <code>long</code> type. Default: 10000. Group: advanced. In milliseconds.
         *
         * @param connectTimeout the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder connectTimeout(long connectTimeout) {
            doSetProperty("connectTimeout", connectTimeout);
            return this;
        }

        /**
         * How long to wait for a connection to Segmind.
         * <p>
         * The option is a: <code>long</code> type. Default: 10000. Group: advanced.
         *
         * @param connectTimeout the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder connectTimeout(Duration connectTimeout) {
            doSetProperty("connectTimeout", connectTimeout.toMillis());
            return this;
        }

        /**
         * How long to wait for a connection to Segmind.
         * <p>
         * The option is a: <code>long</code> type. Default: 10000. Group: advanced. The text form: 500, 2s, 1m30s,
         * or a property placeholder.
         *
         * @param connectTimeout the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder connectTimeout(String connectTimeout) {
            doSetProperty("connectTimeout", connectTimeout);
            return this;
        }

        /**
         * Delete media files the component downloaded once the exchange completes. Turn off to keep them in
         * downloadDirectory.
         * <p>
         * The option is a: <code>boolean</code> type. Default: true. Group: advanced.
         *
         * @param deleteDownloads the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder deleteDownloads(boolean deleteDownloads) {
            doSetProperty("deleteDownloads", deleteDownloads);
            return this;
        }

        /**
         * Delete media files the component downloaded once the exchange completes. Turn off to keep them in
         * downloadDirectory.
         * <p>
         * The option is a: <code>boolean</code> type. Default: true. Group: advanced. The text form, or a property
         * placeholder.
         *
         * @param deleteDownloads the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder deleteDownloads(String deleteDownloads) {
            doSetProperty("deleteDownloads", deleteDownloads);
            return this;
        }

        /**
         * Where media larger than inMemoryThreshold is downloaded to, for polled jobs and sync answers alike; a
         * download that fails or is given up leaves no partial file. Default: a camel-segmind folder in
         * java.io.tmpdir.
         * <p>
         * The option is a: <code>java.lang.String</code> type. Group: advanced.
         *
         * @param downloadDirectory the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder downloadDirectory(String downloadDirectory) {
            doSetProperty("downloadDirectory", downloadDirectory);
            return this;
        }

        /**
         * Media up to this many bytes is kept in memory; larger media is streamed to a file and never enters the
         * heap. A body that grows past it while downloading (its Content-Length absent or wrong) moves to a file at
         * that moment. Applies to sync answers too.
         * <p>
         * The option is a: <code>long</code> type. Default: 4194304. Group: advanced.
         *
         * @param inMemoryThreshold the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder inMemoryThreshold(long inMemoryThreshold) {
            doSetProperty("inMemoryThreshold", inMemoryThreshold);
            return this;
        }

        /**
         * Media up to this many bytes is kept in memory; larger media is streamed to a file and never enters the
         * heap. A body that grows past it while downloading (its Content-Length absent or wrong) moves to a file at
         * that moment. Applies to sync answers too.
         * <p>
         * The option is a: <code>long</code> type. Default: 4194304. Group: advanced. The text form, or a property
         * placeholder.
         *
         * @param inMemoryThreshold the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder inMemoryThreshold(String inMemoryThreshold) {
            doSetProperty("inMemoryThreshold", inMemoryThreshold);
            return this;
        }

        /**
         * The largest media file, in bytes, the component will download, polled or answered by a sync call. A larger
         * declared size is refused before a byte is read, and a body that grows past it is cut off as the limit is
         * crossed, never read to the end. (API answers other than media are read up to 64 MiB, a fixed limit.)
         * <p>
         * The option is a: <code>long</code> type. Default: 4294967296. Group: advanced.
         *
         * @param maxMediaSize the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder maxMediaSize(long maxMediaSize) {
            doSetProperty("maxMediaSize", maxMediaSize);
            return this;
        }

        /**
         * The largest media file, in bytes, the component will download, polled or answered by a sync call. A larger
         * declared size is refused before a byte is read, and a body that grows past it is cut off as the limit is
         * crossed, never read to the end. (API answers other than media are read up to 64 MiB, a fixed limit.)
         * <p>
         * The option is a: <code>long</code> type. Default: 4294967296. Group: advanced. The text form, or a
         * property placeholder.
         *
         * @param maxMediaSize the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder maxMediaSize(String maxMediaSize) {
            doSetProperty("maxMediaSize", maxMediaSize);
            return this;
        }

        /**
         * How often a failed call is retried (connection errors, 429, 5xx). A submit is only retried when Segmind
         * cannot have accepted it.
         * <p>
         * The option is a: <code>int</code> type. Default: 5. Group: advanced.
         *
         * @param maxRetries the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder maxRetries(int maxRetries) {
            doSetProperty("maxRetries", maxRetries);
            return this;
        }

        /**
         * How often a failed call is retried (connection errors, 429, 5xx). A submit is only retried when Segmind
         * cannot have accepted it.
         * <p>
         * The option is a: <code>int</code> type. Default: 5. Group: advanced. The text form, or a property
         * placeholder.
         *
         * @param maxRetries the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder maxRetries(String maxRetries) {
            doSetProperty("maxRetries", maxRetries);
            return this;
        }

        /**
         * The longest delay between retries (a 429 reset time may be longer).
         * <p>
         * The option is a: <code>long</code> type. Default: 30000. Group: advanced. In milliseconds.
         *
         * @param maxRetryDelay the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder maxRetryDelay(long maxRetryDelay) {
            doSetProperty("maxRetryDelay", maxRetryDelay);
            return this;
        }

        /**
         * The longest delay between retries (a 429 reset time may be longer).
         * <p>
         * The option is a: <code>long</code> type. Default: 30000. Group: advanced.
         *
         * @param maxRetryDelay the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder maxRetryDelay(Duration maxRetryDelay) {
            doSetProperty("maxRetryDelay", maxRetryDelay.toMillis());
            return this;
        }

        /**
         * The longest delay between retries (a 429 reset time may be longer).
         * <p>
         * The option is a: <code>long</code> type. Default: 30000. Group: advanced. The text form: 500, 2s, 1m30s,
         * or a property placeholder.
         *
         * @param maxRetryDelay the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder maxRetryDelay(String maxRetryDelay) {
            doSetProperty("maxRetryDelay", maxRetryDelay);
            return this;
        }

        /**
         * HTTP proxy host.
         * <p>
         * The option is a: <code>java.lang.String</code> type. Group: advanced.
         *
         * @param proxyHost the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder proxyHost(String proxyHost) {
            doSetProperty("proxyHost", proxyHost);
            return this;
        }

        /**
         * HTTP proxy port.
         * <p>
         * The option is a: <code>java.lang.Integer</code> type. Group: advanced.
         *
         * @param proxyPort the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder proxyPort(int proxyPort) {
            doSetProperty("proxyPort", proxyPort);
            return this;
        }

        /**
         * HTTP proxy port.
         * <p>
         * The option is a: <code>java.lang.Integer</code> type. Group: advanced. The text form, or a property
         * placeholder.
         *
         * @param proxyPort the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder proxyPort(String proxyPort) {
            doSetProperty("proxyPort", proxyPort);
            return this;
        }

        /**
         * How long one HTTP call may wait for its answer to begin (submit, status, result, media, upload, credits),
         * and the longest silence of an answer's body once it has begun: a body that stalls for longer fails the call
         * (a read is then retried; a submit or sync call is uncertain and never sent again). A sync call may take
         * until timeout to begin its answer. Not the job deadline: see timeout, which also ends any call still under
         * way.
         * <p>
         * The option is a: <code>long</code> type. Default: 60000. Group: advanced. In milliseconds.
         *
         * @param requestTimeout the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder requestTimeout(long requestTimeout) {
            doSetProperty("requestTimeout", requestTimeout);
            return this;
        }

        /**
         * How long one HTTP call may wait for its answer to begin (submit, status, result, media, upload, credits),
         * and the longest silence of an answer's body once it has begun: a body that stalls for longer fails the call
         * (a read is then retried; a submit or sync call is uncertain and never sent again). A sync call may take
         * until timeout to begin its answer. Not the job deadline: see timeout, which also ends any call still under
         * way.
         * <p>
         * The option is a: <code>long</code> type. Default: 60000. Group: advanced.
         *
         * @param requestTimeout the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder requestTimeout(Duration requestTimeout) {
            doSetProperty("requestTimeout", requestTimeout.toMillis());
            return this;
        }

        /**
         * How long one HTTP call may wait for its answer to begin (submit, status, result, media, upload, credits),
         * and the longest silence of an answer's body once it has begun: a body that stalls for longer fails the call
         * (a read is then retried; a submit or sync call is uncertain and never sent again). A sync call may take
         * until timeout to begin its answer. Not the job deadline: see timeout, which also ends any call still under
         * way.
         * <p>
         * The option is a: <code>long</code> type. Default: 60000. Group: advanced. The text form: 500, 2s, 1m30s,
         * or a property placeholder.
         *
         * @param requestTimeout the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder requestTimeout(String requestTimeout) {
            doSetProperty("requestTimeout", requestTimeout);
            return this;
        }

        /**
         * The first retry delay; doubles with every retry, with jitter.
         * <p>
         * The option is a: <code>long</code> type. Default: 1000. Group: advanced. In milliseconds.
         *
         * @param retryDelay the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder retryDelay(long retryDelay) {
            doSetProperty("retryDelay", retryDelay);
            return this;
        }

        /**
         * The first retry delay; doubles with every retry, with jitter.
         * <p>
         * The option is a: <code>long</code> type. Default: 1000. Group: advanced.
         *
         * @param retryDelay the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder retryDelay(Duration retryDelay) {
            doSetProperty("retryDelay", retryDelay.toMillis());
            return this;
        }

        /**
         * The first retry delay; doubles with every retry, with jitter.
         * <p>
         * The option is a: <code>long</code> type. Default: 1000. Group: advanced. The text form: 500, 2s, 1m30s,
         * or a property placeholder.
         *
         * @param retryDelay the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder retryDelay(String retryDelay) {
            doSetProperty("retryDelay", retryDelay);
            return this;
        }

        /**
         * Retry a submit whose connection failed after the request was sent. Segmind may have accepted it, so this
         * can bill twice.
         * <p>
         * The option is a: <code>boolean</code> type. Default: false. Group: advanced.
         *
         * @param retryUncertainSubmit the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder retryUncertainSubmit(boolean retryUncertainSubmit) {
            doSetProperty("retryUncertainSubmit", retryUncertainSubmit);
            return this;
        }

        /**
         * Retry a submit whose connection failed after the request was sent. Segmind may have accepted it, so this
         * can bill twice.
         * <p>
         * The option is a: <code>boolean</code> type. Default: false. Group: advanced. The text form, or a
         * property placeholder.
         *
         * @param retryUncertainSubmit the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder retryUncertainSubmit(String retryUncertainSubmit) {
            doSetProperty("retryUncertainSubmit", retryUncertainSubmit);
            return this;
        }

        /**
         * The URL of Segmind's upload-asset endpoint, used with uploadInputs=true.
         * <p>
         * The option is a: <code>java.lang.String</code> type. Default:
         * https://workflows-api.segmind.com/upload-asset. Group: advanced.
         *
         * @param uploadUrl the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder uploadUrl(String uploadUrl) {
            doSetProperty("uploadUrl", uploadUrl);
            return this;
        }

        /**
         * The names crun's input fields are sent under, by the name in the reference:
         * crunFieldNames.input_urls=img_urls sends the input images as img_urls. The defaults (prompt, input_urls,
         * aspect_ratio, resolution, n, enable_sequential, thinking_mode, color_palette, bbox_list, watermark, seed,
         * nsfw_checker) come from the same model on a sister API and are unconfirmed for crun. This is a multi-value
         * option with prefix: crunFieldNames.
         * <p>
         * The option is a: <code>java.util.Map&lt;java.lang.String, java.lang.Object&gt;</code> type. Group: advanced.
         * Sets one entry: crunFieldNames("input_urls", "img_urls").
         *
         * @param value the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder crunFieldNames(String key, Object value) {
            doSetMultiValueProperty("crunFieldNames", "crunFieldNames." + key, value);
            return this;
        }

        /**
         * The names crun's input fields are sent under, by the name in the reference:
         * crunFieldNames.input_urls=img_urls sends the input images as img_urls. The defaults (prompt, input_urls,
         * aspect_ratio, resolution, n, enable_sequential, thinking_mode, color_palette, bbox_list, watermark, seed,
         * nsfw_checker) come from the same model on a sister API and are unconfirmed for crun. This is a multi-value
         * option with prefix: crunFieldNames.
         * <p>
         * The option is a: <code>java.util.Map&lt;java.lang.String, java.lang.Object&gt;</code> type. Group: advanced.
         * Sets several entries at once.
         *
         * @param values the value to set
         * @return the dsl builder
         */
        default AdvancedSegmindEndpointBuilder crunFieldNames(Map<String, Object> values) {
            doSetMultiValueProperties("crunFieldNames", "crunFieldNames.", values);
            return this;
        }
    }
}
