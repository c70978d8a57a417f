package org.fieldplan.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** FieldPlan's REST service: strategists submit and inspect planning jobs, organizers read their volunteers' days. */
// The pool is FieldPlan's own (StoreConfiguration), made only for fieldplan.store=postgis; with the in-memory store
// there must be no DataSource at all, so Boot's auto-configured one is off.
@SpringBootApplication(exclude = DataSourceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class FieldPlanApplication {

    public static void main(String[] args) {
        SpringApplication.run(FieldPlanApplication.class, args);
    }
}
