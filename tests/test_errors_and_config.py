import pytest

from app import create_app
from app.config import Config, TestingConfig


def test_404_page_is_vietnamese(client):
    response = client.get("/khong-co-trang-nay")

    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.get_data(as_text=True)


def test_a_crash_shows_a_vietnamese_500_page_without_a_traceback(database_url):
    app = create_app(TestingConfig(database_url))
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/boom")
    def boom():
        raise RuntimeError("secret internals")

    response = app.test_client().get("/boom")

    page = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Traceback" not in page and "secret internals" not in page
    assert '<html lang="vi">' in page


def test_secret_key_is_required_outside_development():
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        Config({"APP_ENV": "production"})


def test_production_config_reads_the_environment():
    config = Config({"SECRET_KEY": "s" * 32, "DATABASE_URL": "postgresql://u@db/x"})

    assert config.SQLALCHEMY_DATABASE_URI == "postgresql+psycopg://u@db/x"
    assert config.SESSION_COOKIE_SECURE is True


def test_default_database_is_sqlite_under_instance():
    config = Config({"APP_ENV": "development", "SECRET_KEY": "dev"})

    assert config.SQLALCHEMY_DATABASE_URI.startswith("sqlite:///")
    assert config.SQLALCHEMY_DATABASE_URI.endswith("instance/app.db")


def test_an_id_beyond_the_databases_integers_is_not_found(admin_client):
    """Bad input gets a clear error, never a 500: PostgreSQL refuses an integer out of range,
    so a URL naming such a row is a 404 before the database is asked."""
    for url in ("/admin/agencies/99999999999999999999/successions",
                "/plan/items/99999999999999999999", "/tasks/2147483648"):
        assert admin_client.get(url).status_code == 404, url
