package dev.camelsegmind.component;

/** Where an endpoint's jobs run. */
public enum SegmindProvider {
    /** Segmind's serverless API: every model, polled. */
    segmind,
    /**
     * crun.ai's task API, for wan2.7-image-pro: the model's whole feature set (4K, thinking mode, multi-image editing,
     * image sets) and push callbacks with option callbackBaseUrl.
     */
    crun
}
