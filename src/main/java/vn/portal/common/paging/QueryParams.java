package vn.portal.common.paging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import vn.portal.common.json.BodySpec;
import vn.portal.common.problem.FieldError;
import vn.portal.common.problem.ProblemException;

/**
 * Parses the query parameters of one list request, collecting every complaint so that the
 * caller learns of all bad parameters at once; {@link #page} throws them. Unknown parameter
 * names are refused before this runs ({@code RequestGuards}).
 */
public final class QueryParams {

    private static final int MAX_QUERY_LENGTH = 300;

    private final List<FieldError> errors = new ArrayList<>();

    public Long id(String name, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be a positive integer id"));
        return null;
    }

    public Boolean bool(String name, String raw) {
        if (raw == null) {
            return null;
        }
        if ("true".equals(raw) || "false".equals(raw)) {
            return Boolean.valueOf(raw);
        }
        errors.add(new FieldError(name, "must be true or false"));
        return null;
    }

    public <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type) {
        if (raw == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(raw)) {
                return constant;
            }
        }
        errors.add(new FieldError(name, "must be one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
        return null;
    }

    public LocalDate date(String name, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw, BodySpec.DATE);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a date as YYYY-MM-DD"));
            return null;
        }
    }

    /** An instant with its offset ({@code 2020-02-22T23:59:59+07:00}); one without is refused. */
    public Instant instant(String name, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw, BodySpec.INSTANT).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be an instant with an offset, as 2020-02-22T23:59:59+07:00"));
            return null;
        }
    }

    /** One of a fixed set of words. */
    public String word(String name, String raw, List<String> allowed) {
        if (raw == null || allowed.contains(raw)) {
            return raw;
        }
        errors.add(new FieldError(name, "must be one of " + String.join(", ", allowed)));
        return null;
    }

    /** Free text such as {@code q}: blank means absent. */
    public String text(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.codePointCount(0, raw.length()) > MAX_QUERY_LENGTH) {
            errors.add(new FieldError(name, "must be at most " + MAX_QUERY_LENGTH + " characters"));
            return null;
        }
        if (raw.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE)) {
            errors.add(new FieldError(name, "must not contain control characters or unpaired surrogates"));
            return null;
        }
        return raw;
    }

    /** A whole number from {@code min} to {@code max}, {@code fallback} when absent ({@code limit}). */
    public int number(String name, String raw, int fallback, int min, int max) {
        return integer(name, raw, fallback, min, max);
    }

    public void reject(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    /** Throws every complaint collected so far, for a request that is not a page of a list. */
    public void requireValid() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** Reads paging and sort, then throws every complaint collected so far. */
    public PageRequest page(String rawPage, String rawSize, String rawSort, SortFields sortable) {
        int page = integer("page", rawPage, 0, 0, Integer.MAX_VALUE);
        int size = integer("size", rawSize, PageRequest.DEFAULT_SIZE, 1, PageRequest.MAX_SIZE);
        String sort = null;
        if (rawSort != null) {
            String name = rawSort.startsWith("-") ? rawSort.substring(1) : rawSort;
            if (sortable.knows(name)) {
                sort = rawSort;
            } else {
                errors.add(new FieldError("sort", "must be one of " + String.join(", ", sortable.names())
                        + ", each optionally preceded by - for descending order"));
            }
        }
        requireValid();
        return new PageRequest(page, size, sortable.orderBy(sort));
    }

    private int integer(String name, String raw, int fallback, int min, int max) {
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, max == Integer.MAX_VALUE ? "must be a whole number from " + min
                : "must be a whole number from " + min + " to " + max));
        return fallback;
    }
}
