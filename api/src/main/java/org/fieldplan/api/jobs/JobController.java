package org.fieldplan.api.jobs;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

import org.fieldplan.api.attendance.AttendanceService;
import org.fieldplan.api.security.AllowedRoles;
import org.fieldplan.api.security.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Strategists' jobs: submit a problem, follow it, read its plan, stop it early. */
@RestController
@RequestMapping("/api/jobs")
public class JobController {

    private final JobService jobs;
    private final JobRequestReader requestReader;
    private final JobEvents events;
    private final AttendanceService attendance;

    public JobController(JobService jobs, JobRequestReader requestReader, JobEvents events,
            AttendanceService attendance) {
        this.attendance = attendance;
        this.jobs = jobs;
        this.requestReader = requestReader;
        this.events = events;
    }

    /**
     * Body: an inline problem ({@code ?seconds=} optional) or {@code {"regionId","from","to",...}}. Volunteers with a
     * history are planned with their learned attendance.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles({Role.STRATEGIST, Role.ADMIN})
    public ResponseEntity<JobView> submit(@RequestBody(required = false) String body,
            @RequestParam(name = "seconds", required = false) String seconds) {
        Job job = jobs.submit(() -> attendance.withLearnedAttendance(requestReader.read(body, seconds)));
        return ResponseEntity.accepted().location(URI.create("/api/jobs/" + job.getId()))
                .body(JobView.of(job, jobs.solverStatus(job.getId())));
    }

    /** Every job this instance knows, newest first. */
    @GetMapping
    @AllowedRoles({Role.STRATEGIST, Role.ADMIN})
    public List<JobView> list() {
        return jobs.all().stream().sorted(Comparator.comparing(Job::getCreatedAt).reversed())
                .map(job -> JobView.of(job, jobs.solverStatus(job.getId()))).toList();
    }

    @GetMapping("/{jobId}")
    @AllowedRoles({Role.STRATEGIST, Role.ADMIN})
    public JobView get(@PathVariable String jobId) {
        return JobView.of(jobs.get(jobId), jobs.solverStatus(jobId));
    }

    @GetMapping("/{jobId}/plan")
    @AllowedRoles({Role.STRATEGIST, Role.ADMIN})
    public PlanView plan(@PathVariable String jobId) {
        Job job = jobs.get(jobId);
        job.requireBestPlan();
        return PlanView.of(job);
    }

    /** Server-sent events: {@code best} on each (throttled) improvement, then {@code end}. */
    @GetMapping(path = "/{jobId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @AllowedRoles({Role.STRATEGIST, Role.ADMIN})
    public SseEmitter events(@PathVariable String jobId) {
        return events.subscribe(jobs.get(jobId));
    }

    @PostMapping("/{jobId}/terminate")
    @AllowedRoles({Role.STRATEGIST, Role.ADMIN})
    public JobView terminate(@PathVariable String jobId) {
        return JobView.of(jobs.terminate(jobId), jobs.solverStatus(jobId));
    }
}
