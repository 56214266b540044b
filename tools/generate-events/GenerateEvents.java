import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records generated events through the tracker's own HTTP API, for demonstrating a replay over a large history:
 * proposes {@code commitments} programs in the quantum area, then pledges USD 1.00 to them in turn until
 * {@code events} events in all were recorded. Local use only: point it at your own tracker.
 *
 * <pre>
 *   java tools/generate-events/GenerateEvents.java http://localhost:8080 100000 50
 * </pre>
 */
public class GenerateEvents {

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java GenerateEvents.java <base-url> <events> <commitments>");
            System.exit(2);
        }
        String base = args[0];
        long events = Long.parseLong(args[1]);
        int commitments = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String auth = "Basic " + Base64.getEncoder()
                .encodeToString("us-secretariat:us-secretariat-demo".getBytes(StandardCharsets.UTF_8));
        for (int c = 0; c < commitments; c++) {
            post(http, auth, base + "/api/commitments", """
                    {"commitmentId":"generated-program-%d","area":"QUANTUM","kind":"PROGRAM",
                     "titleEn":"Generated program %d","titleKo":"생성된 사업 %d",
                     "parties":[{"nameEn":"NSF","nameKo":"미국 국립과학재단","country":"US","role":"LEAD"}],
                     "announcedOn":"2024-01-10"}""".formatted(c, c, c));
        }
        long pledges = events - commitments;
        AtomicLong done = new AtomicLong();
        long started = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(commitments < 8 ? commitments : 8);
        for (int worker = 0; worker < (commitments < 8 ? commitments : 8); worker++) {
            int first = worker;
            int stride = commitments < 8 ? commitments : 8;
            workers.submit(() -> {
                long n = 0;
                while (true) {
                    long i = done.getAndIncrement();
                    if (i >= pledges) {
                        return null;
                    }
                    int c = (int) ((first + stride * n++) % commitments);
                    post(http, auth, base + "/api/commitments/generated-program-" + c + "/funding/pledges",
                            "{\"funder\":\"NSF\",\"amount\":\"1.00\",\"currency\":\"USD\",\"valueDate\":\"2024-05-01\"}");
                    if (i % 5000 == 0) {
                        System.out.printf("%d pledges, %.0f/s%n", i, i / ((System.nanoTime() - started) / 1e9));
                    }
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(2, TimeUnit.HOURS);
        System.out.printf("recorded %d events in %.0f s%n", events, (System.nanoTime() - started) / 1e9);
    }

    private static void post(HttpClient http, String auth, String url, String json) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " -> " + response.statusCode() + " " + response.body());
        }
    }
}
