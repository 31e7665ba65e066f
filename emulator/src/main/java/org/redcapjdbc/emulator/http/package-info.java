/**
 * The emulator's HTTP front on Jetty: {@link org.redcapjdbc.emulator.http.ApiHandler} takes
 * {@code POST /api/} (form-urlencoded or multipart) to the {@code api} package, applies the
 * {@code Faults} (latency, error statuses, resets, truncated bodies), counts requests and bytes
 * per method ({@link org.redcapjdbc.emulator.http.StatsRecorder}, served at
 * {@code /emulator/stats}), redirects {@code /api} to {@code /api/} and answers other paths with
 * an Apache-style 404 page.
 *
 * <p>Only this package and the top-level wiring know Jetty; the API methods see a
 * {@code ResponseChannel}. Dependencies: Jetty, Jackson (stats), SLF4J, {@code api} and
 * {@code format}, and the top-level {@code Faults} and {@code EmulatorStats}.
 */
package org.redcapjdbc.emulator.http;
