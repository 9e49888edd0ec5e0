package vn.portal.common.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cells and columns of the CSV exports, for what the API's validation keeps from reaching them. */
class CsvColumnsTest {

    enum Colour { RED }

    record Inner(String name, LocalDate on) {
    }

    record Row(long id, Inner inner, List<Long> ids, List<Inner> inners, Instant at, Colour colour, Boolean flag) {
    }

    private static String cell(String text) throws IOException {
        StringWriter out = new StringWriter();
        CsvColumns.writeCell(out, text);
        return out.toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain|plain", "Văn hóa – Xã hội|Văn hóa – Xã hội", "=1+1|'=1+1", "+84|'+84", "-1|'-1", "@SUM(A1)|'@SUM(A1)",
            "a,b|`\"a,b\"`", "say \"hi\"|`\"say \"\"hi\"\"\"`", "x=1|x=1", "''|''" })
    void aCellIsQuotedAndGuardedAsNeeded(String text, String written) throws IOException {
        assertEquals(written, cell(text));
    }

    @Test
    void tabAndCarriageReturnStartsAreGuardedTooAndLineBreaksQuoted() throws IOException {
        assertEquals("'\tx", cell("\tx"));
        assertEquals("\"'\rx\"", cell("\rx"));
        assertEquals("\"a\nb\"", cell("a\nb"));
        assertEquals("", cell(""));
    }

    @Test
    void nestedRecordsBecomeColumnsAndListsOneCell() throws IOException {
        CsvColumns columns = CsvColumns.of(Row.class);
        assertEquals(List.of("id", "inner.name", "inner.on", "ids", "inners", "at", "colour", "flag"), columns.names());
        StringWriter out = new StringWriter();
        columns.writeRow(out, new Row(7, new Inner("Kinh tế", LocalDate.of(2020, 2, 22)), List.of(3L, 1L),
                List.of(new Inner("a", null)), Instant.parse("2020-02-22T16:59:59Z"), Colour.RED, null), new ObjectMapper());
        assertEquals("7,Kinh tế,2020-02-22,3; 1,\"[{\"\"name\"\":\"\"a\"\",\"\"on\"\":null}]\",2020-02-22T16:59:59.000Z,RED,\r\n",
                out.toString());
        assertEquals(7L, columns.id(new Row(7, null, List.of(), List.of(), null, null, null)));
        StringWriter nullInner = new StringWriter();
        columns.writeRow(nullInner, new Row(8, null, List.of(), List.of(), null, null, true), new ObjectMapper());
        assertEquals("8,,,,,,,true\r\n", nullInner.toString());
    }
}
