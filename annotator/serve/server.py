"""The textual-serve server of `annotator serve`, with the reviewer's name in the URL.

textual-serve runs one command for every browser that connects. Here the command is
`annotator review` for the name the page was opened with (``/?reviewer=NAME``, else a
form asks for it), so each connection is one reviewer's own app process, all on the
same database.
"""

from __future__ import annotations

import asyncio
import logging
import shlex
import sys
from pathlib import Path
from urllib.parse import quote

import aiohttp_jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from annotator.safe_text import clean

log = logging.getLogger("annotator.serve")

TEMPLATES = Path(__file__).parent / "templates"
MAX_NAME = 64


def reviewer_problem(name: str) -> str | None:
    """Why ``name`` cannot be a reviewer's name, or None."""
    if not name.strip():
        return "A name cannot be blank."
    if len(name) > MAX_NAME:
        return f"A name has at most {MAX_NAME} characters."
    if clean(name) != name or "\n" in name or "\t" in name or name != name.strip():
        return "A name has no control characters and no leading or trailing spaces."
    return None


class ReviewServer(Server):
    """Serves `annotator review --db DB --reviewer NAME` to each connected browser."""

    def __init__(
        self,
        review_args: list[str],
        *,
        host: str,
        port: int,
        public_url: str | None = None,
    ) -> None:
        super().__init__(
            "annotator review", host=host, port=port, title="annotator review",
            templates_path=TEMPLATES,
        )  # fmt: skip
        self.review_args = review_args
        self.given_public_url = public_url

    def review_command(self, reviewer: str) -> str:
        """The shell command textual-serve starts for ``reviewer`` (quoted word by word)."""
        words = [sys.executable, "-m", "annotator", "review", *self.review_args]
        return shlex.join([*words, "--reviewer", reviewer])

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.router.add_get("/ws/{reviewer}", self.handle_review_websocket)
        return app

    def _base_url(self, request: web.Request) -> str:
        """Where the browser reached this server: the --public-url, else the request's own
        host (so a server on 0.0.0.0 is reached under the name the browser used)."""
        if self.given_public_url:
            return self.given_public_url.rstrip("/")
        return f"{request.scheme}://{request.host}"

    async def handle_index(self, request: web.Request) -> web.Response:
        """The review page for ``?reviewer=NAME``; without a (valid) name, a form asking for it."""
        reviewer = request.query.get("reviewer")
        problem = None if reviewer is None else reviewer_problem(reviewer)
        if reviewer is None or problem is not None:
            context = {"reviewer": reviewer or "", "problem": problem, "max_length": MAX_NAME}
            return aiohttp_jinja2.render_template("reviewer.html", request, context)
        base = self._base_url(request)
        websocket = "wss" + base[5:] if base.startswith("https") else "ws" + base[4:]
        context = {
            "reviewer": reviewer,
            "static_url": f"{base}/static/",
            "websocket_url": f"{websocket}/ws/{quote(reviewer, safe='')}",
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
        }
        return aiohttp_jinja2.render_template("review.html", request, context)

    async def handle_review_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's websocket handler, starting the app for the reviewer in the path."""
        reviewer = request.match_info["reviewer"]
        if reviewer_problem(reviewer) is not None:
            raise web.HTTPBadRequest(text="not a reviewer name")
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        app_service: AppService | None = None

        async def close() -> None:
            await websocket.close()

        try:
            await websocket.prepare(request)
            app_service = AppService(
                self.review_command(reviewer),
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            log.info("reviewer %r connected", reviewer)
            await app_service.start(width, height)
            try:
                await self._process_messages(websocket, app_service)
            finally:
                await app_service.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            log.exception(error)
        finally:
            if app_service is not None:
                await app_service.stop()
        return websocket

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's own route, which would start an app under no reviewer's name."""
        raise web.HTTPNotFound(text="open /?reviewer=NAME")

    async def on_startup(self, app: web.Application) -> None:
        url = self.given_public_url or f"http://{self.host}:{self.port}"
        self.console.print(
            f"annotator serve: reviewers open {url}/?reviewer=NAME (Ctrl+C stops)",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
