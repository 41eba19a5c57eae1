# The dashboard and its data in one image, for any host that runs containers:
#   docker build -t korea-dashboard . && docker run --rm -p 8501:8501 korea-dashboard
# The running container needs no network, no ../shared and no write access (tests/test_deploy.py
# checks the same files this image copies). Sign-in: mount a secrets.toml read-only at
# /app/.streamlit/secrets.toml (README, "Deploying").
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_SERVER_FILE_WATCHER_TYPE=none \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false \
    STREAMLIT_SERVER_ENABLE_XSRF_PROTECTION=true \
    STREAMLIT_SERVER_ENABLE_CORS=true

# The app runs as this user, who owns nothing under /app: a bug cannot rewrite the data.
RUN useradd --system --uid 10001 --create-home --shell /usr/sbin/nologin dashboard

WORKDIR /app
# Dependencies before the data, so a data-only change rebuilds one small layer.
COPY pyproject.toml README.md requirements.txt ./
COPY dashboard ./dashboard
RUN pip install -r requirements.txt
COPY .streamlit ./.streamlit
COPY datasets ./datasets

USER dashboard
EXPOSE 8501
# Streamlit's own liveness endpoint, under the base URL path when one is set.
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as r; base = os.environ.get('STREAMLIT_SERVER_BASE_URL_PATH', '').strip('/'); path = f'/{base}/_stcore/health' if base else '/_stcore/health'; assert r.urlopen(f'http://127.0.0.1:8501{path}', timeout=4).read() == b'ok'"]
CMD ["streamlit", "run", "dashboard/app.py", "--server.address=0.0.0.0", "--server.port=8501"]
