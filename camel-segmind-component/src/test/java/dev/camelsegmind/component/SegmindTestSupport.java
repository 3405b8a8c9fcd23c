package dev.camelsegmind.component;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.camelsegmind.component.model.SegmindMedia;
import dev.camelsegmind.simulator.SegmindSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routes under test talk to a Segmind simulator on loopback, with every simulated duration shrunk a thousandfold
 * (a 138 s video renders in 138 ms) and polling to match.
 */
public abstract class SegmindTestSupport extends CamelTestSupport {

    protected static final String KEY = "SG_0123456789abcdef";
    protected static SegmindSimulator sim;

    @BeforeAll
    static void startSimulator() {
        // an hour of retention would be 3.6 s at this factor, too short on a loaded machine; tests that need an expired
        // request id ask for one with sim.expire(id) or an expire fault
        sim = SegmindSimulator.builder().timeFactor(0.001).retention(java.time.Duration.ofDays(30)).apiKey(KEY).build()
                .start();
    }

    @AfterAll
    static void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        sim.reset();
        CamelContext context = super.createCamelContext();
        SegmindComponent component = new SegmindComponent();
        configure(component.getConfiguration());
        configureComponent(component);
        context.addComponent("segmind", component);
        return context;
    }

    protected void configure(SegmindConfiguration c) {
        c.setBaseUrl(sim.baseUrl());
        c.setUploadUrl(sim.baseUrl() + "/upload-asset");
        c.setApiKey(KEY);
        c.setPollInterval(10);
        c.setMaxPollInterval(40);
        c.setRetryDelay(10);
        c.setMaxRetryDelay(100);
        c.setTimeout(20_000);
    }

    protected void configureComponent(SegmindComponent component) {
    }

    protected static void assertPng(byte[] bytes) {
        assertThat(bytes).hasSizeGreaterThan(8);
        assertThat(Arrays.copyOf(bytes, 8)).containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
    }

    protected static void assertMp4(byte[] bytes) {
        assertThat(bytes).hasSizeGreaterThan(12);
        assertThat(new String(bytes, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    }

    protected static byte[] bodyBytes(Exchange exchange) {
        assertThat(exchange.getMessage().getBody()).isInstanceOf(SegmindMedia.class);
        return exchange.getMessage().getBody(byte[].class);
    }
}
