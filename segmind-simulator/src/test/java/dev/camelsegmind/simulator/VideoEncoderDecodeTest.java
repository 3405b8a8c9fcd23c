package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.List;

import org.jcodec.codecs.h264.H264Decoder;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.decode.FrameReader;
import org.jcodec.codecs.h264.decode.MBlock;
import org.jcodec.codecs.h264.decode.SliceReader;
import org.jcodec.codecs.h264.io.model.MBType;
import org.jcodec.common.DemuxerTrack;
import org.jcodec.common.io.ByteBufferSeekableByteChannel;
import org.jcodec.common.logging.LogLevel;
import org.jcodec.common.logging.Logger;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decodes the videos with JCodec, a pure-Java H.264 decoder, so a wrong bitstream fails here
 * even where no ffmpeg is installed.
 *
 * <p>JCodec 0.2.5 parses I_PCM macroblocks but never copies their samples into the picture (its
 * MBlockDecoderIPCM is a stub), so its decoded pixels cannot be checked. The pixels are therefore
 * rebuilt from JCodec's own parse: its slice reader reads every macroblock, and the test places
 * the I_PCM samples it read and leaves skipped blocks as they were (zero motion). Any error in
 * the SPS, PPS, slice headers, skip runs, mb_type codes, alignment or escaping desynchronises
 * that parse and shows up as wrong blocks, wrong counts or wrong pixels.
 */
class VideoEncoderDecodeTest {

    @BeforeAll
    static void quietJcodec() {
        Logger.setLevel(LogLevel.ERROR); // it warns once per I_PCM macroblock
    }

    @ParameterizedTest(name = "{0}x{1} at {2} fps for {3} s")
    @CsvSource({
        "1280, 720, 24, 5",
        "720, 406, 16, 3",
        "2, 2, 24, 1",
        "18, 1000, 30, 1",
        "722, 1282, 16, 1.3",
    })
    void jcodecDecoderAcceptsEveryFrameAtTheRightSize(int width, int height, int fps, double seconds)
            throws IOException {
        byte[] mp4 = VideoEncoder.mp4(width, height, fps, seconds, VideoFixtures.picture(width, height),
                VideoFixtures.BAR_RGB);
        DemuxerTrack track = videoTrack(mp4);
        int frames = (int) Math.round(seconds * fps);
        assertThat(track.getMeta().getTotalFrames()).isEqualTo(frames);

        H264Decoder decoder = H264Decoder.createH264DecoderFromCodecPrivate(track.getMeta().getCodecPrivate());
        int padded = ((width + 15) & ~15) * ((height + 15) & ~15);
        byte[][] buffer = new byte[3][padded];
        int decoded = 0;
        for (Packet packet = track.nextFrame(); packet != null; packet = track.nextFrame()) {
            Picture picture = decoder.decodeFrame(packet.getData(), buffer);
            assertThat(picture).as("frame %d", decoded).isNotNull();
            assertThat(picture.getCroppedWidth()).isEqualTo(width);
            assertThat(picture.getCroppedHeight()).isEqualTo(height);
            assertThat(packet.isKeyFrame()).isEqualTo(decoded == 0);
            decoded++;
        }
        assertThat(decoded).isEqualTo(frames);
    }

    @ParameterizedTest(name = "{0}x{1} at {2} fps for {3} s")
    @CsvSource({
        "1280, 720, 24, 5",
        "720, 406, 16, 3",
        "2, 2, 24, 1",
        "18, 1000, 30, 1",
        "1000, 18, 30, 1",
        "722, 1282, 16, 1.3",
    })
    void macroblocksParsedByJcodecRebuildThePictureAndAGrowingBar(int width, int height, int fps, double seconds)
            throws Exception {
        int[] rgb = VideoFixtures.picture(width, height);
        byte[] mp4 = VideoEncoder.mp4(width, height, fps, seconds, rgb, VideoFixtures.BAR_RGB);
        DemuxerTrack track = videoTrack(mp4);
        FrameReader reader = new FrameReader();
        for (ByteBuffer nal : H264Utils.splitFrame(track.getMeta().getCodecPrivate())) {
            int type = nal.get() & 0x1F; // FrameReader takes the NAL unit without its header byte
            if (type == 7) {
                reader.addSps(nal);
            } else if (type == 8) {
                reader.addPps(nal);
            }
        }
        Canvas canvas = new Canvas(width, height);
        int frames = (int) Math.round(seconds * fps);
        int widthInMbs = (width + 15) / 16;
        VideoFixtures.Frame first = null;
        int frame = 0;
        for (Packet packet = track.nextFrame(); packet != null; packet = track.nextFrame(), frame++) {
            List<SliceReader> slices = reader.readFrame(H264Utils.splitFrame(packet.getData()));
            assertThat(slices).as("slices of frame %d", frame).hasSize(1);
            int[] counts = canvas.apply(slices.get(0));
            if (frame == 0) {
                assertThat(counts[1]).as("I_PCM blocks of the IDR picture").isEqualTo(canvas.macroblocks());
                first = canvas.frame();
            } else {
                assertThat(counts[0] + counts[1]).as("blocks of frame %d", frame).isEqualTo(canvas.macroblocks());
                assertThat(counts[1]).as("bar blocks of frame %d", frame).isLessThanOrEqualTo(2 * widthInMbs);
            }
        }
        VideoFixtures.Frame last = canvas.frame();
        assertThat(frame).isEqualTo(frames);

        VideoFixtures.assertShowsPicture(first, rgb);
        VideoFixtures.assertBar(first, rgb, 2 * (int) Math.round(width / 2.0 / frames));
        VideoFixtures.assertShowsPicture(last, rgb);
        VideoFixtures.assertBar(last, rgb, width);
    }

