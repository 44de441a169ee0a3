"""Bad bytes, bad paths, batches and writes, through the real CLI.

Binary and non-UTF-8 files, missing files, folders and pipes where files are expected, symlink
loops and symlinks leading out of a folder, odd file names, standard input, and every way a write
can fail: each gives a clear message and exit code, never a hang, a traceback or a lost file.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import DATA, ENV, ROOT, run_subprocess, write
from hostile import FW, HEAD, READERS, VALID, assert_clean_failure, write_bytes
from test_hostile_yaml import MALFORMED, NOT_A_CASE

STRONG = DATA / "mini-cases" / "strong.yaml"

# (id, bytes, line, a word of the message)
BAD_BYTES = [
    ("binary", bytes(range(256)) * 4, 1, "binary file"),
    ("utf-16", VALID.encode("utf-16"), 1, "binary file"),
    ("latin-1", HEAD.replace("A hostile", "Côte d'Ivoire").encode("latin-1"), 4, "not valid UTF-8"),
    ("invalid-utf-8", HEAD.encode() + b"answers:\n  \xff\xfe: 1\n", 7, "not valid UTF-8"),
    ("truncated-utf-8", HEAD.encode()[:-1] + b" \xc3", 5, "not valid UTF-8"),
    ("gzip", b"\x1f\x8b\x08\x00" + bytes(40), 1, "binary file"),
    ("pdf-like", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", 2, "not valid UTF-8"),
]


@pytest.mark.parametrize("command", READERS)
@pytest.mark.parametrize(
    ("ident", "data", "line", "word"), BAD_BYTES, ids=[row[0] for row in BAD_BYTES]
)
def test_bad_bytes(cli, tmp_path, command, ident, data, line, word):
    path = write_bytes(tmp_path / f"{ident}.yaml", data)
    assert word in assert_clean_failure(cli(*READERS[command](str(path))), 1, path, line)


ACCEPTED = [
    ("utf-8-bom", ("\ufeff" + VALID).encode()),
    ("crlf", VALID.replace("\n", "\r\n").encode()),
    ("bom-and-crlf", ("\ufeff" + VALID).replace("\n", "\r\n").encode()),
    ("no-final-newline", VALID.rstrip("\n").encode()),
    ("non-ascii-text", VALID.replace("A hostile", "Côte d’Ivoire — Абв 中文 ✓").encode()),
]


@pytest.mark.parametrize("command", READERS)
@pytest.mark.parametrize(("ident", "data"), ACCEPTED, ids=[row[0] for row in ACCEPTED])
def test_bom_crlf_and_unicode_are_accepted(cli, tmp_path, command, ident, data):
    path = write_bytes(tmp_path / f"{ident}.yaml", data)
    result = cli(*READERS[command](str(path)))
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_crlf_errors_keep_their_line(cli, tmp_path):
    path = write_bytes(tmp_path / "crlf.yaml", MALFORMED[0][1].replace("\n", "\r\n").encode())
    assert_clean_failure(cli("validate", path, *FW), 1, path, 9)


def _paths(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Explicitly named paths that are not readable case files, and what each must say."""
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(tmp_path / "loop2.yaml")
    (tmp_path / "loop2.yaml").symlink_to(loop)
    dangling = tmp_path / "dangling.yaml"
    dangling.symlink_to(tmp_path / "gone.yaml")
    return {
        "missing": (tmp_path / "missing.yaml", "no such file"),
        "folder": (folder, "folder"),
        "symlink-loop": (loop, "loops back on itself"),
        "dangling-symlink": (dangling, "symbolic link to a missing file"),
    }


@pytest.mark.parametrize("command", READERS)
@pytest.mark.parametrize("kind", ["missing", "folder", "symlink-loop", "dangling-symlink"])
def test_paths_that_are_not_readable_files(cli, tmp_path, command, kind):
    path, word = _paths(tmp_path)[kind]
    assert word in assert_clean_failure(cli(*READERS[command](str(path))), 1, path)


@pytest.mark.parametrize("kind", ["missing", "folder", "symlink-loop", "dangling-symlink"])
def test_framework_paths_that_are_not_readable_files(cli, tmp_path, kind):
    path, _ = _paths(tmp_path)[kind]
    result = cli("validate", STRONG, "--framework", path)
    assert result.exit_code == 2 and "Traceback" not in result.stdout + result.stderr
    assert str(path) in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file(cli, tmp_path):
    path = write(tmp_path / "secret.yaml", VALID)
    path.chmod(0)
    assert "permission denied" in assert_clean_failure(cli("score", path, *FW), 1, path)


