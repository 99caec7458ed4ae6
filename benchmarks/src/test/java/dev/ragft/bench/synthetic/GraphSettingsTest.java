package dev.ragft.bench.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.rag.index.Quantization;
import dev.ragft.rag.index.VectorFieldSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GraphSettingsTest {

  @ParameterizedTest
  @CsvSource({"m16-none, 16, NONE", "m32-int8, 32, INT8", "m8-int7, 8, INT7", "m16-int4, 16, INT4"})
  void names_parse_into_the_synthetic_vector_field(String name, int m, Quantization storage) {
    VectorFieldSettings field = GraphSettings.parse(name, 384);
    assertThat(field).isEqualTo(new VectorFieldSettings(SyntheticEmbedder.MODEL, 384, m,
        VectorFieldSettings.DEFAULT_BEAM_WIDTH, storage));
    assertThat(SyntheticIndexes.describe(field)).isEqualTo(name.replace("-", "-b100-"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"16-none", "m16", "m16-int16", "M16-none"})
  void other_names_are_refused_with_the_format(String name) {
    assertThatThrownBy(() -> GraphSettings.parse(name, 384))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("graph settings must look like m16-none or m32-int8 (storage none, int8, "
            + "int7 or int4), but are: " + name);
  }
}
