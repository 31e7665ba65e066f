package org.redcapjdbc.emulator.api.structure;

import java.util.List;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ExportMethod;
import org.redcapjdbc.emulator.format.TableWriter;
import org.redcapjdbc.emulator.model.Form;

/** {@code content=instrument}: {@code instrument_name, instrument_label} in project order. */
public final class InstrumentExport extends ExportMethod {
  @Override
  public void handle(ApiCall call) throws Exception {
    TableWriter w = call.table(List.of("instrument_name", "instrument_label"));
    for (Form f : call.definition().forms()) {
      w.row(new Object[] {f.name(), f.label()});
    }
    w.finish();
  }
}
