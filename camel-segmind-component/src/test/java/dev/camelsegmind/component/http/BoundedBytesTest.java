package dev.camelsegmind.component.http;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The memory bound of an API answer, at its edges, without a network. */
class BoundedBytesTest {

    private static final class Subscription implements Flow.Subscription {
        final AtomicBoolean cancelled = new AtomicBoolean();

        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
            cancelled.set(true);
        }
    }

    private static List<ByteBuffer> bytes(int n) {
        return List.of(ByteBuffer.wrap(new byte[n]));
    }

    @Test
    void anAnswerUpToTheLimitIsRead() {
        BoundedBytes body = new BoundedBytes(1000, false, -1);
        Subscription s = new Subscription();
        body.onSubscribe(s);
        body.onNext(bytes(600));
        body.onNext(bytes(400));
        body.onComplete();
        assertThat(body.getBody().toCompletableFuture().join()).hasSize(1000);
        assertThat(s.cancelled).isFalse();
    }

    @Test
    void anAnswerThatCrossesTheLimitFailsAtOnceAndIsNotReadOn() {
        BoundedBytes body = new BoundedBytes(1000, false, -1);
        Subscription s = new Subscription();
        body.onSubscribe(s);
        body.onNext(bytes(600));
        body.onNext(bytes(600));
        assertThat(s.cancelled).as("the rest is not read").isTrue();
        assertThatThrownBy(() -> body.getBody().toCompletableFuture().join())
                .hasCauseInstanceOf(AnswerTooLargeException.class);
    }

    @Test
    void anAnswerThatAnnouncesTooMuchIsRefusedBeforeAByte() {
        BoundedBytes body = new BoundedBytes(1000, false, 1001);
        Subscription s = new Subscription();
        body.onSubscribe(s);
        assertThat(s.cancelled).isTrue();
        assertThatThrownBy(() -> body.getBody().toCompletableFuture().join())
                .hasCauseInstanceOf(AnswerTooLargeException.class);
    }

    @Test
    void anErrorPageIsCutToTheLimit() {
        BoundedBytes body = new BoundedBytes(1000, true, 5000);
        Subscription s = new Subscription();
        body.onSubscribe(s);
        body.onNext(bytes(700));
        body.onNext(bytes(700));
        assertThat(s.cancelled).isTrue();
        assertThat(body.getBody().toCompletableFuture().join()).hasSize(1000);
    }
}
