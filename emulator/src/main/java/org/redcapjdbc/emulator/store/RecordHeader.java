package org.redcapjdbc.emulator.store;

import java.time.LocalDateTime;

/**
 * A row of {@code redcap_records}: the record's DAG, survey identifier and creation and
 * modification times (null for records that came with a project file, as REDCap's log has none).
 */
public record RecordHeader(
    String record, Integer groupId, String surveyIdentifier, LocalDateTime created, LocalDateTime modified) {}
