package org.redcapjdbc.emulator.api.record;

import java.util.List;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.api.ApiMethod;
import org.redcapjdbc.emulator.api.Params;
import org.redcapjdbc.emulator.api.Right;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.store.RecordStore;

/**
 * {@code content=record&action=rename}: {@code record} becomes {@code new_record_name}; answers
 * {@code 1}. The optional {@code arm} is checked but the whole record is renamed (this emulator
 * keeps one record across arms).
 */
public final class RecordRename implements ApiMethod {
  @Override
  public List<Right> rights() {
    return List.of(Right.RECORD_RENAME);
  }

  @Override
  public boolean writes() {
    return true;
  }

  @Override
  public void handle(ApiCall call) throws Exception {
    ProjectDefinition def = call.definition();
    Params p = call.params();
    String from = p.get("record");
    String to = p.get("new_record_name");
    if (from == null || to == null) {
      throw ApiException.badRequest(
          "The parameters \"record\" and \"new_record_name\" are both required.");
    }
    if (p.get("arm") != null && def.isLongitudinal()) {
      try {
        if (def.arm(Integer.parseInt(p.get("arm").strip())) == null) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw ApiException.badRequest(
            "The value of the parameter \"arm\" is not valid: '"
                + p.get("arm")
                + "' is not an arm number of this project.");
      }
    }
    String problem =
        call.database()
            .inTransaction(
                c -> {
                  java.util.Optional<org.redcapjdbc.emulator.store.RecordHeader> header =
                      RecordStore.header(c, def.id(), from);
                  if (header.isEmpty()
                      || (call.user().inDag()
                          && !call.user().groupId().equals(header.get().groupId()))) {
                    return "The record \"" + from + "\" does not exist";
                  }
                  if (!from.equals(to) && RecordStore.header(c, def.id(), to).isPresent()) {
                    return "The record \""
                        + to
                        + "\" already exists, so record \""
                        + from
                        + "\" cannot be renamed to it";
                  }
                  RecordStore.renameRecord(c, header.get(), to);
                  call.log(
                      c,
                      org.redcapjdbc.emulator.model.LogEntry.RECORD_EDIT,
                      "Update record (API) " + to,
                      def.recordIdField().name() + " = '" + to + "' (renamed from '" + from + "')",
                      to);
                  return null;
                });
    if (problem != null) {
      throw ApiException.badRequest(problem);
    }
    call.sendPlain("1");
  }
}
