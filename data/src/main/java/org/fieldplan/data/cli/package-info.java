/**
 * The fieldplan command (picocli, docs/cli.md): generate, solve, check, import, calendar, place-volunteers
 * and completion; exit code 2 for a wrong command line, 1 for refused data.
 */
package org.fieldplan.data.cli;
