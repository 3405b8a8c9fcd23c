package dev.camelsegmind.component.springboot.example;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import static dev.camelsegmind.component.dsl.SegmindEndpointBuilderFactory.segmind;

/** The routes of docs/runtime-spring-boot.md; key, URL and polling come from application.properties. */
@Component
public class GenerateRoute extends RouteBuilder {

    @Override
    public void configure() {
        // a picture from a prompt
        from("direct:gen").to("segmind:wan2.7-image-pro");
        // a five-second 1080P video from a picture, with the typed Java DSL builder
        from("direct:video").to(segmind("wan2.7-i2v").resolution("1080P").duration(5));
    }
}
