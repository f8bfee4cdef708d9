from django.apps import AppConfig


class NewsdiffConfig(AppConfig):
    name = "newsdiff"
    verbose_name = "newsdiff"
