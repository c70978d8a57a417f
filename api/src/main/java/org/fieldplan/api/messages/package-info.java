/**
 * Messages to volunteers: a durable outbox sending e-mail and SMS with retries at most once per key,
 * contacts, opt-outs, quiet hours, change notices and links sent in bulk.
 */
package org.fieldplan.api.messages;
