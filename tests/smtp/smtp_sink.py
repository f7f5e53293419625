#!/usr/bin/python3
"""A real SMTP server for tests: accepts every message and writes it to a folder.

Each message becomes DIR/<unix-nanos>-<n>.eml, the bytes exactly as received.
The envelope is written first, beside it, as DIR/<unix-nanos>-<n>.json
({"mail_from": ..., "rcpt_tos": [...]}); the .eml appears last, by an atomic
rename, so a reader that sees the .eml always finds a complete message and its
envelope.

Runs on Debian's python3-aiosmtpd (/usr/bin/python3). Prints READY on stdout
once listening; exits cleanly on SIGTERM or SIGINT, and with --exit-on-stdin-eof
also when its stdin closes, so a test process that dies takes the sink with it.
"""

import argparse
import asyncio
import itertools
import json
import logging
import os
import signal
import sys
import threading
import time

try:
    from aiosmtpd.smtp import SMTP
except ImportError:
    sys.stderr.write(
        "smtp_sink: aiosmtpd is missing: install Debian's python3-aiosmtpd "
        "(./scripts/test.sh installs it) and run this with /usr/bin/python3\n")
    sys.exit(3)


class SinkHandler:
    def __init__(self, directory, rejected):
        self._directory = directory
        self._rejected = {address.lower() for address in rejected}
        self._counter = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self._rejected:
            return f"550 5.1.1 <{address}>: recipient rejected by the test sink"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        name = f"{time.time_ns()}-{next(self._counter)}"
        base = os.path.join(self._directory, name)
        envelope_data = {"mail_from": envelope.mail_from, "rcpt_tos": list(envelope.rcpt_tos)}
        with open(base + ".json", "w", encoding="utf-8") as sidecar:
            json.dump(envelope_data, sidecar, ensure_ascii=False)
        with open(base + ".eml.tmp", "wb") as message:
            message.write(envelope.original_content)
        os.rename(base + ".eml.tmp", base + ".eml")
        return "250 2.0.0 OK: queued as " + name


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--reject", action="append", default=[], metavar="ADDRESS",
                        help="answer 550 for this recipient (may be repeated)")
    parser.add_argument("--exit-on-stdin-eof", action="store_true")
    return parser.parse_args()


async def serve(args):
    os.makedirs(args.dir, exist_ok=True)
    handler = SinkHandler(args.dir, args.reject)
    loop = asyncio.get_running_loop()
    stopped = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stopped.set)
    if args.exit_on_stdin_eof:
        def watch_stdin():
            sys.stdin.buffer.read()
            loop.call_soon_threadsafe(stopped.set)
        threading.Thread(target=watch_stdin, daemon=True).start()

    server = await loop.create_server(
        lambda: SMTP(handler, enable_SMTPUTF8=True, data_size_limit=50 * 1024 * 1024),
        host=args.host, port=args.port, reuse_address=True)
    print("READY", flush=True)
    await stopped.wait()
    server.close()
    await server.wait_closed()


def main():
    logging.basicConfig(level=logging.WARNING)
    args = parse_args()
    asyncio.run(serve(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
