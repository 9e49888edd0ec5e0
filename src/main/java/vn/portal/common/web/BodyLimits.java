package vn.portal.common.web;

import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.ProblemException;

/** How large a body may be: the contract's limits, enforced as the bytes arrive and checked again where they are read. */
public final class BodyLimits {

    /** The largest JSON body taken: 4 MiB. */
    public static final long MAX_JSON_BYTES = 4L * 1024 * 1024;

    /** The largest file taken: 20 MiB; its multipart envelope may add part headers. */
    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    /** A multipart body: one file and its part headers. */
    public static final long MAX_MULTIPART_BYTES = MAX_FILE_BYTES + 64 * 1024;

    private BodyLimits() {
    }

    public static ProblemException jsonTooLarge() {
        return ErrorCode.PAYLOAD_TOO_LARGE.problem("A JSON body may be at most 4 MiB.");
    }

    public static ProblemException fileTooLarge() {
        return ErrorCode.PAYLOAD_TOO_LARGE.problem("A file may be at most 20 MiB.");
    }
}
