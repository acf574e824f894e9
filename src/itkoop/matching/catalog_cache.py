"""The engine's catalog of this process, kept current by the catalog's stamp (core.versions).

A request reads the stamp (one primary-key row). While it equals the stamp of the copy held, the copy
serves. When it differs:

* one thread builds, the others wait for it or keep being served: a lock lets one build at a time, and a
  thread that got the lock after another's build uses that build;
* with ITKOOP_CATALOG_BACKGROUND_REBUILD (the default) a process that already holds a catalog keeps serving
  it while one background thread builds the new one; without a catalog yet, or inside a transaction (which
  may hold changes a background thread cannot see), the request builds;
* snapshots on disk (ITKOOP_CATALOG_CACHE_DIR) are keyed by the stamp: the first process that builds writes
  one, the other web workers and every `itkoop match`/`partners` call load it instead of building. A file
  lock lets one process build at a time. Files are signed with the secret key, as they are unpickled.

A catalog is warmed before it serves (its index, partner sets and the need analysis's patterns computed),
so the first request after a swap does not pay for them either, and a snapshot carries them.

`itkoop partners` reads no snapshot once a partner store (PartnerStore) of the stamp is there: the partner
ranking's data of the catalog in a directory per stamp (engine.partner_store), loaded in a few hundredths of
a second where unpickling the whole catalog takes seconds. The first such call after a change loads (or
builds) the catalog and writes it.

A catalog also holds for one day only (the server's local date): which labels count changes when a label's
period ends or begins, and nothing is written then (labels.selectors.current_certificates). A catalog, held
or a snapshot, built on another day is replaced like one of another stamp."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import hmac
import logging
import os
import pickle
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.crypto import salted_hmac

from itkoop.core import selectors as core_selectors
from itkoop.engine import catalog as engine_catalog
from itkoop.engine.catalog import Catalog
from itkoop.engine.need import analyse_need
from itkoop.engine.partner_store import PartnerCatalog, load_partner_catalog, save_partner_catalog

logger = logging.getLogger(__name__)

SNAPSHOT_SALT = "itkoop.matching.catalog_snapshot"
SNAPSHOTS_KEPT = 3  # the newest few: a process may still be loading the one before the last
RETRY_AFTER_FAILURE_S = 30.0  # a failed background build is tried again on a request after this long


def warm(catalog: Catalog) -> Catalog:
    """Computes what the engine would compute at a catalog's first use (and a snapshot should carry)."""
    catalog.index  # noqa: B018 - cached properties, computed here once
    catalog.solutions_of  # noqa: B018
    catalog.partners_of  # noqa: B018
    catalog.partner_index  # noqa: B018 - texts and network of partner ranking: the costliest part
    catalog.taxonomy.standard_specificity  # noqa: B018
    analyse_need("", catalog)  # builds the need analysis's patterns of this taxonomy
    return catalog


def _signature(payload: bytes) -> bytes:
    return salted_hmac(SNAPSHOT_SALT, payload, algorithm="sha256").hexdigest().encode()


def _signed_pickle(obj: object) -> bytes:
    """``obj`` pickled, after a line with its signature."""
    payload = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return _signature(payload) + b"\n" + payload


def _unpickle_signed(data: bytes, path: Path) -> object | None:
    """The object of a file written by :func:`_signed_pickle`; None when its signature is wrong or it cannot
    be read (logged, never raised: a snapshot is only a cache)."""
    signature, _, payload = data.partition(b"\n")
    if not hmac.compare_digest(signature, _signature(payload)):
        logger.warning("%s has a wrong signature; ignored", path)
        return None
    try:
        return pickle.loads(payload)  # noqa: S301 - signed by this application (checked above)
    except Exception:
        logger.exception("%s cannot be read; ignored", path)
        return None


@functools.cache
def _engine_code() -> str:
    """A digest of the engine's source: a snapshot pickled by other engine code (an update that changed its
    classes) is never loaded, it is rebuilt."""
    package = Path(engine_catalog.__file__).parent
    digest = hashlib.sha256()
    for source in sorted(package.glob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:10]


def _name(stamp: str) -> str:
    # Named for the signing key too: processes with different keys (a command run under other settings)
    # sharing the directory keep files of their own instead of overwriting each other's.
    key = salted_hmac(SNAPSHOT_SALT, "file name", algorithm="sha256").hexdigest()[:12]
    return f"{stamp}-{key}-{_engine_code()}"


