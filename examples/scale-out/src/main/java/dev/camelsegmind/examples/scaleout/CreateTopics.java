package dev.camelsegmind.examples.scaleout;

import java.util.Map;

import dev.camelsegmind.kafka.ScaleOutTopics;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.kafka.clients.admin.Admin;

/**
 * Creates the cluster's topics when they are missing, before the pending-job store starts (it needs its topic).
 * Production clusters usually create topics ahead, with a replication factor of 3.
 */
final class CreateTopics extends MainListenerSupport {

    @Override
    public void afterConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        ScaleOutTopics topics = new ScaleOutTopics(property(context, "requests-topic"),
                property(context, "pending-topic"), property(context, "results-topic"),
                property(context, "dead-letter-topic"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", property(context, "bootstrap-servers")))) {
            topics.create(admin, Integer.parseInt(property(context, "partitions")), (short) 1);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the scale-out topics at "
                    + property(context, "bootstrap-servers") + ": " + e.getMessage(), e);
        }
    }

    private static String property(CamelContext context, String name) {
        return context.resolvePropertyPlaceholders("{{scaleout." + name + "}}");
    }
}
