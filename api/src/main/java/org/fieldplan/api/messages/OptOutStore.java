package org.fieldplan.api.messages;

/** Addresses (e-mail or phone) that asked for no more messages. */
public interface OptOutStore {

    /** @param source how they asked, e.g. {@code unsubscribe-link} or {@code sms-stop} */
    void optOut(String address, String source);

    boolean isOptedOut(String address);
}
