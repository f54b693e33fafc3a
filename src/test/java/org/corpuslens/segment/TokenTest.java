package org.corpuslens.segment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenTest {
  @Test
  void rejectsNullTerm() {
    assertThatThrownBy(() -> new Token(null, "n")).isInstanceOf(NullPointerException.class);
  }
}
