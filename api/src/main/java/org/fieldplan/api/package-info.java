/**
 * The FieldPlan service (Spring Boot), packaged by feature; controllers only translate HTTP.
 * The application class and its startup.
 */
package org.fieldplan.api;
