package vn.portal.user;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFilter;
import vn.portal.access.GlobalRole;
import vn.portal.common.json.BodySpec;
import vn.portal.common.json.BodySpec.Field;
import vn.portal.common.openapi.RequestSchemas;

/** A new user (a login); the user name is chosen once, the rest changes by a {@link UserPatch}. */
public record UserRequest(String username, String displayName, List<GlobalRole> roles, Boolean active, String password) {

    public static final String USERNAME_PATTERN = "[a-z0-9._-]{3,64}";
    private static final Pattern USERNAME = Pattern.compile(USERNAME_PATTERN);

    /** Whether some user could have this name. */
    public static boolean isUsername(String name) {
        return name != null && USERNAME.matcher(name).matches();
    }

    static final Field DISPLAY_NAME = Field.text("displayName").example("Lê Minh Hải");
    static final Field ROLES = Field.enumsOf("roles", GlobalRole.class).defaulted()
            .description("Global roles; empty by default. Roles inside a subcommittee come from linked member records.");
    static final Field ACTIVE = Field.bool("active").defaulted().example(true)
            .description("true by default; users are deactivated, never deleted");
    static final Field PASSWORD = Field.text("password").min(12).max(64).writeOnly()
            .example("đổi-mật-khẩu-2020")
            .description("Write-only, 12 to 64 characters. A user without one signs in only with bearer tokens.");

    public static final BodySpec<UserRequest, Void> SPEC = BodySpec.named("User")
            .field(Field.text("username").required().pattern(USERNAME_PATTERN,
                    "must be 3 to 64 of a-z, 0-9, '.', '_' and '-'").max(64).example("hai.lm")
                    .description("Chosen once; 3 to 64 of a-z 0-9 . _ -"))
            .field(DISPLAY_NAME).field(ROLES).field(ACTIVE).field(PASSWORD)
            .readOnly("id", "createdAt", "updatedAt", "version")
            .creating(UserRequest.class, "UserCreate");

    /** The request as the merge patch that applies it to a new user. */
    UserPatch asPatch() {
        return BodySpec.asPatch(this, UserPatch.class);
    }

    /** Contributes the user's bodies to the contract. */
    @OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 40)
    public static final class Schemas extends RequestSchemas implements OASFilter {
        public Schemas() {
            super(SPEC, UserPatch.SPEC);
        }
    }
}
