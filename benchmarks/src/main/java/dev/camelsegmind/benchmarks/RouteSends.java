package dev.camelsegmind.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.function.ToLongFunction;

import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;

/**
 * Sends one prompt through a route without blocking and stamps the moment the exchange leaves it: how the two Camel
 * contenders hand a job to their routes, so both are timed the same way.
 */
final class RouteSends {

    private RouteSends() {
    }

    static CompletableFuture<Contender.Delivery> send(CamelContext context, AsyncProcessor route, String prompt,
                                                      java.util.function.Function<Exchange, String> requestId,
                                                      ToLongFunction<Exchange> mediaBytes) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(prompt);
        CompletableFuture<Contender.Delivery> done = new CompletableFuture<>();
        route.process(exchange, doneSync -> {
            long at = System.currentTimeMillis();
            if (exchange.getException() != null) {
                done.completeExceptionally(exchange.getException());
                return;
            }
            done.complete(new Contender.Delivery(requestId.apply(exchange), at, mediaBytes.applyAsLong(exchange)));
        });
        return done;
    }
}
