package org.redcapjdbc.model;

import java.util.Set;

/** The names of the columns REDCap adds to flat exports (docs/redcap-api.md §3.4). */
public final class PseudoColumns {
  public static final String EVENT_NAME = "redcap_event_name";
  public static final String REPEAT_INSTRUMENT = "redcap_repeat_instrument";
  public static final String REPEAT_INSTANCE = "redcap_repeat_instance";
  public static final String DATA_ACCESS_GROUP = "redcap_data_access_group";
  public static final String SURVEY_IDENTIFIER = "redcap_survey_identifier";

  /** Every pseudo-column name; REDCap 13.4.10+ answers 400 when one is sent in {@code fields[]}. */
  public static final Set<String> ALL =
      Set.of(EVENT_NAME, REPEAT_INSTRUMENT, REPEAT_INSTANCE, DATA_ACCESS_GROUP, SURVEY_IDENTIFIER);

  private PseudoColumns() {}
}