def test_a_named_pipe_never_hangs(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    result = run_subprocess("validate", fifo, *FW)  # no writer: read at once as empty
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    assert f"{fifo}: error: is empty".encode() in result.stderr
    folder = tmp_path / "batch"
    write(folder / "ok.yaml", VALID)
    os.mkfifo(folder / "pipe.yaml")
    result = run_subprocess("score", folder, *FW, "--format", "json")
    assert result.returncode == 1 and b"not a regular file" in result.stderr
    assert json.loads(result.stdout)["summary"] == {"files": 2, "valid": 1, "invalid": 1}


def test_process_substitution_pipes_are_read(tmp_path):
    script = f'exec "{sys.executable}" -m sanctions_check validate <(cat "{STRONG}") "$@"'
    result = subprocess.run(
        ["bash", "-c", script, "bash", *FW],
        capture_output=True,
        timeout=60,
        env={**os.environ, **ENV, "PYTHONPATH": str(ROOT / "src")},
    )
    assert result.returncode == 0, result.stderr
    assert b": ok" in result.stdout


def test_an_endless_device_stops_at_the_size_limit():
    result = run_subprocess("validate", "/dev/zero", *FW)
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    assert b"/dev/zero: error: is 2,097,153 bytes, over the 2,097,152-byte limit" in result.stderr


@pytest.mark.parametrize(
    "name",
    [
        "with space.yaml",
        "Côte d’Ivoire 2011.yaml",
        "中文 案例.yml",
        "-starts-with-dash.yaml",
        "=1+1.yaml",
    ],
)
def test_file_names_with_spaces_and_non_ascii(cli, tmp_path, name):
    good = write(tmp_path / "good" / name, VALID)
    result = cli("score", "--format", "csv", *FW, "--", str(good))
    assert result.exit_code == 0, result.stderr
    cell = next(csv_line for csv_line in result.stdout.splitlines()[1:])
    assert name.lstrip("=") in cell
    assert not cell.startswith("="), "a file name starting with = must not become a formula"
    bad = write(tmp_path / "bad" / name, MALFORMED[0][1])
    assert_clean_failure(cli("validate", *FW, "--", str(bad)), 1, bad, 9)


def test_control_characters_in_file_names_cannot_forge_output(cli, tmp_path):
    name = "evil\n/etc/passwd:1:1: error: forged\x1b[31m.yaml"
    good = write(tmp_path / "good" / name, VALID)
    bad = write(tmp_path / "bad" / name, MALFORMED[0][1])
    result = cli("validate", *FW, "--", str(good), str(bad))
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout + result.stderr
    assert not any(
        line.startswith("/etc/passwd") for line in (result.stdout + result.stderr).splitlines()
    )
    assert "evil?/etc/passwd:1:1: error: forged?[31m.yaml:9:" in result.stderr


STDIN = [
    ("binary", bytes(range(256)), 1, "binary file"),
    ("latin-1", HEAD.replace("A hostile", "Côte").encode("latin-1"), 4, "not valid UTF-8"),
    ("malformed", MALFORMED[0][1].encode(), 9, "expected"),
    ("not-a-case", b"- a\n- b\n", 1, "not a sanctions-check case file"),
]


@pytest.mark.parametrize("command", ["score", "validate", "report"])
@pytest.mark.parametrize(("ident", "data", "line", "word"), STDIN, ids=[row[0] for row in STDIN])
def test_standard_input(cli, command, ident, data, line, word):
    result = cli(command, "-", *FW, input=data)
    assert word in assert_clean_failure(result, 1, "<stdin>", line)


def test_standard_input_size_limit_and_a_valid_case(cli):
    result = cli("validate", "-", *FW, "--max-size", "100", input=VALID.encode())
    assert "over the 100-byte limit" in assert_clean_failure(result, 1, "<stdin>")
    result = cli("compare", STRONG, "-", *FW, input=VALID.encode())
    assert result.exit_code == 0, result.stderr


def test_symlinks_in_a_folder(cli, tmp_path):
    outside = write(tmp_path / "elsewhere" / "secret.yaml", "TOP-SECRET-LINE: do not quote\n")
    cases = tmp_path / "cases"
    write(cases / "real.yaml", VALID)
    (cases / "to-secret.yaml").symlink_to(outside)
    (cases / "inside.yaml").symlink_to(cases / "real.yaml")
    (cases / "loop").mkdir()
    (cases / "loop" / "again").symlink_to(cases, target_is_directory=True)
    (cases / "a.yaml").symlink_to(cases / "b.yaml")
    (cases / "b.yaml").symlink_to(cases / "a.yaml")
    write(cases / ".hidden.yaml", "broken: [\n")
    write(cases / ".git" / "config.yaml", "broken: [\n")
    result = cli("score", cases, *FW, "--format", "json")
    assert result.exit_code == 1
    assert "TOP-SECRET" not in result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert [row["file"] for row in report["cases"]] == [str(cases / "inside.yaml")]
    invalid = {problem["file"]: problem["message"] for problem in report["invalid"]}
    assert "outside" in invalid[str(cases / "to-secret.yaml")]
    assert "loops back" in invalid[str(cases / "a.yaml")]
    assert "case id 'hostile' is also used by" in result.stderr  # real.yaml: read twice
    assert report["summary"] == {"files": 5, "valid": 1, "invalid": 4}
    assert not any(".hidden" in name or ".git" in name for name in invalid)


def test_an_empty_folder(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    stderr = assert_clean_failure(cli("score", tmp_path / "empty", *FW), 1, tmp_path / "empty")
    assert "holds no *.yaml" in stderr


def _batch(tmp_path: Path) -> tuple[Path, int]:
    folder = tmp_path / "batch"
    write(folder / "good-1.yaml", VALID)
    write(folder / "good-2.yaml", VALID.replace("id: hostile", "id: hostile-2"))
    bad = 0
    for ident, text, *_ in MALFORMED + NOT_A_CASE:
        write(folder / "bad" / f"{ident}.yaml", text)
        bad += 1
    for ident, data, *_ in BAD_BYTES:
        write_bytes(folder / "bytes" / f"{ident}.yml", data)
        bad += 1
    return folder, bad


def test_one_bad_file_never_stops_the_others(cli, tmp_path):
    folder, bad = _batch(tmp_path)
    result = cli("score", folder, *FW, "--format", "json")
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert [row["id"] for row in report["cases"]] == ["hostile", "hostile-2"]
    assert report["summary"] == {"files": bad + 2, "valid": 2, "invalid": bad}
    assert len({problem["file"] for problem in report["invalid"]}) == bad
    assert result.stderr.rstrip().endswith(f"2 case(s) scored, {bad} invalid.")
    for fmt in ("table", "csv", "markdown"):
        result = cli("score", folder, *FW, "--format", fmt)
        assert result.exit_code == 1 and "hostile-2" in result.stdout
    result = cli("validate", folder, *FW)
    assert result.exit_code == 1 and result.stdout.count(": ok") == 2
    assert result.stderr.rstrip().endswith(f"2 valid, {bad} invalid.")


def test_the_whole_hostile_batch_on_real_stdio(tmp_path):
    """The same batch in a fresh process, with real standard streams: no traceback anywhere."""
    folder, bad = _batch(tmp_path)
    for command in ("score", "validate"):
        result = run_subprocess(command, folder, *FW)
        assert result.returncode == 1
        stderr = result.stderr.decode()
        assert "Traceback" not in stderr and "Exception ignored" not in stderr
        assert stderr.rstrip().endswith(f"{bad} invalid.")
        assert sum(line.startswith(str(folder)) for line in stderr.splitlines()) >= bad


def test_a_batch_with_parallel_workers_gives_the_same_result(cli, tmp_path):
    folder, _ = _batch(tmp_path)
    one = cli("score", folder, *FW, "--format", "json", "--jobs", "1")
    two = cli("score", folder, *FW, "--format", "json", "--jobs", "2")
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout


def test_parallel_workers_need_no_fork(cli, tmp_path):
    """Under spawn (macOS's and Windows' default; nothing inherited from the parent) the workers
    score exactly as one process does: the batch uses the platform's start method as it is."""
    folder, _ = _batch(tmp_path)
    one = cli("score", folder, *FW, "--format", "json", "--jobs", "1")
    before = multiprocessing.get_start_method(allow_none=True)
    multiprocessing.set_start_method("spawn", force=True)
    try:
        two = cli("score", folder, *FW, "--format", "json", "--jobs", "2")
    finally:
        multiprocessing.set_start_method(before, force=True)
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout


def _run(
    *args: object, stdout=subprocess.PIPE, preexec_fn=None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "sanctions_check", *map(str, args)],
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=60,
        env={**os.environ, **ENV},
        preexec_fn=preexec_fn,
    )


def test_an_existing_file_is_never_overwritten_without_force(cli, tmp_path):
    target = write(tmp_path / "mine.yaml", "precious analyst work\n")
    for args in (
        ["new", *FW, "-o", target],
        ["report", STRONG, *FW, "-f", "html", "-o", target],
        ["compare", STRONG, STRONG, *FW, "-f", "markdown", "-o", target],
    ):
        stderr = assert_clean_failure(cli(*args), 1, target)
        assert "already exists; use --force" in stderr
        assert target.read_text() == "precious analyst work\n"
    assert cli("report", STRONG, *FW, "-f", "markdown", "-o", target, "--force").exit_code == 0
    assert target.read_text().startswith("#")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.yaml"], "no temporary files left"


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_device_pipe_or_folder_is_never_replaced_by_a_write(cli, tmp_path, force):
    """As root, a rename over /dev/null would replace the device; every write refuses instead."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    for target, code, says in ((fifo, 1, "is not a regular file"), (folder, 2, "is a directory")):
        for args in (
            ["new", *FW, "-o", target, *force],
            ["report", STRONG, *FW, "-f", "markdown", "-o", target, *force],
        ):
            stderr = assert_clean_failure(cli(*args), code, target)
            assert says in stderr
    assert fifo.is_fifo() and folder.is_dir() and not any(folder.iterdir())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "pipe"]


def _limit_file_size(size: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return apply


def test_a_failed_write_keeps_the_old_file(tmp_path):
    """A write that fails half-way (EFBIG here, as a full disk would) leaves the old file whole."""
    target = write(tmp_path / "case.yaml", "precious analyst work\n")
    for args in (
        ["new", *FW, "-o", target, "--force"],
        ["report", STRONG, *FW, "-f", "html", "-o", target, "--force"],
    ):
        result = _run(*args, preexec_fn=_limit_file_size(1000))
        assert result.returncode == 1, result.stderr
        assert b"Traceback" not in result.stderr
        assert f"cannot write {target}: File too large; nothing was changed".encode() in (
            result.stderr
        )
        assert target.read_text() == "precious analyst work\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["case.yaml"]


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder no one may write to: a read-only mount for root, a 0555 folder for others."""
    folder = tmp_path / "ro"
    folder.mkdir()
    write(folder / "case.yaml", "precious analyst work\n")
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    mounted = subprocess.run(
        ["mount", "--bind", "-o", "ro", str(folder), str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("cannot make a read-only folder as root here")
    subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], capture_output=True)
    try:
        if os.access(folder, os.W_OK) and _writable(folder):
            pytest.skip("the read-only mount is writable")
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True)


