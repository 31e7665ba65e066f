package org.redcapjdbc.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * A plain JDBC program, run by {@link ShadedJarTest} as a child process with nothing on its class
 * path but the shaded driver jar and this class: it uses {@code java.sql} only, finds the driver
 * through {@code DriverManager} and prints the rows tab-separated.
 *
 * <p>Usage: {@code java -cp redcap-jdbc.jar:. org.redcapjdbc.it.PlainJdbcMain URL SQL}, with the
 * token in the environment variable {@code REDCAP_TOKEN}.
 */
public final class PlainJdbcMain {
  private PlainJdbcMain() {}

  public static void main(String[] args) throws Exception {
    Properties info = new Properties();
    info.setProperty("password", System.getenv("REDCAP_TOKEN"));
    try (Connection c = DriverManager.getConnection("jdbc:redcap:" + args[0], info);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(args[1])) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder line = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          line.append(i > 1 ? "\t" : "").append(rs.getString(i));
        }
        System.out.println(line);
      }
    }
  }
}