class SnapshotStore:
    """Signed pickles of warmed catalogs in a directory, one per stamp."""

    def __init__(self, directory: str | os.PathLike) -> None:
        self.directory = Path(directory)

    def path(self, stamp: str) -> Path:
        return self.directory / f"catalog-{_name(stamp)}.pickle"

    def load(self, stamp: str, day: str | None = None) -> Catalog | None:
        """The snapshot of `stamp` if there is a readable one, built on `day` (when given)."""
        try:
            data = self.path(stamp).read_bytes()
        except OSError:
            return None
        content = _unpickle_signed(data, self.path(stamp))
        if not isinstance(content, tuple) or len(content) != 2:
            return None
        built_on, catalog = content
        if day is not None and built_on != day:
            return None
        return catalog if isinstance(catalog, Catalog) else None

    def save(self, stamp: str, catalog: Catalog, day: str = "") -> None:
        data = _signed_pickle((day, catalog))
        self.directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".catalog-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, self.path(stamp))  # readers see the whole file or none
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        self._prune()

    def _prune(self) -> None:
        snapshots = sorted(self.directory.glob("catalog-*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in snapshots[:-SNAPSHOTS_KEPT]:
            with contextlib.suppress(OSError):
                old.unlink()

    def lock(self) -> BinaryIO:
        """Held while one process loads or builds: the others wait and then load its snapshot."""
        self.directory.mkdir(parents=True, exist_ok=True)
        lock = open(self.directory / "build.lock", "a+b")  # noqa: SIM115 - released by unlock()
        fcntl.flock(lock, fcntl.LOCK_EX)
        return lock

    @staticmethod
    def unlock(lock: BinaryIO) -> None:
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()


class PartnerStore:
    """Partner ranking data of catalogs (engine.partner_store), one directory per stamp beside the snapshots.

    Its arrays and records are loaded without unpickling (numpy's allow_pickle=False, JSON); only the
    taxonomy, which carries the need analysis's patterns, is a pickle, signed like a snapshot. A directory is
    written under another name and renamed when complete: readers see all of it or nothing."""

    def __init__(self, directory: str | os.PathLike) -> None:
        self.directory = Path(directory)

    def path(self, stamp: str) -> Path:
        return self.directory / f"partners-{_name(stamp)}"

    def load(self, stamp: str, day: str) -> PartnerCatalog | None:
        """The partner data of `stamp` built on `day` if there is a readable one."""
        path = self.path(stamp)
        try:
            data = (path / "taxonomy.pickle").read_bytes()
        except OSError:
            return None
        content = _unpickle_signed(data, path)
        if not isinstance(content, tuple) or len(content) != 2 or content[0] != day:
            return None
        try:
            return load_partner_catalog(path, content[1])
        except Exception:
            logger.exception("partner data %s cannot be read; ignored", path)
            return None

    def save(self, stamp: str, catalog: Catalog, day: str) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=self.directory, prefix=".partners-"))
        try:
            save_partner_catalog(catalog, tmp)
            (tmp / "taxonomy.pickle").write_bytes(_signed_pickle((day, catalog.taxonomy)))
            try:
                os.rename(tmp, self.path(stamp))  # readers see the whole directory or none
            except OSError:
                if not self.path(stamp).is_dir():
                    raise
                # another process wrote the same stamp's data first: the same data, kept
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        self._prune()

    def _prune(self) -> None:
        stores = sorted(self.directory.glob("partners-*"), key=lambda p: p.stat().st_mtime)
        for old in stores[:-SNAPSHOTS_KEPT]:
            shutil.rmtree(old, ignore_errors=True)


def _today() -> str:
    return timezone.localdate().isoformat()


