package dev.camelsegmind.examples.queuepipeline;

import java.nio.file.Path;

import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter;

/**
 * An ActiveMQ Classic broker inside the application, for when no broker URL is configured. Messages are persistent
 * in a KahaDB store, and delayed messages in the broker's scheduler store, both under the data directory: a pending
 * job outlives the process.
 */
public final class EmbeddedBroker implements AutoCloseable {

    static final String NAME = "segmind-pipeline";
    private static final long STORE_LIMIT = 2L * 1024 * 1024 * 1024;

    private final BrokerService broker;

    private EmbeddedBroker(BrokerService broker) {
        this.broker = broker;
    }

    /** Starts the broker; {@code connector} (for example tcp://127.0.0.1:61616) lets other processes in, or null. */
    public static EmbeddedBroker start(Path dataDir, String connector) throws Exception {
        BrokerService broker = new BrokerService();
        broker.setBrokerName(NAME);
        broker.setDataDirectoryFile(dataDir.toFile());
        KahaDBPersistenceAdapter store = new KahaDBPersistenceAdapter();
        store.setDirectory(dataDir.resolve("kahadb").toFile());
        broker.setPersistenceAdapter(store);
        // the collect route re-reads a running job's status later by sending its id with AMQ_SCHEDULED_DELAY
        broker.setSchedulerSupport(true);
        broker.setSchedulerDirectoryFile(dataDir.resolve("scheduler").toFile());
        // ActiveMQ's defaults (100 GB store, 50 GB temp) exceed many disks and make it warn on every start
        broker.getSystemUsage().getStoreUsage().setLimit(STORE_LIMIT);
        broker.getSystemUsage().getTempUsage().setLimit(STORE_LIMIT / 2);
        broker.setUseJmx(false);
        broker.setUseShutdownHook(false);
        broker.setAdvisorySupport(false);
        if (connector != null) {
            broker.addConnector(connector);
        }
        broker.start();
        broker.waitUntilStarted();
        return new EmbeddedBroker(broker);
    }

    /** The in-JVM transport to this broker; it never starts a broker of its own. */
    public String url() {
        return "vm://" + NAME + "?create=false";
    }

    @Override
    public void close() throws Exception {
        broker.stop();
        broker.waitUntilStopped();
    }
}
