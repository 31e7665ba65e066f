/**
 * A client for the REDCap HTTP API on OkHttp and Jackson.
 *
 * <p>Entry point: {@link org.redcapjdbc.client.RedcapClient}. Record exports are streamed through
 * {@link org.redcapjdbc.client.RowCursor}s: {@link org.redcapjdbc.client.RecordCursor} for one
 * request, {@link org.redcapjdbc.client.BatchedRecordExport} for reads batched by record ID.
 * Every failure is a {@link org.redcapjdbc.client.RedcapException} with a
 * {@link org.redcapjdbc.client.RedcapException.Kind}.
 *
 * <p>Decisions that callers rely on:
 * <ul>
 *   <li><b>Errors are unchecked</b> ({@code RedcapException extends RuntimeException}) so that
 *       cursors can run inside Calcite enumerators; the SQL layer wraps them in
 *       {@code SQLException}. Calls that are wrong before any request (blank record ID, file call
 *       on a non-file field, empty delete list) throw {@code IllegalArgumentException}.
 *   <li><b>Blank is null</b> in record cursors: REDCap's {@code ""} and a bound column the row
 *       lacks both read as {@code null}. Structural exports (metadata, users, …) return maps that
 *       keep {@code ""}, as REDCap sends it.
 *   <li><b>Everything is text</b>: JSON numbers and booleans become their JSON text, nested
 *       objects {@code key:value,key:value}.
 *   <li><b>Invalid UTF-8</b> bytes become U+FFFD rather than failing the export; a UTF-8 BOM is
 *       ignored; raw control characters inside JSON strings are accepted.
 *   <li><b>Incomplete is an error</b>: an empty, truncated, HTML or non-array body fails; a cursor
 *       never returns fewer rows than the server meant to send.
 *   <li><b>URL</b>: a path ending in {@code /api} gets its slash; any other path is accepted with a
 *       warning (a 404 on first use then says the URL is not an API endpoint); a query string is
 *       refused; plain {@code http://} only to loopback or with {@code allowHttp}.
 *   <li><b>Token</b>: trimmed; a format other than 32/64 hex only warns; sent only in POST bodies;
 *       never in a URL, log line, exception message, {@code toString()} or thread name.
 *   <li><b>Retries</b>: reads retry 429/500/502/503/504 and connection failures with exponential
 *       backoff and jitter, honoring {@code Retry-After}; writes are retried only after failures
 *       that prove nothing was sent (unknown host, refused connection, connect time-out), and
 *       their bodies are one-shot so OkHttp cannot re-send them silently. Once a record export
 *       has started streaming it is not retried (rows were already delivered); batched exports
 *       refetch a broken batch, which was not delivered yet.
 *   <li><b>Request rate</b>: every request (reads, writes, retries) first takes a slot from the
 *       {@link org.redcapjdbc.client.RequestGovernor} of its host (scheme, host, port), shared by
 *       every client in the JVM: at most {@code maxRequestsPerMinute} start in any 60 seconds
 *       (the smallest limit of the live clients), and a 429 or 503 with {@code Retry-After} holds
 *       them all. The wait is on the caller's thread and ends at once on cancel, as a
 *       cancellation. REDCap bans IPs that exceed {@code page_hit_threshold_per_minute}.
 *   <li><b>Redirects</b> (301, 302, 303, 307, 308) are re-POSTed with the same body, at most five
 *       times, never to plain http on another host unless allowed.
 * </ul>
 *
 * <p>Dependencies: OkHttp (and Okio), Jackson and SLF4J only; no other package of this module and
 * no Calcite, so the client can be used and tested on its own. {@link
 * org.redcapjdbc.client.ByteOrderMark} is public so that {@code model}'s CSV readers share its
 * rule; {@code model} and {@code schema} may use this package, never the reverse.
 */
package org.redcapjdbc.client;
