package org.redcapjdbc.schema;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.redcapjdbc.client.RawResponse;
import org.redcapjdbc.client.RedcapException;
import org.redcapjdbc.client.RedcapException.Kind;
import org.redcapjdbc.client.ReportRequest;
import org.redcapjdbc.model.CsvRows;

/**
 * {@code meta.report(report_id)}: a REDCap report ({@code content=report}) as a table, for
 * {@code SELECT * FROM TABLE(meta.report(42))}. REDCap's API cannot list reports or describe one,
 * and a table's columns must be known when the statement is prepared, so preparing asks REDCap
 * for the report as CSV and reads its header line only, aborting the rest of the download (one
 * request, a few hundred bytes received); running the statement then exports the report as JSON
 * ({@link ReportTable}). A table macro rather than a table function: the table it makes, with
 * those columns, is part of the statement's plan, so every run reads the columns it was prepared
 * with. Within one preparation the header is read once, however often Calcite asks.
 */
final class ReportFunction implements TableMacro {
  static final String NAME = "report";

  private final ProjectSession session;

  /** The tables made while one statement was being prepared: Calcite asks more than once. */
  private final Map<Long, ReportTable> prepared = new HashMap<>();

  private CalcitePrepare.Context preparing;

  ReportFunction(ProjectSession session) {
    this.session = requireNonNull(session, "session");
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return List.of(
        new FunctionParameter() {
          @Override
          public int getOrdinal() {
            return 0;
          }

          @Override
          public String getName() {
            return "report_id";
          }

          @Override
          public RelDataType getType(RelDataTypeFactory factory) {
            // A Java type: Calcite reads the literal argument as the parameter type's Java class.
            return factory.createJavaType(Integer.class);
          }

          @Override
          public boolean isOptional() {
            return false;
          }
        });
  }

  @Override
  public TranslatableTable apply(List<?> arguments) {
    long id = reportId(arguments.isEmpty() ? null : arguments.get(0));
    CalcitePrepare.Context context = CalcitePrepare.Dummy.peek();
    synchronized (prepared) {
      if (context == null || context != preparing) {
        prepared.clear();
        preparing = context;
      }
      ReportTable table = prepared.get(id);
      if (table == null) {
        table = new ReportTable(session, id, header(id));
        prepared.put(id, table);
      }
      return table;
    }
  }

  private static long reportId(Object argument) {
    long id;
    if (argument instanceof Number n
        && new BigDecimal(n.toString()).stripTrailingZeros().scale() <= 0) {
      id = n.longValue();
    } else {
      // Calcite itself refuses a parameter or expression ("should be literal") before this.
      throw new IllegalArgumentException(
          "meta.report needs the report's ID as a whole number written in the statement, e.g."
              + " SELECT * FROM TABLE(meta.report(42)) (REDCap shows the ID on the report's page"
              + " and in its URL, report_id=42), not "
              + argument
              + ".");
    }
    if (id <= 0) {
      throw new IllegalArgumentException("meta.report needs a positive report ID, not " + id + ".");
    }
    return id;
  }

  /** The report's column names, from the header line of its CSV export. */
  private List<String> header(long id) {
    ReportRequest request = ReportRequest.builder(id).build();
    try (RawResponse csv = session.client().records().exportReportCsv(request)) {
      List<String> header = new ArrayList<>(CsvRows.header(csv.reader()));
      if (header.isEmpty()) {
        throw new RedcapException(
            Kind.PROTOCOL,
            200,
            "content=report",
            null,
            "REDCap answered the export of report "
                + id
                + " without a header line, so its columns are unknown.",
            null);
      }
      return header;
    } catch (IOException e) {
      throw new RedcapException(
          Kind.PROTOCOL,
          200,
          "content=report",
          null,
          "The header of report " + id + " could not be read: " + e.getMessage(),
          e);
    }
  }
}
