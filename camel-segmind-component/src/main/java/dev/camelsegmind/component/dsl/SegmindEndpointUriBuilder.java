package dev.camelsegmind.component.dsl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Expression;
import org.apache.camel.NoSuchEndpointException;
import org.apache.camel.util.URISupport;

/**
 * Collects the options set through the builder interfaces and turns them into a {@code segmind:model?...} URI, so an
 * endpoint made with the DSL is the same endpoint (and the same cache entry) as one written as text.
 */
final class SegmindEndpointUriBuilder
        implements SegmindEndpointBuilderFactory.SegmindEndpointBuilder,
        SegmindEndpointBuilderFactory.AdvancedSegmindEndpointBuilder {

    private static final Pattern SAFE = Pattern.compile("[\\w.~:/-]*");

    private final String scheme;
    private final String model;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    SegmindEndpointUriBuilder(String scheme, String model) {
        this.scheme = scheme;
        this.model = model;
    }

    @Override
    public void doSetProperty(String name, Object value) {
        properties.put(name, value);
    }

    @Override
    public void doSetMultiValueProperty(String name, String key, Object value) {
        // a multi-value option travels as its prefixed keys (parameters.guidance_scale=7), as in a text URI
        properties.put(key, value);
    }

    @Override
    public void doSetMultiValueProperties(String name, String prefix, Map<String, Object> values) {
        values.forEach((key, value) -> doSetMultiValueProperty(name, prefix + key, value));
    }

    @Override
    public String getRawUri() {
        return uri(null, false);
    }

    /** The URI as Camel resolves it: values with characters a URI reserves are wrapped in RAW(...). */
    public String getUri() {
        return uri(null, true);
    }

    @Override
    public Endpoint resolve(CamelContext context) throws NoSuchEndpointException {
        String uri = uri(context, true);
        Endpoint endpoint = context.getEndpoint(uri);
        if (endpoint == null) {
            throw new NoSuchEndpointException(uri);
        }
        return endpoint;
    }

    @Override
    public <T extends Endpoint> T resolve(CamelContext context, Class<T> endpointType) throws NoSuchEndpointException {
        return endpointType.cast(resolve(context));
    }

    @Override
    public Expression expr(CamelContext context) {
        // toD(...) parses the URI with the simple language, which needs it unencoded
        return context.resolveLanguage("simple").createExpression(uri(context, false));
    }

    private String uri(CamelContext context, boolean encode) {
        Map<String, String> query = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (value != null) {
                query.put(key, text(context, value, encode));
            }
        });
        String base = scheme + ":" + model;
        if (query.isEmpty()) {
            return base;
        }
        StringJoiner joined = new StringJoiner("&", base + "?", "");
        query.forEach((key, value) -> joined.add(key + "=" + (encode ? raw(value) : value)));
        return joined.toString();
    }

    /**
     * Camel decodes a URI's query before splitting it, so a percent-encoded '&amp;' in a prompt would still split the
     * option; RAW(...) is Camel's way to carry a value exactly as written.
     */
    private static String raw(String value) {
        if (SAFE.matcher(value).matches()) {
            return value;
        }
        return value.indexOf(')') < 0 ? "RAW(" + value + ")" : "RAW{" + value + "}";
    }

    private static String text(CamelContext context, Object value, boolean encode) {
        if (value instanceof String s) {
            // placeholders must be resolved before encoding hides their braces
            return context != null && encode ? context.resolvePropertyPlaceholders(s) : s;
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
            return value.toString();
        }
        // an object (TLS settings) cannot be written into a URI: bind it and refer to it by a name of its own
        String name = "segmind-dsl-" + Integer.toHexString(System.identityHashCode(value));
        if (context != null) {
            context.getRegistry().bind(name, value);
        }
        return "#" + name;
    }

    @Override
    public String toString() {
        return URISupport.sanitizeUri(getRawUri());
    }
}
