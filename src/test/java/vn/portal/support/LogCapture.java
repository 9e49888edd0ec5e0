package vn.portal.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Every log record of the service while open, as it was logged: the tests run in the service's
 * JVM, so a handler on the root logger sees what the console would print (at the configured
 * levels). Use with try-with-resources.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    /** One record: its logger, its message as formatted, its raw parameters and its MDC, all as text. */
    public record Line(String logger, String message, List<String> parameters, Map<String, String> mdc, String thrown) {

        /** Everything the record carries, for searching it. */
        public String everything() {
            return Stream.of(Stream.of(logger, message, thrown), parameters.stream(), mdc.keySet().stream(),
                    mdc.values().stream()).flatMap(s -> s).map(String::valueOf).collect(Collectors.joining("\n"));
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private LogCapture() {
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    public List<Line> of(String logger) {
        return lines.stream().filter(line -> logger.equals(line.logger())).toList();
    }

    /**
     * The first record of the logger that matches, waiting a little for it: the access line is
     * written once the response is sent, which may be just after the client has read it.
     */
    public Line await(String logger, java.util.function.Predicate<Line> matching) {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        do {
            for (Line line : of(logger)) {
                if (matching.test(line)) {
                    return line;
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < until);
        throw new AssertionError("no line of " + logger + " matched; it logged: " + of(logger));
    }

    @Override
    public void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        List<String> parameters = new ArrayList<>();
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                parameters.add(String.valueOf(parameter));
            }
        }
        Map<String, String> mdc = record instanceof ExtLogRecord ext
                ? ext.getMdcCopy().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())))
                : Map.of();
        String thrown = null;
        if (record.getThrown() != null) {
            java.io.StringWriter trace = new java.io.StringWriter();
            record.getThrown().printStackTrace(new java.io.PrintWriter(trace));
            thrown = trace.toString();
        }
        lines.add(new Line(record.getLoggerName(), message, parameters, mdc, thrown));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
