package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The container, read box by box: what a player needs before it ever decodes a frame. */
class VideoEncoderMp4Test {

    @ParameterizedTest(name = "{0}x{1} at {2} fps for {3} s")
    @CsvSource({
        "1280, 720, 24, 5",
        "720, 406, 16, 3",
        "2, 2, 24, 1",
        "722, 1282, 16, 3.3",
        "1000, 18, 30, 0.5",
        "64, 64, 25, 0.02",
    })
    void boxesDescribeTheRequestedVideo(int width, int height, int fps, double seconds) {
        byte[] mp4 = VideoEncoder.mp4(width, height, fps, seconds, VideoFixtures.picture(width, height),
                VideoFixtures.BAR_RGB);
        Mp4Boxes boxes = new Mp4Boxes(mp4);
        int frames = (int) Math.max(1, Math.round(seconds * fps));

        assertThat(boxes.topLevel()).extracting(Mp4Boxes.Box::type).containsExactly("ftyp", "moov", "mdat");
        Mp4Boxes.Box ftyp = boxes.find("ftyp");
        assertThat(boxes.fourcc(ftyp.payload())).isEqualTo("isom");
        List<String> brands = new ArrayList<>();
        for (int at = ftyp.payload() + 8; at < ftyp.end(); at += 4) {
            brands.add(boxes.fourcc(at));
        }
        assertThat(brands).contains("isom", "avc1", "mp42");

        Mp4Boxes.Box mvhd = boxes.find("moov/mvhd");
        int timescale = boxes.u32(mvhd.payload() + 12);
        long duration = boxes.u32(mvhd.payload() + 16);
        assertThat((double) duration / timescale).isEqualTo(seconds);
        Mp4Boxes.Box mdhd = boxes.find("moov/trak/mdia/mdhd");
        assertThat((double) boxes.u32(mdhd.payload() + 16) / boxes.u32(mdhd.payload() + 12)).isEqualTo(seconds);

        Mp4Boxes.Box tkhd = boxes.find("moov/trak/tkhd");
        assertThat(boxes.u32(tkhd.payload()) & 3).as("enabled, in movie").isEqualTo(3);
        assertThat(boxes.u32(tkhd.payload() + 20)).isEqualTo(duration);
        assertThat(boxes.u32(tkhd.end() - 8)).isEqualTo(width << 16);
        assertThat(boxes.u32(tkhd.end() - 4)).isEqualTo(height << 16);
        assertThat(boxes.fourcc(boxes.find("moov/trak/mdia/hdlr").payload() + 8)).isEqualTo("vide");

        assertSampleDescription(boxes, width, height);
        assertTiming(boxes, frames, boxes.u32(mdhd.payload() + 16));
        assertThat(entries(boxes, "stss", 1)).containsExactly(new int[] {1});
        assertThat(entries(boxes, "stsc", 3)).containsExactly(new int[] {1, frames, 1});
        assertSamples(boxes, frames);
    }

    private static void assertSampleDescription(Mp4Boxes boxes, int width, int height) {
        Mp4Boxes.Box stsd = boxes.find("moov/trak/mdia/minf/stbl/stsd");
        assertThat(boxes.u32(stsd.payload() + 4)).as("entry count").isEqualTo(1);
        Mp4Boxes.Box avc1 = boxes.children(stsd.payload() + 8, stsd.end()).get(0);
        assertThat(avc1.type()).isEqualTo("avc1");
        assertThat(boxes.u16(avc1.payload() + 24)).isEqualTo(width);
        assertThat(boxes.u16(avc1.payload() + 26)).isEqualTo(height);
        assertThat(boxes.u16(avc1.payload() + 74)).as("depth").isEqualTo(0x18);
        assertThat(boxes.u16(avc1.payload() + 76)).as("pre_defined -1").isEqualTo(0xFFFF);
        List<Mp4Boxes.Box> extensions = boxes.children(avc1.payload() + 78, avc1.end());
        assertThat(extensions).extracting(Mp4Boxes.Box::type).contains("avcC");
        Mp4Boxes.Box avcC = extensions.get(0);
        int at = avcC.payload();
        assertThat(boxes.u8(at)).as("configurationVersion").isEqualTo(1);
        assertThat(boxes.u8(at + 1)).as("profile").isEqualTo(66);
        assertThat(boxes.u8(at + 4) & 3).as("lengthSizeMinusOne").isEqualTo(3);
        assertThat(boxes.u8(at + 5) & 0x1F).as("SPS count").isEqualTo(1);
        int spsLength = boxes.u16(at + 6);
        assertThat(boxes.u8(at + 8) & 0x1F).as("SPS NAL type").isEqualTo(7);
        assertThat(boxes.u8(at + 8 + 1)).as("SPS profile matches").isEqualTo(66);
        int ppsAt = at + 8 + spsLength;
        assertThat(boxes.u8(ppsAt)).as("PPS count").isEqualTo(1);
        assertThat(boxes.u8(ppsAt + 3) & 0x1F).as("PPS NAL type").isEqualTo(8);
    }

