"""A small threaded HTTP/1.1 server on 127.0.0.1 (a free port), optionally TLS,
that hands each request to a function. Both doubles are built on it.

A response may be streamed: give ``Response.stream``, an iterator of byte chunks,
and it goes out chunked (``Transfer-Encoding: chunked``) as the chunks come. An
empty chunk sends nothing but lets the server notice a client that went away
(the stream then ends); raising ConnectionAbortedError drops the connection
without finishing the response, as a server that fails mid-stream does.
"""

from __future__ import annotations

import contextlib
import select
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from doubles.tls import TlsFiles


@dataclass
class Request:
    method: str
    target: str  # path and query as sent
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    stream: Iterator[bytes] | None = None  # chunked instead of ``body``


Handler = Callable[[Request], Response]


class _Server(ThreadingHTTPServer):
    """Remembers open connections so that stop() can close kept-alive ones
    (their threads then end, and no socket is left to the garbage collector)."""

    daemon_threads = False
    block_on_close = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        if isinstance(sys.exc_info()[1], ConnectionResetError | BrokenPipeError):
            return  # a client that closed its connection abruptly: normal for a stream it stopped reading
        super().handle_error(request, client_address)

    def close_connections(self) -> None:
        with self._open_lock:
            open_now = list(self._open)
        for sock in open_now:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


def _peer_gone(sock: socket.socket) -> bool:
    """Whether the client closed its end (readable with nothing to read)."""
    if isinstance(sock, ssl.SSLSocket):
        return False  # MSG_PEEK is not allowed on TLS sockets: noticed at the next write
    try:
        readable, _, _ = select.select([sock], [], [], 0)
        return bool(readable) and sock.recv(1, socket.MSG_PEEK) == b""
    except OSError:
        return True


class LoopbackServer:
    def __init__(self, handler: Handler, *, tls: TlsFiles | None = None) -> None:
        self.handler = handler
        self.tls = tls
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        assert self._server is not None, "not started"
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def start(self) -> None:
        outer = self

        class RequestHandler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                request = Request(
                    method=self.command,
                    target=self.path,
                    path=parts.path,
                    query=parse_qs(parts.query, keep_blank_values=True),
                    headers={k.lower(): v for k, v in self.headers.items()},
                    body=body,
                )
                try:
                    response = outer.handler(request)
                except Exception as exc:  # a bug in the double: say so loudly
                    response = Response(500, f"double failed: {exc!r}".encode(), {})
                    import traceback

                    traceback.print_exc()
                self.send_response(response.status)
                for name, value in response.headers.items():
                    self.send_header(name, value)
                if response.stream is not None:
                    self._send_chunked(response.stream)
                    return
                self.send_header("Content-Length", str(len(response.body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(response.body)

            def _send_chunked(self, chunks: Iterator[bytes]) -> None:
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                try:
                    for chunk in chunks:
                        if chunk:
                            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                        elif _peer_gone(self.connection):
                            self.close_connection = True
                            return
                    self.wfile.write(b"0\r\n\r\n")
                except OSError:  # the client went away, or the stream dropped the connection
                    self.close_connection = True
                finally:
                    close = getattr(chunks, "close", None)
                    if callable(close):
                        close()

            do_GET = do_POST = do_PATCH = do_DELETE = do_PUT = _serve

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass  # quiet: tests assert on what the double recorded instead

        server = _Server(("127.0.0.1", 0), RequestHandler)
        if self.tls is not None:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(str(self.tls.cert), str(self.tls.key))
            server.socket = context.wrap_socket(server.socket, server_side=True)
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)  # fmt: skip
        self._thread.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.close_connections()
            with contextlib.suppress(OSError):
                self._server.server_close()  # joins the request threads
        if self._thread is not None:
            self._thread.join(5)
        self._server = None
