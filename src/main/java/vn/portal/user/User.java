package vn.portal.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import vn.portal.access.GlobalRole;
import vn.portal.common.persistence.TrackedEntity;
import vn.portal.common.text.TextFold;

/** A login: a person or a system that calls the portal. */
@Entity
@Table(name = "app_user")
public class User extends TrackedEntity {

    @Column(nullable = false, updatable = false)
    public String username;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "display_name_folded")
    public String displayNameFolded;

    /** The global roles as stored: names in declared order, comma-separated. */
    @Column(name = "roles", nullable = false)
    String storedRoles = "";

    @Column(nullable = false)
    public boolean active = true;

    /** bcrypt; null for a user who signs in only with bearer tokens. */
    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "search_text", nullable = false)
    public String searchText;

    public Set<GlobalRole> roles() {
        return rolesOf(storedRoles);
    }

    /** Roles from the column's stored form. */
    public static Set<GlobalRole> rolesOf(String stored) {
        EnumSet<GlobalRole> roles = EnumSet.noneOf(GlobalRole.class);
        if (!stored.isEmpty()) {
            Arrays.stream(stored.split(",")).map(GlobalRole::valueOf).forEach(roles::add);
        }
        return roles;
    }

    public void setRoles(Set<GlobalRole> roles) {
        storedRoles = storedForm(roles);
    }

    /** Roles as the column holds them: names in declared order, comma-separated. */
    public static String storedForm(Set<GlobalRole> roles) {
        return roles.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    /** Writes the folded columns from the fields; the service calls it after every change. */
    public void derive() {
        displayNameFolded = displayName == null ? null : TextFold.fold(displayName);
        searchText = TextFold.searchText(username, displayName);
    }
}
