package dev.camelsegmind.simulator;

/**
 * Writes a Constrained Baseline H.264 stream that needs no transform or entropy coding of
 * residuals: the IDR picture is all I_PCM macroblocks (raw samples), and every later picture is
 * a P slice of P_Skip macroblocks (a copy of the previous picture) with I_PCM macroblocks only
 * where the picture changed.
 *
 * <p>With no motion vectors anywhere, every P_Skip predicts a zero vector, so skipped blocks are
 * exact copies; deblocking is disabled in every slice so the raw samples are shown unaltered.
 * Pictures are written as 4-byte length-prefixed NAL units, the MP4 (AVCC) form.
 */
final class H264Writer {

    private static final int PROFILE_BASELINE = 66;
    /** constraint_set0 and constraint_set1: decodable by Baseline and Main decoders alike. */
    private static final int CONSTRAINTS_CONSTRAINED_BASELINE = 0xC0;
    static final int LOG2_MAX_FRAME_NUM = 16;

    private static final int NAL_SLICE = 1;
    private static final int NAL_IDR_SLICE = 5;
    private static final int NAL_SPS = 7;
    private static final int NAL_PPS = 8;
    private static final int SLICE_P = 5;
    private static final int SLICE_I = 7;
    private static final int MB_I_PCM_IN_I_SLICE = 25;
    /** Intra mb_types follow the five P types in a P slice. */
    private static final int MB_I_PCM_IN_P_SLICE = 5 + MB_I_PCM_IN_I_SLICE;
    /** The 9-bit mb_type, up to 7 alignment bits and 384 samples. */
    static final int PCM_MB_BITS = 9 + 7 + 384 * 8;

    private final Yuv420Image picture;
    private final int fps;
    final int widthInMbs;
    final int heightInMbs;
    final int levelIdc;

    H264Writer(Yuv420Image picture, int fps) {
        this.picture = picture;
        this.fps = fps;
        this.widthInMbs = picture.paddedWidth / 16;
        this.heightInMbs = picture.paddedHeight / 16;
        this.levelIdc = H264Level.choose(widthInMbs, heightInMbs, fps, idrBitsBound());
    }

    int macroblocks() {
        return widthInMbs * heightInMbs;
    }

    /** An upper bound of the IDR picture's size in bytes, length prefix included. */
    long idrBytesBound() {
        return idrBitsBound() / 8 + 64;
    }

    private long idrBitsBound() {
        return (long) macroblocks() * PCM_MB_BITS + 256;
    }

    /** The sequence parameter set as one escaped NAL unit, header byte included, no prefix. */
    byte[] sps() {
        BitWriter out = new BitWriter(64);
        out.u(8, (3 << 5) | NAL_SPS);
        out.escaping(true);
        out.u(8, PROFILE_BASELINE);
        out.u(8, CONSTRAINTS_CONSTRAINED_BASELINE);
        out.u(8, levelIdc);
        out.ue(0); // seq_parameter_set_id
        out.ue(LOG2_MAX_FRAME_NUM - 4);
        out.ue(2); // pic_order_cnt_type 2: output order is decoding order, no POC in slices
        out.ue(1); // max_num_ref_frames
        out.flag(false); // gaps_in_frame_num_value_allowed_flag
        out.ue(widthInMbs - 1);
        out.ue(heightInMbs - 1);
        out.flag(true); // frame_mbs_only_flag
        out.flag(true); // direct_8x8_inference_flag
        int cropRight = (picture.paddedWidth - picture.width) / 2; // 4:2:0 crops in 2-sample units
        int cropBottom = (picture.paddedHeight - picture.height) / 2;
        boolean cropping = cropRight > 0 || cropBottom > 0;
        out.flag(cropping);
        if (cropping) {
            out.ue(0);
            out.ue(cropRight);
            out.ue(0);
            out.ue(cropBottom);
        }
        out.flag(true); // vui_parameters_present_flag
        vui(out);
        out.trailingBits();
        return out.toByteArray();
    }

    private void vui(BitWriter out) {
        out.flag(true); // aspect_ratio_info_present_flag
        out.u(8, 1); // square samples
        out.flag(false); // overscan_info_present_flag
        out.flag(true); // video_signal_type_present_flag
        out.u(3, 5); // video_format: unspecified
        out.flag(false); // video_full_range_flag: limited range
        out.flag(true); // colour_description_present_flag
        out.u(8, Yuv420Image.PRIMARIES_BT709);
        out.u(8, Yuv420Image.TRANSFER_BT709);
        out.u(8, Yuv420Image.MATRIX_BT601);
        out.flag(false); // chroma_loc_info_present_flag
        out.flag(true); // timing_info_present_flag
        out.u(32, 1); // num_units_in_tick
        out.u(32, 2 * fps); // time_scale: a frame is two ticks
        out.flag(true); // fixed_frame_rate_flag
        out.flag(false); // nal_hrd_parameters_present_flag
        out.flag(false); // vcl_hrd_parameters_present_flag
        out.flag(false); // pic_struct_present_flag
        // bitstream_restriction: no reordering, so decoders may output each picture at once
        out.flag(true);
        out.flag(true); // motion_vectors_over_pic_boundaries_flag
        out.ue(0); // max_bytes_per_pic_denom: unlimited (I_PCM pictures are large)
        out.ue(0); // max_bits_per_mb_denom: unlimited
        out.ue(16); // log2_max_mv_length_horizontal
        out.ue(16); // log2_max_mv_length_vertical
        out.ue(0); // max_num_reorder_frames
        out.ue(1); // max_dec_frame_buffering
    }

