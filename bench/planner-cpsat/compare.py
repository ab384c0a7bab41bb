"""Solves the evenings exported by the Rust binary with OR-Tools CP-SAT and compares the result
with our planner's, one Markdown table row per evening.

Usage: compare.py INSTANCE_DIR [--time-limit SECONDS] [--workers N] [--seed N] [--only TEXT]

The CP-SAT model is written from the planner's rules (see README.md), not from our planner's
model: one model places the sessions and assigns their chairs and clerks together. Each session
has a literal per possible (room, first round); its rounds form an optional interval, and the
no-overlap rules (a room, a person) are no-overlap constraints over those intervals. Adding the
same rules again as linear constraints per round made no consistent difference in trials, so the
model keeps the one form.

Both plans, ours and CP-SAT's, are also checked here against the same rules by `broken_rules`,
and their objective recomputed by `objective_of`, so that a difference between the two solvers
can be pinned on one of them: a plan that breaks no rule and is better than the other's proven
optimum shows that the other is wrong.

Exits with status 1 when anything is flagged (a broken rule, an objective that does not add up,
a plan better than a proven optimum, a wrong claim of optimality, a missing plan).
"""

import argparse
import json
import statistics
import sys
from pathlib import Path

import ortools
from ortools.sat.python import cp_model


# ---------------------------------------------------------------------------------------------
# The evening's rules, as plain functions over the exported JSON.


def rounds_needed(evening, duration_minutes, first_round):
    """Consecutive rounds a session of this length takes from `first_round`, or None when the
    rounds left are too short together (as `Evening::rounds_needed`)."""
    minutes = 0
    for index in range(first_round, len(evening["rounds"])):
        minutes += evening["rounds"][index]["minutes"]
        if minutes >= duration_minutes:
            return index - first_round + 1
    return None


def is_available(participant, round_index):
    """`available: null` means the whole evening."""
    available = participant["available"]
    return available is None or round_index in available


def holder_of(evening, session):
    index = session["portfolio_holder"]
    return None if index is None else evening["portfolio_holders"][index]


def people_of(evening, placement):
    """The participants a placement brings together, with their role."""
    session = evening["sessions"][placement["session"]]
    people = [
        ("chair", evening["chairs"][placement["chair"]]),
        ("clerk", evening["clerks"][placement["clerk"]]),
    ]
    holder = holder_of(evening, session)
    if holder is not None:
        people.append(("portfolio holder", holder))
    return people


def occupied_rounds(placement):
    return range(placement["first_round"], placement["first_round"] + placement["round_count"])


def broken_rules(evening, placements):
    """Every hard rule the plan breaks, in words; empty when it keeps them all."""
    broken = []
    sessions = evening["sessions"]
    rounds = len(evening["rounds"])
    placed = {}
    for placement in placements:
        index = placement["session"]
        session = sessions[index]
        if index in placed:
            broken.append(f"session {index} placed twice")
        placed[index] = placement
        needed = rounds_needed(evening, session["duration_minutes"], placement["first_round"])
        if needed is None or needed != placement["round_count"]:
            broken.append(f"session {index} does not fit rounds {list(occupied_rounds(placement))}")
        room = evening["rooms"][placement["room"]]
        if room["capacity"] < session["seats"]:
            broken.append(f"session {index} needs {session['seats']} seats, room has {room['capacity']}")
        if session["needs_livestream"] and not room["livestream"]:
            broken.append(f"session {index} needs a livestream, room {placement['room']} has none")
        pin = session["pin"]
        if pin is not None and (pin["room"], pin["round"]) != (placement["room"], placement["first_round"]):
            broken.append(f"session {index} moved from its pin")
        holder = holder_of(evening, session)
        chair = evening["chairs"][placement["chair"]]
        if holder is not None and holder["person"] == chair["person"]:
            broken.append(f"session {index} is chaired by its own portfolio holder")
        for role, person in people_of(evening, placement):
            for round_index in occupied_rounds(placement):
                if round_index >= rounds or not is_available(person, round_index):
                    broken.append(f"{role} {person['name']} unavailable in round {round_index} of session {index}")
    for index, session in enumerate(sessions):
        if session["pin"] is not None and index not in placed:
            broken.append(f"pinned session {index} left out")
    for round_index in range(rounds):
        running = [p for p in placements if round_index in occupied_rounds(p)]
        rooms = [p["room"] for p in running]
        for room in set(rooms):
            if rooms.count(room) > 1:
                broken.append(f"room {room} holds {rooms.count(room)} sessions in round {round_index}")
        # A person may hold several roles in one session, but be in one session only.
        sessions_of_person = {}
        for placement in running:
            for _, person in people_of(evening, placement):
                sessions_of_person.setdefault(person["person"], set()).add(placement["session"])
        for person, their_sessions in sessions_of_person.items():
            if len(their_sessions) > 1:
                broken.append(f"person {person} in sessions {sorted(their_sessions)} in round {round_index}")
    return broken


