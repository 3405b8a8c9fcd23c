package dev.camelsegmind.component.engine;

import java.util.List;
import java.util.Map;

/**
 * A finished job as the engine delivers it: the provider's result body, its outputs, and, when downloading was
 * asked for, the media.
 */
public record JobResult(JobHandle handle, Map<String, Object> raw, Map<String, Object> metrics, List<MediaRef> outputs,
                        List<FetchedMedia> media, boolean resumed) {

    public JobResult withMedia(List<FetchedMedia> downloaded) {
        return new JobResult(handle, raw, metrics, outputs, downloaded, resumed);
    }

    public JobResult asResumed() {
        return new JobResult(handle, raw, metrics, outputs, media, true);
    }
}
