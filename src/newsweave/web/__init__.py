"""Tell: the local web app (`newsweave serve`): stories, story and article pages, uploads, JSON API.

The story and article views are the HTML report's (report/templates); the pages here wrap them.
"""

from .app import create_app

__all__ = ["create_app"]
