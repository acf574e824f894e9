"""The self-check: questionnaire shape, scoring, the anonymous flow, saving, hub comparison and progress."""

import pytest
from django.urls import reverse

from itkoop.knowledge import charts
from itkoop.knowledge.models import SelfCheckResult
from itkoop.knowledge.recommendations import recommend
from itkoop.knowledge.selectors import MIN_COMPANIES_FOR_AVERAGE, hub_average
from itkoop.knowledge.selfcheck import InvalidAnswers, load_questionnaire, parse_questionnaire

from ..factories import CompanyFactory, member_of
from .helpers import answers, answers_for_dimension_scores, post_data, saved_result

SCALE = [{"label_de": str(i)} for i in range(5)]


# --- questionnaire and scoring (no database) ---------------------------------------------------------------


def test_questionnaire_has_at_least_six_dimensions_and_thirty_questions_in_both_languages():
    questionnaire = load_questionnaire()
    assert len(questionnaire.dimensions) >= 6
    assert len(questionnaire.questions) >= 30
    for question in questionnaire.questions:
        assert question.text_de and question.text_en
    for dimension in questionnaire.dimensions:
        assert dimension.raw["label_de"] and dimension.raw["label_en"]
        assert dimension.raw["advice_de"] and dimension.raw["advice_en"] and dimension.tags


def test_scores_are_the_scaled_mean_per_dimension_and_overall_is_their_mean():
    questionnaire = load_questionnaire()
    values = answers_for_dimension_scores(strategy=4, processes=0, security=1)
    scores = questionnaire.score(values)
    assert scores.by_dimension["strategy"] == 100
    assert scores.by_dimension["processes"] == 0
    assert scores.by_dimension["security"] == 25
    assert scores.by_dimension["market"] == 50
    assert scores.overall == round(sum(scores.by_dimension.values()) / len(scores.by_dimension))


def test_mixed_answers_round_to_whole_points():
    questionnaire = load_questionnaire()
    values = answers(2, strategy_1=4, strategy_2=3)
    assert questionnaire.score(values).by_dimension["strategy"] == round(100 * (4 + 3 + 2 + 2 + 2) / 20)


@pytest.mark.parametrize(
    "bad, message",
    [
        ({"strategy-1": 5}, "outside"),
        ({"strategy-1": -1}, "outside"),
        ({"strategy-1": "zwei"}, "not a number"),
        ({"strategy-1": "2.5"}, "not a number"),
        ({"strategy-1": True}, "outside"),
        ({"erfunden-9": 2}, "unknown"),
    ],
)
def test_invalid_answers_are_refused_with_a_reason(bad, message):
    with pytest.raises(InvalidAnswers, match=message):
        load_questionnaire().validate_answers({**answers(2), **bad})


def test_boundary_answers_zero_and_four_are_valid():
    questionnaire = load_questionnaire()
    assert set(questionnaire.validate_answers(answers(0)).values()) == {0}
    assert set(questionnaire.validate_answers(answers(4)).values()) == {4}


def test_missing_answers_are_listed():
    values = answers(2)
    del values["skills-5"]
    with pytest.raises(InvalidAnswers) as error:
        load_questionnaire().validate_answers(values)
    assert error.value.missing == ["skills-5"]


@pytest.mark.parametrize(
    "data, message",
    [
        ({"scale": SCALE[:3], "dimensions": []}, "scale"),
        ({"scale": SCALE, "dimensions": [{"id": "a", "questions": []}]}, "no questions"),
        (
            {
                "scale": SCALE,
                "dimensions": [{"id": "a", "questions": [{"id": "q", "de": "x"}, {"id": "q", "de": "y"}]}],
            },
            "duplicate question",
        ),
        (
            {
                "scale": SCALE,
                "dimensions": [
                    {"id": "a", "questions": [{"id": "q1", "de": "x"}]},
                    {"id": "a", "questions": [{"id": "q2", "de": "y"}]},
                ],
            },
            "duplicate dimension",
        ),
    ],
)
def test_a_broken_questionnaire_file_is_refused_when_loaded(data, message):
    with pytest.raises(ValueError, match=message):
        parse_questionnaire(data)


