package vn.portal.responsibility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import vn.portal.common.persistence.TrackedEntity;
import vn.portal.common.text.TextFold;

/** Phân công nhiệm vụ: who does what, an area × a document section, as lead or support. */
@Entity
@Table(name = "responsibility")
public class Responsibility extends TrackedEntity {

    @Column(name = "subcommittee_id", nullable = false, updatable = false)
    public Long subcommitteeId;

    @Column(name = "member_id", nullable = false)
    public Long memberId;

    @Column(nullable = false)
    public String area;

    @Column(name = "area_folded", nullable = false)
    public String areaFolded;

    @Column(name = "document_section", nullable = false)
    public String documentSection;

    @Column(name = "section_folded", nullable = false)
    public String sectionFolded;

    @Column(nullable = false)
    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ResponsibilityRole role;

    @Column(name = "due_on")
    public LocalDate dueOn;

    /**
     * A digest of the folded (area, section) while this is a LEAD, else null; a plain UNIQUE on
     * (subcommittee, lead_key) keeps one lead per pair, and a digest keeps the index small.
     */
    @Column(name = "lead_key")
    public String leadKey;

    @Column(name = "search_text", nullable = false)
    public String searchText;

    /** The session's conclusion this was made from, when closing a session made it; never changes. */
    @Column(name = "conclusion_id", updatable = false)
    public Long conclusionId;

    /** Writes the folded and key columns from the fields; the service calls it after every change. */
    public void derive() {
        areaFolded = TextFold.fold(area);
        sectionFolded = TextFold.fold(documentSection);
        leadKey = role == ResponsibilityRole.LEAD ? digest(areaFolded + '\u0000' + sectionFolded) : null;
        searchText = TextFold.searchText(title, area, documentSection);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
