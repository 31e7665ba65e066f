package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar carries the licenses of what it bundles: for every bundled library a folder
 * {@code META-INF/licenses/<artifactId>/} with its license text, the library's own license and
 * notice files copied unchanged, every line of its Apache {@code META-INF/NOTICE*} in the merged
 * {@code META-INF/NOTICE}, the project's Apache License as {@code META-INF/LICENSE}, and an
 * {@code Automatic-Module-Name} in the manifest.
 *
 * <p>The bundled libraries are found in the jar itself, not in the build's list: the artifacts
 * whose {@code META-INF/maven/.../pom.properties} it holds, and every jar of this module's test
 * class path (which holds the driver's dependencies) whose classes it holds. A library that
 * starts being bundled without a license, or a license left behind by one no longer bundled,
 * fails the test. Needs the jar built ({@code mvn -B verify}, or {@code package} first).
 */
class ShadedJarLicensesTest {
  private static final String LICENSES = "META-INF/licenses/";
  private static final Pattern POM_PROPERTIES =
      Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties");

  /** The files the build copies out of each library (driver/pom.xml, bundled-licenses). */
  private static final Pattern LICENSE_FILE =
      Pattern.compile(
          "(?i)(LICEN[CS]E|NOTICE|COPYING)[^/]*|[^/]*-(LICENSE|NOTICE)[^/]*|AL2\\.0|LGPL2\\.1");

  private static final Pattern NOTICE_FILE = Pattern.compile("META-INF/NOTICE(\\.txt|\\.md)?");

  /** Phrases one of which every license text holds (whitespace and case ignored). */
  private static final List<String> LICENSE_PHRASES =
      List.of(
          "apache license, version 2.0",
          "apache license version 2.0",
          "apache (software) license, version 2.0", // Jackson's short LICENSE files
          "permission is hereby granted, free of charge", // MIT
          "redistribution and use in source and binary forms", // BSD, EDL
          "eclipse public license",
          "gnu lesser general public license");

  private static JarFile jar;

  /** artifactId of each bundled library, with its original jar when on the class path. */
  private static Map<String, Path> bundled;

  @BeforeAll
  static void open() throws IOException {
    Path path = Path.of(System.getProperty("redcap.jdbc.jar", "(not set)"));
    assertThat(path)
        .as(
            "redcap.jdbc.jar: build it with 'mvn -B verify' (or 'mvn -B -DskipTests"
                + " package') from the repository root before running this test")
        .isRegularFile();
    jar = new JarFile(path.toFile());
    bundled = bundledArtifacts();
  }

  @AfterAll
  static void close() throws IOException {
    if (jar != null) {
      jar.close();
    }
  }

  @Test
  void theManifestNamesTheModule() throws IOException {
    Manifest manifest = jar.getManifest();
    assertThat(manifest).isNotNull();
    assertThat(manifest.getMainAttributes().getValue("Automatic-Module-Name"))
        .isEqualTo("org.redcapjdbc.jdbc");
  }

  @Test
  void theJarIsUnderTheApacheLicenseAndItsNoticeLeadsWithTheProject() throws IOException {
    String license = text("META-INF/LICENSE");
    assertThat(license)
        .contains(
            "Apache License",
            "Version 2.0, January 2004",
            "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION",
            "END OF TERMS AND CONDITIONS");
    assertThat(text("META-INF/NOTICE").strip())
        .startsWith("redcap-jdbc\nCopyright ")
        .contains("The redcap-jdbc team");
  }

  @Test
  void theBundledLibrariesAreFound() {
    // Both ways of finding them work: with and without pom.properties in their jars.
    assertThat(bundled)
        .containsKeys(
            "calcite-core",
            "avatica-core",
            "okhttp-jvm",
            "kotlin-stdlib",
            "jackson-databind",
            "guava",
            "sqlline",
            "jline-reader",
            "slf4j-api",
            "slf4j-simple");
    assertThat(bundled)
        .doesNotContainKeys(
            "redcap-jdbc-driver",
            "redcap-calcite-adapter",
            "junit-jupiter-api",
            "logback-classic",
            "h2");
  }

  @Test
  void everyBundledLibraryHasItsLicenseText() throws IOException {
    List<String> missing = new ArrayList<>();
    for (String artifact : bundled.keySet()) {
      boolean found = false;
      for (String name : entriesUnder(LICENSES + artifact + "/")) {
        String text = normalized(text(name));
        if (LICENSE_PHRASES.stream().anyMatch(text::contains)) {
          found = true;
          break;
        }
      }
      if (!found) {
        missing.add(artifact);
      }
    }
    assertThat(missing)
        .as(
            "bundled libraries without a license text under %s<artifactId>/"
                + " (add it to driver/src/shaded-licenses/<artifactId>/)",
            LICENSES)
        .isEmpty();
  }

  @Test
  void everyLicenseFolderBelongsToABundledLibrary() {
    Set<String> folders = new LinkedHashSet<>();
    for (String name : names()) {
      if (name.startsWith(LICENSES) && name.length() > LICENSES.length()) {
        folders.add(name.substring(LICENSES.length()).split("/")[0]);
      }
    }
    assertThat(folders)
        .as("license folders of libraries the jar does not bundle")
        .isSubsetOf(bundled.keySet());
  }

  @Test
  void theLibrariesOwnLicenseAndNoticeFilesTravelUnchanged() throws IOException {
    String mergedNotice = text("META-INF/NOTICE");
    Set<String> mergedLines =
        Arrays.stream(mergedNotice.split("\\R")).map(String::strip).collect(Collectors.toSet());
    List<String> problems = new ArrayList<>();
    int notices = 0;
    for (Map.Entry<String, Path> e : bundled.entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      try (JarFile original = new JarFile(e.getValue().toFile())) {
        for (ZipEntry entry : list(original)) {
          String name = entry.getName();
          String base = name.substring(name.lastIndexOf('/') + 1);
          if (entry.isDirectory()
              || name.endsWith(".class")
              || !LICENSE_FILE.matcher(base).matches()) {
            continue;
          }
          byte[] content;
          try (InputStream in = original.getInputStream(entry)) {
            content = in.readAllBytes();
          }
          String copy = LICENSES + e.getKey() + "/" + base;
          if (jar.getEntry(copy) == null) {
            problems.add(e.getKey() + ": " + name + " is not in the jar as " + copy);
          } else if (!Arrays.equals(bytes(copy), content)) {
            problems.add(e.getKey() + ": " + copy + " differs from its " + name);
          }
          if (NOTICE_FILE.matcher(name).matches()) {
            notices++;
            for (String line : new String(content, StandardCharsets.UTF_8).split("\\R")) {
              String l = line.strip();
              if (!l.isEmpty() && !l.startsWith("//") && !mergedLines.contains(l)) {
                problems.add(
                    e.getKey() + ": a line of its " + name + " is not in META-INF/NOTICE: " + l);
              }
            }
          }
        }
      }
    }
    assertThat(notices).as("NOTICE files found in the bundled libraries").isPositive();
    assertThat(problems).isEmpty();
  }

  /**
   * The bundled libraries by artifactId: those whose pom.properties the jar holds, and the jars
   * of the test class path whose classes it holds, mapped to their original jar: the class path's
   * one, or, when this module resolved another version than the driver bundles (which its
   * pom.properties tell), that version's jar beside it in the local repository (null if absent).
   */
  private static Map<String, Path> bundledArtifacts() throws IOException {
    Map<String, Path> found = new TreeMap<>();
    Map<String, String> versions = new TreeMap<>();
    for (String name : names()) {
      Matcher m = POM_PROPERTIES.matcher(name);
      if (m.matches() && !m.group(1).equals("org.redcapjdbc")) {
        found.put(m.group(2), null);
        Properties p = new Properties();
        try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
          p.load(in);
        }
        versions.put(m.group(2), p.getProperty("version"));
      }
    }
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String element : classPath.split(Pattern.quote(File.pathSeparator))) {
      Path path = Path.of(element);
      if (!element.endsWith(".jar")
          || !Files.isRegularFile(path)
          || path.getFileName().toString().startsWith("redcap-")) {
        continue;
      }
      String aClass = firstClass(path);
      if (aClass != null && jar.getEntry(aClass) != null) {
        String artifact = artifactId(path);
        String version = path.getParent().getFileName().toString();
        String bundledVersion = versions.getOrDefault(artifact, version);
        Path original =
            path.getParent()
                .resolveSibling(bundledVersion)
                .resolve(path.getFileName().toString().replace(version, bundledVersion));
        found.put(artifact, Files.isRegularFile(original) ? original : null);
      }
    }
    return found;
  }

  /** A class of the jar (not a module descriptor or a versioned one), or null if it has none. */
  private static String firstClass(Path path) throws IOException {
    try (JarFile j = new JarFile(path.toFile())) {
      for (ZipEntry e : list(j)) {
        String n = e.getName();
        if (n.endsWith(".class")
            && !n.startsWith("META-INF/")
            && !n.endsWith("module-info.class")) {
          return n;
        }
      }
    }
    return null;
  }

  /** The artifactId of a jar in a Maven repository: .../artifactId/version/artifactId-version.jar */
  private static String artifactId(Path path) {
    Path versionDir = path.getParent();
    Path artifactDir = versionDir == null ? null : versionDir.getParent();
    String file = path.getFileName().toString();
    assertThat(artifactDir).as("not in a Maven repository layout: %s", path).isNotNull();
    String artifact = artifactDir.getFileName().toString();
    assertThat(file)
        .as("not in a Maven repository layout: %s", path)
        .startsWith(artifact + "-" + versionDir.getFileName());
    return artifact;
  }

  private static List<ZipEntry> list(JarFile j) {
    List<ZipEntry> entries = new ArrayList<>();
    for (Enumeration<? extends ZipEntry> e = j.entries(); e.hasMoreElements(); ) {
      entries.add(e.nextElement());
    }
    return entries;
  }

  private static List<String> names() {
    return list(jar).stream().map(ZipEntry::getName).toList();
  }

  private static List<String> entriesUnder(String folder) {
    return names().stream().filter(n -> n.startsWith(folder) && !n.endsWith("/")).toList();
  }

  private static byte[] bytes(String name) throws IOException {
    ZipEntry entry = jar.getEntry(name);
    assertThat(entry).as("%s in the shaded jar", name).isNotNull();
    try (InputStream in = jar.getInputStream(entry)) {
      return in.readAllBytes();
    }
  }

  private static String text(String name) throws IOException {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  private static String normalized(String text) {
    return text.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
