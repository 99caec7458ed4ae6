package dev.ragft.datasets.scenario.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FactPatternsTest {

  @ParameterizedTest(name = "{0} in \"{1}\": {2}")
  @CsvSource(delimiter = '|', textBlock = """
      £29                     | It costs £29 a month.                 | true
      £29                     | It costs £ 29 a month.                | true
      £29                     | It costs £290 a month.                | false
      £29                     | It costs £29.50 a month.              | false
      1,500 SMS credits       | You get 1500 SMS credit each month.   | true
      1,500 SMS credits       | You get 11,500 SMS credits.           | false
      14 days                 | A 14-day trial.                       | true
      14 days                 | A 114 days trial.                     | false
      600 requests per minute | Up to 600 requests/minute.            | true
      600 requests per minute | Up to 600 requests a minute.          | true
      600 requests per minute | Up to 600 requests per minute.        | true
      1.9% + 20p              | Fees are 1.9% plus 20p.               | true
      1.9% + 20p              | Fees are 1.9% + 20p.                  | true
      Route Weaver            | Use route weaver for that.            | true
      Route Weaver            | Use Route Weavers for that.           | false
      wbk_live_               | Keys start with wbk_live_ always.     | true
      """)
  void a_fact_value_matches_the_usual_ways_of_writing_it(String value, String reply,
      boolean found) {
    assertThat(Pattern.compile(FactPatterns.tolerant(value)).matcher(reply).find())
        .isEqualTo(found);
  }
}