def objective_of(evening, weights, placements):
    """The planner's objective, recomputed from its definition."""
    rounds = len(evening["rounds"])
    unplaced = len(evening["sessions"]) - len(placements)
    domains = {domain for session in evening["sessions"] for domain in session["domains"]}
    same_domain = 0
    rounds_used = 0
    for round_index in range(rounds):
        running = [p for p in placements if round_index in occupied_rounds(p)]
        if running:
            rounds_used += 1
        for domain in domains:
            count = sum(1 for p in running if domain in evening["sessions"][p["session"]]["domains"])
            same_domain += max(0, count - 1)

    def busiest(role, count):
        return max((sum(1 for p in placements if p[role] == index) for index in range(count)), default=0)

    return (
        weights["unplaced"] * unplaced
        + weights["same_domain"] * same_domain
        + weights["chair_load"] * busiest("chair", len(evening["chairs"]))
        + weights["clerk_load"] * busiest("clerk", len(evening["clerks"]))
        + weights["round_used"] * rounds_used
    )


# ---------------------------------------------------------------------------------------------
# The CP-SAT model.


class PlanningModel:
    """The whole problem in one CP-SAT model: where and when each session is held, and who
    chairs and clerks it."""

    def __init__(self, evening, weights):
        self.evening = evening
        self.model = cp_model.CpModel()
        model = self.model
        sessions = evening["sessions"]
        rooms = evening["rooms"]
        rounds = len(evening["rounds"])

        # starts[s][(room, first_round)] = (literal, round_count): the session is held there.
        # Only the starts that fit the duration, the room and the pin, and at which the portfolio
        # holder is there, get a literal: the others are simply not possible.
        self.starts = []
        self.placed = []
        for index, session in enumerate(sessions):
            holder = holder_of(evening, session)
            pin = session["pin"]
            options = {}
            for room_index, room in enumerate(rooms):
                if room["capacity"] < session["seats"] or (session["needs_livestream"] and not room["livestream"]):
                    continue
                if pin is not None and pin["room"] != room_index:
                    continue
                for first_round in range(rounds):
                    if pin is not None and pin["round"] != first_round:
                        continue
                    length = rounds_needed(evening, session["duration_minutes"], first_round)
                    if length is None:
                        continue
                    span = range(first_round, first_round + length)
                    if holder is not None and not all(is_available(holder, r) for r in span):
                        continue
                    literal = model.new_bool_var(f"start_s{index}_room{room_index}_round{first_round}")
                    options[(room_index, first_round)] = (literal, length)
            self.starts.append(options)
            placed = model.new_bool_var(f"placed_s{index}")
            model.add(placed == sum(literal for literal, _ in options.values()))
            if pin is not None:
                model.add(placed == 1)
            self.placed.append(placed)

        # The session's time as an interval of rounds [start, end), for the no-overlap rules.
        # When the session is not placed the interval is absent and its bounds are free.
        self.interval_bounds = []
        for index, options in enumerate(self.starts):
            start = model.new_int_var(0, rounds, f"first_round_s{index}")
            size = model.new_int_var(0, rounds, f"round_count_s{index}")
            end = model.new_int_var(0, rounds, f"end_s{index}")
            model.add(start == sum(first * literal for (_, first), (literal, _) in options.items()))
            model.add(size == sum(length * literal for literal, length in options.values()))
            self.interval_bounds.append((start, size, end))

        def interval(index, presence, label):
            start, size, end = self.interval_bounds[index]
            return model.new_optional_interval_var(start, size, end, presence, label)

        # One session per room at a time.
        for room_index in range(len(rooms)):
            intervals = []
            for index, options in enumerate(self.starts):
                here = [literal for (room, _), (literal, _) in options.items() if room == room_index]
                if not here:
                    continue
                in_room = model.new_bool_var(f"in_room{room_index}_s{index}")
                model.add(in_room == sum(here))
                intervals.append(interval(index, in_room, f"room{room_index}_s{index}"))
            model.add_no_overlap(intervals)

        # Exactly one chair and one clerk for every placed session, each there in all its rounds;
        # the chair is not the session's own portfolio holder.
        self.chair_of = self._assign("chair", evening["chairs"], avoid_holder=True)
        self.clerk_of = self._assign("clerk", evening["clerks"], avoid_holder=False)

        # One place per person at a time, across roles: a person takes part in a session when
        # they hold any role in it, and the sessions a person takes part in do not overlap.
        roles = {}  # (person, session) -> literals of the roles that bring them there
        for index, session in enumerate(sessions):
            holder = holder_of(evening, session)
            if holder is not None:
                roles.setdefault((holder["person"], index), []).append(self.placed[index])
            for role_of, people in ((self.chair_of, evening["chairs"]), (self.clerk_of, evening["clerks"])):
                for who, literal in role_of[index].items():
                    roles.setdefault((people[who]["person"], index), []).append(literal)
        intervals_of_person = {}
        for (person, index), literals in roles.items():
            if len(literals) == 1:
                present = literals[0]
            else:
                present = model.new_bool_var(f"person{person}_in_s{index}")
                model.add_max_equality(present, literals)
            intervals_of_person.setdefault(person, []).append(interval(index, present, f"person{person}_s{index}"))
        for intervals in intervals_of_person.values():
            if len(intervals) > 1:
                model.add_no_overlap(intervals)

        # The objective, term by term as `objective()` in solve.rs defines it.
        def running(index, round_index):
            """1 when the session is held in this round."""
            return sum(
                literal
                for (_, first), (literal, length) in self.starts[index].items()
                if first <= round_index < first + length
            )

        count = len(sessions)
        left_out = count - sum(self.placed)
        extra_same_domain = []
        domains = sorted({domain for session in sessions for domain in session["domains"]})
        for domain in domains:
            having = [index for index, session in enumerate(sessions) if domain in session["domains"]]
            for round_index in range(rounds):
                excess = model.new_int_var(0, count, f"excess_{domain}_round{round_index}")
                model.add(excess >= sum(running(index, round_index) for index in having) - 1)
                extra_same_domain.append(excess)
        busiest_chair = self._busiest("chair", self.chair_of, len(evening["chairs"]))
        busiest_clerk = self._busiest("clerk", self.clerk_of, len(evening["clerks"]))
        rounds_used = []
        for round_index in range(rounds):
            used = model.new_bool_var(f"round{round_index}_used")
            for index in range(count):
                model.add(used >= running(index, round_index))
            rounds_used.append(used)
        model.minimize(
            weights["unplaced"] * left_out
            + weights["same_domain"] * sum(extra_same_domain)
            + weights["chair_load"] * busiest_chair
            + weights["clerk_load"] * busiest_clerk
            + weights["round_used"] * sum(rounds_used)
        )

    def _assign(self, role, people, avoid_holder):
        """For each session, a literal per person who may take this role in it: exactly one is
        true when the session is placed, none when not. Returns [session] -> {person index: literal}."""
        model = self.model
        assigned = []
        for index, session in enumerate(self.evening["sessions"]):
            holder = holder_of(self.evening, session)
            literals = {}
            for who, person in enumerate(people):
                if avoid_holder and holder is not None and holder["person"] == person["person"]:
                    continue
                literal = model.new_bool_var(f"{role}{who}_s{index}")
                # Not at a start with a round the person is away in.
                for (_, first), (start, length) in self.starts[index].items():
                    if not all(is_available(person, r) for r in range(first, first + length)):
                        model.add_bool_or([literal.Not(), start.Not()])
                literals[who] = literal
            model.add(sum(literals.values()) == self.placed[index])
            assigned.append(literals)
        return assigned

    def _busiest(self, role, assigned, count):
        """The number of sessions of the busiest person in the role."""
        busiest = self.model.new_int_var(0, len(assigned), f"busiest_{role}")
        for who in range(count):
            self.model.add(busiest >= sum(literals[who] for literals in assigned if who in literals))
        return busiest

    def plan(self, solver):
        """The solved plan, in the exporter's placement format."""
        placements = []
        for index, options in enumerate(self.starts):
            for (room, first), (literal, length) in options.items():
                if solver.boolean_value(literal):
                    chair = next(who for who, lit in self.chair_of[index].items() if solver.boolean_value(lit))
                    clerk = next(who for who, lit in self.clerk_of[index].items() if solver.boolean_value(lit))
                    placements.append(
                        {
                            "session": index,
                            "room": room,
                            "first_round": first,
                            "round_count": length,
                            "chair": chair,
                            "clerk": clerk,
                        }
                    )
        return placements

    def fix_to(self, placements):
        """Forces the model to exactly this plan, to ask whether the model allows it."""
        placed = {p["session"]: p for p in placements}
        for index, options in enumerate(self.starts):
            placement = placed.get(index)
            for (room, first), (literal, _) in options.items():
                chosen = placement is not None and (room, first) == (placement["room"], placement["first_round"])
                self.model.add(literal == int(chosen))
            if placement is not None:
                if (placement["room"], placement["first_round"]) not in options:
                    self.model.add_bool_or([])  # the model has no such start: infeasible
                for role_of, chosen in ((self.chair_of, placement["chair"]), (self.clerk_of, placement["clerk"])):
                    if chosen not in role_of[index]:
                        self.model.add_bool_or([])
                    for who, literal in role_of[index].items():
                        self.model.add(literal == int(who == chosen))


