package vn.portal.submission.comment;

/** Chưa xử lý, tiếp thu, giải trình, không tiếp thu. */
public enum Disposition {
    PENDING, INCORPORATED, EXPLAINED, REJECTED;

    /** Explaining or rejecting a comment needs a rationale. */
    public boolean needsRationale() {
        return this == EXPLAINED || this == REJECTED;
    }
}
