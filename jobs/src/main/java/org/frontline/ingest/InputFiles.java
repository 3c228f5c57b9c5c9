package org.frontline.ingest;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Expands the user's inputs (files, directories, globs; local, HDFS or S3 paths) into a sorted list of input
 * files with their format and compression. Directories are walked recursively; hidden and {@code _}-prefixed
 * files and files of unknown type inside directories are skipped and reported; a named file of unknown type
 * or an input that matches nothing is an error.
 */
public final class InputFiles {
  public enum Format { JSONL, CSV, PARQUET, TXT }

  /**
   * One input file. {@code path} is fully qualified, e.g. {@code file:/data/a.jsonl.gz}. A plain class, not a
   * record: Spark ships it to executors with Kryo, which cannot build record instances.
   */
  public static final class InputFile implements Serializable {
    private String path;
    private Format format;
    private boolean compressed;
    private long length;

    public InputFile() {}

    public InputFile(String path, Format format, boolean compressed, long length) {
      this.path = path;
      this.format = format;
      this.compressed = compressed;
      this.length = length;
    }

    public String path() { return path; }
    public Format format() { return format; }
    public boolean compressed() { return compressed; }
    public long length() { return length; }

    /** How the file is read, as the run summary shows it: "jsonl", "csv (compressed)". */
    public String formatLabel() {
      return format.name().toLowerCase(Locale.ROOT) + (compressed ? " (compressed)" : "");
    }

    @Override
    public String toString() {
      return path;
    }
  }

  public record Expansion(List<InputFile> files, List<String> skipped) {
    /**
     * About how many bytes of text the files hold: a compressed or Parquet file is weighed by
     * {@link #PACKED_FACTOR}.
     */
    public long textBytes() {
      long total = 0;
      for (InputFile f : files) {
        boolean packed = f.compressed() || f.format() == Format.PARQUET;
        total += f.length() * (packed ? PACKED_FACTOR : 1);
      }
      return total;
    }
  }

  /** A compressed or Parquet input holds about this many times its bytes as text. */
  public static final int PACKED_FACTOR = 5;

  private InputFiles() {}

  public static Expansion expand(List<String> inputs, Format forced, Configuration conf) {
    TreeMap<String, InputFile> files = new TreeMap<>();
    List<String> skipped = new ArrayList<>();
    CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
    for (String input : inputs) {
      Path p = new Path(input);
      FileStatus[] matches;
      try {
        FileSystem fs = p.getFileSystem(conf);
        matches = fs.globStatus(p);
        if (matches == null || matches.length == 0) {
          throw new IngestException("input not found: " + input);
        }
        for (FileStatus st : matches) {
          if (st.isDirectory()) {
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(st.getPath(), true);
            while (it.hasNext()) {
              LocatedFileStatus f = it.next();
              if (isHidden(f.getPath(), st.getPath())) {
                continue;
              }
              InputFile file = classify(fs.makeQualified(f.getPath()), f.getLen(), forced, codecs);
              if (file == null) {
                skipped.add(f.getPath().toString());
              } else {
                files.put(file.path(), file);
              }
            }
          } else {
            InputFile file = classify(fs.makeQualified(st.getPath()), st.getLen(), forced, codecs);
            if (file == null) {
              throw new IngestException("unknown input format: " + st.getPath()
                  + " (expected .jsonl, .json, .ndjson, .csv, .parquet or .txt, optionally compressed;"
                  + " or use --format)");
            }
            files.put(file.path(), file);
          }
        }
      } catch (IOException e) {
        throw new IngestException("cannot read input " + input + ": " + e.getMessage());
      }
    }
    if (files.isEmpty()) {
      throw new IngestException("no input files found in " + inputs);
    }
    return new Expansion(new ArrayList<>(files.values()), skipped);
  }

  private static boolean isHidden(Path file, Path top) {
    for (Path p = file; p != null && !p.equals(top); p = p.getParent()) {
      String n = p.getName();
      if (n.startsWith(".") || n.startsWith("_")) {
        return true;
      }
    }
    return false;
  }

  static InputFile classify(Path path, long length, Format forced, CompressionCodecFactory codecs) {
    String name = path.getName().toLowerCase(Locale.ROOT);
    boolean compressed = codecs.getCodec(path) != null;
    if (compressed) {
      name = CompressionCodecFactory.removeSuffix(name, codecs.getCodec(path).getDefaultExtension());
    }
    Format format = forced != null ? forced : formatOf(name);
    return format == null ? null : new InputFile(path.toString(), format, compressed, length);
  }

  static Format formatOf(String name) {
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return Format.JSONL;
    }
    if (name.endsWith(".csv")) {
      return Format.CSV;
    }
    if (name.endsWith(".parquet")) {
      return Format.PARQUET;
    }
    if (name.endsWith(".txt")) {
      return Format.TXT;
    }
    return null;
  }
}
