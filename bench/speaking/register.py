#!/usr/bin/env python3
"""Registrations to speak per second against a running wijkbeeld (started with --trust-proxy):
COUNT registrations through POST /api/v1/sessions/{id}/speakers, CONCURRENCY at a time, each
from its own client address (X-Forwarded-For), to the first session that is open. Prints one line
of figures; checks that the confirmed never outnumber the places.
"""

import argparse
import json
import statistics
import threading
import time
import urllib.request


def post(base, path, body, client):
    request = urllib.request.Request(
        base + path,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "X-Forwarded-For": client},
        method="POST",
    )
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        answer = json.load(response)
        return response.status, answer, time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", required=True)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    with urllib.request.urlopen(args.base + "/api/v1/sessions") as response:
        sessions = json.load(response)
    session = next(item for item in sessions if item["public_speaking"]["open"])
    places = session["public_speaking"]["max_speakers"]
    path = f"/api/v1/sessions/{session['id']}/speakers"
    latencies, statuses, lock = [], {}, threading.Lock()
    next_index = [0]

    def worker():
        while True:
            with lock:
                index = next_index[0]
                next_index[0] += 1
            if index >= args.count:
                return
            body = {"name": f"Inspreker {index}", "email": f"i{index}@voorbeeld.nl", "topic": "Verkeer"}
            client = f"10.{index // 65536 % 256}.{index // 256 % 256}.{index % 256}"
            status, answer, seconds = post(args.base, path, body, client)
            with lock:
                latencies.append(seconds)
                key = f"{status} {answer['status']}"
                statuses[key] = statuses.get(key, 0) + 1

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(args.concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    confirmed = statuses.get("201 confirmed", 0)
    assert places is None or confirmed <= places, f"{confirmed} confirmed for {places} places"
    latencies.sort()
    p90 = latencies[int(len(latencies) * 0.9) - 1]
    print(
        f"| {args.label} | {args.count} | {args.concurrency} | {args.count / elapsed:.0f} | "
        f"{statistics.median(latencies) * 1000:.1f} ms | {p90 * 1000:.1f} ms | {statuses} |"
    )


if __name__ == "__main__":
    main()
