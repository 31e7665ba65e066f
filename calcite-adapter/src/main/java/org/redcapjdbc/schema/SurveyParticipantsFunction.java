package org.redcapjdbc.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.redcapjdbc.client.RedcapException;
import org.redcapjdbc.client.RedcapException.Kind;
import org.redcapjdbc.filter.FilterTranslator;

/**
 * {@code meta.survey_participants('<instrument>'[, '<event>'])}: a survey's participant list
 * ({@code content=participantList}, one request) with each participant's survey link, access
 * code and survey queue link, and, only when a query selects it, the record's Save &amp; Return
 * code ({@code content=surveyReturnCode}, which REDCap answers for one record at a time: one
 * request per participant row with a record, after {@code WHERE record = ...} narrowed the rows).
 * A table macro, as {@link ReportFunction}: its arguments must be written in the statement.
 */
final class SurveyParticipantsFunction implements TableMacro {
  static final String NAME = "survey_participants";

  static final List<String> COLUMNS =
      List.of(
          "email",
          "email_occurrence",
          "identifier",
          "record",
          "invitation_sent_status",
          "invitation_send_time",
          "response_status",
          "survey_access_code",
          "survey_link",
          "survey_queue_link",
          "return_code");
  private static final int RECORD = 3;
  private static final int QUEUE_LINK = 9;
  private static final int RETURN_CODE = 10;

  private final ProjectSession session;
  private final boolean withEvent;

  private SurveyParticipantsFunction(ProjectSession session, boolean withEvent) {
    this.session = requireNonNull(session, "session");
    this.withEvent = withEvent;
  }

  /** The two forms: instrument alone (classic projects), and instrument and event. */
  static List<SurveyParticipantsFunction> both(ProjectSession session) {
    return List.of(
        new SurveyParticipantsFunction(session, false),
        new SurveyParticipantsFunction(session, true));
  }

  @Override
  public List<FunctionParameter> getParameters() {
    List<FunctionParameter> p = new ArrayList<>();
    p.add(text(0, "instrument"));
    if (withEvent) {
      p.add(text(1, "event"));
    }
    return p;
  }

  private static FunctionParameter text(int ordinal, String name) {
    return new FunctionParameter() {
      @Override
      public int getOrdinal() {
        return ordinal;
      }

      @Override
      public String getName() {
        return name;
      }

      @Override
      public RelDataType getType(RelDataTypeFactory factory) {
        return factory.createJavaType(String.class);
      }

      @Override
      public boolean isOptional() {
        return false;
      }
    };
  }

  @Override
  public TranslatableTable apply(List<?> arguments) {
    String instrument = arguments.get(0) instanceof String s ? s.strip() : null;
    if (instrument == null || instrument.isEmpty()) {
      throw new IllegalArgumentException(
          "meta.survey_participants needs the survey's instrument name written in the"
              + " statement, e.g. TABLE(meta.survey_participants('enrollment'))"
              + " (and the unique event name in a longitudinal project).");
    }
    String event = withEvent && arguments.get(1) instanceof String s ? s.strip() : null;
    return new Participants(session, instrument, event);
  }

  /** The participant list of one survey (and event). */
  static final class Participants extends MacroTable {
    private final String instrument;
    private final String event;

    Participants(ProjectSession session, String instrument, String event) {
      super(session);
      this.instrument = instrument;
      this.event = event;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      RelDataTypeFactory.Builder b = f.builder();
      for (String name : COLUMNS) {
        SqlTypeName type =
            name.equals("email_occurrence")
                    || name.equals("invitation_sent_status")
                    || name.equals("response_status")
                ? SqlTypeName.INTEGER
                : SqlTypeName.VARCHAR;
        b.add(name, RelTypes.nullable(f, type));
      }
      return b.build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
      int[] columns = selected(projects, COLUMNS.size());
      // Record equalities narrow the rows before any per-record request.
      Set<String> records = null;
      for (RexNode entry : filters) {
        for (RexNode conjunct : RelOptUtil.conjunctions(entry)) {
          Optional<Set<String>> v = FilterTranslator.equalityValues(conjunct, RECORD, root::get);
          if (v.isPresent()) {
            if (records == null) {
              records = new LinkedHashSet<>(v.get());
            } else {
              records.retainAll(v.get());
            }
          }
        }
      }
      if (records != null && records.isEmpty()) {
        return Linq4j.emptyEnumerable();
      }
      Set<String> wanted = records;
      int[] selected = columns;
      return new AbstractEnumerable<>() {
        @Override
        public Enumerator<Object[]> enumerator() {
          return new Rows(root, selected, wanted);
        }
      };
    }

    private final class Rows implements Enumerator<Object[]> {
      private final DataContext root;
      private final int[] columns;
      private final Set<String> records;
      private final QueryCancel cancel;
      private java.util.Iterator<Map<String, String>> list;
      private Object[] current;
      private boolean warned;

      Rows(DataContext root, int[] columns, Set<String> records) {
        this.root = root;
        this.columns = columns;
        this.records = records;
        this.cancel = QueryCancel.of(root, "content=participantList");
      }

      @Override
      public Object[] current() {
        return current;
      }

      @Override
      public boolean moveNext() {
        if (list == null) {
          list = session.client().surveys().participantList(instrument, event).iterator();
        }
        while (list.hasNext()) {
          cancel.check();
          Map<String, String> p = list.next();
          String record = blankAsNull(p.get("record"));
          if (records != null && (record == null || !records.contains(record))) {
            continue;
          }
          current = row(p, record);
          return true;
        }
        return false;
      }

      private Object[] row(Map<String, String> p, String record) {
        Object[] row = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
          String name = COLUMNS.get(columns[i]);
          switch (columns[i]) {
            case RETURN_CODE:
              row[i] = record == null ? null : returnCode(record);
              break;
            case QUEUE_LINK:
              // REDCap 14+ lists it; older versions are asked per record.
              String link = blankAsNull(p.get(name));
              row[i] =
                  link != null || record == null || p.containsKey(name)
                      ? link
                      : session.client().surveys().surveyQueueLink(record);
              break;
            default:
              row[i] = SystemTable.value(p.get(name), type(name));
          }
        }
        return row;
      }

      /**
       * The record's return code; NULL with a warning (REDCap's message, once per scan) when
       * REDCap refuses it, e.g. for a survey without Save &amp; Return Later, so that
       * {@code SELECT *} still lists the participants.
       */
      private String returnCode(String record) {
        try {
          return session.client().surveys().surveyReturnCode(record, instrument, event, null);
        } catch (RedcapException e) {
          if (e.kind() != Kind.VALIDATION) {
            throw e;
          }
          if (!warned) {
            warned = true;
            QueryWarnings.add(
                root,
                "return_code reads as NULL: REDCap refused the return code of record '"
                    + record
                    + "': "
                    + (e.redcapMessage() == null ? e.getMessage() : e.redcapMessage()));
          }
          return null;
        }
      }

      @Override
      public void reset() {
        throw new UnsupportedOperationException("a participant list is read once per scan");
      }

      @Override
      public void close() {
        list = null;
      }
    }
  }

  private static SqlTypeName type(String column) {
    switch (column.toLowerCase(Locale.ROOT)) {
      case "email_occurrence":
      case "invitation_sent_status":
      case "response_status":
        return SqlTypeName.INTEGER;
      default:
        return SqlTypeName.VARCHAR;
    }
  }

  private static String blankAsNull(String v) {
    return v == null || v.isEmpty() ? null : v;
  }
}
