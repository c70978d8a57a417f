package org.fieldplan.api.messages;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * SMS through a provider's HTTP API in the common shape: a form POST of {@code To}, {@code From} and {@code Body} to
 * {@code <base-url>/Accounts/<account-id>/Messages.json} with HTTP Basic auth (account id, token). A 4xx answer is a
 * refusal trying again cannot change (bad number, opted out at the provider), except 429; a 5xx or no answer is
 * tried again.
 */
@Component
public class SmsChannel implements MessageChannel {

    private final MessageProperties.Sms properties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SmsChannel(MessageProperties properties) {
        this.properties = properties.sms();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean isConfigured() {
        return !blank(properties.baseUrl()) && !blank(properties.accountId()) && !blank(properties.token());
    }

    @Override
    public void deliver(MessageRecord record) throws DeliveryException {
        if (!isConfigured()) {
            throw new DeliveryException("no SMS provider is configured (fieldplan.messages.sms.base-url, "
                    + "account-id, token)", true, null);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", record.message().recipient());
        form.put("From", properties.from());
        form.put("Body", record.message().text());
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String credentials = Base64.getEncoder().encodeToString((properties.accountId() + ":" + properties.token())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.baseUrl().replaceAll("/+$", "")
                        + "/Accounts/" + encode(properties.accountId()) + "/Messages.json"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(KEY_HEADER, record.message().key())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryException("the SMS provider could not be reached: " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted", false, e);
        }
        int status = answer.statusCode();
        if (status / 100 != 2) {
            String detail = answer.body().length() > 300 ? answer.body().substring(0, 300) : answer.body();
            throw new DeliveryException("the SMS provider answered " + status + ": " + detail,
                    status / 100 == 4 && status != 429, null);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
