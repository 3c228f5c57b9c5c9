package org.frontline.topics;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.IntParam;
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
 * Latent semantic analysis: a truncated SVD of the document × term matrix (Spark's distributed
 * {@link RowMatrix#computeSVD}, ARPACK) keeps the {@code dims} strongest directions; {@link LsaModel}
 * projects each document onto them and L2-normalises the result. On short news texts clustering in this
 * space is far steadier than on raw TF-IDF (docs/TOPICS.md has the figures).
 */
public final class LsaReducer extends Estimator<LsaModel> implements DefaultParamsWritable {
  /** Up to this many terms the Gramian (terms² doubles) is built once and decomposed on the driver. */
  static final long LOCAL_TERMS = 3000;
  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> outputCol;
  private final IntParam dims;

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
    setDefault(dims, 50);
  }

  @Override
  public String uid() {
    return uid;
  }

  public Param<String> inputCol() { return inputCol; }
  public Param<String> outputCol() { return outputCol; }
  public IntParam dims() { return dims; }

  public LsaReducer setInputCol(String v) { set(inputCol, v); return this; }
  public LsaReducer setOutputCol(String v) { set(outputCol, v); return this; }
  public LsaReducer setDims(int v) { set(dims, v); return this; }

  @Override
  public LsaModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    String in = $(inputCol);
    RowMatrix rows = new RowMatrix(dataset.select(in).toJavaRDD()
        .<org.apache.spark.mllib.linalg.Vector>map(r -> Vectors.fromML((Vector) r.get(0))).rdd().cache());
    long n = rows.numCols();
    int k = (int) Math.min((Integer) $(dims), Math.max(1, n - 1));
    // a small vocabulary: one pass builds the terms × terms Gramian and the eigenvectors are found locally;
    // otherwise ARPACK multiplies by the Gramian in one distributed pass per iteration
    String mode = n <= LOCAL_TERMS ? "local-eigs" : "dist-eigs";
    Matrix v = rows.computeSVD(k, false, 1e-9, 300, 1e-10, mode).V().asML();
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
