package dev.camelsegmind.component.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.core5.function.Callback;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the one client underneath {@link HttpTransport}: Apache HttpClient 5's non-blocking client, set up so that
 * it does nothing on its own. It follows no redirect, repeats no request, keeps no cookie, speaks HTTP/1.1 only, and
 * runs on a fixed pair of threads named {@code SegmindHttp-N}: one I/O reactor and the thread that started it.
 */
final class ClientSetup {

    /** One thread reads and writes every connection: enough for a loopback link at copy speed (measured). */
    static final int IO_THREADS = 1;
    /**
     * How often the reactor looks for a connection silent past its limit. The JDK client checked to the
     * millisecond; a tenth of a second is as good for limits of seconds, at ten wake-ups a second.
     */
    private static final TimeValue TIMEOUT_CHECK = TimeValue.ofMilliseconds(100);
    /** Read and copy in chunks this large: a 1 GiB download then costs 16,384 file writes, not 131,072. */
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** The attribute of a call's context that names its reader. */
    static final String READER = ResponseReader.class.getName();

    private ClientSetup() {
    }

    /** The settings that make two clients differ; endpoints with equal settings share one. */
    record Settings(Duration connectTimeout, String proxyHost, Integer proxyPort, SSLContext sslContext) {
    }

    /** What every call of a client starts from; each call sets its own response timeout. */
    static final RequestConfig DEFAULTS = RequestConfig.custom()
            // no "Upgrade: TLS/1.2" on plain HTTP: a gateway has nothing to do with it
            .setProtocolUpgradeEnabled(false)
            .setRedirectsEnabled(false)
            .setExpectContinueEnabled(false)
            .build();

    /**
     * @param onReactorFailure told of a failure the client's I/O loop could not hand to any call; its I/O thread
     *                         ends with it
     */
    static CloseableHttpAsyncClient start(Settings s, int maxConnections, Callback<Exception> onReactorFailure) {
        Timeout connect = Timeout.ofMilliseconds(Math.max(1, s.connectTimeout().toMillis()));
        var connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setTlsStrategy(tls(s.sslContext()))
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect).build())
                .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                        .setHandshakeTimeout(connect).build())
                .build();
        var builder = HttpAsyncClients.custom()
                .setConnectionManager(connections)
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(IO_THREADS)
                        .setSelectInterval(TIMEOUT_CHECK).setTcpNoDelay(true).build())
                .setHttp1Config(Http1Config.custom().setBufferSize(BUFFER_BYTES).build())
                .setThreadFactory(threads())
                // no wire log: at DEBUG it would print every byte sent, the API key's header among them
                .setIoSessionDecorator(session -> session)
                .setIoReactorExceptionCallback(onReactorFailure)
                .setDefaultRequestConfig(DEFAULTS)
                // a redirect would carry the key to wherever it points: no call follows one
                .disableRedirectHandling()
                // every accepted POST is billed: whether a call is repeated is the engine's decision alone
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), "segmind-give-up", ClientSetup::handOver);
        if (s.proxyHost() != null) {
            builder.setProxy(new HttpHost(s.proxyHost(), s.proxyPort() != null ? s.proxyPort() : 8080));
        }
        CloseableHttpAsyncClient client = builder.build();
        client.start();
        return client;
    }

    /**
     * Hands each call's connection to its {@link ResponseReader} just before the request goes out on it, so that
     * giving the call up can close it; a call given up while it waited for its connection is not sent at all.
     */
    private static void handOver(HttpRequest request, AsyncEntityProducer entity, AsyncExecChain.Scope scope,
                                 AsyncExecChain chain, AsyncExecCallback callback) throws HttpException, IOException {
        if (scope.clientContext.getAttribute(READER) instanceof ResponseReader<?, ?> reader
                && !reader.connected(scope.execRuntime)) {
            callback.failed(new InterruptedIOException("the call was given up before it was sent"));
            return;
        }
        chain.proceed(request, entity, scope, callback);
    }

    /**
     * The endpoint's SSL context when given, else the JVM's default one, which honours the javax.net.ssl.* system
     * properties as the JDK client did. Host names are checked either way.
     */
    private static TlsStrategy tls(SSLContext given) {
        if (given == null) {
            return DefaultClientTlsStrategy.createSystemDefault();
        }
        return new DefaultClientTlsStrategy(given, HostnameVerificationPolicy.BOTH,
                HttpsSupport.getDefaultHostnameVerifier());
    }

    private static ThreadFactory threads() {
        return r -> {
            Thread t = new Thread(r, "SegmindHttp-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
