/**
 * Authentication and authorization: one credential filter over API keys, accounts and volunteer tokens,
 * roles per endpoint, failed-attempt limits and the Content-Security-Policy.
 */
package org.fieldplan.api.security;
