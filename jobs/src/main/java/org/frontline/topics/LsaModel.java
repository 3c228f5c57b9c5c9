package org.frontline.topics;

import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.StructType;
import org.frontline.common.ColumnTransformer;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

/**
 * A fitted {@link LsaReducer}: projects each document vector onto the kept singular vectors (the
 * {@code components} matrix, terms × dims, saved with the model's params) and L2-normalises it. A sparse
 * document costs non-zeros × dims multiplications; a document with no known term becomes the zero vector.
 */
public final class LsaModel extends Model<LsaModel> implements DefaultParamsWritable {
  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> outputCol;
  private final Param<Matrix> components;

  public LsaModel(String uid) {
    this.uid = uid;
    inputCol = new Param<>(this, "inputCol", "document vectors (vector)");
    setDefault(inputCol, "features");
    outputCol = new Param<>(this, "outputCol", "reduced, L2-normalised document vectors (vector)");
    setDefault(outputCol, "reduced");
    components = new Param<>(this, "components", "right singular vectors, one column per kept dimension");
  }

  @Override
  public String uid() {
    return uid;
  }

  public Param<String> inputCol() { return inputCol; }
  public Param<String> outputCol() { return outputCol; }
  public Param<Matrix> components() { return components; }

  public LsaModel setInputCol(String v) { set(inputCol, v); return this; }
  public LsaModel setOutputCol(String v) { set(outputCol, v); return this; }
  LsaModel setComponents(Matrix v) { set(components, v); return this; }

  public Matrix getComponents() {
    return $(components);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Matrix m = $(components);
    int terms = m.numRows();
    int dims = m.numCols();
    double[] v = m.toDense().toArray(); // column-major: v[j * terms + i]
    UserDefinedFunction project = udf((UDF1<Vector, Vector>) x -> {
      double[] out = new double[dims];
      SparseVector s = x.toSparse();
      int[] idx = s.indices();
      double[] val = s.values();
      for (int t = 0; t < idx.length; t++) {
        if (idx[t] < terms) {
          for (int j = 0; j < dims; j++) {
            out[j] += val[t] * v[j * terms + idx[t]];
          }
        }
      }
      double norm = 0;
      for (double o : out) {
        norm += o * o;
      }
      norm = Math.sqrt(norm);
      if (norm > 0) {
        for (int j = 0; j < dims; j++) {
          out[j] /= norm;
        }
      }
      return Vectors.dense(out);
    }, SQLDataTypes.VectorType());
    return dataset.withColumn($(outputCol), project.apply(col($(inputCol))));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    if (!isDefined(components)) {
      throw new IllegalStateException("LsaModel has no components; fit an LsaReducer first");
    }
    ColumnTransformer.requireColumn(schema, $(inputCol), SQLDataTypes.VectorType());
    return ColumnTransformer.withField(schema, $(outputCol), SQLDataTypes.VectorType());
  }

  @Override
  public LsaModel copy(ParamMap extra) {
    LsaModel c = new LsaModel(uid);
    copyValues(c, extra);
    return c.setParent(parent());
  }

  public static MLReader<LsaModel> read() {
    return new DefaultParamsReader<>();
  }

  public static LsaModel load(String path) {
    return read().load(path);
  }
}
