package org.redcapjdbc.emulator.store;

/**
 * One stored row of {@code redcap_data}. Instance is 1 for non-repeating data (REDCap's NULL);
 * a checkbox has one row per checked code, with the code as value. {@code seq} orders rows as
 * stored (it is the row's data key).
 */
public record DataValue(int eventId, String field, int instance, String value, long seq) {}
