package org.redcapjdbc.emulator.store;

/**
 * One stored row of {@code redcap_data}. Instance is 1 for non-repeating data (REDCap's NULL);
 * a checkbox has one row per checked code, with the code as value.
 */
public record DataValue(int eventId, String field, int instance, String value, long seq) {}