def test_radar_points_lie_on_the_axes_at_the_scaled_distance():
    radar = charts.radar(["A", "B", "C", "D"], [100, 50, 0, 25], size=400)
    points = [tuple(map(float, p.split(","))) for p in radar.own.split()]
    radius = 400 / 2 - 40
    assert (radar.cx, radar.cy) == (280, 200)
    assert points[0] == pytest.approx((280, 200 - radius))
    assert points[1] == pytest.approx((280 + radius / 2, 200))
    assert points[2] == pytest.approx((280, 200))
    assert radar.comparison is None and len(radar.rings) == 4 and len(radar.labels) == 4


def test_line_chart_puts_higher_values_higher():
    chart = charts.line_chart([("1.1.", 20), ("1.2.", 80)])
    low, high = chart.points
    assert high.y < low.y and high.x > low.x


# --- recommendations ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_recommendations_cover_the_weakest_dimensions_with_articles_and_links():
    questionnaire = load_questionnaire()
    scores = questionnaire.score(
        answers_for_dimension_scores(
            cooperation=0, international=1, security=4, strategy=4, processes=4, market=4, skills=4
        )
    )
    recommendations = recommend(questionnaire, scores.by_dimension)
    assert [r.dimension.id for r in recommendations] == ["cooperation", "international"]
    cooperation = recommendations[0]
    assert cooperation.articles and all(a.published for a in cooperation.articles)
    urls = [link.url for link in cooperation.links]
    assert any(url.startswith(reverse("knowledge:list") + "?tag=") for url in urls)
    international = recommendations[1]
    assert any(link.url.startswith(reverse("registry:search") + "?q=") for link in international.links)
    assert "gemeinsam-ins-ausland" in {a.slug for a in international.articles}


@pytest.mark.django_db
def test_a_strong_result_still_gets_one_recommendation():
    questionnaire = load_questionnaire()
    recommendations = recommend(questionnaire, questionnaire.score(answers(4)).by_dimension)
    assert len(recommendations) == 1


# --- pages -------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_anonymous_check_keeps_the_result_in_the_session_and_stores_nothing(client):
    response = client.post(reverse("knowledge:selfcheck"), post_data(answers(3)))
    assert response.status_code == 302 and response["Location"] == reverse("knowledge:selfcheck_result")
    assert SelfCheckResult.objects.count() == 0
    page = client.get(reverse("knowledge:selfcheck_result"))
    html = page.content.decode()
    assert page.context["overall"] == 75
    assert 'role="img"' in html and '<title id="radar-title">' in html and '<desc id="radar-desc">' in html
    assert "<table>" in html and page.context["recommendations"]


@pytest.mark.django_db
def test_recommendations_on_the_page_link_to_articles_catalog_and_events(client):
    client.post(reverse("knowledge:selfcheck"), post_data(answers(1)))
    html = client.get(reverse("knowledge:selfcheck_result")).content.decode()
    recommended = [
        a
        for r in client.get(reverse("knowledge:selfcheck_result")).context["recommendations"]
        for a in r.articles
    ]
    assert recommended and all(a.get_absolute_url() in html for a in recommended)
    assert reverse("registry:search") + "?q=" in html
    assert reverse("events:list") in html


@pytest.mark.django_db
def test_incomplete_answers_show_the_form_again_with_errors_and_store_nothing(client):
    values = answers(2)
    del values["security-3"]
    response = client.post(reverse("knowledge:selfcheck"), post_data(values, **{"strategy-1": "9"}))
    assert response.status_code == 200
    form = response.context["form"]
    assert "security-3" in form.errors and "strategy-1" in form.errors
    assert SelfCheckResult.objects.count() == 0 and "knowledge_selfcheck" not in client.session


@pytest.mark.django_db
def test_result_page_without_a_check_redirects_to_the_form(client):
    response = client.get(reverse("knowledge:selfcheck_result"))
    assert response.status_code == 302 and response["Location"] == reverse("knowledge:selfcheck")


@pytest.mark.django_db
def test_member_saves_for_their_company_and_sees_progress_over_time(client):
    company = CompanyFactory(hub_id="kassel")
    user = member_of(company)
    client.force_login(user)
    client.post(reverse("knowledge:selfcheck"), post_data(answers(1), company=company.pk))
    response = client.post(reverse("knowledge:selfcheck"), post_data(answers(3), company=company.pk))
    results = list(SelfCheckResult.objects.filter(company=company).order_by("created", "pk"))
    assert [r.overall for r in results] == [25, 75] and results[-1].created_by == user
    assert response["Location"] == results[-1].get_absolute_url()
    page = client.get(results[-1].get_absolute_url())
    assert page.context["history_chart"] is not None and len(page.context["history"]) == 2
    history = client.get(reverse("knowledge:selfcheck_history", args=[company.external_id]))
    assert history.status_code == 200 and len(history.context["history"]) == 2


