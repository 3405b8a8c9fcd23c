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

/**
 * (a) The component: {@code from("direct:<model>").to("segmind:<model>?<options>")}, one route per model. With crun
 * options, the models crun serves run there (the simulator plays crun on the same port and key), and with callbacks
 * a Camel Main HTTP server on loopback receives them, as an application's would.
 */
final class ComponentContender implements Contender {

    private final CamelContext context = new DefaultCamelContext();
    private final Map<String, AsyncProcessor> routes = new ConcurrentHashMap<>();
    private final String options;

    ComponentContender(String baseUrl, String apiKey, String options, Iterable<String> models) throws Exception {
        this(baseUrl, apiKey, options, models, null, false);
    }

    /**
     * @param crunOptions options added for the models crun serves, or null to run everything at Segmind
     * @param callbacks   whether crun calls back (a platform-http server on a free loopback port)
     */
    ComponentContender(String baseUrl, String apiKey, String options, Iterable<String> models, String crunOptions,
                       boolean callbacks) throws Exception {
        this.options = options;
        SegmindComponent component = new SegmindComponent();
        component.getConfiguration().setBaseUrl(baseUrl);
        component.getConfiguration().setApiKey(apiKey);
        component.getConfiguration().setCrunBaseUrl(baseUrl);
        component.getConfiguration().setCrunApiKey(apiKey);
        if (callbacks) {
            int port;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            org.apache.camel.component.platform.http.main.MainHttpServer server =
                    new org.apache.camel.component.platform.http.main.MainHttpServer();
            server.setCamelContext(context);
            server.setHost("127.0.0.1");
            server.setPort(port);
            context.addService(server);
            component.getConfiguration().setCallbackBaseUrl("http://127.0.0.1:" + port);
        }
        context.addComponent("segmind", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (String model : models) {
                    boolean atCrun = crunOptions != null && model.equals(CRUN_MODEL);
                    from("direct:" + model).to("segmind:" + model + "?" + options + (atCrun ? "&" + crunOptions : ""));
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

    /** The one model crun serves. */
    static final String CRUN_MODEL = "wan2.7-image-pro";

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
