package kz.hattama.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.hattama.users.UserStore;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

import java.util.List;
import java.util.Locale;

/**
 * The interface language: what the user chose (kept with their account and in a cookie), else the browser's
 * preference among Russian, Kazakh and English, else Russian.
 */
public class UserLocaleResolver extends CookieLocaleResolver {

    public static final List<Locale> SUPPORTED = List.of(Locale.forLanguageTag("ru"), Locale.forLanguageTag("kk"),
            Locale.ENGLISH);

    private final UserStore users;

    public UserLocaleResolver(UserStore users) {
        super("hattama-lang");
        this.users = users;
        setDefaultLocaleFunction(request -> {
            // Without the header the servlet container offers its own default locale, which is no choice of the reader's.
            if (request.getHeader("Accept-Language") == null) {
                return SUPPORTED.get(0);
            }
            for (Locale wanted : java.util.Collections.list(request.getLocales())) {
                for (Locale s : SUPPORTED) {
                    if (s.getLanguage().equals(wanted.getLanguage())) {
                        return s;
                    }
                }
            }
            return SUPPORTED.get(0);
        });
    }

    /** A choice from the language switch: kept for the browser and, for a signed-in user, with the account. */
    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale chosen = supported(locale);
        super.setLocale(request, response, chosen);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (chosen != null && auth != null && auth.getPrincipal() instanceof SignedInUser user) {
            users.setLocale(user.id(), chosen.toLanguageTag());
        }
    }

    /** At login: the language saved with the account, if any, becomes this browser's. */
    void applySaved(HttpServletRequest request, HttpServletResponse response, Authentication auth) {
        if (auth.getPrincipal() instanceof SignedInUser user) {
            users.byId(user.id()).map(u -> u.locale()).filter(l -> l != null)
                    .ifPresent(tag -> super.setLocale(request, response, supported(Locale.forLanguageTag(tag))));
        }
    }

    private static Locale supported(Locale locale) {
        if (locale == null) {
            return null;
        }
        return SUPPORTED.stream().filter(s -> s.getLanguage().equals(locale.getLanguage())).findFirst()
                .orElse(SUPPORTED.get(0));
    }
}
