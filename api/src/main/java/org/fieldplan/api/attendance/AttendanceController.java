package org.fieldplan.api.attendance;

import org.fieldplan.api.jobs.JobService;
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

/** No-shows recorded by organizers, and the learned attendance of a plan's volunteers for strategists. */
@RestController
@RequestMapping("/api/jobs/{jobId}")
public class AttendanceController {

    /** A volunteer who did not come to a shift that has started. */
    public record NoShow(String volunteerId, String slotId) {
    }

    private final JobService jobs;
    private final AttendanceService attendance;

    public AttendanceController(JobService jobs, AttendanceService attendance) {
        this.jobs = jobs;
        this.attendance = attendance;
    }

    @PostMapping("/no-shows")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @AllowedRoles({Role.ORGANIZER, Role.STRATEGIST, Role.ADMIN})
    public void noShow(@PathVariable String jobId, @RequestBody NoShow request, Caller caller) {
        attendance.recordNoShow(jobs.get(jobId), request.volunteerId(), request.slotId(), caller);
    }

    @GetMapping("/attendance")
    @AllowedRoles({Role.STRATEGIST, Role.ADMIN})
    public AttendanceService.Report report(@PathVariable String jobId) {
        return attendance.report(jobs.get(jobId));
    }
}
