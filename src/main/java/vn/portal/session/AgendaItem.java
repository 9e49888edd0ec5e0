package vn.portal.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import vn.portal.common.persistence.TrackedEntity;

/** One item of a session's agenda, at its place 1..n. */
@Entity
@Table(name = "agenda_item")
public class AgendaItem extends TrackedEntity {

    @Column(name = "session_id", nullable = false, updatable = false)
    public Long sessionId;

    @Column(name = "subcommittee_id", nullable = false, updatable = false)
    public Long subcommitteeId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String title;

    @Column(name = "presenter_member_id")
    public Long presenterMemberId;

    @Column(name = "duration_minutes")
    public Integer durationMinutes;

    @Column(name = "document_id")
    public Long documentId;
}
