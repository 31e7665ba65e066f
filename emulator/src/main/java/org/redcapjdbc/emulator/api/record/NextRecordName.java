package org.redcapjdbc.emulator.api.record;

import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ExportMethod;
import org.redcapjdbc.emulator.store.RecordHeader;
import org.redcapjdbc.emulator.store.RecordStore;

/**
 * {@code content=generateNextRecordName}: plain text, the highest numeric record name plus one
 * ({@code 1} when there is none); for a user in a DAG, {@code <group id>-<n>}. Nothing is reserved.
 */
public final class NextRecordName extends ExportMethod {
  @Override
  public void handle(ApiCall call) throws Exception {
    Integer group = call.user().groupId();
    long max =
        call.database()
            .read(
                c -> {
                  long m = 0;
                  for (RecordHeader h : RecordStore.listRecords(c, call.definition().id())) {
                    String name = h.record();
                    if (group != null) {
                      String prefix = group + "-";
                      if (name.startsWith(prefix)
                          && name.substring(prefix.length()).matches("\\d{1,18}")) {
                        m = Math.max(m, Long.parseLong(name.substring(prefix.length())));
                      }
                    } else if (name.matches("\\d{1,18}")) {
                      m = Math.max(m, Long.parseLong(name));
                    }
                  }
                  return m;
                });
    call.sendPlain(group == null ? String.valueOf(max + 1) : group + "-" + (max + 1));
  }
}
