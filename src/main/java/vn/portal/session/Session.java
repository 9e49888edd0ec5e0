package vn.portal.session;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.BatchSize;
import vn.portal.common.persistence.TrackedEntity;
import vn.portal.common.text.TextFold;

/** Phiên họp: a meeting of the subcommittee, who was invited to it and how they attended. */
@Entity
@Table(name = "meeting_session")
public class Session extends TrackedEntity {

    @Column(name = "subcommittee_id", nullable = false, updatable = false)
    public Long subcommitteeId;

    @Column(nullable = false, updatable = false)
    public Integer number;

    @Column(nullable = false)
    public String title;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    public String location;

    @Column(name = "chair_member_id")
    public Long chairMemberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionStatus status = SessionStatus.PLANNED;

    public String minutes;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "search_text", nullable = false)
    public String searchText;

    /** A change here raises the session's version like any other field: its counts are part of it. */
    @ElementCollection
    @CollectionTable(name = "session_attendance", joinColumns = @JoinColumn(name = "session_id"))
    @BatchSize(size = 100)
    public List<Attendee> attendees = new ArrayList<>();

    public Optional<Attendee> attendee(long memberId) {
        return attendees.stream().filter(a -> a.memberId == memberId).findFirst();
    }

    /** Writes the search column from the fields; the service calls it after every change. */
    public void derive() {
        searchText = TextFold.searchText(title, location);
    }
}
