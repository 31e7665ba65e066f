package org.redcapjdbc.schema;

import java.time.Duration;

/**
 * One JDBC connection's hold on a REDCap project: the schemas attached to its root schema,
 * plus what the connection needs from the server (version, liveness). Closing it releases the
 * connection's resources; the project model stays in the shared cache for other connections.
 */
public interface RedcapSession extends AutoCloseable {

  /** The settings this session was opened with. */
  RedcapConfig config();

  /** The REDCap version the server reports (content=version), e.g. {@code 15.2.1}. */
  String serverVersion();

  /** Whether the server answers an authenticated request within the timeout. */
  boolean isReachable(Duration timeout);

  @Override
  void close();
}
