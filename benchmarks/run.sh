#!/usr/bin/env bash
# Runs ragft's JMH benchmarks and regenerates the results section of docs/benchmarks.md.
#
#   benchmarks/run.sh [quick|targets|standard|full]   build benchmarks.jar, run a profile, update
#                                              the docs
#   benchmarks/run.sh report <results folder>  only regenerate the docs from an earlier run
#   benchmarks/run.sh jmh <JMH arguments...>   build, then run JMH with your own arguments
#
# Profiles: quick (10k chunks, short iterations, a few configurations: checks that everything
# runs, ~20 minutes; its timings mean nothing), targets (the rows behind the issue's targets at
# 100k chunks, the HNSW sweep at breadth 100, SciFact, indexing, and BM25, the exact scan, float
# HNSW and hybrid at 1M chunks: 35 minutes on a quiet 2-core machine with the indexes already built before the 1M
# HNSW and hybrid rows joined, which add about 5 minutes (1:30 and 3:43 when run alone); the
# one-off 1M float HNSW build adds about 30 minutes), standard (10k and 100k chunks, every
# configuration, 1 fork: ~4 hours), full (standard with 2 forks, plus the 1M rows of targets but
# HNSW; RAGFT_BENCH_1M_HNSW=1 adds the 1M HNSW rows, float and int8, whose one-off int8 index
# build adds most of an hour).
#
# Environment: RAGFT_BENCH_DATA (built indexes, reused across runs; default $TMPDIR/ragft-bench),
# RAGFT_SCIFACT (BEIR SciFact; default ../shared/datasets/scifact beside the project),
# RAGFT_SHARED (the shared test files, for the stories260K model of the harness replay; default
# ../shared beside the project),
# RAGFT_BENCH_JAVA_OPTS (extra options for the JMH launcher JVM), RAGFT_BENCH_NOTE (a line for
# the results, e.g. what else ran on the machine).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$root/.mvn/jdk.sh"
ragft_find_jdk

data="${RAGFT_BENCH_DATA:-${TMPDIR:-/tmp}/ragft-bench}"
scifact="${RAGFT_SCIFACT:-$root/../shared/datasets/scifact}"
shared="${RAGFT_SHARED:-$root/../shared}"
jar="$root/benchmarks/target/benchmarks.jar"
doc="$root/docs/benchmarks.md"

report() {
  "$JAVA_HOME/bin/java" -cp "$jar" dev.ragft.bench.report.BenchReport "$1" "$doc"
}

