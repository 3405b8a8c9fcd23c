package dev.camelsegmind.component;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.camelsegmind.component.engine.CallPhase;
import dev.camelsegmind.component.provider.segmind.SegmindErrors;
import dev.camelsegmind.component.error.SegmindAuthenticationException;
import dev.camelsegmind.component.error.SegmindException;
import dev.camelsegmind.component.error.SegmindJobFailedException;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key is a secret: full jobs run at TRACE with a recognisable key, and the key must not show in any log line,
 * exception message (causes included), route dump, endpoint URI or toString, or JMX attribute.
 */
class SecretHygieneTest extends SegmindTestSupport {

    /** The hex part alone, so a key cut or re-prefixed would still be caught. */
    private static final String SECRET = KEY.substring(3);
    private static final String WRONG_KEY = "SG_fedcba9876543210";

    @Override
    public void configureTest(TestExecutionConfiguration config) {
        super.configureTest(config);
        config.withJMX(true);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").routeId("generate").to("segmind:wan2.7-image-pro");
                from("direct:submit").routeId("submit").to("segmind:wan2.7-i2v?operation=submit");
                from("direct:await").routeId("await").to("segmind:wan2.7-i2v?operation=await");
                from("direct:sync").routeId("sync").to("segmind:wan2.7-image-pro?operation=sync");
                // a second component with another key, as an application with two Segmind accounts would have
                from("direct:wrongKey").routeId("wrongKey").to("segmindOther:wan2.7-image-pro");
            }
        };
    }

    @Override
    protected org.apache.camel.CamelContext createCamelContext() throws Exception {
        org.apache.camel.CamelContext ctx = super.createCamelContext();
        SegmindComponent other = new SegmindComponent();
        configure(other.getConfiguration());
        other.getConfiguration().setApiKey(WRONG_KEY);
        ctx.addComponent("segmindOther", other);
        return ctx;
    }

    @Test
    void theKeyShowsNowhereAfterFullJobsAtTrace() throws Exception {
        List<Exchange> exchanges = new ArrayList<>();
        String logs;
        try (LogCapture log = LogCapture.of(Level.TRACE, "")) {
            exchanges.add(template.request("direct:generate", e -> e.getMessage().setBody("a fox at dawn")));
            Exchange submitted = template.request("direct:submit", e -> e.getMessage().setBody("a river"));
            exchanges.add(submitted);
            exchanges.add(template.request("direct:await", e -> e.getMessage().setHeader(SegmindConstants.REQUEST_ID,
                    submitted.getMessage().getHeader(SegmindConstants.REQUEST_ID))));
            exchanges.add(template.request("direct:sync", e -> e.getMessage().setBody("a quick sketch")));
            exchanges.add(template.request("direct:generate", e -> e.getMessage().setBody("doomed [sim:fail]")));
            exchanges.add(template.request("direct:wrongKey", e -> e.getMessage().setBody("who am I")));
            logs = log.text();
        }
        assertThat(exchanges.get(0).getException()).isNull();
        assertThat(exchanges.get(2).getException()).isNull();
        assertThat(exchanges.get(3).getException()).isNull();
        assertThat(exchanges.get(4).getException()).isInstanceOf(SegmindJobFailedException.class);
        assertThat(exchanges.get(5).getException()).isInstanceOf(SegmindAuthenticationException.class);

        assertThat(logs).as("TRACE output was captured").contains("wan2.7-image-pro").contains("DEBUG");
        assertNoSecret("captured logs", logs);

        for (Exchange e : exchanges) {
            for (Throwable t = e.getException(); t != null; t = t.getCause()) {
                assertNoSecret("exception " + t.getClass().getSimpleName(), t.getMessage());
                assertNoSecret("exception " + t.getClass().getSimpleName(), t.toString());
            }
        }

        for (RouteDefinition def : ((ModelCamelContext) context).getRouteDefinitions()) {
            String xml = PluginHelper.getModelToXMLDumper(context).dumpModelAsXml(context, def);
            assertThat(xml).contains("segmind");
            assertNoSecret("route dump of " + def.getRouteId(), xml);
        }
        for (Route route : context.getRoutes()) {
            assertNoSecret("route " + route.getRouteId(), route.toString());
            assertNoSecret("route endpoint", route.getEndpoint().toString());
        }
        for (Endpoint endpoint : context.getEndpoints()) {
            assertNoSecret("endpoint URI as registered", endpoint.getEndpointUri());
            assertNoSecret("endpoint toString", endpoint.toString());
            if (endpoint instanceof SegmindEndpoint se) {
                assertNoSecret("configuration toString", se.getConfiguration().toString());
                assertNoSecret("producer toString", se.createProducer().toString());
            }
        }
        context.getEndpointRegistry().keySet()
                .forEach(k -> assertNoSecret("endpoint registry key", String.valueOf(k)));
        context.getRoutes().forEach(r -> assertNoSecret("route status", String.valueOf(context.getRouteController().getRouteStatus(r.getRouteId()))));

        int read = assertNoSecretInJmx();
        assertThat(read).as("JMX attributes read").isGreaterThan(100);
    }

    @Test
    void aKeyWrittenInTheUriIsMaskedEverywhereCamelShowsIt() throws Exception {
        // Endpoint.getEndpointUri() and the registry key hold a URI as written: that is why the key belongs on the
        // component (camel.component.segmind.api-key). Everything that displays the endpoint masks it.
        try (LogCapture log = LogCapture.of(Level.TRACE, "")) {
            Endpoint endpoint = context.getEndpoint("segmind:wan2.7-image-pro?apiKey=RAW(" + KEY + ")");
            assertNoSecret("endpoint toString", endpoint.toString());
            assertNoSecret("producer toString", endpoint.createProducer().toString());
            assertNoSecret("configuration toString", ((SegmindEndpoint) endpoint).getConfiguration().toString());
            Exchange out = template.request(endpoint, e -> e.getMessage().setBody("key in the uri"));
            assertThat(out.getException()).isNull();
            // Camel's own TRACE lines print a URI as written (AbstractCamelContext, DefaultComponent): another
            // reason to keep the key out of URIs. The component's lines must never show it.
            String ours = String.join("", log.lines().stream().filter(l -> !l.contains(" org.apache.camel.")).toList());
            assertNoSecret("captured logs outside Camel core", ours);
        }
        assertNoSecretInJmx();
    }

    @Test
    void aRefusedHeaderValueQuotedByTheJdkNeverReachesTheMessage() {
        // the JDK's HttpRequest.Builder quotes a refused header value in its message; nothing was sent either
        SegmindException e = SegmindErrors.fromTransport(CallPhase.SUBMIT,
                new IllegalArgumentException("invalid header value: \"" + KEY + "\r\n\""), null, "wan2.7-i2v");
        assertThat(e).isNotInstanceOf(dev.camelsegmind.component.error.SegmindSubmitUncertainException.class);
        assertThat(e.getCause()).isNull();
        assertNoSecret("exception", e.getMessage());
    }

    private int assertNoSecretInJmx() throws Exception {
        MBeanServer server = context.getManagementStrategy().getManagementAgent() != null
                ? context.getManagementStrategy().getManagementAgent().getMBeanServer()
                : ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:context=" + context.getManagementName()
                                                                 + ",*"), null);
        assertThat(names).as("Camel MBeans").isNotEmpty();
        int read = 0;
        for (ObjectName name : names) {
            assertNoSecret("MBean name", name.toString());
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                if (!attribute.isReadable()) {
                    continue;
                }
                Object value;
                try {
                    value = server.getAttribute(name, attribute.getName());
                } catch (Exception | LinkageError e) {
                    continue;
                }
                read++;
                assertNoSecret("JMX " + name + " " + attribute.getName(), String.valueOf(value));
            }
        }
        return read;
    }

    private static void assertNoSecret(String where, String text) {
        if (text == null) {
            return;
        }
        assertThat(text).as(where).doesNotContain(SECRET).doesNotContain(WRONG_KEY.substring(3));
    }
}
