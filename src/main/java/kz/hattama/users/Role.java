package kz.hattama.users;

/** What a person may do; each role includes the ones before it (an admin also reviews, a reviewer also uploads). */
public enum Role {
    /** Uploads scans and sees their own uploads. */
    VOLUNTEER,
    /** Works through the review queue. */
    REVIEWER,
    /** Manages users, sees all data, exports. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
