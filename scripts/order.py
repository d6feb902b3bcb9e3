"""`make order`: write scripts/capstan.order.gz, the functions `capstan serve` runs while it starts and answers its
first requests, for `make release` to lay out first in the binary.

Why: the kernel maps file-backed code 64 KB at a time around each page fault ("fault-around"), so start-up code
scattered over 20 MB of text left about 11 MB of the binary resident in an idle server; with those functions
packed together, about 7.5 MB. Most of the rest is compiler-generated helpers with no symbol (`.L` names, such as
`.text..L__unnamed_11`), which a symbol list cannot place.

How: a copy of the binary is dropped from the page cache and the block device's read-ahead is switched off for the
run (restored afterwards), so no page is cached before it is executed and fault-around has nothing to map beside
it: each executed page faults exactly once, and `perf` records the faulting addresses. The functions overlapping
those pages, in page order, are the list. It needs root (read-ahead is a device setting; `make order` asks sudo for this script only) and `perf`.

A profile taken from a binary already linked with an earlier list is tighter (the hot pages then hold only hot
functions), so run it again after `make release` when the list is old.
"""
import argparse
import bisect
import fcntl
import gzip
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_ahead_setting(path):
    """The sysfs file holding the read-ahead (KB) of the disk that stores `path` (a partition's is its disk's)."""
    device = os.stat(path).st_dev
    if os.major(device) == 0:
        sys.exit(f"{path} is not on a block device (tmpfs, overlayfs, btrfs subvolume): profile from a disk-backed checkout")
    node = os.path.realpath(f"/sys/dev/block/{os.major(device)}:{os.minor(device)}")
    if os.path.exists(os.path.join(node, "partition")):
        node = os.path.dirname(node)
    setting = os.path.join(node, "queue", "read_ahead_kb")
    if not os.path.exists(setting):
        sys.exit(f"no read-ahead setting for {path} ({setting} is missing)")
    return setting


def executed_pages(binary, work, paths):
    """Page offsets (relative to the load address) of the binary's text that `serve` executed."""
    script = os.path.join(work, "run.sh")
    requests = "".join(f"curl -s -o /dev/null http://127.0.0.1:$PORT{path}\n" for path in paths)
    with open(script, "w") as file:
        file.write(f"""#!/bin/bash
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
LOG_LEVEL=error {binary} serve --config {work}/capstan.yaml --port $PORT --no-workers >/dev/null 2>&1 &
SERVER=$!
for _ in $(seq 1000); do curl -sf -o /dev/null http://127.0.0.1:$PORT/.well-known/stellar.toml && break; sleep 0.01; done
curl -sf -o /dev/null http://127.0.0.1:$PORT/.well-known/stellar.toml || {{ echo "capstan serve never answered"; kill $SERVER; exit 1; }}
{requests}sleep 1
kill $SERVER; wait $SERVER
""")
    os.chmod(script, 0o755)
    data = os.path.join(work, "faults.data")
    setting = read_ahead_setting(binary)
    # The setting is the whole disk's: put it back however the run ends (SIGTERM and SIGHUP included), and let
    # only one profile run at a time, or the second would "restore" the first one's 0.
    lock = open(os.path.join(work, "..", "order.lock"), "w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        sys.exit("another make order is running")
    for number in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(number, lambda *_: sys.exit("interrupted; read-ahead restored"))
    with open(setting) as file:
        previous = file.read().strip()
    try:
        with open(setting, "w") as file:
            file.write("0")
        subprocess.run(["perf", "record", "-q", "-o", data, "-e", "page-faults", "-c", "1", "-d", script], check=True)
    finally:
        with open(setting, "w") as file:
            file.write(previous)
    events = subprocess.run(["perf", "script", "-i", data, "--show-mmap-events", "-F", "comm,addr,ip"],
                            capture_output=True, text=True, check=True).stdout
    base = text = None
    pages = set()
    for line in events.splitlines():
        if "PERF_RECORD_MMAP2" in line and binary in line:
            match = re.search(r"\[0x([0-9a-f]+)\(0x([0-9a-f]+)\) @ (0x[0-9a-f]+|0) ", line)
            start, size, offset = int(match[1], 16), int(match[2], 16), int(match[3], 16)
            if offset == 0 and base is None:
                base = start
            if " r-xp " in line:
                text = (start, start + size)
            continue
        fields = line.split()
        if text is None or len(fields) < 3:
            continue
        try:
            address = int(fields[1], 16)
        except ValueError:
            continue
        if text[0] <= address < text[1]:
            pages.add((address - base) // 4096 * 4096)
    return sorted(pages)


def functions_on(pages, binary):
    """Names of the functions overlapping `pages`, in address order, each once."""
    symbols = []
    listing = subprocess.run(["nm", "-S", "--defined-only", binary], capture_output=True, text=True, check=True).stdout
    for line in listing.splitlines():
        fields = line.split()
        if len(fields) == 4 and fields[2] in "tTwW":
            symbols.append((int(fields[0], 16), int(fields[1], 16), fields[3]))
    symbols.sort()
    starts = [symbol[0] for symbol in symbols]
    names, seen = [], set()
    for page in pages:
        index = max(bisect.bisect_right(starts, page) - 1, 0)
        while index < len(symbols) and symbols[index][0] < page + 4096:
            address, size, name = symbols[index]
            if address + max(size, 1) > page and name not in seen:
                seen.add(name)
                names.append(name)
            index += 1
    return names


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", default=os.path.join(REPO, ".build", "release", "capstan"))
    parser.add_argument("--plugins", default=os.path.join(REPO, ".build", "bench", "plugins.d"))
    parser.add_argument("--out", default=os.path.join(REPO, "scripts", "capstan.order.gz"))
    arguments = parser.parse_args()
    if os.geteuid() != 0:
        sys.exit("make order needs root: it switches the block device's read-ahead off for the run")
    if not shutil.which("perf"):
        sys.exit("make order needs perf (linux-perf)")
    source = os.path.realpath(arguments.bin)
    # Beside the build, not in /tmp: /tmp may be tmpfs, where a file cannot be dropped from memory.
    os.makedirs(os.path.join(REPO, ".build"), exist_ok=True)
    work = tempfile.mkdtemp(prefix="order-", dir=os.path.join(REPO, ".build"))
    try:
        binary = os.path.join(work, "capstan")
        shutil.copyfile(source, binary)
        os.chmod(binary, 0o755)
        descriptor = os.open(binary, os.O_RDONLY)
        os.fsync(descriptor)
        os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
        os.close(descriptor)
        subprocess.run([binary, "init", "--dir", work, "--plugins-dir", os.path.abspath(arguments.plugins)],
                       check=True, stdout=subprocess.DEVNULL)
        # init ran from the copy: drop it from the cache again before the profiled run.
        descriptor = os.open(binary, os.O_RDONLY)
        os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
        os.close(descriptor)
        pages = executed_pages(binary, work, ["/health", "/.well-known/stellar.toml"])
        names = functions_on(pages, source)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    with gzip.GzipFile(arguments.out, "wb", compresslevel=9, mtime=0) as file:  # mtime 0: same list, same bytes
        file.write(("\n".join(names) + "\n").encode())
    print(f"{len(pages)} executed text pages ({len(pages) * 4} KB), {len(names)} functions -> {arguments.out}")


if __name__ == "__main__":
    main()
