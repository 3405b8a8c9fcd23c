package dev.camelsegmind.component.provider.crun;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the {@link CrunCallbackReceiver} on the application's own HTTP server: platform-http, which is Vert.x on
 * Camel Main and the servlet container on Spring Boot. It is found by name at start, so the component needs no
 * dependency on it; an application that asks for callbacks without an HTTP server fails at start, saying what to add.
 */
public final class CrunCallbackService extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(CrunCallbackService.class);
    static final String SERVER_COMPONENT = "platform-http";

    private final CamelContext context;
    private final String path;
    private final CrunCallbackReceiver receiver;
    private Consumer consumer;

    public CrunCallbackService(CamelContext context, String path, CrunCallbackReceiver receiver) {
        this.context = context;
        this.path = path;
        this.receiver = receiver;
    }

    @Override
    protected void doStart() throws Exception {
        RestConsumerFactory factory = serverFactory();
        // consumes is left open: crun is not documented to send a Content-Type, and a 415 would lose the callback
        consumer = factory.createConsumer(context, receiver, "POST", path, null, null, null,
                context.getRestConfiguration(), Map.of());
        ServiceHelper.startService(consumer);
        LOG.debug("Receiving crun.ai callbacks on POST {}", path);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(consumer);
        consumer = null;
    }

    private RestConsumerFactory serverFactory() {
        Component component;
        try {
            component = context.getComponent(SERVER_COMPONENT, true);
        } catch (RuntimeException e) {
            component = null;
        }
        if (component instanceof RestConsumerFactory factory) {
            return factory;
        }
        throw new IllegalStateException("Option callbackBaseUrl asks crun.ai to call back, and that needs an HTTP"
                + " server in the Camel context: add camel-platform-http-main (Camel Main, and set"
                + " camel.server.enabled=true) or camel-platform-http-starter (Spring Boot), or leave callbackBaseUrl"
                + " unset to poll instead");
    }
}
