package vn.portal.subcommittee;

/** Văn kiện, nhân sự, tổ chức phục vụ, tuyên truyền, or another. */
public enum SubcommitteeKind {
    DOCUMENTS, PERSONNEL, ORGANIZATION, PROPAGANDA, OTHER
}
