package vn.portal.session;

/** How an invited member attended; INVITED until someone records more. */
public enum AttendanceStatus {
    INVITED, PRESENT, ABSENT, EXCUSED
}
