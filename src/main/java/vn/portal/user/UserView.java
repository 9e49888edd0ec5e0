package vn.portal.user;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.portal.access.GlobalRole;
import vn.portal.common.concurrency.SingleResource;

/** A user as shown to ADMIN and AUDITOR: never the password or its hash. */
@Schema(name = "User")
public record UserView(
        long id,
        @Schema(example = "hai.lm") String username,
        @Schema(example = "Lê Minh Hải", nullable = true) String displayName,
        List<GlobalRole> roles,
        boolean active,
        @Schema(description = "Whether the user can sign in with a password (HTTP Basic)") boolean hasPassword,
        Instant createdAt,
        Instant updatedAt,
        long version) implements SingleResource {

    static UserView of(User u) {
        return new UserView(u.id, u.username, u.displayName, List.copyOf(u.roles()), u.active, u.passwordHash != null,
                u.createdAt, u.updatedAt, u.version);
    }
}
