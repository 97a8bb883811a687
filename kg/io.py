"""Atomic output: one file at a time (``atomic_open``) and a whole output folder (``OutputFolder``).

``atomic_open`` writes to a temporary file beside the target, then renames it over the target, so
a reader never sees a half-written file.

``OutputFolder`` makes a build's output folder one unit: the build writes every file into a fresh
*stage* folder beside it, and ``commit`` swaps the stage in for the folder in one rename. Readers
see the old build or the new one, never a mix; a build that fails or is killed leaves the folder
as it was. Around that:

- a lock file beside the folder, there while a build runs, keeps a second build from writing
  the folder at the same time;
- what is not the build's in the folder (its ``.cache``, a user's notes) is carried into the new
  folder; files an earlier build wrote but this one did not (an export no longer asked for) are
  not, so no stale file sits beside a new graph. The manifest ``.kg-build.json`` names a build's
  files, so the next one knows which are whose;
- stages and old folders left by a killed build are cleaned up by the next one.

A folder that cannot be renamed (a mount point, such as a container's volume, or one whose parent
the user may not write) is built in place instead: the stage and the lock go inside it, and the
commit moves the build's files in one by one (each atomically, the ``views`` folder too). A
reader may then see, for a moment, some files of each build; a killed build is still cleaned up.
"""
from __future__ import annotations

import ctypes
import errno
import json
import os
import shutil
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path

from kg.errors import OutputError

MANIFEST = ".kg-build.json"
# What a build writes at the top of its folder, also when an older build left no manifest.
BUILD_FILES = frozenset({"graph.ttl", "graph.nt", "graph.jsonld", "graph.graphml", "views",
                         MANIFEST})


@contextmanager
def atomic_open(path, mode: str = "w", encoding: str | None = "utf-8"):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        kwargs = {"encoding": encoding, "newline": "\n"} if "b" not in mode else {}
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_text_atomic(path, text: str) -> None:
    with atomic_open(path) as handle:
        handle.write(text)


def move_tree(source, target) -> None:
    """Move every file under ``source`` to the same place under ``target`` (replacing what is
    there, each in one rename), then remove ``source``. Both on one file system."""
    source, target = Path(source), Path(target)
    if not source.is_dir():
        return
    for folder, _, names in os.walk(source):
        into = target / Path(folder).relative_to(source)
        for name in names:
            into.mkdir(parents=True, exist_ok=True)
            os.replace(Path(folder) / name, into / name)
    shutil.rmtree(source, ignore_errors=True)


class OutputFolder:
    """``with OutputFolder(out) as folder:`` write the build into ``folder.stage``, then
    ``folder.commit()``.

    Leaving the block without ``commit`` (an error, Ctrl-C) removes the stage: nothing is written.
    Raises ``OutputError`` when the folder cannot be written or another build holds it.
    """

    def __init__(self, out):
        out = Path(out)
        self.out = out.resolve() if out.is_symlink() else out  # swap the folder, not the link
        self.stage: Path | None = None
        self._lock: int | None = None
        self._lock_path: Path | None = None
        self.in_place = False

    def __enter__(self) -> OutputFolder:
        out = self.out
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            if out.exists() and not out.is_dir():
                raise OutputError(out, "is a file, not a folder")
            self.in_place = out.is_dir() and (os.path.ismount(out)
                                              or not os.access(out.parent, os.W_OK))
            home = out if self.in_place else out.parent
            self._lock_path = home / f".{out.name}.lock"
            self._lock = _lock(self._lock_path)
            if self._lock is None:
                raise OutputError(out, "another build is writing this folder; wait for it to "
                                       "finish or build into another folder")
            self._clean_leftovers(home)
            self.stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.build-", dir=home))
            os.chmod(self.stage, _folder_mode(out))  # mkdtemp's 0700 would hide the views
        except OSError as error:
            self._unlock()
            raise _output_error(out, error) from None
        except BaseException:
            self._unlock()
            raise
        return self

    def commit(self) -> None:
        """Swap the stage in for the folder: from here on, the folder is the new build."""
        stage, out = self.stage, self.out
        try:
            names = sorted(p.name for p in stage.iterdir())
            write_text_atomic(stage / MANIFEST, json.dumps({"files": names}, indent=1) + "\n")
            if self.in_place:
                _move_in(stage, out, names)
                self.stage = None
                shutil.rmtree(stage, ignore_errors=True)
                return
            if out.exists():
                for entry in _carried(out, set(names)):
                    os.rename(entry, stage / entry.name)
            old = _swap(stage, out)
        except OSError as error:
            raise _output_error(out, error) from None
        self.stage = None
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def __exit__(self, *exc) -> None:
        if self.stage is not None:  # failed, or interrupted (perhaps while carrying things over)
            _remove_stage(self.stage, self.out, give_back=not self.in_place)
            self.stage = None
        self._unlock()

    def _clean_leftovers(self, home: Path) -> None:
        """Stages and old folders beside ours (or in it) are a killed build's: we hold the lock."""
        out = self.out
        left = sorted(home.glob(f".{out.name}.build-*")) + sorted(home.glob(f".{out.name}.old-*"))
        if not out.exists():  # killed between the two renames of a swap without RENAME_EXCHANGE
            old = [p for p in left if ".old-" in p.name]
            if old:
                os.rename(old[-1], out)
                left.remove(old[-1])
        for folder in left:
            _remove_stage(folder, out, give_back=not self.in_place)
        if out.is_dir():
            for tmp in out.glob(".*.tmp"):  # a file of a killed build of an older version
                tmp.unlink()

    def _unlock(self) -> None:
        if self._lock is not None:
            try:
                os.unlink(self._lock_path)
            except OSError:
                pass
            os.close(self._lock)  # closing the file releases its lock
            self._lock = None


