package vn.portal.webhook;

import jakarta.annotation.PreDestroy;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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

    /** The longest Retry-After waited for; a longer one waits this long. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    /**
     * What one attempt came to: when it began, the status answered (null when none was), the error, how
     * long it took, and the wait a 429 or 503 asked for.
     */
    record Outcome(Instant startedAt, Integer status, String error, long durationMs, Duration retryAfter) {

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

    /** Refuses to start on a webhook config that cannot work: a timeout of nothing, a schedule out of order. */
    void checkConfig(@Observes StartupEvent event) {
        Duration timeout = config.webhooks().timeout();
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalStateException("portal.webhooks.timeout must be more than 0 (it is " + timeout + ")");
        }
        Duration previous = Duration.ZERO;
        for (Duration delay : config.webhooks().retryDelays()) {
            if (delay.compareTo(previous) <= 0) {
                throw new IllegalStateException("portal.webhooks.retry-delays must grow, each after the first attempt "
                        + "and after the one before: " + config.webhooks().retryDelays());
            }
            previous = delay;
        }
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }

    Outcome send(Due due, Targets targets) {
        Instant startedAt = clock.now();
        long started = System.nanoTime();
        try {
            return attempt(due, targets, startedAt, started);
        } catch (RuntimeException e) {
            // whatever the client library refuses (an address it cannot use, say) is this attempt's failure, not the pass's
            return new Outcome(startedAt, null, "not sent: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), elapsed(started), null);
        }
    }

    private Outcome attempt(Due due, Targets targets, Instant startedAt, long started) {
        URI uri;
        try {
            uri = targets.parse(due.url());
            targets.requirePublic(uri);
        } catch (Targets.Refused refused) {
            return new Outcome(startedAt, null, "not sent: the url " + refused.getMessage(), elapsed(started), null);
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
                return new Outcome(startedAt, status, error, elapsed(started), retryAfter);
            }
        } catch (HttpTimeoutException e) {
            return new Outcome(startedAt, null, "timed out after " + timeout.toSeconds() + " s", elapsed(started), null);
        } catch (ConnectException e) {
            return new Outcome(startedAt, null, "could not connect" + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    elapsed(started), null);
        } catch (IOException e) {
            return new Outcome(startedAt, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    elapsed(started), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(startedAt, null, "interrupted: the service is stopping", elapsed(started), null);
        }
    }

    /** Retry-After as seconds or as an HTTP date, at most {@link #MAX_RETRY_AFTER}; null when it is neither. */
    Duration retryAfter(String value) {
        String text = value.trim();
        Duration wait;
        if (text.matches("\\d+")) {
            wait = text.length() > 18 ? MAX_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(text));
        } else {
            try {
                wait = Duration.between(clock.now(),
                        ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
        return wait.isNegative() ? Duration.ZERO : wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
