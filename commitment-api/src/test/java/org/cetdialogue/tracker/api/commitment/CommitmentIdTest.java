package org.cetdialogue.tracker.api.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CommitmentIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"bio-nsf-msit-bioeconomy-rd", "abc", "a1b", "123", "q-2", "semi-2024-01"})
    void acceptsLowerCaseSlugs(String id) {
        assertThat(CommitmentId.isValid(id)).isTrue();
        assertThat(CommitmentId.require(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {"a", "ab", "-abc", "abc-", "Abc", "ABC", "a_b", "a b", "a.b", "a/b", "한국어", "abc\n", "ä-b-c"})
    void rejectsAnythingElse(String id) {
        assertThat(CommitmentId.isValid(id)).isFalse();
        assertThatThrownBy(() -> CommitmentId.require(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("commitment id must be 3 to 80 lower-case letters, digits or inner hyphens");
    }

    @Test
    void allowsEightyCharactersAndNoMore() {
        assertThat(CommitmentId.isValid("a".repeat(80))).isTrue();
        assertThat(CommitmentId.isValid("a".repeat(81))).isFalse();
    }

    @Test
    void allowsThreeCharactersAndNoFewer() {
        assertThat(CommitmentId.isValid("abc")).isTrue();
        assertThat(CommitmentId.isValid("ab")).isFalse();
    }
}
