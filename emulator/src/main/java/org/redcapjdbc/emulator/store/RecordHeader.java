package org.redcapjdbc.emulator.store;

import java.time.LocalDateTime;

/**
 * A row of {@code redcap_records}: the record's internal key ({@code pk}, 0 before it is stored),
 * its name, DAG, survey identifier and creation and modification times (null for records that
 * came with a project file, as REDCap's log has none for them).
 */
public record RecordHeader(
    int pk,
    String record,
    Integer groupId,
    String surveyIdentifier,
    LocalDateTime created,
    LocalDateTime modified) {
  public RecordHeader withPk(int newPk) {
    return new RecordHeader(newPk, record, groupId, surveyIdentifier, created, modified);
  }
}
