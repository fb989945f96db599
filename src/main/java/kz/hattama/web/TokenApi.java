package kz.hattama.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.hattama.users.UserStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

@RestController
@RequestMapping("/api/tokens")
@ConditionalOnWebApplication
@Tag(name = "API tokens", description = "Your personal tokens for chatbots and apps")
public class TokenApi {

    private final UserStore users;

    public TokenApi(UserStore users) {
        this.users = users;
    }

    public record NewToken(String label) {
    }

    @Operation(summary = "Your live tokens (never their secrets)")
    @GetMapping
    public List<UserStore.ApiToken> list(@AuthenticationPrincipal SignedInUser user) {
        return users.tokens(user.id());
    }

    @Operation(summary = "Make a token", description = "The answer holds the secret; it is shown this once.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public UserStore.NewToken create(@AuthenticationPrincipal SignedInUser user, @RequestBody(required = false) NewToken body) {
        return users.newToken(user.id(), body == null ? null : body.label());
    }

    @Operation(summary = "Revoke a token")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revoke(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        if (!users.revokeToken(user.id(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no live token " + id);
        }
    }
}
