package org.redcapjdbc.emulator.api;

import static java.util.Objects.requireNonNull;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import org.redcapjdbc.emulator.format.Format;
import org.redcapjdbc.emulator.store.AccessStore;
import org.redcapjdbc.emulator.store.ApiUser;
import org.redcapjdbc.emulator.store.ProjectHandle;
import org.redcapjdbc.emulator.store.ProjectRegistry;

/**
 * Authenticates an API request, picks its method from {@code content} and {@code action}, and
 * runs it under the project's lock. Knows nothing of HTTP.
 */
public final class ApiDispatcher {
  public static final String NO_PERMISSION = "You do not have permissions to use the API";

  private final ProjectRegistry projects;
  private final MethodRegistry methods;
  private final String superToken;
  private final java.util.function.Supplier<String> apiUrl;

  public ApiDispatcher(ProjectRegistry projects, MethodRegistry methods, String superToken) {
    this(projects, methods, superToken, () -> "http://127.0.0.1/api/");
  }

  /**
   * @param apiUrl the URL the API is served at, asked for when a method needs it (survey links);
   *     known only once the server listens
   */
  public ApiDispatcher(
      ProjectRegistry projects,
      MethodRegistry methods,
      String superToken,
      java.util.function.Supplier<String> apiUrl) {
    this.projects = requireNonNull(projects, "projects");
    this.methods = requireNonNull(methods, "methods");
    this.superToken = superToken;
    this.apiUrl = requireNonNull(apiUrl, "apiUrl");
  }

  /**
   * The action a request asks for: {@code action} when given; otherwise {@code import} when
   * {@code data} is present (clients differ on sending {@code action=import}), else {@code export}.
   */
  public static String action(Params p) {
    String action = p.get("action");
    if (action != null) {
      return action;
    }
    return p.has("data") ? "import" : "export";
  }

  /** {@code content/action}, the key under which requests are counted. */
  public static String methodKey(Params p) {
    String content = p.get("content");
    return MethodRegistry.key(content == null ? "(none)" : content, action(p));
  }

  /** The shape of errors: {@code returnFormat}, else {@code format}, else XML (REDCap's default). */
  public static Format returnFormat(Params p) {
    Format f = Format.parse(p.get("returnFormat"));
    if (f == null) {
      f = Format.parse(p.get("format"));
    }
    return f == null || f == Format.ODM ? Format.XML : f;
  }

  /**
   * Runs the server's clock in {@code zone} instead of the JVM's (null: the JVM's) for the
   * requests this dispatcher handles: log entries, record times and date ranges are then that
   * zone's local time, as on a REDCap server abroad.
   */
  public ApiDispatcher timeZone(java.time.ZoneId zone) {
    this.zone = zone;
    return this;
  }

  private volatile java.time.ZoneId zone;

  public void dispatch(Params p, ResponseChannel response, ExportFaults faults) throws Exception {
    org.redcapjdbc.emulator.ServerTime.use(zone);
    try {
      dispatchInZone(p, response, faults);
    } finally {
      org.redcapjdbc.emulator.ServerTime.clear();
    }
  }

  private void dispatchInZone(Params p, ResponseChannel response, ExportFaults faults)
      throws Exception {
    String token = p.get("token");
    if (token == null) {
      throw ApiException.forbidden(NO_PERMISSION);
    }
    if (superToken != null && token.equals(superToken)) {
      // REDCap documents two methods for a super token: creating a project, and the version
      // (PHPCap's tests ask a live server for it with a super token). Everything else is refused.
      if ("project".equals(p.get("content")) && "import".equals(action(p))) {
        org.redcapjdbc.emulator.api.project.ProjectCreation.create(p, projects, response);
        return;
      }
      if ("version".equals(p.get("content")) && "export".equals(action(p))) {
        try (OutputStream out = response.open(200, Format.PLAIN_TEXT)) {
          out.write(StandardMethods.VERSION.getBytes(StandardCharsets.US_ASCII));
        }
        return;
      }
      throw ApiException.forbidden(NO_PERMISSION);
    }
    Optional<ApiUser> found = projects.database().read(c -> AccessStore.lookup(c, token));
    if (found.isEmpty()) {
      throw ApiException.forbidden(NO_PERMISSION);
    }
    ApiUser user = found.get();
    ProjectHandle project = projects.get(user.projectId());
    if (project == null) {
      throw ApiException.forbidden(NO_PERMISSION);
    }
    String content = p.get("content");
    if (content == null
        || (!MethodRegistry.REDCAP_CONTENTS.contains(content) && !methods.knowsContent(content))) {
      throw ApiException.badRequest("The value of the parameter \"content\" is not valid");
    }
    String action = action(p);
    ApiMethod method = methods.get(content, action);
    if (method == null) {
      if (methods.knowsContent(content)) {
        throw ApiException.badRequest("The value of the parameter \"action\" is not valid");
      }
      throw new ApiException(501, "The requested method is not implemented.");
    }
    for (Right r : method.rights()) {
      if (!user.can(r.name())) {
        throw ApiException.forbidden(r.deniedMessage());
      }
    }
    Format format;
    if (p.get("format") == null) {
      format = Format.XML;
    } else {
      format = Format.parse(p.get("format"));
      if (format == null) {
        throw ApiException.badRequest("The value of the parameter \"format\" is not valid");
      }
    }
    ApiCall call =
        new ApiCall(
            p,
            user,
            project,
            projects.database(),
            response,
            faults,
            format,
            returnFormat(p),
            apiUrl.get());
    Lock lock = method.writes() ? project.lock().writeLock() : project.lock().readLock();
    lock.lock();
    try {
      method.handle(call);
      if (!call.logged()) {
        ApiLog.Default entry = ApiLog.of(MethodRegistry.key(content, action));
        if (entry != null) {
          call.log(entry.type(), ApiLog.action(entry), entry.details(), "");
        }
      }
    } finally {
      lock.unlock();
    }
  }
}
