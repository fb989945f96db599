package kz.hattama.users;

/**
 * A person who logs in. {@code locale} is the interface language they chose, null until they choose one.
 * {@code credentialsVersion} goes up whenever a change must end their sessions (password, role, disabled).
 */
public record AppUser(long id, String login, String passwordHash, Role role, String locale, boolean enabled,
                      int credentialsVersion) {

    public boolean mayReview() {
        return role.compareTo(Role.REVIEWER) >= 0;
    }
}
