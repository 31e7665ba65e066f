package org.redcapjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.schema.RedcapConfig;

class ConnectionSettingsTest {
  static final String TOKEN = "0123456789ABCDEF0123456789ABCDEF";

  private static Properties props(String... kv) {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return p;
  }

  @Test
  void urlWithEndpointAndTokenInPassword() throws SQLException {
    ConnectionSettings s =
        ConnectionSettings.parse(
            "jdbc:redcap:https://redcap.example.edu/api/", props("password", TOKEN, "user", "me"));
    RedcapConfig c = s.config();
    assertThat(c.url()).hasToString("https://redcap.example.edu/api/");
    assertThat(c.token()).isEqualTo(TOKEN);
    assertThat(c.batchSize()).isEqualTo(10_000);
    assertThat(c.batchValues()).isEqualTo(60_000);
    assertThat(c.readOnly()).isFalse();
    assertThat(s.safeUrl()).isEqualTo("jdbc:redcap:https://redcap.example.edu/api/");
    assertThat(s.calciteProperties().stringPropertyNames())
        .doesNotContain("password", "user", "token", "url");
    assertThat(s.calciteProperties().getProperty("lex")).isEqualTo("MYSQL_ANSI");
    assertThat(s.calciteProperties().getProperty("conformance")).isEqualTo("LENIENT");
  }

  @Test
  void keyValueUrlFormOverridesProperties() throws SQLException {
    ConnectionSettings s =
        ConnectionSettings.parse(
            "jdbc:redcap:url=https://r.example.org/redcap/api/;token="
                + TOKEN
                + ";BatchSize=50;readOnly=true;connectTimeout=5",
            props("batchSize", "900", "password", "ignored-because-token-wins"));
    RedcapConfig c = s.config();
    assertThat(c.url()).hasToString("https://r.example.org/redcap/api/");
    assertThat(c.token()).isEqualTo(TOKEN);
    assertThat(c.batchSize()).isEqualTo(50);
    assertThat(c.readOnly()).isTrue();
    assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.safeUrl())
        .doesNotContain(TOKEN)
        .isEqualTo("jdbc:redcap:https://r.example.org/redcap/api/");
  }

  @Test
  void endpointFollowedByProperties() throws SQLException {
    ConnectionSettings s =
        ConnectionSettings.parse(
            "jdbc:redcap:http://127.0.0.1:8080/api/;parallelism=4;labelColumns=false",
            props("token", "  " + TOKEN + "\n"));
    assertThat(s.config().parallelism()).isEqualTo(4);
    assertThat(s.config().labelColumns()).isFalse();
    assertThat(s.config().token()).as("pasted tokens are trimmed").isEqualTo(TOKEN);
  }

  @Test
  void maxRequestsPerMinuteTakesZeroForOffButNothingNegative() throws SQLException {
    assertThat(
            ConnectionSettings.parse(
                    "jdbc:redcap:https://h/api/;maxRequestsPerMinute=0", props("password", TOKEN))
                .config()
                .maxRequestsPerMinute())
        .isZero();
    assertThatThrownBy(
            () ->
                ConnectionSettings.parse(
                    "jdbc:redcap:https://h/api/;maxRequestsPerMinute=-1", props("password", TOKEN)))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("maxRequestsPerMinute");
  }

  @Test
  void calcitePropertiesPassThroughAndCanOverrideDefaults() throws SQLException {
    ConnectionSettings s =
        ConnectionSettings.parse(
            "jdbc:redcap:https://h/api/;lex=JAVA;fun=mysql", props("password", TOKEN));
    assertThat(s.calciteProperties().getProperty("lex")).isEqualTo("JAVA");
    assertThat(s.calciteProperties().getProperty("fun")).isEqualTo("mysql");
  }

  @Test
  void missingUrlOrTokenIsAClearError() {
    assertThatThrownBy(() -> ConnectionSettings.parse("jdbc:redcap:", props("password", TOKEN)))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("No REDCap API URL");
    assertThatThrownBy(
            () -> ConnectionSettings.parse("jdbc:redcap:https://h/api/", new Properties()))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("No REDCap API token")
        .hasMessageContaining("password");
  }

  @Test
  void badValuesNameThePropertyButNeverTheToken() {
    assertThatThrownBy(
            () ->
                ConnectionSettings.parse(
                    "jdbc:redcap:https://h/api/;batchSize=zero", props("password", TOKEN)))
        .hasMessageContaining("batchSize")
        .hasMessageContaining("zero")
        .hasMessageNotContaining(TOKEN);
    assertThatThrownBy(
            () ->
                ConnectionSettings.parse(
                    "jdbc:redcap:https://h/api/;readOnly=maybe", props("password", TOKEN)))
        .hasMessageContaining("readOnly");
    assertThatThrownBy(
            () ->
                ConnectionSettings.parse(
                    "jdbc:redcap:https://h/api/;proxy=nohost", props("password", TOKEN)))
        .hasMessageContaining("host:port");
    assertThatThrownBy(
            () -> ConnectionSettings.parse("jdbc:redcap:ftp://h/api/", props("password", TOKEN)))
        .hasMessageContaining("http(s)");
  }

  @Test
  void tokenInTheEndpointQueryIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(
            () ->
                ConnectionSettings.parse(
                    "jdbc:redcap:https://h/api/?token=" + TOKEN, props("password", TOKEN)))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("must not carry a query")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void unparsableUrlPropertiesDoNotEchoTheUrl() {
    assertThatThrownBy(
            () ->
                ConnectionSettings.parse(
                    "jdbc:redcap:url=https://h/api/;token='" + TOKEN, new Properties()))
        .isInstanceOf(SQLException.class)
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void configToStringHidesSecrets() throws SQLException {
    ConnectionSettings s =
        ConnectionSettings.parse(
            "jdbc:redcap:https://h/api/",
            props("password", TOKEN, "trustStorePassword", "s3cret-pw"));
    assertThat(s.config().toString())
        .doesNotContain(TOKEN)
        .doesNotContain("s3cret-pw")
        .contains("https://h/api/");
    assertThat(s.config().cacheKey()).doesNotContain(TOKEN);
  }

  @Test
  void propertiesNobodyReadsAreListedAndKnownOnesAreNot() throws SQLException {
    ConnectionSettings s =
        ConnectionSettings.parse(
            "jdbc:redcap:https://redcap.example.edu/api/;CAHCE=memory;batchSize=5",
            props(
                "password", TOKEN,
                "user", "me",
                "fun", "mysql",
                "timeZone", "UTC",
                "LabelColumns", "false",
                "bachSize", "200"));
    assertThat(s.unknownProperties()).containsExactly("CAHCE", "bachSize");
    assertThat(RedcapDriver.unknownProperty("bachSize").getMessage())
        .contains("'bachSize'", "did you mean 'batchSize'?")
        .doesNotContain("200");
    assertThat(RedcapDriver.unknownProperty("zzzzzzzzzzzz").getMessage())
        .doesNotContain("did you mean");
    assertThat(RedcapDriver.unknownProperty("x").getSQLState()).isEqualTo("01000");
  }
}
