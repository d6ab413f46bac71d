"""The calibration files the report reads (the format: calibration.py's docstring and
docs/report.md) and their checked readers: each malformed file is one ReportError naming the file,
line and column."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import ReportError
from .csv_input import read_checked
from .sweep_data import metric_unit

DIR = "calibration"
POSTERIOR = "posterior.csv"
GENERATIONS = "generations.csv"
PREDICTIVE = "predictive.csv"
FORECAST = "forecast.csv"
FILES = {
    POSTERIOR: "posterior marginals (weighted histograms) and pairs, from one row per accepted "
               "particle: generation, weight, then one column per parameter",
    GENERATIONS: "tolerance and acceptance rate per generation, from generation, tolerance, "
                 "accepted, proposed, acceptance_rate",
    PREDICTIVE: "the posterior predictive against the reported figures, from one row per draw "
                "and figure: id, value (reported ranges from comparison.csv)",
    FORECAST: "the forecast with its intervals (fan chart), from quantity, region, date, q05, "
              "q25, q50, q75, q95",
}
QUANTILES = ["q05", "q25", "q50", "q75", "q95"]
# Units of the reported quantities (docs/reported_figures.md); other quantities: the metric's.
QUANTITY_UNITS = {
    "damage_usd": "usd", "sites_attacked": "sites", "sites_seized": "sites",
    "sites_burned": "sites", "vehicles_burned": "vehicles", "vehicles_damaged": "vehicles",
    "businesses_damaged": "businesses", "shops_wrecked": "premises",
    "eateries_wrecked": "premises", "offices_wrecked": "premises",
}


def quantity_unit(quantity: str) -> str | None:
    if quantity in QUANTITY_UNITS:
        return QUANTITY_UNITS[quantity]
    return metric_unit(f"final.{quantity}") or metric_unit(f"totals.{quantity}") or (
        "persons" if quantity in ("crowd", "armed_protesters", "protesters_killed",
                                  "citizens_killed", "citizens_injured", "people_injured",
                                  "hospitalised", "intensive_care", "site_intruders")
        else None)


def read_posterior(path: Path) -> tuple[pd.DataFrame, list[str]]:
    frame = read_checked(path, {"generation": "int", "weight": "weight"}, extra="number")
    params = [c for c in frame.columns if c not in ("generation", "weight")]
    if not params:
        raise ReportError(f"{path}: expected one column per parameter after generation, weight; "
                          "found none")
    last = frame[frame["generation"] == frame["generation"].max()]
    if last["weight"].sum() <= 0:
        raise ReportError(f"{path}: column weight: expected a positive sum over the last "
                          "generation, found 0")
    return frame, params


def read_generations(path: Path) -> pd.DataFrame:
    frame = read_checked(path, {"generation": "int", "tolerance": "weight", "accepted": "int",
                                "proposed": "int", "acceptance_rate": "fraction"})
    bad = frame.index[frame["accepted"] > frame["proposed"]]
    if len(bad):
        raise ReportError(f"{path}:{bad[0] + 2}: column accepted: expected at most proposed "
                          f"({frame['proposed'][bad[0]]}), found {frame['accepted'][bad[0]]}")
    return frame.sort_values("generation").reset_index(drop=True)


def read_predictive(path: Path) -> pd.DataFrame:
    raw_columns = pd.read_csv(path, nrows=0).columns if path.stat().st_size else []
    columns = {"id": "text", "value": "number"}
    if "draw" in raw_columns:
        columns["draw"] = "int"
    return read_checked(path, columns)


def read_forecast(path: Path) -> pd.DataFrame:
    frame = read_checked(path, {"quantity": "text", "region": "text", "date": "text",
                                **{q: "number" for q in QUANTILES}})
    times = []
    for i, text in enumerate(frame["date"]):
        try:
            if len(text) not in (10, 16):
                raise ValueError(text)
            times.append(pd.Timestamp(text))
        except ValueError:
            raise ReportError(f"{path}:{i + 2}: column date: expected a local date YYYY-MM-DD or "
                              f"date-time YYYY-MM-DDTHH:MM, found {text!r}") from None
    frame["time"] = times
    for a, b in zip(QUANTILES, QUANTILES[1:]):
        bad = frame.index[frame[b] < frame[a]]
        if len(bad):
            raise ReportError(f"{path}:{bad[0] + 2}: column {b}: expected >= {a} "
                              f"({frame[a][bad[0]]:g}), found {frame[b][bad[0]]:g}")
    return frame
