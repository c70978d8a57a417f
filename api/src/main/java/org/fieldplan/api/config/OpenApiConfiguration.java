package org.fieldplan.api.config;

import org.fieldplan.api.security.CredentialFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document's title and its API-key scheme, so Swagger UI can send {@code X-Api-Key}. */
@Configuration
class OpenApiConfiguration {

    private static final String API_KEY = "apiKey";

    @Bean
    OpenAPI fieldPlanOpenApi() {
        return new OpenAPI()
                .info(new Info().title("FieldPlan API").version("0.1.0")
                        .description("Plans where canvassing volunteers go: jobs, plans, explanations, organizers' "
                                + "daily assignments, cancellations and field reports. Errors are RFC 7807 problems."))
                .components(new Components().addSecuritySchemes(API_KEY, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                        .name(CredentialFilter.API_KEY)))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }
}
