package vn.portal.common.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import vn.portal.common.web.JacksonConfig;

/**
 * The columns of a list item (a view record), named as its JSON fields, and the RFC 4180 rows that
 * carry them. A nested record becomes {@code parent.child} columns; a list of plain values (ids,
 * roles) is one cell joined with {@code "; "}; anything else, such as a list of objects, is one
 * cell holding its JSON. Values read as in JSON: instants in UTC with milliseconds, dates
 * {@code YYYY-MM-DD}, enums by name, null an empty cell.
 */
public final class CsvColumns {

    /** Starts a spreadsheet reads as a formula: such a cell gets a leading {@code '}. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private static final ClassValue<CsvColumns> OF = new ClassValue<>() {
        @Override
        protected CsvColumns computeValue(Class<?> type) {
            List<Column> columns = new ArrayList<>();
            collect(type, "", List.of(), columns);
            return new CsvColumns(columns);
        }
    };

    private record Column(String name, List<Method> path) {
    }

    private final List<Column> columns;

    private CsvColumns(List<Column> columns) {
        this.columns = columns;
    }

    public static CsvColumns of(Class<?> recordType) {
        if (!recordType.isRecord()) {
            throw new IllegalArgumentException(recordType + " is not a record");
        }
        return OF.get(recordType);
    }

    /** The row's {@code id}, or null when the item has no such field. */
    public Long id(Object row) {
        return columns.stream().filter(column -> column.name().equals("id")).findFirst()
                .map(column -> (Long) read(row, column.path())).orElse(null);
    }

    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    public void writeHeader(Writer out) throws IOException {
        writeLine(out, names());
    }

    public void writeRow(Writer out, Object row, ObjectMapper json) throws IOException {
        List<String> cells = new ArrayList<>(columns.size());
        for (Column column : columns) {
            cells.add(text(read(row, column.path()), json));
        }
        writeLine(out, cells);
    }

    private static void collect(Class<?> type, String prefix, List<Method> path, List<Column> columns) {
        for (RecordComponent component : type.getRecordComponents()) {
            List<Method> to = new ArrayList<>(path);
            to.add(component.getAccessor());
            if (component.getType().isRecord()) {
                collect(component.getType(), prefix + component.getName() + ".", to, columns);
            } else {
                columns.add(new Column(prefix + component.getName(), List.copyOf(to)));
            }
        }
    }

    private static Object read(Object row, List<Method> path) {
        Object value = row;
        try {
            for (int i = 0; i < path.size() && value != null; i++) {
                value = path.get(i).invoke(value);
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
        return value;
    }

    static String text(Object value, ObjectMapper json) {
        if (value == null) {
            return "";
        }
        if (isPlain(value)) {
            return plain(value);
        }
        if (value instanceof Collection<?> values && values.stream().allMatch(CsvColumns::isPlain)) {
            return values.stream().map(CsvColumns::plain).collect(Collectors.joining("; "));
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isPlain(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof Instant || value instanceof LocalDate;
    }

    private static String plain(Object value) {
        if (value instanceof Instant instant) {
            return JacksonConfig.format(instant);
        }
        return value instanceof Enum<?> constant ? constant.name() : value.toString();
    }

    private static void writeLine(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            writeCell(out, cells.get(i));
        }
        out.write("\r\n");
    }

    /** RFC 4180: quoted when it holds a quote, comma, CR or LF, quotes doubled; formula starts defused. */
    static void writeCell(Writer out, String cell) throws IOException {
        String text = !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
        boolean quoted = false;
        for (int i = 0; i < text.length() && !quoted; i++) {
            char c = text.charAt(i);
            quoted = c == '"' || c == ',' || c == '\r' || c == '\n';
        }
        if (!quoted) {
            out.write(text);
            return;
        }
        out.write('"');
        out.write(text.replace("\"", "\"\""));
        out.write('"');
    }
}
