package kz.hattama.render;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one way Hattama writes HTML: Thymeleaf templates from {@code templates/} on the classpath, the web app's pages
 * and the files the commands write alike (the statistics report, the evidence summary, whose PDF is laid out from the
 * same HTML). The commands run without a web context, so this engine is their own; it reads the same folder.
 */
public final class Templates {

    private static final TemplateEngine ENGINE = engine();

    private Templates() {
    }

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        // Spring's engine, for SpEL: the same expressions as in the web app's templates, no OGNL on the classpath.
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    /** The whole template, e.g. {@code reports/stats}, with these variables. */
    public static String render(String template, Map<String, Object> variables) {
        return ENGINE.process(template, context(variables));
    }

    /** Only the fragment {@code fragment} of the template (a {@code th:fragment} name), with these variables. */
    public static String render(String template, String fragment, Map<String, Object> variables) {
        return ENGINE.process(template, Set.of(fragment), context(variables));
    }

    private static Context context(Map<String, Object> variables) {
        Context context = new Context(Locale.ROOT);
        context.setVariables(variables);
        return context;
    }
}
