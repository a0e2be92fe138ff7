#!/usr/bin/env bash
# Bytes the loop thread allocates per "Hello, World!" request (issue 5): the hello server of the
# load run (with a counter) is warmed up with wrk, then its /__alloc endpoint is read before and
# after a second wrk run; the difference in allocated bytes over the difference in requests is
# the figure. It does not depend on the machine's load, so it is the one to compare between
# commits; fewer bytes mean fewer young collections and a shorter latency tail.
# usage: benchmarks/http/alloc.sh   (prints "bytes/request requests"; writes nothing)
# EVENTIDE_TARGET=target-NAME builds into that folder (parallel builds in one tree).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
port=${HTTP_BENCH_PORT:-18085}
target=${EVENTIDE_TARGET:-target}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
cd "$root"
./mvnw -q -Dmaven.test.skip=true -Deventide.target="$target" -pl benchmarks -am package
java_home=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)
java=${JAVA25:-$java_home/bin/java}
cp="benchmarks/$target/eventide-benchmarks-0.1.0-SNAPSHOT.jar:$(ls benchmarks/"$target"/lib/*.jar | tr '\n' ':')"
taskset -c 1 "$java" -Xms256m -Xmx256m -cp "$cp" dev.eventide.benchmarks.http.EventideAlloc "$port" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
taskset -c 0 wrk -t1 -c64 -d5s "http://127.0.0.1:$port/" >/dev/null
read -r r0 b0 <<<"$(curl -s "http://127.0.0.1:$port/__alloc")"
taskset -c 0 wrk -t1 -c64 -d5s "http://127.0.0.1:$port/" >/dev/null
read -r r1 b1 <<<"$(curl -s "http://127.0.0.1:$port/__alloc")"
echo "$(( (b1 - b0) / (r1 - r0) )) bytes/request over $(( r1 - r0 )) requests"
