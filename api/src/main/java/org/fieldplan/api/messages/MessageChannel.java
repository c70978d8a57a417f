package org.fieldplan.api.messages;

/** One way of delivering a message (SMTP, an SMS provider's HTTP API). */
public interface MessageChannel {

    /** The message-key header that travels with every e-mail, so that a receiver can tell duplicates apart. */
    String KEY_HEADER = "X-FieldPlan-Message-Key";

    Channel channel();

    /** Whether it is configured; messages of an unconfigured channel are failed at once, naming the setting. */
    boolean isConfigured();

    /** @throws DeliveryException when the server refuses or cannot be reached */
    void deliver(MessageRecord message) throws DeliveryException;

    /** A refused or failed delivery. @param permanent whether trying again cannot help (e.g. a bad address) */
    final class DeliveryException extends Exception {

        private final boolean permanent;

        public DeliveryException(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        public boolean isPermanent() {
            return permanent;
        }
    }
}
