package dev.camelsegmind.component.crun;

import dev.camelsegmind.component.LogCaptureAccess;
import dev.camelsegmind.component.SegmindComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.direct.DirectComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Callbacks need an HTTP server in the context; without one the route does not start, and says what to add. */
class CrunCallbackServerTest {

    @Test
    void callbacksWithoutAnHttpServerFailAtStartSayingWhatToAdd() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            SegmindComponent segmind = new SegmindComponent();
            segmind.getConfiguration().setCrunApiKey("SG_0123456789abcdef");
            context.addComponent("segmind", segmind);
            // a component under the server's name that serves no HTTP, as when camel-platform-http is missing
            context.addComponent("platform-http", new DirectComponent());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:crun").to("segmind:wan2.7-image-pro?provider=crun"
                            + "&callbackBaseUrl=https://hooks.example.com");
                }
            });

            try (LogCaptureAccess log = LogCaptureAccess.of(Level.ERROR, "org.apache.camel")) {
                assertThatThrownBy(context::start).hasStackTraceContaining("camel-platform-http-main")
                        .hasStackTraceContaining("camel-platform-http-starter")
                        .hasStackTraceContaining("leave callbackBaseUrl unset to poll instead");
                assertThat(log.text()).contains("needs an HTTP server");
            }
        }
    }

    @Test
    void withoutCallbackBaseUrlNoServerIsNeeded() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            SegmindComponent segmind = new SegmindComponent();
            segmind.getConfiguration().setCrunApiKey("SG_0123456789abcdef");
            context.addComponent("segmind", segmind);
            context.addComponent("platform-http", new DirectComponent());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:crun").to("segmind:wan2.7-image-pro?provider=crun");
                }
            });
            context.start();
            assertThat(context.getRouteController().getRouteStatus(context.getRoutes().get(0).getRouteId())
                    .isStarted()).isTrue();
        }
    }
}
