package org.cetdialogue.tracker.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.cetdialogue.tracker.support.SharedTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's page and assets travel compressed and are kept by the browser, revalidated with their ETag; API
 * answers and streams are neither cached nor compressed into a buffer. Prints the page's weight on the wire.
 */
@SharedTracker
class StaticAssetsHttpTest {

    private static final List<String> PAGE =
            List.of("/", "/dashboard/app.css", "/dashboard/app.js", "/webjars/chart.js/dist/chart.umd.min.js");

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;

    StaticAssetsHttpTest(TrackerClient client) {
        this.base = client.baseUrl();
    }

    @Test
    void thePageAndItsAssetsAreCompressedAndRevalidatedWithTheirEtag() {
        long plainTotal = 0;
        long wireTotal = 0;
        for (String path : PAGE) {
            HttpResponse<byte[]> plain = get(path, "Accept-Encoding", "identity");
            HttpResponse<byte[]> gzip = get(path, "Accept-Encoding", "gzip");
            assertThat(plain.statusCode()).as(path).isEqualTo(200);
            assertThat(gzip.statusCode()).as(path).isEqualTo(200);
            assertThat(gzip.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            assertThat(gunzip(gzip.body())).as(path).isEqualTo(plain.body());

            String cacheControl = gzip.headers().firstValue("Cache-Control").orElse("");
            assertThat(cacheControl).as(path).contains("no-cache").doesNotContain("no-store");
            String etag = plain.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + path));
            HttpResponse<byte[]> again = get(path, "If-None-Match", etag, "Accept-Encoding", "identity");
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).as(path).isEmpty();

            plainTotal += plain.body().length;
            wireTotal += gzip.body().length;
            System.out.printf(
                    "page weight: %-45s %8d bytes, %8d gzip%n", path, plain.body().length, gzip.body().length);
        }
        System.out.printf(
                "page weight: total %d bytes, %d on the wire with gzip, 0 on a revisit (304s)%n",
                plainTotal, wireTotal);
        HttpResponse<byte[]> chart = get(PAGE.get(3), "Accept-Encoding", "gzip");
        assertThat(chart.body().length).isLessThan(100_000);
    }

    @Test
    void apiAnswersAreNeverStoredNorGivenAnEtagAndStreamsAreNotCompressed() {
        HttpResponse<byte[]> areas = get("/api/areas", "Authorization", basic("viewer", "viewer-demo"));
        assertThat(areas.statusCode()).isEqualTo(200);
        assertThat(areas.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(areas.headers().firstValue("ETag")).isEmpty();

        HttpResponse<byte[]> session = get("/api/session", "Authorization", basic("viewer", "viewer-demo"));
        assertThat(session.headers().firstValue("Cache-Control").orElse("")).contains("no-store");

        try {
            HttpResponse<java.io.InputStream> stream = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/stream/areas"))
                            .header("Authorization", basic("viewer", "viewer-demo"))
                            .header("Accept-Encoding", "gzip")
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (var body = stream.body()) {
                assertThat(stream.statusCode()).isEqualTo(200);
                assertThat(stream.headers().firstValue("Content-Encoding")).isEmpty();
                assertThat(stream.headers().firstValue("Cache-Control").orElse(""))
                        .contains("no-store");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<byte[]> get(String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
