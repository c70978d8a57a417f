package org.fieldplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldplan.api.ApiClient.ORGANIZER_1;
import static org.fieldplan.api.ApiClient.STRATEGIST;
import static org.fieldplan.api.ApiClient.json;
import static org.fieldplan.api.LivePlanReads.expectOk;
import static org.fieldplan.api.LivePlanReads.expectSuccessOrProblem;
import static org.fieldplan.api.LivePlanReads.ref;
import static org.fieldplan.api.LivePlanReads.slot;
import static org.fieldplan.api.LivePlanReads.volunteer;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random sequences of publish, re-publish, organizer actions (move, swap, lock, unlock, note, undo), volunteer
 * answers (confirm, decline), field reports, cancellations and restores against a region's live plan, over real HTTP,
 * on the in-memory store and on PostGIS (with restarts of the service in between). After every step: no field report,
 * confirmation, lock, note or volunteer link is lost, a locked shift has not moved (same volunteer, slot and precinct
 * until unlocked), the hard score is not below the one the step started from unless the step was a rule break
 * accepted with {@code "accept": true}, and right after restoring version k every shift that is not a field fact goes
 * where version k sent it. Every request gets a success or a 4xx problem, never a 5xx. Each try publishes under a
 * region of its own.
 */
class LivePlanProperties {

    private static final String SECRET = "--fieldplan.links.secret=live-plan-properties-secret";
    private static ConfigurableApplicationContext memory;
    private static ConfigurableApplicationContext postgis;
    private static String[] postgisArguments;
    private static final List<String> MEMORY_JOBS = new ArrayList<>();
    private static final List<String> POSTGIS_JOBS = new ArrayList<>();

    enum Kind { PUBLISH, MOVE, SWAP, LOCK, UNLOCK, NOTE, UNDO, CONFIRM, DECLINE, REPORT, CANCEL, RESTORE, RESTART }

    /** One step; its numbers pick a job, shifts, a precinct or a version among those there are when it runs. */
    record Step(Kind kind, int a, int b, boolean accept) {
    }

    @BeforeContainer
    static void startBothStores() {
        memory = start(SECRET, "--server.port=0", "--fieldplan.now=2026-10-30T08:00");
        List<String> arguments = new ArrayList<>(List.of(TestDatabases.postgisServiceArguments(
                TestDatabases.fresh("live_properties"))));
        arguments.add(SECRET);
        arguments.add("--fieldplan.now=2026-10-30T08:00");
        postgisArguments = arguments.toArray(String[]::new);
        postgis = start(postgisArguments);
        solveTwoPlans(client(memory), MEMORY_JOBS);
        solveTwoPlans(client(postgis), POSTGIS_JOBS);
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        return new SpringApplicationBuilder(FieldPlanApplication.class).profiles("test").run(arguments);
    }

