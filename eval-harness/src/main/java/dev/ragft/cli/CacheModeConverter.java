package dev.ragft.cli;

import dev.ragft.model.cache.CacheMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --cache read-write|replay|off}. */
final class CacheModeConverter implements ITypeConverter<CacheMode> {

  @Override
  public CacheMode convert(String value) {
    try {
      return CacheMode.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
