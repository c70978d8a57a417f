package org.fieldplan.api.messages;

import org.fieldplan.api.volunteers.LinkProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The service's address for links in messages: {@code fieldplan.messages.public-url}, else
 * {@code fieldplan.links.base-url} ({@code FIELDPLAN_PUBLIC_URL}), else the address of the request being served.
 */
@Component
public class PublicAddress {

    private final MessageProperties messages;
    private final LinkProperties links;

    public PublicAddress(MessageProperties messages, LinkProperties links) {
        this.messages = messages;
        this.links = links;
    }

    public String base() {
        if (!blank(messages.publicUrl())) {
            return trimmed(messages.publicUrl());
        }
        if (!blank(links.baseUrl())) {
            return trimmed(links.baseUrl());
        }
        return RequestContextHolder.getRequestAttributes() != null
                ? trimmed(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()) : "http://localhost:8080";
    }

    private static String trimmed(String url) {
        return url.replaceAll("/+$", "");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
