/**
 * The survey methods for instruments that are surveys in the project: survey link, survey queue
 * link, return code, access code and participant list. Links are made from the emulator's own
 * address; codes and link hashes are made on first use and then kept ({@code store.SurveyStore}),
 * so a link stays the same. Every method needs Manage Survey Participants besides API export.
 *
 * <p>Dependencies: {@code api}, {@code store}, {@code model} and {@code format}.
 */
package org.redcapjdbc.emulator.api.survey;
