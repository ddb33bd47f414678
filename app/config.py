"""Configuration from the environment, read when the app is created.

APP_ENV=development is the only mode that may run without SECRET_KEY (a key is then made
once and kept under instance/); every other mode refuses to start without one.
"""

import os
import secrets
from pathlib import Path

INSTANCE_DIR = Path(__file__).resolve().parent.parent / "instance"


def normalise_database_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL whatever scheme the operator wrote."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _development_secret() -> str:
    INSTANCE_DIR.mkdir(exist_ok=True)
    key_file = INSTANCE_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def _count(environ, name: str) -> int:
    text = environ.get(name, "0").strip() or "0"
    if not text.isdigit():
        raise RuntimeError(f"{name} must be a whole number (0 or more), not {text!r}.")
    return int(text)


class Config:
    BABEL_DEFAULT_LOCALE = "vi"
    BABEL_DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
    LANGUAGES = ("vi", "en")

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    WTF_CSRF_TIME_LIMIT = 8 * 3600  # a clerk may keep a long form open for a working day
    MAX_CONTENT_LENGTH = 40 * 1024 * 1024  # a form with a few evidence files

    # Failed sign-ins within the sliding window: this many on one account from one address
    # refuse that address's further tries at the account (its owner elsewhere signs in),
    # and this many from one address, whatever the accounts, refuse the address.
    LOGIN_MAX_FAILURES = 5
    LOGIN_MAX_FAILURES_PER_ADDRESS = 20
    LOGIN_WINDOW_SECONDS = 15 * 60
    PASSWORD_MIN_LENGTH = 12

    ENABLED_MODULES = ("modules.training", "modules.awards")

    def __init__(self, environ=os.environ) -> None:
        self.APP_ENV = environ.get("APP_ENV", "production")
        self.DEVELOPMENT = self.APP_ENV == "development"
        self.SQLALCHEMY_DATABASE_URI = normalise_database_url(
            environ.get("DATABASE_URL", f"sqlite:///{INSTANCE_DIR / 'app.db'}")
        )
        # Secure cookies need HTTPS; development serves plain HTTP on 127.0.0.1.
        secure = not self.DEVELOPMENT and environ.get("SESSION_COOKIE_SECURE", "1") == "1"
        self.SESSION_COOKIE_SECURE = self.REMEMBER_COOKIE_SECURE = secure
        # Email goes out only when a mail server is named.
        self.MAIL_SERVER = environ.get("MAIL_SERVER")
        self.MAIL_PORT = int(environ.get("MAIL_PORT", "25"))
        self.MAIL_USE_TLS = environ.get("MAIL_USE_TLS", "0") == "1"
        self.MAIL_USERNAME = environ.get("MAIL_USERNAME")
        self.MAIL_PASSWORD = environ.get("MAIL_PASSWORD")
        self.MAIL_FROM = environ.get("MAIL_FROM", "thongtindoingoai@quangngai.gov.vn")
        self.PUBLIC_URL = environ.get("PUBLIC_URL", "http://127.0.0.1:5000")
        # How long a link to set one's password works (a new account's, a forgotten one's).
        self.PASSWORD_LINK_HOURS = int(environ.get("PASSWORD_LINK_HOURS", "72"))
        # How long one script, condition or expression of a diagram may run (seconds).
        self.SCRIPT_TIME_LIMIT = float(environ.get("SCRIPT_TIME_LIMIT", "2"))
        # How many reverse proxies (nginx, a load balancer) stand in front of the app, each
        # adding its X-Forwarded-For/-Proto/-Host. 0: none, the headers are ignored (anyone
        # could write them). Behind one, set 1: else every visitor has the proxy's address
        # and shares one allowance of the sign-in and certificate-check limits.
        self.TRUSTED_PROXIES = _count(environ, "TRUSTED_PROXIES")
        self.SECRET_KEY = environ.get("SECRET_KEY")
        if not self.SECRET_KEY:
            if not self.DEVELOPMENT:
                raise RuntimeError(
                    "SECRET_KEY is not set. Set it in the environment "
                    "(or APP_ENV=development for a local key)."
                )
            self.SECRET_KEY = _development_secret()


    @property
    def SQLALCHEMY_ENGINE_OPTIONS(self) -> dict:  # noqa: N802 - Flask reads this name
        # A server may drop idle connections: app.pool_ping checks those that sat idle,
        # not every connection at every request (a round trip each).
        return {}


class TestingConfig(Config):
    __test__ = False  # not a test class, whatever pytest thinks of the name
    TESTING = True

    # Test passwords protect nothing; a cheap hash keeps the suite fast (scrypt costs
    # 0.1 s per sign-in, and the suite signs in hundreds of people).
    PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"  # noqa: S105 - a method's name, no secret

    def __init__(self, database_url: str) -> None:
        super().__init__({"APP_ENV": "test", "SECRET_KEY": "test-" + secrets.token_hex(8)})
        self.SQLALCHEMY_DATABASE_URI = normalise_database_url(database_url)
        self.SESSION_COOKIE_SECURE = self.REMEMBER_COOKIE_SECURE = False
