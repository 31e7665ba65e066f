package org.redcapjdbc.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

/**
 * A plain JDBC program that writes, run by {@link ShadedJarWriteTest} as a child process with
 * nothing on its class path but the shaded driver jar and this class. Each argument after the URL
 * is one statement: a SELECT prints its rows tab-separated; anything else runs with
 * {@code RETURN_GENERATED_KEYS} and prints {@code updated N} and one {@code key K} line per
 * generated key.
 *
 * <p>Usage: {@code java -cp redcap-jdbc.jar:. org.redcapjdbc.it.PlainJdbcWriteMain URL SQL...},
 * with the token in the environment variable {@code REDCAP_TOKEN}.
 */
public final class PlainJdbcWriteMain {
  private PlainJdbcWriteMain() {}

  public static void main(String[] args) throws Exception {
    Properties info = new Properties();
    info.setProperty("password", System.getenv("REDCAP_TOKEN"));
    try (Connection c = DriverManager.getConnection("jdbc:redcap:" + args[0], info);
        Statement s = c.createStatement()) {
      for (int a = 1; a < args.length; a++) {
        String sql = args[a];
        if (sql.strip().toUpperCase(Locale.ROOT).startsWith("SELECT")) {
          try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              StringBuilder line = new StringBuilder();
              for (int i = 1; i <= n; i++) {
                line.append(i > 1 ? "\t" : "").append(rs.getString(i));
              }
              System.out.println(line);
            }
          }
        } else {
          System.out.println("updated " + s.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS));
          try (ResultSet keys = s.getGeneratedKeys()) {
            while (keys.next()) {
              System.out.println("key " + keys.getString(1));
            }
          }
        }
      }
    }
  }
}
