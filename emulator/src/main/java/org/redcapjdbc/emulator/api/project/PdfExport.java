package org.redcapjdbc.emulator.api.project;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.api.ExportMethod;
import org.redcapjdbc.emulator.api.Params;
import org.redcapjdbc.emulator.api.record.FileMethods;
import org.redcapjdbc.emulator.model.Choice;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.FieldType;
import org.redcapjdbc.emulator.model.Form;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.model.UserRights;
import org.redcapjdbc.emulator.store.RecordData;
import org.redcapjdbc.emulator.store.RecordHeader;
import org.redcapjdbc.emulator.store.RecordStore;

/**
 * {@code content=pdf} (docs/redcap-api.md §2.6): a valid PDF document (written with PDFBox) listing
 * the instruments and their fields (label, variable name, type, choices), blank or with the data of
 * {@code record} (optionally one {@code event} and {@code repeat_instance}) or, with
 * {@code allRecords} (any value; the old spelling {@code allrecords} too), of every record the
 * caller may see. {@code instrument} narrows to one instrument; {@code compactDisplay} leaves out
 * fields without data. Forms without export rights are left out, and identifier values are left out
 * for de-identified export rights. The answer is {@code application/pdf; name="…pdf"}.
 */
public final class PdfExport extends ExportMethod {
  private static final float MARGIN = 50;
  private static final int WRAP = 95;

  /** The version REDCap's PDFs declare in their header. */
  private static final float PDF_VERSION = 1.3f;

  /** The fonts, made on the first PDF only: PDFBox looks for system fonts when it makes them. */
  private static final class Fonts {
    static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  }

  /** One block of the document: an instrument, blank or with one row's data. */
  private record Section(Form form, RecordData data, Event event, int instance) {}

  @Override
  public void handle(ApiCall call) throws Exception {
    ProjectDefinition def = call.definition();
    Params p = call.params();
    List<Form> forms = new ArrayList<>();
    String instrument = p.get("instrument");
    if (instrument != null && def.form(instrument) == null) {
      throw ApiException.badRequest(
          "The value of the parameter \"instrument\" is not valid: '"
              + instrument
              + "' is not an instrument of this project.");
    }
    for (Form f : def.forms()) {
      if ((instrument == null || f.name().equals(instrument))
          && call.user().exportRight(f.name()) != UserRights.EXPORT_NONE) {
        forms.add(f);
      }
    }
    if (forms.isEmpty()) {
      throw ApiException.forbidden(
          "You do not have Data Export privileges for the instruments of this PDF.");
    }
    boolean all = p.has("allRecords") || p.has("allrecords");
    String record = all ? null : p.get("record");
    Event onlyEvent = null;
    if (!all && record != null && p.get("event") != null && def.isLongitudinal()) {
      onlyEvent = def.event(p.get("event"));
      if (onlyEvent == null) {
        throw ApiException.badRequest(
            "The value of the parameter \"event\" is not valid: '"
                + p.get("event")
                + "' is not a unique event name of this project.");
      }
    }
    Integer onlyInstance = null;
    if (!all && p.get("repeat_instance") != null) {
      try {
        onlyInstance = Integer.parseInt(p.get("repeat_instance").strip());
      } catch (NumberFormatException e) {
        throw ApiException.badRequest(
            "The value of the parameter \"repeat_instance\" is not valid: it must be a"
                + " positive integer.");
      }
    }
    List<Section> sections = new ArrayList<>();
    if (!all && record == null) {
      for (Form f : forms) {
        sections.add(new Section(f, null, null, 1));
      }
    } else {
      List<RecordData> records = new ArrayList<>();
      try (Connection c = call.database().connection()) {
        List<RecordHeader> headers = new ArrayList<>();
        if (all) {
          for (RecordHeader h : RecordStore.listRecords(c, def.id())) {
            if (!call.user().inDag() || call.user().groupId().equals(h.groupId())) {
              headers.add(h);
            }
          }
        } else {
          Optional<RecordHeader> h = RecordStore.header(c, def.id(), record);
          if (h.isEmpty()
              || (call.user().inDag() && !call.user().groupId().equals(h.get().groupId()))) {
            throw ApiException.badRequest("The record \"" + record + "\" does not exist");
          }
          headers.add(h.get());
        }
        records.addAll(RecordStore.load(c, def.id(), headers).values());
      }
      for (RecordData d : records) {
        for (Event e : def.events()) {
          if (!d.hasEvent(e.id()) || (onlyEvent != null && e != onlyEvent)) {
            continue;
          }
          for (Form f : forms) {
            if (!def.isDesignated(e, f.name())) {
              continue;
            }
            for (int i : d.instances(e.id())) {
              boolean hasFormData =
                  d.fieldsAt(e.id(), i).stream().anyMatch(x -> belongs(def, x, f));
              if ((onlyInstance == null || i == onlyInstance) && (i == 1 || hasFormData)) {
                sections.add(new Section(f, d, e, i));
              }
            }
          }
        }
      }
    }
    byte[] pdf = render(def, sections, p.bool("compactDisplay", false), call);
    String fileName =
        def.title().replaceAll("[^A-Za-z0-9]+", "")
            + (instrument == null ? "" : "_" + instrument)
            + ".pdf";
    try (OutputStream out = call.stream(FileMethods.contentType("application/pdf", fileName))) {
      out.write(pdf);
    }
  }