    private static void assertTiming(Mp4Boxes boxes, int frames, long mediaDuration) {
        long count = 0;
        long ticks = 0;
        for (int[] entry : entries(boxes, "stts", 2)) {
            count += entry[0];
            ticks += (long) entry[0] * entry[1];
            assertThat(entry[1]).isPositive();
        }
        assertThat(count).isEqualTo(frames);
        assertThat(ticks).isEqualTo(mediaDuration);
    }

    private static void assertSamples(Mp4Boxes boxes, int frames) {
        Mp4Boxes.Box stsz = boxes.find("moov/trak/mdia/minf/stbl/stsz");
        assertThat(boxes.u32(stsz.payload() + 4)).as("one size per sample").isZero();
        assertThat(boxes.u32(stsz.payload() + 8)).isEqualTo(frames);
        int[] stco = entries(boxes, "stco", 1).get(0);
        Mp4Boxes.Box mdat = boxes.find("mdat");
        assertThat(stco[0]).isEqualTo(mdat.payload());

        int at = stco[0];
        for (int i = 0; i < frames; i++) {
            int size = boxes.u32(stsz.payload() + 12 + 4 * i);
            assertThat(at + size).as("sample %d inside mdat", i + 1).isLessThanOrEqualTo(mdat.end());
            int end = at + size;
            int nals = 0;
            while (at < end) {
                int length = boxes.u32(at);
                assertThat(length).isPositive();
                assertThat(at + 4 + length).as("NAL inside sample %d", i + 1).isLessThanOrEqualTo(end);
                int header = boxes.u8(at + 4);
                assertThat(header & 0x1F).as("NAL type of sample %d", i + 1).isEqualTo(i == 0 ? 5 : 1);
                assertThat(header >> 5).as("a reference picture").isNotZero();
                assertNoStartCodeEmulation(boxes, at + 5, at + 4 + length);
                at += 4 + length;
                nals++;
            }
            assertThat(at).as("NAL lengths add up to sample %d's size", i + 1).isEqualTo(end);
            assertThat(nals).isEqualTo(1);
        }
        assertThat(at).as("samples fill mdat").isEqualTo(mdat.end());
    }

    private static void assertNoStartCodeEmulation(Mp4Boxes boxes, int from, int to) {
        for (int i = from; i + 2 < to; i++) {
            if (boxes.u8(i) == 0 && boxes.u8(i + 1) == 0 && boxes.u8(i + 2) <= 3 && boxes.u8(i + 2) != 3) {
                throw new AssertionError("unescaped 00 00 0" + boxes.u8(i + 2) + " at " + i);
            }
        }
    }

    /** The entries of a full box that starts with an entry count, each {@code ints} integers long. */
    private static List<int[]> entries(Mp4Boxes boxes, String type, int ints) {
        Mp4Boxes.Box box = boxes.find("moov/trak/mdia/minf/stbl/" + type);
        int count = boxes.u32(box.payload() + 4);
        assertThat(box.payload() + 8 + 4 * ints * count).isEqualTo(box.end());
        List<int[]> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] entry = new int[ints];
            for (int j = 0; j < ints; j++) {
                entry[j] = boxes.u32(box.payload() + 8 + 4 * (i * ints + j));
            }
            entries.add(entry);
        }
        return entries;
    }

    @Test
    void aDurationBetweenFramesShortensOnlyTheLastFrame() {
        byte[] mp4 = VideoEncoder.mp4(64, 32, 16, 3.3, VideoFixtures.picture(64, 32), VideoFixtures.BAR_RGB);

        // 3.3 s at 16 fps: 53 frames, 52 of 1/16 s and a last one of 0.05 s.
        assertThat(entries(new Mp4Boxes(mp4), "stts", 2))
                .containsExactly(new int[] {52, 1000}, new int[] {1, 800});
    }

    @Test
    void rejectsWhatItCannotEncode() {
        assertThatThrownBy(() -> VideoEncoder.mp4(3, 2, 24, 1, new int[6], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VideoEncoder.mp4(4, 2, 24, 1, new int[6], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VideoEncoder.mp4(2, 2, 0, 1, new int[4], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VideoEncoder.mp4(2, 2, 24, 0, new int[4], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VideoEncoder.mp4(2, 2, 24, Double.NaN, new int[4], 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Guards the cost model (one raw frame, skipped blocks after it) against an accidental
     * per-frame full encode; the bound is loose on purpose, real runs take tens of milliseconds.
     */
    @Test
    void fullHdFifteenSecondsTakesLittleCpu() {
        int[] rgb = VideoFixtures.picture(1920, 1080);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        int size = 0;
        for (int run = 0; run < 5; run++) {
            long start = threads.getCurrentThreadCpuTime();
            size = VideoEncoder.mp4(1920, 1080, 24, 15, rgb, VideoFixtures.BAR_RGB).length;
            best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
        }
        assertThat(best / 1_000_000).as("best CPU milliseconds").isLessThan(1_000);
        assertThat(size).as("about one raw 4:2:0 frame plus the bar").isBetween(3_000_000, 4_000_000);
    }
}
