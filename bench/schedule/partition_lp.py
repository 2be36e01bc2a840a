#!/usr/bin/python3
"""A lower bound on a schedule problem whose periods never overlap (an experiment).

    schedule_periods PROBLEM.json PERIODS.json        # built with the benchmarks
    bench/schedule/partition_lp.py PERIODS.json [--start SCHEDULE.json] [--seconds S]

Two sessions then overlap exactly when they share a period, so a schedule is a
partition of the sessions into periods (at most as many as the period has
slots). Its pair terms and per-slot terms (each session's least in the period)
are the costs of the parts; the group terms (order, time relation,
wg_adjacent) are left out, which only lowers the cost, and so is the seating
into rooms. The LP relaxation of that set-partitioning model, solved by column
generation, is then a lower bound on every schedule: the master LP over the
parts found so far, each period's cheapest part by reduced cost found by a
greedy search and a local search, and once they find none, by an exact
integer program per period (HiGHS through SciPy). The master's value plus each
period's least reduced cost (its proven dual bound, when negative) is a valid
bound at every round; when no period has a negative one, it equals the LP.

Needs Debian's python3-scipy (1.10: HiGHS). See docs/schedule-solver.md,
issue 9's eighteenth round.
"""
import argparse
import json
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import csr_matrix, lil_matrix

NEVER = 1e15  # a place a session may not take


class Partition:
    def __init__(self, doc):
        self.ids = [s['id'] for s in doc['sessions']]
        self.periods = doc['periods']
        self.unscheduled = doc['unscheduled']
        self.n, self.k = len(self.ids), len(self.periods)
        self.unary = np.array([[min(x, NEVER) for x in s['unary']] for s in doc['sessions']], dtype=float)
        for i, s in enumerate(doc['sessions']):
            if s['fixed'] >= 0:
                keep = self.unary[i, s['fixed']]
                self.unary[i, :] = NEVER
                self.unary[i, s['fixed']] = keep
        self.weight, self.never = {}, [set() for _ in range(self.n)]
        self.neighbours = [[] for _ in range(self.n)]
        for a, b, w in doc['pairs']:
            if w < 0:
                self.never[a].add(b)
                self.never[b].add(a)
            else:
                self.weight[(a, b)] = w
                self.neighbours[a].append((b, w))
                self.neighbours[b].append((a, w))

    def capacity(self, q):
        return len(self.periods[q]['slots'])

    def pair(self, a, b):
        return self.weight.get((min(a, b), max(a, b)), 0)

    def cost(self, q, part):
        """The part's cost in period q, None if two of it may never overlap."""
        c = sum(self.unary[s, q] for s in part)
        for i, a in enumerate(part):
            for b in part[i + 1:]:
                if b in self.never[a]:
                    return None
                c += self.pair(a, b)
        return c


class Master:
    """The parts found so far and the LP over them."""

    def __init__(self, model):
        self.m, self.parts, self.seen = model, [], set()

    def add(self, q, part):
        key = (q, tuple(sorted(part)))
        if not part or key in self.seen:
            return False
        c = self.m.cost(q, list(key[1]))
        if c is None or c >= NEVER:
            return False
        self.seen.add(key)
        self.parts.append((q, key[1], c))
        return True

    def solve(self):
        """LP value, the sessions' duals and the periods' duals (<= 0)."""
        m, cols = self.m, len(self.parts)
        covers, per_period = lil_matrix((m.n, cols + m.n)), lil_matrix((m.k, cols + m.n))
        c = np.zeros(cols + m.n)
        for j, (q, part, cost) in enumerate(self.parts):
            c[j] = cost
            per_period[q, j] = 1
            for s in part:
                covers[s, j] = 1
        for s in range(m.n):  # unscheduled
            covers[s, cols + s] = 1
            c[cols + s] = m.unscheduled
        r = linprog(c, A_ub=csr_matrix(per_period), b_ub=np.ones(m.k), A_eq=csr_matrix(covers),
                    b_eq=np.ones(m.n), bounds=(0, None), method='highs')
        return r.fun, np.array(r.eqlin.marginals), np.array(r.ineqlin.marginals)


def greedy(m, q, price, rng, tries=30, pool=40):
    """A part of negative reduced cost by randomized greedy, else None."""
    ranked = [s for _, s in sorted((m.unary[s, q] - price[s], s) for s in range(m.n) if m.unary[s, q] < NEVER)]
    best, best_value = None, 0.0
    for attempt in range(tries):
        order = ranked[:pool]
        if attempt:
            rng.shuffle(order)
        part, value = [], 0.0
        for s in order:
            if len(part) >= m.capacity(q) or any(o in m.never[s] for o in part):
                continue
            gain = m.unary[s, q] - price[s] + sum(w for o, w in m.neighbours[s] if o in part)
            if gain < 0:
                part.append(s)
                value += gain
        if value < best_value - 1e-6:
            best, best_value = part, value
    return best


