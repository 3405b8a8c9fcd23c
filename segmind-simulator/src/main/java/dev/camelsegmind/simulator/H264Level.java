package dev.camelsegmind.simulator;

/**
 * Picks the lowest H.264 level (Table A-1) whose limits admit the stream: hardware decoders
 * refuse streams above their level, so claiming 5.1 for a thumbnail-sized clip would be needless,
 * while claiming too little for a 1080p I_PCM frame (about 25 Mbit) would misstate the CPB.
 */
final class H264Level {

    /** level_idc, MaxMBPS, MaxFS, MaxDpbMbs, MaxCPB (kbit, Baseline VCL factor 1000). */
    private static final int[][] LEVELS = {
        {10, 1_485, 99, 396, 175},
        {11, 3_000, 396, 900, 500},
        {12, 6_000, 396, 2_376, 1_000},
        {13, 11_880, 396, 2_376, 2_000},
        {20, 11_880, 396, 2_376, 2_000},
        {21, 19_800, 792, 4_752, 4_000},
        {22, 20_250, 1_620, 8_100, 4_000},
        {30, 40_500, 1_620, 8_100, 10_000},
        {31, 108_000, 3_600, 18_000, 14_000},
        {32, 216_000, 5_120, 20_480, 20_000},
        {40, 245_760, 8_192, 32_768, 25_000},
        {41, 245_760, 8_192, 32_768, 62_500},
        {42, 522_240, 8_704, 34_816, 62_500},
        {50, 589_824, 22_080, 110_400, 135_000},
        {51, 983_040, 36_864, 184_320, 240_000},
        {52, 2_073_600, 36_864, 184_320, 240_000},
    };

    private H264Level() {
    }

    /**
     * @param largestPictureBits the biggest coded picture, which must fit the coded picture buffer
     * @return level_idc; the highest level when nothing fits (decoders rarely enforce it)
     */
    static int choose(int widthInMbs, int heightInMbs, int fps, long largestPictureBits) {
        long frameMbs = (long) widthInMbs * heightInMbs;
        for (int[] level : LEVELS) {
            long maxFrameMbs = level[2];
            // A.3.1: neither side may exceed sqrt(8 * MaxFS), which rules out extreme strips.
            double maxSide = Math.sqrt(8.0 * maxFrameMbs);
            if (frameMbs <= maxFrameMbs && widthInMbs <= maxSide && heightInMbs <= maxSide
                    && frameMbs * fps <= level[1] && frameMbs <= level[3]
                    && largestPictureBits <= level[4] * 1000L) {
                return level[0];
            }
        }
        return LEVELS[LEVELS.length - 1][0];
    }
}