    private static DemuxerTrack videoTrack(byte[] mp4) throws IOException {
        MP4Demuxer demuxer = MP4Demuxer.createMP4Demuxer(
                ByteBufferSeekableByteChannel.readFromByteBuffer(ByteBuffer.wrap(mp4)));
        assertThat(demuxer.getVideoTracks()).hasSize(1);
        return demuxer.getVideoTrack();
    }

    /** The reference picture, updated the way a decoder would for I_PCM and zero-motion P_Skip. */
    private static final class Canvas {

        private static final Field IPCM = field(MBlock.class, "ipcm");

        private final int width;
        private final int height;
        private final int paddedWidth;
        private final int macroblocks;
        private final int[] luma;
        private final int[] cb;
        private final int[] cr;

        Canvas(int width, int height) {
            this.width = width;
            this.height = height;
            this.paddedWidth = (width + 15) & ~15;
            int paddedHeight = (height + 15) & ~15;
            this.macroblocks = paddedWidth / 16 * paddedHeight / 16;
            this.luma = new int[paddedWidth * paddedHeight];
            this.cb = new int[luma.length / 4];
            this.cr = new int[luma.length / 4];
        }

        int macroblocks() {
            return macroblocks;
        }

        /** Applies one slice; returns the counts of skipped and I_PCM macroblocks. */
        int[] apply(SliceReader slice) throws ReflectiveOperationException {
            int skipped = 0;
            int pcm = 0;
            MBlock block = new MBlock(ColorSpace.YUV420J);
            while (slice.readMacroblock(block)) {
                if (block.skipped) {
                    skipped++;
                } else {
                    assertThat(block.curMbType).as("type of block %d", block.mbIdx).isEqualTo(MBType.I_PCM);
                    place(block);
                    pcm++;
                }
                block.clear();
            }
            return new int[] {skipped, pcm};
        }

        private void place(MBlock block) throws ReflectiveOperationException {
            Object ipcm = IPCM.get(block);
            int[] lumaSamples = (int[]) field(ipcm.getClass(), "samplesLuma").get(ipcm);
            int[] chromaSamples = (int[]) field(ipcm.getClass(), "samplesChroma").get(ipcm);
            int mbX = block.mbIdx % (paddedWidth / 16);
            int mbY = block.mbIdx / (paddedWidth / 16);
            for (int i = 0; i < 256; i++) {
                luma[(mbY * 16 + i / 16) * paddedWidth + mbX * 16 + i % 16] = lumaSamples[i];
            }
            int chromaWidth = paddedWidth / 2;
            for (int i = 0; i < 64; i++) {
                int at = (mbY * 8 + i / 8) * chromaWidth + mbX * 8 + i % 8;
                cb[at] = chromaSamples[i];
                cr[at] = chromaSamples[64 + i];
            }
        }

        VideoFixtures.Frame frame() {
            int[] y = new int[width * height];
            int[] u = new int[width * height / 4];
            int[] v = new int[u.length];
            for (int row = 0; row < height; row++) {
                System.arraycopy(luma, row * paddedWidth, y, row * width, width);
            }
            for (int row = 0; row < height / 2; row++) {
                System.arraycopy(cb, row * paddedWidth / 2, u, row * width / 2, width / 2);
                System.arraycopy(cr, row * paddedWidth / 2, v, row * width / 2, width / 2);
            }
            return new VideoFixtures.Frame(width, height, y, u, v);
        }

        private static Field field(Class<?> owner, String name) {
            try {
                Field field = owner.getField(name);
                field.setAccessible(true); // MBlock.IPCM is package-private in JCodec
                return field;
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("JCodec changed: no " + owner.getName() + "." + name, e);
            }
        }
    }
}
