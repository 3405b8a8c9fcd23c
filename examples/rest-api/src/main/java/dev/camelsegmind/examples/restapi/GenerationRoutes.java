package dev.camelsegmind.examples.restapi;

import dev.camelsegmind.component.SegmindConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;

/**
 * The service's three resources. {@code POST /images} and {@code POST /videos} wait for the media (the Segmind
 * producer holds no thread while the job runs) or, with {@code ?async=true}, answer 202 with a job to poll at
 * {@code GET /jobs/{id}}.
 */
public class GenerationRoutes extends RouteBuilder {

    static final String IMAGE_MODEL = "wan2.7-image-pro";
    static final String VIDEO_MODEL = "wan2.7-i2v";

    @Override
    public void configure() {
        // every failure becomes a JSON answer with a fitting status; none escapes as a stack trace
        onException(Exception.class).handled(true).process(new ErrorReplies());

        // bodies are read and written by the routes: JSON in, media or JSON out
        restConfiguration().component("platform-http").bindingMode(RestBindingMode.off);

        rest("/images").description("Generate an image; the answer is the image, or 202 with ?async=true")
                .post().consumes("application/json").to("direct:images");
        rest("/videos").description("Generate a video; the answer is the video, or 202 with ?async=true")
                .post().consumes("application/json").to("direct:videos");
        rest("/jobs").description("A job submitted with ?async=true: 202 while it runs, the media once done")
                .get("/{id}").to("direct:job");

        generation("images", IMAGE_MODEL, "segmind:" + IMAGE_MODEL + "?timeout={{segmind.images.timeout}}");
        generation("videos", VIDEO_MODEL, "segmind:" + VIDEO_MODEL + "?timeout={{segmind.videos.timeout}}"
                + "&pollInterval={{segmind.videos.poll-interval}}");

        // status and await find a job by its id alone; the model in the path only labels logs and errors
        from("direct:job").routeId("job")
                .process(JobRequests::fromPath)
                .to("segmind:" + VIDEO_MODEL + "?operation=status")
                .choice()
                    .when(header(SegmindConstants.STATUS).isEqualTo("COMPLETED"))
                        .to("segmind:" + VIDEO_MODEL + "?operation=await&timeout={{segmind.videos.timeout}}")
                        .process(HttpReplies::media)
                    .when(header(SegmindConstants.STATUS).isEqualTo("FAILED"))
                        .process(HttpReplies::failed)
                    .otherwise()
                        .process(HttpReplies::pending)
                .end();
    }

    /** One generation resource: the JSON body is the model's payload; "model" picks another model. */
    private void generation(String name, String defaultModel, String endpoint) {
        from("direct:" + name).routeId(name)
                .process(new GenerationRequests(defaultModel))
                .choice()
                    .when(exchangeProperty(GenerationRequests.ASYNC).isEqualTo(true))
                        .to(endpoint + "&operation=submit")
                        .process(HttpReplies::accepted)
                    .otherwise()
                        .to(endpoint)
                        .process(HttpReplies::media)
                .end();
    }
}
