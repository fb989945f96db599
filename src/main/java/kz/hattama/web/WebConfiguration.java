package kz.hattama.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import jakarta.servlet.MultipartConfigElement;
import kz.hattama.config.HattamaProperties;
import kz.hattama.config.WebProperties;
import kz.hattama.users.UserStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** The web app's plumbing: upload limits, the interface language, the API's description. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@OpenAPIDefinition(info = @Info(title = "Hattama API", version = "1",
        description = "Upload protocol photos and scans, follow what became of them, review protocols. "
                + "Sign requests with an API token from your account page: Authorization: Bearer htm_…"),
        security = @SecurityRequirement(name = "token"))
@SecurityScheme(name = "token", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A personal API token (account page → API tokens)")
public class WebConfiguration implements WebMvcConfigurer {

    /** Multipart parts other than files (form fields) an upload may carry besides its files. */
    private static final int EXTRA_PARTS = 10;

    private final UserStore users;

    public WebConfiguration(UserStore users) {
        this.users = users;
    }

    /** Per file HATTAMA_MAX_FILE_MB, per request that many files at most: the server refuses more before reading it. */
    @Bean
    MultipartConfigElement multipartConfigElement(HattamaProperties props, WebProperties web) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(DataSize.ofMegabytes(props.maxFileMb()));
        factory.setMaxRequestSize(DataSize.ofMegabytes((long) props.maxFileMb() * web.maxFilesPerUpload()));
        // Parts above this size go to a temporary file rather than memory.
        factory.setFileSizeThreshold(DataSize.ofMegabytes(1));
        return factory.createMultipartConfig();
    }

    /** Tomcat refuses requests with more than 50 parts by default: let a full upload through. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> uploadPartCount(WebProperties web) {
        return factory -> factory.addConnectorCustomizers(c -> c.setMaxPartCount(web.maxFilesPerUpload() + EXTRA_PARTS));
    }

    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    UserLocaleResolver localeResolver() {
        return new UserLocaleResolver(users);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // ?lang=kk on any page switches the language.
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
