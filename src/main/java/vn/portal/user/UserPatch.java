package vn.portal.user;

import java.util.List;
import vn.portal.access.GlobalRole;
import vn.portal.common.json.BodySpec;
import vn.portal.common.json.Patch;

/** A merge patch of a user: display name, global roles, active, password (the user name never changes). */
public record UserPatch(Patch<String> displayName, Patch<List<GlobalRole>> roles, Patch<Boolean> active,
        Patch<String> password) {

    public static final BodySpec<Void, UserPatch> SPEC = BodySpec.named("User")
            .field(UserRequest.DISPLAY_NAME).field(UserRequest.ROLES).field(UserRequest.ACTIVE).field(UserRequest.PASSWORD)
            .readOnly("id", "username", "createdAt", "updatedAt", "version")
            .patching(UserPatch.class, "UserPatch");
}
