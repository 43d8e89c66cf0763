"""API tokens in the admin (Auth Token › Tokens): chief editors issue and revoke keys, as docs/api.md
says. They never see or issue an administrator's (superuser's) key: that would hand them every right."""

from django.contrib import admin
from rest_framework.authtoken.admin import TokenAdmin
from rest_framework.authtoken.models import TokenProxy


class NewsroomTokenAdmin(TokenAdmin):
    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("user")
        if not request.user.is_superuser:
            queryset = queryset.filter(user__is_superuser=False)
        return queryset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "user" and not request.user.is_superuser:
            field.queryset = field.queryset.filter(is_superuser=False, is_active=True)
        return field


if admin.site.is_registered(TokenProxy):
    admin.site.unregister(TokenProxy)
admin.site.register(TokenProxy, NewsroomTokenAdmin)
