package org.fieldplan.data.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import org.fieldplan.data.io.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class MappingFilesTest {

    private static final String VALID = """
            {"id": "N", "registeredVoters": "REG", "ballots": "BAL", "support": {"dem": "D", "rep": "R"}}""";

    @Test
    void presetsAndTheConnecticutExampleLoad() {
        assertThat(PrecinctMapping.presets()).containsExactly("rhode-island", "new-hampshire");
        assertThat(PrecinctMapping.resolve("rhode-island").idPrefix()).isEqualTo("RI-");
        PrecinctMapping ct = PrecinctMapping.resolve(
                TestFiles.repositoryRoot().resolve("docs/mappings/connecticut.json").toString());
        assertThat(ct.registeredVoters().isProxy()).isTrue();
        assertThat(ct.columns()).contains("NAME10", "VAP", "GOV18D", "GOV18R", "CD", "HDIST", "SEND", "HVAP");
    }

    @Test
    void aMinimalMappingNeedsOnlyIdVotersBallotsAndSupport() {
        PrecinctMapping mapping = read(VALID);
        assertThat(mapping.idColumns()).containsExactly("N");
        assertThat(mapping.idPrefix()).isEmpty();
        assertThat(mapping.nameColumn()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'{\"id\": \"N\"}' | registeredVoters: is required",
            "'[1]' | must be a JSON object",
            "'{\"id\": \"N\", \"registered\": \"REG\"}' | registered: unknown field",
            "'{\"id\": [], \"registeredVoters\": \"REG\"}' | id: must be a column name or a list",
            "'{\"id\": \"N\", \"registeredVoters\": \"REG *\", \"ballots\": \"B\", \"support\": {\"share\": \"S\"}}'"
                    + " | registeredVoters: expression ends too early",
            "'{\"id\": \"N\", \"registeredVoters\": \"REG\", \"support\": {\"share\": \"S\"}}'"
                    + " | a mapping states either ballots or turnout",
            "'{\"id\": \"N\", \"registeredVoters\": \"REG\", \"ballots\": \"B\", \"support\": {\"dem\": \"D\"}}'"
                    + " | support: support states either dem and rep, or share",
            "'{\"id\": \"N\", \"registeredVoters\": \"REG > 1\", \"ballots\": \"B\", \"support\": {\"share\": \"S\"}}'"
                    + " | registeredVoters: must be a number, not a condition",
            "'{\"id\": \"N\", \"registeredVoters\": {\"expression\": \"VAP\", \"proxy\": \"\"}, \"ballots\": \"B\","
                    + " \"support\": {\"share\": \"S\"}}' | registeredVoters.proxy: must say what the proxy stands for",
            "'{\"id\": \"N\", \"registeredVoters\": \"R\", \"ballots\": \"B\", \"support\": {\"share\": \"S\"},"
                    + " \"languages\": [{\"language\": \"es\", \"when\": \"HVAP\"}]}' | languages[0].when: must be a"
                    + " condition",
            "'{\"id\": \"N\", \"registeredVoters\": \"R\", \"ballots\": \"B\", \"support\": {\"share\": \"S\"},"
                    + " \"expectedBounds\": {\"west\": 1, \"south\": 1, \"east\": 0, \"north\": 2}}'"
                    + " | expectedBounds: bounds need west < east",
            "'{\"id\": \"N\",' | not JSON at line 1"})
    void namesTheFieldOfEachMistake(String json, String message) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(MappingException.class)
                .hasMessageStartingWith("mapping test.json: ").hasMessageContaining(message);
    }

    /** Strings of a mapping that become part of ids or shown values are checked when the mapping is read. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'\"idPrefix\": \"${jndi:ldap://x/a}\"' | idPrefix: contains '$' at its start",
            "'\"idPrefix\": \"CT/\"' | idPrefix: contains '/'",
            "'\"idPrefix\": \"<b>\"' | idPrefix: contains '<' at its start",
            "'\"idPrefix\": \"a..\"' | idPrefix: contains '.'",
            "'\"idPrefix\": \"CT-THE-STATE-OF-CONNECTICUT-PRECINCTS-\"' | idPrefix: is longer than 32",
            "'\"districts\": [\"HD;x\"]' | districts: column HD;x cannot start a district id",
            "'\"languages\": [{\"language\": \"<img src=x>\", \"when\": \"R > 1\"}]'"
                    + " | languages[0].language: must be a language code",
            "'\"description\": \"two\\nlines\"' | description: must not contain control characters",
            "'\"sourceCrs\": \"--config X\"' | sourceCrs: must not start with '-'",
            "'\"layer\": \"-sql\"' | layer: must not start with '-'"})
    void refusesMappingStringsThatWouldMakeUnsafeIdsOrValues(String field, String message) {
        String json = VALID.replace("{\"id\"", "{" + field + ", \"id\"");
        assertThatThrownBy(() -> read(json)).isInstanceOf(MappingException.class)
                .hasMessageStartingWith("mapping test.json: ").hasMessageContaining(message);
    }

    /** A join declaration's mistakes name their field under {@code join}. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'{\"tableKey\": \"P\"}' | join.precinctKey: is required",
            "'{\"precinctKey\": \"N\", \"tableKey\": [\"P\", \"C\"]}' | join: precinctKey and tableKey must name"
                    + " as many columns (1 and 2)",
            "'{\"precinctKey\": \"N\", \"tableKey\": \"P\", \"normalise\": []}' | join.normalise: unknown field",
            "'{\"precinctKey\": \"N\", \"tableKey\": \"P\", \"normalize\": [\"zeros\"]}'"
                    + " | join.normalize: unknown rule \"zeros\" (known: case, spaces, punctuation, leadingZeros,"
                    + " accents)",
            "'{\"precinctKey\": \"N\", \"tableKey\": \"P\", \"filter\": {\"county\": {\"is\": 1}}}'"
                    + " | join.filter.county: must be a value or a list of values",
            "'{\"precinctKey\": \"N\", \"tableKey\": \"P\", \"filter\": \"county = Franklin\"}'"
                    + " | join.filter: must be an object of column → value",
            "'{\"precinctKey\": \"N\", \"tableKey\": \"P\", \"aliases\": {\"COLS\": 1}}'"
                    + " | join.aliases.COLS: must be a string",
            "'{\"precinctKey\": \"N\", \"tableKey\": \"P\", \"aliases\": {\"-\": \"X\"}}'"
                    + " | join.aliases.-: must be a word or phrase of letters or digits",
            "'{\"precinctKey\": \"N\", \"tableKey\": \"P\", \"layer\": \"-sql\"}' | join.layer: must not start"
                    + " with '-'"})
    void namesTheJoinFieldOfEachMistake(String join, String message) {
        String json = VALID.replace("{\"id\"", "{\"join\": " + join + ", \"id\"");
        assertThatThrownBy(() -> read(json)).isInstanceOf(MappingException.class)
                .hasMessageStartingWith("mapping test.json: ").hasMessageContaining(message);
    }

    @Test
    void theFranklinExampleJoinsItsResultsByDeclaration() {
        PrecinctMapping franklin = PrecinctMapping.resolve(
                TestFiles.repositoryRoot().resolve("docs/mappings/ohio-franklin.json").toString());

        TableJoin join = franklin.join();
        assertThat(join.precinctKey()).containsExactly("PRECINCT");
        assertThat(join.tableKey()).containsExactly("precinct_name");
        assertThat(join.filterText()).isEqualTo("county = Franklin");
        assertThat(join.aliases()).containsEntry("COLS", "COLUMBUS").hasSize(8);
        assertThat(join.keys().normalize("COLS 01-A")).isEqualTo(join.keys().normalize("COLUMBUS 01-A"));
    }

    @Test
    void withoutNormalizeKeysIgnoreCaseAndSpacesOnly() {
        TableJoin join = read(VALID.replace("{\"id\"", "{\"join\": {\"precinctKey\": \"N\", \"tableKey\": \"P\"},"
                + " \"id\"")).join();

        assertThat(join.normalize()).isEqualTo(TableJoin.DEFAULT_RULES);
        assertThat(join.keys().normalize(" ward  1-a ")).isEqualTo("WARD 1-A");
    }

    @Test
    void aPrefixInTheIdAlphabetIsKept() {
        assertThat(read(VALID.replace("{\"id\"", "{\"idPrefix\": \"CT_2018-\", \"id\"")).idPrefix())
                .isEqualTo("CT_2018-");
    }

    /** Each hostile shape is one line naming the mapping field, never a stack overflow. */
    @ParameterizedTest
    @CsvSource({"terms", "parentheses", "unary minus"})
    void anOverlongExpressionIsAnErrorOfItsField(String shape) {
        String json = VALID.replace("\"REG\"", "{\"expression\": \"" + ExpressionParserTest.hostile(shape)
                + "\", \"proxy\": \"why\"}");
        assertThatThrownBy(() -> read(json)).isInstanceOf(MappingException.class)
                .hasMessageStartingWith("mapping test.json: registeredVoters.expression: is ")
                .hasMessageContaining("characters long, more than the 2000 allowed")
                .satisfies(e -> assertThat(e.getMessage().lines().count()).isEqualTo(1))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void dissolveIsSumOrFirst() {
        assertThat(read(VALID.replace("\"id\"", "\"dissolve\": \"sum\", \"id\"")).dissolve())
                .isEqualTo(PrecinctMapping.Dissolve.SUM);
        assertThat(read(VALID).dissolve()).isNull();
        assertThatThrownBy(() -> read(VALID.replace("\"id\"", "\"dissolve\": \"union\", \"id\"")))
                .hasMessageStartingWith("mapping test.json: dissolve: must be \"sum\"");
    }

    @Test
    void anUnknownPresetListsTheKnownOnes() {
        assertThatThrownBy(() -> PrecinctMapping.resolve("ohio"))
                .hasMessageContaining("neither a preset (rhode-island, new-hampshire) nor a file");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // 50 % support everywhere
            "'{\"id\": \"N\", \"registeredVoters\": \"REG\", \"ballots\": \"BAL\","
                    + " \"support\": {\"dem\": \"GOV18D\", \"rep\": \"[GOV18D]\"}}'"
                    + " | support.dem and support.rep both read column GOV18D",
            // 100 % turnout and no doors
            "'{\"id\": \"N\", \"registeredVoters\": \"TOT\", \"ballots\": \" TOT \","
                    + " \"support\": {\"dem\": \"D\", \"rep\": \"R\"}}'"
                    + " | registeredVoters and ballots both read column TOT",
            "'{\"id\": \"N\", \"registeredVoters\": \"REG\", \"turnout\": \"X / 100\","
                    + " \"support\": {\"share\": \"X/100\"}}'"
                    + " | turnout and support.share both read the same expression X / 100"})
    void oneColumnMappedToTwoFieldsIsRefusedNamingBoth(String json, String message) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(MappingException.class).hasMessageContaining(message)
                .hasMessageContaining("one column cannot be two fields");
    }

    @Test
    void aDeclaredProxyMayReuseAColumnOnPurpose() {
        PrecinctMapping mapping = read("""
                {"id": "N", "registeredVoters": {"expression": "VAP", "proxy": "no registration: all adults"},
                 "ballots": "VAP", "support": {"dem": "D", "rep": "R"}}""");
        assertThat(mapping.registeredVoters().isProxy()).isTrue();
    }

    private static PrecinctMapping read(String json) {
        return PrecinctMapping.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void theSchemaDeclaresExactlyTheFieldsTheReaderAccepts() throws IOException {
        JsonNode schema;
        try (InputStream in = PrecinctMapping.class.getResourceAsStream("precinct-mapping.schema.json")) {
            schema = new ObjectMapper().readTree(in);
        }
        Set<String> declared = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(declared::add);

        assertThat(declared).isEqualTo(new TreeSet<>(MappingFiles.FIELDS));
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        JsonNode join = schema.get("properties").get("join");
        Set<String> joinFields = new TreeSet<>();
        join.get("properties").fieldNames().forEachRemaining(joinFields::add);
        assertThat(joinFields).isEqualTo(new TreeSet<>(TableJoinFields.FIELDS));
        Set<String> rules = new TreeSet<>();
        join.get("properties").get("normalize").get("items").get("enum").forEach(rule -> rules.add(rule.asText()));
        assertThat(rules).isEqualTo(new TreeSet<>(java.util.Arrays.stream(TableJoin.KeyRule.values())
                .map(TableJoin.KeyRule::json).toList()));
    }
}
