package vn.portal.user;

import vn.portal.access.GlobalRole;
import vn.portal.common.json.BodySpec;
import vn.portal.common.json.BodySpec.Field;

/** The body of a user's create and merge-patch; the user name is chosen once. */
public final class UserRequest {

    public static final String USERNAME_PATTERN = "[a-z0-9._-]{3,64}";
    private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile(USERNAME_PATTERN);

    /** Whether some user could have this name. */
    public static boolean isUsername(String name) {
        return name != null && USERNAME.matcher(name).matches();
    }

    private static final Field DISPLAY_NAME = Field.text("displayName").example("Lê Minh Hải");
    private static final Field ROLES = Field.enumsOf("roles", GlobalRole.class).defaulted()
            .description("Global roles; empty by default. Roles inside a subcommittee come from linked member records.");
    private static final Field ACTIVE = Field.bool("active").defaulted().example(true)
            .description("true by default; users are deactivated, never deleted");
    private static final Field PASSWORD = Field.text("password").min(12).max(64).writeOnly()
            .example("đổi-mật-khẩu-2020")
            .description("Write-only, 12 to 64 characters. A user without one signs in only with bearer tokens.");

    public static final BodySpec CREATE = BodySpec.named("User")
            .field(Field.text("username").required().pattern(USERNAME_PATTERN,
                    "must be 3 to 64 of a-z, 0-9, '.', '_' and '-'").max(64).example("hai.lm")
                    .description("Chosen once; 3 to 64 of a-z 0-9 . _ -"))
            .field(DISPLAY_NAME).field(ROLES).field(ACTIVE).field(PASSWORD)
            .readOnly("id", "createdAt", "updatedAt", "version");

    public static final BodySpec PATCH = BodySpec.named("User")
            .field(DISPLAY_NAME).field(ROLES).field(ACTIVE).field(PASSWORD)
            .readOnly("id", "username", "createdAt", "updatedAt", "version");

    private UserRequest() {
    }
}
