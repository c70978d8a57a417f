package org.fieldplan.api.volunteers;

import org.fieldplan.api.jobs.JobService;
import org.fieldplan.api.replan.ReplanRequests;
import org.fieldplan.api.replan.ReplanResult;
import org.fieldplan.api.security.AllowedRoles;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The volunteer page's API, authenticated by the volunteer's link ({@code X-Volunteer-Token}); a link works only
 * for its own job and volunteer.
 */
@RestController
@RequestMapping("/api/jobs/{jobId}/me")
public class MyShiftsController {

    /** What a volunteer reports after a shift. */
    public record Report(Integer doorsKnocked, Integer contacts) {
    }

    private final JobService jobs;
    private final MyShiftsService mine;

    public MyShiftsController(JobService jobs, MyShiftsService mine) {
        this.jobs = jobs;
        this.mine = mine;
    }

    @GetMapping
    @AllowedRoles(Role.VOLUNTEER)
    public MyShifts view(@PathVariable String jobId, Caller caller) {
        return mine.view(jobs.get(jobId), caller);
    }

    @PostMapping("/shifts/{slotId}/confirm")
    @AllowedRoles(Role.VOLUNTEER)
    public MyShifts confirm(@PathVariable String jobId, @PathVariable String slotId, Caller caller) {
        return mine.confirm(jobs.get(jobId), slotId, caller);
    }

    @PostMapping("/shifts/{slotId}/decline")
    @AllowedRoles(Role.VOLUNTEER)
    public ReplanResult decline(@PathVariable String jobId, @PathVariable String slotId, Caller caller) {
        return mine.decline(jobs.get(jobId), slotId, caller);
    }

    @PostMapping("/shifts/{slotId}/report")
    @AllowedRoles(Role.VOLUNTEER)
    public ReplanResult report(@PathVariable String jobId, @PathVariable String slotId,
            @RequestBody Report report, Caller caller) {
        return mine.report(jobs.get(jobId), slotId, report.doorsKnocked(), report.contacts(), caller);
    }

    /** Body: {@code {"start": "2026-10-31T09:00", "end": "2026-10-31T16:00"}} in the plan's local time. */
    @PostMapping("/more-time")
    @AllowedRoles(Role.VOLUNTEER)
    public MyShiftsService.MoreTime moreTime(@PathVariable String jobId, @RequestBody ReplanRequests.Window window,
            Caller caller) {
        return mine.moreTime(jobs.get(jobId), window, caller);
    }
}
