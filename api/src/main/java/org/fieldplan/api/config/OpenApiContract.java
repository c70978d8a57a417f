package org.fieldplan.api.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;

/**
 * Completes the generated OpenAPI document from a declaration, {@code openapi/operations.json}: each operation's
 * summary, the RFC 7807 problem responses it can give (401 and 403 for every one, as every {@code /api} call
 * needs a credential and a role) and, for the volunteer's own operations, the volunteer link's security scheme. An operation missing from the file is left without a summary, which the contract test
 * and {@code redocly lint} report.
 */
final class OpenApiContract implements OpenApiCustomizer {

    static final String PROBLEM_SCHEMA = "Problem";
    private static final List<Integer> ALWAYS = List.of(401, 403);

    /**
     * One operation's declared summary and error statuses, and the security scheme it takes instead of the
     * document's default (null: the default, the API key).
     */
    record Declared(String summary, List<Integer> errors, String security) {
    }

    private final Map<String, Declared> declared;

    OpenApiContract() {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/openapi/operations.json")) {
            Map<String, Object> raw = json.readValue(in, new TypeReference<>() { });
            raw.remove("_comment");
            this.declared = json.convertValue(raw, new TypeReference<TreeMap<String, Declared>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read openapi/operations.json", e);
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Declared declaration = declared.get(method.name() + " " + path);
            if (declaration != null) {
                operation.setSummary(declaration.summary());
                ALWAYS.forEach(status -> addProblem(operation, status));
                declaration.errors().forEach(status -> addProblem(operation, status));
                if ("none".equals(declaration.security())) {
                    // Public: the operation checks its own signature or secret (an empty requirement = no credential).
                    operation.setSecurity(List.of(new SecurityRequirement()));
                } else if (declaration.security() != null) {
                    requireScheme(openApi, declaration.security());
                    operation.setSecurity(List.of(new SecurityRequirement().addList(declaration.security())));
                }
            }
        }));
    }

    private static void requireScheme(OpenAPI openApi, String scheme) {
        if (openApi.getComponents().getSecuritySchemes() == null
                || !openApi.getComponents().getSecuritySchemes().containsKey(scheme)) {
            throw new IllegalStateException("openapi/operations.json names an unknown security scheme: " + scheme);
        }
    }

    private static void addProblem(Operation operation, int status) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        HttpStatus known = HttpStatus.valueOf(status);
        operation.getResponses().addApiResponse(Integer.toString(status), new ApiResponse()
                .description(known.getReasonPhrase() + " (RFC 7807 problem details)")
                .content(new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new io.swagger.v3.oas.models.media.MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("path", new StringSchema().description("the field, e.g. volunteers[2] (id \"V3\").home"));
        error.addProperty("message", new StringSchema().description("what is wrong with it"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 7807 problem details");
        problem.addProperty("type", new StringSchema().example("about:blank"));
        problem.addProperty("title", new StringSchema().example("Bad Request"));
        problem.addProperty("status", new IntegerSchema().example(400));
        problem.addProperty("detail", new StringSchema().example("1 error in the request"));
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("errors", new ArraySchema().items(error).description("one per wrong field"));
        return problem;
    }
}
