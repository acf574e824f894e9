"""Pages of the knowledge base and the self-check: thin views that parse, call a service or selector."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from itkoop.core import selectors as core_selectors
from itkoop.core.converters import parse_id
from itkoop.core.shortcuts import get_visible_or_404
from itkoop.registry import selectors as registry

from . import charts, selectors, services
from .forms import ArticleForm, ArticleSearchForm, SelfCheckForm
from .models import Article, SelfCheckResult
from .permissions import can_edit_article, can_save_selfcheck, can_view_article, can_view_selfcheck_results
from .recommendations import recommend
from .rendering import render_markdown
from .selfcheck import load_questionnaire

if TYPE_CHECKING:  # type hints only: other apps' models are reached through their selectors
    from itkoop.registry.models import Company

PAGE_SIZE = 20
SESSION_KEY = "knowledge_selfcheck"


# --- articles ----------------------------------------------------------------------------------------------


def article_list(request):
    form = ArticleSearchForm(request.GET or None)
    page = None
    if form.is_valid() or not request.GET:
        data = form.cleaned_data if request.GET else {}
        results = selectors.search_articles(
            text=data.get("q", ""),
            kind=data.get("kind", ""),
            tag=data["tag"].slug if data.get("tag") else "",
            user=request.user,
        )
        page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    return render(
        request,
        "knowledge/article_list.html",
        {
            "form": form,
            "page": page,
            "querystring": query_without_page.urlencode(),
            "tags": selectors.tags_in_use(),
            "can_edit": can_edit_article(request.user),
        },
    )


def article(request, slug: str):
    try:
        obj = selectors.article_detail(slug)
    except Article.DoesNotExist:
        raise Http404 from None
    if not can_view_article(request.user, obj):
        raise Http404
    return render(
        request,
        "knowledge/article.html",
        {
            "article": obj,
            "body": render_markdown(obj.body),
            "related": selectors.related_articles(obj),
            "events": selectors.upcoming_events(obj),
            "can_edit": can_edit_article(request.user, obj),
        },
    )


def _article_form_page(request, instance: Article | None):
    if not can_edit_article(request.user, instance):
        raise PermissionDenied
    form = ArticleForm(request.POST or None, instance=instance)
    preview = None
    if request.method == "POST" and form.is_valid():
        if request.POST.get("action") == "save" and form.previewed():
            fields, relations = form.plain_data()
            saved = services.article_save(
                actor=request.user,
                fields=fields,
                relations=relations,
                article_id=instance.pk if instance else None,
            )
            messages.success(request, _("Der Artikel wurde gespeichert."))
            return redirect(saved)
        if request.POST.get("action") == "save":
            messages.info(
                request,
                _(
                    "Der Inhalt hat sich seit der Vorschau geändert. Bitte prüfen Sie die Vorschau "
                    "und speichern Sie dann."
                ),
            )
        data = form.cleaned_data
        preview = {
            "title_de": data["title_de"],
            "title_en": data["title_en"],
            "body_de": render_markdown(data["body_de"], anchors=False),
            "body_en": render_markdown(data["body_en"], anchors=False),
        }
        form.data = form.data.copy()
        form.data["preview_token"] = form.content_token()
    return render(
        request, "knowledge/article_form.html", {"form": form, "article": instance, "preview": preview}
    )


@login_required
def article_create(request):
    return _article_form_page(request, None)


@login_required
def article_edit(request, slug: str):
    try:
        obj = selectors.article_detail(slug)
    except Article.DoesNotExist:
        raise Http404 from None
    if not can_view_article(request.user, obj):
        raise Http404
    return _article_form_page(request, obj)


# --- self-check --------------------------------------------------------------------------------------------


def selfcheck(request):
    questionnaire = load_questionnaire()
    companies = selectors.companies_for_selfcheck(request.user)
    form = SelfCheckForm(
        request.POST or None,
        questionnaire=questionnaire,
        companies=companies,
        initial=_initial_answers(request),
    )
    if request.method == "POST":
        if form.is_valid():
            company = form.cleaned_data.get("company")
            if company is not None:
                result = services.selfcheck_save(actor=request.user, company=company, answers=form.answers())
                messages.success(request, _("Ihr Ergebnis wurde gespeichert."))
                return redirect(result)
            scores = questionnaire.score(form.answers())
            hub = form.cleaned_data.get("hub")
            request.session[SESSION_KEY] = {
                "version": questionnaire.version,
                "answers": form.answers(),
                "scores": scores.by_dimension,
                "overall": scores.overall,
                "hub": hub.slug if hub else "",
            }
            return redirect("knowledge:selfcheck_result")
        messages.error(request, _("Bitte beantworten Sie alle Fragen; die offenen sind markiert."))
    return render(
        request,
        "knowledge/selfcheck.html",
        {
            "form": form,
            "questionnaire": questionnaire,
            "companies": companies,
        },
    )


def _initial_answers(request) -> dict:
    """Repeating a check starts from the previous answers: a saved result (?von=ID) or this session's."""
    source = parse_id(request.GET.get("von"))
    if source is not None:
        result = SelfCheckResult.objects.filter(pk=source).select_related("company").first()
        if result and can_view_selfcheck_results(request.user, result.company):
            return {**result.answers, "company": result.company_id}
    stored = request.session.get(SESSION_KEY)
    return dict(stored.get("answers", {})) if stored else {}


