"""A procurement plan and its follow-up: shares against targets, outcomes of linked
tenders, priorities and criteria across organisations."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd

from lcc._errors import LCCError, Msg
from lcc.portfolio._columns import CRITERIA_LABELS, GROUPS, REQUIREMENTS, Headers, column_of
from lcc.portfolio._factors import Factors
from lcc.portfolio._read import Targets
from lcc.portfolio._tenders import TenderOutcome

#: The index value of the one group when follow_up(by=None).
WHOLE_PLAN = "all"


def _keys(by: str | Sequence[str] | None, method: str) -> list[str]:
    """The columns to group by, the argument ``by`` of the Plan's ``method``: each named as
    a plan's header names it (``"year"``, ``"år"``; :func:`column_of`)."""
    if by is None:
        return []
    words = [by] if isinstance(by, str) else list(by)
    if isinstance(by, str) and "," in by:
        words = [k.strip() for k in by.split(",") if k.strip()]
    keys = []
    for k in words:
        key = column_of(str(k), GROUPS)
        if key is None:
            raise LCCError(Msg("by: cannot group by {k!r}; expected one or more of {value}",
                               k=k, value=Headers(GROUPS)),
                           field=f"Plan.{method}.by", code="invalid-value") from None
        keys.append(key)
    if len(set(keys)) != len(keys):
        raise LCCError(Msg("by: {keys} names a column twice", keys=", ".join(map(str, words))),
                       field=f"Plan.{method}.by", code="invalid-value")
    return keys


def missing_count(count: int, n: int, target: Fraction) -> int:
    """How many more of ``n`` procurements would need the requirement to reach ``target``.

    The smallest integer m ≥ 0 with (count + m) / n ≥ target, i.e.
    max(0, ⌈target·n − count⌉), computed exactly with fractions (0.2·5 is 1, not
    1.0000000000000002).
    """
    need = target * n - count
    return max(0, math.ceil(need))


