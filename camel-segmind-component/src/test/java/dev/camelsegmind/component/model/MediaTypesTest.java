package dev.camelsegmind.component.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaTypesTest {

    /** Bytes from a mix of ints (for binary) and strings (for ASCII tags), as the format specs write headers. */
    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    // --- sniffing real headers ---

    @Test
    void sniffsPng() {
        byte[] png = bytes(0x89, "PNG", 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, "IHDR", 0, 0, 0, 1, 0, 0, 0, 1);
        assertThat(MediaTypes.sniff(png)).isEqualTo("image/png");
        png[1] = 'Q';
        assertThat(MediaTypes.sniff(png)).isNull();
    }

    @Test
    void sniffsJpeg() {
        assertThat(MediaTypes.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, "JFIF", 0))).isEqualTo("image/jpeg");
        assertThat(MediaTypes.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE1, 0x12, 0x34, "Exif", 0, 0))).isEqualTo("image/jpeg");
    }

    @Test
    void sniffsGif() {
        assertThat(MediaTypes.sniff(bytes("GIF89a", 1, 0, 1, 0, 0x80, 0, 0))).isEqualTo("image/gif");
        assertThat(MediaTypes.sniff(bytes("GIF87a", 1, 0, 1, 0))).isEqualTo("image/gif");
        assertThat(MediaTypes.sniff(bytes("GIF88a", 1, 0, 1, 0))).isNull();
    }

    @Test
    void sniffsWebpAndWavFromTheRiffForm() {
        assertThat(MediaTypes.sniff(bytes("RIFF", 0x24, 0x10, 0, 0, "WEBP", "VP8 "))).isEqualTo("image/webp");
        assertThat(MediaTypes.sniff(bytes("RIFF", 0x24, 0x08, 0, 0, "WAVE", "fmt "))).isEqualTo("audio/wav");
        assertThat(MediaTypes.sniff(bytes("RIFF", 0x24, 0x08, 0, 0, "AVI ", "LIST"))).isNull();
    }

    @Test
    void sniffsBmp() {
        byte[] bmp = bytes("BM", 0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 0x28, 0, 0, 0);
        assertThat(MediaTypes.sniff(bmp)).isEqualTo("image/bmp");
        assertThat(MediaTypes.sniff("BMW is a car maker".getBytes(StandardCharsets.US_ASCII))).isNull();
    }

    @Test
    void sniffsMp4AndQuickTimeByTheFtypBrand() {
        assertThat(MediaTypes.sniff(bytes(0, 0, 0, 0x20, "ftyp", "isom", 0, 0, 2, 0, "isomiso2avc1mp41")))
                .isEqualTo("video/mp4");
        assertThat(MediaTypes.sniff(bytes(0, 0, 0, 0x18, "ftyp", "mp42", 0, 0, 0, 0, "mp42isom")))
                .isEqualTo("video/mp4");
        assertThat(MediaTypes.sniff(bytes(0, 0, 0, 0x14, "ftyp", "qt  ", 0, 0, 2, 0, "qt  ")))
                .isEqualTo("video/quicktime");
    }

    @Test
    void ftypBrandsThatAreNotVideoAreToldApart() {
        assertThat(MediaTypes.sniff(bytes(0, 0, 0, 0x20, "ftyp", "M4A ", 0, 0, 0, 0))).isEqualTo("audio/mp4");
        assertThat(MediaTypes.sniff(bytes(0, 0, 0, 0x20, "ftyp", "avif", 0, 0, 0, 0))).isEqualTo("image/avif");
        assertThat(MediaTypes.sniff(bytes(0, 0, 0, 0x18, "ftyp", "heic", 0, 0, 0, 0))).isEqualTo("image/heic");
    }

    @Test
    void sniffsWebm() {
        assertThat(MediaTypes.sniff(bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01)))
                .isEqualTo("video/webm");
    }

    @Test
    void sniffsMp3WithAndWithoutId3() {
        assertThat(MediaTypes.sniff(bytes("ID3", 4, 0, 0, 0, 0, 0x0F, 0x76))).isEqualTo("audio/mpeg");
        assertThat(MediaTypes.sniff(bytes(0xFF, 0xFB, 0x90, 0x64))).isEqualTo("audio/mpeg");
        assertThat(MediaTypes.sniff(bytes(0xFF, 0xF3, 0x48, 0xC4))).isEqualTo("audio/mpeg");
        assertThat(MediaTypes.sniff(bytes(0xFF, 0xE3, 0x18, 0xC4))).isEqualTo("audio/mpeg");
        assertThat(MediaTypes.sniff(bytes(0xFF, 0xF1, 0x50, 0x80))).isEqualTo("audio/aac");
        assertThat(MediaTypes.sniff(bytes(0xFF, 0x00, 0x00, 0x00))).isNull();
    }

    @Test
    void sniffsOggAndFlac() {
        assertThat(MediaTypes.sniff(bytes("OggS", 0, 2, 0, 0, 0, 0, 0, 0, 0, 0))).isEqualTo("audio/ogg");
        assertThat(MediaTypes.sniff(bytes("fLaC", 0, 0, 0, 0x22))).isEqualTo("audio/flac");
    }

    @Test
    void unknownOrShortInputSniffsToNull() {
        assertThat(MediaTypes.sniff(null)).isNull();
        assertThat(MediaTypes.sniff(new byte[0])).isNull();
        assertThat(MediaTypes.sniff(new byte[] {(byte) 0xFF})).isNull();
        assertThat(MediaTypes.sniff(new byte[] {(byte) 0x89, 'P', 'N'})).isNull();
        assertThat(MediaTypes.sniff("{\"error\":\"nope\"}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(MediaTypes.sniff("<html><body>".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    // --- names and types ---

    @ParameterizedTest
    @CsvSource({
            "cat.png, image/png", "photo.JPG, image/jpeg", "photo.jpeg, image/jpeg", "anim.gif, image/gif",
            "x.webp, image/webp", "x.bmp, image/bmp", "clip.mp4, video/mp4", "clip.MOV, video/quicktime",
            "clip.webm, video/webm", "voice.wav, audio/wav", "song.mp3, audio/mpeg", "song.ogg, audio/ogg",
            "song.flac, audio/flac", "voice.m4a, audio/mp4", "/tmp/in/dir.v2/cat.png, image/png",
            "C:\\in\\cat.webp, image/webp"})
    void fileNameExtensionGivesTheType(String name, String type) {
        assertThat(MediaTypes.fromFileName(name)).isEqualTo(type);
    }

    @Test
    void unknownFileNamesGiveNull() {
        assertThat(MediaTypes.fromFileName(null)).isNull();
        assertThat(MediaTypes.fromFileName("README")).isNull();
        assertThat(MediaTypes.fromFileName("archive.tar.gz")).isNull();
        assertThat(MediaTypes.fromFileName("dir.png/README")).isNull();
        assertThat(MediaTypes.fromFileName("trailingdot.")).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "image/png, png", "image/jpeg, jpg", "image/webp, webp", "image/gif, gif", "video/mp4, mp4",
            "video/quicktime, mov", "video/webm, webm", "audio/mpeg, mp3", "audio/wav, wav", "audio/x-wav, wav",
            "application/json, json", "'application/json; charset=utf-8', json", "IMAGE/PNG, png",
            "' image/jpeg ; q=1', jpg", "application/octet-stream, bin", "text/html, bin", "'', bin"})
    void extensionForContentType(String type, String extension) {
        assertThat(MediaTypes.extensionFor(type)).isEqualTo(extension);
    }

    @Test
    void extensionForNullIsBin() {
        assertThat(MediaTypes.extensionFor(null)).isEqualTo("bin");
    }

    @Test
    void topLevelTypesAreRecognised() {
        assertThat(MediaTypes.isImage("image/png")).isTrue();
        assertThat(MediaTypes.isImage("IMAGE/JPEG; q=1")).isTrue();
        assertThat(MediaTypes.isImage("video/mp4")).isFalse();
        assertThat(MediaTypes.isImage("image/")).isFalse();
        assertThat(MediaTypes.isImage(null)).isFalse();
        assertThat(MediaTypes.isVideo("video/quicktime")).isTrue();
        assertThat(MediaTypes.isVideo("audio/mp4")).isFalse();
        assertThat(MediaTypes.isAudio("audio/mpeg")).isTrue();
        assertThat(MediaTypes.isAudio("application/json")).isFalse();
    }

    @Test
    void everySniffedTypeMapsBackToItsExtension() {
        assertThat(MediaTypes.extensionFor(MediaTypes.fromFileName("a.jpeg"))).isEqualTo("jpg");
        assertThat(MediaTypes.extensionFor(MediaTypes.fromFileName("a.mov"))).isEqualTo("mov");
        assertThat(MediaTypes.extensionFor(MediaTypes.fromFileName("a.wav"))).isEqualTo("wav");
    }

    @Test
    void extensionFromUrlReadsTheLastPathSegment() {
        assertThat(MediaTypes.extensionFromUrl("https://images.segmind.com/generations/abc/def.jpeg"))
                .isEqualTo("jpeg");
        assertThat(MediaTypes.extensionFromUrl("https://cdn.example.com/v/clip.MP4?X-Amz-Signature=a.b.c"))
                .isEqualTo("mp4");
        assertThat(MediaTypes.extensionFromUrl("https://cdn.example.com/v/clip.webm#t=1.5")).isEqualTo("webm");
        assertThat(MediaTypes.extensionFromUrl("https://cdn.example.com/dir.v2/file")).isNull();
        assertThat(MediaTypes.extensionFromUrl("https://cdn.example.com")).isNull();
        assertThat(MediaTypes.extensionFromUrl("https://cdn.example.com/")).isNull();
        assertThat(MediaTypes.extensionFromUrl("https://cdn.example.com?f=a.png")).isNull();
        assertThat(MediaTypes.extensionFromUrl("https://cdn.example.com/a.toolong")).isNull();
        assertThat(MediaTypes.extensionFromUrl("https://cdn.example.com/a.p%6eg")).isNull();
        assertThat(MediaTypes.extensionFromUrl("https://cdn.example.com/a.")).isNull();
        assertThat(MediaTypes.extensionFromUrl("data:image/png;base64,iVBORw0KGgo=")).isNull();
        assertThat(MediaTypes.extensionFromUrl(null)).isNull();
    }
}
