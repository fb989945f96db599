package kz.hattama.web;

import kz.hattama.config.WebProperties;
import kz.hattama.users.Role;
import kz.hattama.users.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The first admin: from HATTAMA_ADMIN_PASSWORD when no admin exists yet, else a hint how to make one. */
@Component
@ConditionalOnWebApplication
class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserStore users;
    private final WebProperties web;

    AdminBootstrap(UserStore users, WebProperties web) {
        this.users = users;
        this.web = web;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureAdmin() {
        if (users.anyAdmin()) {
            return;
        }
        String password = web.adminPassword();
        if (password == null || password.isBlank()) {
            log.warn("No admin yet. Set HATTAMA_ADMIN_PASSWORD, or run: hattama user add --role ADMIN NAME");
            return;
        }
        if (users.byLogin(web.adminLogin()).isPresent()) {
            // An existing account of that name is not silently promoted or given a new password.
            log.warn("No admin yet, and the login {} is taken by a non-admin: run hattama user add --role ADMIN NAME",
                    web.adminLogin());
            return;
        }
        users.add(web.adminLogin(), password, Role.ADMIN);
        log.info("Made the first admin, {}, from HATTAMA_ADMIN_PASSWORD", web.adminLogin());
    }
}
