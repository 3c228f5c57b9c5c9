"""Apache Airflow DAG: Frontline's nightly run with SparkSubmitOperator.

Copy this file into the DAGs folder. It needs the Spark provider (apache-airflow-providers-apache-spark) and a
Spark connection (`spark_frontline`: host yarn / spark://master:7077 / k8s://https://..., with the
spark-submit binary of the cluster). Each DAG run processes the night of its logical date (`ds`): the files of
FRONTLINE_INBOX/<ds>/. Frontline exits non-zero on failure, so Airflow marks the task failed and retries it;
a retry (or a manual "clear") is safe because running a night again changes nothing already done, and the
lake lock refuses a second run while one is active. Each run also writes LAKE/logs/nightly-<ds>-<run id>.log.
"""
from datetime import timedelta

import pendulum
from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

JAR = "/opt/frontline/frontline-jobs.jar"         # jobs/target/frontline-jobs.jar, copied to the Airflow workers
INBOX = "hdfs:///data/frontline/inbox"            # one directory of files per night: INBOX/YYYY-MM-DD/
LAKE = "hdfs:///data/frontline/lake"

with DAG(
    dag_id="frontline_nightly",
    description="Frontline: last night's articles -> mentions, events, topics, trends, report",
    schedule="30 2 * * *",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,  # one writer per lake (the lake lock would refuse a second one anyway)
    default_args={"retries": 2, "retry_delay": timedelta(minutes=20)},
    tags=["frontline"],
) as dag:
    nightly = SparkSubmitOperator(
        task_id="nightly",
        conn_id="spark_frontline",
        application=JAR,
        java_class="org.frontline.cli.Frontline",
        name="frontline-nightly-{{ ds }}",
        application_args=[
            "nightly",
            "--date", "{{ ds }}",
            "--input", INBOX + "/{{ ds }}",
            "--lake", LAKE,
        ],
        conf={
            "spark.sql.shuffle.partitions": "64",
            "spark.eventLog.enabled": "true",
            "spark.eventLog.dir": "hdfs:///spark-history",
            "spark.driver.extraJavaOptions": "-Djava.awt.headless=true",
        },
        driver_memory="4g",
        executor_memory="6g",
        executor_cores=2,
        num_executors=4,
        execution_timeout=timedelta(hours=4),
    )
