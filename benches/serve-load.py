#!/usr/bin/env python3
"""Load on `tenderlint serve` against the CLI, for the README's figures (issue 23).

    cargo build --release
    cargo test --bench tenderbench -- --quick --generate-only   # target/bench-data/tender-100.docx
    python3 benches/serve-load.py [--binary target/release/tenderlint] [--file target/bench-data/tender-100.docx]

Starts the server on loopback (port 0, --isolated, every other setting its default),
then for 1, 4 and 16 clients posts the same 100-page DOCX to /api/check, each client
one request after another, and prints p50/p95 latency, requests per second, the
statuses seen and the server's CPU time per answer. Before that, the CLI checks the
same file (`check --isolated --format json`) and its wall and CPU time are printed.
Only 127.0.0.1 is contacted; every loop has a fixed count; stdlib only.
"""

import argparse
import http.client
import os
import resource
import statistics
import subprocess
import threading
import time
import uuid


def cli_times(binary, path, runs):
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([binary, "check", "--isolated", "--format", "json", path],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def multipart(path):
    boundary = uuid.uuid4().hex
    with open(path, "rb") as f:
        data = f.read()
    name = os.path.basename(path)
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def client(port, body, content_type, count, latencies, statuses, lock):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    for _ in range(count):
        started = time.perf_counter()
        try:
            connection.request("POST", "/api/check", body=body,
                               headers={"Content-Type": content_type})
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
            status = "error"
        elapsed = time.perf_counter() - started
        with lock:
            latencies.append(elapsed)
            statuses[status] = statuses.get(status, 0) + 1
    connection.close()


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default="target/release/tenderlint")
    parser.add_argument("--file", default="target/bench-data/tender-100.docx")
    parser.add_argument("--requests", type=int, default=48, help="requests per level, split over its clients")
    args = parser.parse_args()

    wall, cpu = cli_times(args.binary, args.file, 7)
    print(f"CLI  check --format json: {wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU (median of 7)")

    server = subprocess.Popen([args.binary, "serve", "--port", "0", "--isolated"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        line = server.stdout.readline().decode()
        port = int(line.split("http://127.0.0.1:")[1].split("/")[0])
        body, content_type = multipart(args.file)
        warm = {}
        client(port, body, content_type, 2, [], warm, threading.Lock())
        print("| clients | requests | p50 ms | p95 ms | requests/s | statuses | server CPU ms/answer |")
        print("|---:|---:|---:|---:|---:|---|---:|")
        for clients in (1, 4, 16):
            per_client = max(1, args.requests // clients)
            latencies, statuses, lock = [], {}, threading.Lock()
            threads = [threading.Thread(target=client,
                                        args=(port, body, content_type, per_client, latencies, statuses, lock))
                       for _ in range(clients)]
            cpu_before = cpu_seconds(server.pid)
            started = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.perf_counter() - started
            cpu_used = cpu_seconds(server.pid) - cpu_before
            seen = ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=str))
            print(f"| {clients} | {len(latencies)} | {percentile(latencies, 50) * 1000:.0f} | "
                  f"{percentile(latencies, 95) * 1000:.0f} | {len(latencies) / elapsed:.1f} | {seen} | "
                  f"{cpu_used / len(latencies) * 1000:.0f} |")
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
