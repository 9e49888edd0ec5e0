package vn.portal.webhook;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import vn.portal.common.config.PortalConfig;
import vn.portal.common.time.PortalClock;

/**
 * POSTs one attempt of a delivery, signed as the Standard Webhooks specification says, and tells
 * what came of it. Redirects are never followed (a 3xx is a failure); the target is checked again
 * before each attempt, since what its name resolves to can change.
 */
@ApplicationScoped
public class WebhookSender {

    static final String USER_AGENT = "congress-portal-webhooks/1";

    /** What one attempt came to: the status answered (null when none was), the error, how long it took. */
    record Outcome(Integer status, String error, long durationMs, Duration retryAfter) {

        boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }

        boolean gone() {
            return status != null && status == 410;
        }
    }

    /** What an attempt sends: the delivery's fixed parts and the webhook's target and keys at this moment. */
    record Due(long deliveryId, long webhookId, String messageId, String eventType, String payload, String url,
            String secret, String previousSecret) {
    }

    @Inject
    PortalConfig config;

    @Inject
    PortalClock clock;

    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "webhook-http");
        thread.setDaemon(true);
        return thread;
    });

    private volatile HttpClient client;

    private HttpClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                            .version(HttpClient.Version.HTTP_1_1).connectTimeout(config.webhooks().timeout())
                            .executor(executor).build();
                }
            }
        }
        return client;
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }

    Outcome send(Due due, Targets targets) {
        long started = System.nanoTime();
        URI uri;
        try {
            uri = targets.parse(due.url());
            targets.requirePublic(uri);
        } catch (Targets.Refused refused) {
            return new Outcome(null, "not sent: the url " + refused.getMessage(), elapsed(started), null);
        }
        byte[] body = due.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.now().getEpochSecond();
        Duration timeout = config.webhooks().timeout();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("webhook-id", due.messageId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signatures.header(due.secret(), due.previousSecret(), due.messageId(),
                        timestamp, body))
                .header("X-Portal-Event", due.eventType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
            // the answer's body is not read: only its status counts, and a receiver cannot hold the attempt open with it
            try (InputStream ignored = response.body()) {
                int status = response.statusCode();
                String error = status >= 200 && status < 300 ? null
                        : status >= 300 && status < 400 ? "HTTP " + status + " (redirects are not followed)"
                        : "HTTP " + status;
                Duration retryAfter = status == 429 || status == 503
                        ? response.headers().firstValue("Retry-After").map(this::retryAfter).orElse(null) : null;
                return new Outcome(status, error, elapsed(started), retryAfter);
            }
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "timed out after " + timeout.toSeconds() + " s", elapsed(started), null);
        } catch (ConnectException e) {
            return new Outcome(null, "could not connect" + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    elapsed(started), null);
        } catch (IOException e) {
            return new Outcome(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    elapsed(started), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted: the service is stopping", elapsed(started), null);
        }
    }

    /** Retry-After as seconds or as an HTTP date; null when it is neither. */
    private Duration retryAfter(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
