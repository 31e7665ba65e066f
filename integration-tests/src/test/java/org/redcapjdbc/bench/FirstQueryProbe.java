package org.redcapjdbc.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Run in a fresh JVM by {@link LatencyBench}: connects, runs one query, then a second one, and
 * prints the times as {@code key=value} lines. The token comes from {@code REDCAP_TOKEN}.
 */
public final class FirstQueryProbe {
  private FirstQueryProbe() {}

  public static void main(String[] args) throws Exception {
    long mainStart = System.nanoTime();
    long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
    long untilMain = System.currentTimeMillis() - jvmStartMillis;
    String url = args[0];
    String sql = args[1];
    String sql2 = args[2];
    long t0 = System.nanoTime();
    long rows;
    long t1;
    long t2;
    long t3;
    long firstCpu;
    var threads = ManagementFactory.getThreadMXBean();
    try (Connection c = Sql.redcap(url, System.getenv("REDCAP_TOKEN"))) {
      t1 = System.nanoTime();
      long cpu0 = threads.getCurrentThreadCpuTime();
      rows = count(c, sql);
      firstCpu = threads.getCurrentThreadCpuTime() - cpu0;
      t2 = System.nanoTime();
      count(c, sql2);
      t3 = System.nanoTime();
    }
    System.out.println("jvm_to_main_ms=" + untilMain);
    System.out.println("connect_ms=" + (t1 - t0) / 1e6);
    System.out.println("first_query_ms=" + (t2 - t1) / 1e6);
    System.out.println("second_query_ms=" + (t3 - t2) / 1e6);
    System.out.println("main_to_first_rows_ms=" + (t2 - mainStart) / 1e6);
    System.out.println("rows=" + rows);
    System.out.println("process_cpu_ms=" + Jvm.processCpuNanos() / 1e6);
    System.out.println("first_query_thread_cpu_ms=" + firstCpu / 1e6);
  }

  private static long count(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return Sql.readAll(rs).rows();
    }
  }
}