  private static boolean belongs(ProjectDefinition def, String column, Form form) {
    Field f = def.field(column);
    return f != null
        ? f.formName().equals(form.name()) && f != def.recordIdField()
        : column.equals(form.completeField());
  }

  private byte[] render(
      ProjectDefinition def, List<Section> sections, boolean compact, ApiCall call)
      throws IOException {
    try (PDDocument doc = new PDDocument()) {
      // REDCap's PDFs declare version 1.3 and clients that sniff the header see %PDF-1.3. PDFBox
      // refuses to lower a document's version through PDDocument, so the header version is set on
      // the COS document, and the file is saved without object or cross-reference streams (PDF 1.5
      // features that would make PDFBox raise the version again).
      doc.getDocument().setVersion(PDF_VERSION);
      Writer w = new Writer(doc);
      w.line(Fonts.BOLD, 16, def.title());
      w.gap();
      for (Section s : sections) {
        String heading = s.form().label();
        if (s.data() != null) {
          heading += "  -  Record " + s.data().record();
          if (def.isLongitudinal()) {
            heading += "  -  " + def.eventLabel(s.event());
          }
          if (s.instance() > 1) {
            heading += "  -  Instance " + s.instance();
          }
        }
        w.line(Fonts.BOLD, 13, heading);
        int exportRight = call.user().exportRight(s.form().name());
        for (Field f : def.fieldsOf(s.form().name())) {
          List<String> values = values(s, f, exportRight);
          if (compact
              && s.data() != null
              && values.isEmpty()
              && f.type() != FieldType.DESCRIPTIVE) {
            continue;
          }
          w.line(
              Fonts.REGULAR, 10, f.label() + "  [" + f.name() + "]  (" + f.type().apiName() + ")");
          if (f.type() == FieldType.CHECKBOX
              || f.type() == FieldType.RADIO
              || f.type() == FieldType.DROPDOWN) {
            for (Choice c : f.choices()) {
              boolean chosen = values.contains(c.code());
              if (!compact || s.data() == null || chosen) {
                w.line(
                    Fonts.REGULAR,
                    10,
                    "      " + (chosen ? "[X] " : "[ ] ") + c.code() + ", " + c.label());
              }
            }
          } else if (!values.isEmpty()) {
            w.line(Fonts.REGULAR, 10, "      " + String.join(", ", values));
          }
        }
        w.gap();
      }
      w.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out, CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    }
  }

  private static List<String> values(Section s, Field f, int exportRight) {
    if (s.data() == null || (f.identifier() && exportRight != UserRights.EXPORT_FULL)) {
      return List.of();
    }
    int e = s.event().id();
    if (f.isCheckbox()) {
      return s.data().checkedCodes(e, s.instance(), f.name());
    }
    String v = s.data().value(e, s.instance(), f.name());
    return v.isEmpty() ? List.of() : List.of(v);
  }

  /** Lines of text over as many pages as they need. */
  private static final class Writer {
    private final PDDocument doc;
    private PDPageContentStream stream;
    private float y;

    Writer(PDDocument doc) throws IOException {
      this.doc = doc;
      newPage();
    }

    private void newPage() throws IOException {
      if (stream != null) {
        stream.close();
      }
      PDPage page = new PDPage(PDRectangle.LETTER);
      doc.addPage(page);
      stream = new PDPageContentStream(doc, page);
      y = page.getMediaBox().getHeight() - MARGIN;
    }

    void line(PDType1Font font, float size, String text) throws IOException {
      for (String part : wrap(printable(text))) {
        if (y < MARGIN + size) {
          newPage();
        }
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(MARGIN, y);
        stream.showText(part);
        stream.endText();
        y -= size * 1.35f;
      }
    }

    void gap() {
      y -= 8;
    }

    void close() throws IOException {
      stream.close();
    }

    /** Tags out (labels may hold HTML), and only what the standard fonts can show (the rest as '?'). */
    private static String printable(String text) {
      String plain =
          text.replaceAll("<[^>]*>", "").replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
      StringBuilder sb = new StringBuilder(plain.length());
      for (char ch : plain.toCharArray()) {
        sb.append((ch >= 0x20 && ch < 0x7F) || (ch >= 0xA0 && ch <= 0xFF) ? ch : '?');
      }
      return sb.toString();
    }

    private static List<String> wrap(String text) {
      List<String> out = new ArrayList<>();
      String rest = text;
      while (rest.length() > WRAP) {
        int cut = rest.lastIndexOf(' ', WRAP);
        if (cut < WRAP / 2) {
          cut = WRAP;
        }
        out.add(rest.substring(0, cut));
        rest = "      " + rest.substring(cut).strip();
      }
      out.add(rest);
      return out;
    }
  }
}
