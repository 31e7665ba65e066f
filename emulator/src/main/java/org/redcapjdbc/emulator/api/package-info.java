/**
 * REDCap's API without HTTP: {@link org.redcapjdbc.emulator.api.ApiDispatcher} authenticates a
 * request by its token, picks the {@link org.redcapjdbc.emulator.api.ApiMethod} registered for its
 * {@code content} and {@code action} in the {@link org.redcapjdbc.emulator.api.MethodRegistry}
 * ({@link org.redcapjdbc.emulator.api.StandardMethods} registers them all) and runs it under the
 * project's lock; the method reads {@link org.redcapjdbc.emulator.api.Params} and writes its answer
 * to a {@link org.redcapjdbc.emulator.api.ResponseChannel}.
 *
 * <p>Decisions that methods rely on:
 * <ul>
 *   <li><b>Rights and locking are declared, not repeated</b>: a method states the
 *       {@link org.redcapjdbc.emulator.api.Right}s it needs and whether it writes, and the
 *       dispatcher checks them and takes the read or write lock before it runs. Most methods
 *       extend {@link org.redcapjdbc.emulator.api.ExportMethod} (API Export, read lock held while
 *       the answer streams) or {@link org.redcapjdbc.emulator.api.ImportMethod} (API
 *       Import/Update, plus Project Design for design changes, write lock); checks that depend on
 *       the request go through {@link org.redcapjdbc.emulator.api.Access}, with REDCap's own
 *       wording.
 *   <li><b>Errors are {@link org.redcapjdbc.emulator.api.ApiException}s</b>: a status and
 *       REDCap's message, written in the shape {@code returnFormat} asks for.
 *   <li><b>Parameters are lenient as REDCap is</b>: empty values count as absent, and arrays are
 *       accepted in every form clients send.
 *   <li><b>No dispatch switch</b>: a new method is a new registration. The methods themselves live
 *       in the sub-packages by subject ({@code record}, {@code structure}, {@code access},
 *       {@code file}, {@code log}, {@code project}, {@code survey}).
 * </ul>
 *
 * <p>Dependencies: {@code store}, {@code model} and {@code format}, and the sub-packages it
 * registers; never Jetty or {@code http}, which calls this package and not the reverse. What each
 * method answers follows {@code docs/redcap-api.md}.
 */
package org.redcapjdbc.emulator.api;
