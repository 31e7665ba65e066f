package org.redcapjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.schema.RedcapConfig;

/**
 * Every default is written three times: in {@link RedcapProperty} (what getPropertyInfo shows and
 * what a connection uses), in {@link RedcapConfig.Builder} (what code building a config directly
 * gets) and in the README's property table. These tests fail as soon as one of them drifts.
 */
class PropertyDefaultsTest {
  private static final String TOKEN = ConnectionSettingsTest.TOKEN;
  private static final URI ENDPOINT = URI.create("https://redcap.example.edu/api/");

  @Test
  void builderDefaultsAreThePropertyTableDefaults() {
    RedcapConfig built = RedcapConfig.builder().url(ENDPOINT).token(TOKEN).build();
    for (RedcapProperty p : RedcapProperty.values()) {
      assertThat(configValue(p, built)).as(p.camelName()).isEqualTo(p.defaultValue());
    }
  }

  @Test
  void requiredPropertiesHaveNoDefault() {
    for (RedcapProperty p : RedcapProperty.values()) {
      if (p.required()) {
        assertThat(p.defaultValue()).as(p.camelName()).isNull();
      }
    }
  }

  @Test
  void aConnectionGivenNoPropertiesGetsTheBuilderDefaults() throws SQLException {
    Properties onlyToken = new Properties();
    onlyToken.setProperty("token", TOKEN);
    RedcapConfig parsed = ConnectionSettings.parse("jdbc:redcap:" + ENDPOINT, onlyToken).config();
    RedcapConfig built = RedcapConfig.builder().url(ENDPOINT).token(TOKEN).build();
    for (RedcapProperty p : RedcapProperty.values()) {
      assertThat(configValue(p, parsed)).as(p.camelName()).isEqualTo(configValue(p, built));
    }
  }

  /**
   * The README's table ({@code | `name` | default | meaning |} under "Connection properties")
   * lists every property once with the same default; "(required)" and an empty cell mean none.
   * Skipped when the tests do not run from a checkout (no README.md in the parent of the module
   * directory, which is surefire's working directory).
   */
  @Test
  void readmeTableShowsTheSameDefaults() throws IOException {
    Path readme = Path.of("..", "README.md");
    assumeTrue(Files.isRegularFile(readme), "README.md is not beside the module");
    Map<String, String> table =
        readmePropertyTable(Files.readString(readme, StandardCharsets.UTF_8));

    Map<String, String> expected = new LinkedHashMap<>();
    for (RedcapProperty p : RedcapProperty.values()) {
      expected.put(p.camelName(), p.defaultValue());
    }
    assertThat(table).containsExactlyEntriesOf(expected);
  }

  /** The rows of the first table after the "## Connection properties" heading, in order. */
  private static Map<String, String> readmePropertyTable(String readme) {
    List<String> lines = readme.lines().toList();
    int heading = lines.indexOf("## Connection properties");
    assertThat(heading).as("README heading '## Connection properties'").isNotNegative();
    Pattern row = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|([^|]*)\\|.*$");
    Map<String, String> table = new LinkedHashMap<>();
    boolean inTable = false;
    for (String line : lines.subList(heading + 1, lines.size())) {
      if (line.startsWith("|")) {
        inTable = true;
        Matcher m = row.matcher(line);
        if (m.matches()) {
          String dflt = m.group(2).strip();
          String previous =
              table.put(m.group(1), dflt.isEmpty() || dflt.equals("(required)") ? null : dflt);
          assertThat(previous).as("README lists " + m.group(1) + " twice").isNull();
        }
      } else if (inTable || line.startsWith("## ")) {
        break;
      }
    }
    return table;
  }

  /**
   * The config's value for {@code p}, written as the property table writes defaults. The switch
   * has no default branch, so a new property does not compile until it is mapped here.
   */
  private static String configValue(RedcapProperty p, RedcapConfig c) {
    return switch (p) {
      // Required, so the builder has no default for them either (build() refuses nulls).
      case URL, TOKEN -> null;
      case BATCH_SIZE -> String.valueOf(c.batchSize());
      case BATCH_VALUES -> String.valueOf(c.batchValues());
      case PARALLELISM -> String.valueOf(c.parallelism());
      case IMPORT_BATCH_SIZE -> String.valueOf(c.importBatchSize());
      case CONNECT_TIMEOUT -> seconds(c.connectTimeout());
      case READ_TIMEOUT -> seconds(c.readTimeout());
      case MAX_RETRIES -> String.valueOf(c.maxRetries());
      case METADATA_TTL -> seconds(c.metadataTtl());
      case LABEL_COLUMNS -> String.valueOf(c.labelColumns());
      case TYPED -> String.valueOf(c.typed());
      case STRICT_TYPES -> String.valueOf(c.strictTypes());
      case READ_ONLY -> String.valueOf(c.readOnly());
      case TRUST_STORE -> c.trustStore().map(Path::toString).orElse(null);
      case TRUST_STORE_PASSWORD -> c.trustStorePassword().orElse(null);
      case SSL_VERIFY -> String.valueOf(c.sslVerify());
      case PROXY -> c.proxy().orElse(null);
      case ALLOW_HTTP -> String.valueOf(c.allowHttp());
      case PUSHDOWN -> String.valueOf(c.pushdown());
      case MAX_REQUESTS_PER_MINUTE -> String.valueOf(c.maxRequestsPerMinute());
      case CACHE -> c.cache().propertyValue();
      case CACHE_MAX_AGE -> seconds(c.cacheMaxAge());
      case CACHE_DIR -> c.cacheDir().map(Path::toString).orElse(null);
      case SERVER_TIME_ZONE -> c.serverTimeZone().map(Object::toString).orElse(null);
      case PROJECT_TOKENS -> c.projectTokens().map(Path::toString).orElse(null);
    };
  }

  /** Whole seconds as the properties take them; anything finer shows as a Duration, so it differs. */
  private static String seconds(Duration d) {
    return d.toNanosPart() == 0 ? String.valueOf(d.toSeconds()) : d.toString();
  }
}
