package vn.portal.report;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.portal.milestone.MilestoneStatus;
import vn.portal.milestone.MilestoneView;

/**
 * The plan as a Gantt-like list: one row per milestone (so labels never overlap, and 50 or 500
 * milestones only make the picture taller), its title and due date on the left, a mark on the time
 * axis on the right coloured by status, overdue ones outlined in red and labelled, today as a line.
 */
public record Timeline(List<MilestoneView> milestones, LocalDate today, LocalDate from, LocalDate to, String name) {

    static final int WIDTH = 1360;
    static final int ROW = 26;
    private static final int MARGIN = 16;
    /** How wide a title may be drawn before the due date column. */
    private static final double TITLE_WIDTH = 436;
    private static final int DATE_RIGHT = 566;
    private static final int CHART_LEFT = 590;
    private static final int CHART_RIGHT = WIDTH - 40;
    private static final int AXIS_Y = 112;
    private static final int FIRST_ROW = AXIS_Y + 8;
    private static final int MIN_TICK_GAP = 64;
    private static final int DEFAULT_SPAN_DAYS = 30;
    private static final String FONTS = "'Noto Sans', 'DejaVu Sans', Arial, sans-serif";
    private static final String OVERDUE = "#c62828";
    private static final String TODAY = "#ef6c00";
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    private record Look(String colour, String label) {
    }

    private static final Map<MilestoneStatus, Look> LOOKS = Map.of(
            MilestoneStatus.PLANNED, new Look("#78909c", "Kế hoạch"),
            MilestoneStatus.IN_PROGRESS, new Look("#1e88e5", "Đang thực hiện"),
            MilestoneStatus.DONE, new Look("#2e7d32", "Hoàn thành"),
            MilestoneStatus.CANCELLED, new Look("#bdbdbd", "Đã hủy"));

    /** The first day the axis shows: as asked, else the first due date less some padding. */
    LocalDate start() {
        if (from != null) {
            return from;
        }
        if (milestones.isEmpty()) {
            return to != null ? to.minusDays(2 * DEFAULT_SPAN_DAYS) : today.minusDays(DEFAULT_SPAN_DAYS);
        }
        return firstDue().minusDays(padding());
    }

    /** The last day the axis shows: as asked, else the last due date and some padding. */
    LocalDate end() {
        if (to != null) {
            return to;
        }
        return milestones.isEmpty() ? start().plusDays(2 * DEFAULT_SPAN_DAYS) : lastDue().plusDays(padding());
    }

    private LocalDate firstDue() {
        return milestones.stream().map(MilestoneView::dueOn).min(LocalDate::compareTo).orElseThrow();
    }

    private LocalDate lastDue() {
        return milestones.stream().map(MilestoneView::dueOn).max(LocalDate::compareTo).orElseThrow();
    }

    /** A twentieth of the due dates' span each side, at least three days. */
    private long padding() {
        return Math.max(3, ChronoUnit.DAYS.between(firstDue(), lastDue()) / 20);
    }

    int height() {
        return FIRST_ROW + Math.max(1, milestones.size()) * ROW + 36;
    }

    public String render() {
        LocalDate start = start();
        LocalDate end = end();
        Axis axis = new Axis(start, end);
        int bottom = FIRST_ROW + Math.max(1, milestones.size()) * ROW;
        Svg svg = new Svg(WIDTH, height(), "Kế hoạch: " + name);
        svg.open("g", "font-family", FONTS, "font-size", 13, "fill", "#212121");
        svg.empty("rect", "x", 0, "y", 0, "width", WIDTH, "height", height(), "fill", "#ffffff");
        // the heading is drawn at 17 px in bold, about 1.4 times as wide as the 13 px the estimate counts in
        svg.element("text", shortened("Kế hoạch – " + name, (WIDTH - 2 * MARGIN) / 1.4), "x", MARGIN, "y", 28,
                "font-size", 17, "font-weight", "bold");
        svg.element("text", "Từ " + DAY.format(start) + " đến " + DAY.format(end) + " · " + milestones.size()
                + " mốc · hôm nay " + DAY.format(today), "x", MARGIN, "y", 48, "fill", "#616161");
        legend(svg);
        rows(svg, axis, bottom);
        ticks(svg, axis, bottom);
        todayLine(svg, axis, bottom);
        marks(svg, axis);
        svg.close("g");
        return svg.finish();
    }

