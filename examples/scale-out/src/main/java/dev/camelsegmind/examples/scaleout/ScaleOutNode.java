package dev.camelsegmind.examples.scaleout;

import org.apache.camel.main.Main;

/**
 * One node of the scale-out cluster: a Camel Main application that takes generation requests from a Kafka topic as a
 * member of a consumer group. Start as many as you like with the same settings and different names
 * ({@code -Dscaleout.node-name=b}); they share the work, and take over each other's jobs when one stops or dies.
 * Settings: {@code application.properties}, each overridable by a system property or an environment variable.
 */
public final class ScaleOutNode {

    private ScaleOutNode() {
    }

    public static void main(String[] args) throws Exception {
        newMain().run(args);
    }

    /** The node, not yet started. */
    public static Main newMain() {
        Main main = new Main();
        main.addMainListener(new CreateTopics());
        main.configure().addRoutesBuilder(new ScaleOutRoutes());
        return main;
    }
}
