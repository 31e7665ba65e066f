package org.redcapjdbc.emulator.store;

/** A survey completion time ({@code YYYY-MM-DD HH:MM:SS} or {@code [not completed]}). */
public record SurveyTimestamp(int eventId, String form, int instance, String value) {}