    private void legend(Svg svg) {
        svg.open("g", "class", "legend");
        int x = MARGIN;
        for (MilestoneStatus status : MilestoneStatus.values()) {
            Look look = LOOKS.get(status);
            svg.empty("path", "d", diamond(x + 6, 72, 6), "fill", look.colour());
            svg.element("text", look.label(), "x", x + 18, "y", 77);
            x += 36 + (int) (look.label().length() * 7.4);
        }
        svg.empty("path", "d", diamond(x + 6, 72, 6), "fill", "#ffffff", "stroke", OVERDUE, "stroke-width", 2.5);
        svg.element("text", "Quá hạn", "x", x + 18, "y", 77, "fill", OVERDUE, "font-weight", "bold");
        x += 100;
        svg.empty("line", "x1", x, "y1", 64, "x2", x, "y2", 80, "stroke", TODAY, "stroke-width", 2);
        svg.element("text", "Hôm nay", "x", x + 8, "y", 77);
        svg.close("g");
    }

    /** Zebra rows with each milestone's title and due date. */
    private void rows(Svg svg, Axis axis, int bottom) {
        svg.element("text", "Mốc", "x", MARGIN, "y", AXIS_Y - 8, "font-weight", "bold");
        svg.element("text", "Hạn", "x", DATE_RIGHT, "y", AXIS_Y - 8, "font-weight", "bold", "text-anchor", "end");
        if (milestones.isEmpty()) {
            svg.element("text", "Không có mốc nào trong khoảng thời gian này.", "x", MARGIN, "y", FIRST_ROW + 18,
                    "fill", "#616161", "font-style", "italic");
        }
        for (int i = 0; i < milestones.size(); i++) {
            MilestoneView m = milestones.get(i);
            int top = FIRST_ROW + i * ROW;
            if (i % 2 == 0) {
                svg.empty("rect", "x", MARGIN / 2, "y", top, "width", WIDTH - MARGIN, "height", ROW, "fill", "#f5f7fa");
            }
            boolean cancelled = m.status() == MilestoneStatus.CANCELLED;
            svg.element("text", shortened(m.title(), TITLE_WIDTH), "x", MARGIN, "y", top + 17, "fill",
                    cancelled ? "#757575" : null, "text-decoration", cancelled ? "line-through" : null);
            svg.element("text", DAY.format(m.dueOn()), "x", DATE_RIGHT, "y", top + 17, "text-anchor", "end",
                    "fill", m.overdue() ? OVERDUE : null, "font-weight", m.overdue() ? "bold" : null);
        }
        svg.empty("rect", "x", CHART_LEFT, "y", FIRST_ROW, "width", CHART_RIGHT - CHART_LEFT, "height",
                bottom - FIRST_ROW, "fill", "none", "stroke", "#cfd8dc");
    }

    private void ticks(Svg svg, Axis axis, int bottom) {
        svg.open("g", "class", "axis");
        svg.empty("line", "x1", CHART_LEFT, "y1", AXIS_Y, "x2", CHART_RIGHT, "y2", AXIS_Y, "stroke", "#424242");
        double perMonth = axis.perDay() * 30.44;
        if (axis.perDay() * 7 >= MIN_TICK_GAP / 2.0 && perMonth < MIN_TICK_GAP * 8) {
            for (LocalDate day = axis.start(); !day.isAfter(axis.end()); day = day.plusDays(1)) {
                if (day.getDayOfWeek().getValue() == 1 && day.getDayOfMonth() > 2) {
                    double x = axis.x(day) - axis.perDay() / 2;
                    svg.empty("line", "x1", x, "y1", AXIS_Y - 4, "x2", x, "y2", bottom, "stroke", "#eceff1");
                    svg.element("text", String.valueOf(day.getDayOfMonth()), "x", x, "y", AXIS_Y - 6, "font-size", 10,
                            "fill", "#9e9e9e", "text-anchor", "middle");
                }
            }
        }
        int step = 1;
        while (step * perMonth < MIN_TICK_GAP) {
            step = step < 3 ? step + 1 : step * 2;
        }
        LocalDate month = axis.start().withDayOfMonth(1);
        if (month.isBefore(axis.start())) {
            month = month.plusMonths(1);
        }
        for (; !month.isAfter(axis.end()); month = month.plusMonths(1)) {
            if ((month.getYear() * 12 + month.getMonthValue() - 1) % step != 0) {
                continue;
            }
            double x = axis.x(month) - axis.perDay() / 2;
            svg.empty("line", "x1", x, "y1", AXIS_Y - 8, "x2", x, "y2", bottom, "stroke", "#b0bec5", "class", "month");
            svg.element("text", MONTH.format(month), "x", x + 3, "y", AXIS_Y - 20, "font-size", 12, "fill", "#455a64");
        }
        svg.close("g");
    }

