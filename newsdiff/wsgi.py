"""WSGI entry point (gunicorn newsdiff.wsgi)."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdiff.settings")
application = get_wsgi_application()

# Load every view module now (with the pipeline's tables and models behind them), then move
# all of it out of the garbage collector's reach: full collections then scan only what
# requests allocate. bench/views_bench.py measures the difference on the story screens:
# p95 about 40 ms frozen against 100-120 ms, from occasional full collections, unfrozen.
get_resolver().url_patterns  # noqa: B018  (imports the URLconf and the views)
gc.collect()
gc.freeze()
