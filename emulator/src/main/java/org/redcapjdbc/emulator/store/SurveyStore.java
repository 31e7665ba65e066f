package org.redcapjdbc.emulator.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Survey participants ({@code redcap_surveys_participants}): the link hash, access code and return
 * code of one record's response to one survey in one event and instance, made on first use and
 * kept, so a link stays the same; and each record's survey-queue hash.
 */
public final class SurveyStore {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String UPPER_ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private SurveyStore() {}

  /** The codes of one survey response. */
  public record Codes(String hash, String accessCode, String returnCode) {}

  /** The codes of a response, created when first asked for. */
  public static Codes codes(
      Connection c, int projectId, String form, int eventId, String record, int instance)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT hash, access_code, return_code FROM"
                + " redcap_surveys_participants WHERE project_id = ? AND form_name = ? AND event_id = ? AND record = ?"
                + " AND instance = ?")) {
      ps.setInt(1, projectId);
      ps.setString(2, form);
      ps.setInt(3, eventId);
      ps.setString(4, record);
      ps.setInt(5, instance);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return new Codes(rs.getString(1), rs.getString(2), rs.getString(3));
        }
      }
    }
    // Link hashes of 16 characters as seen on a current server; access codes of 9, return codes of
    // 8.
    Codes codes = new Codes(random(16), random(9), random(8));
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO redcap_surveys_participants (project_id, form_name,"
                + " event_id, record, instance, hash, access_code, return_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setInt(1, projectId);
      ps.setString(2, form);
      ps.setInt(3, eventId);
      ps.setString(4, record);
      ps.setInt(5, instance);
      ps.setString(6, codes.hash());
      ps.setString(7, codes.accessCode());
      ps.setString(8, codes.returnCode());
      ps.executeUpdate();
    }
    return codes;
  }

  /** A record's survey-queue hash, created when first asked for. */
  public static String queueHash(Connection c, int projectId, String record) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT hash FROM redcap_surveys_queue_hashes WHERE project_id = ?"
                + " AND record = ?")) {
      ps.setInt(1, projectId);
      ps.setString(2, record);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return rs.getString(1);
        }
      }
    }
    String hash = random(10);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO redcap_surveys_queue_hashes (project_id, record, hash)"
                + " VALUES (?, ?, ?)")) {
      ps.setInt(1, projectId);
      ps.setString(2, record);
      ps.setString(3, hash);
      ps.executeUpdate();
    }
    return hash;
  }

  private static String random(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(UPPER_ALNUM.charAt(RANDOM.nextInt(UPPER_ALNUM.length())));
    }
    return sb.toString();
  }
}
