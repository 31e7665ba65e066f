package org.redcapjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OuterJoinEscapeTest {
  @Test
  void theEscapeBecomesBlanksOfTheSameWidth() {
    String sql = "SELECT * FROM {oj a LEFT OUTER JOIN b ON a.id = b.id} WHERE 1 = 1";
    String stripped = OuterJoinEscape.strip(sql);
    assertThat(stripped)
        .isEqualTo("SELECT * FROM     a LEFT OUTER JOIN b ON a.id = b.id  WHERE 1 = 1")
        .hasSameSizeAs(sql);
  }

  @Test
  void caseSpacesAndNestedEscapesAreHandled() {
    assertThat(OuterJoinEscape.strip("{ OJ a LEFT JOIN {oj b RIGHT JOIN c ON x} ON {fn ucase(y)}}"))
        .isEqualTo("     a LEFT JOIN     b RIGHT JOIN c ON x  ON {fn ucase(y)} ");
  }

  @Test
  void quotedTextAndCommentsAreLeftAlone() {
    String sql =
        "SELECT '{oj x}', \"{oj y}\" -- {oj z}\n FROM t /* {oj w} */ WHERE v = 'it''s {oj'";
    assertThat(OuterJoinEscape.strip(sql)).isSameAs(sql);
  }

  @Test
  void otherEscapesAndWordsStartingWithOjStay() {
    String sql = "SELECT {fn ucase(name)}, {d '2024-01-01'} FROM {ojx}";
    assertThat(OuterJoinEscape.strip(sql)).isSameAs(sql);
    assertThat(OuterJoinEscape.strip(null)).isNull();
  }
}
