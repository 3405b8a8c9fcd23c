package dev.camelsegmind.benchmarks;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.AsyncProcessorConverterHelper;

/**
 * (b) What a route author writes today without the component: camel-http to submit, then {@code loopDoWhile} with a
 * {@code delay} (asynchronous, Camel's default) and a status GET every poll interval, then the result and the media.
 * Camel's own defaults throughout (the delayer's scheduler, camel-http's connection pool).
 */
final class CamelHttpContender implements Contender {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CamelContext context = new DefaultCamelContext();
    private final Map<String, AsyncProcessor> routes = new ConcurrentHashMap<>();

    CamelHttpContender(String baseUrl, String apiKey, long pollMillis, Iterable<String> models) throws Exception {
        String http = baseUrl + "?throwExceptionOnFailure=false";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (String model : models) {
                    from("direct:" + model)
                            .process(e -> e.getMessage().setBody(JSON.writeValueAsBytes(
                                    Map.of("prompt", e.getMessage().getBody(String.class)))))
                            .removeHeaders("*")
                            .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                            .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                            .setHeader("x-api-key", constant(apiKey))
                            .setHeader(Exchange.HTTP_URI, constant(baseUrl + "/v2/" + model))
                            .to(http)
                            .process(CamelHttpContender::readSubmit)
                            .loopDoWhile(simple("${exchangeProperty.status} != 'COMPLETED'"
                                                + " && ${exchangeProperty.status} != 'FAILED'"))
                                .delay(pollMillis).end()
                                .removeHeaders("*")
                                .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                                .setHeader("x-api-key", constant(apiKey))
                                .setHeader(Exchange.HTTP_URI, exchangeProperty("statusUrl"))
                                .to(http)
                                .process(CamelHttpContender::readStatus)
                            .end()
                            .removeHeaders("*")
                            .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                            .setHeader("x-api-key", constant(apiKey))
                            .setHeader(Exchange.HTTP_URI, exchangeProperty("responseUrl"))
                            .to(http)
                            .process(CamelHttpContender::readResult)
                            .removeHeaders("*")
                            .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                            .setHeader(Exchange.HTTP_URI, exchangeProperty("outputUrl"))
                            .to(http)
                            .convertBodyTo(byte[].class);
                }
            }
        });
        context.start();
        for (String model : models) {
            Producer producer = context.getEndpoint("direct:" + model).createAsyncProducer();
            producer.start();
            routes.put(model, AsyncProcessorConverterHelper.convert(producer));
        }
    }

    private static void readSubmit(Exchange e) throws Exception {
        JsonNode json = JSON.readTree(e.getMessage().getBody(byte[].class));
        if (json.path("request_id").isMissingNode()) {
            throw new IllegalStateException("submit refused: " + json);
        }
        e.setProperty("requestId", json.path("request_id").asText());
        e.setProperty("statusUrl", json.path("status_url").asText());
        e.setProperty("responseUrl", json.path("response_url").asText());
        e.setProperty("status", json.path("status").asText());
    }

    private static void readStatus(Exchange e) throws Exception {
        JsonNode json = JSON.readTree(e.getMessage().getBody(byte[].class));
        e.setProperty("status", json.path("status").asText("UNKNOWN"));
    }

    private static void readResult(Exchange e) throws Exception {
        JsonNode json = JSON.readTree(e.getMessage().getBody(byte[].class));
        if (!"COMPLETED".equals(json.path("status").asText())) {
            throw new IllegalStateException("job did not complete: " + json);
        }
        e.setProperty("outputUrl", json.path("output").asText());
    }

    @Override
    public CompletableFuture<Delivery> submit(String model, String prompt) {
        return RouteSends.send(context, routes.get(model), prompt, e -> e.getProperty("requestId", String.class), e -> {
            byte[] media = e.getMessage().getBody(byte[].class);
            return media == null ? 0 : media.length;
        });
    }

    @Override
    public void close() {
        context.stop();
    }
}
