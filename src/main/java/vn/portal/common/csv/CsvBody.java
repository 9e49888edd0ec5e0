package vn.portal.common.csv;

import java.io.IOException;
import java.io.OutputStream;

/** A CSV answer that writes itself as it reads ({@link CsvBodyWriter} says why it is not a {@code StreamingOutput}). */
@FunctionalInterface
public interface CsvBody {

    void writeTo(OutputStream output) throws IOException;
}
