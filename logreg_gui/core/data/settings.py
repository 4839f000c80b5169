"""Everything that decides the data a model trains on, and the one path from those settings
to split data, used by the window and the command line alike."""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass, field, replace

import numpy as np

from ..errors import Cancelled, DataError
from ..i18n import translate
from .builtin import BUILTIN_DATASETS, load_builtin
from .feature_map import MAX_DEGREE, FeatureMap
from .generation import GenerationSettings, make_dataset
from .painted import PAINTED, PaintSettings, paint_problem, split_painted
from .shapes import SHAPES, ShapeSettings, make_shape
from .split import SplitData, split_dataset

__all__ = [
    "FILE",
    "GENERATED",
    "PAINTED",
    "DataSettings",
    "painted_settings",
    "prepare_data",
    "settings_from_dict",
    "settings_to_dict",
]

#: Data sources besides the built-in datasets' names.
GENERATED = "generated"
FILE = "file"


@dataclass(frozen=True)
class DataSettings:
    """Everything that decides the data a model trains on, as a form or the CLI sets it.

    ``source`` is ``"generated"`` (make_classification with ``generation``), ``"file"``
    (``path``, with ``target``; None guesses the target column), one of
    :data:`BUILTIN_DATASETS`, or a two-dimensional set of :data:`SHAPES` ("blobs", "moons",
    "circles", "xor", "spirals"; made with ``shape``), or ``"painted"``: the points of
    ``paint``, split by their own parts (``test_size`` unused). ``threshold`` cuts a
    quantity target into two classes (a number, or "median"). ``missing``: "drop" rows with missing cells, or "impute" them.
    ``include``/``exclude`` name file columns whose role the person chose. ``seed`` seeds
    the generation (of either kind) and the split alike. ``feature_map`` makes more features
    of the numeric columns (squares, crosses, sines, a polynomial degree), for every source.
    """

    source: str = GENERATED
    generation: GenerationSettings = field(default_factory=GenerationSettings)
    path: str | None = None
    target: str | None = None
    threshold: object = None
    missing: str = "drop"
    include: tuple = ()
    exclude: tuple = ()
    test_size: float = 0.3
    seed: int | None = 0
    standardize: bool = True
    feature_map: FeatureMap = field(default_factory=FeatureMap)
    shape: ShapeSettings = field(default_factory=ShapeSettings)
    paint: PaintSettings = field(default_factory=PaintSettings)


def painted_settings(settings: DataSettings | None, paint: PaintSettings) -> DataSettings:
    """The settings of the painted points ``paint`` made from ``settings`` (the data they
    were painted on): their split's seed and size, standardisation and feature map kept,
    every setting of another source at its default (as a form showing them describes them)."""
    base = DataSettings() if settings is None else settings
    return DataSettings(
        source=PAINTED,
        test_size=base.test_size,
        seed=base.seed,
        standardize=base.standardize,
        feature_map=base.feature_map,
        paint=paint,
    )


def settings_to_dict(settings: DataSettings) -> dict:
    """Plain JSON values of ``settings``."""
    from dataclasses import asdict

    return asdict(settings)


def settings_from_dict(data) -> DataSettings:
    """The inverse of :func:`settings_to_dict`; raises DataError for unknown or bad fields."""
    from dataclasses import fields

    try:
        data = dict(data)
        generation = dict(data.pop("generation", {}) or {})
        feature_map = FeatureMap(**dict(data.pop("feature_map", {}) or {}))
        shape = dict(data.pop("shape", {}) or {})
        paint = _paint_from_dict(data.pop("paint", None))
        if generation.get("weights") is not None:
            generation["weights"] = tuple(generation["weights"])
        known = {f.name for f in fields(DataSettings)}
        unknown = set(data) - known
        if unknown:
            raise TypeError(
                translate("data.settings", "unknown settings {names}").format(
                    names=", ".join(sorted(unknown))
                )
            )
        for key in ("include", "exclude"):
            if key in data:
                data[key] = tuple(data[key])
        settings = DataSettings(
            **data,
            generation=GenerationSettings(**generation),
            feature_map=feature_map,
            shape=ShapeSettings(**shape),
            paint=paint,
        )
        _check(settings)
        return settings
    except (TypeError, ValueError, OverflowError) as exc:
        raise DataError(
            translate("data.settings", "the data settings cannot be read ({error}).").format(
                error=exc
            )
        ) from None


