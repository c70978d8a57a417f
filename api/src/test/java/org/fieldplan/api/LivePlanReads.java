package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/** What {@link LivePlanProperties} reads of a region's live plan (at its base address), and its shift keys. */
final class LivePlanReads {

    private LivePlanReads() {
    }

    /** The live plan's hard score, from its summary ("-2hard/0medium/123soft"). */
    static long hardScore(ApiClient api, String base) {
        HttpResponse<String> response = api.get(base + "/plan", STRATEGIST);
        expectOk(response);
        String score = json(response).at("/summary/score").asText();
        return Long.parseLong(score.substring(0, score.indexOf("hard")));
    }

    static Map<String, String> plan(ApiClient api, String base) {
        HttpResponse<String> response = api.get(base + "/plan", STRATEGIST);
        expectOk(response);
        Map<String, String> plan = new TreeMap<>();
        json(response).get("assignments").forEach(a -> plan.put(a.get("volunteerId").asText() + "@"
                + a.get("slotId").asText(), a.get("precinctId").asText()));
        return plan;
    }

    static Map<String, JsonNode> board(ApiClient api, String base) {
        Map<String, JsonNode> rows = new HashMap<>();
        for (String date : List.of("2026-10-31", "2026-11-01")) {
            HttpResponse<String> response = api.get(base + "/board?date=" + date, STRATEGIST);
            expectOk(response);
            json(response).get("shifts").forEach(r -> {
                if (!r.get("precinctId").isNull()) {
                    rows.put(r.get("volunteerId").asText() + "@" + r.get("slotId").asText(), r);
                }
            });
        }
        return rows;
    }

    static String ref(String shift) {
        return "{\"volunteerId\":\"" + volunteer(shift) + "\",\"slotId\":\"" + slot(shift) + "\"}";
    }

    static String volunteer(String shift) {
        return shift.substring(0, shift.indexOf('@'));
    }

    static String slot(String shift) {
        return shift.substring(shift.indexOf('@') + 1);
    }

    static void expectOk(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    }

    static void expectSuccessOrProblem(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(Objects.requireNonNull(json(response).get("detail"))).isNotNull();
        }
    }
}
