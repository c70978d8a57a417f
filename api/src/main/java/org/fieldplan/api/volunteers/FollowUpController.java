package org.fieldplan.api.volunteers;

import java.time.LocalDate;

import org.fieldplan.api.assignments.AssignmentService;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.jobs.JobService;
import org.fieldplan.api.security.AllowedRoles;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organizer's phone list: a day's shifts not confirmed by 18:00 the day before. */
@RestController
@RequestMapping("/api/jobs/{jobId}")
public class FollowUpController {

    private final JobService jobs;
    private final AssignmentService assignments;
    private final SheetPeople people;

    public FollowUpController(JobService jobs, AssignmentService assignments, SheetPeople people) {
        this.jobs = jobs;
        this.assignments = assignments;
        this.people = people;
    }

    @GetMapping("/unconfirmed")
    @AllowedRoles({Role.ORGANIZER, Role.STRATEGIST, Role.ADMIN})
    public SheetPeople.FollowUp unconfirmed(@PathVariable String jobId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String organizer, Caller caller) {
        if (date == null) {
            throw ApiException.invalid("date", "is required (the day of the shifts, e.g. 2026-11-01)");
        }
        Job job = jobs.get(jobId);
        return people.followUp(assignments.daily(job, date, organizer, caller), job, caller,
                VolunteerLinkController.baseUrl());
    }
}
