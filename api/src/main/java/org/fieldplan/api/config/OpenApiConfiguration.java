package org.fieldplan.api.config;

import java.util.List;

import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.CredentialFilter;
import org.fieldplan.api.volunteers.VolunteerLinkService;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The OpenAPI document's title, licence and security schemes: the API key ({@code X-Api-Key}, every operation's
 * default) and a volunteer link's token ({@code X-Volunteer-Token}, which the volunteer's own operations take instead),
 * so Swagger UI can send either; completed by {@link OpenApiContract} with each operation's summary, problem responses
 * and, where declared, its own security.
 */
@Configuration
class OpenApiConfiguration {

    static {
        // The caller is resolved from the API key, never a request parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    private static final String API_KEY = "apiKey";
    /** The scheme of a volunteer's personal link, which operations name in {@code openapi/operations.json}. */
    static final String VOLUNTEER_TOKEN = "volunteerToken";

    @Bean
    OpenAPI fieldPlanOpenApi() {
        return new OpenAPI()
                .info(new Info().title("FieldPlan API").version("0.1.0")
                        .description("Plans where canvassing volunteers go: jobs, plans, explanations, organizers' "
                                + "daily assignments, cancellations and field reports. Errors are RFC 7807 problems.")
                        .license(new License().name("Apache-2.0")
                                .url("https://www.apache.org/licenses/LICENSE-2.0")))
                // Relative: the document is served by the service it describes, whatever its host name.
                .servers(List.of(new Server().url("/").description("this service")))
                .components(new Components()
                        .addSecuritySchemes(API_KEY, new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                                .name(CredentialFilter.API_KEY)
                                .description("an API key of a strategist, organizer or admin"))
                        .addSecuritySchemes(VOLUNTEER_TOKEN, new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                                .name(VolunteerLinkService.HEADER)
                                .description("the token of a volunteer's personal link (one volunteer, one job)")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }

    @Bean
    OpenApiCustomizer fieldPlanContract() {
        return new OpenApiContract();
    }
}
