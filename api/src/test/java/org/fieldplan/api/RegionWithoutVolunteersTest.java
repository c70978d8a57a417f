package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.fieldplan.data.DataStores;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.data.generator.RegionGenerator;
import org.fieldplan.data.generator.RegionSize;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A job over a stored region with nobody to plan (no volunteers stored, or none of the named organizer's) is refused
 * with a 400 problem saying why, instead of a plan "solved" empty in milliseconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionWithoutVolunteersTest {

    @LocalServerPort
    int port;

    @Autowired
    DataStores stores;

    private ApiClient api;
    private String empty;
    private String staffed;

    @BeforeAll
    void storeRegions() {
        api = new ApiClient(port);
        FieldPlanProblem generated = new RegionGenerator().generate(RegionSize.S, 3);
        empty = "empty-" + UUID.randomUUID();
        stores.regions().save(empty, new FieldPlanProblem(generated.name(), generated.timeZone(),
                generated.voteModel(), generated.travel(), generated.districts(), generated.timeSlots(),
                generated.precincts(), List.of(), generated.weights(), List.of()));
        staffed = "staffed-" + UUID.randomUUID();
        stores.regions().save(staffed, generated);
    }

    private JsonNode refused(String body, String field) {
        HttpResponse<String> answer = api.postJson("/api/jobs", STRATEGIST, body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode error = json(answer).get("errors").get(0);
        assertThat(error.get("path").asText()).isEqualTo(field);
        return error;
    }

    @Test
    void aRegionWithoutVolunteersIsRefusedSayingSo() {
        JsonNode error = refused("{\"regionId\": \"" + empty + "\", \"seconds\": 1}", "regionId");

        assertThat(error.get("message").asText()).startsWith("nothing to plan: region " + empty
                + " has no volunteer available from 2026-10-31 to ").contains("no volunteer is stored")
                .contains("add volunteers");
    }

    @Test
    void anOrganizerWithoutVolunteersThereIsNamed() {
        JsonNode error = refused("{\"regionId\": \"" + staffed + "\", \"organizerId\": \"org-nobody\"}",
                "organizerId");

        // An organizer none of the region's volunteers belongs to is most likely a typo: the answer lists who is.
        assertThat(error.get("message").asText()).startsWith("no volunteer of region " + staffed
                + " belongs to organizer \"org-nobody\" (its organizers: org-1");
    }

    @Test
    void aRegionWithVolunteersIsStillAccepted() {
        HttpResponse<String> answer = api.postJson("/api/jobs", STRATEGIST,
                "{\"regionId\": \"" + staffed + "\", \"seconds\": 1}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        api.awaitEnd(json(answer).get("id").asText());
    }
}
