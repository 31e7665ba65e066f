package org.redcapjdbc.emulator.model;

/**
 * One line of the repeating set-up: a repeating instrument in an event, or (form null) a
 * repeating event.
 */
public record RepeatingEntry(String eventUniqueName, String formName, String customLabel) {
  public RepeatingEntry {
    customLabel = customLabel == null ? "" : customLabel;
  }

  public boolean isRepeatingEvent() {
    return formName == null || formName.isEmpty();
  }
}
