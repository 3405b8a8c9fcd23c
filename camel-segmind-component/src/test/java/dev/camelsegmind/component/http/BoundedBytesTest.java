package dev.camelsegmind.component.http;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The memory bound of an API answer, at its edges, without a network. */
class BoundedBytesTest {

    private static ByteBuffer bytes(int n) {
        return ByteBuffer.wrap(new byte[n]);
    }

    @Test
    void anAnswerUpToTheLimitIsRead() throws Exception {
        BoundedBytes body = BoundedBytes.open(1000, false, -1);
        assertThat(body.write(bytes(600))).isTrue();
        assertThat(body.write(bytes(400))).as("more is welcome").isTrue();
        assertThat(body.finish()).hasSize(1000);
    }

    @Test
    void anAnswerThatCrossesTheLimitFailsAtOnceAndIsNotReadOn() throws Exception {
        BoundedBytes body = BoundedBytes.open(1000, false, -1);
        body.write(bytes(600));
        assertThatThrownBy(() -> body.write(bytes(600))).isInstanceOf(AnswerTooLargeException.class);
    }

    @Test
    void anAnswerThatAnnouncesTooMuchIsRefusedBeforeAByte() {
        assertThatThrownBy(() -> BoundedBytes.open(1000, false, 1001)).isInstanceOf(AnswerTooLargeException.class);
    }

    @Test
    void anErrorPageIsCutToTheLimit() throws Exception {
        BoundedBytes body = BoundedBytes.open(1000, true, 5000);
        assertThat(body.write(bytes(700))).isTrue();
        assertThat(body.write(bytes(700))).as("the rest is not read").isFalse();
        assertThat(body.finish()).hasSize(1000);
    }
}
