package dev.ragft.eval.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.Json;
import dev.ragft.eval.judge.JudgeCalibration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a judge's calibration to the run folder for reports. */
final class CalibrationFile {

  /** The file's name in a run folder. */
  static final String FILE = "calibration.json";

  private CalibrationFile() {
  }

  static void write(JudgeCalibration calibration, Path file) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("items", calibration.items());
    node.put("unreadable", calibration.unreadable());
    node.put("kappaCorrect", calibration.kappaCorrect());
    if (Double.isNaN(calibration.kappaFaithful())) {
      node.putNull("kappaFaithful");
    } else {
      node.put("kappaFaithful", calibration.kappaFaithful());
    }
    node.put("minKappa", calibration.minKappa());
    node.put("gates", calibration.gates());
    try {
      Files.writeString(file, Json.mapper().writeValueAsString(node) + "\n",
          StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