@dataclass(frozen=True, eq=False)
class Plan:
    """A procurement plan read by :func:`lcc.portfolio.read_plan`.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per procurement: ``id``, ``title``, ``organisation``, ``year``,
        ``category``, ``value`` (float, in ``currency``), ``award_basis``, the
        requirement columns (bool), ``criteria`` (tuple of IDs), ``status``,
        ``tender`` (path or None), ``awarded`` (name or None) and ``row`` (the
        row in the file).
    currency : str
        The plan's currency.
    targets : Targets
        The declared targets (possibly none).
    tenders : mapping of str to TenderOutcome
        The evaluated linked tender files, by path.
    source : str or None
        The plan file.
    notes : list of str
        Facts about the reading a reader should know (organisations without
        their own targets …).
    """

    table: pd.DataFrame
    currency: str = "SEK"
    targets: Targets = field(default_factory=Targets)
    tenders: Mapping[str, TenderOutcome] = field(default_factory=dict)
    source: str | None = None
    notes: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.table)

    def __repr__(self) -> str:
        return (f"Plan({self.source!r}: {len(self)} procurements, "
                f"{self.table['organisation'].nunique()} organisations, "
                f"years {self.years}, currency {self.currency})")

    @property
    def years(self) -> list[int]:
        """The plan years, in order."""
        return sorted(int(y) for y in self.table["year"].unique())

    @property
    def organisations(self) -> list[str]:
        """The organisations, in order."""
        return sorted(str(o) for o in self.table["organisation"].unique())

    # ------------------------------------------------------------------ follow-up

    def follow_up(self, by: str | Sequence[str] | None = "organisation") -> pd.DataFrame:
        """Shares of procurements that set each kind of requirement, against the targets.

        Parameters
        ----------
        by : str, list of str or None
            ``"organisation"``, ``"year"``, ``"category"`` (also ``"status"``,
            ``"award_basis"``), a list of them, or None for the whole plan.

        Returns
        -------
        pandas.DataFrame
            Indexed by the group (a MultiIndex for several keys; one row
            ``"all"`` for None), with ``procurements`` (count), ``value`` (sum, in
            the plan's currency) and for each requirement R of environmental,
            reuse, plastics, climate, lcc: ``R_share`` = procurements with R / all
            procurements and ``R_value_share`` = value of those with R / value of
            all. Where a target for R is declared: ``R_target`` (0..1; NaN where
            the group has none), ``R_met`` (share ≥ target, exactly) and
            ``R_missing`` (the smallest m with (count + m)/n ≥ target).

        Notes
        -----
        A group whose procurements all have value 0 has no value to share: its
        ``R_value_share`` is then its ``R_share`` (each procurement weighs the same),
        so the figure stays defined and finite; ``attrs["notes"]`` says so.

        Targets of an organisation apply to the groups of that organisation when
        ``by`` includes ``"organisation"``; every other group follows the overall
        target.
        """
        keys = _keys(by, "follow_up")
        t = self.table
        cols: dict[str, Any] = {"procurements": np.ones(len(t), dtype=np.int64),
                                "value": t["value"].to_numpy()}
        for r in REQUIREMENTS:
            flag = t[r].to_numpy()
            cols[r] = flag.astype(np.int64)
            cols[f"{r}__v"] = np.where(flag, cols["value"], 0.0)
        frame = pd.DataFrame(cols)
        if keys:
            grouped = frame.groupby([t[k] for k in keys], observed=True, sort=True).sum()
        else:
            # column by column: a one-row frame of the sums (sum().T) made the counts floats
            grouped = pd.DataFrame({c: [frame[c].sum()] for c in frame.columns})
            grouped.index = pd.Index([WHOLE_PLAN], name="plan")
        n = grouped["procurements"].to_numpy()
        value = grouped["value"].to_numpy(dtype=float)
        out = pd.DataFrame(index=grouped.index)
        out["procurements"] = n
        out["value"] = value
        zero = value == 0
        notes: list[str] = []
        if zero.any():
            notes.append(Msg("Groups whose procurements all have value 0 show the share of "
                             "procurements as their value share: {groups}",
                             groups=", ".join(_label(i) for i in grouped.index[zero])))
        safe = np.where(zero, 1.0, value)
        declared = self.targets.requirements
        orgs = (grouped.index.get_level_values("organisation").astype(str)
                if "organisation" in keys else None)
        for r in REQUIREMENTS:
            count = grouped[r].to_numpy()
            share = count / n
            out[f"{r}_share"] = share
            out[f"{r}_value_share"] = np.where(zero, share, grouped[f"{r}__v"].to_numpy() / safe)
            if r not in declared:
                continue
            targets = [self.targets.target(r, None if orgs is None else orgs[i])
                       for i in range(len(grouped))]
            out[f"{r}_target"] = [math.nan if x is None else float(x) for x in targets]
            out[f"{r}_met"] = pd.array(
                [None if x is None else bool(int(c) >= x * int(k))
                 for x, c, k in zip(targets, count, n, strict=True)], dtype="boolean")
            out[f"{r}_missing"] = pd.array(
                [None if x is None else missing_count(int(c), int(k), x)
                 for x, c, k in zip(targets, count, n, strict=True)], dtype="Int64")
        out.attrs["currency"] = self.currency
        out.attrs["notes"] = notes
        return out

    # ------------------------------------------------------------------ outcomes

    def linked(self) -> pd.DataFrame:
        """One row per awarded procurement with a linked tender, indexed by id.

        Columns: ``organisation``, ``year``, ``category``, ``tender`` (its name),
        ``awarded`` and ``lowest_acquisition`` (the alternative with the lowest
        acquisition cost), ``lcc_awarded``, ``lcc_lowest_acquisition``,
        ``lcc_saving`` = lcc_lowest_acquisition − lcc_awarded (what awarding on LCC
        saved over awarding on acquisition cost alone; 0 when they are the same
        alternative, negative when the awarded one costs more), ``co2e_awarded_kg``,
        ``co2e_lowest_acquisition_kg`` and ``co2e_saving_kg`` (kg CO2e over each
        tender's study period; NaN where the tender states none).
        """
        t = self.table
        rows = t[(t["status"] == "awarded") & t["tender"].notna() & t["awarded"].notna()]
        records = []
        for ident, org, year, cat, path, awarded in zip(
                rows["id"], rows["organisation"], rows["year"], rows["category"],
                rows["tender"], rows["awarded"], strict=True):
            o = self.tenders[path]
            low = o.lowest_acquisition
            alts: dict[Any, dict[Any, Any]] = o.alternatives.to_dict("index")
            a, b = alts[awarded], alts[low]
            records.append({
                "id": ident, "organisation": org, "year": int(year), "category": cat,
                "tender": o.name, "awarded": awarded, "lowest_acquisition": low,
                "lcc_awarded": float(a["lcc"]), "lcc_lowest_acquisition": float(b["lcc"]),
                "lcc_saving": float(b["lcc"] - a["lcc"]),
                "co2e_awarded_kg": float(a["co2e_kg"]),
                "co2e_lowest_acquisition_kg": float(b["co2e_kg"]),
                "co2e_saving_kg": float(b["co2e_kg"] - a["co2e_kg"]),
            })
        cols = ["organisation", "year", "category", "tender", "awarded", "lowest_acquisition",
                *OUTCOME_SUMS]
        df = pd.DataFrame.from_records(records, columns=["id", *cols]).set_index("id")
        df.attrs["currency"] = self.currency
        return df

    def outcomes(self, by: str | Sequence[str] | None = "organisation") -> pd.DataFrame:
        """Results of the linked tenders summed by group.

        Returns
        -------
        pandas.DataFrame
            Indexed like :meth:`follow_up`, with ``linked`` (awarded procurements
            with a tender file) and the sums of ``lcc_awarded``,
            ``lcc_lowest_acquisition``, ``lcc_saving`` (plan currency, present
            values) and ``co2e_awarded_kg``, ``co2e_lowest_acquisition_kg``,
            ``co2e_saving_kg`` (see :meth:`linked`). Groups without linked
            tenders are left out.
        """
        keys = _keys(by, "outcomes")
        rows = self.linked()
        if keys:
            if not set(keys) <= {"organisation", "year", "category"}:
                extra = self.table.set_index("id")[keys]
                rows = rows.drop(columns=[k for k in keys if k in rows.columns]).join(extra)
            g = rows.groupby(keys, observed=True, sort=True)
            out = g[list(OUTCOME_SUMS)].sum(min_count=1)
            out.insert(0, "linked", g.size())
        else:
            out = rows[list(OUTCOME_SUMS)].sum(min_count=1).to_frame().T
            out.insert(0, "linked", len(rows))
            out.index = pd.Index([WHOLE_PLAN], name="plan")
        out.attrs["currency"] = self.currency
        return out

    def lcc_categories(self) -> pd.DataFrame:
        """Per category, what the linked tenders say about whether an LCC award pays.

        Returns
        -------
        pandas.DataFrame
            Indexed by category: ``tenders`` (distinct linked tender files),
            ``operating_share`` (mean over their alternatives of operating cost —
            energy, water, consumables, maintenance, other — over LCC),
            ``lives_differ`` (in some tender the alternatives' service lives
            differ), ``winner_changes`` (tenders whose lowest-LCC alternative is not
            the lowest-acquisition one) and ``lcc_pays`` (operating share ≥ 50 %,
            lives differ or the winner changes).
        """
        t = self.table[self.table["tender"].notna()]
        records: dict[str, dict[str, Any]] = {}
        for cat, group in t.groupby("category", observed=True, sort=True):
            paths = sorted(set(group["tender"]))
            shares, differ, changes = [], False, 0
            for p in paths:
                o = self.tenders[p]
                alts = o.alternatives
                ok = alts["lcc"].abs() > 0
                shares.extend((alts.loc[ok, "operating"] / alts.loc[ok, "lcc"]).tolist())
                differ = differ or o.lives_differ
                changes += int(o.lowest_lcc != o.lowest_acquisition)
            share = float(np.mean(shares)) if shares else math.nan
            records[str(cat)] = {"tenders": len(paths), "operating_share": share,
                                 "lives_differ": differ, "winner_changes": changes,
                                 "lcc_pays": bool(share >= 0.5 or differ or changes > 0)}
        df = pd.DataFrame.from_dict(records, orient="index",
                                    columns=["tenders", "operating_share", "lives_differ",
                                             "winner_changes", "lcc_pays"])
        df.index.name = "category"
        return df

    # ------------------------------------------------------------------ priorities

    def priorities(self, factors: Factors | None = None, *, requirement: str | None = None,
                   top: int | None = None) -> pd.DataFrame:
        """Planned procurements ranked by where a requirement would do most.

        The rank is by ``kg_co2e`` = value × the category's climate factor (kg CO2e
        per unit of money, from the user's table; see :func:`read_factors`), largest
        first; procurements of a category without a factor come last, by value.

        Parameters
        ----------
        factors : Factors, optional
            Climate factors per category. Without them ``kg_co2e`` is NaN and the
            rank is by value alone.
        requirement : str, optional
            Only procurements that do not yet set this requirement.
        top : int, optional
            Only the first ``top`` rows.

        Returns
        -------
        pandas.DataFrame
            Indexed by id: ``rank``, ``title``, ``organisation``, ``year``,
            ``category``, ``value``, ``factor`` (kg CO2e per unit of money),
            ``kg_co2e``, ``behind`` (the requirements this procurement lacks whose
            target its organisation and year miss, ';'-separated), ``lcc_pays`` (the
            linked tenders of its category show that an LCC award pays, see
            :meth:`lcc_categories`; NA where none is linked) and ``source`` (of the
            factor).
        """
        if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
            raise LCCError(Msg("top: got {top!r}; expected a whole number of rows, 1 or more",
                               top=top), field="Plan.priorities.top", code="invalid-value")
        if requirement is not None:  # a requirement as a plan's header or a target names it
            asked, requirement = requirement, column_of(str(requirement), REQUIREMENTS)
            if requirement is None:
                raise LCCError(Msg("requirement: got {requirement!r}; expected one of {value}",
                                   requirement=asked, value=Headers(REQUIREMENTS)),
                               field="Plan.priorities.requirement", code="invalid-value")
        if factors is not None and factors.currency != self.currency:
            raise LCCError(Msg("factors: the factors are per {currency} but the plan is in "
                               "{currency2}", currency=factors.currency, currency2=self.currency),
                           field="Plan.priorities.factors", code="currency-mix")
        t = self.table[self.table["status"] == "planned"]
        if requirement is not None:
            t = t[~t[requirement]]
        cats = t["category"].astype(str)
        notes: list[str] = []
        if factors is not None:
            table = factors.table  # a category in any letter case, as the plan reads it
            named = {str(c).casefold(): c for c in table.index}
            keys = cats.map(lambda c: named.get(c.casefold()))
            fac = keys.map(table["factor"]).astype(float)
            source = keys.map(table["source"]).fillna("")
            unknown = sorted(set(cats[keys.isna()]))
            if unknown:
                unused = sorted(str(c) for c in table.index
                                if str(c).casefold() not in {c.casefold() for c in cats})
                notes.append(Msg(
                    "No climate factor for the categories {names}: they rank last, by value "
                    "(the factor table's categories that no planned procurement has: {unused})",
                    names=", ".join(repr(c) for c in unknown),
                    unused=", ".join(repr(c) for c in unused) if unused else Msg("none")))
        else:
            fac = pd.Series(math.nan, index=t.index)
            source = pd.Series("", index=t.index)
        with np.errstate(over="ignore"):  # refused below
            kg = t["value"] * fac
        over = np.isinf(kg.to_numpy(dtype=float))
        if over.any():
            i = int(np.argmax(over))
            raise LCCError(Msg(
                "factors: the climate factor of {category!r} times the value of procurement "
                "{id!r} is more kg CO2e than lcc can compute with; check the factor's unit and "
                "the value's", category=cats.iloc[i], id=t["id"].iloc[i]),
                field="Plan.priorities.factors", code="invalid-value")
        out = pd.DataFrame({
            "id": t["id"], "title": t["title"], "organisation": t["organisation"].astype(str),
            "year": t["year"], "category": cats, "value": t["value"], "factor": fac,
            "kg_co2e": kg,
        })
        # requirements behind target in the row's organisation and year
        declared = self.targets.requirements
        behind = pd.Series("", index=t.index)
        if declared and len(t):
            fu = self.follow_up(["organisation", "year"])
            key = pd.MultiIndex.from_arrays([t["organisation"].astype(str), t["year"]])
            fu.index = pd.MultiIndex.from_arrays([fu.index.get_level_values(0).astype(str),
                                                  fu.index.get_level_values(1)])
            parts = []
            for r in declared:
                missed = (fu[f"{r}_missing"].fillna(0) > 0).reindex(key).to_numpy(dtype=bool)
                parts.append(np.where(missed & ~t[r].to_numpy(), r, ""))
            behind = pd.Series(["; ".join(p for p in ps if p) for ps in zip(*parts, strict=True)],
                               index=t.index)
        out["behind"] = behind
        pays = self.lcc_categories()["lcc_pays"]
        out["lcc_pays"] = pd.array([pays.get(c) if c in pays.index else None for c in cats],
                                   dtype="boolean")
        out["source"] = source
        out = out.sort_values(["kg_co2e", "value", "id"], ascending=[False, False, True],
                              na_position="last", kind="mergesort")
        out.insert(0, "rank", np.arange(1, len(out) + 1))
        out = out.set_index("id")
        if top is not None:
            out = out.head(top)
        out.attrs["currency"] = self.currency
        out.attrs["notes"] = notes
        return out

    # ------------------------------------------------------------------ criteria

    def criteria(self, *, differences_only: bool = False) -> pd.DataFrame:
        """Which criteria IDs each organisation uses in each category.

        Returns
        -------
        pandas.DataFrame
            Indexed by (category, criterion); one column per organisation: True
            where the organisation uses the criterion in the category, False where
            it procures in the category without it, NA where it has no
            procurement in the category. Then ``organisations`` (how many use it)
            and ``differs`` (True where some organisations that procure in the
            category use it and others do not: a candidate for harmonising).
        """
        t = self.table
        orgs = self.organisations
        present = t.groupby(["category", "organisation"], observed=True).size()
        pairs = t[["category", "organisation", "criteria"]].explode("criteria").dropna()
        used = set(zip(pairs["category"].astype(str), pairs["criteria"].astype(str),
                       pairs["organisation"].astype(str), strict=True))
        active = {(str(c), str(o)) for c, o in present.index}
        index = sorted({(c, k) for c, k, _ in used})
        data: dict[str, Any] = {}
        for org in orgs:
            data[org] = pd.array([((c, k, org) in used) if (c, org) in active else None
                                  for c, k in index],
                                 dtype="boolean")
        levels, (n_orgs, differs) = list(CRITERIA_LABELS[:2]), CRITERIA_LABELS[2:]
        df = pd.DataFrame(data, index=pd.MultiIndex.from_tuples(index, names=levels))
        if not index:
            df = pd.DataFrame(columns=[*orgs], index=pd.MultiIndex.from_tuples(
                [], names=levels))
        counts = df[orgs].fillna(False).sum(axis=1).astype(int) if orgs else 0
        active_n = df[orgs].notna().sum(axis=1) if orgs else 0
        df[n_orgs] = counts
        df[differs] = (counts > 0) & (counts < active_n)
        if differences_only:
            df = df[df[differs]]
        return df

    # ------------------------------------------------------------------ report

    def report(self, *, by: Sequence[str] = ("organisation", "year"), lang: str = "en",
               factors: Factors | None = None, title: str | None = None) -> Any:
        """A follow-up report (HTML or Excel): see :class:`lcc.portfolio.PlanReport`."""
        from lcc.portfolio._report import build_report

        return build_report(self, by=list(by), lang=lang, factors=factors, title=title)


#: The summed columns of :meth:`Plan.outcomes`.
OUTCOME_SUMS: tuple[str, ...] = (
    "lcc_awarded", "lcc_lowest_acquisition", "lcc_saving", "co2e_awarded_kg",
    "co2e_lowest_acquisition_kg", "co2e_saving_kg")


def _label(index_value: Any) -> str:
    if isinstance(index_value, tuple):
        return " / ".join(str(v) for v in index_value)
    return str(index_value)
