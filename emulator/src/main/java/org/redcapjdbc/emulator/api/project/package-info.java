/**
 * Methods on the project as a whole: project creation with the super token (empty, or from a
 * project XML in {@code odm}), the project-settings import, and the PDF export (written with
 * PDFBox). Creation and settings send one row of attributes in any import format, which
 * {@code SingleRow} reads through {@code api.record.ImportData}.
 *
 * <p>Dependencies: {@code api}, {@code api.record} (import parsing, file content types), {@code store},
 * {@code load} and {@code odm} (a created project is loaded like a project file), {@code model},
 * {@code format}, and PDFBox for the PDF only.
 */
package org.redcapjdbc.emulator.api.project;