def local_search(m, q, part, price):
    """Drops, adds and exchanges while the reduced cost falls."""
    part = list(part)

    def inside(s, members):
        return m.unary[s, q] - price[s] + sum(w for o, w in m.neighbours[s] if o in members and o != s)

    while True:
        members = set(part)
        dropped = [s for s in part if inside(s, members) > 1e-6]
        for s in dropped:
            part.remove(s)
            members.discard(s)
        best = (0.0, None, None)
        for s in range(m.n):
            if s in members or m.unary[s, q] >= NEVER:
                continue
            blocking = [o for o in part if o in m.never[s]]
            if len(blocking) > 1:
                continue
            gain = inside(s, members)
            outs = blocking if blocking else ([None] if len(part) < m.capacity(q) else []) + part
            for o in outs:
                delta = gain if o is None else gain - m.pair(s, o) - inside(o, members)
                if delta < best[0] - 1e-6:
                    best = (delta, s, o)
        if best[1] is None and not dropped:
            return part
        if best[1] is not None:
            if best[2] is not None:
                part.remove(best[2])
            part.append(best[1])


def exact(m, q, price, mu, seconds):
    """Period q's least reduced cost: (part, value, proven lower bound)."""
    places = [s for s in range(m.n) if m.unary[s, q] < NEVER]
    at = {s: i for i, s in enumerate(places)}
    pairs = [(a, b, w) for (a, b), w in m.weight.items() if a in at and b in at]
    never = [(a, b) for a in places for b in m.never[a] if b in at and a < b]
    nx, ny = len(places), len(pairs)
    c = np.concatenate([[m.unary[s, q] - price[s] for s in places], [float(w) for _, _, w in pairs]])
    rows = lil_matrix((1 + ny + len(never), nx + ny))
    lo, hi = [0], [m.capacity(q)]
    for s in places:
        rows[0, at[s]] = 1
    for j, (a, b, _) in enumerate(pairs):  # y_ab >= x_a + x_b - 1
        rows[1 + j, at[a]], rows[1 + j, at[b]], rows[1 + j, nx + j] = 1, 1, -1
        lo.append(-np.inf)
        hi.append(1)
    for j, (a, b) in enumerate(never):
        rows[1 + ny + j, at[a]], rows[1 + ny + j, at[b]] = 1, 1
        lo.append(-np.inf)
        hi.append(1)
    r = milp(c, constraints=LinearConstraint(csr_matrix(rows), lo, hi),
             integrality=np.concatenate([np.ones(nx), np.zeros(ny)]), bounds=Bounds(0, 1),
             options={'time_limit': seconds})
    if r.x is None:
        return None, 0.0, -np.inf
    part = [places[i] for i in range(nx) if r.x[i] > 0.5]
    return part, r.fun - mu[q], r.mip_dual_bound - mu[q]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('periods')
    ap.add_argument('--start', help='a schedule whose periods are the first parts')
    ap.add_argument('--seconds', type=float, default=1800)
    args = ap.parse_args()
    m = Partition(json.load(open(args.periods)))
    master = Master(m)
    if args.start:
        period_of = {sid: q for q, p in enumerate(m.periods) for sid in p['slots']}
        index = {sid: i for i, sid in enumerate(m.ids)}
        parts = {}
        for a in json.load(open(args.start))['assignments']:
            parts.setdefault(period_of[a['timeslot']], []).append(index[a['session']])
        for q, part in parts.items():
            master.add(q, part)
    rng, begin, best_bound = np.random.default_rng(1), time.time(), -np.inf
    while time.time() - begin < args.seconds:
        value, price, mu = master.solve()
        added = 0
        for q in range(m.k):
            part = greedy(m, q, price, rng)
            part = local_search(m, q, part or [], price)
            if part and m.cost(q, part) is not None:
                reduced = m.cost(q, part) - sum(price[s] for s in part) - mu[q]
                added += reduced < -1e-6 and master.add(q, part)
        if added:
            continue
        bound, added = value, 0
        for q in range(m.k):
            part, reduced, proven = exact(m, q, price, mu, 60)
            bound += min(0.0, proven)
            added += part is not None and reduced < -1e-6 and master.add(q, part)
        best_bound = max(best_bound, bound)
        print(f'{time.time() - begin:7.1f} s  {len(master.parts)} parts  LP {value:,.0f}  '
              f'bound {best_bound:,.0f}', flush=True)
        if not added:
            print(f'LP optimum {value:,.0f}: no schedule costs less (group terms left out)')
            return
    print(f'stopped at the time limit: every schedule costs at least {best_bound:,.0f}')


if __name__ == '__main__':
    main()