@pytest.mark.django_db
def test_repeating_starts_from_the_previous_answers(client):
    company = CompanyFactory()
    client.force_login(member_of(company))
    result = saved_result(company, value=4)
    form = client.get(reverse("knowledge:selfcheck"), {"von": result.pk}).context["form"]
    assert form.initial["strategy-1"] == 4 and form.initial["company"] == company.pk


@pytest.mark.django_db
def test_member_may_also_check_without_saving(client):
    company = CompanyFactory()
    client.force_login(member_of(company))
    response = client.post(reverse("knowledge:selfcheck"), post_data(answers(2), company=""))
    assert response["Location"] == reverse("knowledge:selfcheck_result")
    assert SelfCheckResult.objects.count() == 0


@pytest.mark.django_db
def test_hub_average_uses_each_companys_latest_result_and_needs_enough_companies():
    first, second, third = (CompanyFactory(hub_id="kassel") for _ in range(3))
    saved_result(first, value=0)
    saved_result(first, value=4)  # the latest result of `first` counts, not both
    saved_result(second, value=2)
    saved_result(CompanyFactory(hub_id="berlin"), value=0)
    from itkoop.core.models import Hub

    kassel = Hub.objects.get(slug="kassel")
    assert MIN_COMPANIES_FOR_AVERAGE == 3 and hub_average(kassel) is None
    saved_result(third, value=0)
    average = hub_average(kassel)
    assert average.companies == 3
    assert average.overall == round((100 + 50 + 0) / 3)
    assert average.scores["strategy"] == 50


@pytest.mark.django_db
def test_result_page_compares_with_the_hub_average(client):
    for value in (0, 2, 4):
        saved_result(CompanyFactory(hub_id="aachen"), value=value)
    client.post(reverse("knowledge:selfcheck"), post_data(answers(3), hub="aachen"))
    page = client.get(reverse("knowledge:selfcheck_result"))
    assert page.context["average"].overall == 50
    assert page.context["radar"].comparison is not None
    html = page.content.decode()
    assert "stroke-dasharray" in html and "gestrichelt" in html


@pytest.mark.django_db
def test_too_few_hub_results_explain_why_there_is_no_average(client):
    saved_result(CompanyFactory(hub_id="berlin"), value=1)
    client.post(reverse("knowledge:selfcheck"), post_data(answers(3), hub="berlin"))
    page = client.get(reverse("knowledge:selfcheck_result"))
    assert page.context["average"] is None and "zu wenige" in page.content.decode()


@pytest.mark.django_db
def test_chart_coordinates_are_not_localised_with_decimal_commas(client):
    for value in (0, 2, 4):
        saved_result(CompanyFactory(hub_id="aachen"), value=value)
    client.post(reverse("knowledge:selfcheck"), post_data(answers(3), hub="aachen"))
    html = client.get(reverse("knowledge:selfcheck_result")).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    import re

    assert not re.search(r'(x|y|x1|y1|x2|y2|cx|cy)="[0-9]+,[0-9]', svg)


@pytest.mark.django_db
def test_the_self_check_works_in_english(client):
    response = client.get("/en/wissen/selbstcheck/")
    assert "Strategy and business model" in response.content.decode()


@pytest.mark.django_db
def test_weak_cooperation_readiness_links_to_joint_offers_and_the_marketplace(client):
    client.post(reverse("knowledge:selfcheck"), post_data(answers_for_dimension_scores(cooperation=0)))
    recommendations = client.get(reverse("knowledge:selfcheck_result")).context["recommendations"]
    urls = [link.url for link in recommendations[0].links]
    assert recommendations[0].dimension.id == "cooperation"
    assert reverse("matching:need") in urls and reverse("cooperation:market") in urls


@pytest.mark.django_db
def test_a_saved_result_suggests_the_companys_own_partners(client):
    company = CompanyFactory()
    client.force_login(member_of(company))
    values = answers_for_dimension_scores(cooperation=0)
    response = client.post(reverse("knowledge:selfcheck"), post_data(values, company=company.pk))
    page = client.get(response["Location"])
    urls = [link.url for rec in page.context["recommendations"] for link in rec.links]
    assert reverse("matching:partners", args=[company.external_id]) in urls
