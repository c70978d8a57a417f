package org.fieldplan.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** FieldPlan's REST service: strategists submit and inspect planning jobs, organizers read their volunteers' days. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FieldPlanApplication {

    public static void main(String[] args) {
        SpringApplication.run(FieldPlanApplication.class, args);
    }
}
