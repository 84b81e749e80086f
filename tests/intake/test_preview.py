"""The one-case preview (`advocacy preview`): the case, the cases it names and those naming it, and nothing else."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
from pathlib import Path

import pytest

from advocacy.content.project import load_project
from advocacy.intake.preview import case_addresses, make_preview
from tests.support.building import build, warnings
from tests.support.paths import ADVOCACY, ROOT
from tests.support.project import VALID_CASE, VALID_TRANSLATION_FR, ProjectFactory


def _case(title: str, related: str = "") -> str:
    text = VALID_CASE.replace("title: A blackout against a bad law", f"title: {title}")
    return text.replace("published: 2026-11-25", f"published: 2026-11-25\n{related}") if related else text


@pytest.mark.site
def test_preview_builds_the_case_and_the_cases_it_names_only(
    make_project: ProjectFactory, tmp_path: Path
) -> None:
    """A preview holds the edited case, the cases it names and those naming it, and nothing else."""
    project = make_project(
        {
            "cases/edited.md": _case("The edited case", "related: [named]"),
            "cases/edited.fr.md": VALID_TRANSLATION_FR,
            "cases/named.md": _case("A named case", "related: [far-away]"),
            "cases/naming.md": _case("A case naming it", "inspired_by: [edited]"),
            "cases/far-away.md": _case("A case far away"),
            "cases/unrelated.md": _case("An unrelated case"),
        }
    )
    out = tmp_path / "preview-site"
    result = subprocess.run(
        [str(ADVOCACY), "preview", "cases/edited.md", "--build", str(out)],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "preview built in" in result.stderr
    built = sorted(p.name for p in (out / "cases").iterdir())
    assert built == ["edited", "named", "naming"]
    assert (out / "fr" / "cases" / "edited" / "index.html").is_file()
    # A named case whose own neighbours are absent is still shown: the preview holds part of the repository.
    page = (out / "cases" / "edited" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../cases/named/index.html"' in page
    assert 'href="../../cases/naming/index.html"' in page
    assert not (out / "pagefind").exists()


def test_preview_of_a_file_outside_cases_is_a_usage_error(make_project: ProjectFactory) -> None:
    """Previewing something that is not a case file says what to give instead and exits with 2."""
    project = make_project({"cases/edited.md": VALID_CASE})
    result = subprocess.run(
        [str(ADVOCACY), "preview", "docs/index.md", "--build", "out"],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "not a case file; give a file of cases/ such as cases/x.md" in result.stderr


@pytest.mark.site
def test_the_preview_of_a_case_of_this_repository_is_quiet(tmp_path: Path) -> None:
    """`make preview CASE=cases/...` on the repository itself: the small site builds without a single warning
    (no manifesto or documentation page missing from it), and holds the case in each of its languages."""
    project = load_project(ROOT)
    case = next(iter(sorted(project.cases_dir.glob("turkey-wikipedia-block-2017.en.md"))))
    config = make_preview(project, case, tmp_path / "preview")
    result = build(config.parent)
    assert result.returncode == 0, result.stderr
    assert warnings(result.stderr) == []
    assert "Page skipped" not in result.stderr
    site = config.parent / "site"
    for address in case_addresses(project, case):
        assert (site / address / "index.html").is_file(), address


@pytest.mark.site
def test_a_case_with_an_error_shows_what_to_fix_at_its_address(
    make_project: ProjectFactory, tmp_path: Path
) -> None:
    """Once the case has an error, its address shows the problems (escaped) in each language it is written
    in, instead of a page that does not exist."""
    broken = _case("The <edited> case").replace("date: 2011-10-04", "date: April 2011")
    project = make_project({"cases/edited.md": broken, "cases/edited.fr.md": VALID_TRANSLATION_FR})
    out = tmp_path / "preview-site"
    result = subprocess.run(
        [str(ADVOCACY), "preview", "cases/edited.md", "--build", str(out)],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for page in (out / "cases/edited/index.html", out / "fr/cases/edited/index.html"):
        html = page.read_text(encoding="utf-8")
        assert "edited: 2 problems to fix" in html
        assert (
            '<code>cases/edited.md:4</code> date: "April 2011" is not a valid date: write "2011-04"</li>'
        ) in html
        assert "&lt;edited&gt;" in html and "<edited>" not in html


def test_a_port_in_use_is_replaced_by_a_free_one_and_the_case_is_opened(make_project: ProjectFactory) -> None:
    """With the port taken, the preview says so and serves on a free one (no OSError traceback); the address
    it prints is the case's page, in each language, not the home page; Ctrl+C stops it cleanly."""
    project = make_project(
        {"cases/edited.md": _case("The edited case"), "cases/edited.fr.md": VALID_TRANSLATION_FR}
    )
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        preview = subprocess.Popen(
            [str(ADVOCACY), "preview", "cases/edited.md", "--port", str(port)],
            cwd=project.root,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # a terminal of its own: Ctrl+C reaches the preview and its server
            preexec_fn=_interruptible,
        )
        assert preview.stderr is not None
        said = []
        try:
            for line in preview.stderr:
                said.append(line)
                if "Serving on" in line or "Traceback" in line:
                    break
        finally:
            os.killpg(preview.pid, signal.SIGINT)
            rest = preview.communicate(timeout=30)[1]
    text = "".join(said) + rest
    assert "Traceback" not in text and "OSError" not in text
    used = re.search(rf"port {port} is in use; using (\d+)", text)
    assert used is not None, text
    assert (
        f"Preview of cases/edited.md: http://127.0.0.1:{used[1]}/cases/edited/\n"
        f"  http://127.0.0.1:{used[1]}/fr/cases/edited/\n"
    ) in text
    assert preview.returncode in (0, -signal.SIGINT)


def _interruptible() -> None:
    """In the child, before it starts: SIGINT does what it does in a person's terminal."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
