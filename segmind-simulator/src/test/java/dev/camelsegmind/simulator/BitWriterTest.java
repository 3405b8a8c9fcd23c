package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

class BitWriterTest {

    /** The bits written, as a string of 0 and 1, padded with zeros to a whole byte. */
    private static String bits(Consumer<BitWriter> writes) {
        BitWriter out = new BitWriter(4);
        writes.accept(out);
        out.alignWithZeros();
        StringBuilder text = new StringBuilder();
        for (byte b : out.toByteArray()) {
            text.append(String.format("%8s", Integer.toBinaryString(b & 0xFF)).replace(' ', '0'));
        }
        return text.toString();
    }

    private static byte[] bytes(Consumer<BitWriter> writes) {
        BitWriter out = new BitWriter(1);
        writes.accept(out);
        return out.toByteArray();
    }

    @Test
    void expGolombCodesMatchTheStandardsTable() {
        assertThat(bits(w -> w.ue(0))).isEqualTo("10000000");
        assertThat(bits(w -> w.ue(1))).isEqualTo("01000000");
        assertThat(bits(w -> w.ue(2))).isEqualTo("01100000");
        assertThat(bits(w -> w.ue(3))).isEqualTo("00100000");
        assertThat(bits(w -> w.ue(7))).isEqualTo("00010000");
        assertThat(bits(w -> w.ue(25))).startsWith("000011010");
        assertThat(bits(w -> w.ue(30))).startsWith("000011111");
        assertThat(bits(w -> {
            w.se(1);
            w.se(-1);
            w.se(2);
        })).startsWith("010" + "011" + "00100");
        assertThat(bits(w -> w.se(0))).startsWith("1");
    }

    @Test
    void largeValuesSpanManyBytes() {
        assertThat(bytes(w -> w.u(32, 0xDEADBEEF))).containsExactly(0xDE, 0xAD, 0xBE, 0xEF);
        assertThat(bits(w -> w.ue(65_535))).isEqualTo("0".repeat(16) + "1" + "0".repeat(16) + "0".repeat(7));
        assertThatThrownBy(() -> bits(w -> w.ue(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trailingBitsAreAStopBitThenZeros() {
        assertThat(bits(w -> {
            w.u(3, 0b101);
            w.trailingBits();
        })).isEqualTo("10110000");
        assertThat(bits(BitWriter::trailingBits)).isEqualTo("10000000");
    }

    @Test
    void escapingBreaksEveryStartCodePrefix() {
        byte[] raw = {0, 0, 0, 0, 0, 1, 0, 0, 2, 0, 0, 3, 0, 0, 4};
        byte[] escaped = bytes(w -> {
            w.escaping(true);
            w.bytes(raw, 0, raw.length);
        });
        assertThat(escaped).containsExactly(0, 0, 3, 0, 0, 3, 0, 1, 0, 0, 3, 2, 0, 0, 3, 3, 0, 0, 4);
    }

    @Test
    void escapingAppliesToBitFieldsToo() {
        byte[] escaped = bytes(w -> {
            w.escaping(true);
            w.u(24, 0x000001);
        });
        assertThat(escaped).containsExactly(0, 0, 3, 1);
    }

    @Test
    void withoutEscapingBytesPassUnchanged() {
        byte[] raw = {0, 0, 0, 1};
        assertThat(bytes(w -> w.bytes(raw, 0, raw.length))).containsExactly(raw);
    }
}
