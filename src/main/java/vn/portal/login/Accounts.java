package vn.portal.login;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.portal.access.Caller;
import vn.portal.access.GlobalRole;
import vn.portal.access.MemberRole;
import vn.portal.user.User;

/**
 * Reads what a login needs to know about a user, their stored password hash and their active
 * memberships, in one indexed statement on a pooled connection, outside any transaction: it runs
 * on every authenticated request, so it must cost about nothing next to the request itself.
 */
@ApplicationScoped
public class Accounts {

    private static final String BY_USERNAME = "select u.id, u.username, u.display_name, u.roles, u.active, "
            + "u.password_hash, m.subcommittee_id, s.name, m.id, m.role from app_user u "
            + "left join committee_member m on m.user_id = u.id and m.active = true "
            + "left join subcommittee s on s.id = m.subcommittee_id where u.username = ?";

    /** A user as a login sees them. */
    public record Account(long userId, String username, String displayName, Set<GlobalRole> roles, boolean active,
            String passwordHash, Map<Long, Caller.Membership> memberships) {

        public Caller caller() {
            return caller(roles);
        }

        /** For a bearer token, whose groups give the global roles of this request. */
        public Caller caller(Set<GlobalRole> tokenRoles) {
            return new Caller(userId, username, displayName, tokenRoles, memberships);
        }
    }

    @Inject
    AgroalDataSource dataSource;

    public Optional<Account> byUsername(String username) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(BY_USERNAME)) {
            statement.setString(1, username);
            try (ResultSet rows = statement.executeQuery()) {
                Account account = null;
                Map<Long, Caller.Membership> memberships = new HashMap<>();
                while (rows.next()) {
                    if (account == null) {
                        account = new Account(rows.getLong(1), rows.getString(2), rows.getString(3),
                                User.rolesOf(rows.getString(4)), rows.getBoolean(5), rows.getString(6), memberships);
                    }
                    long subcommitteeId = rows.getLong(7);
                    if (!rows.wasNull()) {
                        memberships.put(subcommitteeId, new Caller.Membership(subcommitteeId, rows.getString(8),
                                rows.getLong(9), MemberRole.valueOf(rows.getString(10))));
                    }
                }
                return Optional.ofNullable(account);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the users could not be read", e);
        }
    }
}
