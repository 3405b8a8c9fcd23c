package dev.camelsegmind.component.engine;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A provider that hosts local input media for a job, turning data URIs into URLs the job can read. */
public interface UploadCapable {

    /** The hosted URLs of {@code dataUris}, in order. */
    CompletableFuture<List<String>> upload(List<String> dataUris, String model);
}
