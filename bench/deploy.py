"""7. Deployed: replicas behind HAProxy (`deploy/`), against one `streamlit run` process."""

from __future__ import annotations

from typing import Any

from bench.browser import phone_visit
from bench.common import Row, Sizes, median, ms, p95
from bench.crowd import Crowd, run_crowd
from deploy.local import Cluster
from deploy.processes import find_haproxy
from tools.live_server import find_chromium

SECTION = "7. Deployed"


def _crowd_rows(
    label: str, crowd: Crowd, direct: Crowd | None, *, half_goal: bool = False
) -> list[Row]:
    rows = []
    for stat, fn in (("p50", median), ("p95", p95)):
        seconds = fn(crowd.first_table) if crowd.first_table else float("nan")
        against = ""
        goal = ""
        if direct is not None and direct.first_table:
            one = fn(direct.first_table)
            against = f"{seconds / one:.2f}× one process"
            if stat == "p50" and half_goal:
                goal = "< 0.50× one process" + (" ✓" if seconds < one / 2 else " ✗")
        rows.append(Row(SECTION, f"{label}: {stat} first table", ms(seconds), "", against, goal))
    rows.append(Row(SECTION, f"{label}: errors", str(crowd.errors), "", "", "none"))
    rows.append(
        Row(
            SECTION,
            f"{label}: largest replica's memory, sessions open",
            f"{crowd.largest_kib / 1024:.0f} MB",
            "",
            "",
            "sets Kubernetes requests",
        )
    )
    return rows


def _first_visit_bytes(browser: Any, url: str) -> int:
    """Bytes on the wire for a first visit to Compare, until its table is drawn."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    devtools = context.new_cdp_session(page)
    devtools.send("Network.enable")
    moved: list[int] = []
    devtools.on("Network.loadingFinished", lambda event: moved.append(event["encodedDataLength"]))
    page.goto(url)
    page.wait_for_selector("[data-testid='stMarkdownContainer'] table", timeout=120_000)
    page.wait_for_timeout(1000)
    context.close()
    return sum(moved)


def deploy_rows(sizes: Sizes, app_url: str, app_pid: int) -> list[Row]:
    """A crowd through 1 and 2 replicas; a slow phone and the bytes of a first visit."""
    if find_haproxy() is None:
        return [Row(SECTION, "skipped: HAProxy not found", "")]
    size = max(sizes.crowds)
    rows: list[Row] = []
    direct = run_crowd(app_url, [app_pid], size)
    rows += _crowd_rows(f"{size} sessions, one process, no balancer", direct, None)
    for replicas in (1, 2):
        with Cluster(replicas=replicas) as cluster:
            # Like the one process, which earlier sections have used: each
            # replica has served a page before the crowd comes.
            for replica in cluster.running:
                run_crowd(replica.url, [replica.process.pid], 1)
            pids = [replica.process.pid for replica in cluster.running]
            crowd = run_crowd(cluster.url, pids, size, like_a_browser=True)
            label = f"{replicas} replica{'s' if replicas > 1 else ''} behind HAProxy"
            rows += _crowd_rows(f"{size} sessions, {label}", crowd, direct, half_goal=replicas == 2)

    path = find_chromium()
    if path is None:
        return [*rows, Row(SECTION, "phone and bytes skipped: Chromium not found", "")]
    from playwright.sync_api import sync_playwright

    with Cluster(replicas=2) as cluster, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
        )
        phone: dict[str, list[float]] = {"direct": [], "balanced": []}
        words: dict[str, list[float]] = {"direct": [], "balanced": []}
        for _ in range(sizes.phone_repeats):
            for name, url in (("direct", app_url), ("balanced", cluster.url)):
                visit = phone_visit(browser, url)
                phone[name].append(visit.facts)
                words[name].append(visit.words)
        direct_bytes = _first_visit_bytes(browser, app_url)
        balanced_bytes = _first_visit_bytes(browser, cluster.url)
        browser.close()
    slow, fast = median(phone["direct"]), median(phone["balanced"])
    rows.append(
        Row(
            SECTION,
            "phone on slow 3G (as 2b): first card, direct → through HAProxy",
            f"{ms(slow)} → {ms(fast)}",
            "",
            f"{fast / slow:.2f}×",
            "< 6 s through HAProxy" + (" ✓" if fast < 6 else " ✗"),
        )
    )
    plain, first = median(words["direct"]), median(words["balanced"])
    rows.append(
        Row(
            SECTION,
            "phone on slow 3G: first words on the screen, direct → through HAProxy "
            "(its first screen)",
            f"{ms(plain)} → {ms(first)}",
            "",
            f"{first / plain:.2f}×",
            "< 3 s through HAProxy" + (" ✓" if first < 3 else " ✗"),
        )
    )
    rows.append(
        Row(
            SECTION,
            "bytes on the wire, first visit to Compare: direct → through HAProxy",
            f"{direct_bytes / 1e6:.2f} MB → {balanced_bytes / 1e6:.2f} MB",
            "",
            f"{balanced_bytes / direct_bytes:.2f}×",
        )
    )
    return rows
