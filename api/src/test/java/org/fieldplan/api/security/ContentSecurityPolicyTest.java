package org.fieldplan.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.fieldplan.api.map.MapProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentSecurityPolicyTest {

    @Test
    void withoutABaseMapImagesComeOnlyFromTheServiceAndDataUris() {
        assertThat(ContentSecurityPolicy.of(new MapProperties("", ""))).contains("img-src 'self' data:;")
                .contains("script-src 'self';").doesNotContain("unsafe");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png | ' https://*.tile.openstreetmap.org'",
            "https://tiles.example:8443/{z}/{x}/{y}.png | ' https://tiles.example:8443'",
            "http://tiles-{s}.example/{z}/{x}/{y}.png | ' http:'",
            "/tiles/{z}/{x}/{y}.png | ''"})
    void theConfiguredTileServerMayServeImages(String template, String source) {
        assertThat(ContentSecurityPolicy.tileSource(template)).isEqualTo(source);
        assertThat(ContentSecurityPolicy.of(new MapProperties(template, "")))
                .contains("img-src 'self' data:" + source + ";");
    }
}
