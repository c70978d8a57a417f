package org.fieldplan.api.messages;

/** How a message reaches a volunteer. */
public enum Channel {
    EMAIL, SMS
}
