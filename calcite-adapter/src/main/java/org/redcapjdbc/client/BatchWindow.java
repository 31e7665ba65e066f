package org.redcapjdbc.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.redcapjdbc.client.RedcapException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batches of a {@link BatchedRecordExport}: splits the record IDs into batches of the size
 * the export worked out ({@link BatchOptions#recordsPerBatch}), keeps up to {@code parallelism} of them in flight on its own threads, and
 * hands each back whole, its rows grouped by record in the IDs' order, in batch order. It also
 * makes each batch complete: after an ID pass every ID must come back (missing ones are asked for
 * again, then the export fails naming them), and a batch whose response breaks off is fetched
 * again, since nothing of it was delivered yet. The cursor decides when to widen the window
 * ({@link #fill()}): only once the caller has read past the first batch.
 */
final class BatchWindow {
  /** The export's logger: these warnings are the batched export's, wherever they are raised. */
  private static final Logger LOG = LoggerFactory.getLogger(BatchedRecordExport.class);

  private final Transport transport;
  private final RecordExportRequest request;
  private final BatchOptions options;
  private final Supplier<String> recordIdField;
  private final LiveCalls calls;
  private final Consumer<RecordCursor> onAnswer;
  private final boolean verify;
  private final int width;
  private final List<String> fetchColumns;
  private final int idIndex;
  private final List<List<String>> chunks;
  private final ExecutorService executor;
  private final ConcurrentLinkedDeque<Future<List<String[]>>> window =
      new ConcurrentLinkedDeque<>();
  private int nextChunk;

  /**
   * Splits {@code ids} into batches and requests the first one.
   *
   * @param batchSize records per batch
   * @param columns the columns the caller bound; rows hold these, in this order
   * @param idColumn the column holding the record ID, fetched too when not bound
   * @param verify whether every ID must come back (true after an ID pass)
   * @param onAnswer told of every batch answer that was read whole, on the batch's thread
   */
  BatchWindow(
      Transport transport,
      RecordExportRequest request,
      BatchOptions options,
      int batchSize,
      Supplier<String> recordIdField,
      LiveCalls calls,
      Consumer<RecordCursor> onAnswer,
      List<String> columns,
      String idColumn,
      List<String> ids,
      boolean verify) {
    this.transport = transport;
    this.request = request;
    this.options = options;
    this.recordIdField = recordIdField;
    this.calls = calls;
    this.onAnswer = onAnswer;
    this.verify = verify;
    this.width = columns.size();
    List<String> fetch = new ArrayList<>(columns);
    int index = fetch.indexOf(idColumn);
    if (index < 0) {
      index = fetch.size();
      fetch.add(idColumn);
    }
    this.idIndex = index;
    this.fetchColumns = List.copyOf(fetch);
    List<List<String>> parts = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += batchSize) {
      parts.add(List.copyOf(ids.subList(i, Math.min(ids.size(), i + batchSize))));
    }
    this.chunks = parts;
    LOG.debug(
        "Batched export: {} records in {} batches of up to {}, {} in flight",
        ids.size(),
        parts.size(),
        batchSize,
        options.parallelism());
    this.executor =
        Executors.newFixedThreadPool(
            Math.min(options.parallelism(), parts.size()),
            RedcapHttp.daemonThreads("redcap-batch-"));
    submitNext(); // the first batch alone; see fill()
  }

  int batchCount() {
    return chunks.size();
  }

  /** Requests batches until {@code parallelism} are in flight or waiting to be read. */
  void fill() {
    while (window.size() < options.parallelism()
        && nextChunk < chunks.size()
        && !calls.cancelled()) {
      submitNext();
    }
  }

  /** The next batch's rows, waiting for it; null when every batch was handed out. */
  List<String[]> next() {
    Future<List<String[]>> head = window.poll();
    return head == null ? null : await(head);
  }

  private void submitNext() {
    if (nextChunk >= chunks.size() || calls.cancelled()) {
      return;
    }
    List<String> chunk = chunks.get(nextChunk++);
    window.add(executor.submit(() -> fetchBatch(chunk)));
  }

  private List<String[]> fetchBatch(List<String> ids) {
    Map<String, List<String[]>> byId = new LinkedHashMap<>();
    fetchInto(ids, byId);
    if (verify) {
      List<String> missing = missing(ids, byId);
      for (int retry = 0; retry < options.missingRecordRetries() && !missing.isEmpty(); retry++) {
        LOG.warn(
            "REDCap left {} of {} requested records out of a batch response; requesting"
                + " them again",
            missing.size(),
            ids.size());
        fetchInto(missing, byId);
        missing = missing(ids, byId);
      }
      if (!missing.isEmpty()) {
        throw new RedcapException(
            Kind.PROTOCOL,
            200,
            "content=record",
            null,
            "REDCap did not return "
                + missing.size()
                + " record(s) that the ID pass listed,"
                + " even when asked again: "
                + abbreviate(missing)
                + ". REDCap drops records"
                + " from large responses under load: lower batchSize or batchValues and run the"
                + " query again"
                + " (if the records were deleted meanwhile, simply re-run it).",
            null);
      }
    }
    List<String[]> ordered = new ArrayList<>();
    for (String id : ids) {
      List<String[]> rowsOfId = byId.remove(id);
      if (rowsOfId != null) {
        ordered.addAll(rowsOfId);
      }
    }
    for (List<String[]> extra : byId.values()) {
      ordered.addAll(extra); // rows whose ID was not asked for: keep them, never drop data
    }
    return ordered;
  }

  private static List<String> missing(List<String> ids, Map<String, List<String[]>> byId) {
    List<String> missing = new ArrayList<>();
    for (String id : ids) {
      if (!byId.containsKey(id)) {
        missing.add(id);
      }
    }
    return missing;
  }

  /** One batch request, fetched again if its response breaks off (nothing was delivered yet). */
  private void fetchInto(List<String> ids, Map<String, List<String[]>> byId) {
    RecordExportRequest batchRequest =
        request.toBuilder()
            .records(ids)
            .recordIdField(
                request.restrictsColumns() ? recordIdField.get() : request.recordIdField())
            .build();
    for (int attempt = 0; ; attempt++) {
      Cancellation c = calls.request();
      Map<String, List<String[]>> part = new LinkedHashMap<>();
      try (RecordCursor cursor =
          new RecordCursor(transport, ApiCall.read(batchRequest.toParams("json")), c)) {
        cursor.bind(fetchColumns);
        while (cursor.next()) {
          String[] r = new String[width];
          for (int i = 0; i < width; i++) {
            r[i] = cursor.value(i);
          }
          String id = cursor.value(idIndex);
          part.computeIfAbsent(id == null ? "" : id, k -> new ArrayList<>()).add(r);
        }
        onAnswer.accept(cursor);
        for (Map.Entry<String, List<String[]>> e : part.entrySet()) {
          byId.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue());
        }
        return;
      } catch (RedcapException e) {
        boolean broken = e.kind() == Kind.TRANSPORT || e.kind() == Kind.PROTOCOL;
        if (!broken || calls.cancelled() || attempt >= transport.retry.maxRetries) {
          throw e;
        }
        long pause = transport.retry.backoffMillis(attempt);
        LOG.warn(
            "A batch of {} records failed ({}); fetching it again in {} ms",
            ids.size(),
            e.kind(),
            pause);
        calls.done(c);
        Cancellation sleeper = calls.pause();
        try {
          if (sleeper.sleep(pause) || calls.cancelled()) {
            throw transport.cancelled("content=record", e);
          }
        } finally {
          calls.done(sleeper);
        }
      } finally {
        calls.done(c);
      }
    }
  }

  private List<String[]> await(Future<List<String[]>> future) {
    try {
      return future.get();
    } catch (CancellationException e) {
      throw transport.cancelled("content=record", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      calls.cancelAll();
      cancel();
      throw transport.cancelled("content=record", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (calls.cancelled()) {
        throw transport.cancelled("content=record", cause);
      }
      if (cause instanceof RedcapException) {
        RedcapException r = (RedcapException) cause;
        // Rethrow a copy so the consumer's stack shows up too; kind, status and message stay.
        throw new RedcapException(
            r.kind(), r.httpStatus(), r.apiMethod(), r.redcapMessage(), r.getMessage(), r);
      }
      throw new RedcapException(
          Kind.PROTOCOL,
          0,
          "content=record",
          null,
          "A batch of the export failed unexpectedly: " + cause,
          cause);
    }
  }

  private static String abbreviate(List<String> ids) {
    return ids.size() <= 20
        ? String.join(", ", ids)
        : String.join(", ", ids.subList(0, 20)) + " … (" + (ids.size() - 20) + " more)";
  }

  /** Cancels the batches requested and stops the threads (the calls are {@link LiveCalls}'). */
  void cancel() {
    for (Future<List<String[]>> f : window) {
      f.cancel(true);
    }
    executor.shutdownNow();
  }

  /** Lets running batches end, then the threads (after the last batch was read). */
  void shutdown() {
    executor.shutdown();
  }

  /** Stops the threads now. */
  void shutdownNow() {
    executor.shutdownNow();
  }
}
