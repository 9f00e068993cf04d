"""Reviews made at once through the web: 16 signed-in reviewers post 208 accepts and
rejects on 4 claims to a real uvicorn server over a real SQLite file. Each route writes
through Store.transaction() (the write lock from the start), so every claim's history is a
true chain (each 'before' is the previous 'after') and its stored status is its last
decision."""
from __future__ import annotations

import random
import threading
from pathlib import Path

import httpx

from orgline.web.app import create_app

from test_review_integrity import assert_chains
from webserver import TOKEN, build_store, claim_ids, serving, sign_in

REVIEWERS, EACH = 16, 13


def test_concurrent_web_reviews_form_a_chain(tmp_path: Path) -> None:
    db = build_store(tmp_path)
    with serving(create_app(db, TOKEN)) as base:
        targets = (claim_ids(base, "Riverside Printers Guild") + claim_ids(base, "Kiln Workers Society"))[:4]
        assert len(targets) == 4
        errors: list[BaseException] = []
        codes: list[int] = []
        start = threading.Barrier(REVIEWERS)

        def reviewer(n: int) -> None:
            pick = random.Random(n)
            try:
                with httpx.Client(base_url=base, timeout=60) as client:
                    csrf = sign_in(client, f"reviewer-{n}")
                    start.wait()
                    for _ in range(EACH):
                        action = pick.choice(["accept", "reject"])
                        r = client.post(f"/claim/{pick.choice(targets)}/review",
                                        data={"action": action, "csrf": csrf, "next": "/"})
                        codes.append(r.status_code)
            except BaseException as e:  # noqa: BLE001 — reported in the test's thread
                errors.append(e)

        threads = [threading.Thread(target=reviewer, args=(n,)) for n in range(REVIEWERS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == []
    assert codes == [303] * (REVIEWERS * EACH)
    assert assert_chains(db) == REVIEWERS * EACH
