package vn.portal.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.portal.common.time.DueDates;

/**
 * A workbook written as a stream: SXSSF keeps a window of rows in memory and flushes the rest to a
 * temporary file, which {@link #close} removes. Dates and numbers are stored as such (not as text),
 * instants as the local time in Asia/Ho_Chi_Minh, the zone the portal's days are counted in.
 */
final class Spreadsheet implements AutoCloseable {

    /** Rows kept in memory per sheet before they are flushed. */
    static final int WINDOW = 100;

    /** Column widths, in characters: what the longest value needs, within these bounds. */
    private static final int MIN_WIDTH = 6;
    private static final int MAX_WIDTH = 60;
    /** Excel's limit of one cell's text, in UTF-16 units (SpreadsheetVersion.EXCEL2007.getMaxTextLength()). */
    static final int MAX_CELL_TEXT = 32_767;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final CellStyle header;
    private final CellStyle date;
    private final CellStyle dateTime;

    Spreadsheet() {
        workbook.setCompressTempFiles(true);
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        date = formatted("dd/mm/yyyy");
        dateTime = formatted("dd/mm/yyyy hh:mm:ss");
    }

    private CellStyle formatted(String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat(format));
        return style;
    }

    /** A new sheet with a bold, frozen header row. */
    Tab sheet(String name, List<String> headers) {
        return new Tab(workbook.createSheet(name), headers);
    }

    void write(OutputStream out) throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() throws IOException {
        try {
            workbook.dispose();
        } finally {
            workbook.close();
        }
    }

    /** One sheet, filled a row at a time; {@link #fit} sets the widths from what was written. */
    final class Tab {

        private final Sheet sheet;
        private final int[] widths;
        private int next;

        private Tab(Sheet sheet, List<String> headers) {
            this.sheet = sheet;
            this.widths = new int[headers.size()];
            Row row = sheet.createRow(next++);
            for (int i = 0; i < headers.size(); i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(header);
                widths[i] = headers.get(i).length() + 2;
            }
            sheet.createFreezePane(0, 1);
        }

        /** Strings, numbers, booleans, dates, instants and enums; null leaves the cell empty. */
        Tab row(Object... values) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                if (value != null) {
                    widths[i] = Math.max(widths[i], put(row.createCell(i), value));
                }
            }
            return this;
        }

        /** Sets each column's width to its longest value's; cheap, unlike SXSSF's auto-size. */
        void fit() {
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[i])) * 256);
            }
        }

        /** Fills the cell; answers how many characters wide it shows. */
        private int put(Cell cell, Object value) {
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
                return number.toString().length() + 1;
            }
            if (value instanceof Boolean flag) {
                cell.setCellValue(flag);
                return 6;
            }
            if (value instanceof LocalDate day) {
                cell.setCellValue(day);
                cell.setCellStyle(date);
                return 11;
            }
            if (value instanceof Instant instant) {
                cell.setCellValue(LocalDateTime.ofInstant(instant, DueDates.ZONE));
                cell.setCellStyle(dateTime);
                return 20;
            }
            String text = fitted(value instanceof Enum<?> constant ? constant.name() : value.toString());
            cell.setCellValue(text);
            return longestLine(text) + 1;
        }
    }

    /**
     * A cell holds at most 32,767 UTF-16 units (POI refuses more), while the API keeps texts of up to
     * 20,000 code points, which can be 40,000 units: a longer text is cut there, never inside a
     * surrogate pair, and ends with an ellipsis saying so.
     */
    static String fitted(String text) {
        if (text.length() <= MAX_CELL_TEXT) {
            return text;
        }
        int end = MAX_CELL_TEXT - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static int longestLine(String text) {
        int longest = 0;
        for (String line : text.split("\n", -1)) {
            longest = Math.max(longest, line.codePointCount(0, line.length()));
        }
        return longest;
    }
}
