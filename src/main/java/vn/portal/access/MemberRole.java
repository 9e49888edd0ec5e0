package vn.portal.access;

/** Trưởng, Phó Trưởng Tiểu ban, Thành viên, Thư ký, Bộ phận giúp việc; declared in the order lists sort by. */
public enum MemberRole {
    HEAD, DEPUTY_HEAD, MEMBER, SECRETARY, SUPPORT_STAFF
}