# Builds benchmarks.jar unless it is newer than every source file and pom of the project.
build() {
  if [ -f "$jar" ] && [ -z "$(find "$root" -path "$root/*/src/main/*" -newer "$jar" -print -quit)" ] \
      && [ -z "$(find "$root" -maxdepth 2 -name pom.xml -newer "$jar" -print -quit)" ]; then
    return 0
  fi
  echo "run.sh: building $jar" >&2
  (cd "$root" && ./mvnw -q -Pbench -pl benchmarks -am -DskipTests -Dmaven.javadoc.skip=true package)
}

profile="${1:-standard}"
if [ "$profile" = report ]; then
  [ $# -eq 2 ] || { echo "usage: $0 report <results folder>" >&2; exit 2; }
  report "$2"
  exit 0
fi

build
results="$root/benchmarks/target/bench-results/$(date -u +%Y%m%dT%H%M%SZ)-$profile"
mkdir -p "$results" "$data"
meta="$results/meta.txt"
{
  echo "profile: $profile"
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)$(cd "$root" && git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
  echo "cpu: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1), nproc $(nproc)"
  echo "memory: $(free -g 2>/dev/null | awk '/^Mem:/ {print $2 " GiB total, " $7 " GiB available"}')"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ -n "${RAGFT_BENCH_NOTE:-}" ]; then echo "note: $RAGFT_BENCH_NOTE"; fi
} > "$meta"

# One JMH invocation: a name for its JSON file, then JMH arguments.
jmh() {
  local name="$1"; shift
  local before; before="$(cut -d' ' -f1-3 /proc/loadavg)"
  local command=("$JAVA_HOME/bin/java" ${RAGFT_BENCH_JAVA_OPTS:-} "-Dragft.bench.data=$data"
    "-Dragft.bench.results=$results" "-Dragft.bench.scifact=$scifact"
    "-Dragft.shared.dir=$shared" -jar "$jar"
    -rf json -rff "$results/$name.json" "$@")
  echo "run.sh: ${command[*]}" >&2
  "${command[@]}"
  echo "$name: java -jar benchmarks.jar $* (load average before: $before, after: $(cut -d' ' -f1-3 /proc/loadavg))" >> "$meta"
}

case "$profile" in
  quick)
    short=(-f 1 -wi 1 -w 1s -i 2 -r 1s)
    jmh embedding "${short[@]}" QueryEmbeddingBenchmark
    jmh exact "${short[@]}" -p chunks=10000 ExactScanBenchmark
    jmh dense "${short[@]}" -p chunks=10000 -p graph=m16-none,m16-int8 -p candidates=100 DenseSearchBenchmark
    jmh bm25 "${short[@]}" -p chunks=10000 Bm25SearchBenchmark
    jmh hybrid "${short[@]}" -p chunks=10000 -p fusion=rrf -p rerank=none,mmr20 -p embedding=none,bge-small-en-v1.5-q HybridSearchBenchmark
    jmh scifact "${short[@]}" -p mode=dense,hybrid-rrf -p rerank=none ScifactRetrievalBenchmark
    jmh indexing -f 1 -wi 0 -i 1 -p docs=50 IndexingBenchmark
    jmh harness -f 1 -wi 1 -i 3 HarnessReplayBenchmark
    ;;
  targets)
    jmh embedding QueryEmbeddingBenchmark
    jmh exact -p chunks=100000 ExactScanBenchmark
    jmh dense-breadth -p chunks=100000 -p graph=m16-none DenseSearchBenchmark
    jmh dense-graphs -p chunks=100000 -p graph=m32-none,m16-int8,m16-int7,m16-int4 -p candidates=100 DenseSearchBenchmark
    jmh bm25 -p chunks=100000 Bm25SearchBenchmark
    jmh hybrid -p chunks=100000 -p rerank=none HybridSearchBenchmark
    jmh hybrid-rerank -p chunks=100000 -p fusion=rrf -p rerank=mmr20,mmr100 -p embedding=none HybridSearchBenchmark
    jmh scifact -p rerank=none ScifactRetrievalBenchmark
    jmh scifact-rerank -p mode=hybrid-rrf -p rerank=mmr20,ensemble20 ScifactRetrievalBenchmark
    jmh indexing IndexingBenchmark
    jmh harness HarnessReplayBenchmark
    jmh exact-1m -p chunks=1000000 'ExactScanBenchmark.flatScan'
    jmh bm25-1m -p chunks=1000000 Bm25SearchBenchmark
    jmh dense-1m -p chunks=1000000 -p graph=m16-none -p candidates=100,200 DenseSearchBenchmark
    jmh hybrid-1m -p chunks=1000000 -p rerank=none -p embedding=none HybridSearchBenchmark
    ;;
  standard|full)
    forks=1
    [ "$profile" = full ] && forks=2
    jmh embedding -f "$forks" QueryEmbeddingBenchmark
    jmh exact -f "$forks" ExactScanBenchmark
    jmh dense -f "$forks" DenseSearchBenchmark
    jmh bm25 -f "$forks" Bm25SearchBenchmark
    jmh hybrid -f "$forks" HybridSearchBenchmark
    jmh scifact -f "$forks" ScifactRetrievalBenchmark
    jmh indexing -f "$forks" IndexingBenchmark
    jmh harness -f "$forks" HarnessReplayBenchmark
    if [ "$profile" = full ]; then
      jmh exact-1m -f "$forks" -p chunks=1000000 'ExactScanBenchmark.flatScan'
      jmh bm25-1m -f "$forks" -p chunks=1000000 Bm25SearchBenchmark
      if [ "${RAGFT_BENCH_1M_HNSW:-0}" = 1 ]; then
        jmh dense-1m -f "$forks" -p chunks=1000000 -p graph=m16-none,m16-int8 -p candidates=100,200 DenseSearchBenchmark
        jmh hybrid-1m -f "$forks" -p chunks=1000000 -p rerank=none HybridSearchBenchmark
      fi
    fi
    ;;
  jmh)
    shift
    jmh custom "$@"
    ;;
  *)
    echo "usage: $0 [quick|targets|standard|full] | report <results folder> | jmh <JMH arguments...>" >&2
    exit 2
    ;;
esac

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$meta"
report "$results"
echo "run.sh: results in $results" >&2
