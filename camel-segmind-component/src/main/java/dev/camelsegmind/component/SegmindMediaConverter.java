package dev.camelsegmind.component;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;

import dev.camelsegmind.component.model.SegmindMedia;
import org.apache.camel.Converter;

/** Lets a route treat generated media as bytes, a stream or a file without knowing where it is kept. */
@Converter(generateLoader = true)
public final class SegmindMediaConverter {

    private SegmindMediaConverter() {
    }

    @Converter
    public static byte[] toBytes(SegmindMedia media) {
        return media.toBytes();
    }

    @Converter
    public static InputStream toInputStream(SegmindMedia media) {
        return media.openStream();
    }

    @Converter
    public static File toFile(SegmindMedia media) {
        return media.toFile();
    }

    @Converter
    public static Path toPath(SegmindMedia media) {
        return media.toPath();
    }
}
