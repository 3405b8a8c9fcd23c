package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** Writes a completed job's {@code output} (and {@code images}/{@code video}) in the model's shape. */
final class OutputRenderer {

    private final String baseUrl;
    private final MediaLibrary media;

    OutputRenderer(String baseUrl, MediaLibrary media) {
        this.baseUrl = baseUrl;
        this.media = media;
    }

    void render(ObjectNode body, Job job) {
        ModelSpec spec = job.spec();
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < spec.outputs(); i++) {
            urls.add(MediaNames.outputUrl(baseUrl, job, i));
        }
        switch (spec.outputShape()) {
            case URL_STRING:
                body.put("output", urls.get(0));
                break;
            case URL_LIST:
                urlArray(body.putArray("output"), urls);
                break;
            case OBJECT:
                if (urls.size() == 1) {
                    fileObject(body.putObject("output"), urls.get(0), spec);
                } else {
                    ArrayNode list = body.putArray("output");
                    urls.forEach(url -> fileObject(list.addObject(), url, spec));
                }
                break;
            case IMAGES_FIELD:
                body.put("output", urls.get(0));
                urlArray(body.putArray("images"), urls);
                break;
            case VIDEO_FIELD:
                body.put("output", urls.get(0));
                video(body.putObject("video"), job, urls.get(0));
                break;
            case JSON_STRING:
                body.put("output", Json.string(urls));
                break;
            default:
                throw new IllegalStateException("unhandled shape " + spec.outputShape());
        }
    }

    private void video(ObjectNode video, Job job, String url) {
        video.put("url", url)
                .put("content_type", job.spec().mediaType())
                .put("file_name", MediaNames.fileName(job, 0))
                .put("file_size", media.output(job, 0).length())
                .put("last_frame_url", MediaNames.lastFrameUrl(baseUrl, job));
    }

    private static void fileObject(ObjectNode node, String url, ModelSpec spec) {
        node.put("url", url).put("content_type", spec.mediaType());
    }

    private static void urlArray(ArrayNode array, List<String> urls) {
        urls.forEach(array::add);
    }
}
