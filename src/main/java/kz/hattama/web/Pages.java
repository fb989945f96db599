package kz.hattama.web;

import jakarta.servlet.http.HttpServletRequest;
import kz.hattama.config.HattamaProperties;
import kz.hattama.config.WebProperties;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.stats.HtmlReport;
import kz.hattama.stats.ReportTexts;
import kz.hattama.stats.Statistics;
import kz.hattama.stats.StatisticsService;
import kz.hattama.store.ProtocolStore;
import kz.hattama.store.ReviewStore;
import kz.hattama.store.ScanStore;
import kz.hattama.store.StoredProtocol;
import kz.hattama.users.Role;
import kz.hattama.users.UserStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The pages people use; their scripts talk to the JSON API with the same session. */
@Controller
@ConditionalOnWebApplication
public class Pages {

    private static final int QUEUE_PAGE = 100;

    private final ProtocolStore protocols;
    private final ScanStore scans;
    private final ReviewStore reviews;
    private final ReviewViews reviewViews;
    private final UserStore users;
    private final Access access;
    private final Texts texts;
    private final HattamaProperties props;
    private final WebProperties web;
    private final StatisticsService statistics;

    public Pages(ProtocolStore protocols, ScanStore scans, ReviewStore reviews, ReviewViews reviewViews, UserStore users,
                 Access access, Texts texts, HattamaProperties props, WebProperties web, StatisticsService statistics) {
        this.protocols = protocols;
        this.scans = scans;
        this.reviews = reviews;
        this.reviewViews = reviewViews;
        this.users = users;
        this.access = access;
        this.texts = texts;
        this.props = props;
        this.web = web;
        this.statistics = statistics;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInUser me) {
        return me.mayReview() ? "redirect:/review" : "redirect:/upload";
    }

    @GetMapping("/upload")
    String upload(Model model) {
        model.addAttribute("maxFileMb", props.maxFileMb());
        model.addAttribute("maxFiles", web.maxFilesPerUpload());
        model.addAttribute("messages", texts.forScripts("js.", "progress.", "status.", "upload.error."));
        return "upload";
    }

    @GetMapping("/sources/{id}")
    String source(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, Model model) {
        access.requireSource(me, id);
        ScanStore.Source source = scans.source(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no file " + id));
        List<StoredProtocol> pages = protocols.protocolsOf(id);
        boolean duplicateVisible = source.duplicateOf() != null && access.maySeeSource(me, source.duplicateOf());
        // Another person's earlier upload is not named: its file name can say whose it is.
        String duplicateName = duplicateVisible ? duplicateName(source) : null;
        model.addAttribute("source", source);
        model.addAttribute("pages", pages.stream().map(p -> new SourcePage(p, p.rejection() == null ? null
                : texts.rejection(p.rejection().code(), duplicateName))).toList());
        model.addAttribute("duplicateVisible", duplicateVisible);
        return "source";
    }

    private String duplicateName(ScanStore.Source source) {
        return source.duplicateOf() == null ? null
                : scans.source(source.duplicateOf()).map(ScanStore.Source::name).orElse(null);
    }

    /** A page of an uploaded file and, for a rejection, its reason in the interface language. */
    public record SourcePage(StoredProtocol protocol, String rejection) {
    }

    @GetMapping("/review")
    String queue(Model model) {
        model.addAttribute("counts", reviews.counts());
        model.addAttribute("items", reviews.queue(QUEUE_PAGE, 0));
        model.addAttribute("statuses", ProtocolStatus.values());
        return "queue";
    }

    @GetMapping("/review/next")
    String next() {
        return reviews.next(-1).map(id -> "redirect:/review/" + id).orElse("redirect:/review");
    }

    @GetMapping("/review/{id}")
    String review(@PathVariable long id, Model model) {
        model.addAttribute("protocol", reviewViews.of(id));
        model.addAttribute("messages", texts.forScripts("js.", "review.", "status."));
        return "review";
    }

    /**
     * Results and violations by region, city and precinct, with charts: the report of {@code stats --format html},
     * computed on the data as it stands when the page is opened, with the protocols to look into linked.
     */
    @GetMapping("/stats")
    String stats(HttpServletRequest request, Model model) throws IOException {
        Statistics stats = statistics.compute();
        ReportTexts reportTexts = ReportTexts.of(LocaleContextHolder.getLocale());
        HtmlReport report = new HtmlReport(reportTexts).linkingTo(id -> request.getContextPath() + "/review/" + id)
                .naming(texts::checkName, texts::flagName);
        model.addAttribute("pageStyle", HtmlReport.style());
        model.addAttribute("heading", reportTexts.get("title"));
        model.addAttribute("about", report.about(stats));
        model.addAttribute("report", report.body(stats));
        return "stats";
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("tokens", users.tokens(me.id()));
        return "account";
    }

    @PostMapping("/account/tokens")
    String newToken(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) String label,
                    RedirectAttributes redirect) {
        redirect.addFlashAttribute("secret", users.newToken(me.id(), label).secret());
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal SignedInUser me, @PathVariable long id) {
        users.revokeToken(me.id(), id);
        return "redirect:/account";
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("users", users.all());
        model.addAttribute("roles", Role.values());
        return "users";
    }

    @PostMapping("/admin/users")
    String addUser(@RequestParam String login, @RequestParam String password, @RequestParam Role role,
                   RedirectAttributes redirect) {
        try {
            users.add(login.strip(), password, role);
            redirect.addFlashAttribute("notice", texts.get("users.added", login.strip()));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}")
    String changeUser(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, @RequestParam Role role,
                      @RequestParam(defaultValue = "false") boolean enabled,
                      @RequestParam(required = false) Optional<String> password, RedirectAttributes redirect) {
        if (id == me.id() && (role != Role.ADMIN || !enabled)) {
            // An admin who demotes or disables themselves could leave nobody to undo it.
            redirect.addFlashAttribute("error", texts.get("users.not_yourself"));
            return "redirect:/admin/users";
        }
        try {
            // The password first: it is the one change that can be refused.
            password.filter(p -> !p.isBlank()).ifPresent(p -> users.setPassword(id, p));
            users.setRole(id, role);
            users.setEnabled(id, enabled);
            redirect.addFlashAttribute("notice", texts.get("users.saved"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users";
    }
}
