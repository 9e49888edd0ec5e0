package vn.portal.common.csv;

/** The CSV media type of the exports. */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    /** What every export says it is: RFC 4180 text in UTF-8 (with a byte-order mark, so Excel reads Vietnamese). */
    public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";

    private Csv() {
    }
}