def solver_with(time_limit, workers, seed):
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    return solver


# ---------------------------------------------------------------------------------------------
# The comparison.


def compare(record, arguments, alarms):
    """Solves one evening and returns its table row; what is wrong goes into `alarms`."""
    name = record["name"]
    evening = record["evening"]
    weights = record["weights"]
    ours = record["wijkbeeld"]

    def alarm(text):
        alarms.append(f"{name}: {text}")

    if "error" in ours:
        alarm(f"wijkbeeld found no plan: {ours['error']}")
    else:
        for rule in broken_rules(evening, ours["placements"]):
            alarm(f"wijkbeeld's plan breaks a rule: {rule}")
        recomputed = objective_of(evening, weights, ours["placements"])
        if recomputed != ours["objective"]:
            alarm(f"wijkbeeld reports objective {ours['objective']}, its plan scores {recomputed}")

    planning = PlanningModel(evening, weights)
    solver = solver_with(arguments.time_limit, arguments.workers, arguments.seed)
    status = solver.solve(planning.model)
    status_name = solver.status_name(status)
    cpsat_objective = None
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        cpsat_objective = round(solver.objective_value)
        theirs = planning.plan(solver)
        for rule in broken_rules(evening, theirs):
            alarm(f"CP-SAT's plan breaks a rule (CP-SAT model too lax): {rule}")
        recomputed = objective_of(evening, weights, theirs)
        if recomputed != cpsat_objective:
            alarm(f"CP-SAT reports objective {cpsat_objective}, its plan scores {recomputed} (CP-SAT model wrong)")
    else:
        alarm(f"CP-SAT ended with status {status_name}")

    ours_objective = ours.get("objective")
    if ours_objective is not None and cpsat_objective is not None:
        if status == cp_model.OPTIMAL and ours_objective < cpsat_objective:
            # Better than a proven optimum: either our plan breaks a rule (reported above) or the
            # CP-SAT model forbids something the rules allow. Ask the model about our plan.
            check = PlanningModel(evening, weights)
            check.fix_to(ours["placements"])
            allowed = solver_with(arguments.time_limit, arguments.workers, arguments.seed).solve(check.model)
            verdict = "allows" if allowed in (cp_model.OPTIMAL, cp_model.FEASIBLE) else "FORBIDS"
            alarm(
                f"MODELLING MISMATCH: wijkbeeld {ours_objective} beats CP-SAT's proven optimum "
                f"{cpsat_objective}; the CP-SAT model {verdict} wijkbeeld's plan"
            )
        if ours["optimal"] and cpsat_objective < ours_objective:
            alarm(
                f"WRONG OPTIMALITY CLAIM: wijkbeeld says {ours_objective} is optimal, "
                f"CP-SAT found {cpsat_objective} ({status_name})"
            )

    cpsat_seconds = solver.wall_time
    ratio = cpsat_seconds / ours["seconds"] if ours["seconds"] > 0 else float("inf")
    equal = "yes" if ours_objective is not None and ours_objective == cpsat_objective else "**no**"
    bound = round(solver.best_objective_bound) if cpsat_objective is not None else ""
    row = (
        f"| {name} | {ours_objective if ours_objective is not None else '—'} | "
        f"{'yes' if ours.get('optimal') else 'no'} | {ours['seconds']:.3f} | "
        f"{cpsat_objective if cpsat_objective is not None else '—'} | {status_name} | {bound} | "
        f"{cpsat_seconds:.3f} | {ratio:.1f} | {equal} |"
    )
    print(f"{name}: wijkbeeld {ours_objective}, CP-SAT {cpsat_objective} {status_name} "
          f"in {cpsat_seconds:.1f} s", file=sys.stderr)
    return row, ours_objective is not None and ours_objective == cpsat_objective, ratio


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("instances", type=Path, help="directory of the exporter's JSON files")
    parser.add_argument("--time-limit", type=float, default=60.0, help="CP-SAT seconds per evening")
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT search workers (the machine has 2 cores)")
    parser.add_argument("--seed", type=int, default=1, help="CP-SAT random seed")
    parser.add_argument("--only", default="", help="only evenings whose name contains this")
    arguments = parser.parse_args()

    files = sorted(path for path in arguments.instances.glob("*.json") if arguments.only in path.stem)
    if not files:
        sys.exit(f"no instances in {arguments.instances}")
    rows, equal, alarms = [], 0, []
    ratios = {}  # by evening size ("large", "typical")
    for path in files:
        row, same, ratio = compare(json.loads(path.read_text()), arguments, alarms)
        rows.append(row)
        equal += same
        ratios.setdefault(path.stem.split("-")[0], []).append(ratio)

    print(
        f"CP-SAT (ortools {ortools.__version__}): {arguments.workers} workers, "
        f"seed {arguments.seed}, limit {arguments.time_limit:g} s per evening; times are wall seconds "
        f"(wijkbeeld: the whole `plan` call; CP-SAT: the solver's own wall time, presolve included)."
    )
    print()
    print(
        "| instance | wijkbeeld objective | wijkbeeld proven optimal | wijkbeeld s | CP-SAT objective | "
        "CP-SAT status | CP-SAT bound | CP-SAT s | ratio CP-SAT / wijkbeeld | equal |"
    )
    print("|---|---:|---|---:|---:|---|---:|---:|---:|---|")
    for row in rows:
        print(row)
    print()
    everything = [ratio for of_size in ratios.values() for ratio in of_size]
    by_size = ", ".join(f"{size} {statistics.median(of_size):.1f}" for size, of_size in ratios.items())
    print(f"**Summary:** objectives equal on {equal} of {len(rows)} evenings; "
          f"median time ratio CP-SAT / wijkbeeld {statistics.median(everything):.1f} ({by_size}).")
    if alarms:
        print()
        print("## !!! MISMATCHES — read these !!!")
        for text in alarms:
            print(f"- {text}")
        for text in alarms:
            print(f"MISMATCH {text}", file=sys.stderr)
        sys.exit(1)
    print("No mismatches: both plans keep every rule, and neither beats the other's proven optimum.")


if __name__ == "__main__":
    main()
