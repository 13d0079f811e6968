"""``suivi serve`` and ``suivi user add``: click commands the main group registers.

They read the store given by their own ``--db``, else by the main group's ``--db`` (its
context object), else by ``SUIVI_DB`` or the default. Heavy imports wait until they run.
"""

from __future__ import annotations

import sys

import click

from suivi import settings
from suivi.errors import SuiviError

DB_HELP = (
    f"{settings.DB.help} Default: the main command's --db, ${settings.DB.env}, "
    f"else {settings.DB.default}."
)


def store_target(ctx: click.Context, db: str | None) -> str:
    """The store to open: this command's --db, the group's, the environment, the default."""
    if db:
        return db
    parent = ctx.find_root().obj
    given = getattr(parent, "db", None)
    return str(given) if given else settings.DB.value()


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on.",
)
@click.option("--db", metavar="PATH_OR_URL", default=None, help=DB_HELP)
@click.option(
    "--proxy-headers",
    is_flag=True,
    help="Behind a reverse proxy: take the client's address and scheme from its "
    "X-Forwarded-For and X-Forwarded-Proto headers (sent by --forwarded-allow-ips only).",
)
@click.option(
    "--forwarded-allow-ips",
    metavar="ADDRESSES",
    default=None,
    help="Comma-separated addresses or networks of the proxies whose forwarding headers are "
    "believed, '*' for any (with --proxy-headers). Default: 127.0.0.1.",
)
@click.pass_context
def serve(
    ctx: click.Context,
    host: str,
    port: int,
    db: str | None,
    proxy_headers: bool,
    forwarded_allow_ips: str | None,
) -> None:
    """Serve the portal: dashboard, records, documents, review and the JSON API.

    Pages are in French, in English with ?lang=en. Reading is public; reviewing needs an
    account made with `suivi user add`. Behind a proxy that terminates TLS, --proxy-headers
    makes cookies Secure and adds Strict-Transport-Security to HTTPS answers.
    """
    import uvicorn

    from suivi.pipeline import ensure_current
    from suivi.store import create
    from suivi.web import create_app

    proxies = _proxies(proxy_headers, forwarded_allow_ips)
    try:
        target = store_target(ctx, db)
        # A stopped ingest may have left the records behind the facts: repaired before serving.
        ensure_current(create(target))
        app = create_app(target)
    except SuiviError as error:
        raise click.ClickException(str(error)) from error
    _check_free(host, port)
    click.echo(f"suivi: http://{host}:{port}/", err=True)
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        proxy_headers=proxy_headers,
        forwarded_allow_ips=proxies,
    )


def _proxies(proxy_headers: bool, given: str | None) -> str:
    """The proxies whose forwarding headers are believed, checked before the server starts."""
    import ipaddress

    if given is None:
        return "127.0.0.1"
    if not proxy_headers:
        raise click.UsageError("--forwarded-allow-ips needs --proxy-headers")
    for item in (part.strip() for part in given.split(",")):
        if item == "*":
            continue
        try:
            ipaddress.ip_network(item, strict=False)
        except ValueError as error:
            raise click.BadParameter(
                f"{item!r} is not an address or a network", param_hint="--forwarded-allow-ips"
            ) from error
    return given


def _check_free(host: str, port: int) -> None:
    # Said before the server starts, rather than as the server's own error after it.
    import errno
    import socket

    try:
        with socket.create_server((host, port)):
            pass
    except OSError as error:
        reason = "already in use" if error.errno == errno.EADDRINUSE else "not available here"
        raise click.ClickException(
            f"cannot listen on {host}:{port}: the address is {reason}; choose another --port"
        ) from error


@click.group()
def user() -> None:
    """Manage the accounts of analysts who review facts and records."""


@user.command("add")
@click.argument("name")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from the first line of standard input instead of a prompt.",
)
@click.option("--db", metavar="PATH_OR_URL", default=None, help=DB_HELP)
@click.pass_context
def add(ctx: click.Context, name: str, password_stdin: bool, db: str | None) -> None:
    """Create the analyst account NAME, or set a new password if it exists.

    The password (10 characters or more, hard to guess) is asked twice, or read from
    standard input with --password-stdin; only its argon2 hash is stored.
    """
    from suivi.store import create
    from suivi.store.accounts import add_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        account = add_user(create(store_target(ctx, db)), name, password)
    except SuiviError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"analyst {account.name} can sign in")


@user.command("disable")
@click.argument("name")
@click.option("--db", metavar="PATH_OR_URL", default=None, help=DB_HELP)
@click.pass_context
def disable(ctx: click.Context, name: str, db: str | None) -> None:
    """Disable the analyst account NAME: it can no longer sign in and its open sessions end.

    Its reviews stay, with its name. `suivi user add NAME` with a new password enables it
    again.
    """
    from suivi.store import create
    from suivi.store.accounts import disable_user

    try:
        disable_user(create(store_target(ctx, db), existing=True), name)
    except SuiviError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"analyst {name} can no longer sign in")
