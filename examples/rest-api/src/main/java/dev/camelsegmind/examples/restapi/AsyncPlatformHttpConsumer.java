package dev.camelsegmind.examples.restapi;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConsumer;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A platform-http consumer that lets the route finish asynchronously. Camel 4.18's Vert.x consumer runs every request
 * on a Vert.x worker thread and blocks that thread until the route is done: with a video taking minutes, twenty open
 * requests would exhaust the worker pool and Vert.x would log "thread blocked" warnings every second. Here the worker
 * is only borrowed for the route's first synchronous steps (parsing, validation); once the Segmind producer goes
 * asynchronous it is free again, and the reply is written from the request's own Vert.x context when the route's
 * callback fires.
 * <p>
 * It writes what this service's routes produce: a status code, headers that pass the endpoint's header filter, a
 * {@code Content-Type} and a body convertible to {@code byte[]}. An exception the route did not handle becomes a bare
 * 500 with no stack trace. It leaves out what the service does not use: form and multipart bodies, proxy mode and
 * cookies.
 */
final class AsyncPlatformHttpConsumer extends VertxPlatformHttpConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncPlatformHttpConsumer.class);
    private static final byte[] INTERNAL_ERROR = "{\"error\":\"Internal error\"}".getBytes(StandardCharsets.UTF_8);

    AsyncPlatformHttpConsumer(PlatformHttpEndpoint endpoint, Processor processor,
                              List<Handler<RoutingContext>> handlers, String routerName) {
        super(endpoint, processor, handlers, routerName);
    }

    @Override
    protected void handleRequest(RoutingContext ctx) {
        if (isSuspended()) {
            ctx.response().setStatusCode(503).end();
            return;
        }
        Context requestContext = ctx.vertx().getOrCreateContext();
        Exchange exchange = createExchange(false);
        exchange.setPattern(ExchangePattern.InOut);
        processHttpRequest(exchange, ctx).onComplete(read -> {
            if (read.failed()) {
                fail(ctx, exchange, read.cause());
                return;
            }
            ctx.vertx().executeBlocking(() -> {
                createUoW(exchange);
                getAsyncProcessor().process(exchange,
                        doneSync -> requestContext.runOnContext(v -> reply(ctx, exchange)));
                return null;
            }, false).onFailure(cause -> fail(ctx, exchange, cause));
        });
    }

    private void reply(RoutingContext ctx, Exchange exchange) {
        try {
            HttpServerResponse response = ctx.response();
            if (response.ended() || response.closed()) {
                return; // the client went away; nothing to answer
            }
            if (exchange.getException() != null) {
                LOG.warn("Unhandled failure answering {} {}", ctx.request().method(), ctx.request().path(),
                        exchange.getException());
                writeInternalError(response);
                return;
            }
            Message message = exchange.getMessage();
            Integer status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            response.setStatusCode(status != null ? status : 200);
            HeaderFilterStrategy filter = getEndpoint().getHeaderFilterStrategy();
            message.getHeaders().forEach((name, value) -> {
                if (value != null && (filter == null || !filter.applyFilterToCamelHeaders(name, value, exchange))) {
                    response.putHeader(name, value.toString());
                }
            });
            String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
            if (contentType != null) {
                response.putHeader("Content-Type", contentType);
            }
            byte[] body = message.getBody(byte[].class);
            response.end(body == null ? Buffer.buffer() : Buffer.buffer(body));
        } catch (RuntimeException e) {
            LOG.warn("Cannot write the answer to {} {}", ctx.request().method(), ctx.request().path(), e);
            if (!ctx.response().headWritten()) {
                writeInternalError(ctx.response());
            }
        } finally {
            done(exchange);
        }
    }

    private void fail(RoutingContext ctx, Exchange exchange, Throwable cause) {
        getExceptionHandler().handleException("Failed handling " + getEndpoint().getPath(), exchange, cause);
        if (!ctx.response().headWritten()) {
            writeInternalError(ctx.response());
        }
        done(exchange);
    }

    private static void writeInternalError(HttpServerResponse response) {
        response.setStatusCode(500).putHeader("Content-Type", "application/json").end(Buffer.buffer(INTERNAL_ERROR));
    }

    private void done(Exchange exchange) {
        doneUoW(exchange);
        releaseExchange(exchange, false);
    }
}
