package dev.camelsegmind.simulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The ISO BMFF boxes around one H.264 track, laid out "fast start": ftyp, moov, then mdat, so a
 * player can begin before the last byte arrives.
 *
 * <p>All samples sit in one chunk, so the moov box's size depends only on the sample count, never
 * on the sample sizes: the caller reserves {@link #headerLength()} bytes, encodes the samples
 * behind them, and then fills the header in with {@link #header(int[])}.
 */
final class Mp4Muxer {

    private static final int[] UNITY_MATRIX = {0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000};

    private final int width;
    private final int height;
    private final int timescale;
    private final int frameTicks;
    private final long durationTicks;
    private final int frames;
    private final byte[] sps;
    private final byte[] pps;
    private final int headerLength;
    /** Where {@link #stbl} left stco's chunk offset, to be patched once mdat's place is known. */
    private int stcoEntryAt;

    /**
     * @param durationTicks the exact duration; the last frame is shortened or lengthened to it
     */
    Mp4Muxer(int width, int height, int timescale, int frameTicks, int frames, long durationTicks,
             byte[] sps, byte[] pps) {
        if (durationTicks > 0xFFFF_FFFFL || durationTicks - (long) (frames - 1) * frameTicks <= 0) {
            throw new IllegalArgumentException("duration " + durationTicks + " does not suit " + frames + " frames");
        }
        this.width = width;
        this.height = height;
        this.timescale = timescale;
        this.frameTicks = frameTicks;
        this.durationTicks = durationTicks;
        this.frames = frames;
        this.sps = sps;
        this.pps = pps;
        this.headerLength = header(new int[frames]).length;
    }

    /** Bytes before the first sample: ftyp, moov and the mdat box header. */
    int headerLength() {
        return headerLength;
    }

    byte[] header(int[] sampleSizes) {
        long mdatPayload = 0;
        for (int size : sampleSizes) {
            mdatPayload += size;
        }
        ByteBuffer out = ByteBuffer.allocate(1024 + sps.length + pps.length + 4 * sampleSizes.length);
        ftyp(out);
        moov(out, sampleSizes);
        // The first sample starts right after the 8-byte mdat header.
        int mdatAt = out.position();
        long mdatSize = 8 + mdatPayload;
        if (mdatSize > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("media data too large for a 32-bit mdat");
        }
        out.putInt((int) mdatSize).put(fourcc("mdat"));
        // stco was written before the mdat position was known: patch its only entry.
        out.putInt(stcoEntryAt, mdatAt + 8);
        byte[] header = new byte[out.position()];
        out.flip().get(header);
        return header;
    }

    private static void ftyp(ByteBuffer out) {
        int box = open(out, "ftyp");
        out.put(fourcc("isom")).putInt(0x200);
        for (String brand : new String[] {"isom", "iso2", "avc1", "mp41", "mp42"}) {
            out.put(fourcc(brand));
        }
        close(out, box);
    }

    private void moov(ByteBuffer out, int[] sampleSizes) {
        int moov = open(out, "moov");
        int mvhd = openFull(out, "mvhd", 0, 0);
        out.putInt(0).putInt(0).putInt(timescale).putInt((int) durationTicks);
        out.putInt(0x10000).putShort((short) 0x100).putShort((short) 0).putLong(0); // rate 1.0, volume 1.0
        matrix(out);
        out.put(new byte[24]); // pre_defined
        out.putInt(2); // next_track_ID
        close(out, mvhd);
        trak(out, sampleSizes);
        close(out, moov);
    }

    private void trak(ByteBuffer out, int[] sampleSizes) {
        int trak = open(out, "trak");
        int tkhd = openFull(out, "tkhd", 0, 3); // enabled, in movie
        out.putInt(0).putInt(0).putInt(1).putInt(0).putInt((int) durationTicks);
        out.putLong(0).putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0);
        matrix(out);
        out.putInt(width << 16).putInt(height << 16);
        close(out, tkhd);
        int mdia = open(out, "mdia");
        int mdhd = openFull(out, "mdhd", 0, 0);
        out.putInt(0).putInt(0).putInt(timescale).putInt((int) durationTicks);
        out.putShort((short) 0x55C4).putShort((short) 0); // language "und"
        close(out, mdhd);
        int hdlr = openFull(out, "hdlr", 0, 0);
        out.putInt(0).put(fourcc("vide")).putInt(0).putInt(0).putInt(0);
        out.put("VideoHandler\0".getBytes(StandardCharsets.US_ASCII));
        close(out, hdlr);
        int minf = open(out, "minf");
        int vmhd = openFull(out, "vmhd", 0, 1);
        out.putLong(0); // graphicsmode, opcolor
        close(out, vmhd);
        int dinf = open(out, "dinf");
        int dref = openFull(out, "dref", 0, 0);
        out.putInt(1);
        close(out, openFull(out, "url ", 0, 1)); // flag 1: media is in this file
        close(out, dref);
        close(out, dinf);
        stbl(out, sampleSizes);
        close(out, minf);
        close(out, mdia);
        close(out, trak);
    }

    private void stbl(ByteBuffer out, int[] sampleSizes) {
        int stbl = open(out, "stbl");
        int stsd = openFull(out, "stsd", 0, 0);
        out.putInt(1);
        avc1(out);
        close(out, stsd);

        int stts = openFull(out, "stts", 0, 0);
        int lastTicks = (int) (durationTicks - (long) (frames - 1) * frameTicks);
        if (frames == 1 || lastTicks == frameTicks) {
            out.putInt(1).putInt(frames).putInt(lastTicks);
        } else {
            out.putInt(2).putInt(frames - 1).putInt(frameTicks).putInt(1).putInt(lastTicks);
        }
        close(out, stts);

        int stss = openFull(out, "stss", 0, 0);
        out.putInt(1).putInt(1); // only the IDR picture is a sync sample
        close(out, stss);

        int stsc = openFull(out, "stsc", 0, 0);
        out.putInt(1).putInt(1).putInt(frames).putInt(1); // every sample in chunk 1
        close(out, stsc);

        int stsz = openFull(out, "stsz", 0, 0);
        out.putInt(0).putInt(frames);
        for (int size : sampleSizes) {
            out.putInt(size);
        }
        close(out, stsz);

        int stco = openFull(out, "stco", 0, 0);
        out.putInt(1);
        stcoEntryAt = out.position();
        out.putInt(0);
        close(out, stco);
        close(out, stbl);
    }

    private void avc1(ByteBuffer out) {
        int avc1 = open(out, "avc1");
        out.put(new byte[6]).putShort((short) 1); // reserved, data_reference_index
        out.putShort((short) 0).putShort((short) 0).put(new byte[12]); // pre_defined, reserved
        out.putShort((short) width).putShort((short) height);
        out.putInt(0x00480000).putInt(0x00480000).putInt(0); // 72 dpi, reserved
        out.putShort((short) 1); // frame_count
        out.put(new byte[32]); // compressorname, empty
        out.putShort((short) 0x18).putShort((short) -1); // depth, pre_defined

        int avcC = open(out, "avcC");
        out.put((byte) 1).put(sps[1]).put(sps[2]).put(sps[3]); // version, profile, constraints, level
        out.put((byte) 0xFF); // 4-byte NAL lengths
        out.put((byte) 0xE1).putShort((short) sps.length).put(sps);
        out.put((byte) 1).putShort((short) pps.length).put(pps);
        close(out, avcC);

        // Same colour signalling as the SPS VUI, for players that read only the container.
        int colr = open(out, "colr");
        out.put(fourcc("nclx"));
        out.putShort((short) Yuv420Image.PRIMARIES_BT709).putShort((short) Yuv420Image.TRANSFER_BT709);
        out.putShort((short) Yuv420Image.MATRIX_BT601).put((byte) 0); // limited range
        close(out, colr);
        close(out, avc1);
    }

    private static void matrix(ByteBuffer out) {
        for (int value : UNITY_MATRIX) {
            out.putInt(value);
        }
    }

    private static int open(ByteBuffer out, String type) {
        int at = out.position();
        out.putInt(0).put(fourcc(type));
        return at;
    }

    private static int openFull(ByteBuffer out, String type, int version, int flags) {
        int at = open(out, type);
        out.putInt((version << 24) | flags);
        return at;
    }

    private static void close(ByteBuffer out, int at) {
        out.putInt(at, out.position() - at);
    }

    private static byte[] fourcc(String type) {
        return type.getBytes(StandardCharsets.US_ASCII);
    }
}
