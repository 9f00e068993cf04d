"""Property tests against a real server over a real store: schemathesis generates requests
from ``/openapi.json`` (values that fit the schema and values that do not), hypothesis
posts random form values (any unicode, huge integers, long strings, raw bytes) to the
review forms of a signed-in session. No response is a 500, and every one carries the
security headers. Examples are few, so that these stay within seconds."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
from schemathesis.generation.modes import GenerationMode
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgline.web.app import create_app

from webserver import TOKEN, build_store, claim_ids, entity_id, serving, sign_in

QUICK = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                 database=None)  # the same examples on every run: a failure here is reproducible
HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(create_app(build_store(tmp_path_factory.mktemp("props")), TOKEN)) as base:
        yield base


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
def test_the_api_answers_every_generated_request_without_a_500(server: str, mode: Any) -> None:
    """Every operation in the served schema, with requests that fit it and requests that
    break it. (Schemathesis' pytest plugin does not run under this pytest, so its
    strategies are used through hypothesis directly.)"""
    schema = schemathesis.openapi.from_url(f"{server}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/api/search", "/api/entities/{entity_id}", "/api/timeline"}
    for operation in operations:
        @given(case=operation.as_strategy(generation_mode=mode))
        @QUICK
        def answers(case: Any) -> None:
            response = case.call(base_url=server)
            assert response.status_code < 500, (case.path, case.path_parameters, case.query, response.text[:200])
            assert all(h in response.headers for h in HEADERS)
        answers()


@pytest.fixture(scope="module")
def signed_in(server: str) -> Iterator[tuple[httpx.Client, str]]:
    with httpx.Client(base_url=server) as client:
        yield client, sign_in(client)


def _ok(r: httpx.Response) -> None:
    assert r.status_code < 500, (r.request.url, r.text[:200])
    assert all(h in r.headers for h in HEADERS)


anything = st.one_of(st.text(max_size=80), st.text(max_size=3000), st.integers().map(str),
                     st.sampled_from(["#²", "#" + "9" * 25, "Y17E700", "1985-02-29", "2000/1990", "../..",
                                      "\x00", "é" * 70, "accept", "reject", "edit", "on"]))
ids = st.one_of(st.integers(min_value=-(2**70), max_value=2**70), st.sampled_from([1, 2, 3, 2**63 - 1, 2**63]))


@given(claim=ids, action=anything, date=anything, end=anything, value=anything, negated=anything, next_=anything)
@QUICK
def test_review_forms_take_any_values_without_a_500(signed_in: tuple[httpx.Client, str], claim: int, action: str,
                                                   date: str, end: str, value: str, negated: str, next_: str) -> None:
    client, csrf = signed_in
    _ok(client.post(f"/claim/{claim}/review", data={"action": action, "csrf": csrf, "date": date, "end": end,
                                                     "value": value, "negated": negated, "next": next_}))


@given(entity=ids, other=anything, csrf=st.one_of(st.none(), anything))
@QUICK
def test_merge_and_timeline_take_any_values_without_a_500(signed_in: tuple[httpx.Client, str], entity: int,
                                                          other: str, csrf: str | None) -> None:
    client, good = signed_in
    _ok(client.post(f"/entity/{entity}/merge", data={"other": other, "csrf": good if csrf is None else csrf}))
    _ok(client.get("/timeline", params={"ids": f"{entity},1", "add": other}))
    _ok(client.get("/", params={"q": other}))


@given(body=st.binary(max_size=2000), path=st.sampled_from(["/login", "/logout", "/claim/1/review", "/entity/1/merge"]))
@QUICK
def test_raw_form_bodies_never_fail(signed_in: tuple[httpx.Client, str], body: bytes, path: str) -> None:
    client, _ = signed_in
    _ok(client.post(path, content=body, headers={"content-type": "application/x-www-form-urlencoded"}))


def test_the_real_claims_are_still_there(server: str) -> None:
    """The random edits went through the same checks: the store still reads."""
    assert claim_ids(server, "Kiln Workers Society") and entity_id(server, "Kiln Workers Society")
