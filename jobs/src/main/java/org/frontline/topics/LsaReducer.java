package org.frontline.topics;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.linalg.DenseMatrix;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.linalg.distributed.RowMatrix;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;
import org.frontline.common.ColumnTransformer;

/**
 * Latent semantic analysis: a truncated SVD of the document × term matrix keeps the {@code dims} strongest
 * directions; {@link LsaModel} projects each document onto them and L2-normalises the result. On short news
 * texts clustering in this space is far steadier than on raw TF-IDF (docs/TOPICS.md has the figures).
 *
 * <p>Solvers ({@code solver}): {@code auto} builds the terms × terms Gramian in one pass and decomposes it on
 * the driver up to {@value #LOCAL_TERMS} terms, and above that uses {@code randomized}: subspace iteration
 * from a seeded random block ({@link RandomizedSvd}, {@code passes} Spark jobs); {@code arpack} is Spark's
 * {@link RowMatrix#computeSVD} with distributed ARPACK, exact but one Spark job per Lanczos iteration.
 * Clustering with cosine distance depends only on the subspace the vectors span, which is what the
 * randomized passes converge on (docs/TOPICS.md compares it with ARPACK's).
 */
public final class LsaReducer extends Estimator<LsaModel> implements DefaultParamsWritable {
  /** Default dimensions kept (also the {@code --dims} default). */
  public static final int DEFAULT_DIMS = 50;
  /** Default seed (also the topic fit's {@code --seed} default). */
  public static final long DEFAULT_SEED = 42L;

  /** Up to this many terms the Gramian (terms² doubles) is built once and decomposed on the driver. */
  static final long LOCAL_TERMS = 3000;
  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> outputCol;
  private final IntParam dims;
  private final Param<String> solver;
  private final IntParam oversampling;
  private final IntParam passes;
  private final LongParam seed;

  public LsaReducer() {
    this(Identifiable$.MODULE$.randomUID("lsa"));
  }

  public LsaReducer(String uid) {
    this.uid = uid;
    inputCol = new Param<>(this, "inputCol", "document vectors (vector), usually L2-normalised TF-IDF");
    setDefault(inputCol, "features");
    outputCol = new Param<>(this, "outputCol", "reduced, L2-normalised document vectors (vector)");
    setDefault(outputCol, "reduced");
    dims = new IntParam(this, "dims", "number of singular vectors kept", ParamValidators.gtEq(1));
    setDefault(dims, DEFAULT_DIMS);
    solver = new Param<>(this, "solver", "auto (local Gramian up to " + LOCAL_TERMS
        + " terms, else randomized), randomized or arpack", ParamValidators.inArray(SOLVERS));
    setDefault(solver, "auto");
    oversampling = new IntParam(this, "oversampling",
        "randomized solver: columns of the random block beyond dims", ParamValidators.gtEq(0));
    setDefault(oversampling, 50);
    passes = new IntParam(this, "passes", "randomized solver: multiplications by the Gramian (Spark jobs)",
        ParamValidators.gtEq(1));
    setDefault(passes, 8);
    seed = new LongParam(this, "seed", "randomized solver: seed of the random block");
    setDefault(seed, DEFAULT_SEED);
  }

  static final String[] SOLVERS = {"auto", "randomized", "arpack"};

  @Override
  public String uid() {
    return uid;
  }

  public Param<String> inputCol() { return inputCol; }
  public Param<String> outputCol() { return outputCol; }
  public IntParam dims() { return dims; }
  public Param<String> solver() { return solver; }
  public IntParam oversampling() { return oversampling; }
  public IntParam passes() { return passes; }
  public LongParam seed() { return seed; }

  public LsaReducer setInputCol(String v) { set(inputCol, v); return this; }
  public LsaReducer setOutputCol(String v) { set(outputCol, v); return this; }
  public LsaReducer setDims(int v) { set(dims, v); return this; }
  public LsaReducer setSolver(String v) { set(solver, v); return this; }
  public LsaReducer setOversampling(int v) { set(oversampling, v); return this; }
  public LsaReducer setPasses(int v) { set(passes, v); return this; }
  public LsaReducer setSeed(long v) { set(seed, v); return this; }

  @Override
  public LsaModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    String in = $(inputCol);
    RowMatrix rows = new RowMatrix(dataset.select(in).toJavaRDD()
        .<org.apache.spark.mllib.linalg.Vector>map(r -> Vectors.fromML((Vector) r.get(0))).rdd().cache());
    long n = rows.numCols();
    int k = (int) Math.min((Integer) $(dims), Math.max(1, n - 1));
    String s = $(solver);
    Matrix v;
    if (s.equals("randomized") || (s.equals("auto") && n > LOCAL_TERMS)) {
      RandomizedSvd.Result r = RandomizedSvd.compute(rows.rows().toJavaRDD(), (int) n, k, (Integer) $(oversampling),
          (Integer) $(passes), (Long) $(seed));
      v = new DenseMatrix((int) n, k, r.v());
    } else {
      // a small vocabulary: one pass builds the terms × terms Gramian and the eigenvectors are found locally;
      // arpack: ARPACK multiplies by the Gramian in one distributed pass per iteration
      String mode = s.equals("arpack") ? "dist-eigs" : "local-eigs";
      v = rows.computeSVD(k, false, 1e-9, 300, 1e-10, mode).V().asML();
    }
    rows.rows().unpersist(false);
    LsaModel model = new LsaModel(uid).setComponents(v).setInputCol(in).setOutputCol($(outputCol));
    model.setParent(this);
    return model;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    ColumnTransformer.requireColumn(schema, $(inputCol), SQLDataTypes.VectorType());
    return ColumnTransformer.withField(schema, $(outputCol), SQLDataTypes.VectorType());
  }

  @Override
  public LsaReducer copy(ParamMap extra) {
    return (LsaReducer) defaultCopy(extra);
  }

  public static MLReader<LsaReducer> read() {
    return new DefaultParamsReader<>();
  }

  public static LsaReducer load(String path) {
    return read().load(path);
  }
}
