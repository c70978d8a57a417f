package org.fieldplan.api.signups;

import java.util.List;

import org.fieldplan.api.security.AllowedRoles;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.Role;
import org.fieldplan.api.volunteers.VolunteerLinkController;
import org.fieldplan.domain.Carpool;
import org.fieldplan.domain.DeploymentOffer;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The public sign-up page's endpoints ({@code /api/sign-up/{regionId}}: no credential, rate-limited) and the
 * organizers' list of their turf's sign-ups, with reject.
 */
@RestController
public class SignUpController {

    /** @param reason shown in the list; optional */
    public record Rejection(String reason) {
    }

    /**
     * A sign-up as organizers see it: who, how to reach them, when they can come (and the longer trip and the carpool
     * they offer, each left out when none), where it stands.
     */
    public record SignUpView(String id, String name, String email, String phone, String organizerId,
            List<String> slotIds, List<String> skills, List<String> languages, String travelMode,
            int maxTravelMinutes, SignUp.Status status, String note, String createdAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) DeploymentOffer deployment,
            @JsonInclude(JsonInclude.Include.NON_NULL) Carpool carpool) {

        static SignUpView of(SignUp s) {
            return new SignUpView(s.id(), s.name(), s.email(), s.phone(), s.organizerId(), s.slotIds(), s.skills(),
                    s.languages(), s.travelMode(), s.maxTravelMinutes(), s.status(), s.note(),
                    s.createdAt().toString(), s.deployment(), s.carpool().equals(Carpool.NONE) ? null : s.carpool());
        }
    }

    private final SignUpService signUps;

    public SignUpController(SignUpService signUps) {
        this.signUps = signUps;
    }

    @GetMapping("/api/sign-up/{regionId}")
    public SignUpService.FormOptions options(@PathVariable String regionId) {
        return signUps.options(regionId);
    }

    @PostMapping("/api/sign-up/{regionId}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public SignUpService.Receipt submit(@PathVariable String regionId, @RequestBody SignUpRequests.Form form,
            HttpServletRequest request) {
        return signUps.submit(regionId, form, request.getRemoteAddr(), VolunteerLinkController.baseUrl());
    }

    @PostMapping("/api/sign-up/{regionId}/{signUpId}/confirm")
    public SignUpService.Receipt confirm(@PathVariable String regionId, @PathVariable String signUpId,
            @RequestBody SignUpRequests.Confirmation confirmation, HttpServletRequest request) {
        return signUps.confirm(regionId, signUpId, confirmation, request.getRemoteAddr(),
                VolunteerLinkController.baseUrl());
    }

    @GetMapping("/api/regions/{regionId}/sign-ups")
    @AllowedRoles({Role.ORGANIZER, Role.STRATEGIST, Role.ADMIN})
    public List<SignUpView> list(@PathVariable String regionId, Caller caller) {
        return signUps.list(regionId, caller).stream().map(SignUpView::of).toList();
    }

    @PostMapping("/api/regions/{regionId}/sign-ups/{signUpId}/reject")
    @AllowedRoles({Role.ORGANIZER, Role.STRATEGIST, Role.ADMIN})
    public SignUpView reject(@PathVariable String regionId, @PathVariable String signUpId,
            @RequestBody(required = false) Rejection rejection, Caller caller) {
        return SignUpView.of(signUps.reject(regionId, signUpId, rejection == null ? null : rejection.reason(),
                caller));
    }
}
