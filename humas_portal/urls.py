"""Top-level URL map."""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from news.public import views as public_views
from training.views import certificates as training_certificates

from . import views

admin.site.login = secure_admin_login(admin.site.login)
# A database outage answers 503 with a maintenance page instead of a 500.
handler500 = "humas_portal.views.server_error"

urlpatterns = [
    path("", public_views.home, name="home"),
    path("healthz/", views.healthz, name="healthz"),
    path("healthz/ready", views.healthz_ready, name="healthz_ready"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("accounts/", include("allauth.urls")),
    path("", include("accounts.urls")),
    path("newsroom/", include("news.urls")),
    path("training/", include("training.urls")),
    path("odon/", include("odon.urls")),
    path("directory/", include("directory.urls")),
    path(
        "sertifikat/<str:number>/",
        training_certificates.certificate_verify,
        name="certificate_verify",
    ),
    path("", include("news.urls_public")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("bahasa/<str:code>/", views.switch_language, name="switch_language"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("admin/", admin.site.urls),
]