def selfcheck_result(request):
    stored = request.session.get(SESSION_KEY)
    questionnaire = load_questionnaire()
    if not stored or stored.get("version") != questionnaire.version:
        messages.info(
            request, _("Es liegt noch kein Ergebnis vor. Bitte füllen Sie zuerst den Selbstcheck aus.")
        )
        return redirect("knowledge:selfcheck")
    hub = core_selectors.hubs().filter(slug=stored.get("hub") or "").first()
    return render(
        request,
        "knowledge/selfcheck_result.html",
        _result_context(questionnaire, stored["scores"], stored["overall"], hub),
    )


@login_required
def selfcheck_saved(request, pk: int):
    result = get_visible_or_404(
        SelfCheckResult.objects.select_related("company", "company__hub"),
        pk,
        lambda r: can_view_selfcheck_results(request.user, r.company),
    )
    questionnaire = load_questionnaire()
    context = _result_context(
        questionnaire, result.scores, result.overall, result.company.hub, company=result.company
    )
    context.update(_history_context(result.company, questionnaire))
    context.update(
        {
            "result": result,
            "company": result.company,
            "can_repeat": can_save_selfcheck(request.user, result.company),
        }
    )
    return render(request, "knowledge/selfcheck_result.html", context)


@login_required
def selfcheck_history(request, external_id: str):
    company = get_object_or_404(registry.companies().select_related("hub"), external_id=external_id)
    if not can_view_selfcheck_results(request.user, company):
        raise PermissionDenied
    context = _history_context(company, load_questionnaire())
    context.update({"company": company, "can_repeat": can_save_selfcheck(request.user, company)})
    return render(request, "knowledge/selfcheck_history.html", context)


def _result_context(questionnaire, scores: dict, overall: int, hub, company=None) -> dict:
    average = selectors.hub_average(hub)
    rows = [
        {"dimension": d, "score": scores.get(d.id, 0), "hub": average.scores.get(d.id) if average else None}
        for d in questionnaire.dimensions
    ]
    radar = charts.radar(
        [d.short_label for d in questionnaire.dimensions],
        [r["score"] for r in rows],
        [r["hub"] or 0 for r in rows] if average else None,
    )
    return {
        "rows": rows,
        "overall": overall,
        "radar": radar,
        "hub": hub,
        "average": average,
        "min_companies": selectors.MIN_COMPANIES_FOR_AVERAGE,
        "recommendations": recommend(questionnaire, scores, company),
    }


def _history_context(company: Company, questionnaire) -> dict:
    results = list(selectors.company_results(company))
    chart = None
    if len(results) > 1:
        chart = charts.line_chart(
            [(date_format(timezone.localdate(r.created), "SHORT_DATE_FORMAT"), r.overall) for r in results]
        )
    rows = [
        {"result": r, "values": [r.scores.get(d.id) for d in questionnaire.dimensions]}
        for r in reversed(results)
    ]
    return {"history": rows, "history_chart": chart, "dimensions": questionnaire.dimensions}
