package vn.portal.user;

/**
 * A user's password, roles or active flag changed: whatever remembered the old credentials must
 * forget them now (the login's cache observes it), so the change takes effect on the next request.
 */
public record CredentialsChanged(long userId) {
}