class CatalogCache:
    """One catalog per process (see the module's docstring); `build` makes one from the database."""

    def __init__(self, build: Callable[[], Catalog]) -> None:
        self._build = build
        self._build_lock = threading.Lock()  # one build (or snapshot load) at a time in this process
        self._state_lock = threading.Lock()
        self._held: tuple[str, Catalog] | None = None  # (stamp, catalog), replaced as one
        self._held_day = ""  # the local date the held catalog was built on (labels end with a day)
        self._background: threading.Thread | None = None
        self._failed_at = 0.0
        self.builds = 0  # catalogs built from the database by this process (tests and benchmarks count)

    def get(self) -> Catalog:
        stamp = core_selectors.data_version(core_selectors.CATALOG)
        held = self._held
        if held is not None and held[0] == stamp and self._held_day == _today():
            return held[1]
        if held is not None and self._may_rebuild_in_background():
            self._rebuild_in_background()
            return held[1]
        return self._refresh()

    def partner_data(self) -> Catalog | PartnerCatalog:
        """What partner ranking reads, for a process that ranks once and stops: the catalog held if it is
        current, else the partner store's data of the current stamp, else the catalog (loaded or built), whose
        partner data is then written for the next call."""
        directory = settings.ITKOOP_CATALOG_CACHE_DIR
        stamp = core_selectors.data_version(core_selectors.CATALOG)
        day = _today()
        held = self._held
        if not directory or (held is not None and held[0] == stamp and self._held_day == day):
            return self.get()
        store = PartnerStore(directory)
        found = store.load(stamp, day)
        if found is not None:
            return found
        catalog = self.get()
        held, held_day = self._held, self._held_day
        if held is not None and held[1] is catalog:
            try:
                store.save(held[0], catalog, held_day)
            except Exception:  # a store not written costs the next call time, never this call its answer
                logger.exception("partner data could not be written to %s", directory)
        return catalog

    def wait_for_rebuild(self, timeout: float | None = None) -> None:
        """Returns when no background rebuild runs (tests, benchmarks, a clean shutdown)."""
        thread = self._background
        if thread is not None:
            thread.join(timeout)

    @property
    def stamp(self) -> str | None:
        """The stamp of the catalog held (None before the first)."""
        held = self._held
        return held[0] if held is not None else None

    def forget(self) -> None:
        with self._build_lock:
            self._held = None

    def _may_rebuild_in_background(self) -> bool:
        return (
            settings.ITKOOP_CATALOG_BACKGROUND_REBUILD
            and not connection.in_atomic_block
            and time.monotonic() - self._failed_at > RETRY_AFTER_FAILURE_S
        )

    def _refresh(self) -> Catalog:
        with self._build_lock:
            # Read again under the lock: a thread that waited builds for the newest stamp, not for the one
            # it saw before another thread's build.
            stamp = core_selectors.data_version(core_selectors.CATALOG)
            day = _today()
            held = self._held
            if held is not None and held[0] == stamp and self._held_day == day:
                return held[1]  # another thread built it while this one waited
            catalog = self._load_or_build(stamp, day)
            self._held, self._held_day = (stamp, catalog), day
            return catalog

    def _load_or_build(self, stamp: str, day: str) -> Catalog:
        directory = settings.ITKOOP_CATALOG_CACHE_DIR
        if not directory:
            return self._build_warm()
        store = SnapshotStore(directory)
        catalog = store.load(stamp, day)
        if catalog is not None:
            return catalog
        try:
            lock = store.lock()
        except OSError:
            logger.exception("catalog snapshots: %s cannot be used; building without", directory)
            return self._build_warm()
        try:
            catalog = store.load(stamp, day)  # written by another process while this one waited
            if catalog is None:
                catalog = self._build_warm()
                try:
                    store.save(stamp, catalog, day)
                except OSError:
                    logger.exception("catalog snapshot could not be written to %s", directory)
            return catalog
        finally:
            store.unlock(lock)

    def _build_warm(self) -> Catalog:
        # Stamp read before the data: a change committed during the build makes the stamp differ from the
        # one this catalog is kept under, so it is rebuilt; a catalog is never older than its stamp.
        started = time.perf_counter()
        catalog = warm(self._build())
        self.builds += 1
        logger.debug(
            "catalog built: %d companies, %d solutions in %.1f s",
            len(catalog.companies),
            len(catalog.solutions),
            time.perf_counter() - started,
        )
        return catalog

    def _rebuild_in_background(self) -> None:
        with self._state_lock:
            if self._background is not None and self._background.is_alive():
                return
            self._background = threading.Thread(
                target=self._background_rebuild, name="itkoop-catalog-rebuild", daemon=True
            )
            self._background.start()

    def _background_rebuild(self) -> None:
        try:
            self._refresh()
        except Exception:
            self._failed_at = time.monotonic()
            logger.exception("background rebuild of the catalog failed; the previous one keeps serving")
        finally:
            connection.close()  # this thread's own connection