    /** Today's line; when today lies outside the axis, a dashed line on the edge it lies beyond. */
    private void todayLine(Svg svg, Axis axis, int bottom) {
        boolean before = today.isBefore(axis.start());
        boolean after = today.isAfter(axis.end());
        double x = before ? CHART_LEFT : after ? CHART_RIGHT : axis.x(today);
        String label = before ? "← hôm nay " + DAY.format(today) : after ? "hôm nay " + DAY.format(today) + " →"
                : "hôm nay " + DAY.format(today);
        svg.open("g", "class", "today");
        svg.empty("line", "x1", x, "y1", AXIS_Y - 2, "x2", x, "y2", bottom + 4, "stroke", TODAY, "stroke-width", 2,
                "stroke-dasharray", before || after ? "6 4" : null);
        svg.element("text", label, "x", x, "y", bottom + 20, "fill", TODAY, "font-size", 12, "font-weight", "bold",
                "text-anchor", after ? "end" : before ? "start" : "middle");
        svg.close("g");
    }

    private void marks(Svg svg, Axis axis) {
        for (int i = 0; i < milestones.size(); i++) {
            MilestoneView m = milestones.get(i);
            Look look = LOOKS.get(m.status());
            double x = axis.x(m.dueOn());
            int middle = FIRST_ROW + i * ROW + ROW / 2;
            // SVG 1.1 has no data-* attributes: the milestone is named by the element's id
            svg.open("g", "class", m.overdue() ? "milestone overdue" : "milestone", "id", "milestone-" + m.id());
            svg.element("title", m.title() + " – hạn " + DAY.format(m.dueOn()) + " – " + look.label()
                    + (m.overdue() ? " – quá hạn" : ""));
            svg.empty("line", "x1", CHART_LEFT, "y1", middle, "x2", x, "y2", middle, "stroke", look.colour(),
                    "stroke-opacity", 0.35, "stroke-width", 2);
            svg.empty("path", "d", diamond(x, middle, 8), "fill", look.colour(), "stroke",
                    m.overdue() ? OVERDUE : "#ffffff", "stroke-width", m.overdue() ? 3 : 1);
            if (m.overdue()) {
                boolean roomRight = x + 70 < CHART_RIGHT;
                svg.element("text", "quá hạn", "x", roomRight ? x + 13 : x - 13, "y", middle + 4, "fill", OVERDUE,
                        "font-size", 12, "font-weight", "bold", "text-anchor", roomRight ? "start" : "end");
            }
            svg.close("g");
        }
    }

    private static String diamond(double x, double y, double r) {
        return "M" + num(x) + " " + num(y - r) + " L" + num(x + r) + " " + num(y) + " L" + num(x) + " " + num(y + r)
                + " L" + num(x - r) + " " + num(y) + " Z";
    }

    private static String num(double value) {
        return Svg.number(value);
    }

    /** The text, cut with an ellipsis where it would grow wider than {@code room} (at 13 px). */
    private static String shortened(String text, double room) {
        double width = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            width += advance(text.codePointAt(i));
            if (width > room) {
                return text.substring(0, i).stripTrailing() + "…";
            }
        }
        return text;
    }

    /**
     * Roughly how wide a letter is at 13 px in the sans-serif fonts named (no font metrics on the
     * server): generous, so that a cut title never touches the next column.
     */
    private static double advance(int c) {
        int base = baseLetter(c);
        return switch (base) {
            case 0 -> 0;
            case 'm', 'w' -> 11.5;
            case 'M', 'W' -> 12.5;
            case 'i', 'l', 'j', 't', 'f', 'r', 'I', '.', ',', ';', ':', '!', '|', '\'', '(', ')', '[', ']', ' ' -> 4.6;
            default -> Character.isUpperCase(base) || Character.isDigit(base) ? 9.4 : 7.6;
        };
    }

    /** The letter without its diacritics (ố → o), 0 for a combining mark: it takes no room of its own. */
    private static int baseLetter(int c) {
        String stripped = MARKS.matcher(Normalizer.normalize(Character.toString(c), Normalizer.Form.NFD)).replaceAll("");
        return stripped.isEmpty() ? 0 : stripped.codePointAt(0);
    }

    /** Days to x: each day is a slot of the chart's width, a date drawn in its slot's middle. */
    private record Axis(LocalDate start, LocalDate end) {

        double perDay() {
            return (double) (CHART_RIGHT - CHART_LEFT) / (ChronoUnit.DAYS.between(start, end) + 1);
        }

        double x(LocalDate day) {
            return CHART_LEFT + (ChronoUnit.DAYS.between(start, day) + 0.5) * perDay();
        }
    }
}