def _writable(folder: Path) -> bool:
    try:
        (folder / ".probe").write_text("x")
    except OSError:
        return False
    (folder / ".probe").unlink()
    return True


def test_a_read_only_folder(cli, read_only_folder):
    target = read_only_folder / "case.yaml"
    for args in (
        ["new", *FW, "-o", read_only_folder / "new.yaml"],
        ["new", *FW, "-o", target, "--force"],
        ["report", STRONG, *FW, "-f", "json", "-o", target, "--force"],
    ):
        stderr = assert_clean_failure(cli(*args), 1, read_only_folder)
        assert "cannot write" in stderr
    assert target.read_text() == "precious analyst work\n"
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["case.yaml"]


@pytest.mark.parametrize(
    "args",
    [
        ["new", *FW],
        ["score", STRONG, *FW, "-f", "json"],
        ["report", STRONG, *FW, "-f", "html"],
        ["compare", STRONG, STRONG, *FW],
        ["factors", *FW],
        ["--version"],  # answered by the entry point itself, before the command line loads
    ],
)
def test_standard_output_on_a_full_disk(args):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        result = _run(*args, stdout=full)
    assert result.returncode == 1
    assert (
        result.stderr.decode()
        .strip()
        .endswith("error: cannot write the output: No space left on device")
    ), result.stderr
    assert b"Traceback" not in result.stderr and b"Exception ignored" not in result.stderr


def test_writing_into_a_missing_folder(cli, tmp_path):
    target = tmp_path / "no" / "such" / "folder" / "case.yaml"
    stderr = assert_clean_failure(cli("new", *FW, "-o", target), 1, target)
    assert "No such file or directory" in stderr
