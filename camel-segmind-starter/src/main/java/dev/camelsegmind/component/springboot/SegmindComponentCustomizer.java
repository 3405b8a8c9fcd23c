package dev.camelsegmind.component.springboot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.camelsegmind.component.SegmindComponent;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.context.ApplicationContext;
import org.springframework.util.unit.DataSize;

/**
 * Applies the {@code camel.component.segmind.*} properties an application actually set to the component. Unset
 * options are left alone rather than copied with their default, so a component configured in code (or by Camel's
 * generic property binding) is not reset by values nobody wrote.
 */
class SegmindComponentCustomizer implements ComponentCustomizer {

    static final String PREFIX = "camel.component.segmind";
    // options of the auto-configuration itself, not of the component
    private static final Set<String> OWN_OPTIONS = Set.of("class", "enabled", "customizer");

    private final ApplicationContext applicationContext;
    private final SegmindComponentConfiguration configuration;

    SegmindComponentCustomizer(ApplicationContext applicationContext, SegmindComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    @Override
    public boolean isEnabled(String name, Component target) {
        return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                PREFIX + ".customizer") && target instanceof SegmindComponent;
    }

    @Override
    public void configure(String name, Component target) {
        // the configurer exists once the component is initialised
        ServiceHelper.initService(target);
        PropertyConfigurer configurer = target.getComponentPropertyConfigurer();
        configuredOptions().forEach((option, value) -> {
            Object bound = asCamelValue(value, configurer, option);
            boolean hit = PropertyBindingSupport.build().withConfigurer(configurer).withIgnoreCase(true)
                    .bind(target.getCamelContext(), target, option, bound);
            if (!hit) {
                // a property the application wrote that reaches nothing would be a silent misconfiguration
                throw new IllegalArgumentException("Cannot apply " + PREFIX + "." + dashed(option)
                                                   + " to the segmind component: it has no such option");
            }
        });
    }

    /** The options set in the environment, by component option name, with their bound values. */
    Map<String, Object> configuredOptions() {
        BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(configuration);
        Map<String, Object> options = new LinkedHashMap<>();
        for (var descriptor : bean.getPropertyDescriptors()) {
            String option = descriptor.getName();
            if (OWN_OPTIONS.contains(option) || descriptor.getReadMethod() == null) {
                continue;
            }
            Object value = bean.getPropertyValue(option);
            if (value != null && isSet(option)) {
                options.put(option, value);
            }
        }
        return options;
    }

    private boolean isSet(String option) {
        ConfigurationPropertyName key = ConfigurationPropertyName.of(PREFIX + "." + dashed(option));
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(applicationContext.getEnvironment())) {
            if (source.getConfigurationProperty(key) != null
                    || source.containsDescendantOf(key) == ConfigurationPropertyState.PRESENT) {
                return true;
            }
        }
        return false;
    }

    private static Object asCamelValue(Object value, PropertyConfigurer configurer, String option) {
        if (value instanceof Duration d) {
            return d.toMillis();
        }
        if (value instanceof DataSize s) {
            return s.toBytes();
        }
        if (value instanceof Map<?, ?> m) {
            return new LinkedHashMap<>(m);
        }
        if (value instanceof String s && isBeanOption(configurer, option)) {
            // a bean option (a StateRepository, SSLContextParameters) is given as the bean's name
            return s.startsWith("#") ? s : "#bean:" + s;
        }
        return value;
    }

    private static boolean isBeanOption(PropertyConfigurer configurer, String option) {
        if (configurer instanceof PropertyConfigurerGetter getter) {
            Class<?> type = getter.getOptionType(option, true);
            return type != null && !type.isPrimitive() && !type.isEnum() && type != String.class
                    && !Number.class.isAssignableFrom(type) && type != Boolean.class && !Map.class.isAssignableFrom(type);
        }
        return false;
    }

    static String dashed(String option) {
        return option.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }
}
