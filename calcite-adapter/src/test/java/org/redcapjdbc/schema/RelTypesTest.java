package org.redcapjdbc.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redcapjdbc.model.Fixtures.field;

import java.util.List;
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
}
