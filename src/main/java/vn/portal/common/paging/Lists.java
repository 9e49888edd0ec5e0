package vn.portal.common.paging;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestResponse;
import vn.portal.common.config.PortalConfig;
import vn.portal.common.csv.Csv;
import vn.portal.common.csv.CsvBody;
import vn.portal.common.csv.CsvColumns;

/**
 * Answers a list request as the client asked: a page of JSON, or with {@code Accept: text/csv}
 * every matching row as CSV. The export reads the list through the same service call as the page
 * (same filters, sort and visibility) in uncounted batches ({@code portal.export.batch-rows}),
 * each in the service's own short transaction, and writes each batch before it reads the next:
 * memory does not grow with the rows. In an order by id alone (most lists' default) a batch starts
 * after the last id written, so a row written meanwhile moves none, and no batch skips rows one by
 * one; in another order it starts at its offset. The first batch is read before the answer starts, so a bad
 * filter, an invisible parent or a forbidden list still answers with its problem; {@code page} and
 * {@code size} are validated as for JSON, then not used.
 */
@ApplicationScoped
public class Lists {

    private static final MediaType CSV = MediaType.valueOf(Csv.MEDIA_TYPE);

    @Inject
    HttpHeaders headers;

    @Inject
    ObjectMapper json;

    @Inject
    PortalConfig config;

    /**
     * {@code fetch} reads one page of the list: the service's list method. The JSON answer's type is
     * the declared one; a CSV answer carries a {@link CsvBody} instead, which {@code CsvBodyWriter}
     * streams (the declared type only serves the JSON answer and the contract).
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <V> RestResponse<PageView<V>> answer(Class<V> item, String fileName, PageRequest page,
            Function<PageRequest, PageView<V>> fetch) {
        if (!wantsCsv()) {
            return RestResponse.ok(fetch.apply(page));
        }
        int rows = config.export().batchRows();
        PageView<V> first = fetch.apply(page.batch(0, rows));
        CsvColumns columns = CsvColumns.of(item);
        CsvBody body = output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
            out.write('\uFEFF');
            columns.writeHeader(out);
            PageView<V> batch = first;
            for (int number = 1;; number++) {
                for (V row : batch.items()) {
                    columns.writeRow(out, row, json);
                }
                if (batch.items().size() < rows) {
                    break;
                }
                PageRequest next = page.batch(number, rows);
                Long lastId = columns.id(batch.items().get(rows - 1));
                batch = fetch.apply(next.byIdAlone() && lastId != null ? next.after(lastId) : next);
            }
            out.flush();
        };
        return (RestResponse) RestResponse.ResponseBuilder.ok(body, Csv.CONTENT_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + ".csv\"").build();
    }

    /** The client's first choice among JSON and CSV; JSON when it takes anything ({@code *}/{@code *}). */
    private boolean wantsCsv() {
        List<MediaType> acceptable = headers.getAcceptableMediaTypes();
        for (MediaType type : acceptable) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(CSV)) {
                return true;
            }
        }
        return false;
    }
}
