package org.fieldplan.api.accounts;

import java.util.List;

import org.fieldplan.api.security.AllowedRoles;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins manage accounts: create (the key is in this answer only), list, disable, enable, rotate the key. */
@RestController
@RequestMapping("/api/accounts")
public class AccountController {

    private final AccountService accounts;

    public AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles(Role.ADMIN)
    public AccountService.CreatedAccount create(@RequestBody(required = false) AccountService.NewAccount request,
            Caller caller) {
        return accounts.create(request, caller);
    }

    @GetMapping
    @AllowedRoles(Role.ADMIN)
    public List<Account> list() {
        return accounts.list();
    }

    @PostMapping("/{accountId}/disable")
    @AllowedRoles(Role.ADMIN)
    public Account disable(@PathVariable String accountId) {
        return accounts.setEnabled(accountId, false);
    }

    @PostMapping("/{accountId}/enable")
    @AllowedRoles(Role.ADMIN)
    public Account enable(@PathVariable String accountId) {
        return accounts.setEnabled(accountId, true);
    }

    @PostMapping("/{accountId}/rotate")
    @AllowedRoles(Role.ADMIN)
    public AccountService.CreatedAccount rotate(@PathVariable String accountId) {
        return accounts.rotate(accountId);
    }
}
