package dev.camelsegmind.component.provider.crun;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.ExtendedStartupListener;
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
        if (context.getStatus().isStarted()) {
            listen(factory);
            return;
        }
        // the HTTP server is one of the context's services, started with it: the receiver joins it once it is up. A
        // callback cannot come before the first task, which a route creates once it runs; one that comes before the
        // receiver listens costs its job callbackWait
        context.addStartupListener(new ExtendedStartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                // wait for the fully started callback, when every service is up
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) throws Exception {
                if (isStarted() || isStarting()) {
                    listen(factory);
                }
            }
        });
    }

    private synchronized void listen(RestConsumerFactory factory) throws Exception {
        if (consumer != null) {
            return;
        }
        // consumes is left open: crun is not documented to send a Content-Type, and a 415 would lose the callback
        Consumer created = factory.createConsumer(context, receiver, "POST", path, null, null, null,
                context.getRestConfiguration(), Map.of());
        ServiceHelper.startService(created);
        consumer = created;
        LOG.debug("Receiving crun.ai callbacks on POST {}", path);
    }

    @Override
    protected synchronized void doStop() throws Exception {
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
