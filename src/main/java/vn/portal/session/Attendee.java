package vn.portal.session;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One invited member of a session and how they attended. */
@Embeddable
public class Attendee {

    @Column(name = "member_id", nullable = false)
    public long memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AttendanceStatus status = AttendanceStatus.INVITED;

    public String note;

    protected Attendee() {
    }

    Attendee(long memberId) {
        this.memberId = memberId;
    }
}
