package org.redcapjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.client.ExportProgress;

/** The shell's progress line, drawn on a fake terminal with a fake clock. */
class ProgressLineTest {
  private static final long S = 1_000_000_000L;
  private static final String ERASE = "\r\033[K";

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final AtomicLong now = new AtomicLong(100 * S);
  private final ProgressLine line =
      new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get);

  private String screen() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void showsAfterTwoSecondsOfWaitingAndErasesWhenRowsArrive() {
    line.waiting(true);
    now.addAndGet(S);
    line.progress(new ExportProgress(0, 0, 0, 2_000, S));
    line.tick();
    assertThat(screen()).as("nothing in the first two seconds").isEmpty();

    now.addAndGet(2 * S);
    line.progress(new ExportProgress(3, 41, 1_530, 2_100_000, 3 * S));
    line.tick();
    assertThat(screen())
        .isEqualTo(ERASE + "Reading from REDCap: 3 of 41 batches, 1,530 rows, 2.1 MB, 3 s ");

    now.addAndGet(S);
    line.tick();
    assertThat(screen())
        .endsWith(ERASE + "Reading from REDCap: 3 of 41 batches, 1,530 rows, 2.1 MB, 4 s ");

    int before = screen().length();
    line.tick();
    assertThat(screen()).as("an unchanged line is not drawn again").hasSize(before);
    line.waiting(false); // rows are handed to the shell: it is about to print them
    assertThat(screen().substring(before)).isEqualTo(ERASE);
    line.tick();
    assertThat(screen()).hasSize(before + ERASE.length());

    // Waiting again for the next batch: shown only after a moment, not between rows.
    line.waiting(true);
    line.tick();
    assertThat(screen()).hasSize(before + ERASE.length());
    now.addAndGet(S);
    line.tick();
    assertThat(screen()).endsWith("2.1 MB, 5 s ");

    int shown = screen().length();
    line.ended(new ExportProgress(41, 41, 20_000, 9_000_000, 5 * S));
    assertThat(screen().substring(shown)).isEqualTo(ERASE);
    now.addAndGet(10 * S);
    line.tick();
    assertThat(screen()).hasSize(shown + ERASE.length());
  }

  @Test
  void aQuickStatementDrawsNothing() {
    line.waiting(true);
    now.addAndGet(S);
    line.tick();
    line.waiting(false);
    line.ended(new ExportProgress(1, 1, 10, 500, S));
    line.tick();
    assertThat(screen()).isEmpty();
  }

  @Test
  void beforeAnyFiguresItSaysItIsWaiting() {
    line.waiting(true);
    now.addAndGet(3 * S);
    line.tick();
    assertThat(screen()).isEqualTo(ERASE + "Reading from REDCap: waiting for REDCap, 3 s ");
  }

  @Test
  void notATerminalUnderTests() {
    // Maven's forked test JVM has no console: the shell would install no progress line.
    assertThat(System.console()).isNull();
    assertThat(ProgressLine.terminalStderr()).isFalse();
  }
}
