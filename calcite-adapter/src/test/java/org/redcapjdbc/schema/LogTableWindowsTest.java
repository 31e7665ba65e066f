package org.redcapjdbc.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.filter.TimeRange;

class LogTableWindowsTest {
  private static final LocalDateTime CREATED = LocalDateTime.of(2024, 1, 1, 9, 30, 12);
  private static final LocalDateTime NOW = LocalDateTime.of(2024, 3, 15, 12, 0);
  private static final Duration DAYS_30 = Duration.ofDays(30);

  @Test
  void anUnboundedReadWalksFromCreationToAnOpenEnd() {
    List<TimeRange> w = LogTable.windows(TimeRange.ALL, CREATED, NOW, DAYS_30);
    assertThat(w)
        .containsExactly(
            new TimeRange(CREATED.withSecond(0), LocalDateTime.of(2024, 1, 31, 9, 29)),
            new TimeRange(
                LocalDateTime.of(2024, 1, 31, 9, 30), LocalDateTime.of(2024, 3, 1, 9, 29)),
            new TimeRange(LocalDateTime.of(2024, 3, 1, 9, 30), null));
  }

  @Test
  void aShortRangeIsOneRequestAndAnUnknownCreationTooWithoutBounds() {
    TimeRange day =
        new TimeRange(
            LocalDateTime.of(2024, 2, 1, 0, 0, 30), LocalDateTime.of(2024, 2, 2, 0, 0, 59));
    assertThat(LogTable.windows(day, CREATED, NOW, DAYS_30))
        .containsExactly(
            new TimeRange(LocalDateTime.of(2024, 2, 1, 0, 0), LocalDateTime.of(2024, 2, 2, 0, 0)));
    assertThat(LogTable.windows(TimeRange.ALL, null, NOW, DAYS_30)).containsExactly(TimeRange.ALL);
  }

  @Test
  void actionsFallIntoRedcapsLogTypes() {
    assertThat(LogTable.category("Manage/Design ")).isEqualTo("manage");
    assertThat(LogTable.category("Data export")).isEqualTo("export");
    assertThat(LogTable.category("Create record (API) 1200")).isEqualTo("record_add");
    assertThat(LogTable.category("Created Record (API) 1200")).isEqualTo("record_add");
    assertThat(LogTable.category("Update record (import) 5")).isEqualTo("record_edit");
    assertThat(LogTable.category("Delete record (API) 7")).isEqualTo("record_delete");
    assertThat(LogTable.category("Edit user role")).isEqualTo("user");
    assertThat(LogTable.category("Add user")).isEqualTo("user");
    assertThat(LogTable.category("Switch data access group")).isEqualTo("user");
    assertThat(LogTable.category("Lock/Unlock Record")).isEqualTo("lock_record");
    assertThat(LogTable.category("Page View")).isEqualTo("page_view");
    assertThat(LogTable.category("Something else")).isNull();
    assertThat(LogTable.category(null)).isNull();
  }
}