    private static ApiClient client(ConfigurableApplicationContext service) {
        return new ApiClient(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
    }

    /** Two plans of the small example with every volunteer in org-1 (so org-1 may act on every shift). */
    private static void solveTwoPlans(ApiClient api, List<String> jobs) {
        String allOrg1 = ApiClient.smallProblem().replace("\"org-2\"", "\"org-1\"");
        jobs.add(api.solve(allOrg1));
        ObjectNode other = LivePlanTest.smallProblem();
        other.withObject("/weights").put("travelTime", "500soft");
        jobs.add(api.solve(other.toString().replace("\"org-2\"", "\"org-1\"")));
    }

    @AfterContainer
    static void stop() {
        if (memory != null) {
            memory.close();
        }
        if (postgis != null) {
            postgis.close();
        }
    }

    @Property(tries = 8)
    void noFieldFactIsLostAndRestoresGiveTheirVersionsSheet(@ForAll("sequences") List<Step> steps) {
        new Run(false).play(steps);
        new Run(true).play(steps);
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(Kind.PUBLISH)), Tuple.of(3, Arbitraries.just(Kind.MOVE)),
                Tuple.of(2, Arbitraries.just(Kind.SWAP)), Tuple.of(3, Arbitraries.just(Kind.LOCK)),
                Tuple.of(1, Arbitraries.just(Kind.UNLOCK)), Tuple.of(2, Arbitraries.just(Kind.NOTE)),
                Tuple.of(2, Arbitraries.just(Kind.UNDO)), Tuple.of(2, Arbitraries.just(Kind.CONFIRM)),
                Tuple.of(1, Arbitraries.just(Kind.DECLINE)), Tuple.of(2, Arbitraries.just(Kind.REPORT)),
                Tuple.of(1, Arbitraries.just(Kind.CANCEL)), Tuple.of(3, Arbitraries.just(Kind.RESTORE)),
                Tuple.of(1, Arbitraries.just(Kind.RESTART)));
        Arbitrary<Step> step = Combinators.combine(kinds, Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(0, 99), Arbitraries.of(true, true, true, false)).as(Step::new);
        // Every sequence starts by publishing: there is nothing to act on before.
        Arbitrary<Step> publish = Arbitraries.integers().between(0, 1).map(job -> new Step(Kind.PUBLISH, job, 0,
                false));
        // Move a shift, lock it, publish: the publish must keep the lock where the move put it, not where the job has it.
        Arbitrary<List<Step>> lockThenPublish = Combinators.combine(Arbitraries.integers().between(50, 99),
                Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 1)).as((a, b, job) -> List.of(
                        new Step(Kind.MOVE, a, b, true), new Step(Kind.LOCK, 50, 0, false),
                        new Step(Kind.PUBLISH, job, 0, false)));
        Arbitrary<List<Step>> chunk = Arbitraries.frequencyOf(Tuple.of(6, step.map(List::of)),
                Tuple.of(1, lockThenPublish));
        return Combinators.combine(publish, chunk.list().ofMinSize(3).ofMaxSize(8)).as((first, rest) -> {
            List<Step> all = new ArrayList<>(List.of(first));
            rest.forEach(all::addAll);
            return all;
        });
    }

    /** One sequence against one service, with what the field has said so far. */
    private static final class Run {

        private final boolean onPostgis;
        private final String region = LivePlanTest.newRegion();
        private ApiClient api;
        private final Map<String, Integer> reported = new LinkedHashMap<>();
        private final Map<String, String> reportedAt = new HashMap<>();
        private final Map<String, String> confirmed = new HashMap<>();
        /** Locked shift → its precinct when locked, in lock order (undo takes the newest off). */
        private final LinkedHashMap<String, String> locks = new LinkedHashMap<>();
        private final LinkedHashMap<String, String> notes = new LinkedHashMap<>();
        private final Map<String, String> tokens = new HashMap<>();
        /** Shifts a volunteer declined or an organizer cancelled: they left the plan for good. */
        private final java.util.Set<String> gone = new java.util.HashSet<>();
        /** Per version seen, the live plan's shifts (volunteer@slot → precinct). */
        private final Map<Integer, Map<String, String>> sheets = new TreeMap<>();
        /** Org-1's undoable actions, newest last: "lock", "note" or "plan". */
        private final List<String> undoable = new ArrayList<>();
        private boolean published;
        private String lastShift;
        /** Whether the step being played broke a hard rule knowingly: the one way the hard score may drop. */
        private boolean acceptedBreak;

        Run(boolean onPostgis) {
            this.onPostgis = onPostgis;
            this.api = client(onPostgis ? postgis : memory);
        }

        void play(List<Step> steps) {
            for (Step step : steps) {
                Long floor = published ? hardScore() : null;
                acceptedBreak = false;
                play(step);
                if (published) {
                    assertNothingLost(step);
                }
                if (floor != null && !acceptedBreak) {
                    assertThat(hardScore()).as("hard score after %s, from %d at its start", step, floor)
                            .isGreaterThanOrEqualTo(floor);
                }
            }
        }

        private List<String> jobs() {
            return onPostgis ? POSTGIS_JOBS : MEMORY_JOBS;
        }

        private void play(Step step) {
            if (!published && step.kind() != Kind.PUBLISH) {
                return;
            }
            Map<String, String> plan = published ? plan() : Map.of();
            List<String> shifts = new ArrayList<>(plan.keySet());
            shifts.sort(null);
            // Often the shift the step before touched: a move then a lock, a lock then a publish, find most bugs.
            String shift = shifts.isEmpty() ? null : step.a() >= 50 && lastShift != null && plan.containsKey(lastShift) ? lastShift
                    : shifts.get(step.a() % shifts.size());
            if (shift != null) {
                lastShift = shift;
            }
            switch (step.kind()) {
                case PUBLISH -> {
                    HttpResponse<String> r = api.postJson(base(), STRATEGIST, "{\"jobId\":\""
                            + jobs().get(step.a() % 2) + "\"}");
                    expectOk(r);
                    published = true;
                    // A publish leaves out the shifts of volunteers who cancelled since and sends home a teammate
                    // they leave alone, but repairs nothing else (a team may lose the language a member spoke), so
                    // only then may its hard score drop.
                    if (!json(r).get("reason").asText().contains(" 0 shifts not sent out")) {
                        Statistics.label("publishes leaving out cancelled shifts").collect(true);
                        acceptedBreak = true;
                    }
                }
                case MOVE -> {
                    if (shift == null) {
                        return;
                    }
                    // One of the two other precincts: moving to where it goes already is only a 400.
                    int at = Integer.parseInt(plan.get(shift).substring(1)) - 1;
                    String to = "P000" + (1 + (at + 1 + step.b() % 2) % 3);
                    HttpResponse<String> r = act("move", "{\"volunteerId\":\"" + volunteer(shift) + "\",\"slotId\":\""
                            + slot(shift) + "\",\"toPrecinctId\":\"" + to + "\",\"accept\":" + step.accept() + "}");
                    if (r.statusCode() == 200) {
                        assertThat(locks).as("a locked shift is never moved").doesNotContainKey(shift);
                        undoable.add("plan");
                    }
                }
                case SWAP -> {
                    if (shifts.size() < 2) {
                        return;
                    }
                    String other = shifts.get(step.b() % shifts.size());
                    HttpResponse<String> r = act("swap", "{\"first\":{\"volunteerId\":\"" + volunteer(shift)
                            + "\",\"slotId\":\"" + slot(shift) + "\"},\"second\":{\"volunteerId\":\"" + volunteer(other)
                            + "\",\"slotId\":\"" + slot(other) + "\"},\"accept\":" + step.accept() + "}");
                    if (r.statusCode() == 200) {
                        assertThat(locks).doesNotContainKeys(shift, other);
                        undoable.add("plan");
                    }
                }
                case LOCK -> {
                    if (shift != null && act("lock", ref(shift)).statusCode() == 200) {
                        locks.remove(shift);
                        locks.put(shift, plan.get(shift));
                        undoable.add("lock");
                    }
                }
                case UNLOCK -> {
                    if (shift != null && act("unlock", ref(shift)).statusCode() == 200) {
                        locks.remove(shift);
                    }
                }
                case NOTE -> {
                    if (shift != null) {
                        String text = "note " + step.b();
                        if (act("notes", "{\"volunteerId\":\"" + volunteer(shift) + "\",\"slotId\":\"" + slot(shift)
                                + "\",\"text\":\"" + text + "\"}").statusCode() == 200) {
                            notes.remove(shift);
                            notes.put(shift, text);
                            undoable.add("note");
                        }
                    }
                }
                case UNDO -> undo(step);
                case CONFIRM, DECLINE -> {
                    if (shift == null || reported.containsKey(shift)
                            || step.kind() == Kind.DECLINE && locks.containsKey(shift)) {
                        return;
                    }
                    String path = base() + "/me/shifts/" + slot(shift) + "/"
                            + (step.kind() == Kind.CONFIRM ? "confirm" : "decline");
                    HttpResponse<String> r = api.asVolunteer("POST", path, token(volunteer(shift)), null);
                    expectSuccessOrProblem(r);
                    if (r.statusCode() == 200 && step.kind() == Kind.CONFIRM) {
                        confirmed.put(shift, "CONFIRMED");
                    } else if (r.statusCode() == 200) {
                        confirmed.remove(shift);
                        gone.add(shift);
                    }
                }
                case REPORT -> {
                    if (shift == null) {
                        return;
                    }
                    int doors = 1 + step.b();
                    HttpResponse<String> r = api.postJson(base() + "/field-reports", ORGANIZER_1, "{\"volunteerId\":\""
                            + volunteer(shift) + "\",\"slotId\":\"" + slot(shift) + "\",\"doorsKnocked\":" + doors
                            + ",\"contacts\":1}");
                    expectSuccessOrProblem(r);
                    if (r.statusCode() == 200) {
                        reported.put(shift, doors);
                        reportedAt.put(shift, plan.get(shift));
                    }
                }
                case CANCEL -> {
                    if (shift == null || reported.containsKey(shift) || locks.containsKey(shift)) {
                        return;
                    }
                    HttpResponse<String> r = api.postJson(base() + "/cancellations", ORGANIZER_1, ref(shift));
                    expectSuccessOrProblem(r);
                    if (r.statusCode() == 200) {
                        confirmed.remove(shift);
                        gone.add(shift);
                    }
                }
                case RESTORE -> restore(step);
                case RESTART -> {
                    if (onPostgis) {
                        Statistics.label("restarts").collect("postgis");
                        postgis.close();
                        postgis = start(postgisArguments);
                        api = client(postgis);
                    }
                }
            }
            record();
        }

        private void undo(Step step) {
            HttpResponse<String> r = api.postJson(base() + "/undo", ORGANIZER_1, accept(step));
            expectSuccessOrProblem(r);
            Statistics.label("organizer actions").collect("undo", r.statusCode());
            if (r.statusCode() != 200) {
                return;
            }
            noteAcceptedBreak(json(r).get("reason").asText());
            String undone = undoable.remove(undoable.size() - 1);
            if (undone.equals("lock") && !locks.isEmpty()) {
                locks.remove(new ArrayList<>(locks.keySet()).get(locks.size() - 1));
            } else if (undone.equals("note") && !notes.isEmpty()) {
                notes.remove(new ArrayList<>(notes.keySet()).get(notes.size() - 1));
            }
        }

        private void restore(Step step) {
            if (sheets.isEmpty()) {
                return;
            }
            List<Integer> seen = new ArrayList<>(sheets.keySet());
            int version = seen.get(step.a() % seen.size());
            Map<String, String> before = plan();
            HttpResponse<String> r = api.postJson(base() + "/versions/" + version + "/restore", STRATEGIST,
                    accept(step));
            expectSuccessOrProblem(r);
            Statistics.label("restores").collect(onPostgis ? "postgis" : "memory", r.statusCode());
            if (r.statusCode() == 409) {
                assertThat(json(r).get("detail").asText()).contains("breaks the rule");
                assertThat(plan()).as("a refused restore changes nothing").isEqualTo(before);
                return;
            }
            expectOk(r);
            noteAcceptedBreak(json(r).get("reason").asText());
            Map<String, String> now = plan();
            Map<String, String> then = sheets.get(version);
            for (Map.Entry<String, String> entry : now.entrySet()) {
                if (!reported.containsKey(entry.getKey()) && !locks.containsKey(entry.getKey())) {
                    assertThat(entry.getValue()).as("%s after restoring version %d", entry.getKey(), version)
                            .isEqualTo(then.get(entry.getKey()));
                }
            }
            then.keySet().stream().filter(shift -> !now.containsKey(shift) && !locks.containsKey(shift))
                    .forEach(shift -> assertThat(gone).as("%s of version %d is not sent out after the restore only "
                            + "when it was cancelled since", shift, version).contains(shift));
        }

        private static String accept(Step step) {
            return "{\"accept\":" + step.accept() + "}";
        }

        /** Restores and undos say in their reason which breaks were accepted, as organizer actions do. */
        private void noteAcceptedBreak(String reason) {
            acceptedBreak |= reason.contains("(accepted: ");
        }

        /** Remembers the sheet of the version the live plan is at now. */
        private void record() {
            if (published) {
                int number = json(api.get(base(), STRATEGIST)).get("number").asInt();
                sheets.put(number, plan());
            }
        }

        private void assertNothingLost(Step after) {
            Map<String, String> plan = plan();
            Map<String, JsonNode> board = board();
            reported.forEach((shift, doors) -> {
                assertThat(plan).as("reported %s after %s", shift, after).containsEntry(shift, reportedAt.get(shift));
                assertThat(board.get(shift).get("status").asText()).isEqualTo("REPORTED");
            });
            locks.forEach((shift, precinct) -> {
                assertThat(plan).as("locked %s after %s", shift, after).containsEntry(shift, precinct);
                assertThat(board.get(shift).get("locked").asBoolean()).isTrue();
            });
            notes.forEach((shift, text) -> {
                if (plan.containsKey(shift)) {
                    assertThat(board.get(shift).get("note").asText()).as("note on %s after %s", shift, after)
                            .isEqualTo(text);
                }
            });
            confirmed.forEach((shift, status) -> {
                if (plan.containsKey(shift) && !reported.containsKey(shift)) {
                    assertThat(board.get(shift).get("status").asText()).as("confirmed %s after %s", shift, after)
                            .isIn("CONFIRMED", "LOCKED");
                }
            });
            tokens.forEach((volunteer, token) -> assertThat(api.asVolunteer("GET", base() + "/me", token, null)
                    .statusCode()).as("%s's link after %s", volunteer, after).isEqualTo(200));
        }

        private String token(String volunteer) {
            return tokens.computeIfAbsent(volunteer, v -> {
                HttpResponse<String> issued = api.postJson(base() + "/volunteer-links", ORGANIZER_1,
                        "{\"volunteerId\":\"" + v + "\"}");
                expectOk(issued);
                return json(issued).get("token").asText();
            });
        }

        private HttpResponse<String> act(String action, String body) {
            HttpResponse<String> response = api.postJson(base() + "/" + action, ORGANIZER_1, body);
            expectSuccessOrProblem(response);
            if (response.statusCode() == 200 && json(response).path("acceptedBreaks").size() > 0) {
                acceptedBreak = true;
            }
            Statistics.label("organizer actions").collect(action, response.statusCode());
            return response;
        }

        private Map<String, String> plan() {
            return LivePlanReads.plan(api, base());
        }

        private Map<String, JsonNode> board() {
            return LivePlanReads.board(api, base());
        }

        private long hardScore() {
            return LivePlanReads.hardScore(api, base());
        }

        private String base() {
            return "/api/regions/" + region + "/live";
        }
    }
}