def _paint_from_dict(values) -> PaintSettings:
    """PaintSettings of their JSON values (lists become tuples); checked by :func:`_check`."""
    from dataclasses import fields

    if values is None:
        return PaintSettings()
    if not isinstance(values, dict):
        raise TypeError(translate("data.settings", "the painted points are not a table"))
    unknown = set(values) - {f.name for f in fields(PaintSettings)}
    if unknown:
        raise TypeError(
            translate("data.settings", "unknown settings of the painted points: {names}").format(
                names=", ".join(sorted(map(str, unknown)))
            )
        )
    values = dict(values)
    for key in ("points", "columns", "classes"):
        if key in values:
            if not isinstance(values[key], (list, tuple)):
                raise TypeError(
                    translate("data.settings", "the painted points' {key} are not a list").format(
                        key=key
                    )
                )
            values[key] = tuple(values[key])
    if "points" in values:
        values["points"] = tuple(
            tuple(row) if isinstance(row, (list, tuple)) else row for row in values["points"]
        )
    return PaintSettings(**values)


def _check(settings: DataSettings) -> None:
    """Every field of ``settings`` of the type and in the range it may take (settings read
    from a file reach the forms and the data as they are); TypeError or ValueError."""
    from ..model.params import problem
    from .generation import GENERATION_CONSTRAINTS
    from .shapes import SHAPE_CONSTRAINTS
    from .split import DATA_CONSTRAINTS

    def fits(ok, name):
        if not ok:
            raise ValueError(name)

    fits(settings.source in (GENERATED, FILE, PAINTED, *BUILTIN_DATASETS, *SHAPES), "source")
    painted = paint_problem(settings.paint)
    fits(painted is None, painted)
    for name, constraints in GENERATION_CONSTRAINTS.items():
        value = getattr(settings.generation, name)
        if name != "weights":
            fits(problem(constraints, value, name) is None, name)
    weights = settings.generation.weights
    fits(weights is None or all(isinstance(w, (int, float)) for w in weights), "weights")
    for name, constraints in SHAPE_CONSTRAINTS.items():
        value = getattr(settings.shape, name)
        fits(problem(constraints, value, name) is None, f"shape.{name}")
    for name, constraints in DATA_CONSTRAINTS.items():
        fits(problem(constraints, getattr(settings, name), name) is None, name)
    fits(settings.path is None or isinstance(settings.path, str), "path")
    fits(settings.target is None or isinstance(settings.target, str), "target")
    threshold = settings.threshold
    fits(
        threshold is None
        or threshold == "median"
        or (isinstance(threshold, (int, float)) and not isinstance(threshold, bool)
            and abs(threshold) < float("inf")),
        "threshold",
    )  # fmt: skip
    fits(settings.missing in ("drop", "impute"), "missing")
    fits(all(isinstance(c, str) for c in (*settings.include, *settings.exclude)), "columns")
    fits(isinstance(settings.standardize, bool), "standardize")
    feature_map = settings.feature_map
    fits(
        isinstance(feature_map.degree, int)
        and not isinstance(feature_map.degree, bool)
        and 1 <= feature_map.degree <= MAX_DEGREE,
        "degree",
    )
    for name in ("squares", "crosses", "sin"):
        fits(isinstance(getattr(feature_map, name), bool), name)


def prepare_data(settings: DataSettings, *, cancel=None) -> SplitData:
    """Load or generate the data ``settings`` describe and split them.

    Raises DataError (with a message for a person), or Cancelled when ``cancel()`` says the
    result is no longer wanted. No library warning reaches the terminal: every problem is
    judged and said in words here.
    """

    def check():
        if cancel is not None and cancel():
            raise Cancelled(translate("data.settings", "the data are no longer wanted."))

    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        if settings.source == GENERATED:
            dataset = make_dataset(replace(settings.generation, random_state=settings.seed))
        elif settings.source == FILE:
            from .columns import guess_target
            from .dataset import dataset_from_table
            from .reading import read_table

            if not settings.path:
                raise DataError(translate("data.settings", "choose a data file first."))
            table = read_table(settings.path, cancel=cancel)
            check()
            target = settings.target if settings.target else guess_target(table.frame)
            dataset = dataset_from_table(
                table,
                target,
                threshold=settings.threshold,
                missing=settings.missing,
                include=settings.include,
                exclude=settings.exclude,
            )
        elif settings.source in BUILTIN_DATASETS:
            dataset = load_builtin(settings.source)
        elif settings.source in SHAPES:
            dataset = make_shape(settings.source, settings.shape, settings.seed)
        elif settings.source == PAINTED:
            return split_painted(settings.paint, settings.standardize, settings.feature_map)
        else:
            raise DataError(
                translate("data.settings", "unknown data source {source!r}.").format(
                    source=settings.source
                )
            )
        check()
        split = split_dataset(
            dataset,
            settings.test_size,
            settings.seed,
            settings.standardize,
            impute=settings.missing == "impute",
            feature_map=settings.feature_map,
        )
        check()
    if settings.source == FILE:
        name = os.path.basename(settings.path)
        split = replace(split, source=split.source or name)
    return split
