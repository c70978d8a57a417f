package org.fieldplan.api.live;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.fieldplan.api.security.AllowedRoles;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.Role;
import org.fieldplan.data.live.LiveDiff;
import org.fieldplan.data.live.LiveVersion;
import org.fieldplan.domain.Assignment;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A region's live plan: publish, versions, restore and undo, organizers' actions, the day board and its live
 * updates. Its sheets, news and volunteer pages are the job endpoints under the region ({@link LiveRouting}).
 */
@RestController
@RequestMapping("/api/regions/{regionId}/live")
public class LiveController {

    private final LivePlans live;
    private final OrganizerActions actions;
    private final VersionActions versions;
    private final DayBoard board;
    private final LiveEvents events;

    public LiveController(LivePlans live, OrganizerActions actions, VersionActions versions, DayBoard board,
            LiveEvents events) {
        this.live = live;
        this.actions = actions;
        this.versions = versions;
        this.board = board;
        this.events = events;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles({Role.STRATEGIST, Role.ADMIN})
    public LiveVersionView publish(@PathVariable String regionId, @RequestBody LiveRequests.Publish request,
            Caller caller) {
        LiveVersion version = live.publish(regionId, request == null ? null : request.jobId(), caller);
        events.changed(regionId);
        return LiveVersionView.of(version, live.diff(version));
    }

    @GetMapping
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public LiveVersionView current(@PathVariable String regionId) {
        LiveVersion version = live.current(regionId).version();
        return LiveVersionView.of(version, live.diff(version));
    }

    @GetMapping("/versions")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public List<LiveVersionView> versions(@PathVariable String regionId) {
        List<LiveVersionView> all = new ArrayList<>();
        List<Assignment> before = List.of();
        for (LiveVersion version : live.versions(regionId)) {
            all.add(LiveVersionView.of(version, LiveDiff.between(before, version.assignments())));
            before = version.assignments();
        }
        return all;
    }

    @GetMapping("/versions/{number}")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public LiveVersionView version(@PathVariable String regionId, @PathVariable int number) {
        LiveVersion version = live.version(regionId, number);
        return LiveVersionView.of(version, live.diff(version));
    }

    @PostMapping("/versions/{number}/restore")
    @AllowedRoles({Role.STRATEGIST, Role.ADMIN})
    public LiveVersionView restore(@PathVariable String regionId, @PathVariable int number,
            @RequestBody(required = false) LiveRequests.GoBack request, Caller caller) {
        return versions.restore(regionId, number, accepts(request), caller);
    }

    @PostMapping("/undo")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public LiveVersionView undo(@PathVariable String regionId,
            @RequestBody(required = false) LiveRequests.GoBack request, Caller caller) {
        return versions.undo(regionId, accepts(request), caller);
    }

    private static boolean accepts(LiveRequests.GoBack request) {
        return request != null && Boolean.TRUE.equals(request.accept());
    }

    @PostMapping("/move")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public OrganizerActions.Done move(@PathVariable String regionId, @RequestBody LiveRequests.Move request,
            Caller caller) {
        return actions.move(regionId, request, caller);
    }

    @PostMapping("/swap")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public OrganizerActions.Done swap(@PathVariable String regionId, @RequestBody LiveRequests.Swap request,
            Caller caller) {
        return actions.swap(regionId, request, caller);
    }

    @PostMapping("/assign")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public OrganizerActions.Done assign(@PathVariable String regionId, @RequestBody LiveRequests.Assign request,
            Caller caller) {
        return actions.assign(regionId, request, caller);
    }

    @PostMapping("/unassign")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public OrganizerActions.Done unassign(@PathVariable String regionId, @RequestBody LiveRequests.Shift request,
            Caller caller) {
        return actions.unassign(regionId, request, caller);
    }

    @PostMapping("/lock")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public OrganizerActions.Done lock(@PathVariable String regionId, @RequestBody LiveRequests.Shift request,
            Caller caller) {
        return actions.lock(regionId, request, caller);
    }

    @PostMapping("/unlock")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public OrganizerActions.Done unlock(@PathVariable String regionId, @RequestBody LiveRequests.Shift request,
            Caller caller) {
        return actions.unlock(regionId, request, caller);
    }

    @PostMapping("/notes")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public OrganizerActions.Done note(@PathVariable String regionId, @RequestBody LiveRequests.Note request,
            Caller caller) {
        return actions.note(regionId, request, caller);
    }

    @GetMapping("/board")
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public DayBoard.Board board(@PathVariable String regionId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Caller caller) {
        return board.board(regionId, date, caller);
    }

    /** A {@code version} event for every new version of the live plan, whoever made it. */
    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @AllowedRoles({Role.STRATEGIST, Role.ORGANIZER, Role.ADMIN})
    public SseEmitter events(@PathVariable String regionId) {
        return events.subscribe(regionId, live.current(regionId).version().number());
    }
}
