package org.redcapjdbc.it.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.RedcapEmulator;
import org.redcapjdbc.it.Fixtures;

/**
 * The projects the real-client tests connect to, served by one emulator for the test JVM (started
 * when first asked for, stopped when the JVM ends): the emulator's demo study (two arms, repeating
 * instruments, DAGs, 300 records), PHPCap's basic demography fixture, and a small project whose
 * instrument names are awkward for tools: {@code visit_1} beside {@code visitx1} (equal under
 * {@code _} as a wildcard), {@code order} and {@code group} (SQL keywords) and {@code records}
 * (which the driver shows as {@code records_form}).
 */
final class ClientProjects {
  static {
    try {
      Class.forName("org.redcapjdbc.jdbc.RedcapDriver");
    } catch (ClassNotFoundException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static RedcapEmulator emulator;
  private static final Map<String, EmulatedProject> PROJECTS = new HashMap<>();

  private ClientProjects() {}

  static synchronized RedcapEmulator emulator() {
    if (emulator == null) {
      emulator = RedcapEmulator.builder().build().start();
      Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "client-tests-shutdown"));
    }
    return emulator;
  }

  static synchronized EmulatedProject demo() {
    return PROJECTS.computeIfAbsent("demo", k -> emulator().generate("demo", null));
  }

  static synchronized EmulatedProject basicDemography() {
    return PROJECTS.computeIfAbsent(
        "basic",
        k ->
            emulator()
                .loadProject(resource("fixtures/phpcap/PHPCapBasicDemography.REDCap.xml"), null));
  }

  static synchronized EmulatedProject awkwardNames() {
    return PROJECTS.computeIfAbsent("awkward", k -> emulator().loadProject(writeAwkward(), null));
  }

  /** The driver URL of the emulator. */
  static String url() {
    return "jdbc:redcap:" + emulator().url();
  }

  static Properties token(EmulatedProject project) {
    Properties p = new Properties();
    p.setProperty("password", project.token());
    // These classes share one emulator; the governor's default could make them wait for it.
    p.setProperty("maxRequestsPerMinute", "0");
    return p;
  }

  static Connection connect(EmulatedProject project) throws SQLException {
    return DriverManager.getConnection(url(), token(project));
  }

  private static Path writeAwkward() {
    try {
      Path dir = Files.createTempDirectory("redcap-awkward-names").resolve("awkward_names");
      Files.createDirectories(dir);
      String header =
          "field_name,form_name,section_header,field_type,field_label,"
              + "select_choices_or_calculations,field_note,text_validation_type_or_show_slider_number,"
              + "text_validation_min,text_validation_max,identifier,branching_logic,required_field,"
              + "custom_alignment,question_number,matrix_group_name,matrix_ranking,field_annotation\n";
      Files.writeString(
          dir.resolve("dictionary.csv"),
          header
              + "record_id,order,,text,Record ID,,,,,,,,,,,,,\n"
              + "o_note,order,,notes,Order note,,,,,,,,,,,,,\n"
              + "v1_count,visit_1,,text,<b>Visit</b> one count,,,integer,,,,,,,,,,\n"
              + "v1_flag,visit_1,,yesno,Visit one flag,,,,,,,,,,,,,\n"
              + "vx_date,visitx1,,text,Visit x date,,,date_ymd,,,,,,,,,,\n"
              + "r_note,records,,notes,Records note,,,,,,,,,,,,,\n"
              + "g_sex,group,,radio,Sex,\"1, F | 2, M\",,,,,,,,,,,,\n",
          StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve("data.csv"),
          "record_id,o_note,order_complete,v1_count,v1_flag,visit_1_complete,vx_date,"
              + "visitx1_complete,r_note,records_complete,g_sex,group_complete\n"
              + "1,first,2,3,1,2,2020-01-02,1,note one,0,1,2\n"
              + "2,second,1,,0,0,,,note two,2,2,1\n"
              + "3,,0,7,,1,2021-12-31,2,,,,\n",
          StandardCharsets.UTF_8);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path resource(String path) {
    return Fixtures.resource(path);
  }
}
