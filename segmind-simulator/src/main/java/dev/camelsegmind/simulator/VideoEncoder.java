package dev.camelsegmind.simulator;

/**
 * Makes a real, playable MP4 (H.264 Constrained Baseline) from one still picture: the picture is
 * shown for the whole duration while a progress bar fills along its bottom edge.
 *
 * <p>Nothing is transform-coded: the first frame carries raw samples (I_PCM) and later frames
 * copy it (P_Skip) except for the few bar macroblocks that changed. So a 1080p, 15-second video
 * costs about one colour conversion and one copy of a raw frame, and its size is about one raw
 * frame (3 MB at 1080p) plus the bar.
 */
final class VideoEncoder {

    /**
     * Ticks per frame. The timescale is fps times this, so a duration in whole milliseconds is
     * represented exactly even when it is not a whole number of frames.
     */
    private static final int FRAME_TICKS = 1000;

    private VideoEncoder() {
    }

    /**
     * @param rgb width*height pixels 0xRRGGBB, row by row; width and height must be even
     * @param seconds the duration, kept exactly (to the millisecond); the frame count is
     *     round(seconds * fps), at least one, and the last frame absorbs the remainder
     * @param barColorRgb the progress bar's colour, 0xRRGGBB
     */
    static byte[] mp4(int width, int height, int fps, double seconds, int[] rgb, int barColorRgb) {
        if (fps <= 0 || fps > 1000) {
            throw new IllegalArgumentException("fps must be within 1..1000, not " + fps);
        }
        long ticks = Math.round(seconds * fps * FRAME_TICKS);
        if (!(seconds > 0) || ticks < 1 || ticks > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("unsupported duration " + seconds + " s at " + fps + " fps");
        }
        int frames = (int) Math.max(1, Math.round(seconds * fps));
        Yuv420Image image = Yuv420Image.fromRgb(rgb, width, height);
        ProgressBar bar = new ProgressBar(image, frames, barColorRgb);
        H264Writer h264 = new H264Writer(image, fps);
        Mp4Muxer muxer = new Mp4Muxer(width, height, fps * FRAME_TICKS, FRAME_TICKS, frames, ticks,
                h264.sps(), h264.pps());

        int[] changed = new int[bar.maxChanged()];
        // Sized once, to spare copies: over all frames the bar recodes at most one block per bar
        // row for each frame and each macroblock column.
        int barRows = changed.length / h264.widthInMbs;
        long barBytes = (long) (frames + h264.widthInMbs) * barRows * (H264Writer.PCM_MB_BITS / 8 + 4);
        long capacity = muxer.headerLength() + h264.idrBytesBound() + 32L * frames + barBytes;
        BitWriter out = new BitWriter((int) Math.min(capacity, Integer.MAX_VALUE - 16));
        out.skip(muxer.headerLength());

        int[] sampleSizes = new int[frames];
        int start = out.position();
        bar.advance(0, changed);
        h264.idr(out);
        sampleSizes[0] = out.position() - start;
        for (int frame = 1; frame < frames; frame++) {
            start = out.position();
            h264.p(out, frame, changed, bar.advance(frame, changed));
            sampleSizes[frame] = out.position() - start;
        }
        out.copyAt(0, muxer.header(sampleSizes));
        return out.toByteArray();
    }
}
