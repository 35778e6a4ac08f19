package org.masthead.security;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretTokenTests {

    @Test
    void aNewTokenIsUrlSafeBase64OfItsRandomBytes() {
        SecretToken token = SecretToken.generate();
        assertThat(token.value()).matches("[A-Za-z0-9_-]{43}");
        assertThat(SecretToken.generate(24).value()).hasSize(32);
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(SecretToken.generate().value())).isTrue();
        }
    }

    @Test
    void theHashIsSha256InHexAndNeverTheToken() {
        assertThat(SecretToken.hashOf("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        SecretToken token = SecretToken.generate();
        assertThat(token.hash()).hasSize(64).isNotEqualTo(token.value());
        assertThat(token.toString()).doesNotContain(token.value());
    }

    @Test
    void matchesComparesWithTheStoredHash() {
        SecretToken token = SecretToken.generate();
        assertThat(token.matches(token.hash())).isTrue();
        assertThat(token.matches(SecretToken.generate().hash())).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThat(token.matches("")).isFalse();
    }

    @Test
    void parseTakesOnlyWhatCanBeAToken() {
        String value = SecretToken.generate().value();
        assertThat(SecretToken.parse(" " + value + "\n"))
                .map(SecretToken::value)
                .contains(value);
        assertThat(SecretToken.parse(value).orElseThrow().hash()).isEqualTo(SecretToken.hashOf(value));
        assertThat(SecretToken.parse(null)).isEmpty();
        assertThat(SecretToken.parse("  ")).isEmpty();
        assertThat(SecretToken.parse("not a token")).isEmpty();
        assertThat(SecretToken.parse("a/b+c=")).isEmpty();
        assertThat(SecretToken.parse("x".repeat(SecretToken.MAX_LENGTH + 1))).isEmpty();
        assertThat(SecretToken.parse("short", 22)).isEmpty();
        assertThat(SecretToken.parse("x".repeat(22), 22)).isPresent();
    }
}
