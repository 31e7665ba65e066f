package org.redcapjdbc.schema;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.redcapjdbc.client.RecordCursor;
import org.redcapjdbc.client.RecordExportRequest;
import org.redcapjdbc.client.RedcapClient;
import org.redcapjdbc.client.RedcapException;
import org.redcapjdbc.client.RedcapException.Kind;
import org.redcapjdbc.model.ProjectModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a project's structure from REDCap into a {@link ProjectSnapshot}. The independent calls
 * run in parallel, in two rounds: first version, project info, dictionary, instruments and DAGs;
 * then what depends on them (events, arms and mappings when the project is longitudinal, the
 * repeating setup when something repeats). Classic projects are never asked for events: REDCap
 * answers 400 there. None of these grows with the number of records: the records are counted
 * later, by the first read that needs it ({@link #countRecords}, {@link ProjectSnapshot#tally()}).
 * Only a caller refused the DAG list costs a record export at connect: the first row of an export
 * of the record-ID field, read to see whether REDCap adds the DAG column, then aborted.
 */
final class ProjectLoader {
  private static final Logger LOG = LoggerFactory.getLogger(ProjectLoader.class);
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ExecutorService EXECUTOR =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "redcap-metadata-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  private final RedcapClient client;
  private final Clock clock;

  ProjectLoader(RedcapClient client, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** @throws RedcapException when a call fails, with REDCap's message; IllegalArgumentException
   *     when the exports do not fit together (the project changed while it was read) */
  ProjectSnapshot load() {
    long start = System.nanoTime();
    Future<String> version = async(() -> client.project().exportVersion());
    Future<Map<String, String>> info = async(() -> client.project().exportProjectInfo());
    Future<List<Map<String, String>>> metadata = async(() -> client.project().exportMetadata());
    Future<List<Map<String, String>>> instruments =
        async(() -> client.project().exportInstruments());
    Future<DagView> dags = async(this::dags);

    Map<String, String> projectInfo = get(info);
    List<Map<String, String>> dictionary = get(metadata);
    boolean longitudinal = "1".equals(projectInfo.getOrDefault("is_longitudinal", "").trim());
    boolean repeating =
        "1".equals(projectInfo.getOrDefault("has_repeating_instruments_or_events", "").trim());
    String recordIdField = dictionary.isEmpty() ? null : dictionary.get(0).get("field_name");
    if (recordIdField == null || recordIdField.isEmpty()) {
      throw new RedcapException(
          Kind.PROTOCOL,
          200,
          "content=metadata",
          null,
          "The project's data dictionary is empty, so it has no record-ID field: add fields to"
              + " the project in REDCap.",
          null);
    }

    Future<List<Map<String, String>>> events =
        longitudinal ? async(() -> client.project().exportEvents(List.of())) : done(List.of());
    Future<List<Map<String, String>>> arms =
        longitudinal ? async(() -> client.project().exportArms(List.of())) : done(List.of());
    Future<List<Map<String, String>>> mappings =
        longitudinal
            ? async(() -> client.project().exportFormEventMappings(List.of()))
            : done(List.of());
    Future<List<Map<String, String>>> repeats =
        repeating ? async(() -> client.project().exportRepeatingFormsEvents()) : done(List.of());
    DagView dagView = get(dags);
    Future<Boolean> dagColumn =
        dagView.listRefused ? async(() -> dagColumnVisible(recordIdField)) : done(false);
    List<Map<String, String>> repeatingSetup = get(repeats);
    ProjectModel.Builder builder =
        ProjectModel.builder()
            .projectInfo(projectInfo)
            .metadata(dictionary)
            .instruments(get(instruments))
            .events(get(events))
            .arms(get(arms))
            .formEventMappings(get(mappings))
            .repeatingFormsEvents(repeatingSetup)
            .dataAccessGroups(dagView.rows)
            .callerInDataAccessGroup(dagView.callerInGroup);
    if (dagView.listRefused) {
      // No DAG list for this caller; the record export shows whether it gets the DAG column.
      builder.dataAccessGroupColumn(get(dagColumn));
    }
    ProjectModel model = builder.build();
    ProjectSnapshot snapshot =
        new ProjectSnapshot(model, get(version), repeatingSetup, clock.instant());
    LOG.debug("Read {} in {} ms", snapshot, (System.nanoTime() - start) / 1_000_000);
    return snapshot;
  }

  /**
   * The DAGs; or none and "the caller is in a DAG" when REDCap refuses the call for that reason;
   * or none and "list refused" when the caller lacks the Data Access Groups right, which most
   * users do: their record exports still show the DAG column, so the project stays readable.
   */
  private DagView dags() {
    try {
      return new DagView(client.users().exportDags(), false, false);
    } catch (RedcapException e) {
      String message = e.redcapMessage() == null ? "" : e.redcapMessage();
      if ((e.kind() == Kind.VALIDATION || e.kind() == Kind.AUTH || e.kind() == Kind.SERVER)
          && message.contains("assigned to a Data Access Group")) {
        return new DagView(List.of(), true, false);
      }
      if ((e.kind() == Kind.VALIDATION || e.kind() == Kind.AUTH)
          && message.contains("privileges")) {
        LOG.debug("REDCap refuses this token the DAG list: {}", message);
        return new DagView(List.of(), false, true);
      }
      if ((e.kind() == Kind.VALIDATION && message.contains("\"content\""))
          || e.httpStatus() == 501) {
        // Servers older than 11.3 have no DAG method; the export still works without it.
        LOG.info("This REDCap version cannot export data access groups: {}", message);
        return new DagView(List.of(), false, false);
      }
      throw e;
    }
  }

  /**
   * Whether REDCap adds the DAG column to this caller's record exports, which it does only when
   * the project has DAGs and the caller may see them: the first row of an export of the
   * record-ID field with {@code exportDataAccessGroups} shows it, and the rest of the answer is
   * not read (closing the cursor aborts the call). A project without records shows nothing: no
   * column, as REDCap's empty answer has none either.
   */
  private boolean dagColumnVisible(String recordIdField) {
    RecordExportRequest ids =
        RecordExportRequest.builder()
            .fields(List.of(recordIdField))
            .exportDataAccessGroups(true)
            .recordIdField(recordIdField)
            .build();
    try (RecordCursor cursor = client.records().export(ids)) {
      cursor.bind(List.of(recordIdField));
      return cursor.next() && cursor.unboundColumns().contains(DAG_COLUMN);
    }
  }

  /**
   * The project's records and flat-export rows: one export of the record-ID field, whose rows are
   * the flat export's rows; records are counted where the ID changes, since REDCap sends each
   * record's rows together. It grows with the project, so it is sent only when a read needs the
   * count and no read over the whole project has counted it yet ({@link ProjectSnapshot#tally}).
   */
  static ProjectSnapshot.Tally countRecords(RedcapClient client, String recordIdField) {
    RecordExportRequest ids =
        RecordExportRequest.builder()
            .fields(List.of(recordIdField))
            .recordIdField(recordIdField)
            .build();
    long records = 0;
    long rows = 0;
    String previous = null;
    try (RecordCursor cursor = client.records().export(ids)) {
      cursor.bind(List.of(recordIdField));
      while (cursor.next()) {
        rows++;
        String id = cursor.value(0);
        if (id == null || id.isBlank()) {
          // A count short of the damaged rows would let a read believe the project smaller, or
          // empty, than it is: a damaged answer fails, as it does in a read.
          throw RedcapException.rowWithoutRecordId(recordIdField, "an export of the record IDs");
        }
        if (!id.equals(previous)) {
          records++;
          previous = id;
        }
      }
      return new ProjectSnapshot.Tally(records, rows);
    }
  }

  private static <T> Future<T> async(Supplier<T> call) {
    return CompletableFuture.supplyAsync(call, EXECUTOR);
  }

  private static <T> Future<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }

  private static <T> T get(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RedcapException(
          Kind.CANCELLED,
          0,
          "",
          null,
          "Interrupted while reading the project's structure from REDCap",
          e);
    } catch (ExecutionException e) {
      Throwable cause =
          e.getCause() instanceof CompletionException && e.getCause().getCause() != null
              ? e.getCause().getCause()
              : e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IllegalStateException("Reading the project's structure failed: " + cause, cause);
    }
  }

  private static final String DAG_COLUMN = "redcap_data_access_group";

  private record DagView(
      List<Map<String, String>> rows, boolean callerInGroup, boolean listRefused) {}
}
