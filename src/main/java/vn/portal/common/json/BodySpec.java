package vn.portal.common.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.FieldError;
import vn.portal.common.problem.ProblemException;

/**
 * The fields a resource's create and merge-patch bodies may carry: names, types, limits, which
 * are required and which are read-only. One declaration serves both the parser and the OpenAPI
 * schema, so the contract and the checks cannot drift apart.
 *
 * <p>A spec is bound to the request records the services take: {@code C} for a create body, a
 * record of plain values (a field not sent is null), and {@code P} for a merge patch, a record of
 * {@link Patch}es (absent, or sent with a value or null). Their components are named and typed
 * like the spec's fields; the binding is checked once, when the spec is declared, so a record that
 * drifts from its spec fails at start-up rather than on the request that would show it.
 *
 * @param <C> the create record, {@link Void} when the body has no create form
 * @param <P> the patch record, {@link Void} when the body has no patch form
 */
public final class BodySpec<C, P> {

    /**
     * YYYY-MM-DD with exactly four year digits: {@code uuuu} would also take {@code +999999999-12-31}
     * and {@code -999999999-01-01}, which the database does not keep as sent.
     */
    public static final DateTimeFormatter DATE = new DateTimeFormatterBuilder().appendValue(ChronoField.YEAR, 4)
            .appendLiteral('-').appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2).toFormatter().withResolverStyle(ResolverStyle.STRICT);
    /** An instant in ISO 8601 with its offset and, like every date, a four-digit year; one without an offset is refused. */
    public static final DateTimeFormatter INSTANT = new DateTimeFormatterBuilder().append(DATE)
            .appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME).appendOffsetId().toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final int MAX_IDS = 1000;

    public enum Type {
        TEXT, ENUM, ENUM_LIST, YEAR, INTEGER, DATE, INSTANT, BOOLEAN, ID, ID_LIST, EMAIL
    }

    private final String name;
    private final Map<String, Field> fields;
    private final Set<String> readOnly;
    private final Binder<C> create;
    private final Binder<P> patch;
    private final String createSchema;
    private final String patchSchema;

    private BodySpec(Builder builder, Class<C> createType, String createSchema, Class<P> patchType,
            String patchSchema) {
        this.name = builder.name;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(builder.fields));
        this.readOnly = Collections.unmodifiableSet(new LinkedHashSet<>(builder.readOnly));
        this.create = createType == null ? null : Binder.of(createType, fields, false);
        this.patch = patchType == null ? null : Binder.of(patchType, fields, true);
        this.createSchema = createSchema;
        this.patchSchema = patchSchema;
    }

    /** @param name the resource's name: its schemas are {@code <name>Create} and {@code <name>Patch} unless named. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** The fields of a body, before it is bound to its request records. */
    public static final class Builder {
        private final String name;
        private final Map<String, Field> fields = new LinkedHashMap<>();
        private final Set<String> readOnly = new LinkedHashSet<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder field(Field field) {
            fields.put(field.name, field);
            return this;
        }

        public Builder readOnly(String... names) {
            readOnly.addAll(Arrays.asList(names));
            return this;
        }

        /** A body with both forms: created as {@code C}, changed by a merge patch {@code P}. */
        public <C extends Record, P extends Record> BodySpec<C, P> binding(Class<C> createType, Class<P> patchType) {
            return new BodySpec<>(this, createType, name + "Create", patchType, name + "Patch");
        }

        /** A body with a create form only, documented as {@code schema} (an action's body, a new comment). */
        public <C extends Record> BodySpec<C, Void> creating(Class<C> createType, String schema) {
            return new BodySpec<>(this, createType, schema, null, null);
        }

        /** A body with a merge-patch form only, documented as {@code schema}. */
        public <P extends Record> BodySpec<Void, P> patching(Class<P> patchType, String schema) {
            return new BodySpec<>(this, null, null, patchType, schema);
        }
    }

    public String name() {
        return name;
    }

    public Map<String, Field> fields() {
        return fields;
    }

    public Set<String> readOnlyFields() {
        return readOnly;
    }

    /** The schema the create form is documented as, when there is one. */
    public Optional<String> createSchema() {
        return Optional.ofNullable(createSchema);
    }

    /** The schema the merge-patch form is documented as, when there is one. */
    public Optional<String> patchSchema() {
        return Optional.ofNullable(patchSchema);
    }

    public C parseCreate(JsonNode json) {
        if (create == null) {
            throw new IllegalStateException(name + " has no create form");
        }
        return create.bind(parse(json, true));
    }

    public P parsePatch(JsonNode json) {
        if (patch == null) {
            throw new IllegalStateException(name + " has no merge-patch form");
        }
        return patch.bind(parse(json, false));
    }

    /**
     * A create request as the merge patch that applies it to a new object: every field that was
     * sent, under the same name; one not sent (null) leaves the new object's default alone.
     */
    public static <P extends Record> P asPatch(Record request, Class<P> patchType) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : request.getClass().getRecordComponents()) {
            Object value = Binder.read(component, request);
            if (value != null) {
                values.put(component.getName(), value);
            }
        }
        return Binder.ofPatch(patchType).bind(values);
    }

    private Map<String, Object> parse(JsonNode json, boolean create) {
        if (json == null || !json.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        List<FieldError> readOnlyErrors = new ArrayList<>();
        List<FieldError> unknownErrors = new ArrayList<>();
        for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
            String field = names.next();
            if (readOnly.contains(field)) {
                readOnlyErrors.add(new FieldError(field, "is read-only: the service sets it"));
            } else if (!fields.containsKey(field)) {
                unknownErrors.add(new FieldError(field, "is not a field of " + name));
            }
        }
        if (!readOnlyErrors.isEmpty()) {
            throw new ProblemException(ErrorCode.READ_ONLY_FIELD, describe(readOnlyErrors, "read-only"), readOnlyErrors);
        }
        if (!unknownErrors.isEmpty()) {
            throw new ProblemException(ErrorCode.UNKNOWN_FIELD, describe(unknownErrors, "unknown"), unknownErrors);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (Field field : fields.values()) {
            JsonNode value = json.get(field.name);
            if (value == null) {
                if (create && field.required) {
                    errors.add(new FieldError(field.name, "is required"));
                }
            } else if (value.isNull()) {
                if (field.required || field.defaulted) {
                    errors.add(new FieldError(field.name, "is required and cannot be null"));
                } else {
                    values.put(field.name, null);
                }
            } else {
                field.convert(value, errors).ifPresent(v -> values.put(field.name, v.value));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return values;
    }

    private static String describe(List<FieldError> errors, String what) {
        return "The body has " + what + " field" + (errors.size() == 1 ? " " : "s ")
                + errors.stream().map(FieldError::field).collect(Collectors.joining(", ")) + ".";
    }

    /**
     * Makes a request record from the values a body was parsed into: a plain component takes the
     * value (null when not sent), a {@link Patch} component tells absent from sent.
     */
    private static final class Binder<R> {

        private static final Map<Class<?>, Binder<?>> PATCHES = new ConcurrentHashMap<>();

        private final Constructor<R> constructor;
        private final RecordComponent[] components;
        private final boolean patch;

        private Binder(Class<R> type, boolean patch) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + " is not a record");
            }
            this.components = type.getRecordComponents();
            this.patch = patch;
            try {
                this.constructor = type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                this.constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
            }
        }

        /** Checks that the record's components are exactly the spec's fields, each of the field's type. */
        static <R> Binder<R> of(Class<R> type, Map<String, Field> fields, boolean patch) {
            Binder<R> binder = new Binder<>(type, patch);
            Set<String> names = new LinkedHashSet<>();
            for (RecordComponent component : binder.components) {
                names.add(component.getName());
                Field field = fields.get(component.getName());
                if (field == null) {
                    throw new IllegalStateException(type.getName() + "." + component.getName() + " is no field of its spec");
                }
                java.lang.reflect.Type declared = component.getGenericType();
                if (patch) {
                    if (component.getType() != Patch.class || !(declared instanceof ParameterizedType parameterized)) {
                        throw new IllegalStateException(type.getName() + "." + component.getName() + " must be a Patch<…>");
                    }
                    declared = parameterized.getActualTypeArguments()[0];
                }
                Class<?> raw = declared instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                        : (Class<?>) declared;
                if (raw != field.javaType() || (raw == List.class && !(declared instanceof ParameterizedType list
                        && list.getActualTypeArguments()[0] == field.elementType()))) {
                    throw new IllegalStateException(type.getName() + "." + component.getName() + " must be of type "
                            + field.javaType().getName() + " as its field is " + field.type);
                }
            }
            if (!names.equals(fields.keySet())) {
                Set<String> missing = new LinkedHashSet<>(fields.keySet());
                missing.removeAll(names);
                throw new IllegalStateException(type.getName() + " lacks the fields " + missing);
            }
            return binder;
        }

        @SuppressWarnings("unchecked")
        static <P> Binder<P> ofPatch(Class<P> type) {
            return (Binder<P>) PATCHES.computeIfAbsent(type, t -> new Binder<>(t, true));
        }

        static Object read(RecordComponent component, Record record) {
            try {
                return component.getAccessor().invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
        }

        R bind(Map<String, Object> values) {
            Object[] arguments = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                String field = components[i].getName();
                Object value = values.get(field);
                arguments[i] = !patch ? value : values.containsKey(field) ? Patch.of(field, value) : Patch.absent(field);
            }
            try {
                return constructor.newInstance(arguments);
            } catch (InstantiationException | IllegalAccessException e) {
                throw new IllegalStateException("cannot make a " + constructor.getDeclaringClass().getName(), e);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException rule) {
                    throw rule;
                }
                throw new IllegalStateException("cannot make a " + constructor.getDeclaringClass().getName(), e);
            }
        }
    }

    /** Where a converted value is boxed, so that an accepted null stays distinguishable. */
    private record Converted(Object value) {
    }

    /** One field of a body. Text is trimmed and counted in Unicode code points. */
    public static final class Field {
        final String name;
        final Type type;
        boolean required;
        boolean defaulted;
        boolean multiline;
        int minLength;
        int maxLength = 300;
        boolean writeOnly;
        int maxUtf8Bytes = Integer.MAX_VALUE;
        Pattern pattern;
        String patternMessage;
        Class<? extends Enum<?>> enumType;
        /** The words a list of words may hold, where they are not an enum's names (event types). */
        List<String> words;
        int min;
        int max;
        Object example;
        String description;

        private Field(String name, Type type) {
            this.name = name;
            this.type = type;
        }

        /** A single-line text, at most 300 characters unless {@link #max(int)} says otherwise. */
        public static Field text(String name) {
            return new Field(name, Type.TEXT);
        }

        /** A text that may span lines (tabs and line breaks allowed). */
        public static Field longText(String name, int maxLength) {
            Field field = new Field(name, Type.TEXT);
            field.multiline = true;
            field.maxLength = maxLength;
            return field;
        }

        public static Field enumOf(String name, Class<? extends Enum<?>> type) {
            Field field = new Field(name, Type.ENUM);
            field.enumType = type;
            return field;
        }

        /** An array of distinct enum constants, such as a user's roles. */
        public static Field enumsOf(String name, Class<? extends Enum<?>> type) {
            Field field = new Field(name, Type.ENUM_LIST);
            field.enumType = type;
            return field;
        }

        /** An array of distinct words from a fixed list, taken as strings (a webhook's event types). */
        public static Field wordsOf(String name, List<String> allowed) {
            Field field = new Field(name, Type.ENUM_LIST);
            field.words = List.copyOf(allowed);
            return field;
        }

        public static Field year(String name) {
            Field field = new Field(name, Type.YEAR);
            field.min = 1900;
            field.max = 2999;
            return field;
        }

        /** A whole number from {@code min} to {@code max}. */
        public static Field integer(String name, int min, int max) {
            Field field = new Field(name, Type.INTEGER);
            field.min = min;
            field.max = max;
            return field;
        }

        public static Field date(String name) {
            return new Field(name, Type.DATE);
        }

        /** An instant with its offset, kept to the millisecond. */
        public static Field instant(String name) {
            return new Field(name, Type.INSTANT);
        }

        public static Field bool(String name) {
            return new Field(name, Type.BOOLEAN);
        }

        public static Field id(String name) {
            return new Field(name, Type.ID);
        }

        public static Field ids(String name) {
            return new Field(name, Type.ID_LIST);
        }

        public static Field email(String name) {
            Field field = new Field(name, Type.EMAIL);
            field.maxLength = 254;
            return field;
        }

        public Field required() {
            this.required = true;
            return this;
        }

        /** May be left out (the service supplies a default) but never set to null. */
        public Field defaulted() {
            this.defaulted = true;
            return this;
        }

        public boolean isNullable() {
            return !required && !defaulted;
        }

        public Field min(int minLength) {
            this.minLength = minLength;
            return this;
        }

        /** Taken on writes and never shown (a password). */
        public Field writeOnly() {
            this.writeOnly = true;
            return this;
        }

        public boolean isWriteOnly() {
            return writeOnly;
        }

        public int minLength() {
            return minLength;
        }

        public Field max(int maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        /** A limit on the text's size in UTF-8, besides its length in characters. */
        public Field maxUtf8Bytes(int bytes) {
            this.maxUtf8Bytes = bytes;
            return this;
        }

        public Field pattern(String regex, String message) {
            this.pattern = Pattern.compile(regex);
            this.patternMessage = message;
            return this;
        }

        public Field example(Object example) {
            this.example = example;
            return this;
        }

        public Field description(String description) {
            this.description = description;
            return this;
        }

        public String name() {
            return name;
        }

        public Type type() {
            return type;
        }

        /** What a list field holds: the enum of an enum list, ids for an id list. */
        Class<?> elementType() {
            if (type == Type.ENUM_LIST) {
                return words != null ? String.class : enumType;
            }
            return type == Type.ID_LIST ? Long.class : null;
        }

        /** The Java type a request record's component of this field has. */
        Class<?> javaType() {
            return switch (type) {
                case TEXT, EMAIL -> String.class;
                case ENUM -> enumType;
                case ENUM_LIST, ID_LIST -> List.class;
                case YEAR, INTEGER -> Integer.class;
                case DATE -> LocalDate.class;
                case INSTANT -> Instant.class;
                case BOOLEAN -> Boolean.class;
                case ID -> Long.class;
            };
        }

        public boolean isRequired() {
            return required;
        }

        public int maxLength() {
            return maxLength;
        }

        public Pattern pattern() {
            return pattern;
        }

        public List<String> enumValues() {
            if (words != null) {
                return words;
            }
            return enumType == null ? List.of()
                    : Arrays.stream(enumType.getEnumConstants()).map(Enum::name).toList();
        }

        public int min() {
            return min;
        }

        public int max() {
            return max;
        }

        public Object example() {
            return example;
        }

        public String description() {
            return description;
        }

        private java.util.Optional<Converted> convert(JsonNode value, List<FieldError> errors) {
            int before = errors.size();
            Object result = switch (type) {
                case TEXT -> text(name, value, errors);
                case EMAIL -> email(value, errors);
                case ENUM -> enumConstant(name, value, errors);
                case ENUM_LIST -> enumList(value, errors);
                case YEAR -> year(value, errors);
                case INTEGER -> integer(value, errors);
                case DATE -> date(name, value, errors);
                case INSTANT -> instant(value, errors);
                case BOOLEAN -> {
                    if (!value.isBoolean()) {
                        errors.add(new FieldError(name, "must be true or false"));
                    }
                    yield value.asBoolean();
                }
                case ID -> id(name, value, errors);
                case ID_LIST -> idList(value, errors);
            };
            return errors.size() == before ? java.util.Optional.of(new Converted(result)) : java.util.Optional.empty();
        }

        private String text(String path, JsonNode value, List<FieldError> errors) {
            if (!value.isTextual()) {
                errors.add(new FieldError(path, "must be a string"));
                return null;
            }
            // a secret is taken exactly as sent: trimming a password would change it
            String text = writeOnly ? value.textValue() : value.textValue().strip();
            String problem = textProblem(text);
            if (problem != null) {
                errors.add(new FieldError(path, problem));
            } else if (required && text.isEmpty()) {
                errors.add(new FieldError(path, "must not be blank"));
            } else if (text.codePointCount(0, text.length()) < minLength) {
                errors.add(new FieldError(path, "must be at least " + minLength + " characters"));
            } else if (text.codePointCount(0, text.length()) > maxLength) {
                errors.add(new FieldError(path, "must be at most " + maxLength + " characters"));
            } else if (maxUtf8Bytes != Integer.MAX_VALUE
                    && text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > maxUtf8Bytes) {
                errors.add(new FieldError(path, "must be at most " + maxUtf8Bytes + " bytes of UTF-8"));
            } else if (pattern != null && !pattern.matcher(text).matches()) {
                errors.add(new FieldError(path, patternMessage));
            }
            return text;
        }

        /** Control characters and lone surrogates are refused: they would not come back as sent. */
        private String textProblem(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isSurrogate(c)) {
                    boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1));
                    if (!paired) {
                        return "must not contain unpaired surrogate characters";
                    }
                    i++;
                } else if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                    return multiline ? "must not contain control characters other than tab and line breaks"
                            : "must not contain control characters or line breaks";
                }
            }
            return null;
        }

        private String email(JsonNode value, List<FieldError> errors) {
            int before = errors.size();
            String text = text(name, value, errors);
            if (errors.size() == before && !EMAIL.matcher(text).matches()) {
                errors.add(new FieldError(name, "must be an email address"));
            }
            return text;
        }

        private Object enumConstant(String path, JsonNode value, List<FieldError> errors) {
            if (value.isTextual() && words != null && words.contains(value.textValue())) {
                return value.textValue();
            }
            if (value.isTextual() && enumType != null) {
                for (Enum<?> constant : enumType.getEnumConstants()) {
                    if (constant.name().equals(value.textValue())) {
                        return constant;
                    }
                }
            }
            errors.add(new FieldError(path, "must be one of " + String.join(", ", enumValues())));
            return null;
        }

        private List<Object> enumList(JsonNode value, List<FieldError> errors) {
            if (!value.isArray()) {
                errors.add(new FieldError(name, "must be an array of " + String.join(", ", enumValues())));
                return null;
            }
            List<Object> constants = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                String path = name + "[" + i + "]";
                Object constant = enumConstant(path, value.get(i), errors);
                if (constant != null && constants.contains(constant)) {
                    errors.add(new FieldError(path, "repeats " + constant));
                }
                constants.add(constant);
            }
            return constants;
        }

        private Integer year(JsonNode value, List<FieldError> errors) {
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
                errors.add(new FieldError(name, "must be a whole year from " + min + " to " + max));
                return null;
            }
            return value.intValue();
        }

        private Integer integer(JsonNode value, List<FieldError> errors) {
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
                errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
                return null;
            }
            return value.intValue();
        }

        private Instant instant(JsonNode value, List<FieldError> errors) {
            if (value.isTextual()) {
                try {
                    return OffsetDateTime.parse(value.textValue(), INSTANT).toInstant().truncatedTo(ChronoUnit.MILLIS);
                } catch (DateTimeParseException e) {
                    // reported below
                }
            }
            errors.add(new FieldError(name, "must be an instant with an offset, as 2020-02-20T08:00:00+07:00"));
            return null;
        }

        private static LocalDate date(String path, JsonNode value, List<FieldError> errors) {
            if (value.isTextual()) {
                try {
                    return LocalDate.parse(value.textValue(), DATE);
                } catch (DateTimeParseException e) {
                    // reported below
                }
            }
            errors.add(new FieldError(path, "must be a date as YYYY-MM-DD"));
            return null;
        }

        private static Long id(String path, JsonNode value, List<FieldError> errors) {
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 1) {
                errors.add(new FieldError(path, "must be a positive integer id"));
                return null;
            }
            return value.longValue();
        }

        private List<Long> idList(JsonNode value, List<FieldError> errors) {
            if (!value.isArray()) {
                errors.add(new FieldError(name, "must be an array of ids"));
                return null;
            }
            if (value.size() > MAX_IDS) {
                errors.add(new FieldError(name, "must hold at most " + MAX_IDS + " ids"));
                return null;
            }
            List<Long> ids = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < value.size(); i++) {
                String path = name + "[" + i + "]";
                Long id = id(path, value.get(i), errors);
                if (id != null && !seen.add(id)) {
                    errors.add(new FieldError(path, "repeats id " + id));
                }
                ids.add(id);
            }
            return ids;
        }
    }
}
