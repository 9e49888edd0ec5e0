package vn.portal.member;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Locale;
import vn.portal.access.MemberRole;
import vn.portal.common.persistence.TrackedEntity;
import vn.portal.common.text.TextFold;

/** A member of one subcommittee, with a role in it. */
@Entity
@Table(name = "committee_member")
public class Member extends TrackedEntity {

    @Column(name = "subcommittee_id", nullable = false, updatable = false)
    public Long subcommitteeId;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(name = "full_name_folded", nullable = false)
    public String fullNameFolded;

    public String position;

    public String organization;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MemberRole role;

    @Column(nullable = false)
    public String email;

    @Column(name = "email_folded", nullable = false)
    public String emailFolded;

    public String phone;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "user_id")
    public Long userId;

    @Column(name = "joined_on")
    public LocalDate joinedOn;

    @Column(name = "left_on")
    public LocalDate leftOn;

    /** The subcommittee's id while this member is its active head: a plain UNIQUE keeps it to one. */
    @Column(name = "head_key")
    public Long headKey;

    @Column(name = "search_text", nullable = false)
    public String searchText;

    public boolean isActiveHead() {
        return active && role == MemberRole.HEAD;
    }

    /** Writes the folded and key columns from the fields; the service calls it after every change. */
    public void derive() {
        fullNameFolded = TextFold.fold(fullName);
        emailFolded = email.toLowerCase(Locale.ROOT);
        headKey = isActiveHead() ? subcommitteeId : null;
        searchText = TextFold.searchText(fullName, position, organization, email);
    }
}
