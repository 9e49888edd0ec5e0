package vn.portal.infra.http;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Request durations as a Prometheus histogram with a few fixed buckets (5 ms to 10 s), so that a
 * percentile or an objective ("99 % under 250 ms") can be computed across instances; Micrometer's
 * default keeps only a count, a sum and a maximum. Few buckets, since each one is a series per
 * route, method and status. And the routes as the only {@code uri} values, whatever reached the
 * timer (see {@link #routesOnly()}).
 */
public class RequestDurations {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    private static final double[] BUCKETS_NANOS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000)
            .mapToDouble(millis -> Duration.ofMillis(millis).toNanos()).toArray();

    /**
     * A {@code uri} that is neither a route template nor Micrometer's own word for no route: a raw
     * path, which a request refused by the HTTP server before any handler ran (a path it cannot
     * decode, such as {@code %zz}) is counted under. Segments of a template are words or
     * {@code {name}}s, never an id, an escape, a dot segment or an empty one.
     */
    private static final Pattern TEMPLATE = Pattern.compile("(/(\\{[A-Za-z]+\\}|[A-Za-z][A-Za-z0-9_.-]{0,63}))+");

    private static final Set<String> MICROMETER_WORDS = Set.of("NOT_FOUND", "REDIRECTION", "root");

    /** Any other {@code uri} becomes {@value RouteTemplate#UNMATCHED}: probing paths cannot multiply the series. */
    @Produces
    @Singleton
    MeterFilter routesOnly() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String uri = id.getTag("uri");
                if (!HTTP_SERVER_REQUESTS.equals(id.getName()) || uri == null || MICROMETER_WORDS.contains(uri)
                        || RouteTemplate.UNMATCHED.equals(uri) || TEMPLATE.matcher(uri).matches()) {
                    return id;
                }
                List<Tag> tags = new ArrayList<>();
                id.getTagsAsIterable().forEach(tag -> tags.add("uri".equals(tag.getKey())
                        ? Tag.of("uri", RouteTemplate.UNMATCHED) : tag));
                return id.replaceTags(tags);
            }
        };
    }

    @Produces
    @Singleton
    MeterFilter requestDurationBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(BUCKETS_NANOS).build().merge(config);
            }
        };
    }
}
