package org.redcapjdbc.emulator.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of one API request. Empty values count as absent (REDCapR sends
 * {@code filterLogic=}); arrays are accepted in every form clients use: {@code x[0]=a&x[1]=b},
 * {@code x[]=a}, 1-based {@code x[1]=a}, and {@code x=a,b}.
 */
public final class Params {
  private static final Pattern INDEXED = Pattern.compile("^(.+)\\[(\\d*)\\]$");

  private final Map<String, List<String>> raw;
  private final Map<String, Upload> uploads;

  /** A file sent as a multipart part with a file name (file import methods). */
  public record Upload(String fileName, String contentType, byte[] content) {}

  public Params(Map<String, List<String>> raw) {
    this(raw, Map.of());
  }

  public Params(Map<String, List<String>> raw, Map<String, Upload> uploads) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    raw.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.raw = Collections.unmodifiableMap(copy);
    this.uploads = Map.copyOf(uploads);
  }

  /** A multipart file part, or null. */
  public Upload upload(String name) {
    return uploads.get(name);
  }

  /** Every parameter as sent, in arrival order. */
  public Map<String, List<String>> raw() {
    return raw;
  }

  /** The first value of a plain parameter, or null when absent or empty. */
  public String get(String name) {
    List<String> v = raw.get(name);
    if (v == null || v.isEmpty() || v.get(0).isEmpty()) {
      return null;
    }
    return v.get(0);
  }

  public String get(String name, String fallback) {
    String v = get(name);
    return v == null ? fallback : v;
  }

  /** Whether the parameter was sent at all, even empty. */
  public boolean has(String name) {
    return raw.containsKey(name);
  }

  /**
   * An array parameter: indexed and bracket forms in index order, then comma-separated plain
   * values, trimmed, empty items dropped. Empty list when absent.
   */
  /**
   * The distinct values of {@code name} for a delete, in the order sent; none is a 400 saying to
   * name the {@code what} to delete.
   */
  public List<String> namesToDelete(String name, String what) throws ApiException {
    List<String> names = new ArrayList<>(new LinkedHashSet<>(list(name)));
    if (names.isEmpty()) {
      throw ApiException.badRequest(
          "The parameter \"" + name + "\" is missing or empty: name the " + what + " to delete.");
    }
    return names;
  }

  public List<String> list(String name) {
    TreeMap<Integer, List<String>> indexed = new TreeMap<>();
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : raw.entrySet()) {
      Matcher m = INDEXED.matcher(e.getKey());
      if (m.matches() && m.group(1).equals(name)) {
        int index = m.group(2).isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(m.group(2));
        indexed.computeIfAbsent(index, k -> new ArrayList<>()).addAll(e.getValue());
      }
    }
    for (List<String> values : indexed.values()) {
      for (String v : values) {
        if (!v.strip().isEmpty()) {
          out.add(v.strip());
        }
      }
    }
    List<String> plain = raw.get(name);
    if (plain != null) {
      for (String v : plain) {
        for (String item : v.split(",")) {
          if (!item.strip().isEmpty()) {
            out.add(item.strip());
          }
        }
      }
    }
    return out;
  }

  /** A boolean: true/false in any case, 1/0, yes/no; absent or empty gives {@code fallback}. */
  public boolean bool(String name, boolean fallback) {
    String v = get(name);
    if (v == null) {
      return fallback;
    }
    switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "true":
      case "1":
      case "yes":
      case "y":
        return true;
      case "false":
      case "0":
      case "no":
      case "n":
        return false;
      default:
        return fallback;
    }
  }
}
