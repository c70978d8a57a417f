package org.fieldplan.api.recommend;

import java.time.LocalDateTime;
import java.util.List;

import org.fieldplan.api.jobs.JobService;
import org.fieldplan.api.security.AllowedRoles;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.Role;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.TravelMode;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "I have Saturday 10–13, a car, 5 km: where should I go?":
 * {@code GET /api/jobs/{id}/recommendations?home=lon,lat&from=&to=&travelMode=CAR&maxKm=5} (or
 * {@code volunteerId=} for a volunteer of the plan; organizers only for their own).
 */
@RestController
public class RecommendationController {

    private final JobService jobs;
    private final RecommendationService recommendations;

    public RecommendationController(JobService jobs, RecommendationService recommendations) {
        this.jobs = jobs;
        this.recommendations = recommendations;
    }

    @GetMapping("/api/jobs/{jobId}/recommendations")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public RecommendationService.Answer recommend(@PathVariable String jobId,
            @RequestParam(required = false) String volunteerId, @RequestParam(required = false) String home,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
            @RequestParam(required = false) TravelMode travelMode,
            @RequestParam(required = false) Integer maxTravelMinutes, @RequestParam(required = false) Double maxKm,
            @RequestParam(required = false) List<Skill> skills, @RequestParam(required = false) List<String> languages,
            @RequestParam(required = false) Double attendanceProbability,
            @RequestParam(required = false) Integer limit, Caller caller) {
        return recommendations.recommend(jobs.get(jobId), new RecommendationService.Request(volunteerId, home, from,
                to, travelMode, maxTravelMinutes, maxKm, skills, languages, attendanceProbability, limit), caller);
    }
}
