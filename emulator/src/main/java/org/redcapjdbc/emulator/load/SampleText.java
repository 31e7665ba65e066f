package org.redcapjdbc.emulator.load;

/**
 * Made-up names and words that both generators ({@link SyntheticProject} and {@link DemoStudy})
 * draw values from.
 *
 * <p>Kept apart so the two generators share only these lists and none of each other's structure;
 * changing a list changes the records of both.
 */
final class SampleText {
  static final String[] FIRST = {
    "Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonah", "Keiko",
    "Liam", "Maya", "Nikolai", "Olivia", "Priya", "Quinn", "Rosa", "Sami", "Tariq", "Uma", "Victor",
    "Wen", "Ximena", "Yusuf", "Zoe"
  };
  static final String[] LAST = {
    "Abbott",
    "Baptiste",
    "Castillo",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Gallo",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quispe",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Ulloa",
    "Varga",
    "Walsh",
    "Xu",
    "Yilmaz",
    "Zhang"
  };
  static final String[] WORDS = {
    "stable",
    "improving",
    "reviewed",
    "pending",
    "routine",
    "follow-up",
    "normal",
    "noted",
    "discussed",
    "scheduled",
    "mild",
    "resolved"
  };

  private SampleText() {}

  /** A number below 100 as two digits, as times write their hours and minutes. */
  static String two(int n) {
    return n < 10 ? "0" + n : String.valueOf(n);
  }
}
