package org.fieldplan.api.campaigns;

import java.net.URI;
import java.util.List;

import org.fieldplan.api.security.AllowedRoles;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Strategists' campaigns: one submission for many regions, followed region by region. */
@RestController
@RequestMapping("/api/campaigns")
public class CampaignController {

    private final CampaignService campaigns;
    private final CampaignEvents events;

    public CampaignController(CampaignService campaigns, CampaignEvents events) {
        this.campaigns = campaigns;
        this.events = events;
    }

    /** Body: {@code {"regions": [ids], "problems"?: {id: problem}, "seconds"?, "publish"?, "name"?, "from"?, "to"?}}. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles({Role.STRATEGIST, Role.ADMIN})
    public ResponseEntity<CampaignView> submitCampaign(@RequestBody(required = false) String body, Caller caller) {
        CampaignView campaign = campaigns.submit(body, caller);
        return ResponseEntity.accepted().location(URI.create("/api/campaigns/" + campaign.id())).body(campaign);
    }

    /** Every campaign, newest first. */
    @GetMapping
    @AllowedRoles({Role.STRATEGIST, Role.ADMIN})
    public List<CampaignView> listCampaigns() {
        return campaigns.all();
    }

    @GetMapping("/{campaignId}")
    @AllowedRoles({Role.STRATEGIST, Role.ADMIN})
    public CampaignView getCampaign(@PathVariable String campaignId) {
        return campaigns.get(campaignId);
    }

    /** Server-sent events: {@code progress} when the campaign's view changes, then {@code end}. */
    @GetMapping(path = "/{campaignId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @AllowedRoles({Role.STRATEGIST, Role.ADMIN})
    public SseEmitter campaignEvents(@PathVariable String campaignId) {
        return events.subscribe(campaignId);
    }
}
