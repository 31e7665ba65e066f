package org.redcapjdbc.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.model.LayoutOptions;
import org.redcapjdbc.model.ProjectModel;
import org.redcapjdbc.model.SqlTypeMapping;
import org.redcapjdbc.model.TableLayout;

/** The model's column types in Calcite (moved here from {@code ProjectModelTest} with the code). */
class RelTypesTest {

  @Test
  void columnTypesNeedATypeSystemWideEnoughForDecimals() {
    ProjectModel model =
        ProjectModel.builder()
            .metadata(
                List.of(
                    field("record_id", "f", "text"),
                    field(
                        "n", "f", "text", "text_validation_type_or_show_slider_number", "number")))
            .build();
    TableLayout records = model.recordsLayout(LayoutOptions.DEFAULT);
    JavaTypeFactoryImpl wide =
        new JavaTypeFactoryImpl(
            new RelDataTypeSystemImpl() {
              @Override
              public int getMaxPrecision(SqlTypeName typeName) {
                return typeName == SqlTypeName.DECIMAL
                    ? SqlTypeMapping.MAX_DECIMAL_PRECISION
                    : super.getMaxPrecision(typeName);
              }
            });
    RelDataType n = RelTypes.of(records.column("n").orElseThrow(), wide);
    assertThat(n.getSqlTypeName()).isEqualTo(SqlTypeName.DECIMAL);
    assertThat(n.getPrecision()).isEqualTo(38);
    assertThat(n.getScale()).isEqualTo(16);
    assertThat(n.isNullable()).isTrue();
    RelDataType id = RelTypes.of(records.column("record_id").orElseThrow(), wide);
    assertThat(id.getSqlTypeName()).isEqualTo(SqlTypeName.VARCHAR);
    assertThat(id.isNullable()).isFalse();

    assertThatThrownBy(
            () -> RelTypes.of(records.column("n").orElseThrow(), new JavaTypeFactoryImpl()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("precision is at least 38");
  }

  /** A metadata row with the 18 API columns, blank except those given (as model's Fixtures). */
  private static Map<String, String> field(String name, String form, String type, String... more) {
    Map<String, String> row = new LinkedHashMap<>();
    for (String column :
        List.of(
            "field_name",
            "form_name",
            "section_header",
            "field_type",
            "field_label",
            "select_choices_or_calculations",
            "field_note",
            "text_validation_type_or_show_slider_number",
            "text_validation_min",
            "text_validation_max",
            "identifier",
            "branching_logic",
            "required_field",
            "custom_alignment",
            "question_number",
            "matrix_group_name",
            "matrix_ranking",
            "field_annotation")) {
      row.put(column, "");
    }
    row.put("field_name", name);
    row.put("form_name", form);
    row.put("field_type", type);
    row.put("field_label", name);
    for (int i = 0; i < more.length; i += 2) {
      row.put(more[i], more[i + 1]);
    }
    return row;
  }
}
