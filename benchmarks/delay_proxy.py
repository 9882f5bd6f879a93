"""A TCP proxy that holds every chunk ``delay`` seconds in each direction: PostgreSQL as seen over
a VPN to the town hall (10 ms each way = 20 ms round trip), where the kernel's ``netem`` is not
available. Stopping it drops every connection and refuses new ones, as an unreachable server
does; starting it again on the same port brings the server back.

    proxy = DelayProxy("127.0.0.1", 5432, delay=0.010)
    proxy.start()          # proxy.port: where clients connect
    …
    proxy.stop()

Runs its own asyncio loop on a thread, so a test or a benchmark can use it from plain code.
"""

import asyncio
import contextlib
import threading
import time

CHUNK = 65_536


class DelayProxy:
    def __init__(self, target_host: str, target_port: int, *, delay: float = 0.010, port: int = 0) -> None:
        self.target = (target_host, target_port)
        self.delay = delay
        self.port = port  # 0: any free port, fixed at the first start
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.base_events.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._thread: threading.Thread | None = None
        self.requests = 0  # chunks clients sent: each waits for an answer, so about the round trips

    def start(self) -> "DelayProxy":
        ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(ready,), name="delay-proxy", daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("the proxy did not start")
        return self

    def stop(self) -> None:
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        self._loop = self._thread = None

    def _run(self, ready: threading.Event) -> None:
        loop = self._loop = asyncio.new_event_loop()
        self._server = loop.run_until_complete(
            asyncio.start_server(self._client, "127.0.0.1", self.port, reuse_address=True)
        )
        self.port = self._server.sockets[0].getsockname()[1]
        ready.set()
        try:
            loop.run_forever()
        finally:  # stopped: refuse new clients, drop the connected ones
            self._server.close()
            for writer in list(self._writers):
                writer.transport.abort()
            pending = asyncio.all_tasks(loop)  # the aborted connections' pipes end on their own
            with contextlib.suppress(Exception):
                loop.run_until_complete(asyncio.wait(pending, timeout=2))
            loop.run_until_complete(self._server.wait_closed())
            loop.close()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.transport.abort()
            return
        self._writers |= {writer, up_writer}
        try:
            await asyncio.gather(self._pipe(reader, up_writer, True), self._pipe(up_reader, writer, False))
        except OSError:  # one side dropped the connection: so does the other
            pass
        finally:
            for w in (writer, up_writer):
                self._writers.discard(w)
                w.transport.abort()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, upstream: bool) -> None:
        """Each chunk leaves ``delay`` after it arrived; chunks keep their order and do not add up
        their delays (a line's latency, not a slower line)."""
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

        async def send() -> None:
            while True:
                due, data = await queue.get()
                if not data:
                    if writer.can_write_eof() and not writer.is_closing():
                        writer.write_eof()
                    return
                wait = due - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                writer.write(data)
                await writer.drain()

        sender = asyncio.ensure_future(send())
        try:
            while data := await reader.read(CHUNK):
                self.requests += upstream
                queue.put_nowait((time.monotonic() + self.delay, data))
            queue.put_nowait((0.0, b""))
            await sender
        finally:
            sender.cancel()


if __name__ == "__main__":  # a manual check: python benchmarks/delay_proxy.py 5432
    import sys

    proxy = DelayProxy("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 5432).start()
    print(f"listening on 127.0.0.1:{proxy.port}, 10 ms each way; Ctrl+C stops")
    with contextlib.suppress(KeyboardInterrupt):
        threading.Event().wait()
