package dev.camelsegmind.component;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.camelsegmind.component.error.SegmindConnectionException;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Certificate checks stay on: a server with a self-signed certificate is refused unless the route trusts it through
 * sslContextParameters. The component never installs a trust-all manager.
 */
class SegmindTlsTest extends SegmindTestSupport {

    @TempDir
    static Path dir;

    private static HttpsServer server;
    private static Path keyStore;

    @BeforeAll
    static void startSelfSignedServer() throws Exception {
        keyStore = dir.resolve("self-signed.p12");
        String keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "sim", "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(keyStore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String base = "https://127.0.0.1:" + server.getAddress().getPort();
            byte[] body = ("{\"request_id\":\"tls-1\",\"status\":\"QUEUED\",\"status_url\":\"" + base
                           + "/v2/requests/tls-1/status\",\"response_url\":\"" + base + "/v2/requests/tls-1\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static String uri() {
        return "segmind:wan2.7-image-pro?operation=submit&maxRetries=0&baseUrl=https://127.0.0.1:"
               + server.getAddress().getPort();
    }

    @Test
    void aSelfSignedCertificateIsRefusedByDefault() {
        Exchange out = template.request(uri(), e -> e.getMessage().setBody("over tls"));
        assertThat(out.getException()).isInstanceOf(SegmindConnectionException.class);
        assertThat(out.getException().getCause()).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void sslContextParametersTrustOnlyWhatTheyName() throws Exception {
        KeyStoreParameters trust = new KeyStoreParameters();
        trust.setResource("file:" + keyStore);
        trust.setPassword("changeit");
        trust.setType("PKCS12");
        TrustManagersParameters tmp = new TrustManagersParameters();
        tmp.setKeyStore(trust);
        SSLContextParameters params = new SSLContextParameters();
        params.setTrustManagers(tmp);
        context.getRegistry().bind("trustSelfSigned", params);
        Exchange out = template.request(uri() + "&sslContextParameters=#trustSelfSigned",
                e -> e.getMessage().setBody("over tls"));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(SegmindConstants.REQUEST_ID)).isEqualTo("tls-1");
    }
}
