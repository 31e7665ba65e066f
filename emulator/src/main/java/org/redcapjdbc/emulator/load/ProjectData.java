package org.redcapjdbc.emulator.load;

/** The records of a project being loaded, replayed into a sink (possibly generated on the fly). */
@FunctionalInterface
public interface ProjectData {
  void writeTo(RecordSink sink) throws Exception;

  ProjectData NONE = sink -> {};
}