    /** The picture parameter set as one escaped NAL unit, header byte included, no prefix. */
    byte[] pps() {
        BitWriter out = new BitWriter(16);
        out.u(8, (3 << 5) | NAL_PPS);
        out.escaping(true);
        out.ue(0); // pic_parameter_set_id
        out.ue(0); // seq_parameter_set_id
        out.flag(false); // entropy_coding_mode_flag: CAVLC
        out.flag(false); // bottom_field_pic_order_in_frame_present_flag
        out.ue(0); // num_slice_groups_minus1
        out.ue(0); // num_ref_idx_l0_default_active_minus1
        out.ue(0); // num_ref_idx_l1_default_active_minus1
        out.flag(false); // weighted_pred_flag
        out.u(2, 0); // weighted_bipred_idc
        out.se(0); // pic_init_qp_minus26
        out.se(0); // pic_init_qs_minus26
        out.se(0); // chroma_qp_index_offset
        out.flag(true); // deblocking_filter_control_present_flag, so slices can turn it off
        out.flag(false); // constrained_intra_pred_flag
        out.flag(false); // redundant_pic_cnt_present_flag
        out.trailingBits();
        return out.toByteArray();
    }

    /** Frame 0: an IDR picture of I_PCM macroblocks only. */
    void idr(BitWriter out) {
        int start = beginNal(out, 3, NAL_IDR_SLICE);
        out.ue(0); // first_mb_in_slice
        out.ue(SLICE_I);
        out.ue(0); // pic_parameter_set_id
        out.u(LOG2_MAX_FRAME_NUM, 0); // frame_num
        out.ue(0); // idr_pic_id
        out.flag(false); // no_output_of_prior_pics_flag
        out.flag(false); // long_term_reference_flag
        out.se(0); // slice_qp_delta
        out.ue(1); // disable_deblocking_filter_idc
        for (int mb = 0, count = macroblocks(); mb < count; mb++) {
            out.ue(MB_I_PCM_IN_I_SLICE);
            pcmSamples(out, mb);
        }
        endNal(out, start);
    }

    /**
     * A P picture that copies its predecessor except for the listed macroblocks, which are coded
     * from the current picture as I_PCM.
     *
     * @param changed macroblock addresses, ascending, without duplicates
     */
    void p(BitWriter out, int frameNum, int[] changed, int changedCount) {
        int start = beginNal(out, 2, NAL_SLICE);
        out.ue(0); // first_mb_in_slice
        out.ue(SLICE_P);
        out.ue(0); // pic_parameter_set_id
        out.u(LOG2_MAX_FRAME_NUM, frameNum & ((1 << LOG2_MAX_FRAME_NUM) - 1));
        out.flag(false); // num_ref_idx_active_override_flag
        out.flag(false); // ref_pic_list_modification_flag_l0
        out.flag(false); // adaptive_ref_pic_marking_mode_flag: sliding window
        out.se(0); // slice_qp_delta
        out.ue(1); // disable_deblocking_filter_idc
        int next = 0;
        for (int i = 0; i < changedCount; i++) {
            int mb = changed[i];
            out.ue(mb - next); // mb_skip_run, possibly 0
            out.ue(MB_I_PCM_IN_P_SLICE);
            pcmSamples(out, mb);
            next = mb + 1;
        }
        if (next < macroblocks()) {
            out.ue(macroblocks() - next); // a final run ends the slice: no more data follows
        }
        endNal(out, start);
    }

    /** pcm_alignment_zero_bits, then 256 luma, 64 Cb and 64 Cr samples in raster order. */
    private void pcmSamples(BitWriter out, int mb) {
        out.alignWithZeros();
        int mbX = mb % widthInMbs;
        int mbY = mb / widthInMbs;
        int stride = picture.paddedWidth;
        int at = mbY * 16 * stride + mbX * 16;
        for (int row = 0; row < 16; row++, at += stride) {
            out.bytes(picture.luma, at, 16);
        }
        int chromaStride = stride / 2;
        int chromaStart = mbY * 8 * chromaStride + mbX * 8;
        chromaSamples(out, picture.cb, chromaStart, chromaStride);
        chromaSamples(out, picture.cr, chromaStart, chromaStride);
    }

    private static void chromaSamples(BitWriter out, byte[] plane, int at, int stride) {
        for (int row = 0; row < 8; row++, at += stride) {
            out.bytes(plane, at, 8);
        }
    }

    private static int beginNal(BitWriter out, int refIdc, int type) {
        int start = out.position();
        out.skip(4); // length prefix, known once the NAL unit is complete
        out.u(8, (refIdc << 5) | type);
        out.escaping(true);
        return start;
    }

    private static void endNal(BitWriter out, int start) {
        out.trailingBits();
        out.escaping(false);
        out.putInt(start, out.position() - start - 4);
    }
}
