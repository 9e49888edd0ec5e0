package vn.portal.subcommittee;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.Locale;
import vn.portal.common.persistence.TrackedEntity;
import vn.portal.common.text.TextFold;

/** Tiểu ban: a working body of the Congress preparation, with a term. */
@Entity
@Table(name = "subcommittee")
public class Subcommittee extends TrackedEntity {

    @Column(nullable = false)
    public String code;

    @Column(name = "code_folded", nullable = false)
    public String codeFolded;

    @Column(nullable = false)
    public String name;

    @Column(name = "name_folded", nullable = false)
    public String nameFolded;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubcommitteeKind kind;

    @Column(nullable = false)
    public String congress;

    @Column(name = "term_start", nullable = false)
    public Integer termStart;

    @Column(name = "term_end", nullable = false)
    public Integer termEnd;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubcommitteeStatus status = SubcommitteeStatus.ACTIVE;

    @Column(name = "search_text", nullable = false)
    public String searchText;

    public boolean isArchived() {
        return status == SubcommitteeStatus.ARCHIVED;
    }

    /** Writes the folded and key columns from the fields; the service calls it after every change. */
    public void derive() {
        codeFolded = code.toLowerCase(Locale.ROOT);
        nameFolded = TextFold.fold(name);
        searchText = TextFold.searchText(code, name, congress);
    }
}
