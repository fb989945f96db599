package kz.hattama.web;

import kz.hattama.users.AppUser;
import kz.hattama.users.Role;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.List;

/** The principal of a session or an API token: the user's id travels with it, so ownership checks need no lookup. */
public class SignedInUser extends User {

    private final long id;
    private final Role role;
    /** The user's credentials version when the session began; see {@link SessionCheckFilter}. */
    private final int credentialsVersion;

    public SignedInUser(AppUser user) {
        super(user.login(), user.passwordHash(), user.enabled(), true, true, true,
                List.of(new SimpleGrantedAuthority(user.role().authority())));
        this.id = user.id();
        this.role = user.role();
        this.credentialsVersion = user.credentialsVersion();
    }

    public int credentialsVersion() {
        return credentialsVersion;
    }

    public long id() {
        return id;
    }

    public Role role() {
        return role;
    }

    public boolean mayReview() {
        return role.compareTo(Role.REVIEWER) >= 0;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