def _remove_stage(stage: Path, out: Path, give_back: bool = True) -> None:
    """Remove a stage, giving back to ``out`` what a commit had begun to carry over (the cache, a
    user's files): a stage with a manifest holds, besides its build, only such things. (A commit
    in place carries nothing.)"""
    if give_back and (stage / MANIFEST).exists() and out.is_dir():
        for entry in _carried(stage, set()):
            if not (out / entry.name).exists():
                os.rename(entry, out / entry.name)
    shutil.rmtree(stage, ignore_errors=True)


def _folder_mode(out: Path) -> int:
    """The mode the folder has, or the one a plain ``mkdir`` would give it."""
    if out.is_dir():
        return stat.S_IMODE(out.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o777 & ~umask


def _own(folder: Path) -> set[str]:
    """The names a build wrote in ``folder``: its manifest's, and the known ones."""
    try:
        own = set(json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["files"])
    except (OSError, ValueError, KeyError, TypeError):
        own = set()
    return own | BUILD_FILES


def _carried(folder: Path, new: set[str]) -> list[Path]:
    """What in ``folder`` is not a build's own (nor in ``new``): to carry into the next one."""
    own = _own(folder) | new
    return sorted(p for p in folder.iterdir()
                  if p.name not in own and not (p.name.startswith(".") and p.name.endswith(".tmp")))


def _move_in(stage: Path, out: Path, names: list[str]) -> None:
    """Commit in place: each of the build's files replaces its namesake in ``out``, and files
    the earlier build wrote but this one did not are removed."""
    earlier = _own(out) - {MANIFEST}
    for name in [*names, MANIFEST]:  # the manifest last: it names a complete build
        new, target = stage / name, out / name
        if target.is_dir() and not target.is_symlink():
            try:
                _exchange(new, target)  # the old folder is now in the stage, removed with it
                continue
            except OSError:
                os.rename(target, stage / f".old-{name}")
        os.replace(new, target)
    for name in sorted(earlier - set(names)):
        stale = out / name
        if stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale)
        elif stale.exists() or stale.is_symlink():
            stale.unlink()


def _swap(stage: Path, out: Path) -> Path | None:
    """Put ``stage`` where ``out`` is; returns where the old ``out`` now is (to remove), if any."""
    if not out.exists():
        os.rename(stage, out)
        return None
    try:
        _exchange(stage, out)
        return stage
    except OSError:  # not Linux, or a file system without RENAME_EXCHANGE: two renames
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        os.rmdir(old)  # mkdtemp only found a free name
        os.rename(out, old)
        os.rename(stage, out)  # killed in between: the next build renames old back
        return old


def _exchange(a: Path, b: Path) -> None:
    """Swap two paths atomically (Linux ``renameat2(RENAME_EXCHANGE)``)."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available")
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))


def _lock(path: Path) -> int | None:
    """An exclusive lock on ``path`` (its file descriptor), or None if another process holds it.

    The holder removes the file when done, so none is left beside the folder; a lock taken on a
    file that was removed meanwhile is no lock, and is taken again on the new file.
    """
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; builds are not guarded against each other
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        try:
            if os.stat(path).st_ino == os.fstat(fd).st_ino:
                return fd
        except FileNotFoundError:
            pass
        os.close(fd)


def _output_error(out: Path, error: OSError) -> OutputError:
    if error.errno == errno.EROFS:
        return OutputError(out, "cannot write here: the file system is read-only")
    if error.errno in (errno.EACCES, errno.EPERM):
        return OutputError(out, f"cannot write here: permission denied ({error.filename})")
    if error.errno in (errno.ENOTDIR, errno.EEXIST):
        return OutputError(out, "cannot be a folder: a part of the path is a file")
    return OutputError(out, f"cannot write here: {error.strerror or error}")
