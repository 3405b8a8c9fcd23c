package dev.camelsegmind.component.springboot;

import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the {@code segmind} component from {@code camel.component.segmind.*}, the way Camel's own starters do:
 * Camel creates the component as usual (from its service file) and runs this customizer on it, so an application
 * that defines its own {@code SegmindComponent} bean keeps it and still gets the properties applied on top.
 * {@code camel.component.segmind.enabled=false} (or {@code camel.component.enabled=false}) switches it off, and
 * {@code camel.component.segmind.customizer.enabled=false} keeps the bean but skips the customizing.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, SegmindComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.segmind" })
public class SegmindComponentAutoConfiguration {

    // lazy, as in Camel's starters: the customizer is only looked up when Camel creates the component
    @Lazy
    @Bean
    public ComponentCustomizer configureSegmindComponent(ApplicationContext applicationContext,
            SegmindComponentConfiguration configuration) {
        return new SegmindComponentCustomizer(applicationContext, configuration);
    }
}
