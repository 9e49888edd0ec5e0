package vn.portal.session;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.BatchSize;
import vn.portal.common.persistence.TrackedEntity;
import vn.portal.responsibility.ResponsibilityRole;

/** Kết luận: what a session decided, and, by its kind, what closing the session makes of it. */
@Entity
@Table(name = "conclusion")
public class Conclusion extends TrackedEntity {

    @Column(name = "session_id", nullable = false, updatable = false)
    public Long sessionId;

    @Column(name = "subcommittee_id", nullable = false, updatable = false)
    public Long subcommitteeId;

    @Column(name = "agenda_item_id")
    public Long agendaItemId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConclusionKind kind;

    @Column(nullable = false)
    public String text;

    @Column(name = "member_id")
    public Long memberId;

    public String area;

    @Column(name = "document_section")
    public String documentSection;

    @Enumerated(EnumType.STRING)
    public ResponsibilityRole role;

    public String title;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @ElementCollection
    @CollectionTable(name = "conclusion_responsibility", joinColumns = @JoinColumn(name = "conclusion_id"))
    @Column(name = "responsibility_id", nullable = false)
    @BatchSize(size = 100)
    public Set<Long> responsibilityIds = new HashSet<>();

    @Column(name = "document_id")
    public Long documentId;

    @Column(name = "document_version")
    public Integer documentVersion;

    @Column(name = "applied_entity_type")
    public String appliedEntityType;

    @Column(name = "applied_entity_id")
    public Long appliedEntityId;
}
