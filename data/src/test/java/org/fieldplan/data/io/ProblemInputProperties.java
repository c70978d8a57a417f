package org.fieldplan.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.fieldplan.baseline.GreedyPlanner;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.solver.FieldPlanSolver;
import org.fieldplan.solver.ProblemPreparer;
import org.fieldplan.validation.ProblemValidationException;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Generated problem inputs: any edit of the documented example — any field set to any JSON value, any
 * GeoJSON geometry for a precinct, any key duplicated — is either a valid problem that prepares and plans without
 * failing, or rejected with a {@link ProblemValidationException} naming a field; never another exception. How many
 * cases each property tried is in jqwik's report (`tries = …`) in the test output.
 */
class ProblemInputProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectNode EXAMPLE = example();
    /** Every place in the example a value can be replaced: object fields and array items, nested. */
    private static final List<JsonPointer> PLACES = places(EXAMPLE, JsonPointer.empty(), new ArrayList<>());
    private static final FieldPlanSolver SCORER = FieldPlanSolver.withTimeLimit(java.time.Duration.ofSeconds(1));

    @Property
    void anyValueAnywhereIsValidOrRejectedNamingAField(@ForAll("places") JsonPointer place,
            @ForAll("values") JsonNode value) {
        ObjectNode problem = EXAMPLE.deepCopy();
        replace(problem, place, value);

        validOrRejectedWithPaths(problem.toString());
    }

    @Property
    void anyGeometryOfAPrecinctIsValidOrRejectedAtThatPrecinct(@ForAll("geometries") JsonNode geometry,
            @ForAll @IntRange(min = 0, max = 2) int precinct) {
        ObjectNode problem = EXAMPLE.deepCopy();
        ((ObjectNode) problem.get("precincts").get(precinct)).set("geometry", geometry);

        ProblemValidationException rejected = validOrRejectedWithPaths(problem.toString());

        if (rejected != null) {
            assertThat(rejected.getErrors()).as(rejected.getMessage())
                    .anySatisfy(error -> assertThat(error.path()).startsWith("precincts[" + precinct + "]"));
        }
    }

    @Property
    void aDuplicatedKeyIsAlwaysRejected(@ForAll("places") JsonPointer place) {
        JsonPointer parent = place.head();
        JsonNode container = EXAMPLE.at(parent);
        String key = place.last().getMatchingProperty();
        if (!container.isObject() || !container.has(key)) {
            return;
        }
        ObjectNode problem = EXAMPLE.deepCopy();
        // A marker value at the key, then the same key written twice in the text.
        ((ObjectNode) problem.at(parent)).put(key, "__DUPLICATE__");
        String text = problem.toString().replace(JSON.valueToTree(key).toString() + ":\"__DUPLICATE__\"",
                JSON.valueToTree(key).toString() + ":" + container.get(key) + "," + JSON.valueToTree(key) + ":"
                        + container.get(key));

        ProblemValidationException rejected = validOrRejectedWithPaths(text);

        assertThat(rejected).as("duplicate \"%s\" at %s accepted", key, place).isNotNull();
        assertThat(rejected.getMessage()).containsIgnoringCase("duplicate");
    }

    @Property
    void everyValidVariantPreparesAndPlans(@ForAll("validVariants") ObjectNode problem) {
        FieldPlanProblem read = ProblemJson.read(new StringReader(problem.toString()));

        FieldPlan plan = ProblemPreparer.prepare(read);
        GreedyPlanner.planInPlace(plan);

        assertThat(SCORER.score(plan).hardScore()).isLessThanOrEqualTo(0);
    }

    /** Null when the problem was valid; the rejection otherwise, checked to name a field for every error. */
    private static ProblemValidationException validOrRejectedWithPaths(String json) {
        try {
            ProblemJson.read(new StringReader(json));
            return null;
        } catch (ProblemValidationException e) {
            assertThat(e.getErrors()).isNotEmpty();
            assertThat(e.getErrors()).allSatisfy(error -> {
                assertThat(error.path()).isNotBlank();
                assertThat(error.message()).isNotBlank();
            });
            return e;
        }
    }

    @Provide
    Arbitrary<JsonPointer> places() {
        return Arbitraries.of(PLACES);
    }

    @Provide
    Arbitrary<JsonNode> values() {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE).map(NODES::numberNode),
                Arbitraries.of("1e12", "10.5", "-0.0", "NaN", "99999999999999999999").map(NODES::textNode),
                Arbitraries.strings().ofMaxLength(12).map(NODES::textNode),
                Arbitraries.of("2026-10-31T09:00", "2026-11-30T09:00", "WALK", "JETPACK", "=HYPERLINK(1)")
                        .map(NODES::textNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.just(NODES.objectNode()),
                Arbitraries.just(NODES.arrayNode()));
        return Arbitraries.oneOf(scalars, geometries());
    }

    /** GeoJSON geometries of every type, with rings that may be open, degenerate, self-crossing or off the globe. */
    @Provide
    Arbitrary<JsonNode> geometries() {
        Arbitrary<ArrayNode> position = Combinators.combine(
                Arbitraries.doubles().between(-200, 200).withSpecialValue(-71.4),
                Arbitraries.doubles().between(-100, 100).withSpecialValue(41.82))
                .as((lon, lat) -> NODES.arrayNode().add(lon).add(lat));
        Arbitrary<ArrayNode> ring = position.list().ofMinSize(0).ofMaxSize(7).map(points -> {
            ArrayNode array = NODES.arrayNode();
            points.forEach(array::add);
            return array;
        });
        Arbitrary<ArrayNode> closedRing = ring.map(r -> r.isEmpty() ? r : r.add(r.get(0).deepCopy()));
        Arbitrary<ArrayNode> polygon = Arbitraries.oneOf(ring, closedRing).list().ofMaxSize(2).map(rings -> {
            ArrayNode array = NODES.arrayNode();
            rings.forEach(array::add);
            return array;
        });
        Arbitrary<String> type = Arbitraries.of("Polygon", "MultiPolygon", "Point", "LineString", "Blob");
        return Combinators.combine(type, polygon, position).as((kind, rings, point) -> {
            ObjectNode geometry = NODES.objectNode().put("type", kind);
            switch (kind) {
                case "Point" -> geometry.set("coordinates", point);
                case "MultiPolygon" -> geometry.set("coordinates", NODES.arrayNode().add(rings));
                case "LineString" -> geometry.set("coordinates", rings.isEmpty() ? NODES.arrayNode() : rings.get(0));
                default -> geometry.set("coordinates", rings);
            }
            return geometry;
        });
    }

    /** In-range changes of the example's numbers and modes: always valid, so they must prepare and plan. */
    @Provide
    Arbitrary<ObjectNode> validVariants() {
        Arbitrary<Map.Entry<String, JsonNode>> precinctEdit = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 20_000).map(n -> Map.entry("registeredVoters", NODES.numberNode(n))),
                Arbitraries.doubles().between(0, 1).map(x -> Map.entry("supportShare", NODES.numberNode(x))),
                Arbitraries.doubles().between(0, 1).map(x -> Map.entry("expectedTurnout", NODES.numberNode(x))),
                Arbitraries.integers().between(0, 5_000).map(n -> Map.entry("doorsAlreadyKnocked",
                        NODES.numberNode(n))));
        Arbitrary<Map.Entry<String, JsonNode>> volunteerEdit = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 4).map(n -> Map.entry("maxShifts", NODES.numberNode(n))),
                Arbitraries.integers().between(0, 120).map(n -> Map.entry("maxTravelMinutes", NODES.numberNode(n))),
                Arbitraries.doubles().between(0, 1).map(x -> Map.entry("attendanceProbability", NODES.numberNode(x))),
                Arbitraries.of("WALK", "BIKE", "TRANSIT", "CAR").map(m -> Map.entry("travelMode", NODES.textNode(m))));
        return Combinators.combine(precinctEdit.list().ofMaxSize(4), Arbitraries.integers().between(0, 2),
                volunteerEdit.list().ofMaxSize(6), Arbitraries.integers().between(0, 5))
                .as((precinctEdits, precinct, volunteerEdits, volunteer) -> {
                    ObjectNode problem = EXAMPLE.deepCopy();
                    problem.remove("assignments");
                    precinctEdits.forEach(e -> ((ObjectNode) problem.get("precincts").get(precinct))
                            .set(e.getKey(), e.getValue()));
                    volunteerEdits.forEach(e -> ((ObjectNode) problem.get("volunteers").get(volunteer))
                            .set(e.getKey(), e.getValue()));
                    return problem;
                });
    }

    private static void replace(ObjectNode root, JsonPointer place, JsonNode value) {
        JsonNode parent = root.at(place.head());
        if (parent.isObject()) {
            ((ObjectNode) parent).set(place.last().getMatchingProperty(), value);
        } else if (parent.isArray()) {
            ((ArrayNode) parent).set(place.last().getMatchingIndex(), value);
        }
    }

    private static List<JsonPointer> places(JsonNode node, JsonPointer at, List<JsonPointer> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonPointer child = at.appendProperty(field.getKey());
                into.add(child);
                places(field.getValue(), child, into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonPointer child = at.appendIndex(i);
                into.add(child);
                places(node.get(i), child, into);
            }
        }
        return into;
    }

    private static ObjectNode example() {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(TestFiles.example("problem-small.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
