"""The meeting-day instance: participants, requests, slots, tables and locked meetings, validated once.

Like PyVRP's ``ProblemData``, a :class:`ScheduleProblem` is built and checked at construction; every invalid
input raises an :class:`InvalidProblem` (a ``ValueError``) with a stable ``code`` the web side can translate.
The solver, the validator and the staff's move check all read the same compiled arrays
(:class:`CompiledProblem`), so they agree on what "available" means.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np

MIN_WEIGHT = 1
MAX_WEIGHT = 3


class InvalidProblem(ValueError):
    """An instance that cannot be scheduled as given; ``code`` names the rule, ``params`` the details."""

    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Participant:
    """Someone who meets others; ``unavailable`` holds the slot indices they cannot attend; ``online`` when
    they take part online (every meeting with an online side is held in an online room, not at a table)."""

    id: Hashable
    unavailable: frozenset[int] = frozenset()
    online: bool = False


@dataclass(frozen=True)
class Request:
    """A wish of ``requester`` to meet ``recipient``; ``weight`` 1-3; ``must_have`` for accepted requests."""

    id: Hashable
    requester: Hashable
    recipient: Hashable
    weight: int = 1
    must_have: bool = False


@dataclass(frozen=True)
class LockedMeeting:
    """A meeting staff fixed by hand: the request meets in this slot at this table (an online room for a
    request with an online side), whatever the solver finds."""

    request: Hashable
    slot: int
    table: int


@dataclass(frozen=True)
class PreviousMeeting:
    """Where a meeting of the plan being rebuilt was: a stable rebuild keeps it there if that is still
    feasible and costs no value (the lexicographic objective: value, then fewest moved meetings, then idle
    gaps). Unlike a locked meeting it may move, or be dropped, when it must."""

    request: Hashable
    slot: int
    table: int


@dataclass(frozen=True)
class CompiledProblem:
    """Index-based arrays the algorithms work on (participant and request positions, not ids)."""

    n_slots: int
    requester: np.ndarray  # (m,) participant index
    recipient: np.ndarray  # (m,) participant index
    weight: np.ndarray  # (m,) int
    must_have: np.ndarray  # (m,) bool
    available: np.ndarray  # (n, n_slots) bool; False for breaks and unavailable slots
    capacity: np.ndarray  # (n_slots,) tables per slot, 0 in breaks
    break_mask: int  # bit t set when slot t is a break
    locked_slot: np.ndarray  # (m,) slot of a locked meeting or -1
    locked_table: np.ndarray  # (m,) table of a locked meeting or -1
    # (m,) slot of the request's meeting in the previous plan if it could stay there (both sides available,
    # its table exists in that slot), else -1: what a stable rebuild rewards after the value.
    stay_slot: np.ndarray | None = None
    # Hybrid events: (m,) bool, the request has an online side and meets in an online room, and (n_slots,)
    # online rooms per slot (0 in breaks). ``None`` means every meeting is at a table.
    online: np.ndarray | None = None
    room_capacity: np.ndarray | None = None

    @property
    def n_participants(self) -> int:
        return int(self.available.shape[0])

    @property
    def n_requests(self) -> int:
        return int(self.weight.shape[0])

    @cached_property
    def common(self) -> np.ndarray:
        """(m, n_slots) bool: slots where both sides of a request are available and its kind of place (a
        table, or an online room for a request with an online side) exists."""
        both = self.available[self.requester] & self.available[self.recipient]
        if self.online is None:
            return both
        has_place = np.stack([self.capacity > 0, self.room_capacity > 0])
        return both & has_place[self.online.astype(np.int64)]

    def pools(self) -> tuple[list[int], list[list[int]]]:
        """Pool per request (0: tables, 1: online rooms) and capacity per pool and slot, as lists for the
        search loops; every request is in pool 0 when nobody takes part online."""
        rooms = self.room_capacity if self.room_capacity is not None else np.zeros(self.n_slots, np.int64)
        pool = self.online.astype(np.int64).tolist() if self.online is not None else [0] * self.n_requests
        return pool, [self.capacity.tolist(), rooms.tolist()]


def _check_slot(slot: object, n_slots: int, what: str) -> int:
    if not isinstance(slot, int | np.integer) or isinstance(slot, bool) or not 0 <= slot < n_slots:
        raise InvalidProblem(
            "slot_out_of_range", f"{what}: slot {slot!r} is not in 0..{n_slots - 1}", slot=slot, what=what
        )
    return int(slot)


@dataclass(frozen=True)
class ScheduleProblem:
    """A validated meeting-day instance.

    ``n_slots`` meeting slots are numbered 0..n_slots-1; ``breaks`` are slot indices where no meeting happens;
    ``tables`` is the number of tables in every slot, or one count per slot; ``rooms`` the same for online
    rooms. A request with an online side (``Participant.online``) meets in a room, every other at a table,
    and each kind has its own capacity. Construction raises :class:`InvalidProblem` for the first rule the
    input breaks.
    """

    participants: Sequence[Participant]
    requests: Sequence[Request]
    n_slots: int
    tables: int | Sequence[int]
    breaks: frozenset[int] = frozenset()
    locked: Sequence[LockedMeeting] = ()
    previous: Sequence[PreviousMeeting] = ()
    rooms: int | Sequence[int] = 0
    _participant_index: dict[Hashable, int] = field(init=False, repr=False, compare=False)
    _request_index: dict[Hashable, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "participants", tuple(self.participants))
        object.__setattr__(self, "requests", tuple(self.requests))
        object.__setattr__(self, "breaks", frozenset(self.breaks))
        object.__setattr__(self, "locked", tuple(self.locked))
        object.__setattr__(self, "previous", tuple(self.previous))
        self._check_slots_and_tables()
        self._check_participants()
        self._check_requests()
        self._check_locked()
        self._check_previous()

    # -- validation ------------------------------------------------------------------------------------------
    def _check_slots_and_tables(self) -> None:
        if not isinstance(self.n_slots, int) or isinstance(self.n_slots, bool) or self.n_slots <= 0:
            raise InvalidProblem("no_slots", f"the slot count must be positive, got {self.n_slots!r}")
        for b in sorted(self.breaks, key=repr):
            _check_slot(b, self.n_slots, "break")
        if len(self.breaks) == self.n_slots:
            raise InvalidProblem("only_breaks", "every slot is a break; no meeting can take place")
        rooms = self._counts(self.rooms, "rooms", "no_rooms")
        tables = self._counts(self.tables, "tables", "no_tables")
        for t in range(self.n_slots):
            if t in self.breaks:
                continue
            at_t = tables if isinstance(tables, int) else tables[t]
            rooms_t = rooms if isinstance(rooms, int) else rooms[t]
            if at_t == 0 and rooms_t == 0:
                raise InvalidProblem(
                    "no_tables", f"slot {t} has no tables or rooms; mark it as a break instead", slot=t
                )
        object.__setattr__(self, "tables", tables)
        object.__setattr__(self, "rooms", rooms)

    def _counts(self, value: object, what: str, code: str) -> int | tuple[int, ...]:
        """A count for every slot (an int) or one per slot (a tuple), each >= 0."""
        if isinstance(value, int | np.integer) and not isinstance(value, bool):
            if value < 0:
                raise InvalidProblem(code, f"the {what} count must be >= 0, got {value}")
            return int(value)
        counts = tuple(value)  # type: ignore[arg-type]
        if len(counts) != self.n_slots:
            raise InvalidProblem(
                f"{what}_length",
                f"{len(counts)} {what} counts given for {self.n_slots} slots",
                given=len(counts),
            )
        for t, count in enumerate(counts):
            if not isinstance(count, int | np.integer) or isinstance(count, bool) or count < 0:
                raise InvalidProblem(code, f"slot {t}: the {what} count must be >= 0, got {count!r}", slot=t)
        return tuple(int(c) for c in counts)

    def _check_participants(self) -> None:
        index: dict[Hashable, int] = {}
        for i, p in enumerate(self.participants):
            if p.id in index:
                raise InvalidProblem(
                    "duplicate_participant", f"participant {p.id!r} is listed twice", id=p.id
                )
            index[p.id] = i
            for t in sorted(p.unavailable, key=repr):
                _check_slot(t, self.n_slots, f"participant {p.id!r} unavailable")
        object.__setattr__(self, "_participant_index", index)

    def _check_requests(self) -> None:
        index: dict[Hashable, int] = {}
        pairs: dict[frozenset[Hashable], Hashable] = {}
        for i, r in enumerate(self.requests):
            if r.id in index:
                raise InvalidProblem("duplicate_request_id", f"request id {r.id!r} is used twice", id=r.id)
            for who in (r.requester, r.recipient):
                if who not in self._participant_index:
                    raise InvalidProblem(
                        "unknown_participant",
                        f"request {r.id!r} names unknown participant {who!r}",
                        request=r.id,
                        participant=who,
                    )
            if r.requester == r.recipient:
                raise InvalidProblem(
                    "self_request", f"request {r.id!r}: {r.requester!r} cannot meet themselves", request=r.id
                )
            if (
                not isinstance(r.weight, int | np.integer)
                or isinstance(r.weight, bool)
                or not (MIN_WEIGHT <= r.weight <= MAX_WEIGHT)
            ):
                raise InvalidProblem(
                    "weight_out_of_range",
                    f"request {r.id!r}: weight {r.weight!r} is not in {MIN_WEIGHT}..{MAX_WEIGHT}",
                    request=r.id,
                    weight=r.weight,
                )
            pair = frozenset((r.requester, r.recipient))
            if pair in pairs:
                raise InvalidProblem(
                    "duplicate_request",
                    f"request {r.id!r} repeats request {pairs[pair]!r} between the same two participants",
                    request=r.id,
                    other=pairs[pair],
                )
            pairs[pair] = r.id
            index[r.id] = i
        object.__setattr__(self, "_request_index", index)

    def _check_locked(self) -> None:
        seen_request: set[Hashable] = set()
        busy: dict[tuple[Hashable, int], Hashable] = {}
        tables_used: dict[tuple[bool, int, int], Hashable] = {}
        for lock in self.locked:
            if lock.request not in self._request_index:
                raise InvalidProblem(
                    "unknown_request",
                    f"locked meeting names unknown request {lock.request!r}",
                    request=lock.request,
                )
            req = self.requests[self._request_index[lock.request]]
            slot = _check_slot(lock.slot, self.n_slots, f"locked meeting {lock.request!r}")
            if lock.request in seen_request:
                raise InvalidProblem(
                    "locked_twice", f"request {lock.request!r} is locked twice", request=req.id
                )
            seen_request.add(lock.request)
            if slot in self.breaks:
                raise InvalidProblem(
                    "locked_in_break",
                    f"locked meeting {req.id!r} lies in break slot {slot}",
                    request=req.id,
                    slot=slot,
                )
            online = self.meets_online(req.id)
            places = self.place_count(slot, online=online)
            if not isinstance(lock.table, int | np.integer) or not 0 <= lock.table < places:
                raise InvalidProblem(
                    "table_out_of_range",
                    f"locked meeting {req.id!r}: {'room' if online else 'table'} {lock.table!r} is not in "
                    f"0..{places - 1}",
                    request=req.id,
                    table=lock.table,
                )
            for who in (req.requester, req.recipient):
                if slot in self.participant(who).unavailable:
                    raise InvalidProblem(
                        "locked_unavailable",
                        f"locked meeting {req.id!r}: {who!r} is unavailable in slot {slot}",
                        request=req.id,
                        participant=who,
                        slot=slot,
                    )
                if (who, slot) in busy:
                    raise InvalidProblem(
                        "locked_collision",
                        f"locked meetings {busy[who, slot]!r} and {req.id!r} both need {who!r} "
                        f"in slot {slot}",
                        request=req.id,
                        other=busy[who, slot],
                        slot=slot,
                    )
                busy[who, slot] = req.id
            place = (online, slot, int(lock.table))
            if place in tables_used:
                raise InvalidProblem(
                    "locked_collision",
                    f"locked meetings {tables_used[place]!r} and {req.id!r} share "
                    f"{'room' if online else 'table'} {lock.table} in slot {slot}",
                    request=req.id,
                    other=tables_used[place],
                    slot=slot,
                )
            tables_used[place] = req.id

    def _check_previous(self) -> None:
        """A previous meeting names a known request once, a slot and a table of the day; whether it can
        stay there (availability, tables now) is the solver's business, not an error."""
        seen: set[Hashable] = set()
        for before in self.previous:
            if before.request not in self._request_index:
                raise InvalidProblem(
                    "unknown_request",
                    f"previous meeting names unknown request {before.request!r}",
                    request=before.request,
                )
            if before.request in seen:
                raise InvalidProblem(
                    "previous_twice",
                    f"request {before.request!r} has two previous meetings",
                    request=before.request,
                )
            seen.add(before.request)
            _check_slot(before.slot, self.n_slots, f"previous meeting {before.request!r}")
            table = before.table
            if not isinstance(table, int | np.integer) or isinstance(table, bool) or table < 0:
                raise InvalidProblem(
                    "table_out_of_range",
                    f"previous meeting {before.request!r}: table {before.table!r} is not a table index",
                    request=before.request,
                    table=before.table,
                )

    # -- lookups --------------------------------------------------------------------------------------------
    def table_count(self, slot: int) -> int:
        """Tables in ``slot`` (0 in a break)."""
        if slot in self.breaks:
            return 0
        return int(self.tables) if isinstance(self.tables, int | np.integer) else int(self.tables[slot])

    def room_count(self, slot: int) -> int:
        """Online rooms in ``slot`` (0 in a break)."""
        if slot in self.breaks:
            return 0
        return int(self.rooms) if isinstance(self.rooms, int | np.integer) else int(self.rooms[slot])

    def place_count(self, slot: int, *, online: bool) -> int:
        """Rooms in ``slot`` for a meeting with an online side, else tables."""
        return self.room_count(slot) if online else self.table_count(slot)

    def meets_online(self, request_id: Hashable) -> bool:
        """The request has a side taking part online, so it meets in an online room."""
        req = self.request(request_id)
        return self.participant(req.requester).online or self.participant(req.recipient).online

    @property
    def is_hybrid(self) -> bool:
        """Someone takes part online: meetings are split between tables and online rooms."""
        return any(p.online for p in self.participants)

    def participant(self, participant_id: Hashable) -> Participant:
        return self.participants[self._participant_index[participant_id]]

    def request(self, request_id: Hashable) -> Request:
        return self.requests[self._request_index[request_id]]

    def has_request(self, request_id: Hashable) -> bool:
        return request_id in self._request_index

    def request_index(self, request_id: Hashable) -> int:
        return self._request_index[request_id]

    def participant_index(self, participant_id: Hashable) -> int:
        return self._participant_index[participant_id]

    def lock_of(self, request_id: Hashable) -> LockedMeeting | None:
        """The locked meeting of a request, if staff locked it."""
        return self._locks.get(request_id)

    @cached_property
    def _locks(self) -> dict[Hashable, LockedMeeting]:
        return {lock.request: lock for lock in self.locked}

    @cached_property
    def compiled(self) -> CompiledProblem:
        """The arrays the solver and the validator read; built once per problem."""
        n, m, s = len(self.participants), len(self.requests), self.n_slots
        available = np.ones((n, s), dtype=bool)
        for t in self.breaks:
            available[:, t] = False
        for i, p in enumerate(self.participants):
            for t in p.unavailable:
                available[i, t] = False
        pidx = self._participant_index
        locked_slot = np.full(m, -1, dtype=np.int64)
        locked_table = np.full(m, -1, dtype=np.int64)
        for lock in self.locked:
            locked_slot[self._request_index[lock.request]] = lock.slot
            locked_table[self._request_index[lock.request]] = lock.table
        requester = np.array([pidx[r.requester] for r in self.requests], dtype=np.int64)
        recipient = np.array([pidx[r.recipient] for r in self.requests], dtype=np.int64)
        online = None
        room_capacity = None
        if self.is_hybrid:
            is_online = np.array([p.online for p in self.participants], dtype=bool)
            online = is_online[requester] | is_online[recipient]
            room_capacity = np.array([self.room_count(t) for t in range(s)], dtype=np.int64)
        stay_slot = None
        if self.previous:
            stay_slot = np.full(m, -1, dtype=np.int64)
            for before in self.previous:
                e = self._request_index[before.request]
                t = int(before.slot)
                if (
                    locked_slot[e] < 0
                    and available[requester[e], t]
                    and available[recipient[e], t]
                    and before.table < self.place_count(t, online=online is not None and bool(online[e]))
                ):
                    stay_slot[e] = t
        return CompiledProblem(
            n_slots=s,
            requester=requester,
            recipient=recipient,
            weight=np.array([int(r.weight) for r in self.requests], dtype=np.int64),
            must_have=np.array([bool(r.must_have) for r in self.requests], dtype=bool),
            available=available,
            capacity=np.array([self.table_count(t) for t in range(s)], dtype=np.int64),
            break_mask=sum(1 << t for t in self.breaks),
            locked_slot=locked_slot,
            locked_table=locked_table,
            stay_slot=stay_slot,
            online=online,
            room_capacity=room_capacity,
        )
