package org.redcapjdbc.emulator.odm;

import static org.redcapjdbc.emulator.odm.OdmMarkup.a;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.redcapjdbc.emulator.api.record.RecordRows;
import org.redcapjdbc.emulator.format.XmlText;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.store.RecordData;
import org.redcapjdbc.emulator.store.RecordHeader;

/**
 * Writes a project as REDCap project XML (CDISC ODM 1.3.1 with {@code redcap:} extensions), in the
 * shape {@link OdmReader} reads back: settings, dictionary, events, repeating set-up, DAGs,
 * surveys, reports, roles, and (unless metadata only) the records, streamed a chunk at a time.
 * Line breaks in attribute values are written as character references, so any XML parser keeps them.
 *
 * <p>This class writes the document's envelope ({@code <ODM>}, {@code <Study>},
 * {@code <ClinicalData>}) and the OIDs that tie its parts together; {@link GlobalVariablesWriter},
 * {@link MetaDataWriter} and {@link ClinicalDataWriter} write the parts.
 */
public final class OdmWriter {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final String VERSION = "15.2.1";

  /**
   * What to write.
   *
   * @param metadataOnly leave out ClinicalData
   * @param fields the fields (and status fields) whose values are written; null for all
   * @param groups the record-event row groups to write for a record (applies the filters)
   * @param dags write {@code redcap_data_access_group} items
   * @param surveyFields write survey identifiers and timestamps
   */
  public record Options(
      boolean metadataOnly,
      Set<String> fields,
      Function<RecordData, List<List<RecordRows.Row>>> groups,
      boolean dags,
      boolean surveyFields) {}

  private final ProjectDefinition def;
  private final Writer out;
  private final String studyOid;
  private final String metadataOid;
  private final boolean exportFiles;

  private OdmWriter(ProjectDefinition def, Writer out, boolean exportFiles) {
    this.def = def;
    this.out = out;
    this.exportFiles = exportFiles;
    String compact = def.title().replaceAll("[^A-Za-z0-9]", "");
    this.studyOid = "Project." + (compact.isEmpty() ? "Project" + def.id() : compact);
    this.metadataOid =
        "Metadata."
            + (compact.isEmpty() ? "Project" + def.id() : compact)
            + "_"
            + org.redcapjdbc.emulator.ServerTime.now()
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmm"));
  }

  /** Writes the project, then its records from {@code headers} (export order) unless metadata only. */
  public static void write(
      ProjectDefinition def,
      Connection c,
      List<RecordHeader> headers,
      Options options,
      OutputStream stream)
      throws IOException, SQLException {
    write(def, c, headers, options, stream, false);
  }

  public static void write(
      ProjectDefinition def,
      Connection c,
      List<RecordHeader> headers,
      Options options,
      OutputStream stream,
      boolean exportFiles)
      throws IOException, SQLException {
    Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 16384);
    OdmWriter writer = new OdmWriter(def, w, exportFiles);
    writer.document(c, headers, options);
    w.flush();
  }

  private void document(Connection c, List<RecordHeader> headers, Options options)
      throws IOException, SQLException {
    String now = org.redcapjdbc.emulator.ServerTime.now().format(STAMP);
    out.write(XmlText.DECLARATION + "\n");
    out.write(
        "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:redcap=\"https://projectredcap.org\""
            + " xsi:schemaLocation=\"http://www.cdisc.org/ns/odm/v1.3 schema/odm/ODM1-3-1.xsd\" ODMVersion=\"1.3.1\""
            + " FileOID=\"000-00-0000\" FileType=\"Snapshot\" Description=\""
            + a(def.title())
            + "\" AsOfDateTime=\""
            + now
            + "\" CreationDateTime=\""
            + now
            + "\" SourceSystem=\"REDCap\" SourceSystemVersion=\""
            + VERSION
            + "\">\n");
    out.write("<Study OID=\"" + a(studyOid) + "\">\n");
    new GlobalVariablesWriter(def, out).write(options.metadataOnly());
    new MetaDataWriter(def, out, metadataOid).write();
    out.write("</Study>\n");
    if (!options.metadataOnly()) {
      out.write(
          "<ClinicalData StudyOID=\""
              + a(studyOid)
              + "\" MetaDataVersionOID=\""
              + a(metadataOid)
              + "\">\n");
      new ClinicalDataWriter(def, out, exportFiles).write(c, headers, options);
      out.write("</ClinicalData>\n");
    }
    out.write("</ODM>\n");
  }
}
