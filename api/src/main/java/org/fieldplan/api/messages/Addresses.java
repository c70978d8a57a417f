package org.fieldplan.api.messages;

import java.util.Locale;

import org.fieldplan.api.errors.ApiException;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** E-mail addresses and phone numbers as the outbox keeps them, so that an opt-out matches every later message. */
public final class Addresses {

    private Addresses() {
    }

    /** Lower-case e-mail; a phone number as {@code +} and digits. */
    public static String normal(String address) {
        String a = address.strip();
        return a.contains("@") ? a.toLowerCase(Locale.ROOT) : a.replaceAll("[^+0-9]", "");
    }

    /** @throws ApiException 400 naming {@code field} */
    public static String email(String field, String email) {
        try {
            InternetAddress address = new InternetAddress(email, true);
            address.validate();
            return address.getAddress().toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            throw ApiException.invalid(field, "is not an e-mail address: \"" + email + "\"");
        }
    }

    /** An international number (E.164: + and 8 to 15 digits; spaces, dots, dashes and brackets are dropped). */
    public static String phone(String field, String phone) {
        String normal = normal(phone);
        if (!normal.matches("\\+[1-9][0-9]{7,14}")) {
            throw ApiException.invalid(field, "is not an international phone number (+ and 8 to 15 digits): \""
                    + phone + "\"");
        }
        return normal;
    }
}
