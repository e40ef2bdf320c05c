"""Running the app: loopback by default, a token required anywhere else."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

from ..errors import NewsweaveError
from ..settings import Settings

LOOPBACK_NAMES = ("localhost",)


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and "localhost".

    Example:
        >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("0.0.0.0")
        (True, True, False)
    """
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_host(host: str, token: str | None) -> None:
    """Refuse to listen beyond this machine without a token."""
    if not is_loopback(host) and not token:
        raise NewsweaveError(
            f"{host}: not a loopback address; anyone who can reach it could read and add "
            "articles (pass --token T, or keep the default 127.0.0.1)"
        )


def allowed_hosts(host: str, port: int) -> list[str]:
    """Host headers to serve: the address we listen on and the loopback names (a page of
    another site resolved to 127.0.0.1 — DNS rebinding — carries its own name, refused)."""
    names = {host, "127.0.0.1", "localhost", "::1", "[::1]"}
    return sorted(names | {f"{n}:{port}" for n in names})


def run_server(settings: Settings, token: str | None, echo: Callable[[str], None] = print) -> None:
    """Serve the store `settings.store.db_path` at `settings.web.host` and `.port`."""
    import uvicorn

    from .app import create_app

    db, host, port = settings.store.db_path, settings.web.host, settings.web.port
    app = create_app(db, token=token, settings=settings, allowed_hosts=allowed_hosts(host, port))
    shown = f"[{host}]" if ":" in host else host
    suffix = f"/?token={token}" if token else "/"
    echo(f"newsweave serving {db} at http://{shown}:{port}{suffix} (Ctrl-C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
