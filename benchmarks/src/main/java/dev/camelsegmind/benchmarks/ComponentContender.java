package dev.camelsegmind.benchmarks;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import dev.camelsegmind.component.SegmindComponent;
import dev.camelsegmind.component.SegmindConstants;
import dev.camelsegmind.component.model.SegmindMedia;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Producer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.AsyncProcessorConverterHelper;

/** (a) The component: {@code from("direct:<model>").to("segmind:<model>?<options>")}, one route per model. */
final class ComponentContender implements Contender {

    private final CamelContext context = new DefaultCamelContext();
    private final Map<String, AsyncProcessor> routes = new ConcurrentHashMap<>();
    private final String options;

    ComponentContender(String baseUrl, String apiKey, String options, Iterable<String> models) throws Exception {
        this.options = options;
        SegmindComponent component = new SegmindComponent();
        component.getConfiguration().setBaseUrl(baseUrl);
        component.getConfiguration().setApiKey(apiKey);
        context.addComponent("segmind", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (String model : models) {
                    from("direct:" + model).to("segmind:" + model + "?" + options);
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

    @Override
    public CompletableFuture<Delivery> submit(String model, String prompt) {
        return RouteSends.send(context, routes.get(model), prompt,
                e -> e.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class),
                e -> e.getMessage().getBody() instanceof SegmindMedia m ? m.getSize() : 0);
    }

    CamelContext context() {
        return context;
    }

    @Override
    public void close() {
        context.stop();
    }
}
