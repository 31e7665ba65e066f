package org.redcapjdbc.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Test fixtures from the classpath ({@code src/test/resources/fixtures}, see its README), turned
 * into the rows REDCap's API would export.
 */
public final class Fixtures {
  private static final String REDCAP_NS = "https://projectredcap.org";

  private Fixtures() {}

  static InputStream open(String path) {
    InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path);
    if (in == null) {
      throw new IllegalStateException("No test fixture " + path);
    }
    return in;
  }

  /** A data dictionary, UI or API form, as metadata rows. */
  static List<Map<String, String>> dictionary(String path) {
    try (InputStream in = open(path)) {
      return DataDictionaryCsv.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Map<String, String>> csv(String path) {
    try (InputStream in = open(path)) {
      return CsvRows.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The column names of a flat export CSV, in order. */
  static List<String> header(String path) {
    return new ArrayList<>(csv(path).get(0).keySet());
  }

  /**
   * What a REDCap project XML (ODM) says about instruments, designations and repeats, as the
   * rows of the instruments, formEventMapping and repeatingFormsEvents exports.
   */
  static final class Odm {
    final List<Map<String, String>> instruments = new ArrayList<>();
    final List<Map<String, String>> formEventMappings = new ArrayList<>();
    final List<Map<String, String>> repeatingFormsEvents = new ArrayList<>();
    boolean longitudinal;

    static Odm read(String path) {
      Odm odm = new Odm();
      try (InputStream in = open(path)) {
        XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
        List<Map<String, String>> repeats = new ArrayList<>();
        String event = null;
        String arm = null;
        while (xml.hasNext()) {
          if (xml.next() != XMLStreamReader.START_ELEMENT) {
            continue;
          }
          switch (xml.getLocalName()) {
            case "StudyEventDef":
              odm.longitudinal = true;
              event = xml.getAttributeValue(REDCAP_NS, "UniqueEventName");
              arm = xml.getAttributeValue(REDCAP_NS, "ArmNum");
              break;
            case "FormRef":
              odm.formEventMappings.add(
                  row(
                      "arm_num",
                      arm,
                      "unique_event_name",
                      event,
                      "form",
                      xml.getAttributeValue(REDCAP_NS, "FormName")));
              break;
            case "FormDef":
              odm.instruments.add(
                  row(
                      "instrument_name",
                      xml.getAttributeValue(REDCAP_NS, "FormName"),
                      "instrument_label",
                      xml.getAttributeValue(null, "Name")));
              break;
            case "RepeatingInstrument":
              repeats.add(
                  row(
                      "event_name",
                      xml.getAttributeValue(REDCAP_NS, "UniqueEventName"),
                      "form_name",
                      xml.getAttributeValue(REDCAP_NS, "RepeatInstrument"),
                      "custom_form_label",
                      xml.getAttributeValue(REDCAP_NS, "CustomLabel")));
              break;
            case "RepeatingEvent":
              repeats.add(
                  row(
                      "event_name",
                      xml.getAttributeValue(REDCAP_NS, "UniqueEventName"),
                      "form_name",
                      "",
                      "custom_form_label",
                      ""));
              break;
            default:
              break;
          }
        }
        for (Map<String, String> r : repeats) {
          if (!odm.longitudinal) {
            // The API's classic-project export has no event_name column.
            r.remove("event_name");
          }
          odm.repeatingFormsEvents.add(r);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (XMLStreamException e) {
        throw new IllegalStateException("Bad fixture XML " + path, e);
      }
      return odm;
    }
  }

  static Map<String, String> row(String... keysAndValues) {
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      row.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return row;
  }

  /** A metadata row with the 18 API columns, blank except those given. */
  public static Map<String, String> field(String name, String form, String type, String... more) {
    Map<String, String> row = new LinkedHashMap<>();
    for (String column :
        List.of(
            "field_name",
            "form_name",
            "section_header",
            "field_type",
            "field_label",
            "select_choices_or_calculations",
            "field_note",
            "text_validation_type_or_show_slider_number",
            "text_validation_min",
            "text_validation_max",
            "identifier",
            "branching_logic",
            "required_field",
            "custom_alignment",
            "question_number",
            "matrix_group_name",
            "matrix_ranking",
            "field_annotation")) {
      row.put(column, "");
    }
    row.put("field_name", name);
    row.put("form_name", form);
    row.put("field_type", type);
    row.put("field_label", name);
    for (int i = 0; i < more.length; i += 2) {
      row.put(more[i], more[i + 1]);
    }
    return row;
  }
}
