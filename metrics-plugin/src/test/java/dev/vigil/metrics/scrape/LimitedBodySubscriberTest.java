package dev.vigil.metrics.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class LimitedBodySubscriberTest {

    @Test
    void collectsABodyUpToTheLimit() throws Exception {
        LimitedBodySubscriber subscriber = new LimitedBodySubscriber(4);
        subscriber.onSubscribe(new CountingSubscription());
        subscriber.onNext(List.of(ByteBuffer.wrap(new byte[] {1, 2}), ByteBuffer.wrap(new byte[] {3, 4})));
        subscriber.onComplete();
        assertThat(subscriber.getBody().toCompletableFuture().get()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void failsAndCancelsPastTheLimit() {
        LimitedBodySubscriber subscriber = new LimitedBodySubscriber(3);
        CountingSubscription subscription = new CountingSubscription();
        subscriber.onSubscribe(subscription);
        subscriber.onNext(List.of(ByteBuffer.wrap(new byte[] {1, 2, 3, 4})));
        assertThat(subscription.cancelled).isTrue();
        assertThatThrownBy(() -> subscriber.getBody().toCompletableFuture().get())
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("body size limit exceeded: the target sent more than 3 bytes");
    }

    private static final class CountingSubscription implements Flow.Subscription {
        boolean cancelled;

        @Override
        public void request(long n) {}

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
